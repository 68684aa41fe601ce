import { computeStatistics, PAPER_TARGETS, segmentGraphlets, TraceBuilder } from '@graphlet/core';
import { describe, expect, it } from 'vitest';
import { calibrationChecks } from './calibration-checks.ts';

/** The checks on a one-pipeline corpus: what is checked does not depend on the corpus. */
function checks() {
  const b = new TraceBuilder('tiny');
  const span = b.output(b.execution('CsvExampleGen', { startMs: 0, endMs: 1 }), 'Examples');
  const trainer = b.execution('Trainer', { startMs: 2, endMs: 3, inputs: [span] });
  b.output(trainer, 'Model');
  const trace = b.build();
  return calibrationChecks(
    computeStatistics([{ trace, graphlets: segmentGraphlets(trace).graphlets }]),
  ).checks;
}

describe('calibrationChecks', () => {
  it("targets the paper's number (core's PAPER_TARGETS) wherever the paper states one", () => {
    const own = checks().filter((c) => PAPER_TARGETS[c.path]?.value !== c.target);
    // Ours: Figure 5's unstated shares, Figure 7's training share (the paper: below 1/3), and the
    // sign checks of stated differences.
    expect(own.map((c) => c.name)).toEqual([
      'Figure 5 Linear share',
      'Figure 5 Tree share',
      'Figure 5 Other share',
      'Figure 7 training share',
      'Figure 3(d) Linear minus DNN mean lifespan (days)',
      'Figure 9(d) unpushed minus pushed trainer CPU (s)',
      'Figure 4 vocabulary lead in pipelines using it',
    ]);
  });

  it('checks every number the paper states for the corpus statistics', () => {
    const checked = new Set(checks().map((c) => c.path));
    const unchecked = Object.keys(PAPER_TARGETS).filter((path) => !checked.has(path));
    expect(unchecked).toEqual(['corpus.pipelines', 'corpus.graphlets', 'corpus.periodDays']);
  });
});
