import type { JsonValue, Properties } from '@graphlet/core';
import { TraceBuilder } from '@graphlet/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseTraceDocument, stringifyTraceDocument } from './json-trace-format.ts';
import { readMlmdStore } from './read-mlmd-store.ts';
import { tempDir } from './testing/temp-dir.ts';
import { writeMlmdStore } from './write-mlmd-store.ts';

// Strings that look like MLMD structs are decoded on read by design; keep them out.
const value = fc
  .jsonValue({ maxDepth: 3 })
  .filter((v) => !JSON.stringify(v).includes('mlmd-struct::')) as fc.Arbitrary<JsonValue>;
const properties: fc.Arbitrary<Properties> = fc.dictionary(
  fc.string({ minLength: 1, maxLength: 8 }),
  value,
  { maxKeys: 4 },
);

describe('MLMD and JSON round trips on random properties', () => {
  const tmp = tempDir();
  let n = 0;

  it('write -> read and JSON -> model give back the same trace', () => {
    fc.assert(
      fc.property(properties, properties, properties, (p1, p2, p3) => {
        const b = new TraceBuilder('random');
        const x = b.execution('Trainer', { properties: p1, customProperties: p2 });
        b.output(x, 'Model', 'model', { customProperties: p3 });
        // JSON has no -0; the model read back from either format compares through JSON.
        const trace = JSON.parse(JSON.stringify(b.build()));
        const file = tmp(`r${++n}.sqlite`);
        writeMlmdStore(file, [trace]);
        expect(readMlmdStore(file).traces).toEqual([trace]);
        expect(parseTraceDocument(stringifyTraceDocument([trace]), 'x.json')).toEqual([trace]);
      }),
      { numRuns: 60 },
    );
  });
});
