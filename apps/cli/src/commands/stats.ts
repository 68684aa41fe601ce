/** `stats FILE... [--json] [--role PATTERN=ROLE]...`: the paper's figures and tables for a corpus. */
import { createStatsAccumulator } from '@graphlet/core';
import { CliError } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { SOURCE_USAGE, sourceLabel, streamTraces } from '../load-traces.ts';
import { parseRoleOverrides } from '../parse-role-overrides.ts';
import { parseTraceArgs, ROLE_OPTION_USAGE } from '../parse-trace-args.ts';
import { segmentTrace } from '../segment-trace.ts';
import { formatStatsReport } from '../stats-report.ts';

const USAGE = `Usage: pnpm cli stats FILE... [--json] [--role PATTERN=ROLE]...

Computes every figure and table of the paper (sections 3 and 4) over all pipelines of the FILEs
and prints them beside the paper's numbers. Each FILE is ${SOURCE_USAGE}.
Statistics whose metadata is missing are reported as unavailable, with the reason.
See docs/statistics.md for every number and its definition.

  --json               print one JSON document (paths documented in docs/statistics.md)
${ROLE_OPTION_USAGE}`;

/** The `stats` command. */
export const statsCommand: Command = {
  name: 'stats',
  summary: "compute the paper's figures and tables for one or more stores",
  usage: USAGE,
  async run(args, io) {
    const { files, json, role } = parseTraceArgs(args);
    if (files.length === 0) throw new CliError('expected at least one FILE');
    const roles = parseRoleOverrides(role);
    const acc = createStatsAccumulator();
    // One pipeline at a time: each trace is dropped once the accumulator has summarised it.
    for (const file of files) {
      for await (const trace of streamTraces(file, roles)) {
        acc.add(trace, segmentTrace(trace, sourceLabel(file)).graphlets);
      }
    }
    const stats = acc.finish();
    io.stdout(
      json ? `${JSON.stringify(stats)}\n` : `${formatStatsReport(stats, files.map(sourceLabel))}\n`,
    );
    return 0;
  },
};
