/**
 * MLMD struct property values: `mlmd-struct::` + base64 of a serialized google.protobuf.Struct,
 * stored in string_value. Decoding failures keep the raw text as an UndecodedValue.
 */
import type { JsonValue, PropertyValue, UndecodedValue } from '@graphlet/core';
import { decodeStruct, encodeStruct } from './protobuf-struct.ts';

/** The prefix MLMD puts before the base64 of a struct value. */
export const STRUCT_PREFIX = 'mlmd-struct::';

/**
 * A Struct must be an object; a top-level array is written as a one-key Struct under this key
 * and unwrapped on read, so every JSON property value survives a write/read cycle.
 */
export const WRAPPED_LIST_KEY = '__graphlet_list__';

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/** Decodes an `mlmd-struct::` string to JSON, or to an UndecodedValue saying why it failed. */
export function decodeMlmdStruct(text: string): PropertyValue {
  const payload = text.slice(STRUCT_PREFIX.length);
  if (payload.length % 4 !== 0 || !BASE64.test(payload)) {
    return undecoded(text, 'mlmd-struct: payload is not valid base64');
  }
  try {
    const object = decodeStruct(Buffer.from(payload, 'base64'));
    const keys = Object.keys(object);
    if (keys.length === 1 && keys[0] === WRAPPED_LIST_KEY) {
      const list = object[WRAPPED_LIST_KEY];
      if (Array.isArray(list)) return list;
    }
    return object;
  } catch (error) {
    return undecoded(text, `mlmd-struct: ${(error as Error).message}`);
  }
}

/** Encodes a JSON object or array as an `mlmd-struct::` string. */
export function encodeMlmdStruct(value: JsonValue[] | { [key: string]: JsonValue }): string {
  const object = Array.isArray(value) ? { [WRAPPED_LIST_KEY]: value } : value;
  return STRUCT_PREFIX + Buffer.from(encodeStruct(object)).toString('base64');
}

function undecoded(raw: string, reason: string): UndecodedValue {
  return { $undecoded: raw, reason };
}
