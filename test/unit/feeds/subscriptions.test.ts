import * as assert from 'assert';
import { parseSubscriptions, splitCategories, subscriptionKey, validateCategory } from '../../../src/core/feeds/subscriptions';

describe('subscriptions setting', () => {
  it('reads categories and searches, with default labels', () => {
    const { subscriptions, problems } = parseSubscriptions([
      { kind: 'category', categories: ['cs.LG', 'cs.CV'] },
      { kind: 'search', query: 'ti:diffusion AND cat:cs.CV', label: 'Diffusion' },
    ]);
    assert.deepStrictEqual(problems, []);
    assert.deepStrictEqual(subscriptions, [
      { kind: 'category', categories: ['cs.LG', 'cs.CV'], label: 'cs.LG, cs.CV' },
      { kind: 'search', query: 'ti:diffusion AND cat:cs.CV', label: 'Diffusion' },
    ]);
  });

  it('reports nonsense entries instead of using them', () => {
    const { subscriptions, problems } = parseSubscriptions([
      { kind: 'category', categories: ['cs LG'] },
      { kind: 'search', query: '  ' },
      { kind: 'feed' },
      'cs.LG',
      { kind: 'category', categories: ['cs.CV'] },
      { kind: 'category', categories: ['cs.CV'], label: 'again' },
    ]);
    assert.strictEqual(subscriptions.length, 1);
    assert.strictEqual(problems.length, 5);
    assert.match(problems[0], /not an arXiv category/);
    assert.match(problems[4], /repeats category:cs.CV/);
  });

  it('keys category subscriptions independently of order', () => {
    assert.strictEqual(
      subscriptionKey({ kind: 'category', categories: ['cs.CV', 'cs.LG'], label: 'a' }),
      subscriptionKey({ kind: 'category', categories: ['cs.LG', 'cs.CV'], label: 'b' }),
    );
  });

  it('accepts real category names and splits pasted lists', () => {
    for (const c of ['cs', 'cs.LG', 'math.GT', 'astro-ph.CO', 'q-bio.NC', 'hep-th', 'stat.ML']) assert.strictEqual(validateCategory(c), undefined, c);
    for (const c of ['', 'CS.LG', 'cs.', '1cs', 'cs/LG']) assert.ok(validateCategory(c), c);
    assert.deepStrictEqual(splitCategories('cs.LG+cs.CV, stat.ML'), ['cs.LG', 'cs.CV', 'stat.ML']);
  });
});
