/** Formats the statistics' numbers for labels and tooltips: shares as percentages, big numbers compact. */

const DASH = '–';

/** Whether the number at a document path is a share in [0, 1]. */
function isSharePath(path: string): boolean {
  return /share|likelihood|bins|Share|jaccard|dataset|inputSimilarity|codeMatch/.test(path);
}

/** A share as a percentage; by default one decimal below 10% ("4.4%", "57%"). */
export function formatShare(value: number | null | undefined, digits?: number): string {
  if (value === null || value === undefined || Number.isNaN(value)) return DASH;
  const pct = value * 100;
  return `${pct.toFixed(digits ?? (pct !== 0 && Math.abs(pct) < 10 ? 1 : 0))}%`;
}

/** A plain number: compact above a million, two significant decimals below 10. */
export function formatAmount(value: number | null | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return DASH;
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${(value / 1e6).toFixed(1)} M`;
  if (abs >= 100) return Math.round(value).toLocaleString('en-US');
  if (abs >= 10) return String(Number(value.toFixed(1)));
  if (abs >= 0.01 || abs === 0) return String(Number(value.toFixed(2)));
  return value.toPrecision(2);
}

/** The value at a document path, as a share or an amount. */
export function formatStat(path: string, value: number | null | undefined): string {
  return isSharePath(path) ? formatShare(value) : formatAmount(value);
}

/** A bin edge for axis ticks: "0.001", "1", "10", "1k", "1M". */
export function formatEdge(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${Number((value / 1e6).toPrecision(3))}M`;
  if (abs >= 1e3) return `${Number((value / 1e3).toPrecision(3))}k`;
  if (abs === 0) return '0';
  return String(Number(value.toPrecision(abs < 1 ? 2 : 3)));
}
