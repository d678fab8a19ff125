/**
 * The metrics the abstract reader knows: how papers spell them, one canonical name each, and which
 * way is better. Order matters: longer spellings come first so "mean average precision" is not
 * read as "precision", nor "attack success rate" as "success rate".
 */

export interface MetricDef {
  name: string;
  pattern: string;
  /** Regex flags beyond 'g': 'i' for case-insensitive spellings; acronyms like mAP stay exact. */
  caseInsensitive: boolean;
  higherIsBetter: boolean | null;
  /** Shown after the number when the paper gives no unit ("28.4 BLEU"). */
  displayUnit?: string;
}

const m = (name: string, pattern: string, higherIsBetter: boolean | null, caseInsensitive = true, displayUnit?: string): MetricDef => ({
  name,
  pattern,
  caseInsensitive,
  higherIsBetter,
  displayUnit,
});

export const METRICS: readonly MetricDef[] = [
  m('top-1 accuracy', String.raw`top-?1\s+(?:(?:test|validation|val|classification)\s+)?acc(?:uracy|uracies|\.)?`, true),
  m('top-5 accuracy', String.raw`top-?5\s+(?:(?:test|validation|val|classification)\s+)?acc(?:uracy|uracies|\.)?`, true),
  m('top-1 error', String.raw`top-?1\s+errors?(?:\s+rates?)?`, false),
  m('top-5 error', String.raw`top-?5\s+errors?(?:\s+rates?)?`, false),
  m('attack success rate', String.raw`attack\s+success\s+rates?|\bASRs?\b`, true),
  m('WER', String.raw`word\s+error\s+rates?(?:\s+\(WERs?\))?`, false),
  m('CER', String.raw`character\s+error\s+rates?(?:\s+\(CERs?\))?`, false),
  m('sentence error rate', String.raw`sentence\s+error\s+rates?`, false),
  m('WER', String.raw`\bWERs?\b`, false, false),
  m('CER', String.raw`\bCERs?\b`, false, false),
  m('equal error rate', String.raw`equal\s+error\s+rates?|\bEER\b`, false),
  m('false positive rate', String.raw`false[- ]positive\s+rates?|\bFPR\b`, false),
  m('forgetting rate', String.raw`forgetting\s+rates?`, false),
  m('win rate', String.raw`win[- ]rates?`, true),
  m('success rate', String.raw`\bsuccess(?:\s+rates?)?\b`, true),
  m('mAP', String.raw`\bmAP(?:@[\d.:]+)?(?![\w-])|mean\s+average\s+precisions?`, true),
  m('AP', String.raw`\bAP(?:50|75|_?3D|@[\d.:]+)?(?![\w-])`, true, false),
  m('AP', String.raw`average\s+precisions?`, true),
  m('AUC', String.raw`\bAU(?:C|ROC|PRC)s?\b(?:\s+scores?)?|area\s+under\s+the\s+(?:ROC\s+|receiver\s+operating\s+characteristic\s+)?curves?(?:\s+\(AUCs?\))?(?:\s+scores?)?`, true),
  m('F1', String.raw`(?:(?:macro|micro|weighted)[- ](?:averaged\s+)?)?\bF1(?:[- ]?(?:macro|micro))?(?:[- ]?scores?)?\b|\bF-?(?:measure|score)s?\b`, true),
  m('mIoU', String.raw`\bmIoU\b|mean\s+(?:intersection[- ]over[- ]union|IoU)`, true),
  m('GIoU', String.raw`\bGIoU\b`, true, false),
  m('IoU', String.raw`\bIoU\b|intersection[- ]over[- ]union`, true),
  m('Dice', String.raw`\bDice(?:\s+(?:similarity\s+)?(?:scores?|coefficients?))?\b|\bDSC\b`, true),
  m('recall@k', String.raw`\b(?:R|Recall)@\d+(?:\.\d+)?`, true),
  m('precision', String.raw`\bprecisions?\b`, true),
  m('recall', String.raw`\brecall(?:\s+rates?)?\b`, true),
  m('sensitivity', String.raw`\bsensitivit(?:y|ies)\b`, true),
  m('specificity', String.raw`\bspecificit(?:y|ies)\b`, true),
  m('pass@k', String.raw`\bpass@\d+\b`, true),
  m('exact match', String.raw`\bexact[- ]match(?:\s+scores?)?\b`, true),
  m('BLEU', String.raw`\b(?:sacre)?BLEU(?:-\d)?(?:\s+scores?)?\b`, true, true, 'BLEU'),
  m('chrF', String.raw`\bchrF\+*`, true, true),
  m('METEOR', String.raw`\bMETEOR\b`, true, false),
  m('CIDEr', String.raw`\bCIDEr(?:-D)?\b`, true, true, 'CIDEr'),
  m('ROUGE-1', String.raw`\bROUGE-1(?:\s+scores?)?`, true),
  m('ROUGE-2', String.raw`\bROUGE-2(?:\s+scores?)?`, true),
  m('ROUGE-L', String.raw`\bROUGE-L(?:sum)?(?:\s+scores?)?`, true),
  m('ROUGE', String.raw`\bROUGE(?:\s+scores?)?\b`, true),
  m('PSNR', String.raw`\bPSNRs?\b`, true, false),
  m('SSIM', String.raw`\b(?:MS-)?SSIM\b`, true, false),
  m('LPIPS', String.raw`\bLPIPS\b`, false, false),
  m('FID', String.raw`\bFIDs?\b|Fr[ée]chet\s+Inception\s+Distance`, false),
  m('FVD', String.raw`\bFVD\b`, false, false),
  m('inception score', String.raw`\binception\s+scores?\b`, true),
  m('perplexity', String.raw`\bperplexit(?:y|ies)\b|\bPPL\b`, false),
  m('R2', String.raw`\bR\s?\^?\s?2(?![\w.])|\bR²|coefficients?\s+of\s+determination`, true, false),
  m('MAPE', String.raw`\bMAPE\b`, false, false),
  m('RMSE', String.raw`\bRMSEs?\b|root[- ]mean[- ]squared?[- ]errors?`, false),
  m('MAE', String.raw`\bMAE\b|mean\s+absolute\s+errors?`, false),
  m('MSE', String.raw`\bMSE\b|mean\s+squared\s+errors?`, false),
  m('minADE', String.raw`\bminADE(?:_?\d+)?\b`, false, false),
  m('minFDE', String.raw`\bminFDE(?:_?\d+)?\b`, false, false),
  m('angular error', String.raw`\bang(?:le|ular)\s+errors?\b`, false),
  m('error rate', String.raw`\b(?:test\s+|classification\s+)?error\s+rates?\b`, false),
  m('relative error', String.raw`\brelative\s+(?:L2\s+|l2\s+)?errors?\b`, false),
  m('correlation', String.raw`(?:(?:Pearson|Spearman|Kendall)(?:'s)?(?:\s+rank)?\s+)?correlation(?:\s+coefficients?)?`, true),
  m('accuracy', String.raw`\baccurac(?:y|ies)\b|\bOA\b`, true),
  // Any other "<word> rate" ("agreement rate", "match rate"), except rates that are settings or
  // quantities of the world rather than results.
  m('$1 rate', String.raw`\b(?!(?:learning|sampling|frame|bit|dropout|masking|mask|decay|growth|interest|data|refresh|baud|clock|heart|flow|mortality|birth|death|infection|transmission|update|code|coding|symbol|compression|firing|spike|spiking|mutation|crossover|annealing|warmup|weight|error|success|win|forgetting|recall|false|positive|negative|true|this|that|the|a|high|low|higher|lower|same|given|fixed|constant|average|overall|rate)\s)([a-z]+)\s+rates?\b`, null),
  // Late and generic: a bare "error(s)" and "score(s)" only when nothing more specific names them.
  m('error', String.raw`\berrors?\b`, false),
  m('score', String.raw`\bscores?\b`, true),
];

export function metricDef(name: string): MetricDef | undefined {
  return METRICS.find((d) => d.name === name);
}
