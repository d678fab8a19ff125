import * as assert from 'assert';
import fc from 'fast-check';
import { readCanonical } from '../../../src/core/library/canonicalReader';
import { parseYaml } from '../../../src/core/library/frontMatter';
import { serializeRecord } from '../../../src/core/library/note';
import { type LibraryRecord, recordFromPaper, STATUSES } from '../../../src/core/library/record';
import { readFields, readRecord } from '../../../src/core/library/validateRecord';
import { fixturePapers } from './support/corpus';
import { RECORD } from './support/samples';

/** The YAML parser's reading: the reference the fast reader must agree with. */
function slow(yaml: string): LibraryRecord | undefined {
  const parsed = parseYaml(yaml);
  return parsed.errors.length ? undefined : readRecord(parsed).record;
}

function fast(yaml: string): LibraryRecord | undefined {
  const fields = readCanonical(yaml);
  return fields && readFields(fields).record;
}

const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 30 }).filter((s) => s.trim().length > 0);
const record: fc.Arbitrary<LibraryRecord> = fc.record({
  ...Object.fromEntries(Object.entries(RECORD).map(([k, v]) => [k, fc.constant(v)])),
  title: fc.oneof(text, fc.constantFrom('A: B', '#1 model', '- dash', "O'Neil's [bracket], {brace}", 'null', '2024', 'yes', 'x #y', 'trailing ')),
  authors: fc.array(fc.oneof(text, fc.constantFrom('Ł. Kaiser', 'A "quoted" name', '~')), { maxLength: 4 }),
  tags: fc.uniqueArray(fc.oneof(text.map((s) => s.trim()), fc.constantFrom('a,b', 'x: y', '[t]', '2024', 'true')).filter((s) => s.length > 0), { maxLength: 4 }),
  status: fc.constantFrom(...STATUSES),
  summary: fc.option(fc.oneof(text, fc.constantFrom('line one\n\n  indented two\n', '\n\nleading blank', ' leading space', 'tab\there')), { nil: null }),
  comment: fc.option(text, { nil: null }),
}) as fc.Arbitrary<LibraryRecord>;

describe('library notes: the fast reader of canonical front matter', () => {
  it('reads every note the store writes, exactly as the YAML parser does', () => {
    fc.assert(
      fc.property(record, (r) => {
        const yaml = serializeRecord(r);
        const reference = slow(yaml);
        assert.deepStrictEqual(reference, { ...r });
        const ours = fast(yaml);
        // The serializer may choose a form the fast reader declines (a tab, say); it must never differ.
        if (ours) assert.deepStrictEqual(ours, reference);
      }),
      { numRuns: 400 },
    );
  });

  it('reads the real fixture papers without falling back', () => {
    for (const paper of fixturePapers().slice(0, 400)) {
      const yaml = serializeRecord(recordFromPaper(paper, { added: '2024-05-17', tags: ['a b', 'x'] }));
      assert.ok(fast(yaml), yaml);
      assert.deepStrictEqual(fast(yaml), slow(yaml));
    }
  });

  it('never reads an edited note differently from the YAML parser', () => {
    const base = serializeRecord({ ...RECORD, tags: ['a', 'b c'], summary: 'one\n\ntwo' });
    const tricky = [...' #:\'"[]{},|>-\n\\!&*%@~?\t', 'x', 'null', '  - ', '  ', ': ', ' #'];
    const edit = fc.record({ at: fc.nat(base.length), cut: fc.nat(3), insert: fc.array(fc.constantFrom(...tricky), { maxLength: 3 }).map((a) => a.join('')) });
    let compared = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 3 }), (edits) => {
        let yaml = base;
        for (const e of edits) {
          const at = Math.min(e.at, yaml.length);
          yaml = yaml.slice(0, at) + e.insert + yaml.slice(at + e.cut);
        }
        const ours = fast(yaml);
        if (ours) {
          compared++;
          assert.deepStrictEqual(ours, slow(yaml), JSON.stringify(yaml));
        }
      }),
      { numRuns: 3000 },
    );
    assert.ok(compared > 300, `only ${compared} edited notes were read by the fast reader`);
  });

  it('leaves anything outside the canonical shape to the YAML parser', () => {
    const canonical = serializeRecord(RECORD);
    assert.ok(readCanonical(canonical));
    for (const variant of [
      `# a comment\n${canonical}`,
      `${canonical}priority: high\n`,
      canonical.replace('status: inbox', "status: 'inbox'"),
      canonical.replace('status: inbox', 'status:  inbox'),
      canonical.replace('status: inbox', 'status: inbox # soon'),
      canonical.replace('  - Noam Shazeer', '- Noam Shazeer'),
      canonical.replace('tags: [transformers]', 'tags: [ transformers ]'),
      canonical.replace('summary: The', 'summary: >-\n  The'),
      canonical.replace('summary: The', 'summary: |+\n  The'),
      canonical.replace('status: inbox', 'status:\tinbox'),
      canonical.replace('\n', '\r\n'),
      canonical.replace('id: "1706.03762"', 'id: "1706.03762\\x41"'),
      canonical.slice(0, -1),
      `${canonical}status: read\n`,
    ]) {
      assert.strictEqual(readCanonical(variant), undefined, variant);
    }
  });
});
