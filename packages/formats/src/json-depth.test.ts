import { describe, expect, it } from 'vitest';
import { FormatError } from './format-error.ts';
import { checkJsonDepth, MAX_JSON_DEPTH, tooDeepPath } from './json-depth.ts';
import { decodeMlmdStruct, encodeMlmdStruct } from './mlmd-struct.ts';
import { parseJsonTraces } from './read-trace-file.ts';

const nested = (depth: number): unknown => {
  let value: unknown = 1;
  for (let i = 0; i < depth; i++) value = { a: value };
  return value;
};

describe('json depth', () => {
  it('finds the first value nested past the limit, iteratively (10,000 deep)', () => {
    expect(tooDeepPath(nested(MAX_JSON_DEPTH))).toBeUndefined();
    expect(tooDeepPath(nested(MAX_JSON_DEPTH + 1))).toHaveLength(MAX_JSON_DEPTH);
    expect(tooDeepPath({ ok: [1, { x: nested(10_000) }] })?.slice(0, 4)).toEqual([
      '.ok',
      '[1]',
      '.x',
      '.a',
    ]);
  });

  it('refuses a document with invalid_trace naming the property', () => {
    const doc = { traces: [{ executions: [{ properties: { config: nested(200) } }] }] };
    expect(() => checkJsonDepth(doc, 'f.json', '$')).toThrow(FormatError);
    expect(() => checkJsonDepth(doc, 'f.json', '$')).toThrow(
      /f\.json: the value at \$\.traces\[0\]\.executions\[0\]\.properties\.config\.a\.a… nests deeper than 96 levels/,
    );
  });

  it('reads JSON with a leading byte order mark', () => {
    const text = '\uFEFF{"format":"graphlet-explorer/trace","version":1,"traces":[]}';
    expect(parseJsonTraces(text, 'bom.json').traces).toEqual([]);
  });

  it('keeps an MLMD struct nested past 64 levels undecoded instead of overflowing later', () => {
    const ok = encodeMlmdStruct(nested(60) as { a: never });
    expect(decodeMlmdStruct(ok)).toEqual(nested(60));
    const deep = encodeMlmdStruct(nested(200) as { a: never });
    expect(decodeMlmdStruct(deep)).toMatchObject({
      $undecoded: deep,
      reason: expect.stringMatching(/deeper than 64/),
    });
  });
});
