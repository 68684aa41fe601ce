/** The paper's figures and tables in its order: anchors, titles (after its captions), categories. */
import {
  ANALYZER_KINDS,
  MODEL_TYPES as CORE_MODEL_TYPES,
  OPERATOR_GROUPS as CORE_OPERATOR_GROUPS,
  type OperatorGroup,
} from '@graphlet/core';
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

/** Categories named as core names them (model types, classes, analyzers): the key is the label. */
const named = (keys: readonly string[]): readonly Category[] =>
  keys.map((key) => ({ key, label: key }));

export const MODEL_TYPES = named(CORE_MODEL_TYPES);
export const ANALYZERS = named(ANALYZER_KINDS);

/** Figures 6 and 7's operator groups as the page labels them. */
const GROUP_LABELS: Readonly<Record<OperatorGroup, string>> = {
  ingestion: 'Data ingestion',
  data_validation: 'Data analysis & validation',
  transform: 'Data pre-processing',
  training: 'Training',
  model_validation: 'Model analysis & validation',
  deployment: 'Model deployment',
  other: 'Other (custom)',
};
export const OPERATOR_GROUPS: readonly Category[] = CORE_OPERATOR_GROUPS.map((key) => ({
  key,
  label: GROUP_LABELS[key],
}));

/** Table 1's four similarity ranges, as the paper heads them. */
export const QUARTER_LABELS = ['[0, 0.25]', '(0.25, 0.5]', '(0.5, 0.75]', '(0.75, 1]'] as const;
