/**
 * What the fake Hugging Face Hub knows: JSON shaped like the real `/api/papers/<id>`,
 * `/api/models?filter=arxiv:<id>` and `/api/datasets?filter=arxiv:<id>` responses (fields as
 * huggingface_hub's PaperInfo / ModelInfo / DatasetInfo read them). Two papers are indexed and
 * cited: 1706.03762 (for the unit tests) and 2604.26951, "Turning the TIDE", which is in the
 * recorded arXiv fixtures (for the extension's tests); any other id is unknown (404 / []).
 * Served by test/unit/replication/hfServer.ts and by the fake arXiv (test/support/fakeArxiv.ts).
 */

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

export const HF_PAPER_TIDE = {
  id: '2604.26951',
  authors: [
    { _id: '6a1b2c3d4e5f607182930a11', name: 'Gongbo Zhang', hidden: false },
    { _id: '6a1b2c3d4e5f607182930a12', name: 'Wen Wang', hidden: false },
    { _id: '6a1b2c3d4e5f607182930a13', name: 'Ye Tian', hidden: false },
    { _id: '6a1b2c3d4e5f607182930a14', name: 'Li Yuan', hidden: false },
  ],
  publishedAt: '2026-04-29T17:59:01.000Z',
  title: 'Turning the TIDE: Cross-Architecture Distillation for Diffusion Large Language Models',
  summary: 'Diffusion large language models (dLLMs) offer parallel decoding and bidirectional context...',
  upvotes: 14,
  discussionId: '6a1f0e9d8c7b6a5948372615',
  githubRepo: 'https://github.com/PKU-YuanGroup/TIDE',
  githubStars: 212,
  projectPage: 'https://pku-yuangroup.github.io/TIDE/',
  ai_summary: 'TIDE distills 8B dense and 16B MoE diffusion language models into a 0.6B student across architectures and tokenizers.',
  ai_keywords: ['diffusion language models', 'distillation', 'cross-tokenizer'],
};

export const HF_MODELS_TIDE = [
  {
    _id: '6a20a1b2c3d4e5f607182931',
    id: 'PKU-YuanGroup/TIDE-0.6B-from-LLaDA-8B',
    likes: 9,
    private: false,
    downloads: 1342,
    tags: ['transformers', 'safetensors', 'text-generation', 'diffusion', 'arxiv:2604.26951', 'license:apache-2.0'],
    pipeline_tag: 'text-generation',
    library_name: 'transformers',
    createdAt: '2026-04-28T08:00:00.000Z',
    modelId: 'PKU-YuanGroup/TIDE-0.6B-from-LLaDA-8B',
  },
  {
    _id: '6a20a1b2c3d4e5f607182932',
    id: 'PKU-YuanGroup/TIDE-0.6B-from-MoE-16B',
    likes: 4,
    private: false,
    downloads: 587,
    tags: ['transformers', 'safetensors', 'text-generation', 'diffusion', 'arxiv:2604.26951', 'license:apache-2.0'],
    pipeline_tag: 'text-generation',
    library_name: 'transformers',
    createdAt: '2026-04-28T08:05:00.000Z',
    modelId: 'PKU-YuanGroup/TIDE-0.6B-from-MoE-16B',
  },
];

export const HF_DATASETS_TIDE = [
  {
    _id: '6a20b1c2d3e4f50617283941',
    id: 'PKU-YuanGroup/TIDE-distillation-mix',
    author: 'PKU-YuanGroup',
    disabled: false,
    gated: false,
    lastModified: '2026-04-28T09:00:00.000Z',
    likes: 2,
    private: false,
    sha: '3f6c1a9e0b2d4c8e7a5f1b3d9c0e2a4f6b8d0c1e',
    downloads: 310,
    tags: ['task_categories:text-generation', 'language:en', 'arxiv:2604.26951'],
    createdAt: '2026-04-28T09:00:00.000Z',
    key: '',
  },
];

const INDEXED: Record<string, { paper: object; models: object[]; datasets: object[] }> = {
  '1706.03762': { paper: HF_PAPER_1706, models: HF_MODELS_1706, datasets: HF_DATASETS_1706 },
  '2604.26951': { paper: HF_PAPER_TIDE, models: HF_MODELS_TIDE, datasets: HF_DATASETS_TIDE },
};

/** The Hub's answer to a request, or undefined when the path is not one of its three APIs. */
export function hfResponse(pathname: string, query: URLSearchParams): { status: number; body: unknown } | undefined {
  const paper = /^\/api\/papers\/(.+)$/.exec(pathname);
  if (paper) {
    const known = INDEXED[decodeURIComponent(paper[1])];
    return known ? { status: 200, body: known.paper } : { status: 404, body: { error: 'Paper not found' } };
  }
  if (pathname !== '/api/models' && pathname !== '/api/datasets') return undefined;
  const id = /^arxiv:(.+)$/.exec(query.get('filter') ?? '')?.[1];
  const known = id === undefined ? undefined : INDEXED[id];
  const list = known ? (pathname === '/api/models' ? known.models : known.datasets) : [];
  const limit = Number(query.get('limit') ?? list.length);
  return { status: 200, body: list.slice(0, Number.isInteger(limit) && limit >= 0 ? limit : list.length) };
}
