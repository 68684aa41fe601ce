// The MLMD Struct codec: formats' own decodeStruct against @bufbuild/protobuf's Struct JSON
// mapping (fromBinary + toJson) on the same deterministic Structs; medians of --runs passes.
// Prints JSON with both times and the ratio bufbuild/ours (above 1: ours is faster).
//   node bench/src/struct-codec-bench.ts [--runs N] [--structs N]

import { parseArgs } from 'node:util';
import { fromBinary, toJson } from '@bufbuild/protobuf';
import { StructSchema } from '@bufbuild/protobuf/wkt';
import type { JsonValue } from '@graphlet/core';
import { decodeStruct, encodeStruct } from '@graphlet/formats';

const { values } = parseArgs({
  options: {
    runs: { type: 'string', default: '15' },
    structs: { type: 'string', default: '5000' },
  },
});
const runs = Number(values.runs);

/** A Struct like MLMD's: scalars, a list and a nested object, varied by `i`. */
function struct(i: number): { [key: string]: JsonValue } {
  return {
    name: `component-${i}`,
    span: i,
    ratio: i / 7,
    blessed: i % 3 === 0,
    tags: [`t${i % 5}`, i, null, { nested: `n${i}` }],
    stats: { count: i * 11, mean: i / 3, labels: Array.from({ length: i % 9 }, (_, k) => `l${k}`) },
  };
}

const encoded = Array.from({ length: Number(values.structs) }, (_, i) => encodeStruct(struct(i)));
const median = (pass: () => void) => {
  for (let i = 0; i < 3; i++) pass();
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    const start = performance.now();
    pass();
    times.push(performance.now() - start);
  }
  return Number(times.sort((a, b) => a - b)[times.length >> 1]!.toFixed(2));
};
const oursMs = median(() => {
  for (const bytes of encoded) decodeStruct(bytes);
});
const bufbuildMs = median(() => {
  for (const bytes of encoded) toJson(StructSchema, fromBinary(StructSchema, bytes));
});
const result = {
  structs: encoded.length,
  bytes: encoded.reduce((n, b) => n + b.length, 0),
  oursMs,
  bufbuildMs,
  bufbuildOverOurs: Number((bufbuildMs / oursMs).toFixed(2)),
};
process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
