import { DatabaseSync } from 'node:sqlite';
import type { JsonValue } from '@graphlet/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decodeMlmdStruct, encodeMlmdStruct, STRUCT_PREFIX } from './mlmd-struct.ts';
import { decodeStruct, encodeStruct } from './protobuf-struct.ts';
import { fixturePath } from './testing/fixtures.ts';

describe('decodeStruct', () => {
  it('decodes a hand-assembled Struct {a: 1.5, b: "x", c: [true, null]}', () => {
    const bytes = Uint8Array.from([
      // fields entry "a" -> number 1.5
      0x0a, 0x0e, 0x0a, 0x01, 0x61, 0x12, 0x09, 0x11, 0, 0, 0, 0, 0, 0, 0xf8, 0x3f,
      // fields entry "b" -> string "x"
      0x0a, 0x08, 0x0a, 0x01, 0x62, 0x12, 0x03, 0x1a, 0x01, 0x78,
      // fields entry "c" -> list [true, null]
      0x0a, 0x0f, 0x0a, 0x01, 0x63, 0x12, 0x0a, 0x32, 0x08, 0x0a, 0x02, 0x20, 0x01, 0x0a, 0x02,
      0x08, 0x00,
    ]);
    expect(decodeStruct(bytes)).toEqual({ a: 1.5, b: 'x', c: [true, null] });
  });

  it('throws on a truncated message', () => {
    expect(() => decodeStruct(Uint8Array.from([0x0a, 0x0e, 0x0a]))).toThrow(/past the end/);
  });

  it('decodes the struct-valued `blessed` property of the TFX 1.15 fixture', () => {
    const db = new DatabaseSync(fixturePath('tfx-1.15-interactive-two-trainers.sqlite'), {
      readOnly: true,
    });
    const row = db
      .prepare(
        "SELECT string_value FROM ArtifactProperty WHERE artifact_id = 4 AND name = 'blessed'",
      )
      .get() as { string_value: string };
    db.close();
    expect(row.string_value.startsWith(STRUCT_PREFIX)).toBe(true);
    expect(decodeMlmdStruct(row.string_value)).toEqual({ eval: 1, test: 1, train: 1 });
  });
});

describe('mlmd struct codec', () => {
  const json: fc.Arbitrary<JsonValue> = fc.jsonValue({
    noUnicodeString: false,
  }) as fc.Arbitrary<JsonValue>;

  it('round-trips JSON objects and arrays', () => {
    fc.assert(
      fc.property(fc.oneof(fc.dictionary(fc.string(), json), fc.array(json)), (value) => {
        // -0 is a double that JSON cannot tell from 0; compare through JSON like the model does.
        const back = decodeMlmdStruct(encodeMlmdStruct(value));
        expect(JSON.parse(JSON.stringify(back))).toEqual(JSON.parse(JSON.stringify(value)));
      }),
    );
  });

  it('keeps a malformed payload raw and says why', () => {
    const raw = `${STRUCT_PREFIX}${Buffer.from([0x0a, 0x05, 0x0a]).toString('base64')}`;
    const value = decodeMlmdStruct(raw);
    expect(value).toMatchObject({ $undecoded: raw });
    expect(decodeMlmdStruct(`${STRUCT_PREFIX}not base64!`)).toMatchObject({
      reason: 'mlmd-struct: payload is not valid base64',
    });
  });

  it('encodes numbers as doubles and keeps key order', () => {
    expect(decodeStruct(encodeStruct({ z: 3, a: { b: [] } }))).toEqual({ z: 3, a: { b: [] } });
  });
});
