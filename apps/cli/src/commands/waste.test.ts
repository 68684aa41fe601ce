import { readFileSync } from 'node:fs';
import {
  buildFeatureTable,
  graphletFeatureRecord,
  segmentGraphlets,
  WASTE_VARIANTS,
} from '@graphlet/core';
import { writeMlmdStore } from '@graphlet/formats';
import { FEATURE_CSV_KEY_COLUMNS, parseSkipPolicy, scorePolicy } from '@graphlet/waste';
import { transformPushesCorpus } from '@graphlet/waste/testing';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../testing/cli-harness.ts';
import { writeCorpusJson } from '../waste/write-corpus-json.test-support.ts';

const FAST = ['--trees', '9', '--threads', '1', '--seed', '1'];
const path = tempDir();
const corpus = transformPushesCorpus(20, 6);
const file = writeCorpusJson(path('corpus.json'), corpus);

describe('waste --json', () => {
  it('trains every Table 3 variant and prints the documented document', async () => {
    const result = await cli('waste', file, '--json', ...FAST);
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(Object.keys(doc.variants)).toEqual(WASTE_VARIANTS);
    expect(doc).toMatchObject({ graphlets: 120, pipelines: 20, trees: 9, seed: 1 });
    expect(doc.split.trainGraphlets + doc.split.testGraphlets).toBe(120);
    expect(doc.split.trainGraphlets).toBeGreaterThanOrEqual(90);
    expect(doc.trainSeconds).toBeGreaterThan(0);
    // Pushed exactly when a Transform ran: the pre-trainer shape reveals it, model type does not.
    expect(doc.variants['RF:Input+Pre'].balancedAccuracy).toBe(1);
    expect(doc.variants['RF:Input+Pre'].topFeatures[0].name).toMatch(
      /^pre\.(count.transform|avg_inputs|avg_outputs)$/,
    );
    expect(doc.variants['RF:Model-Type'].balancedAccuracy).toBeLessThan(0.75);
    // Costs: ExampleGen 10, Transform 20, Trainer 100, Pusher 1; half the graphlets transform.
    const share = (a: number, b: number) => (a / b + a / (b + 20)) / 2;
    expect(doc.variants['RF:Input'].featureCost).toBeCloseTo(share(10, 111), 10);
    expect(doc.variants['RF:Input+Pre'].featureCost).toBeCloseTo((10 / 111 + 30 / 131) / 2, 10);
    expect(doc.variants['RF:Validation'].featureCost).toBe(1);
    expect(doc.variants['RF:Model-Type'].featureCost).toBe(0);
    for (const v of Object.values(doc.variants) as {
      curve: { threshold: number; freshness: number; waste: number }[];
      confusion: {
        truePositives: number;
        falsePositives: number;
        trueNegatives: number;
        falseNegatives: number;
      };
    }[]) {
      expect(v.curve[0]).toMatchObject({ freshness: 0, waste: 0 });
      expect(v.curve.at(-1)).toMatchObject({ freshness: 1, waste: 1 });
      const c = v.confusion;
      expect(c.truePositives + c.falsePositives + c.trueNegatives + c.falseNegatives).toBe(
        doc.split.testGraphlets,
      );
    }
    expect(result.stderr).toContain('waste: RF:Input: 9 trees on');
  });

  it('is deterministic for a seed', async () => {
    const a = await cli('waste', file, '--json', '--variant', 'RF:Input', ...FAST);
    const b = await cli('waste', file, '--json', '--variant', 'RF:Input', ...FAST);
    const strip = (s: string) => {
      const d = JSON.parse(s);
      delete d.trainSeconds;
      delete d.variants['RF:Input'].trainSeconds;
      delete d.variants['RF:Input'].predictSeconds;
      return d;
    };
    expect(strip(a.stdout)).toEqual(strip(b.stdout));
  });
});

describe('waste: one variant, operating point and exports', () => {
  it('writes the feature CSV, the policy, and reports the operating point', async () => {
    const csv = path('features.csv');
    const policyFile = path('policy.json');
    const result = await cli(
      'waste',
      file,
      '--json',
      '--predictions',
      '--variant',
      'RF:Input+Pre',
      '--threshold',
      '0.5',
      '--export-features',
      csv,
      '--export-policy',
      policyFile,
      ...FAST,
    );
    expect(result.code).toBe(0);
    const doc = JSON.parse(result.stdout);
    expect(Object.keys(doc.variants)).toEqual(['RF:Input+Pre']);
    const v = doc.variants['RF:Input+Pre'];
    expect(v.operatingPoint).toMatchObject({
      threshold: 0.5,
      freshness: 1,
      waste: 0,
      pushedLost: 0,
    });
    // Every unpushed test graphlet is skipped: ExampleGen + Trainer + Pusher = 111 CPU seconds each.
    const skipped = v.operatingPoint.skipped as { pipeline: string; graphlet: number }[];
    expect(skipped).toHaveLength(v.confusion.trueNegatives);
    expect(v.operatingPoint.computeSavedCpuHours).toBeCloseTo((skipped.length * 111) / 3600, 10);
    expect(v.probabilities).toHaveLength(doc.split.testGraphlets);
    expect(doc.testGraphlets).toHaveLength(doc.split.testGraphlets);

    const lines = readFileSync(csv, 'utf8').trimEnd().split('\n');
    const header = lines[0]!.split(',');
    expect(header.slice(0, 6)).toEqual([...FEATURE_CSV_KEY_COLUMNS, 'input.jaccard_1']);
    expect(header).toHaveLength(5 + 37);
    expect(lines).toHaveLength(121);
    const sides = new Map<string, string>();
    for (const line of lines.slice(1)) {
      const [pipeline, , side] = line.split(',');
      expect(sides.get(pipeline!) ?? side).toBe(side);
      sides.set(pipeline!, side!);
    }
    // First graphlet of pipeline-0: no history (empty cells), Transform ran, pushed.
    expect(lines[1]!.startsWith('pipeline-0,3,')).toBe(true);
    expect(lines[1]!.split(',').slice(3, 8)).toEqual(['1', '131', '', '', '']);

    const policy = parseSkipPolicy(JSON.parse(readFileSync(policyFile, 'utf8')));
    expect(policy).toMatchObject({ variant: 'RF:Input+Pre', threshold: 0.5 });
    expect(policy.evaluation.freshness).toBe(1);
    const trace = corpus[0]!;
    const graphlets = segmentGraphlets(trace).graphlets;
    const [withTransform, without] = [graphlets[2]!, graphlets[3]!];
    expect(
      scorePolicy(policy, graphletFeatureRecord(trace, graphlets, withTransform.trainer)).decision,
    ).toBe('run');
    expect(
      scorePolicy(policy, graphletFeatureRecord(trace, graphlets, without.trainer)).decision,
    ).toBe('skip');
    // The policy's features are exactly the variant's columns of the table.
    const table = buildFeatureTable([{ trace, graphlets }]);
    expect(policy.features).toEqual(v.features);
    expect(policy.features.every((n) => table.features.some((f) => f.name === n))).toBe(true);
  });

  it('prints a readable table beside Table 3 without --json', async () => {
    const result = await cli(
      'waste',
      file,
      '--variant',
      'RF:Validation',
      '--threshold',
      '0.5',
      ...FAST,
    );
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/RF:Validation +1\.000 +0\.948 +1\.00 +1\.00/);
    expect(result.stdout).toContain('RF:Validation at threshold 0.5: freshness');
  });
});

describe('waste errors', () => {
  const expectError = async (args: string[], message: string | RegExp) => {
    const result = await cli('waste', ...args);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(message);
  };

  it('needs a file, a known variant and a complete policy request', async () => {
    await expectError([], /^graphlet waste: expected at least one FILE\n$/);
    await expectError(
      [file, '--variant', 'RF:All'],
      /unknown variant 'RF:All'; expected one of RF:Input,/,
    );
    await expectError(
      [file, '--export-policy', path('p.json'), '--variant', 'RF:Input'],
      /--export-policy needs --variant NAME and --threshold T/,
    );
    await expectError([file, '--threshold', '1.5'], /--threshold must be a number in \[0, 1\]/);
    await expectError([file, '--trees', '0'], /--trees must be an integer/);
    await expectError([file, '--max-memory', 'lots'], /--max-memory must be a size such as 2G/);
  });

  it('fails before any work when the corpus needs more memory than --max-memory', async () => {
    const result = await cli('waste', file, '--max-memory', '64M', ...FAST);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /^graphlet waste: this corpus needs about \d+ MB \(table \d+ MB, training \d+ MB, forests \d+ MB, process \d+ MB\), more than the 64 MB of --max-memory;/,
    );
    expect(result.stderr).not.toMatch(/features:/);
  });

  it('streams an MLMD store pipeline by pipeline on the feature workers', async () => {
    const store = path('corpus.sqlite');
    writeMlmdStore(store, corpus);
    const result = await cli('waste', store, '--json', '--variant', 'RF:Input+Pre', ...FAST);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toMatchObject({ graphlets: 120, pipelines: 20 });
    expect(result.stderr).toMatch(/waste: 21 pipeline\(s\), at most 120 graphlets; estimated peak/);
    expect(result.stderr).toMatch(/waste: features: 21\/21 pipelines, 120 graphlet rows/);
  });

  it('explains too few graphlets, warm-start exclusion and a single class', async () => {
    const small = writeCorpusJson(path('small.json'), transformPushesCorpus(2, 3));
    await expectError([small], /too few graphlets to train and test: 6, need at least 10\n/);
    const warm = writeCorpusJson(path('warm.json'), transformPushesCorpus(4, 6, true));
    await expectError(
      [warm],
      /too few graphlets to train and test: 0, need at least 10 \(24 graphlet\(s\) of 4 warm-starting pipeline\(s\) are excluded, §5\)/,
    );
    const one = writeCorpusJson(path('one.json'), [transformPushesCorpus(1, 12)[0]!]);
    await expectError([one], /needs at least 2 pipelines with graphlets \(got 1\)/);
    const unpushed = transformPushesCorpus(4, 6).map((t) => ({
      ...t,
      executions: t.executions.filter((e) => e.type !== 'Transform'),
      events: t.events.filter(
        (e) => t.executions.find((x) => x.id === e.execution)?.type !== 'Transform',
      ),
      artifacts: t.artifacts.map((a) =>
        a.customProperties.pushed === 1 ? { ...a, customProperties: { pushed: 0 } } : a,
      ),
    }));
    await expectError(
      [writeCorpusJson(path('unpushed.json'), unpushed)],
      /only one class: all 24 graphlets are unpushed/,
    );
  });
});
