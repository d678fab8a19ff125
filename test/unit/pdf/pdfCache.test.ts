import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { PdfCache } from '../../../src/core/pdf/pdfCache';
import { projectRoot } from '../../support/paths';
import { useTempDir } from '../library/support/tempDir';

const FIXTURE = fs.readFileSync(path.join(projectRoot, 'test', 'fixtures', 'pdf', 'paper.pdf'));

describe('PdfCache', () => {
  const tmp = useTempDir();

  it('keeps a whole PDF and finds it again', async () => {
    const cache = new PdfCache(tmp.path);
    const file = await cache.put('hep-th/9901001', 2, FIXTURE);
    assert.strictEqual(path.basename(file), 'hep-th_9901001v2.pdf');
    assert.ok(fs.readFileSync(file).equals(FIXTURE));
    assert.strictEqual(await cache.has('hep-th/9901001', 2), true);
    assert.strictEqual(await cache.has('hep-th/9901001', 1), false);
  });

  it('refuses an HTML page and a download cut off mid-way, leaving no file behind', async () => {
    const cache = new PdfCache(tmp.path);
    await assert.rejects(cache.put('1706.03762', 7, Buffer.from('<!DOCTYPE html><html>Not available</html>')), /did not send a PDF/);
    await assert.rejects(cache.put('1706.03762', 7, FIXTURE.subarray(0, Math.floor(FIXTURE.length / 2))), /cut off/);
    assert.deepStrictEqual(fs.readdirSync(tmp.path), []);
    assert.strictEqual(await cache.has('1706.03762', 7), false);
  });
});
