import { describe, expect, it } from 'vitest';
import { smallTrace } from '../../test/fixtures.ts';
import {
  computeHighlight,
  DOWNSTREAM,
  FADED,
  HOVERED,
  LIT,
  NORMAL,
  stateClass,
  UPSTREAM,
} from './highlight.ts';
import { buildTraceModel } from './trace-model.ts';

const model = buildTraceModel(smallTrace());
const byId = (states: Uint8Array) =>
  Object.fromEntries(model.nodes.map((node, i) => [node.id, states[i]]));

describe('computeHighlight', () => {
  it('leaves everything normal without selection or hover', () => {
    const { nodes, edges, active } = computeHighlight(model, {});
    expect(active).toBe(false);
    expect([...nodes].every((s) => s === NORMAL)).toBe(true);
    expect([...edges].every((s) => s === NORMAL)).toBe(true);
  });

  it('lights the graphlet members and fades the rest', () => {
    const { nodes, edges, active } = computeHighlight(model, { graphlet: model.members.get('4') });
    expect(active).toBe(true);
    expect(byId(nodes)).toEqual({
      e1: LIT,
      a10: LIT,
      e2: FADED,
      a11: FADED,
      e3: FADED,
      e4: LIT,
      a12: LIT,
    });
    // edges: e1->a10, a10->e2, e2->a11, a11->e3, a10->e4, e4->a12
    expect([...edges]).toEqual([LIT, FADED, FADED, FADED, LIT, LIT]);
  });

  it('on hover lights upstream and downstream over the graphlet selection', () => {
    const hover = model.indexOf.get('a10')!;
    const { nodes, edges } = computeHighlight(model, { graphlet: model.members.get('4'), hover });
    expect(byId(nodes)).toEqual({
      e1: UPSTREAM,
      a10: HOVERED,
      e2: DOWNSTREAM,
      a11: DOWNSTREAM,
      e3: DOWNSTREAM,
      e4: DOWNSTREAM,
      a12: DOWNSTREAM,
    });
    expect([...edges]).toEqual([
      UPSTREAM,
      DOWNSTREAM,
      DOWNSTREAM,
      DOWNSTREAM,
      DOWNSTREAM,
      DOWNSTREAM,
    ]);
    expect(stateClass(UPSTREAM)).toBe('upstream');
    expect(stateClass(NORMAL)).toBe('');
  });

  it('fades siblings that are neither upstream nor downstream', () => {
    const { nodes } = computeHighlight(model, { hover: model.indexOf.get('e2')! });
    expect(byId(nodes)).toMatchObject({ e4: FADED, a12: FADED, e1: UPSTREAM, e3: DOWNSTREAM });
  });
});
