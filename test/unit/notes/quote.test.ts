import * as assert from 'assert';
import { appendQuote, cleanPdfSelection } from '../../../src/core/notes/quote';

describe('appendQuote', () => {
  it('appends a block quote with the page after a blank line, keeping the body byte for byte', () => {
    const body = '\n# Notes\n\n## Quotes\n';
    const out = appendQuote(body, 'Attention is all\nyou need.', 3);
    assert.strictEqual(out, '\n# Notes\n\n## Quotes\n\n> Attention is all you need.\n>\n> — p. 3\n');
    assert.ok(out.startsWith(body));
  });

  it('adds only the line ends it needs', () => {
    assert.strictEqual(appendQuote('', 'q', 1), '> q\n>\n> — p. 1\n');
    assert.strictEqual(appendQuote('text', 'q', 1), 'text\n\n> q\n>\n> — p. 1\n');
    assert.strictEqual(appendQuote('text\n\n', 'q', 1), 'text\n\n> q\n>\n> — p. 1\n');
  });

  it('keeps CRLF bodies in CRLF and leaves odd bytes alone', () => {
    const body = 'a\r\n\r\nb  \t\r\n\u00a0trailing\r\n';
    const out = appendQuote(body, 'two\n\nparagraphs', 12);
    assert.strictEqual(out, body + '\r\n> two\r\n>\r\n> paragraphs\r\n>\r\n> — p. 12\r\n');
  });

  it('omits the page when unknown and ignores an empty selection', () => {
    assert.strictEqual(appendQuote('x\n', 'q'), 'x\n\n> q\n');
    assert.strictEqual(appendQuote('x\n', 'q', null), 'x\n\n> q\n');
    assert.strictEqual(appendQuote('x\n', '  \n '), 'x\n');
  });

  it('keeps a quote that starts like a heading or a list a paragraph', () => {
    assert.strictEqual(appendQuote('', '# 1 not a heading\n\n1. Introduction\n\n- item', 2), '> \\# 1 not a heading\n>\n> 1\\. Introduction\n>\n> \\- item\n>\n> — p. 2\n');
  });
});

describe('cleanPdfSelection', () => {
  it('joins hard-wrapped lines, undoes end-of-line hyphenation and keeps paragraphs', () => {
    assert.strictEqual(cleanPdfSelection('We report replica-\ntion results with state-of-the-\nArt models.\r\n\r\nNext  paragraph.'), 'We report replication results with state-of-the- Art models.\n\nNext paragraph.');
  });
});
