import * as assert from 'assert';
import fc from 'fast-check';
import { parseNote, renderNote, rewriteNote, serializeRecord } from '../../../src/core/library/note';
import { type LibraryRecord, STATUSES } from '../../../src/core/library/record';
import { HAND_EDITED, RECORD } from './support/samples';

function parsed(text: string) {
  const result = parseNote(text);
  if (!result.ok) assert.fail(`expected a good note, got ${JSON.stringify(result.problems)}`);
  return result.note;
}

function problems(text: string) {
  const result = parseNote(text);
  if (result.ok) assert.fail('expected problems');
  return result.problems;
}

const BODY = '\n# Notes\n\nThe ablation in table 3 is the interesting part.\n';

describe('library notes: record <-> front matter', () => {
  it('reads back exactly the record and body it wrote', () => {
    const note = parsed(renderNote(RECORD, BODY));
    assert.deepStrictEqual(note.record, RECORD);
    assert.strictEqual(note.body, BODY);
    assert.deepStrictEqual(note.extras, {});
  });

  it('writes keys in a fixed order, one author per line, and leaves unset fields out', () => {
    const yaml = serializeRecord(RECORD);
    assert.deepStrictEqual(
      yaml.split('\n').filter((l) => /^\S/.test(l)).map((l) => l.split(':')[0]),
      ['id', 'version', 'title', 'authors', 'published', 'primaryCategory', 'categories', 'status', 'tags', 'added', 'abs', 'pdf', 'comment', 'summary'],
    );
    assert.match(yaml, /^authors:\n {2}- Ashish Vaswani\n {2}- Noam Shazeer\n {2}- Niki Parmar\n {2}- Łukasz Kaiser\n/m);
    // An id that YAML would read as a number is quoted, so 1605.08380 never becomes 1605.0838.
    assert.match(yaml, /^id: "1706\.03762"$/m);
    assert.match(yaml, /^published: 2017-06-12T17:57:34Z$/m);
    assert.match(yaml, /^added: 2024-05-17$/m);
    assert.match(yaml, /^tags: \[transformers\]$/m);
    assert.doesNotMatch(yaml, /started|finished|doi|journalRef/);
  });

  it('round-trips any record, and re-serializing what it read gives the same bytes', () => {
    const text = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 }).filter((s) => s.trim().length > 0);
    const day = fc.date({ min: new Date('1991-01-01'), max: new Date('2099-12-31'), noInvalidDate: true }).map((d) => d.toISOString().slice(0, 10));
    const tags = fc.uniqueArray(text.map((s) => s.trim()), { maxLength: 4 });
    const record: fc.Arbitrary<LibraryRecord> = fc.record({
      id: fc.stringMatching(/^(\d{4}\.\d{4,5}|[a-z-]{2,8}\/\d{7})$/),
      version: fc.integer({ min: 1, max: 30 }),
      title: text,
      authors: fc.array(text, { maxLength: 5 }),
      published: fc.option(day, { nil: null }),
      primaryCategory: fc.option(fc.constantFrom('cs.LG', 'hep-th', 'stat.ML'), { nil: null }),
      categories: fc.array(fc.constantFrom('cs.LG', 'cs.AI', 'math.OC'), { maxLength: 3 }),
      status: fc.constantFrom(...STATUSES),
      tags,
      added: day,
      started: fc.option(day, { nil: null }),
      finished: fc.option(day, { nil: null }),
      abs: fc.option(fc.webUrl(), { nil: null }),
      pdf: fc.option(fc.webUrl(), { nil: null }),
      doi: fc.option(text, { nil: null }),
      journalRef: fc.option(text, { nil: null }),
      comment: fc.option(text, { nil: null }),
      summary: fc.option(fc.string({ unit: 'grapheme', minLength: 1, maxLength: 200 }).filter((s) => s.trim().length > 0), { nil: null }),
    });
    fc.assert(
      fc.property(record, fc.string({ maxLength: 50 }), (r, body) => {
        const written = renderNote(r, body);
        const back = parsed(written);
        assert.deepStrictEqual(back.record, { ...r });
        assert.strictEqual(back.body, body);
        assert.strictEqual(renderNote(back.record, back.body), written);
      }),
      { numRuns: 300 },
    );
  });

  it('leaves a note untouched when nothing changes, even a hand-edited one', () => {
    for (const text of [HAND_EDITED, renderNote(RECORD, BODY), HAND_EDITED.replace(/\n/g, '\r\n')]) {
      const result = rewriteNote(text, (r) => ({ ...r }));
      assert.ok(result.ok);
      assert.strictEqual(result.changed, false);
      assert.strictEqual(result.text, text);
    }
  });

  it('reads what people type: unquoted ids, "to read", tag numbers, their own keys', () => {
    const note = parsed(HAND_EDITED);
    assert.strictEqual(note.record.id, '1605.08380');
    assert.strictEqual(note.record.status, 'to-read');
    assert.deepStrictEqual(note.record.tags, ['vision', '2024']);
    assert.deepStrictEqual(note.record.authors, ['Ada Lovelace', 'Alan Turing']);
    assert.deepStrictEqual(note.extras, { priority: 'high' });
    assert.strictEqual(note.body, '\n# My notes\n\nThe loss in eq. 3 looks odd; check the appendix.\n');
    assert.match(note.frontMatter, /^# Read for the reading group\n/);
  });

  it('rewrites only the keys that changed, keeping comments, quoting, spacing and unknown keys', () => {
    const result = rewriteNote(HAND_EDITED, (r) => ({ ...r, status: 'reading', started: '2024-06-01', tags: [...r.tags, 'dreams'] }));
    assert.ok(result.ok && result.changed);
    const expected = HAND_EDITED.replace('status: to read', 'status: reading')
      .replace('tags:   [vision,  "2024"]', 'tags: [vision, "2024", dreams]')
      .replace('added: 2024-01-05\n', 'added: 2024-01-05\nstarted: 2024-06-01\n');
    assert.strictEqual(result.text, expected);
  });

  it('keeps a same-line comment and removes a cleared key with its line', () => {
    const text = renderNote({ ...RECORD, status: 'read', started: '2024-05-18', finished: '2024-05-20' }, BODY).replace(
      'status: read\n',
      'status: read # finally\n',
    );
    const result = rewriteNote(text, (r) => ({ ...r, status: 'reading', finished: null }));
    assert.ok(result.ok);
    assert.strictEqual(result.text, text.replace('status: read # finally', 'status: reading # finally').replace('finished: 2024-05-20\n', ''));
  });

  it('turns a canonical note into exactly the canonical note of the changed record', () => {
    const change = fc.record({
      status: fc.constantFrom(...STATUSES),
      tags: fc.uniqueArray(fc.constantFrom('a', 'b c', 'x: y', '2024', 'ünï'), { maxLength: 4 }),
      started: fc.option(fc.constant('2024-06-01'), { nil: null }),
      finished: fc.option(fc.constant('2024-06-09T10:00:00Z'), { nil: null }),
      title: fc.constantFrom(RECORD.title, 'A: new title', '#hashtag title'),
    });
    fc.assert(
      fc.property(change, (c) => {
        const result = rewriteNote(renderNote(RECORD, BODY), (r) => ({ ...r, ...c }));
        assert.ok(result.ok);
        assert.strictEqual(result.text, renderNote({ ...RECORD, ...c }, BODY));
      }),
      { numRuns: 200 },
    );
  });

  it('re-prints layouts it cannot splice (an indented mapping), keeping the comments', () => {
    const text = ['---', '  # indented by hand', '  id: "1605.08380"', '  title: T', '  status: inbox # new', '  added: 2024-01-05', '---', 'body', ''].join('\n');
    const result = rewriteNote(text, (r) => ({ ...r, status: 'reading', started: '2024-06-01' }));
    assert.ok(result.ok && result.changed);
    const back = parsed(result.text);
    assert.deepStrictEqual([back.record.status, back.record.started, back.body], ['reading', '2024-06-01', 'body\n']);
    assert.match(result.text, /# indented by hand/);
    assert.match(result.text, /# new/);
  });

  it('keeps CRLF line ends and a byte-order mark when it rewrites', () => {
    const text = '\uFEFF' + HAND_EDITED.replace(/\n/g, '\r\n');
    const result = rewriteNote(text, (r) => ({ ...r, status: 'read' }));
    assert.ok(result.ok);
    assert.strictEqual(result.text, text.replace('status: to read', 'status: read'));
  });

  it('never touches the body, whatever it contains', () => {
    const body = '\n---\nid: not-the-record\n---\n```yaml\nstatus: read\n```\n';
    const text = renderNote(RECORD, body);
    const result = rewriteNote(text, (r) => ({ ...r, status: 'replicating' }));
    assert.ok(result.ok);
    assert.ok(result.text.endsWith(body));
    assert.strictEqual(parsed(result.text).body, body);
  });
});

describe('library notes: problems are reported with their line', () => {
  it('reports a YAML syntax error at its line in the file', () => {
    const text = ['---', 'id: "1706.03762"', 'title: [unclosed', 'status: inbox', 'added: 2024-05-17', '---', ''].join('\n');
    const [first] = problems(text);
    assert.strictEqual(first.line, 3);
    assert.match(first.message, /^The value of "title" is not closed: Flow sequence .* end with a \]/);
    const quote = problems(text.replace('title: [unclosed', 'title: "unclosed'))[0];
    assert.deepStrictEqual([quote.line, quote.message], [3, 'The value of "title" is not closed: Missing closing "quote']);
  });

  it('names the allowed statuses when the status is unknown', () => {
    const text = renderNote(RECORD, BODY).replace('status: inbox', 'status: skimmed');
    const found = problems(text);
    assert.deepStrictEqual(
      found.map((p) => p.line),
      [text.split('\n').indexOf('status: skimmed') + 1],
    );
    assert.match(found[0].message, /"status" must be one of inbox, to-read, reading, read, replicating, replicated, abandoned; "skimmed" is not a status/);
  });

  it('reports each bad field, with its line', () => {
    const text = ['---', 'id: "1706.03762"', 'title: T', 'status: read', 'added: 2024-02-30', 'version: two', 'tags: ml', '---', ''].join('\n');
    const found = problems(text);
    assert.deepStrictEqual(
      found.map((p) => [p.line, p.message.split(' ').slice(0, 3).join(' ')]),
      [
        [5, '"added" must be'],
        [6, '"version" must be'],
        [7, '"tags" must be'],
      ],
    );
  });

  it('reports a missing fence, a missing key, a duplicate key and a non-mapping', () => {
    assert.deepStrictEqual(problems('# Notes only\n'), [{ line: 1, message: 'No front matter: the first line of notes.md must be ---' }]);
    assert.match(problems('---\nid: x\n')[0].message, /not closed/);
    assert.match(problems('---\nid: "1"\ntitle: T\nstatus: read\n---\n')[0].message, /Missing "added"/);
    const dup = problems('---\nid: "1"\nid: "2"\n---\n');
    assert.strictEqual(dup[0].line, 3);
    assert.match(dup[0].message, /unique/);
    assert.match(problems('---\n- a\n- b\n---\n')[0].message, /mapping/);
  });

  it('refuses to rewrite a note it cannot read, returning the problems instead', () => {
    const text = renderNote(RECORD, BODY).replace('status: inbox', 'status: [');
    const result = rewriteNote(text, (r) => ({ ...r, status: 'read' }));
    assert.strictEqual(result.ok, false);
  });
});
