// Our Struct codec against @bufbuild/protobuf's google.protobuf.Struct (the reference JSON mapping).
import { DatabaseSync } from 'node:sqlite';
import { fromBinary, toJson } from '@bufbuild/protobuf';
import { StructSchema } from '@bufbuild/protobuf/wkt';
import type { JsonValue } from '@graphlet/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { STRUCT_PREFIX } from './mlmd-struct.ts';
import { decodeStruct, encodeStruct } from './protobuf-struct.ts';
import { fixturePath, MLMD_FIXTURES } from './testing/fixtures.ts';

const reference = (bytes: Uint8Array) => toJson(StructSchema, fromBinary(StructSchema, bytes));

/** Every struct-valued property in every MLMD fixture, as Struct bytes. */
function fixtureStructs(): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (const file of MLMD_FIXTURES) {
    const db = new DatabaseSync(fixturePath(file), { readOnly: true });
    for (const table of ['ExecutionProperty', 'ArtifactProperty', 'ContextProperty']) {
      const rows = db.prepare(`SELECT string_value FROM ${table}`).all() as {
        string_value: unknown;
      }[];
      for (const { string_value: text } of rows) {
        if (typeof text === 'string' && text.startsWith(STRUCT_PREFIX))
          out.push(Buffer.from(text.slice(STRUCT_PREFIX.length), 'base64'));
      }
    }
    db.close();
  }
  return out;
}

describe('decodeStruct against @bufbuild/protobuf', () => {
  it('reads every struct in the MLMD fixtures the same', () => {
    const structs = fixtureStructs();
    expect(structs.length).toBeGreaterThan(0);
    for (const bytes of structs) expect(decodeStruct(bytes)).toEqual(reference(bytes));
  });

  it('reads random Structs the same, and both give back what was encoded', () => {
    const object = fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 4 })) as fc.Arbitrary<{
      [key: string]: JsonValue;
    }>;
    fc.assert(
      fc.property(object, (value) => {
        const bytes = encodeStruct(value);
        const ours = decodeStruct(bytes);
        expect(ours).toEqual(reference(bytes));
        // JSON has no -0.
        expect(JSON.parse(JSON.stringify(ours))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
      { numRuns: 500, seed: 1 },
    );
  });

  it('also reads what the reference refuses although the wire format allows it', () => {
    const nan = encodeStruct({ x: Number.NaN, y: Number.POSITIVE_INFINITY });
    expect(decodeStruct(nan)).toEqual({ x: Number.NaN, y: Number.POSITIVE_INFINITY });
    expect(() => reference(nan)).toThrow(/NaN or Infinity/);
    // {k: Value{}}: a Value with no kind set.
    const empty = Uint8Array.from([0x0a, 0x05, 0x0a, 0x01, 0x6b, 0x12, 0x00]);
    expect(decodeStruct(empty)).toEqual({ k: null });
    expect(() => reference(empty)).toThrow(/must have a value/);
  });
});
