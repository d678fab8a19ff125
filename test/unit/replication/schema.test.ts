import * as assert from 'assert';
import * as fs from 'fs';
import * as path from 'path';
import { createManifest } from '../../../src/core/replication/createManifest';
import { projectRoot } from '../../support/paths';
import { oldStylePaper } from './papers';

type Schema = { $ref?: string; properties?: Record<string, Schema>; items?: Schema; description?: string; definitions?: Record<string, Schema> };

const schema: Schema = JSON.parse(fs.readFileSync(path.join(projectRoot, 'media', 'schemas', 'replication.schema.json'), 'utf8'));
const resolve = (s: Schema): Schema => (s.$ref ? schema.definitions![s.$ref.replace('#/definitions/', '')] : s);

/** Every key of `value` must be declared by `s`; returns the paths that are not. */
function undeclared(value: unknown, s: Schema, at: string): string[] {
  s = resolve(s);
  if (Array.isArray(value)) return s.items ? value.flatMap((v, i) => undeclared(v, s.items!, `${at}[${i}]`)) : [];
  if (value === null || typeof value !== 'object' || !s.properties) return [];
  return Object.entries(value).flatMap(([k, v]) => (s.properties![k] ? undeclared(v, s.properties![k], `${at}.${k}`) : [`${at}.${k}`]));
}

describe('replication: the JSON Schema the editor completes from', () => {
  it('declares every key the extension and the helper write, each with a description', () => {
    const m = createManifest(oldStylePaper());
    const at = '2026-01-01T00:00:00Z';
    m.claims[0].runs.push({ value: 1, seed: 0, at, how: 'x.py:1' });
    m.assumptions.push({ id: 'a1', topic: 't', decision: 'd', rationale: null, paper: null, decidedIn: { file: 'x.py', line: 1, cell: null }, at });
    m.compute.entries.push({ hours: 1, at, note: null });
    m.environment = { python: '3.11', platform: 'Linux', packages: {}, hardware: {}, seeds: [0], capturedAt: at };
    assert.deepStrictEqual(undeclared(JSON.parse(JSON.stringify(m)), schema, '$'), []);

    const missing: string[] = [];
    const walk = (s: Schema, where: string) => {
      const r = resolve(s);
      if (r.items) return walk(r.items, `${where}[]`);
      for (const [k, p] of Object.entries(r.properties ?? {})) {
        if (k === '$schema') continue;
        if (!resolve(p).description && !p.description) missing.push(`${where}.${k}`);
        walk(p, `${where}.${k}`);
      }
    };
    walk(schema, '$');
    assert.deepStrictEqual(missing, []);
  });
});
