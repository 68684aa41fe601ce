import { describe, expect, it } from 'vitest';
import { smallGraphlets, smallTrace } from '../../test/fixtures.ts';
import { buildElements, tooLargeToDraw } from './build-elements.ts';
import { lineageOf } from './lineage.ts';
import { nodeLabel } from './node-label.ts';
import { nodeTimes } from './node-times.ts';
import { searchNodes } from './search-nodes.ts';
import { buildTraceModel } from './trace-model.ts';
import { dayWindow, visibleNodes } from './visible-nodes.ts';

const ids = (model: ReturnType<typeof buildTraceModel>, list: Iterable<number>) =>
  [...list].map((i) => model.nodes[i]!.id).sort();

describe('buildTraceModel', () => {
  it('indexes nodes, roles and graphlet members, dropping dangling edges', () => {
    const model = buildTraceModel(smallTrace());
    expect(model.indexOf.get('e2')).toBe(2);
    expect(model.roles).toEqual([
      'ingestion',
      'artifact',
      'trainer',
      'artifact',
      'deployment',
      'trainer',
      'artifact',
    ]);
    expect(model.droppedEdges).toBe(1);
    expect(ids(model, model.members.get('2')!)).toEqual(['a10', 'a11', 'e1', 'e2', 'e3']);
    expect(ids(model, model.members.get('4')!)).toEqual(['a10', 'a12', 'e1', 'e4']);
  });

  it('builds CSR adjacency in both directions', () => {
    const model = buildTraceModel(smallTrace());
    const a10 = model.indexOf.get('a10')!;
    const out = model.outTargets.slice(model.outOffsets[a10]!, model.outOffsets[a10 + 1]!);
    expect(ids(model, out)).toEqual(['e2', 'e4']);
    const into = model.inSources.slice(model.inOffsets[a10]!, model.inOffsets[a10 + 1]!);
    expect(ids(model, into)).toEqual(['e1']);
  });
});

describe('buildElements', () => {
  it('emits preset positions, role data and edges between known nodes', () => {
    const model = buildTraceModel(smallTrace());
    const shown = new Uint8Array(7);
    shown[2] = 1;
    const elements = buildElements(model, shown);
    expect(elements.filter((e) => e.group === 'nodes')).toHaveLength(7);
    expect(elements.filter((e) => e.group === 'edges')).toHaveLength(6);
    const trainer = elements.find((e) => e.data.id === 'e2')!;
    expect(trainer.position).toEqual({ x: 2, y: 0 });
    expect(trainer.data).toMatchObject({
      role: 'trainer',
      label: 'Trainer',
      kind: 'execution',
      shown: true,
    });
    expect(elements[0]!.data.shown).toBe(false);
    const kinds = elements.filter((e) => e.group === 'edges').map((e) => e.data.kind);
    expect(kinds).toEqual(['flow', 'flow', 'flow', 'flow', 'reuse', 'flow']);
    expect(tooLargeToDraw(model)).toBe(false);
  });

  it('labels by the server label, else by name, else by the last type segment', () => {
    expect(nodeLabel({ label: 'Trainer_B', name: 'uuid', type: 'T' })).toBe('Trainer_B');
    expect(nodeLabel({ name: null, type: 'tfx.components.Pusher' })).toBe('Pusher');
    expect(nodeLabel({ name: 'x', type: 'T' })).toBe('x');
    expect(nodeLabel({ name: 'taxi:run-3:CsvExampleGen:span-2', type: 'T' })).toBe(
      'CsvExampleGen:span-2',
    );
  });
});

describe('lineageOf', () => {
  it('finds upstream and downstream of a node', () => {
    const model = buildTraceModel(smallTrace());
    const { upstream, downstream } = lineageOf(model, model.indexOf.get('e2')!);
    expect(ids(model, upstream)).toEqual(['a10', 'e1']);
    expect(ids(model, downstream)).toEqual(['a11', 'e3']);
  });

  it('terminates on cycles and ignores bad starts', () => {
    const model = buildTraceModel({
      nodes: smallTrace().nodes.slice(0, 2),
      edges: [
        { source: 'e1', target: 'a10', kind: 'output' },
        { source: 'a10', target: 'e1', kind: 'input' },
      ],
    });
    expect(ids(model, lineageOf(model, 0).downstream)).toEqual(['a10']);
    expect(ids(model, lineageOf(model, 0).upstream)).toEqual(['a10']);
    expect(lineageOf(model, 99).upstream).toHaveLength(0);
  });
});

describe('visibleNodes', () => {
  it('filters by role, keeping all when no role is chosen', () => {
    const model = buildTraceModel(smallTrace());
    expect([...visibleNodes(model, { roles: [] })]).toEqual([1, 1, 1, 1, 1, 1, 1]);
    expect(ids(model, indices(visibleNodes(model, { roles: ['trainer'] })))).toEqual(['e2', 'e4']);
  });

  it('filters by time window using the earliest graphlet start of each node', () => {
    const model = buildTraceModel(smallTrace());
    const starts = new Map(smallGraphlets().map((g) => [String(g.trainer), g.startMs!]));
    const times = nodeTimes(model, starts);
    const window = dayWindow('2021-01-04', '2021-01-06');
    const kept = ids(model, indices(visibleNodes(model, { roles: [], times, ...window })));
    expect(kept).toEqual(['a12', 'e4']);
    expect(ids(model, indices(visibleNodes(model, { roles: [], times })))).toHaveLength(7);
  });

  it('keeps only a graphlet in focus mode', () => {
    const model = buildTraceModel(smallTrace());
    const only = model.members.get('4');
    expect(ids(model, indices(visibleNodes(model, { roles: [], only })))).toEqual([
      'a10',
      'a12',
      'e1',
      'e4',
    ]);
  });
});

describe('searchNodes', () => {
  it('matches id, name and type, exact id first', () => {
    const model = buildTraceModel(smallTrace());
    expect(ids(model, searchNodes(model, 'trainer'))).toEqual(['e2', 'e4']);
    expect(model.nodes[searchNodes(model, 'a11')[0]!]!.id).toBe('a11');
    expect(searchNodes(model, '  ')).toEqual([]);
  });
});

function indices(marks: Uint8Array): number[] {
  const out: number[] = [];
  marks.forEach((m, i) => {
    if (m === 1) out.push(i);
  });
  return out;
}
