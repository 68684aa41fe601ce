/**
 * Every number of targets.md a synthetic corpus can show, as checks over a CorpusStatistics
 * document: the paper's target, the tolerance we hold the generator to (stated for 300
 * pipelines), what the corpus achieved, and pass or fail. `bar` marks the checks of issue 3's
 * calibration bar; the others are reported beside them (a miss there is a known gap, not a bug).
 */
import { type CorpusStatistics, MODEL_TYPES, valueAtPath } from '@graphlet/core';

/** One check: `achieved` is null when the statistic is unavailable (which fails the check). */
export interface CalibrationCheck {
  readonly name: string;
  /** Document path of the statistic (see docs of the stats engine). */
  readonly path: string;
  readonly target: number;
  readonly achieved: number | null;
  /** Human-readable tolerance, e.g. `±0.03`, `≤ 130`, `0.20–0.33`. */
  readonly tolerance: string;
  readonly pass: boolean;
  /** Part of issue 3's calibration bar (the rest are other numbers of targets.md). */
  readonly bar: boolean;
}

/** The result of checking a corpus: `passed` and `failed` count the bar's checks only. */
export interface CalibrationReport {
  readonly checks: readonly CalibrationCheck[];
  readonly passed: number;
  readonly failed: number;
  /** Checks outside the bar within their tolerance, and outside it. */
  readonly others: { readonly within: number; readonly outside: number };
}

type Rule =
  | { readonly kind: 'near'; readonly tol: number }
  | { readonly kind: 'range'; readonly lo: number; readonly hi: number }
  | { readonly kind: 'max'; readonly hi: number }
  | { readonly kind: 'min'; readonly lo: number };

interface Spec {
  readonly name: string;
  readonly path: string;
  readonly target: number;
  readonly rule: Rule;
  readonly bar?: false;
}

const spec = (name: string, path: string, target: number, rule: Rule): Spec => ({
  name,
  path,
  target,
  rule,
});
const near = (name: string, path: string, target: number, tol: number) =>
  spec(name, path, target, { kind: 'near', tol });
const range = (name: string, path: string, target: number, lo: number, hi: number) =>
  spec(name, path, target, { kind: 'range', lo, hi });
const max = (name: string, path: string, target: number, hi: number) =>
  spec(name, path, target, { kind: 'max', hi });
const min = (name: string, path: string, target: number, lo: number) =>
  spec(name, path, target, { kind: 'min', lo });

const other = (s: Spec): Spec => ({ ...s, bar: false });
const DOMAIN = 'figures.4.featureKinds.meanDomainSize';

const BIN_NAMES = ['[0, .25]', '(.25, .5]', '(.5, .75]', '(.75, 1]'];
const table1 = (row: string, label: string, bins: readonly number[], mean: number, tol: number) => [
  ...bins.map((b, i) =>
    near(`Table 1 ${label} ${BIN_NAMES[i]}`, `tables.1.${row}.bins.${i}`, b, 0.05),
  ),
  near(`Table 1 ${label} mean`, `tables.1.${row}.mean`, mean, tol),
];

/** Figure 5's shares; the paper states DNN and DNN+Linear, the rest split as typical corpora do. */
const FIGURE_5: Readonly<Record<(typeof MODEL_TYPES)[number], number>> = {
  DNN: 0.64,
  'DNN+Linear': 0.02,
  Linear: 0.18,
  Tree: 0.1,
  Other: 0.06,
};

const SPECS: readonly Spec[] = [
  near('pushed share of graphlets', 'corpus.pushedShare', 0.2, 0.03),
  other(max('largest trace (nodes)', 'corpus.maxTraceNodes', 6953, 7000)),
  other(
    near(
      'graphlets of warm-starting pipelines',
      'corpus.warmStartPipelineGraphletShare',
      0.09,
      0.04,
    ),
  ),
  near('Figure 3(a) mean lifespan (days)', 'figures.3a.mean', 36, 6),
  max('Figure 3(a) max lifespan (days)', 'figures.3a.max', 130, 130),
  range('Figure 3(b) median models per day', 'figures.3b.median', 1, 0.5, 1.5),
  near('Figure 3(b) mean models per day', 'figures.3b.mean', 7, 3),
  min('Figure 3(b) max models per day', 'figures.3b.max', 1000, 100),
  other(max('Figure 3(c) feature count p90', 'figures.3c.p90', 100, 100)),
  other(
    near('categorical share of features', 'figures.4.featureKinds.categoricalShare', 0.53, 0.05),
  ),
  other(range('mean categorical domain size', `${DOMAIN}.all`, 10.6e6, 5e6, 20e6)),
  other(range('mean categorical domain size, DNN', `${DOMAIN}.DNN`, 13.6e6, 6.8e6, 27.2e6)),
  other(min('mean categorical domain size, Linear', `${DOMAIN}.Linear`, 20e6, 20e6)),
  ...MODEL_TYPES.map((t) =>
    near(`Figure 5 ${t} share`, `figures.5.shares.${t}`, FIGURE_5[t], 0.04),
  ),
  min('Figure 6 training', 'figures.6.shares.training', 1, 1),
  min('Figure 6 deployment', 'figures.6.shares.deployment', 1, 1),
  range('Figure 6 data validation', 'figures.6.shares.data_validation', 0.5, 0.4, 0.6),
  range('Figure 6 model validation', 'figures.6.shares.model_validation', 0.5, 0.4, 0.6),
  range('Figure 7 training share', 'figures.7.shares.training', 0.27, 0.2, 0.33),
  near('Figure 7 ingestion share', 'figures.7.shares.ingestion', 0.22, 0.04),
  near('Figure 7 data + model validation', 'figures.7.validationShare', 0.35, 0.05),
  other(near('Figure 7 post- to pre-trainer compute', 'figures.7.postToPreRatio', 0.3, 0.1)),
  other(
    near('Figure 9(a) pushed minus all mean gap (h)', 'figures.9a.pushedMeanMinusAllMean', 15, 10),
  ),
  other(near('Figure 9(b) mean gap between pushed (h)', 'figures.9a.pushed.mean', 40, 15)),
  other(
    near(
      'Figure 9(b) gaps below the pushed median',
      'figures.9b.shareOfAllBelowPushedMedian',
      0.8,
      0.1,
    ),
  ),
  near('Figure 9(c) unpushed between pushes', 'figures.9c.mean', 3, 1),
  other(near('Figure 9(e) mean graphlet duration (h)', 'figures.9e.mean', 168, 84)),
  ...MODEL_TYPES.map((t) =>
    max(`Figure 9(f) push likelihood ${t}`, `figures.9f.likelihood.${t}`, 0.6, 0.6),
  ),
  ...table1('jaccard', 'Jaccard', [0.302, 0.082, 0.044, 0.573], 0.647, 0.05),
  ...table1('dataset', 'dataset', [0.897, 0.003, 0.001, 0.099], 0.101, 0.03),
  ...table1('datasetPerPipeline', 'dataset per pipeline', [0.873, 0.05, 0.031, 0.046], 0.092, 0.03),
  near('Table 2 input similarity, pushed', 'tables.2.inputSimilarity.pushed', 0.109, 0.02),
  near('Table 2 input similarity, unpushed', 'tables.2.inputSimilarity.unpushed', 0.099, 0.02),
  near('Table 2 input similarity, all', 'tables.2.inputSimilarity.all', 0.101, 0.02),
  near('Table 2 code match, pushed', 'tables.2.codeMatch.pushed', 0.838, 0.02),
  near('Table 2 code match, unpushed', 'tables.2.codeMatch.unpushed', 0.846, 0.02),
  near('Table 2 code match, all', 'tables.2.codeMatch.all', 0.845, 0.02),
];

// Float noise must not fail a value printed as exactly on the bound.
const EPS = 1e-9;

/** Checks a corpus's statistics against the calibration bar. */
export function calibrationChecks(stats: CorpusStatistics): CalibrationReport {
  const checks: CalibrationCheck[] = SPECS.map((s) => {
    const value = valueAtPath(stats, s.path);
    const achieved = typeof value === 'number' && Number.isFinite(value) ? value : null;
    return {
      name: s.name,
      path: s.path,
      target: s.target,
      achieved,
      ...judge(s.rule, s.target, achieved),
      bar: s.bar ?? true,
    };
  });
  const f = stats.figures;
  checks.push(
    positive(
      'Figure 3(d) Linear minus DNN mean lifespan (days)',
      'figures.3d.byClass',
      difference(f['3d'].byClass.Linear.mean, f['3d'].byClass.DNN.mean),
    ),
    positive(
      'Figure 9(d) unpushed minus pushed trainer CPU (s)',
      'figures.9d',
      difference(f['9d'].unpushed.mean, f['9d'].pushed.mean),
    ),
    positive(
      'Figure 4 vocabulary lead in pipelines using it',
      'figures.4.pipelineShare',
      vocabularyLead(f['4'].pipelineShare),
    ),
  );
  const bar = checks.filter((c) => c.bar);
  const passed = bar.filter((c) => c.pass).length;
  const within = checks.filter((c) => !c.bar && c.pass).length;
  return {
    checks,
    passed,
    failed: bar.length - passed,
    others: { within, outside: checks.length - bar.length - within },
  };
}

/** A check outside the bar that a difference stated by the paper has the paper's sign. */
function positive(name: string, path: string, achieved: number | null): CalibrationCheck {
  return {
    name,
    path,
    target: 0,
    achieved,
    tolerance: '> 0',
    pass: (achieved ?? 0) > 0,
    bar: false,
  };
}

function difference(a: number | null | undefined, b: number | null | undefined): number | null {
  return a === null || a === undefined || b === null || b === undefined ? null : a - b;
}

/** Share of pipelines using vocabulary minus that of the next most used analyzer (Figure 4). */
function vocabularyLead(shares: Readonly<Record<string, number | null>> | null): number | null {
  const vocabulary = shares?.vocabulary;
  if (shares === null || vocabulary === null || vocabulary === undefined) return null;
  let next = 0;
  for (const [name, share] of Object.entries(shares)) {
    if (name !== 'vocabulary' && share !== null) next = Math.max(next, share);
  }
  return vocabulary - next;
}

function judge(rule: Rule, target: number, x: number | null): { tolerance: string; pass: boolean } {
  switch (rule.kind) {
    case 'near':
      return {
        tolerance: `±${rule.tol}`,
        pass: x !== null && Math.abs(x - target) <= rule.tol + EPS,
      };
    case 'range':
      return {
        tolerance: `${rule.lo}–${rule.hi}`,
        pass: x !== null && x >= rule.lo - EPS && x <= rule.hi + EPS,
      };
    case 'max':
      return { tolerance: `≤ ${rule.hi}`, pass: x !== null && x <= rule.hi + EPS };
    case 'min':
      return { tolerance: `≥ ${rule.lo}`, pass: x !== null && x >= rule.lo - EPS };
  }
}
