import * as assert from 'assert';
import fc from 'fast-check';
import { createManifest } from '../../../src/core/replication/createManifest';
import { serializeManifest } from '../../../src/core/replication/manifest';
import { type JsonNode, parseJsonTree } from '../../../src/core/replication/jsonTree';
import { parseManifest } from '../../../src/core/replication/parseManifest';
import { oldStylePaper } from './papers';

const NOW = new Date('2026-03-01T12:00:00Z');

describe('replication: manifest parse and validation with positions', () => {
  it('reads back what createManifest writes, without problems', () => {
    const m = createManifest(oldStylePaper(), { now: NOW });
    const r = parseManifest(serializeManifest(m));
    assert.deepStrictEqual(r.problems, []);
    assert.deepStrictEqual(r.manifest, m);
  });

  it('gives each claim its range, 0-based like VS Code', () => {
    const text = serializeManifest(createManifest(oldStylePaper(), { now: NOW }));
    const r = parseManifest(text);
    const lines = text.split('\n');
    assert.deepStrictEqual(Object.keys(r.claimRanges), ['c1', 'c2']);
    for (const id of ['c1', 'c2']) {
      const { start, end } = r.claimRanges[id];
      assert.strictEqual(lines[start.line][start.character], '{');
      assert.strictEqual(lines[end.line][end.character - 1], '}');
      assert.ok(lines.slice(start.line, end.line).some((l) => l.includes(`"id": "${id}"`)));
    }
  });

  it('reports each problem where it is, keeps the claims it can judge', () => {
    const text = [
      '{',
      '  "schemaVersion": 1,',
      '  "paper": {"id": "1706.03762", "version": 5, "title": "Attention"},',
      '  "status": "done",',
      '  "seeds": [0, 1],',
      '  "claims": [',
      '    {"id": "c1", "metric": "BLEU", "reported": 28.4, "tolerance": 0.5, "runs": [{"value": 28.1, "seed": 0}]},',
      '    {"id": "c2", "metric": "BLEU", "reported": "41.8", "tolerance": 0.5},',
      '    {"id": "c1", "metric": "BLEU", "reported": 1, "tolerance": -1}',
      '  ],',
      '  "compute": {"estimatedHours": 10, "actualHours": 3, "entries": [{"hours": 1}]}',
      '}',
    ].join('\n');
    const r = parseManifest(text);
    const at = (p: { range: { start: { line: number; character: number } } }) => [p.range.start.line, p.range.start.character];
    const byMessage = (needle: string) => {
      const p = r.problems.find((x) => x.message.includes(needle));
      assert.ok(p, `no problem mentioning ${needle}: ${JSON.stringify(r.problems.map((x) => x.message))}`);
      return p;
    };
    const lines = text.split('\n');
    assert.deepStrictEqual(at(byMessage('"status" must be one of')), [3, lines[3].indexOf('"done"')]);
    assert.deepStrictEqual(at(byMessage('"reported" must be a number, not string')), [7, lines[7].indexOf('"41.8"')]);
    assert.deepStrictEqual(byMessage('"reported" must be a number').path, ['claims', 1, 'reported']);
    assert.deepStrictEqual(at(byMessage('"tolerance" must be at least 0')), [8, lines[8].indexOf('-1')]);
    assert.strictEqual(byMessage('actualHours').severity, 'warning');
    assert.deepStrictEqual(r.manifest?.claims.map((c) => c.id), ['c1'], 'c2 cannot be judged, the second c1 is a duplicate');
    assert.strictEqual(r.manifest?.claims[0].runs[0].value, 28.1);
    assert.strictEqual(r.manifest?.claims[0].runsPlanned, 2, 'defaults to the number of seeds');
    assert.strictEqual(r.manifest?.status, 'planned');
  });

  it('flags a duplicated claim id and keeps the first', () => {
    const r = parseManifest(
      '{"schemaVersion":1,"paper":{"id":"1","version":1},"status":"planned","seeds":[0],"claims":[' +
        '{"id":"c1","metric":"m","reported":1,"tolerance":0},{"id":"c1","metric":"m","reported":2,"tolerance":0}]}',
    );
    assert.deepStrictEqual(r.manifest?.claims.map((c) => c.reported), [1]);
    assert.ok(r.problems.some((p) => p.message.includes('used twice') && p.path.join('.') === 'claims.1.id'));
  });

  it('survives text being typed: syntax errors are reported, what parses is used', () => {
    const r = parseManifest('{\n  "status": "running",\n  "claims": [\n    {"id": "c1", "metric": "F1", "reported": 0.9, "tolerance": 0.01,\n');
    assert.ok(r.problems.some((p) => p.message.startsWith('JSON syntax')));
    assert.strictEqual(r.manifest?.status, 'running');
    assert.deepStrictEqual(r.manifest?.claims.map((c) => c.id), ['c1']);
    assert.strictEqual(parseManifest('[1, 2]').manifest, null);
    assert.strictEqual(parseManifest('').manifest, null);
  });
});

/** The plain value a JSON tree node stands for, to compare with JSON.parse. */
function value(n: JsonNode): unknown {
  return n.type === 'object'
    ? Object.fromEntries(n.children!.map((p) => [p.children![0].value, value(p.children![1])]))
    : n.type === 'array'
      ? n.children!.map(value)
      : n.value;
}

describe('replication: JSON tree with positions', () => {
  it('agrees with JSON.parse on values and finds each node where it is', () => {
    const text = '\ufeff{ "a": [1, -2.5e3, true, null, "x\\u00e9\\n"], "b": {"c": {}} , "d": [] }\n';
    const { root, errors } = parseJsonTree(text);
    assert.deepStrictEqual(errors, []);
    assert.deepStrictEqual(value(root!), JSON.parse(text.slice(1)));
    const a = root!.children![0].children![1];
    assert.strictEqual(text.slice(a.offset, a.offset + a.length), '[1, -2.5e3, true, null, "x\\u00e9\\n"]');
    assert.strictEqual(text.slice(root!.offset, root!.offset + root!.length), text.slice(1).trim());
  });

  it('property: reads any JSON as JSON.parse does', () => {
    fc.assert(
      fc.property(fc.json(), fc.constantFrom(0, 2), (json, indent) => {
        const text = indent ? JSON.stringify(JSON.parse(json), null, indent) : json;
        const { root, errors } = parseJsonTree(text);
        assert.deepStrictEqual(errors, []);
        assert.deepStrictEqual(value(root!), JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('rejects what JSON rejects, saying where', () => {
    for (const [text, message] of [
      ['{"a": 1,}', /trailing comma/],
      ["{'a': 1}", /property name in double quotes/],
      ['{"a" 1}', /":" expected after "a"/],
      ['[01]', /"," or "]" expected, found "1"/],
      ['{"a": tru}', /a value was expected/],
      ['"a\tb"', /control character/],
      ['{} x', /end of the file was expected/],
      ['{"a": "b', /unterminated string/],
      ['// c\n{}', /a value was expected/],
    ] as const) {
      const { errors } = parseJsonTree(text);
      assert.strictEqual(errors.length, 1, text);
      assert.match(errors[0].message, message, text);
      let threw = false;
      try {
        JSON.parse(text);
      } catch {
        threw = true;
      }
      assert.ok(threw, `JSON.parse accepts ${text}`);
    }
  });
});
