import { describe, expect, it } from 'vitest';
import { ServerCache } from './server-cache.ts';

const sized =
  (value: string, bytes = value.length) =>
  () => ({ value, bytes });

describe('ServerCache', () => {
  it('loads once, then answers from memory', () => {
    const cache = new ServerCache(100);
    let loads = 0;
    const load = () => {
      loads++;
      return { value: 'a', bytes: 10 };
    };
    expect(cache.get('trace', 't1', load)).toBe('a');
    expect(cache.get('trace', 't1', load)).toBe('a');
    expect(loads).toBe(1);
    expect(cache.stats()).toMatchObject({ entries: 1, bytes: 10, loads: 1, hits: 1 });
  });

  it('keeps no entry for a value that is not found', () => {
    const cache = new ServerCache(100);
    expect(cache.get('trace', 'gone', () => undefined)).toBeUndefined();
    expect(cache.stats().entries).toBe(0);
  });

  it('evicts the least recently used entries of every kind past one byte budget', () => {
    const cache = new ServerCache(100);
    cache.get('trace', 'a', sized('a', 40));
    cache.get('layout', 'b', sized('b', 40));
    cache.get('trace', 'a', sized('never'));
    cache.get('waste-model', 'c', sized('c', 40));
    // b was used least recently: it went, a and c stay.
    expect(cache.stats()).toMatchObject({ entries: 2, bytes: 80 });
    expect(cache.get('trace', 'a', sized('reloaded'))).toBe('a');
    expect(cache.get('layout', 'b', sized('reloaded'))).toBe('reloaded');
  });

  it('does not keep a value larger than the whole budget', () => {
    const cache = new ServerCache(100);
    cache.get('trace', 'small', sized('s', 10));
    expect(cache.get('trace', 'huge', sized('h', 101))).toBe('h');
    expect(cache.stats()).toMatchObject({ entries: 1, bytes: 10 });
  });

  it('keeps list answers as JSON text', () => {
    const cache = new ServerCache(1000);
    let computed = 0;
    const compute = () => {
      computed++;
      return { traces: [1, 2] };
    };
    expect(cache.json('traces', compute)).toBe('{"traces":[1,2]}');
    expect(cache.json('traces', compute)).toBe('{"traces":[1,2]}');
    expect(computed).toBe(1);
    expect(cache.stats().bytes).toBe(16);
  });

  it('re-weighs an entry that grew, only while that value is the one cached', () => {
    const cache = new ServerCache(100);
    const value = { n: 1 };
    cache.get('trace', 'a', () => ({ value, bytes: 10 }));
    cache.grew('trace', 'a', value, 30);
    expect(cache.stats().bytes).toBe(40);
    cache.grew('trace', 'a', { n: 2 }, 30);
    expect(cache.stats().bytes).toBe(40);
    // Growing past the budget evicts others first.
    cache.get('layout', 'b', sized('b', 50));
    cache.grew('layout', 'b', 'b', 20);
    expect(cache.stats()).toMatchObject({ entries: 1, bytes: 70 });
  });

  it('invalidates everything derived from the corpus, and keeps waste models', () => {
    const cache = new ServerCache(1000);
    cache.get('trace', 'a', sized('a'));
    cache.get('layout', 'a', sized('a'));
    cache.json('sources', () => []);
    cache.get('waste-model', 'm', sized('m'));
    cache.invalidateCorpus();
    expect(cache.stats().entries).toBe(1);
    expect(cache.get('waste-model', 'm', sized('reloaded'))).toBe('m');
    expect(cache.get('trace', 'a', sized('reloaded'))).toBe('reloaded');
  });

  it('shares one asynchronous load among callers, and keeps none that raced a corpus change', async () => {
    const cache = new ServerCache(100);
    const releases: ((loaded: { value: string; bytes: number }) => void)[] = [];
    let loads = 0;
    const load = () => {
      loads++;
      return new Promise<{ value: string; bytes: number }>((resolve) => {
        releases.push(resolve);
      });
    };
    const first = cache.load('trace', 't', load);
    const second = cache.load('trace', 't', load);
    releases[0]!({ value: 'old', bytes: 3 });
    expect(await Promise.all([first, second])).toEqual(['old', 'old']);
    expect(loads).toBe(1);
    expect(await cache.load('trace', 't', load)).toBe('old');

    const stale = cache.load('list', 'l', load);
    cache.invalidateCorpus();
    const fresh = cache.load('list', 'l', load);
    expect(loads).toBe(3);
    releases[2]!({ value: 'new', bytes: 3 });
    expect(await fresh).toBe('new');
    releases[1]!({ value: 'stale', bytes: 5 });
    expect(await stale).toBe('stale');
    // The load that began before the change was answered to its caller but not kept.
    expect(await cache.load('list', 'l', async () => ({ value: 'kept?', bytes: 5 }))).toBe('new');
  });
});
