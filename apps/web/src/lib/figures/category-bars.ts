/**
 * Per-category statistics (model types, operator groups, analyzers) as bar rows with the paper's
 * value beside ours: numbers the paper states exactly or approximately become a second bar;
 * bounds ("< 0.6") become horizontal reference lines.
 */

import type { PaperTargets } from '@graphlet/core';
import { formatTarget } from './paper-reference.ts';

/** A category's key in the document and its label as the paper writes it. */
export interface Category {
  readonly key: string;
  readonly label: string;
}

/** One bar group. */
export interface CategoryRow {
  readonly key: string;
  readonly label: string;
  /** Ours; null when not computable (drawn as no bar, tooltips say "–"). */
  readonly ours: number | null;
  /** The paper's stated value (= or ~), else null. */
  readonly paper: number | null;
  /** The paper's value as stated, e.g. "~50%", or "". */
  readonly paperText: string;
}

/** A horizontal line for a bound the paper states over one or more categories. */
export interface BoundLine {
  readonly value: number;
  readonly label: string;
}

/** Bars for `categories` (ours from `values`, the paper's at `${pathPrefix}.${key}`) and bound lines. */
export function categoryBars(
  categories: readonly Category[],
  values: Readonly<Record<string, number | null | undefined>>,
  paper: PaperTargets,
  pathPrefix: string,
  /** Measured items per category, appended to labels ("DNN (477)"). */
  counts?: Readonly<Record<string, number>>,
): { rows: CategoryRow[]; bounds: BoundLine[] } {
  const rows: CategoryRow[] = [];
  const boundLabels = new Map<string, { value: number; text: string; labels: string[] }>();
  for (const { key, label } of categories) {
    const path = `${pathPrefix}.${key}`;
    const target = paper[path];
    const exact = target !== undefined && (target.relation === '=' || target.relation === '~');
    if (target !== undefined && !exact) {
      const text = formatTarget(path, target);
      const entry = boundLabels.get(text) ?? { value: target.value, text, labels: [] };
      entry.labels.push(label);
      boundLabels.set(text, entry);
    }
    const count = counts?.[key];
    rows.push({
      key,
      label: count === undefined ? label : `${label} (${count.toLocaleString('en-US')})`,
      ours: values[key] ?? null,
      paper: exact ? target.value : null,
      paperText: exact ? formatTarget(path, target) : '',
    });
  }
  const bounds = [...boundLabels.values()].map(({ value, text, labels }) => ({
    value,
    label: `paper: ${labels.length === categories.length ? 'every type' : labels.join(', ')} ${text}`,
  }));
  return { rows, bounds };
}

/** Categories of `values` not in `known` (e.g. analyzer names beyond the paper's), appended sorted. */
export function withExtraCategories(
  known: readonly Category[],
  values: Readonly<Record<string, unknown>>,
): Category[] {
  const seen = new Set(known.map((c) => c.key));
  const extra = Object.keys(values)
    .filter((k) => !seen.has(k))
    .sort()
    .map((key) => ({ key, label: key }));
  return [...known, ...extra];
}

/** The pixel height of a category bar chart (see CategoryBarChart). */
export function categoryChartHeight(rows: readonly CategoryRow[], rowHeight?: number): number {
  const showPaper = rows.some((r) => r.paper !== null);
  return 84 + rows.length * (rowHeight ?? (showPaper ? 44 : 30));
}
