/** The paper's figures and tables in its order: anchors, titles (after its captions), categories. */
import type { Category } from './category-bars.ts';

/** A panel of the figures page. */
export interface FigureEntry {
  /** The key in the stats document (`figures.<id>` or `tables.<id>`). */
  readonly path: string;
  /** The URL anchor (`#fig-3a`). */
  readonly anchor: string;
  /** Short name for the table of contents. */
  readonly short: string;
  readonly title: string;
}

const fig = (id: string, title: string): FigureEntry => ({
  path: `figures.${id}`,
  anchor: `fig-${id}`,
  short: `Fig. ${id.replace(/^(\d)([a-f])$/, '$1($2)')}`,
  title,
});
const table = (id: string, title: string): FigureEntry => ({
  path: `tables.${id}`,
  anchor: `table-${id}`,
  short: `Table ${id}`,
  title,
});

export const FIGURES = {
  '3a': fig('3a', 'Figure 3(a): Pipeline lifespan'),
  '3b': fig('3b', 'Figure 3(b): Models trained per day'),
  '3c': fig('3c', 'Figure 3(c): Feature count per pipeline'),
  '3d': fig('3d', 'Figure 3(d): Lifespan by model type'),
  '3e': fig('3e', 'Figure 3(e): Models per day by model type'),
  '3f': fig('3f', 'Figure 3(f): Feature count by model type'),
  '4': fig('4', 'Figure 4: Analyzer usage'),
  '5': fig('5', 'Figure 5: Percentage of Trainer runs with each model type'),
  '6': fig('6', 'Figure 6: Percentage of pipelines with different operators'),
  '7': fig('7', 'Figure 7: Compute cost of different operators'),
  '9a': fig('9a', 'Figure 9(a): Time between consecutive graphlets (PDF)'),
  '9b': fig('9b', 'Figure 9(b): Time between consecutive graphlets (CDF)'),
  '9c': fig('9c', 'Figure 9(c): Unpushed graphlets between consecutive pushes'),
  '9d': fig('9d', 'Figure 9(d): CPU usage for the trainer'),
  '9e': fig('9e', 'Figure 9(e): Model graphlet duration'),
  '9f': fig('9f', 'Figure 9(f): Model type vs. likelihood of pushes'),
  t1: table('1', 'Table 1: Similarity metrics for consecutive model graphlets'),
  t2: table('2', 'Table 2: Model push vs. data drift and code change'),
} as const satisfies Record<string, FigureEntry>;

/** Every panel, in the paper's order. */
export const FIGURE_ORDER: readonly FigureEntry[] = Object.values(FIGURES);

export const MODEL_TYPES: readonly Category[] = [
  { key: 'DNN', label: 'DNN' },
  { key: 'DNN+Linear', label: 'DNN+Linear' },
  { key: 'Linear', label: 'Linear' },
  { key: 'Tree', label: 'Tree' },
  { key: 'Other', label: 'Other' },
];

export const MODEL_CLASSES: readonly Category[] = [
  { key: 'DNN', label: 'DNN' },
  { key: 'Linear', label: 'Linear' },
  { key: 'Rest', label: 'Rest' },
];

export const OPERATOR_GROUPS: readonly Category[] = [
  { key: 'ingestion', label: 'Data ingestion' },
  { key: 'data_validation', label: 'Data analysis & validation' },
  { key: 'transform', label: 'Data pre-processing' },
  { key: 'training', label: 'Training' },
  { key: 'model_validation', label: 'Model analysis & validation' },
  { key: 'deployment', label: 'Model deployment' },
  { key: 'other', label: 'Other (custom)' },
];

export const ANALYZERS: readonly Category[] = [
  { key: 'vocabulary', label: 'vocabulary' },
  { key: 'min', label: 'min' },
  { key: 'max', label: 'max' },
  { key: 'mean', label: 'mean' },
  { key: 'variance', label: 'variance' },
  { key: 'quantiles', label: 'quantiles' },
  { key: 'custom', label: 'custom' },
];

/** Table 1's four similarity ranges, as the paper heads them. */
export const QUARTER_LABELS = ['[0, 0.25]', '(0.25, 0.5]', '(0.5, 0.75]', '(0.75, 1]'] as const;
