/** The paper's stated numbers (the stats document's `paper`) beside ours, for reference lines and tables. */
import { type PaperTarget, type PaperTargets, valueAtPath } from '@graphlet/core';
import { formatStat } from './format-stat.ts';

/** The paper's number as it states it: "~40", "< 60%", "36". */
export function formatTarget(path: string, target: PaperTarget): string {
  const relation = target.relation === '=' ? '' : `${target.relation} `;
  return `${relation}${formatStat(path, target.value)}`;
}

/** One row of "ours vs the paper". */
export interface KeyNumber {
  readonly path: string;
  readonly label: string;
  readonly ours: string;
  readonly paper: string;
  readonly section: string;
}

/**
 * The paper's numbers under `path` (e.g. `figures.9a`) with ours read from `node`, the document's
 * value at that path, in the paper's order.
 */
export function keyNumbers(node: unknown, paper: PaperTargets, path: string): readonly KeyNumber[] {
  const prefix = `${path}.`;
  const rows: KeyNumber[] = [];
  for (const [targetPath, target] of Object.entries(paper)) {
    if (!targetPath.startsWith(prefix)) continue;
    const value = valueAtPath(node, targetPath.slice(prefix.length));
    rows.push({
      path: targetPath,
      label: target.label,
      ours: formatStat(targetPath, typeof value === 'number' ? value : null),
      paper: formatTarget(targetPath, target),
      section: target.section,
    });
  }
  return rows;
}
