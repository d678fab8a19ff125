import * as assert from 'assert';
import type { Paper } from '../../../src/core/arxiv/types';
import {
  chooseNoteTemplate,
  DEFAULT_NOTE_TEMPLATE,
  noteValues,
  noteValuesFromPaper,
  PLACEHOLDERS,
  renderNoteFile,
  renderNoteTemplate,
} from '../../../src/core/notes/template';
import { paper as samplePaper } from '../library/support/samples';

// The shared sample, with a two-paragraph abstract to show paragraphs are kept.
const paper: Paper = samplePaper({
  summary: '  The dominant sequence transduction models are based on complex recurrent or\n  convolutional neural networks.\n\n  We propose a new simple network architecture, the Transformer.\n',
});

describe('note template', () => {
  it('fills every placeholder of the default template from a paper', () => {
    const { body, unknown } = renderNoteTemplate(DEFAULT_NOTE_TEMPLATE, noteValuesFromPaper(paper));
    assert.deepStrictEqual(unknown, []);
    assert.ok(!body.includes('{{'), body);
    assert.ok(body.includes('# Attention Is All You Need\n'));
    assert.ok(body.includes('Ashish Vaswani, Noam Shazeer'));
    assert.ok(body.includes('[arXiv:1706.03762](https://arxiv.org/abs/1706.03762v7) · [PDF](https://arxiv.org/pdf/1706.03762v7) · 2017-06-12 · cs.CL, cs.LG'));
    assert.ok(body.includes('recurrent or convolutional neural networks.\n\nWe propose'), 'abstract unwrapped into paragraphs');
    for (const section of ['Summary in my own words', 'Key ideas', 'Method', 'Claims and numbers worth replicating', 'Questions', 'Related papers', 'Quotes']) {
      assert.ok(body.includes(`## ${section}\n`), section);
    }
    assert.ok(body.trimEnd().endsWith('## Quotes'), 'quotes come last so "Quote in notes" appends under them');
  });

  it('leaves unknown placeholders as written and reports them with their line', () => {
    const { body, unknown } = renderNoteTemplate('# {{title}}\n{{ venue }} {{titel}}\n{{year}}', noteValuesFromPaper(paper));
    assert.strictEqual(body, '# Attention Is All You Need\n{{ venue }} {{titel}}\n2017');
    assert.deepStrictEqual(unknown, [
      { name: 'venue', line: 2 },
      { name: 'titel', line: 2 },
    ]);
  });

  it('turns missing values into empty text', () => {
    const { body } = renderNoteTemplate('doi={{doi}};journal={{journalRef}};date={{date}};x={{abstract}}', {});
    assert.strictEqual(body, 'doi=;journal=;date=;x=');
    const values = noteValues({ id: 'hep-th/9901001', title: 'T', authors: ['A B'] });
    assert.strictEqual(values.date, '');
    assert.strictEqual(values.url, 'https://arxiv.org/abs/hep-th/9901001');
  });

  it('reads the year from the id when the source has no date (daily feeds)', () => {
    assert.strictEqual(noteValues({ id: 'hep-th/9901001', title: 'T', authors: [] }).year, '1999');
    assert.strictEqual(noteValues({ id: '2504.18512', title: 'T', authors: [] }).year, '2025');
    assert.strictEqual(noteValues({ id: '2504.18512', title: 'T', authors: [], published: '2024-12-30T10:00:00Z' }).year, '2024');
  });

  it('never expands placeholders that arrive inside values', () => {
    const { body, unknown } = renderNoteTemplate('{{title}} / {{abstract}}', { title: 'On {{abstract}}', abstract: '$\\{x\\}$ {{id}}' });
    assert.strictEqual(body, 'On {{abstract}} / $\\{x\\}$ {{id}}');
    assert.deepStrictEqual(unknown, []);
  });

  it('accepts a library record as well as a paper', () => {
    const v = noteValues({
      id: '2401.12345',
      version: 2,
      title: 'A',
      authors: ['Ann Lee', 'Bo Li'],
      published: '2024-01-22',
      categories: ['cs.LG'],
      abs: null,
      pdf: null,
      summary: null,
    });
    assert.deepStrictEqual([v.authors, v.year, v.version, v.pdf, v.abstract], ['Ann Lee, Bo Li', '2024', '2', 'https://arxiv.org/pdf/2401.12345', '']);
  });

  it('knows every placeholder it documents', () => {
    const all = PLACEHOLDERS.map((p) => `{{${p}}}`).join('\n');
    assert.deepStrictEqual(renderNoteTemplate(all, noteValuesFromPaper(paper)).unknown, []);
  });

  it('uses the workspace template when it has content, else the default', () => {
    assert.strictEqual(chooseNoteTemplate(undefined), DEFAULT_NOTE_TEMPLATE);
    assert.strictEqual(chooseNoteTemplate('  \n'), DEFAULT_NOTE_TEMPLATE);
    assert.strictEqual(chooseNoteTemplate('# {{title}}\n'), '# {{title}}\n');
  });

  it('lets the library store write the front matter', () => {
    const note = renderNoteFile('# {{title}}\n', noteValuesFromPaper(paper), (body) => `---\nid: '1706.03762'\n---\n${body}`);
    assert.strictEqual(note.text, "---\nid: '1706.03762'\n---\n# Attention Is All You Need\n");
  });
});
