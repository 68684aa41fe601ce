import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildFeatureTable, computeStatistics, segmentGraphlets, type Trace } from '@graphlet/core';
import { describe, expect, it } from 'vitest';
import { parseKfpRuns } from './kfp/read-kfp-run.ts';
import { parseOpenLineage } from './openlineage/read-openlineage.ts';
import { OPENLINEAGE_FIXTURE_DIR } from './testing/fixtures.ts';

const TEST_DATA = new URL('../test-data/', import.meta.url);
const corpus = (traces: readonly Trace[]) =>
  traces.map((trace) => ({ trace, graphlets: segmentGraphlets(trace).graphlets }));

describe('statistics and waste features on traces from other formats', () => {
  const churn = parseOpenLineage(
    readFileSync(new URL('openlineage/churn-model-airflow.ndjson', TEST_DATA), 'utf8'),
    'x',
  ).traces;
  const kfp = parseKfpRuns(
    readFileSync(new URL('kfp/list-runs-churn.json', TEST_DATA), 'utf8'),
    'x',
  );

  it('compute where the roles tell graphlets apart, and say why not where the format is silent', () => {
    const stats = computeStatistics(corpus([...churn, ...kfp]));
    expect(stats.corpus).toMatchObject({
      pipelines: 2,
      graphlets: 4,
      pushedGraphlets: 2,
      pushedShare: 0.5,
    });
    expect(stats.figures['3a'].available).toBe(true);
    expect(stats.figures['6'].available).toBe(true);
    // OpenLineage and KFP runs record no model type, analyzers or feature statistics.
    expect(stats.figures['5']).toMatchObject({
      available: false,
      reason: expect.stringContaining('model_type'),
    });
    expect(stats.figures['4']).toMatchObject({
      available: false,
      reason: expect.stringContaining('analyzers'),
    });
    expect(stats.tables['1'].dataset).toMatchObject({
      available: false,
      reason: expect.stringContaining('feature_statistics'),
    });
  });

  it('say there is no Trainer for lineage without one (Marquez apples)', () => {
    const dir = join(OPENLINEAGE_FIXTURE_DIR, 'marquez-apples');
    const events = readdirSync(dir).map((f) =>
      readFileSync(join(dir, f), 'utf8').trim().replace(/\n\s*/g, ' '),
    );
    const stats = computeStatistics(corpus(parseOpenLineage(events.join('\n'), 'x').traces));
    expect(stats.corpus.graphlets).toBe(0);
    expect(stats.figures['9c']).toMatchObject({
      available: false,
      reason: expect.stringContaining('has a Trainer run'),
    });
  });

  it('build the waste model feature table: one row per graphlet, labelled by push', () => {
    const table = buildFeatureTable(corpus([...churn, ...kfp]));
    expect(table.nRows).toBe(4);
    expect([...table.pushed]).toEqual([1, 0, 1, 0]);
  });
});
