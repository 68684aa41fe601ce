/**
 * The paper's stated numbers, each with the section that states it, keyed by their path in the
 * CorpusStatistics document: the one source the CLI's reports, the server's /api/stats, synth's
 * calibration checks and the web app's reference lines read.
 */

/** One number the paper states. */
export interface PaperTarget {
  readonly label: string;
  readonly value: number;
  /** How the paper states it: `=` as printed, `~` approximately, `<` below, `>` above. */
  readonly relation: '=' | '~' | '<' | '>';
  /** The paper's section. */
  readonly section: string;
}

const t = (
  label: string,
  value: number,
  relation: PaperTarget['relation'],
  section: string,
): PaperTarget => ({ label, value, relation, section });

const quarters = (row: string, label: string, shares: readonly number[], mean: number) => {
  const names = ['[0, .25]', '(.25, .5]', '(.5, .75]', '(.75, 1]'];
  return [
    ...shares.map((s, i) => [
      `tables.1.${row}.bins.${i}`,
      t(`${label} ${names[i]}`, s, '=', '§4.2'),
    ]),
    [`tables.1.${row}.mean`, t(`${label} mean`, mean, '=', '§4.2')],
  ] as const;
};

/** Paper numbers keyed by their dot-separated path in the statistics document. */
export type PaperTargets = Readonly<Record<string, PaperTarget>>;

/** The paper's numbers by document path (dot-separated, e.g. `figures.3a.mean`), in report order. */
export const PAPER_TARGETS: PaperTargets = Object.fromEntries([
  ['corpus.pipelines', t('pipelines', 3000, '~', '§2.2')],
  ['corpus.graphlets', t('graphlets (trained models)', 450_000, '~', '§4.1')],
  ['corpus.pushedShare', t('pushed share of graphlets', 0.2, '~', '§4.3.2')],
  ['corpus.maxTraceNodes', t('largest trace (nodes)', 6953, '=', '§3.1')],
  [
    'corpus.warmStartPipelineGraphletShare',
    t('graphlets of warm-starting pipelines', 0.09, '=', '§4.3.2'),
  ],
  ['corpus.periodDays', t('corpus period (days)', 130, '~', '§3.1')],
  ['figures.3a.mean', t('mean lifespan (days)', 36, '=', '§3.1')],
  ['figures.3a.max', t('max lifespan (days)', 130, '=', '§3.1')],
  ['figures.3b.mean', t('mean models per day', 7, '=', '§3.1')],
  ['figures.3b.median', t('typical models per day', 1, '~', '§3.1')],
  ['figures.3b.max', t('most models per day', 1000, '~', '§3.1')],
  ['figures.3c.p90', t('feature count, 90th percentile', 100, '<', '§3.2')],
  [
    'figures.4.featureKinds.categoricalShare',
    t('categorical share of features', 0.53, '=', '§3.2'),
  ],
  [
    'figures.4.featureKinds.meanDomainSize.all',
    t('mean categorical domain size', 10.6e6, '=', '§3.2'),
  ],
  [
    'figures.4.featureKinds.meanDomainSize.DNN',
    t('mean domain size, DNN pipelines', 13.6e6, '=', '§3.2'),
  ],
  [
    'figures.4.featureKinds.meanDomainSize.Linear',
    t('mean domain size, Linear pipelines', 20e6, '>', '§3.2'),
  ],
  ['figures.5.shares.DNN', t('DNN share of trainer runs', 0.64, '=', '§3.2')],
  ['figures.5.shares.DNN+Linear', t('DNN+Linear share of trainer runs', 0.02, '=', '§3.2')],
  ['figures.6.shares.training', t('pipelines with training', 1, '=', '§3.3')],
  ['figures.6.shares.deployment', t('pipelines with deployment', 1, '=', '§3.3')],
  ['figures.6.shares.data_validation', t('pipelines with data validation', 0.5, '~', '§3.3')],
  ['figures.6.shares.model_validation', t('pipelines with model validation', 0.5, '~', '§3.3')],
  ['figures.7.shares.training', t('training share of compute', 1 / 3, '<', '§3.3')],
  ['figures.7.validationShare', t('data + model validation share of compute', 0.35, '~', '§3.3')],
  ['figures.7.shares.ingestion', t('ingestion share of compute', 0.22, '~', '§3.3')],
  ['figures.7.postToPreRatio', t('post-trainer / pre-trainer compute', 0.3, '~', '§5.2.1')],
  ['figures.9a.pushed.mean', t('mean gap between pushed graphlets (h)', 40, '~', '§4.3.2')],
  ['figures.9a.pushedMeanMinusAllMean', t('pushed mean gap minus all (h)', 15, '~', '§4.3.1')],
  ['figures.9b.shareOfAllBelowPushedMedian', t('gaps below the pushed median', 0.8, '~', '§4.3.1')],
  ['figures.9c.mean', t('unpushed graphlets between pushes', 3, '~', '§4.3.1')],
  ['figures.9e.mean', t('mean graphlet duration (h)', 168, '=', '§4.3.2')],
  ['figures.9f.likelihood.DNN', t('push likelihood, DNN', 0.6, '<', '§4.3.2')],
  ['figures.9f.likelihood.DNN+Linear', t('push likelihood, DNN+Linear', 0.6, '<', '§4.3.2')],
  ['figures.9f.likelihood.Linear', t('push likelihood, Linear', 0.6, '<', '§4.3.2')],
  ['figures.9f.likelihood.Tree', t('push likelihood, Tree', 0.6, '<', '§4.3.2')],
  ['figures.9f.likelihood.Other', t('push likelihood, Other', 0.6, '<', '§4.3.2')],
  ...quarters('jaccard', 'Jaccard', [0.302, 0.082, 0.044, 0.573], 0.647),
  ...quarters('dataset', 'dataset similarity', [0.897, 0.003, 0.001, 0.099], 0.101),
  ...quarters(
    'datasetPerPipeline',
    'dataset similarity per pipeline',
    [0.873, 0.05, 0.031, 0.046],
    0.092,
  ),
  ['tables.2.inputSimilarity.pushed', t('input similarity, pushed', 0.109, '=', '§4.3.2')],
  ['tables.2.inputSimilarity.unpushed', t('input similarity, unpushed', 0.099, '=', '§4.3.2')],
  ['tables.2.inputSimilarity.all', t('input similarity, all', 0.101, '=', '§4.3.2')],
  ['tables.2.codeMatch.pushed', t('code match, pushed', 0.838, '=', '§4.3.2')],
  ['tables.2.codeMatch.unpushed', t('code match, unpushed', 0.846, '=', '§4.3.2')],
  ['tables.2.codeMatch.all', t('code match, all', 0.845, '=', '§4.3.2')],
]);

/** A Table 3 row as printed: balanced accuracy and feature cost (rescaled so RF:Validation = 1). */
export interface PaperTable3Row {
  readonly balancedAccuracy: number;
  readonly featureCost: number;
}

/**
 * Table 3 (§5.3.1; the ablations of §5.3.3 in its last rows), by variant as the table names them
 * (core's WASTE_VARIANTS). The paper prints the cost of the ablations' baseline,
 * RF:Input+Pre+Trainer, for every ablation.
 */
export const PAPER_TABLE_3 = {
  'RF:Input': { balancedAccuracy: 0.737, featureCost: 0.31 },
  'RF:Input+Pre': { balancedAccuracy: 0.801, featureCost: 0.53 },
  'RF:Input+Pre+Trainer': { balancedAccuracy: 0.818, featureCost: 0.77 },
  'RF:Validation': { balancedAccuracy: 0.948, featureCost: 1 },
  'RF:History': { balancedAccuracy: 0.738, featureCost: 0.77 },
  'RF:Shape': { balancedAccuracy: 0.68, featureCost: 0.77 },
  'RF:Model-Type': { balancedAccuracy: 0.592, featureCost: 0.77 },
} as const satisfies Readonly<Record<string, PaperTable3Row>>;

/** Titles of the document's figures and tables, as the paper captions them. */
export const STATISTICS_TITLES: Readonly<Record<string, string>> = {
  corpus: 'Corpus',
  'figures.3a': 'Figure 3(a): pipeline lifespan (days)',
  'figures.3b': 'Figure 3(b): models trained per day',
  'figures.3c': 'Figure 3(c): feature count per pipeline',
  'figures.3d': 'Figure 3(d): lifespan by model type',
  'figures.3e': 'Figure 3(e): models per day by model type',
  'figures.3f': 'Figure 3(f): feature count by model type',
  'figures.4': 'Figure 4: analyzer usage',
  'figures.5': 'Figure 5: trainer runs by model type',
  'figures.6': 'Figure 6: pipelines with each operator group',
  'figures.7': 'Figure 7: compute cost by operator group',
  'figures.9a': 'Figure 9(a): hours between consecutive graphlets (PDF)',
  'figures.9b': 'Figure 9(b): hours between consecutive graphlets (CDF)',
  'figures.9c': 'Figure 9(c): unpushed graphlets between pushes',
  'figures.9d': 'Figure 9(d): trainer compute, pushed vs unpushed',
  'figures.9e': 'Figure 9(e): graphlet duration (hours)',
  'figures.9f': 'Figure 9(f): push likelihood by model type',
  'tables.1': 'Table 1: similarity of consecutive graphlets',
  'tables.2': 'Table 2: push vs data drift and code change',
};

/** What the paper says in words about figures it gives no number for, by section path. */
export const PAPER_CLAIMS: Readonly<Record<string, string>> = {
  'figures.3a': 'continuous pipelines live the whole corpus period',
  'figures.3b': 'most pipelines train 1 model per day; 1.12% train more than 100',
  'figures.3c': 'the vast majority use at most 100 features; extremes reach tens of thousands',
  'figures.3d': 'pipelines with linear models live longer than DNN ones',
  'figures.3e': 'DNN pipelines have the most diverse cadence',
  'figures.4':
    'vocabulary dominates both views; custom analyzers are in several pipelines but rarely used',
  'figures.5': 'DNN 64%, DNN+Linear 2%; linear and tree-based smaller; the rest "other"',
  'figures.6': 'training and deployment in 100%; about half use data and model validation',
  'figures.7': 'training < 1/3 (introduction: ~20%); validation ~35%; ingestion ~22%',
  'figures.9a': 'all and pushed gaps have the same shape; the pushed mean is ~15 h later',
  'figures.9b': '80% of all gaps are below the median gap between pushed graphlets',
  'figures.9c': 'very few pipelines have 0; most 1-10; mean ~3',
  'figures.9d': 'unpushed graphlets use more trainer CPU (section 4.3.2 calls it similar)',
  'figures.9e': 'mean model training time 168 h',
  'figures.9f': 'every model type has a push likelihood below 0.6, highly variable',
  'tables.2': 'no significant difference between pushed and unpushed graphlets',
};

/** The value at a dot-separated path of a JSON-like document (e.g. `tables.1.jaccard.bins.0`). */
export function valueAtPath(document: unknown, path: string): unknown {
  let node: unknown = document;
  for (const key of path.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined;
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}
