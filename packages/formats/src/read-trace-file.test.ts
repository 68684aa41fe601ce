import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stringifyTraceDocument } from './json-trace-format.ts';
import { readTraceFile } from './read-trace-file.ts';
import { fixturePath, OPENLINEAGE_FIXTURE_DIR, PROV_FIXTURE_DIR } from './testing/fixtures.ts';
import { richTrace } from './testing/rich-trace.ts';
import { tempDir } from './testing/temp-dir.ts';

describe('readTraceFile', () => {
  const tmp = tempDir();

  it('reads an MLMD store by content, whatever its name', () => {
    const file = fixturePath('tfx-0.22-chicago-taxi-schema-v4.sqlite');
    const result = readTraceFile(file, { roleOverrides: [{ pattern: 'Pusher', role: 'other' }] });
    expect(result.kind).toBe('mlmd');
    expect(result.schemaVersion).toBe(4);
    expect(result.traces[0]!.executions.find((e) => e.id === 9)!.role).toBe('other');
  });

  it('reads a JSON trace document by content, even with leading whitespace', () => {
    const file = tmp('traces.data');
    writeFileSync(file, `\n  ${stringifyTraceDocument([richTrace('p', 1)])}`);
    expect(readTraceFile(file)).toEqual({
      kind: 'json',
      format: 'trace',
      traces: [richTrace('p', 1)],
    });
  });

  it('tells OpenLineage, PROV-JSON and Kubeflow Pipelines runs apart by content', () => {
    const summary = (path: string) => {
      const f = readTraceFile(path);
      return [f.kind, f.format, f.traces.length];
    };
    const hand = (p: string) => new URL(`../test-data/${p}`, import.meta.url).pathname;
    expect(summary(hand('openlineage/churn-model-airflow.ndjson'))).toEqual([
      'json',
      'openlineage',
      1,
    ]);
    expect(summary(`${OPENLINEAGE_FIXTURE_DIR}marquez-seed-metadata.template.json`)).toEqual([
      'json',
      'openlineage',
      1,
    ]);
    expect(summary(`${OPENLINEAGE_FIXTURE_DIR}marquez-edge-cases/event_full.json`)).toEqual([
      'json',
      'openlineage',
      1,
    ]);
    expect(summary(`${PROV_FIXTURE_DIR}provpy-bundle4.json`)).toEqual(['json', 'prov', 2]);
    expect(summary(hand('kfp/get-run-churn.json'))).toEqual(['json', 'kfp', 1]);
    expect(summary(hand('kfp/list-runs-churn.json'))).toEqual(['json', 'kfp', 1]);
  });

  it('rejects anything else', () => {
    const text = tmp('notes.txt');
    writeFileSync(text, 'hello');
    expect(() => readTraceFile(text)).toThrow(`${text}: not an SQLite database or JSON trace`);
    const list = tmp('list.json');
    writeFileSync(list, '[1, 2]');
    expect(() => readTraceFile(list)).toThrow(
      `${list}: JSON, but not a trace document, OpenLineage events, PROV-JSON or a Kubeflow Pipelines run`,
    );
  });
});
