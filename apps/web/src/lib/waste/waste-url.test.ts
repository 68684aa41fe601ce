import { WasteModelSummarySchema } from '@graphlet/contract';
import { WASTE_VARIANTS } from '@graphlet/core';
import { describe, expect, it } from 'vitest';
import { parseSearch } from '../search-params.ts';
import { formatSkipParam, parseSkipParam, traceHref } from './skip-param.ts';
import { wasteSearch } from './waste-search.ts';

const parse = (query: string) => parseSearch(wasteSearch, new URLSearchParams(query));

describe('waste URL state', () => {
  it('reads model, variant and threshold', () => {
    expect(parse('model=wm-3&variant=RF%3AValidation&t=0.35')).toEqual({
      model: 'wm-3',
      variant: 'RF:Validation',
      t: 0.35,
    });
  });
  it('keeps a threshold exactly as written', () => {
    expect(parse('t=0.41666666666666663').t).toBe(0.41666666666666663);
  });
  it('falls back on bad values', () => {
    expect(parse('variant=RF:Nope&t=1.5')).toEqual({
      model: undefined,
      variant: 'RF:Input+Pre',
      t: undefined,
    });
    expect(parse('t=&model=').t).toBeUndefined();
    expect(parse('t=abc').t).toBeUndefined();
  });
  it('knows the same seven variants as the contract', () => {
    expect([...WASTE_VARIANTS]).toEqual(WasteModelSummarySchema.shape.variants.element.options);
  });
});

describe('skip param', () => {
  it('round-trips a selection whose variant holds colons', () => {
    const skip = { model: 'wm-7', variant: 'RF:Input+Pre' as const, threshold: 0.35 };
    expect(formatSkipParam(skip)).toBe('wm-7:RF:Input+Pre:0.35');
    expect(parseSkipParam(formatSkipParam(skip))).toEqual(skip);
  });
  it('rejects malformed params', () => {
    for (const bad of [
      undefined,
      '',
      'wm-7',
      'wm-7:RF:Input',
      ':RF:Input:0.3',
      'wm-7:RF:Nope:0.3',
      'wm-7:RF:Input:2',
      'wm-7:RF:Input:',
    ]) {
      expect(parseSkipParam(bad)).toBeUndefined();
    }
  });
});

describe('traceHref', () => {
  it('links the trace page with the skip param encoded', () => {
    expect(traceHref('abc-1', 'wm-7:RF:Input+Pre:0.35')).toBe(
      '/traces/abc-1?skip=wm-7%3ARF%3AInput%2BPre%3A0.35',
    );
  });
});
