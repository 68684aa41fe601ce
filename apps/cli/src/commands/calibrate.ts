/** `calibrate FILE [--json]`: the corpus's statistics against the paper's numbers and our calibration bar. */
import { parseArgs } from 'node:util';
import { createStatsAccumulator } from '@graphlet/core';
import { type CalibrationCheck, calibrationChecks } from '@graphlet/synth';
import type { Command } from '../command.ts';
import { formatTable } from '../format-table.ts';
import { sourceLabel, streamTraces } from '../load-traces.ts';
import { requireOneFile } from '../parse-trace-args.ts';
import { segmentTrace } from '../segment-trace.ts';

const USAGE = `Usage: pnpm cli calibrate FILE [--json]

Computes the paper's statistics over the MLMD store FILE, an SQLite file or a mysql:// or
postgres:// URL (pipeline by pipeline, so memory stays bounded), and checks every number the
paper states that a corpus can show: target, achieved, tolerance, and pass or FAIL for the checks
of the calibration bar the synthetic generator is held to (part "bar"), ok or miss for the
paper's other numbers (part "other"). Exits 0 even when checks fail.

  --json   print {"checks":[{name,target,achieved,tolerance,pass,bar}],"passed":N,"failed":N,
           "others":{"within":N,"outside":N}} (passed and failed count the bar's checks)`;

/** The `calibrate` command. */
export const calibrateCommand: Command = {
  name: 'calibrate',
  summary: 'check a corpus against the paper-calibration bar',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: { json: { type: 'boolean', default: false } },
    });
    const file = requireOneFile(positionals);
    const acc = createStatsAccumulator();
    for await (const trace of streamTraces(file, [])) {
      acc.add(trace, segmentTrace(trace, sourceLabel(file)).graphlets);
    }
    const report = calibrationChecks(acc.finish());
    if (values.json) {
      const checks = report.checks.map(({ name, target, achieved, tolerance, pass, bar }) => ({
        name,
        target,
        achieved,
        tolerance,
        pass,
        bar,
      }));
      const { passed, failed, others } = report;
      io.stdout(`${JSON.stringify({ checks, passed, failed, others })}\n`);
    } else {
      const { within, outside } = report.others;
      io.stdout(
        `${formatChecks(report.checks)}\n\n` +
          `the paper's other numbers: ${within} within tolerance, ${outside} outside\n` +
          `calibration bar: ${report.passed} passed, ${report.failed} failed\n`,
      );
    }
    return 0;
  },
};

function formatChecks(checks: readonly CalibrationCheck[]): string {
  const show = (x: number | null) =>
    x === null ? 'n/a' : Math.abs(x) >= 100 ? x.toFixed(0) : x.toFixed(3);
  return formatTable(
    ['check', 'target', 'achieved', 'tolerance', 'result', 'part'],
    checks.map((c) => [
      c.name,
      show(c.target),
      show(c.achieved),
      c.tolerance,
      c.bar ? (c.pass ? 'pass' : 'FAIL') : c.pass ? 'ok' : 'miss',
      c.bar ? 'bar' : 'other',
    ]),
  );
}
