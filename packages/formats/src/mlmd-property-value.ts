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

const MAX_SAFE = BigInt(Number.MAX_SAFE_INTEGER);
const INT64_MAX = 2n ** 63n - 1n;

/** The six value columns of an MLMD property row, in the order this module reads and writes them. */
export const PROPERTY_VALUE_COLUMNS = [
  'int_value',
  'double_value',
  'string_value',
  'byte_value',
  'proto_value',
  'bool_value',
] as const;

/** A property value as SQLite returns its columns. */
type Cell = bigint | number | string | Uint8Array | null | undefined;

/**
 * The model value of a property row whose six value columns (int, double, string, bytes, proto,
 * bool) start at `at`: the first non-null column, null when all are null.
 */
export function propertyValueOf(row: readonly Cell[], at = 0): PropertyValue {
  const int = row[at];
  if (int !== null && int !== undefined) {
    if (typeof int === 'number') return int;
    const big = BigInt(int as bigint);
    if (big <= MAX_SAFE && big >= -MAX_SAFE) return Number(big);
    return undecoded(big.toString(), BIG_INT_REASON);
  }
  const double = row[at + 1];
  if (double !== null && double !== undefined) return Number(double);
  const text = row[at + 2];
  if (typeof text === 'string')
    return text.startsWith(STRUCT_PREFIX) ? decodeMlmdStruct(text) : text;
  const bool = row[at + 5];
  if (bool !== null && bool !== undefined) return Number(bool) !== 0;
  const bytes = row[at + 3];
  if (bytes instanceof Uint8Array) return undecoded(base64(bytes), BYTES_REASON);
  const proto = row[at + 4];
  if (proto instanceof Uint8Array) return undecoded(base64(proto), PROTO_REASON);
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
