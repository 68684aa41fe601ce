import { writeFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { stringifyTraceDocument } from './json-trace-format.ts';
import { readTraceFile } from './read-trace-file.ts';
import { fixturePath } from './testing/fixtures.ts';
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
    expect(readTraceFile(file)).toEqual({ kind: 'json', traces: [richTrace('p', 1)] });
  });

  it('rejects anything else', () => {
    const file = tmp('list.json');
    writeFileSync(file, '[1, 2]');
    expect(() => readTraceFile(file)).toThrow(`${file}: not an SQLite database or JSON trace`);
  });
});
