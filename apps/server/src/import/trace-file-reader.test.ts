import { readdirSync } from 'node:fs';
import { readTraceFile } from '@graphlet/formats';
import { fixturePath, MLMD_FIXTURES, PROV_FIXTURE_DIR } from '@graphlet/formats/testing';
import { describe, expect, it } from 'vitest';
import { openTraceFile } from './trace-file-reader.ts';

describe('openTraceFile', () => {
  it.each(MLMD_FIXTURES)(
    'reads %s pipeline by pipeline: the traces of the whole-file reader',
    (name) => {
      const whole = readTraceFile(fixturePath(name));
      const file = openTraceFile(fixturePath(name));
      try {
        expect(file).toMatchObject({ kind: 'mlmd', schemaVersion: whole.schemaVersion });
        const traces = file.traces();
        // A generator: nothing is read before it is asked for.
        expect(Array.isArray(traces)).toBe(false);
        expect([...traces]).toEqual(whole.traces);
        expect(file.total).toBeGreaterThanOrEqual(whole.traces.length);
      } finally {
        file.close();
      }
    },
  );

  it('reads a JSON file whole, with its format', () => {
    const name = readdirSync(PROV_FIXTURE_DIR).find((f) => f.endsWith('.json'))!;
    const whole = readTraceFile(PROV_FIXTURE_DIR + name);
    const file = openTraceFile(PROV_FIXTURE_DIR + name);
    expect(file).toMatchObject({ kind: 'json', format: 'prov', total: whole.traces.length });
    expect([...file.traces()]).toEqual(whole.traces);
  });
});
