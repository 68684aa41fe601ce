import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FormatError } from './format-error.ts';
import {
  parseTraceDocument,
  stringifyTraceDocument,
  TRACE_FORMAT,
  traceJsonSchema,
} from './json-trace-format.ts';
import { readMlmdStore } from './read-mlmd-store.ts';
import { fixturePath, MLMD_FIXTURES } from './testing/fixtures.ts';
import { richTrace } from './testing/rich-trace.ts';
import { TRACE_SCHEMA_FILE } from './write-trace-schema.ts';

function errorOf(text: string): FormatError {
  try {
    parseTraceDocument(text, 'in.json');
  } catch (error) {
    if (error instanceof FormatError) return error;
    throw error;
  }
  throw new Error('expected a FormatError');
}

const doc = (traces: unknown) => JSON.stringify({ format: TRACE_FORMAT, version: 1, traces });

describe('JSON trace format', () => {
  it.each(MLMD_FIXTURES)('%s -> JSON -> model is identical to the MLMD import', (name) => {
    const traces = readMlmdStore(fixturePath(name)).traces;
    expect(parseTraceDocument(stringifyTraceDocument(traces), 'x.json')).toEqual(traces);
    expect(parseTraceDocument(stringifyTraceDocument(traces, { pretty: true }), 'x.json')).toEqual(
      traces,
    );
  });

  it('round-trips undecoded values, event indexes and every state', () => {
    const traces = [richTrace('a', 1), richTrace('b', 10)];
    expect(parseTraceDocument(stringifyTraceDocument(traces), 'x.json')).toEqual(traces);
  });

  it('rejects text that is not JSON', () => {
    expect(errorOf('{"format": ')).toMatchObject({ code: 'invalid_json' });
    expect(errorOf('{"format": ').message).toMatch(/^in\.json: not valid JSON \(/);
  });

  it('names the path of the first schema problem', () => {
    const trace = JSON.parse(JSON.stringify(richTrace('a', 1)));
    trace.executions[1].state = 'exploded';
    const error = errorOf(doc([trace]));
    expect(error.code).toBe('invalid_trace');
    expect(error.message).toMatch(
      /^in\.json: not a valid trace document at traces\[0\]\.executions\[1\]\.state: /,
    );
    expect(errorOf(JSON.stringify({ format: 'other', version: 1, traces: [] })).message).toMatch(
      /at format:/,
    );
  });

  it('rejects dangling events, repeated ids and contradictory kinds', () => {
    const base = () => JSON.parse(JSON.stringify(richTrace('a', 1)));
    const dangling = base();
    dangling.events[2].artifact = 99;
    expect(errorOf(doc([dangling])).message).toBe(
      'in.json: not a valid trace document at traces[0].events[2].artifact: no artifact 99 in this trace',
    );
    const repeated = base();
    repeated.executions[1].id = repeated.executions[0].id;
    expect(errorOf(doc([repeated])).message).toMatch(/executions\[1\]\.id: execution id 1 repeats/);
    const contradictory = base();
    contradictory.events[0].kind = 'input';
    expect(errorOf(doc([contradictory])).message).toMatch(/contradicts event type OUTPUT/);
  });

  it('applies role overrides to matching executions only', () => {
    const [trace] = parseTraceDocument(doc([richTrace('a', 1)]), 'x.json', {
      roleOverrides: [{ pattern: 'Pusher$', role: 'other' }],
    });
    expect(trace!.executions.map((e) => e.role)).toEqual(['ingestion', 'trainer', 'other']);
  });

  it('has an up-to-date committed JSON Schema (run write-trace-schema.ts when this fails)', () => {
    const committed = JSON.parse(readFileSync(TRACE_SCHEMA_FILE, 'utf8'));
    expect(committed).toEqual(traceJsonSchema());
  });
});
