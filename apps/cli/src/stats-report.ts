/**
 * The `stats` command's readable report: each figure and table of the paper with our numbers,
 * the paper's stated numbers beside them (PAPER_TARGETS), and why unavailable ones are missing.
 */
import {
  type CorpusStatistics,
  type Distribution,
  PAPER_CLAIMS,
  PAPER_TARGETS,
  type PaperTarget,
  STATISTICS_TITLES,
  valueAtPath,
} from '@graphlet/core';
import { formatTable } from './format-table.ts';

/** Formats a number for people: grouped thousands, else three significant digits; null as a dash. */
function formatNumber(value: unknown): string {
  if (typeof value !== 'number') return '—';
  if (Number.isInteger(value) || Math.abs(value) >= 1000) {
    return Math.round(value).toLocaleString('en-US');
  }
  return String(Number(value.toPrecision(3)));
}

const paper = (t: PaperTarget) => `${t.relation === '=' ? '' : t.relation}${formatNumber(t.value)}`;

/** The whole report, one section per figure or table, in the paper's order. */
export function formatStatsReport(stats: CorpusStatistics, files: readonly string[]): string {
  const head = `Statistics of ${files.length} file(s): ${stats.corpus.pipelines} pipeline(s), ${stats.corpus.graphlets} graphlet(s). Paper numbers: Xin et al., SIGMOD 2021.`;
  const sections = Object.entries(STATISTICS_TITLES).map(([path, title]) => {
    const lines = [title, ...body(path, valueAtPath(stats, path))];
    const claim = PAPER_CLAIMS[path];
    if (claim !== undefined) lines.push(`  paper: ${claim}`);
    const targets = Object.entries(PAPER_TARGETS).filter(([p]) => p.startsWith(`${path}.`));
    if (targets.length > 0) {
      const table = formatTable(
        ['compared with the paper', 'ours', 'paper', 'section'],
        targets.map(([p, t]) => [
          t.label,
          formatNumber(valueAtPath(stats, p)),
          paper(t),
          t.section,
        ]),
      );
      lines.push(indent(table));
    }
    return lines.join('\n');
  });
  return [head, ...sections].join('\n\n');
}

function body(path: string, section: unknown): string[] {
  const s = section as Record<string, unknown>;
  if (s.available === false) return [`  unavailable: ${String(s.reason)}`];
  const out: string[] = [];
  const whole = asDistribution(s);
  if (whole !== undefined) out.push(`  ${summaryLine(whole)} ${s.unit}`);
  if (isObject(s.byClass)) {
    for (const [cls, d] of Object.entries(s.byClass)) {
      const part = asDistribution(d);
      if (part !== undefined) out.push(`  ${cls.padEnd(8)} ${summaryLine(part)} ${s.unit}`);
    }
  }
  for (const key of ['all', 'pushed', 'unpushed'] as const) {
    const part = asDistribution(s[key]);
    if (part !== undefined) out.push(`  ${key.padEnd(8)} ${summaryLine(part)} ${s.unit}`);
  }
  const columns = RECORD_COLUMNS.filter((key) => isObject(s[key]));
  const first = columns[0];
  if (first !== undefined) {
    const keys = Object.keys(s[first] as object);
    const rows = keys.map((k) => [
      k,
      ...columns.map((c) => formatNumber((s[c] as Record<string, unknown>)[k])),
    ]);
    const label =
      path === 'figures.4' ? 'analyzer' : /figures\.(5|9f)$/.test(path) ? 'model type' : 'group';
    out.push(indent(formatTable([label, ...columns], rows)));
  }
  if (isObject(s.featureKinds)) out.push(...featureKinds(s.featureKinds));
  if (path === 'tables.1' || path === 'tables.2') out.push(...tableRows(s));
  return out;
}

/** Record-valued fields printed as columns of one table, in this order. */
const RECORD_COLUMNS = [
  'counts',
  'graphlets',
  'secondsByGroup',
  'totalUses',
  'pipelineShare',
  'shares',
  'likelihood',
] as const;

function summaryLine(d: Distribution): string {
  const f = formatNumber;
  return `n=${d.count}  mean ${f(d.mean)}  median ${f(d.median)}  p90 ${f(d.p90)}  max ${f(d.max)}`;
}

function featureKinds(kinds: Record<string, unknown>): string[] {
  if (kinds.available === false) return [`  feature kinds unavailable: ${String(kinds.reason)}`];
  return [`  categorical share of features ${formatNumber(kinds.categoricalShare)}`];
}

function tableRows(table: Record<string, unknown>): string[] {
  const rows: (string | number)[][] = [];
  const notes: string[] = [];
  for (const [name, row] of Object.entries(table)) {
    if (!isObject(row)) continue;
    if (row.available === false) {
      notes.push(`  ${name} unavailable: ${String(row.reason)}`);
      continue;
    }
    if (Array.isArray(row.bins)) {
      rows.push([name, ...row.bins.map(formatNumber), formatNumber(row.mean), row.count as number]);
    } else {
      const f = formatNumber;
      rows.push([name, f(row.pushed), f(row.unpushed), f(row.all), row.count as number]);
    }
  }
  const headers = Array.isArray((Object.values(table).find(isObject) as { bins?: unknown })?.bins)
    ? ['row', '[0,.25]', '(.25,.5]', '(.5,.75]', '(.75,1]', 'mean', 'n']
    : ['row', 'pushed', 'unpushed', 'all', 'n'];
  return [...(rows.length > 0 ? [indent(formatTable(headers, rows))] : []), ...notes];
}

function asDistribution(x: unknown): Distribution | undefined {
  return isObject(x) && typeof x.count === 'number' && isObject(x.histogram)
    ? (x as unknown as Distribution)
    : undefined;
}

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

const indent = (text: string) => text.replace(/^/gm, '  ');
