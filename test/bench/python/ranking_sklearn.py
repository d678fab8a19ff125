"""The scikit-learn side of test/bench/ranking.bench.ts: the same corpus and positives through
arxiv-sanity-lite's TfidfVectorizer settings (compute.py) and LinearSVC (serve.py, with the C the
benchmark passes), timed the same way. Prints one JSON object; peak memory is this process's
ru_maxrss, so run it in its own process."""
import json
import resource
import sys
import time

import numpy as np
from sklearn.feature_extraction.text import TfidfVectorizer
from sklearn.svm import LinearSVC


def clock():
    return time.perf_counter(), time.process_time()


def since(start):
    wall, cpu = clock()
    return {'wall': wall - start[0], 'cpu': cpu - start[1]}


def main(path, C):
    # A metadata line, then one paper per line: read line by line, as the TypeScript side does.
    texts = []
    with open(path) as f:
        data = json.loads(f.readline())
        for line in f:
            d = json.loads(line)
            texts.append(d[1] + '\n' + d[2])
    positives = data['positives']
    rss_loaded = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

    start = clock()
    v = TfidfVectorizer(input='content', encoding='utf-8', decode_error='replace', strip_accents='unicode',
                        lowercase=True, analyzer='word', stop_words='english',
                        token_pattern=r'(?u)\b[a-zA-Z_][a-zA-Z0-9_]+\b', ngram_range=(1, 2), max_features=20000,
                        norm='l2', use_idf=True, smooth_idf=True, sublinear_tf=True, max_df=0.1, min_df=5)
    X = v.fit_transform(texts).astype(np.float32)
    vectorize = since(start)

    def train_and_rank(pos):
        y = np.zeros(len(texts), dtype=np.float32)
        y[pos] = 1.0
        clf = LinearSVC(class_weight='balanced', verbose=False, max_iter=10000, tol=1e-6, C=C)
        t = clock()
        clf.fit(X, y)
        trained = since(t)
        t = clock()
        s = clf.decision_function(X)
        order = np.argsort(-s)
        ranked = since(t)
        return clf, order, trained, ranked

    clf, order, train, rank = train_and_rank(positives)
    start = clock()
    _, _, _, _ = train_and_rank(positives + [data['onemore']])
    rerank = since(start)
    print(json.dumps({
        'vectorize': vectorize, 'train': train, 'rank': rank, 'rerank': rerank,
        'iterations': int(clf.n_iter_), 'features': int(X.shape[1]), 'nnz': int(X.nnz),
        'top': [int(i) for i in order[:200]],
        'maxRssKb': resource.getrusage(resource.RUSAGE_SELF).ru_maxrss, 'loadedRssKb': rss_loaded,
    }))


if __name__ == '__main__':
    main(sys.argv[1], float(sys.argv[2]))
