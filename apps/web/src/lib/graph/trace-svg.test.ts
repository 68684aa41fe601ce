import { describe, expect, it } from 'vitest';
import { smallTrace } from '../../test/fixtures.ts';
import { computeHighlight } from './highlight.ts';
import { buildTraceModel } from './trace-model.ts';
import { traceSvg } from './trace-svg.ts';

const model = buildTraceModel(smallTrace());
const all = new Uint8Array(model.nodes.length).fill(1);

describe('traceSvg', () => {
  it('draws every visible node with its shape, fill and title, and every edge', () => {
    const { nodes, edges } = computeHighlight(model, {});
    const svg = traceSvg({
      model,
      nodes,
      edges,
      visible: all,
      shown: all,
      scheme: 'light',
      title: 't <1>',
    });
    expect(svg.startsWith('<svg xmlns="http://www.w3.org/2000/svg"')).toBe(true);
    expect(svg).toContain('<title>t &lt;1&gt;</title>');
    expect(svg.match(/<title>[^<]*\((e|a)\d+\)<\/title>/g)).toHaveLength(7);
    expect(svg.match(/<line /g)).toHaveLength(6);
    // Trainers are rounded rectangles in the trainer blue.
    expect(svg).toMatch(/<rect [^>]*fill="#0072B2"/);
    expect(svg.match(/<text /g)).toHaveLength(7);
  });

  it('leaves hidden nodes and their edges out, and veils the faded rest', () => {
    const hidden = Uint8Array.from(all);
    hidden[model.indexOf.get('e3')!] = 0;
    const { nodes, edges } = computeHighlight(model, { graphlet: model.members.get('4') });
    const svg = traceSvg({
      model,
      nodes,
      edges,
      visible: hidden,
      shown: new Uint8Array(7),
      scheme: 'dark',
      title: 'x',
    });
    expect(svg).not.toContain('(e3)');
    expect(svg.match(/<line /g)).toHaveLength(5);
    expect(svg).toContain('fill-opacity="0.86"');
    expect(svg).toContain('#1b1f24');
  });
});
