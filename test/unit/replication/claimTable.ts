/**
 * Hand-labelled claims of real abstracts from the recorded arXiv fixtures, for measuring the
 * abstract claim extractor. Labelled by reading each abstract, before the extractor was tuned.
 *
 * What counts as a claim (the rule the labels follow):
 * - an absolute value the paper reports for its own method on a named quality metric (accuracy,
 *   BLEU, F1, FID, success rate, RMSE...), e.g. "74.77% accuracy on ImageNet";
 * - "from A to B" counts B (the paper's result), not the starting point A;
 * - not claims: relative changes ("improves by 2.3%", "26.3% relative improvement", "-5.6% mAP"),
 *   baselines' numbers ("compared to 1.896 by the current SOTA", "vs. 78.21%"), background
 *   numbers about other systems, data/corpus sizes, and efficiency ratios (speedup, compression,
 *   throughput, energy), which depend on hardware rather than on the method being replicated.
 * The dataset is labelled where the abstract names one for the number (null otherwise); it is
 * scored separately from the claim itself.
 *
 * Three sets, in the order they were made:
 * - LABELLED was labelled first and then used while writing the extractor: optimistic scores.
 * - HELD_OUT was labelled next, from abstracts the extractor had never seen, and scored once:
 *   precision 0.67, recall 0.33 (8 of 24 claims; misses were metrics outside the vocabulary,
 *   metric lists sharing one value, "ranging from A to B", attached units like "2.47kcal/mol").
 *   The extractor was then generalised on those failure kinds, so it is no longer unseen.
 * - HELD_OUT_2 was labelled before that generalisation, from the remaining fixture abstracts with
 *   numbers, and first scored after it: precision 0.80, recall 0.80 (4 of 5 claims). It is the
 *   honest estimate, though a small one: the fixtures hold only so many ML results. Two later
 *   changes (datasets named at the start of a sentence, metric qualifiers in descriptions) were
 *   made for the issue's own examples and left every score unchanged.
 */

export type Expected = [value: number, metric: string, dataset?: string | null];

export interface LabelledAbstract {
  id: string;
  file: 'rss-all-archives-combined-2024-11-28.xml' | 'api-2026-cat-cs.LG-OR-cs.AI-20-entries.xml';
  claims: Expected[];
}

const RSS = 'rss-all-archives-combined-2024-11-28.xml' as const;
const API = 'api-2026-cat-cs.LG-OR-cs.AI-20-entries.xml' as const;

export const LABELLED: LabelledAbstract[] = [
  // --- abstracts with claims ---
  { id: '2411.17787', file: RSS, claims: [[1.98, 'FID'], [2.27, 'FID']] },
  { id: '2411.17870', file: RSS, claims: [[0.95, 'recall'], [98.23, 'accuracy']] },
  { id: '2411.17886', file: RSS, claims: [[87.98, 'accuracy'], [90.15, 'accuracy']] },
  { id: '2411.17917', file: RSS, claims: [[0.044, 'forgetting rate'], [0.584, 'minADE']] },
  { id: '2411.17933', file: RSS, claims: [[97.5, 'success rate']] },
  { id: '2411.17945', file: RSS, claims: [[72.41, 'win rate'], [73.4, 'win rate']] },
  { id: '2411.17971', file: RSS, claims: [[0.727, 'correlation'], [0.824, 'correlation']] },
  { id: '2411.17973', file: RSS, claims: [[12.17, 'RMSE']] },
  {
    id: '2411.17991',
    file: RSS,
    claims: [
      [76, 'CIDEr', 'YouCook2'],
      [90, 'mAP', 'QVHighlights'],
      [25, 'recall@k', 'Charades-STA'],
    ],
  },
  { id: '2411.17993', file: RSS, claims: [[70.42, 'accuracy']] },
  {
    id: '2411.18000',
    file: RSS,
    claims: [
      [77.75, 'attack success rate', 'MiniGPT-4'],
      [82.8, 'attack success rate', 'LLaVA-2'],
      [60.11, 'success rate'],
    ],
  },
  { id: '2411.18063', file: RSS, claims: [[94.5, 'accuracy'], [94.0, 'accuracy']] },
  {
    id: '2411.18064',
    file: RSS,
    claims: [
      [3.74, 'angular error', 'MPIIFaceGaze'],
      [5.15, 'angular error', 'EyeDiap'],
      [10.5, 'angular error', 'Gaze360'],
      [6.02, 'angular error', 'RT-Gene'],
    ],
  },
  { id: '2411.18164', file: RSS, claims: [[90.7, 'mAP'], [90.8, 'mAP']] },
  { id: '2411.18231', file: RSS, claims: [[90.7, 'accuracy']] },
  { id: '2411.18242', file: RSS, claims: [[72, 'score'], [72, 'score'], [84, 'score']] },
  { id: '2411.18253', file: RSS, claims: [[0.84, 'AUC'], [0.83, 'AUC'], [0.82, 'AUC'], [0.81, 'AUC']] },
  { id: '2411.18266', file: RSS, claims: [[4.2, 'WER'], [2.9, 'sentence error rate']] },
  { id: '2411.18270', file: RSS, claims: [[0.56, 'IoU', 'COCO 2017'], [0.53, 'GIoU', 'COCO 2017']] },
  { id: '2411.18280', file: RSS, claims: [[90, 'accuracy']] },
  { id: '2411.18327', file: RSS, claims: [[90, 'F1'], [89, 'F1'], [90, 'F1']] },
  { id: '2411.18369', file: RSS, claims: [[68.3, 'success rate'], [50.1, 'success rate']] },
  { id: '2411.18413', file: RSS, claims: [[95.1, 'accuracy']] },
  { id: '2411.18441', file: RSS, claims: [[37.57, 'PSNR'], [35.15, 'PSNR']] },
  { id: '2411.18478', file: RSS, claims: [[79.6, 'accuracy', 'MATH']] },
  { id: '2411.18530', file: RSS, claims: [[0.801, 'score']] },
  {
    id: '2411.18562',
    file: RSS,
    claims: [[59.2, 'success rate'], [70.0, 'success rate'], [40.0, 'success rate'], [36.7, 'success rate'], [46.7, 'success rate']],
  },
  { id: '2411.18583', file: RSS, claims: [[0.364, 'ROUGE-1']] },
  { id: '2211.13157', file: RSS, claims: [[96, 'accuracy'], [2.3, 'MAPE']] },
  { id: '2408.08887', file: RSS, claims: [[95, 'accuracy'], [80, 'F1']] },
  { id: '2408.09108', file: RSS, claims: [[74.77, 'accuracy', 'ImageNet'], [90.57, 'accuracy', 'ModelNet40']] },
  { id: '2409.19884', file: RSS, claims: [[84.9, 'accuracy', 'KUL'], [86.2, 'accuracy']] },
  {
    id: '2410.05295',
    file: RSS,
    claims: [
      [88.5, 'attack success rate', 'GPT-4-1106-turbo'],
      [93.4, 'attack success rate', 'GPT-4-1106-turbo'],
    ],
  },
  { id: '2410.11782', file: RSS, claims: [[84.5, 'accuracy', 'MMLU'], [89.9, 'pass@k', 'HumanEval']] },
  { id: '2410.12361', file: RSS, claims: [[66.47, 'F1']] },
  { id: '2410.17863', file: RSS, claims: [[78.5, 'F1'], [98.3, 'AUC']] },
  { id: '2410.19147', file: RSS, claims: [[80.91, 'AUC'], [73.97, 'F1']] },
  { id: '2411.07976', file: RSS, claims: [[89, 'sensitivity'], [90, 'specificity']] },
  {
    id: '2411.11082',
    file: RSS,
    claims: [
      [94.84, 'accuracy', 'CIFAR-10'],
      [74.92, 'accuracy', 'CIFAR-100'],
      [98.26, 'accuracy', 'DVS-Gesture'],
      [77.1, 'accuracy', 'DVS-CIFAR10'],
    ],
  },
  { id: '2411.11361', file: RSS, claims: [[1.799, 'RMSE', 'KITTI']] },
  {
    id: '2411.12762',
    file: RSS,
    claims: [
      [93, 'success rate', 'GPT-4o'],
      [89, 'success rate', 'GPT-4o-mini'],
      [83, 'success rate', 'Claude-3.5-Sonnet'],
    ],
  },
  { id: '2411.17621', file: RSS, claims: [[98, 'accuracy']] },
  { id: '2312.04398', file: RSS, claims: [[94.77, 'accuracy'], [0.9743, 'AUC']] },
  { id: '2407.09646', file: RSS, claims: [[5.3, 'PA-MPVPE', 'FreiHAND'], [0.992, 'F@15mm', 'FreiHAND']] },
  { id: '2604.26951', file: API, claims: [[48.78, 'score', 'HumanEval']] },
  { id: '2604.26869', file: API, claims: [[98.91, 'accuracy'], [89.1, 'accuracy'], [89.76, 'accuracy']] },
  { id: '2604.26857', file: API, claims: [[0.748, 'precision']] },

  // --- negatives: numbers, but no claim by the rule above ---
  { id: '2411.17713', file: RSS, claims: [] }, // throughput, latency, size
  { id: '2411.17720', file: RSS, claims: [] }, // speedup and energy
  { id: '2411.17732', file: RSS, claims: [] }, // relative power cycles / accuracy loss
  { id: '2411.17747', file: RSS, claims: [] }, // relative sum rate
  { id: '2411.17792', file: RSS, claims: [] }, // relative gains
  { id: '2411.17793', file: RSS, claims: [] }, // relative accuracy gain
  { id: '2411.17905', file: RSS, claims: [] }, // statistics design, variance ratios
  { id: '2411.17958', file: RSS, claims: [] }, // outage detection figures
  { id: '2411.18001', file: RSS, claims: [] }, // robot power and speed
  { id: '2411.18002', file: RSS, claims: [] }, // "exceeds it by 0.65%", runtimes
  { id: '2411.18018', file: RSS, claims: [] }, // percentage-point gains
  { id: '2411.18047', file: RSS, claims: [] }, // HCI study design numbers
  { id: '2411.18055', file: RSS, claims: [] }, // energy reduction
  { id: '2411.18061', file: RSS, claims: [] }, // relative gaze gains
  { id: '2411.18077', file: RSS, claims: [] }, // compression ratio, "98.5% of accuracy"
  { id: '2411.18107', file: RSS, claims: [] }, // relative CER improvement
  { id: '2411.18217', file: RSS, claims: [] }, // relative error-rate improvement
  { id: '2411.18305', file: RSS, claims: [] }, // control-cost reductions
  { id: '2411.18312', file: RSS, claims: [] }, // algorithmic complexity
  { id: '2411.18363', file: RSS, claims: [] }, // background: another model's recall
  { id: '2411.18533', file: RSS, claims: [] }, // four relative improvements
  { id: '2411.18578', file: RSS, claims: [] }, // accuracy drop
  { id: '2411.18602', file: RSS, claims: [] }, // F1 / Dice improvements
  { id: '2411.17181', file: RSS, claims: [] }, // relative ROUGE gain with a range
  { id: '2404.08098', file: RSS, claims: [] }, // epidemiological probabilities
  { id: '2404.18084', file: RSS, claims: [] }, // AoI reductions
  { id: '2308.00009', file: RSS, claims: [] }, // "outperforms ... by 21.43%"
  { id: '2604.26837', file: API, claims: [] }, // throughput ratios
  { id: '2604.26880', file: API, claims: [] }, // shared-task ranks
];

/** Labelled after the extractor was written; not used to tune it. */
export const HELD_OUT: LabelledAbstract[] = [
  { id: '2411.17853', file: RSS, claims: [[75, 'accuracy']] },
  { id: '2411.17856', file: RSS, claims: [[0.96, 'R2'], [2.47, 'MAE']] },
  { id: '2411.17960', file: RSS, claims: [[5, 'error']] },
  {
    id: '2411.17967',
    file: RSS,
    claims: [[0.85, 'accuracy'], [0.9, 'precision'], [0.9, 'recall'], [0.9, 'F1'], [95, 'match rate']],
  },
  { id: '2411.18089', file: RSS, claims: [[0.996, 'relative error'], [2.63, 'relative error'], [2.61, 'relative error'], [7.37, 'relative error']] },
  { id: '2405.13362', file: RSS, claims: [[1.3, 'RMSE']] },
  { id: '2410.04041', file: RSS, claims: [[0.125, 'accuracy'], [0.269, 'distance']] },
  { id: '2410.24049', file: RSS, claims: [[87, 'attack success rate']] },
  { id: '2411.17717', file: RSS, claims: [[0.92, 'accuracy'], [0.96, 'accuracy']] },
  { id: '2411.18250', file: RSS, claims: [[95, 'accuracy'], [91, 'accuracy']] },
  { id: '2411.18585', file: RSS, claims: [[0.825, 'Dice'], [0.733, 'Dice']] },
  { id: '2311.17434', file: RSS, claims: [[100, 'attack success rate']] },
  { id: '2411.17728', file: RSS, claims: [] },
  { id: '2411.17776', file: RSS, claims: [] },
  { id: '2411.17817', file: RSS, claims: [] },
  { id: '2411.17961', file: RSS, claims: [] },
  { id: '2411.18177', file: RSS, claims: [] },
  { id: '2411.18179', file: RSS, claims: [] },
  { id: '2405.19644', file: RSS, claims: [] },
  { id: '2408.11841', file: RSS, claims: [] },
  { id: '2411.02452', file: RSS, claims: [] },
  { id: '2411.10574', file: RSS, claims: [] },
  { id: '2411.15119', file: RSS, claims: [] },
  { id: '2411.16021', file: RSS, claims: [] },
  { id: '2403.07266', file: RSS, claims: [] },
  { id: '2407.12601', file: RSS, claims: [] },
  { id: '2411.18114', file: RSS, claims: [] },
  { id: '2403.05441', file: RSS, claims: [] },
  { id: '2406.03923', file: RSS, claims: [] },
  { id: '2410.20100', file: RSS, claims: [] },
  { id: '2405.05529', file: RSS, claims: [] },
  { id: '2405.17472', file: RSS, claims: [] },
  { id: '2411.18006', file: RSS, claims: [] },
  { id: '2411.18040', file: RSS, claims: [] },
  { id: '2411.18290', file: RSS, claims: [] },
  { id: '2411.18368', file: RSS, claims: [] },
  { id: '2411.18444', file: RSS, claims: [] },
  { id: '2411.18472', file: RSS, claims: [] },
  { id: '2411.18520', file: RSS, claims: [] },
  { id: '2411.18564', file: RSS, claims: [] },
  { id: '2312.00113', file: RSS, claims: [] },
  { id: '2310.11083', file: RSS, claims: [] },
  { id: '2411.18325', file: RSS, claims: [] },
];

/** Labelled blind before the second round of changes; first scored after it. */
export const HELD_OUT_2: LabelledAbstract[] = [
  { id: '2411.18499', file: RSS, claims: [[82.42, 'agreement rate']] }, // the feed spells it "82. 42%"
  { id: '2411.18507', file: RSS, claims: [[98.6, 'accuracy'], [2.39, 'error']] },
  { id: '2407.05655', file: RSS, claims: [[96.0, 'matching rate'], [98.12, 'matching rate']] },
  { id: '2411.17741', file: RSS, claims: [] },
  { id: '2411.17833', file: RSS, claims: [] },
  { id: '2411.18015', file: RSS, claims: [] },
  { id: '2411.18054', file: RSS, claims: [] },
  { id: '2411.18082', file: RSS, claims: [] },
  { id: '2411.18212', file: RSS, claims: [] },
  { id: '2411.18216', file: RSS, claims: [] },
  { id: '2411.18286', file: RSS, claims: [] },
  { id: '2411.18306', file: RSS, claims: [] },
  { id: '2411.18307', file: RSS, claims: [] },
  { id: '2411.18330', file: RSS, claims: [] },
  { id: '2411.18424', file: RSS, claims: [] },
  { id: '2411.18473', file: RSS, claims: [] },
  { id: '2411.18553', file: RSS, claims: [] },
  { id: '2204.02688', file: RSS, claims: [] },
  { id: '2311.08562', file: RSS, claims: [] },
  { id: '2401.08895', file: RSS, claims: [] },
  { id: '2405.18428', file: RSS, claims: [] },
  { id: '2406.14233', file: RSS, claims: [] },
  { id: '2410.14735', file: RSS, claims: [] },
  { id: '2410.15115', file: RSS, claims: [] },
  { id: '2411.05225', file: RSS, claims: [] },
  { id: '2411.06208', file: RSS, claims: [] },
  { id: '2411.10935', file: RSS, claims: [] },
  { id: '2411.16686', file: RSS, claims: [] },
];
