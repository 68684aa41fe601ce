import { describe, expect, it } from 'vitest';
import { smallTrace } from '../../test/fixtures.ts';
import { lineageWindow } from './lineage-hops.ts';
import { buildTraceModel } from './trace-model.ts';

const model = buildTraceModel(smallTrace());
const ids = (marks: Uint8Array) =>
  model.nodes
    .filter((_, i) => marks[i] === 1)
    .map((n) => n.id)
    .sort();

describe('lineageWindow', () => {
  // e1 -> a10 -> e2 -> a11 -> e3 ; a10 -> e4 -> a12
  it('keeps N hops each way and counts what lies beyond', () => {
    const w = lineageWindow(model, model.indexOf.get('e2')!, 1);
    expect(ids(w.within)).toEqual(['a10', 'a11', 'e2']);
    expect(w).toMatchObject({ shown: 3, upstreamBeyond: 1, downstreamBeyond: 1, unrelated: 2 });
  });

  it('grows with the hops until the whole lineage is shown', () => {
    const w = lineageWindow(model, model.indexOf.get('e2')!, 5);
    expect(ids(w.within)).toEqual(['a10', 'a11', 'e1', 'e2', 'e3']);
    expect(w).toMatchObject({ upstreamBeyond: 0, downstreamBeyond: 0, unrelated: 2 });
  });

  it('with 0 hops shows the node alone; a bad start shows nothing', () => {
    expect(ids(lineageWindow(model, model.indexOf.get('a10')!, 0).within)).toEqual(['a10']);
    expect(lineageWindow(model, 99, 2)).toMatchObject({ shown: 0, unrelated: 7 });
  });
});
