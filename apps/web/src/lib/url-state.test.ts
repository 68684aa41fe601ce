import { describe, expect, it } from 'vitest';
import { parseSearch, patchSearch } from './search-params.ts';
import { corpusSearch, traceSearch } from './url-state.ts';

const parse = <S extends Parameters<typeof parseSearch>[0]>(schema: S, query: string) =>
  parseSearch(schema, new URLSearchParams(query));

describe('corpus URL state', () => {
  it('reads valid values', () => {
    expect(parse(corpusSearch, 'sort=graphlets&dir=desc&q=taxi')).toEqual({
      sort: 'graphlets',
      dir: 'desc',
      q: 'taxi',
      source: '',
    });
  });
  it('falls back to defaults on bad values', () => {
    expect(parse(corpusSearch, 'sort=bogus&dir=sideways')).toEqual({
      sort: 'pipeline',
      dir: 'asc',
      q: '',
      source: '',
    });
  });
});

describe('trace URL state', () => {
  it('reads graphlet, roles, window, focus and view', () => {
    const state = parse(
      traceSearch,
      'g=12&roles=trainer,bogus,artifact&from=2021-01-02&focus=1&view=list',
    );
    expect(state).toMatchObject({
      g: '12',
      roles: ['trainer', 'artifact'],
      from: '2021-01-02',
      focus: true,
      view: 'list',
    });
    expect(state.to).toBeUndefined();
  });
  it('drops malformed values', () => {
    const state = parse(traceSearch, 'g=&from=2021-13-45&to=yesterday&view=3d&focus=yes');
    expect(state).toEqual({
      g: undefined,
      node: undefined,
      q: '',
      roles: [],
      from: undefined,
      to: undefined,
      focus: false,
      view: 'graph',
      lineage: undefined,
      hops: 2,
    });
  });
  it('reads the lineage view and its hops, bounded', () => {
    expect(parse(traceSearch, 'lineage=e12&hops=4')).toMatchObject({ lineage: 'e12', hops: 4 });
    expect(parse(traceSearch, 'lineage=e12&hops=-1').hops).toBe(2);
    expect(parse(traceSearch, 'hops=999').hops).toBe(2);
  });
});

describe('patchSearch', () => {
  it('sets values, joins lists, and removes empty and default values', () => {
    const next = patchSearch(
      new URLSearchParams('g=2&q=x&keep=1'),
      { g: '4', q: '', roles: ['trainer', 'ingestion'], focus: true, view: 'graph' },
      { view: 'graph' },
    );
    expect(next.toString()).toBe('g=4&keep=1&roles=trainer%2Cingestion&focus=1');
  });
});

describe('trace URL state: skip marks', () => {
  it('keeps the skip param as written (lib/waste/skip-param.ts parses it)', () => {
    expect(parse(traceSearch, 'skip=wm-3%3ARF%3AInput%2BPre%3A0.35').skip).toBe(
      'wm-3:RF:Input+Pre:0.35',
    );
    expect(parse(traceSearch, '').skip).toBeUndefined();
  });
});
