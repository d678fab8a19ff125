/**
 * Cross-checks against scikit-learn itself (Debian's python3-sklearn): the same 1,615 real
 * abstracts through sklearn's TfidfVectorizer with arxiv-sanity-lite's settings and LinearSVC
 * must give the same vocabulary, idf, rows and SVM weights. sklearn is given the text after our
 * LaTeX stripping, the one preprocessing step we add on purpose.
 */
import * as assert from 'assert';
import { fitTfidf } from '../../../src/core/ranking/fitTfidf';
import { stripLatex } from '../../../src/core/ranking/latex';
import { DEFAULT_SVC, trainLinearSvc } from '../../../src/core/ranking/linearSvc';
import { runSync } from '../../../src/core/ranking/tasks';
import { ARXIV_SANITY_TFIDF } from '../../../src/core/ranking/tfidfOptions';
import { loadFixturePapers } from './support/fixturePapers';
import { runPython, sklearnPython } from './support/python';

const SCRIPT = String.raw`
import json, sys
import numpy as np
from sklearn.feature_extraction.text import CountVectorizer, TfidfVectorizer
from sklearn.svm import LinearSVC
job = json.load(sys.stdin)
settings = dict(strip_accents='unicode', lowercase=True, analyzer='word', stop_words='english',
                token_pattern=r'(?u)\b[a-zA-Z_][a-zA-Z0-9_]+\b', ngram_range=(1, 2), min_df=5, max_df=0.1)
# A max_features cut that falls between two different total counts: sklearn breaks ties arbitrarily.
totals = np.sort(np.asarray(CountVectorizer(**settings).fit_transform(job['docs']).sum(axis=0)).ravel())[::-1]
cap = next(k for k in range(job['cap'], len(totals)) if totals[k - 1] != totals[k])
out = {'cap': int(cap)}
for name, limit in (('open', None), ('capped', cap)):
    v = TfidfVectorizer(norm='l2', use_idf=True, smooth_idf=True, sublinear_tf=True, max_features=limit, **settings)
    X = v.fit_transform(job['docs']).astype(np.float32)
    out[name] = {'terms': v.get_feature_names_out().tolist(), 'idf': v.idf_.tolist(),
                 'indptr': X.indptr.tolist(), 'indices': X.indices.tolist(), 'data': X.data.tolist()}
    if name == 'open':
        svc = LinearSVC(C=0.1, class_weight='balanced', tol=1e-6, max_iter=10000).fit(X, np.array(job['labels']))
        out['coef'] = svc.coef_[0].tolist()
        out['intercept'] = float(svc.intercept_[0])
print(json.dumps(out))
`;

interface SklearnFit {
  terms: string[];
  idf: number[];
  indptr: number[];
  indices: number[];
  data: number[];
}

describe('parity with scikit-learn (python3-sklearn)', function () {
  this.timeout(120_000);
  const { papers } = loadFixturePapers();
  const labels = papers.map((p) => (p.primaryCategory === 'cs.CV' ? 1 : 0));
  let sk: { cap: number; open: SklearnFit; capped: SklearnFit; coef: number[]; intercept: number };

  before(() => {
    sklearnPython(); // fails with the install command when scikit-learn is missing
    const docs = papers.map((p) => `${stripLatex(p.title)}\n${stripLatex(p.summary)}`);
    sk = runPython(SCRIPT, { docs, labels, cap: 3000 });
  });

  function ours(maxFeatures: number) {
    const options = { ...ARXIV_SANITY_TFIDF, adaptiveMinDf: false, maxFeatures };
    return runSync(fitTfidf(papers, options));
  }

  function assertSameFit(mine: ReturnType<typeof ours>, theirs: SklearnFit): void {
    assert.deepStrictEqual(mine.vocabulary.terms, theirs.terms);
    const idfGap = Math.max(...theirs.idf.map((x, f) => Math.abs(x - mine.vocabulary.idf[f])));
    assert.ok(idfGap < 1e-12, `idf differs by ${idfGap}`);
    assert.deepStrictEqual(Array.from(mine.csr.indptr), theirs.indptr, 'row lengths');
    // sklearn's rows are not sorted by feature; compare each row as a map.
    let gap = 0;
    for (let r = 0; r < papers.length; r++) {
      const theirsRow = new Map<number, number>();
      for (let k = theirs.indptr[r]; k < theirs.indptr[r + 1]; k++) theirsRow.set(theirs.indices[k], theirs.data[k]);
      for (let k = mine.csr.indptr[r]; k < mine.csr.indptr[r + 1]; k++) {
        const t = theirsRow.get(mine.csr.indices[k]);
        assert.ok(t !== undefined, `row ${r}: feature ${mine.vocabulary.terms[mine.csr.indices[k]]} only in ours`);
        gap = Math.max(gap, Math.abs(t - mine.csr.values[k]));
      }
    }
    assert.ok(gap < 1e-6, `tf-idf values differ by ${gap}`);
  }

  it('builds the same vocabulary, idf and rows as TfidfVectorizer (arxiv-sanity-lite settings)', () => {
    assertSameFit(ours(1_000_000), sk.open);
  });

  it('keeps the same max_features terms when the cut is not a tie', () => {
    assert.ok(sk.capped.terms.length === sk.cap && sk.cap < sk.open.terms.length);
    assertSameFit(ours(sk.cap), sk.capped);
  });

  it('trains the same weights as LinearSVC(C=0.1, class_weight="balanced", tol=1e-6)', () => {
    const { vocabulary, csr } = ours(1_000_000);
    const y = Int8Array.from(labels, (l) => (l ? 1 : -1));
    const r = runSync(trainLinearSvc(csr, y, vocabulary.size, DEFAULT_SVC));
    const gap = Math.max(...sk.coef.map((c, j) => Math.abs(c - r.model.weights[j])));
    const scale = Math.max(...sk.coef.map(Math.abs));
    assert.ok(gap < 1e-4 * scale, `weights differ by ${gap} (largest weight ${scale})`);
    assert.ok(Math.abs(r.model.bias - sk.intercept) < 1e-4, `intercept ${r.model.bias} vs ${sk.intercept}`);
  });
});
