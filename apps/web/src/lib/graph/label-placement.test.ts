import { describe, expect, it } from 'vitest';
import type { TraceGraph } from '../../api/schemas.ts';
import { labelBox, placeLabels } from './label-placement.ts';
import { nodeSize } from './node-geometry.ts';
import { buildTraceModel } from './trace-model.ts';

const charWidth = (text: string, fontSize: number) => text.length * fontSize * 0.6;

function trace(
  nodes: { id: string; kind: 'execution' | 'artifact'; x: number; y: number; role?: string }[],
): TraceGraph {
  return {
    nodes: nodes.map((n) => ({ ...n, type: 'T', label: `label of ${n.id}`, graphlets: [] })),
    edges: [],
  };
}

describe('placeLabels', () => {
  it('keeps labels that fit and drops one that would overlap a kept one', () => {
    const model = buildTraceModel(
      trace([
        { id: 'e1', kind: 'execution', x: 0, y: 0, role: 'trainer' },
        { id: 'e2', kind: 'execution', x: 20, y: 0 }, // its label would cover e1's
        { id: 'e3', kind: 'execution', x: 200, y: 0 },
      ]),
    );
    const shown = placeLabels(model, model.labels, charWidth);
    expect(Array.from(shown)).toEqual([1, 0, 1]);
  });

  it('never lets a label cover another node', () => {
    // a2 sits where e1's label would go.
    const model = buildTraceModel(
      trace([
        { id: 'e1', kind: 'execution', x: 0, y: 0 },
        { id: 'a2', kind: 'artifact', x: 0, y: 18 },
      ]),
    );
    expect(placeLabels(model, model.labels, charWidth)[0]).toBe(0);
  });

  it('places no two labels overlapping on a dense grid', () => {
    const nodes = [];
    for (let k = 0; k < 200; k++) {
      nodes.push({
        id: `e${k}`,
        kind: 'execution' as const,
        x: (k % 20) * 37,
        y: Math.floor(k / 20) * 29,
      });
      nodes.push({
        id: `a${k}`,
        kind: 'artifact' as const,
        x: (k % 20) * 37 + 15,
        y: Math.floor(k / 20) * 29 + 12,
      });
    }
    const model = buildTraceModel(trace(nodes));
    const shown = placeLabels(model, model.labels, charWidth);
    const boxes = model.nodes.flatMap((node, i) => {
      if (shown[i] !== 1) return [];
      const size = nodeSize(model.roles[i]!);
      return [
        labelBox(
          node.kind,
          node.x,
          node.y,
          size,
          charWidth(model.labels[i]!, node.kind === 'artifact' ? 6 : 9),
        ),
      ];
    });
    expect(boxes.length).toBeGreaterThan(5);
    for (let a = 0; a < boxes.length; a++)
      for (let b = a + 1; b < boxes.length; b++) {
        const p = boxes[a]!;
        const q = boxes[b]!;
        expect(p.x1 < q.x2 && q.x1 < p.x2 && p.y1 < q.y2 && q.y1 < p.y2).toBe(false);
      }
  });
});
