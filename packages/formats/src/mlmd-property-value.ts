/**
 * Property values as MLMD stores them (one row per value, one column per kind) and back.
 * Values JSON cannot hold exactly are kept as UndecodedValue with a reason naming their column.
 */
import type { PropertyValue, UndecodedValue } from '@graphlet/core';
import { decodeMlmdStruct, encodeMlmdStruct, STRUCT_PREFIX } from './mlmd-struct.ts';

/** Reason of an int_value beyond ±2^53, kept as its decimal text. */
export const BIG_INT_REASON = 'int_value: integer beyond 2^53, kept as decimal text';
/** Reason of a byte_value, kept as base64. */
export const BYTES_REASON = 'byte_value: raw bytes, kept as base64';
/** Reason of a proto_value (google.protobuf.Any), kept as base64. */
export const PROTO_REASON = 'proto_value: serialized google.protobuf.Any, kept as base64';

/** The value columns of a property row; absent columns read as null. */
export interface PropertyRow {
  readonly int_value: bigint | number | null;
  readonly double_value: number | null;
  readonly string_value: string | null;
  readonly byte_value: Uint8Array | null;
  readonly proto_value: Uint8Array | null;
  readonly bool_value: bigint | number | null;
}

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const INT64_MAX = 2n ** 63n - 1n;

/** The model value of a property row: the first non-null column, null when all are null. */
export function propertyValueOf(row: PropertyRow): PropertyValue {
  const int = row.int_value;
  if (int !== null) {
    if (typeof int === 'number') return int;
    if (int <= MAX_SAFE && int >= -MAX_SAFE) return Number(int);
    return undecoded(int.toString(), BIG_INT_REASON);
  }
  if (row.double_value !== null) return row.double_value;
  const text = row.string_value;
  if (text !== null) return text.startsWith(STRUCT_PREFIX) ? decodeMlmdStruct(text) : text;
  if (row.bool_value !== null) return Number(row.bool_value) !== 0;
  if (row.byte_value !== null) return undecoded(base64(row.byte_value), BYTES_REASON);
  if (row.proto_value !== null) return undecoded(base64(row.proto_value), PROTO_REASON);
  return null;
}

/** Column values to write for a model value: [int, double, string, bytes, proto, bool]. */
export type PropertyColumns = [
  bigint | number | null,
  number | null,
  string | null,
  Uint8Array | null,
  Uint8Array | null,
  number | null,
];

/** MLMD TypeProperty data types: INT 1, DOUBLE 2, STRING 3, STRUCT 4, PROTO 5, BOOLEAN 6. */
export function propertyColumnsOf(value: PropertyValue): {
  columns: PropertyColumns;
  dataType: number;
} {
  if (value === null) return { columns: [null, null, null, null, null, null], dataType: 0 };
  if (typeof value === 'number') {
    return Number.isSafeInteger(value) && !Object.is(value, -0)
      ? { columns: [value, null, null, null, null, null], dataType: 1 }
      : { columns: [null, value, null, null, null, null], dataType: 2 };
  }
  if (typeof value === 'string')
    return { columns: [null, null, value, null, null, null], dataType: 3 };
  if (typeof value === 'boolean') {
    return { columns: [null, null, null, null, null, value ? 1 : 0], dataType: 6 };
  }
  if (
    !Array.isArray(value) &&
    typeof value.$undecoded === 'string' &&
    typeof value.reason === 'string'
  ) {
    return undecodedColumns(value as unknown as UndecodedValue);
  }
  return {
    columns: [
      null,
      null,
      encodeMlmdStruct(value as Parameters<typeof encodeMlmdStruct>[0]),
      null,
      null,
      null,
    ],
    dataType: 4,
  };
}

function undecodedColumns(value: UndecodedValue): { columns: PropertyColumns; dataType: number } {
  const raw = value.$undecoded;
  switch (value.reason) {
    case BIG_INT_REASON: {
      const int = /^-?\d{1,19}$/.test(raw) ? BigInt(raw) : undefined;
      if (int !== undefined && int <= INT64_MAX && int >= -INT64_MAX - 1n) {
        return { columns: [int, null, null, null, null, null], dataType: 1 };
      }
      return { columns: [null, null, raw, null, null, null], dataType: 3 };
    }
    case BYTES_REASON:
      return { columns: [null, null, null, Buffer.from(raw, 'base64'), null, null], dataType: 3 };
    case PROTO_REASON:
      return { columns: [null, null, null, null, Buffer.from(raw, 'base64'), null], dataType: 5 };
    default:
      // An undecodable struct keeps its original `mlmd-struct::...` text.
      return {
        columns: [null, null, raw, null, null, null],
        dataType: raw.startsWith(STRUCT_PREFIX) ? 4 : 3,
      };
  }
}

function undecoded(raw: string, reason: string): UndecodedValue {
  return { $undecoded: raw, reason };
}

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('base64');
}
