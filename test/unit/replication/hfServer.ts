/**
 * A tiny stand-in for the Hugging Face Hub API on 127.0.0.1, answering with JSON shaped like the
 * real `/api/papers/<id>`, `/api/models?filter=arxiv:<id>` and `/api/datasets?filter=arxiv:<id>`
 * responses (fields as huggingface_hub's PaperInfo / ModelInfo / DatasetInfo read them).
 */
import * as http from 'http';
import type { AddressInfo } from 'net';

export const HF_PAPER_1706 = {
  id: '1706.03762',
  authors: [
    { _id: '64a1f2c3d4e5f60718293a4b', name: 'Ashish Vaswani', hidden: false },
    { _id: '64a1f2c3d4e5f60718293a4c', name: 'Noam Shazeer', hidden: false },
  ],
  publishedAt: '2017-06-12T17:57:34.000Z',
  title: 'Attention Is All You Need',
  summary: 'The dominant sequence transduction models are based on complex recurrent or convolutional neural networks...',
  upvotes: 112,
  discussionId: '6544d5d0c2b3b4b3f1e2a9c1',
  githubRepo: 'https://github.com/tensorflow/tensor2tensor',
  githubStars: 16230,
  projectPage: null,
  ai_summary: 'The Transformer relies solely on attention mechanisms.',
  ai_keywords: ['Transformer', 'self-attention', 'BLEU'],
};

export const HF_MODELS_1706 = [
  {
    _id: '621ffdc036468d709f174328',
    id: 'google-t5/t5-small',
    likes: 455,
    private: false,
    downloads: 2917337,
    tags: ['transformers', 'pytorch', 'tf', 'jax', 't5', 'text2text-generation', 'arxiv:1706.03762', 'license:apache-2.0'],
    pipeline_tag: 'translation',
    library_name: 'transformers',
    createdAt: '2022-03-02T23:29:04.000Z',
    modelId: 'google-t5/t5-small',
  },
  {
    _id: '64b7c1e2f0a1b2c3d4e5f601',
    id: 'someone/transformer-wmt14-en-de',
    likes: 3,
    private: false,
    downloads: 120,
    tags: ['fairseq', 'translation', 'arxiv:1706.03762'],
    pipeline_tag: 'translation',
    createdAt: '2023-07-19T10:11:12.000Z',
    modelId: 'someone/transformer-wmt14-en-de',
  },
];

export const HF_DATASETS_1706 = [
  {
    _id: '621ffdd236468d709f181d58',
    id: 'wmt/wmt14',
    author: 'wmt',
    disabled: false,
    gated: false,
    lastModified: '2024-04-03T09:08:25.000Z',
    likes: 19,
    private: false,
    sha: 'b199e406369ec1b7634206d76798b99a3d1b1b0e',
    downloads: 19871,
    tags: ['task_categories:translation', 'language:en', 'language:de', 'arxiv:1706.03762'],
    createdAt: '2022-03-02T23:29:22.000Z',
    key: '',
  },
];

export interface HfServer {
  url: string;
  requests: string[];
  close(): Promise<void>;
}

/** mode 'ok': 1706.03762 is indexed and cited, other ids are unknown (404 / []); 'error': 500s; 'stall': never answers. */
export async function startHfServer(mode: 'ok' | 'error' | 'stall' = 'ok'): Promise<HfServer> {
  const requests: string[] = [];
  const server = http.createServer((req, res) => {
    requests.push(`${req.method} ${req.url} ua=${req.headers['user-agent']}`);
    if (mode === 'stall') return;
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const send = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
      res.end(JSON.stringify(body));
    };
    if (mode === 'error') return send(500, { error: 'Internal Error' });
    const paper = /^\/api\/papers\/(.+)$/.exec(url.pathname);
    if (paper) {
      return decodeURIComponent(paper[1]) === '1706.03762' ? send(200, HF_PAPER_1706) : send(404, { error: 'Paper not found' });
    }
    const filter = url.searchParams.get('filter');
    if (url.pathname === '/api/models') return send(200, filter === 'arxiv:1706.03762' ? HF_MODELS_1706 : []);
    if (url.pathname === '/api/datasets') return send(200, filter === 'arxiv:1706.03762' ? HF_DATASETS_1706 : []);
    send(404, { error: 'Not found' });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
