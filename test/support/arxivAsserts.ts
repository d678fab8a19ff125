/** Assertions the parser tests share. */
import * as assert from 'assert';
import { ArxivError, type ArxivErrorCode } from '../../src/core/arxiv/errors';
import type { PaperDetails, ParsedResponse } from '../../src/core/arxiv/types';

/** `fn` throws an ArxivError with this code (and a message matching `message`). */
export function throwsCode(fn: () => unknown, code: ArxivErrorCode, message?: RegExp): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof ArxivError, `not an ArxivError: ${String(e)}`);
    assert.strictEqual(e.code, code, e.message);
    if (message) assert.match(e.message, message);
    return true;
  });
}

/** The paper with this id in a parsed response; fails the test when it is missing. */
export function byId(res: ParsedResponse, id: string): PaperDetails {
  const p = res.papers.find((x) => x.id === id);
  assert.ok(p, `no paper ${id}`);
  return p;
}

/** `p` rejects with an ArxivError of this code; returns it for further checks. */
export async function rejectsCode(p: Promise<unknown>, code: string): Promise<ArxivError> {
  try {
    await p;
  } catch (e) {
    assert.ok(e instanceof ArxivError, `expected ArxivError, got ${String(e)}`);
    assert.strictEqual(e.code, code, e.message);
    return e;
  }
  assert.fail(`expected a rejection with ${code}`);
}
