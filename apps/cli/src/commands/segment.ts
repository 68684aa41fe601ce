/** `segment FILE [--json] [--role PATTERN=ROLE]...`: cut each trace into model graphlets. */
import type { Command } from '../command.ts';
import { formatTable } from '../format-table.ts';
import { loadTraces, SOURCE_USAGE, sourceLabel } from '../load-traces.ts';
import { parseRoleOverrides } from '../parse-role-overrides.ts';
import { parseTraceArgs, ROLE_OPTION_USAGE, requireOneFile } from '../parse-trace-args.ts';
import { segmentReport, type TraceReport } from '../segment-report.ts';

const USAGE = `Usage: pnpm cli segment FILE [--json] [--role PATTERN=ROLE]...

Segments every pipeline trace of FILE into model graphlets (paper section 4.1) and prints them.
FILE is ${SOURCE_USAGE}.

  --json               print one JSON document: {"traces":[{"pipeline","graphlets":[...]}]}
${ROLE_OPTION_USAGE}`;

/** The `segment` command. */
export const segmentCommand: Command = {
  name: 'segment',
  summary: 'cut each pipeline trace into model graphlets',
  usage: USAGE,
  async run(args, io) {
    const { files, json, role } = parseTraceArgs(args);
    const file = requireOneFile(files);
    const input = await loadTraces(file, parseRoleOverrides(role));
    const report = segmentReport(input.traces, sourceLabel(file));
    io.stdout(json ? `${JSON.stringify(report)}\n` : `${formatReport(report.traces)}\n`);
    return 0;
  },
};

function formatReport(traces: readonly TraceReport[]): string {
  const summary = formatTable(
    ['pipeline', 'graphlets', 'pushed'],
    traces.map((t) => [t.pipeline, t.graphlets.length, t.graphlets.filter((g) => g.pushed).length]),
  );
  const details = traces.map((t) => {
    const title = `\n${t.pipeline}`;
    if (t.graphlets.length === 0) return `${title}\n  ${t.note ?? 'no graphlets'}`;
    const table = formatTable(
      ['trainer', 'executions', 'artifacts', 'spans', 'warm start', 'pushed'],
      t.graphlets.map((g) => [
        g.trainer,
        g.executions.length,
        g.artifacts.length,
        g.spans.length,
        g.warmStart ? 'yes' : 'no',
        g.pushed ? 'yes' : 'no',
      ]),
    );
    return `${title}\n${table.replace(/^/gm, '  ')}`;
  });
  return [summary, ...details].join('\n');
}
