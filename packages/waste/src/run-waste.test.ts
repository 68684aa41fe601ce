import { describe, expect, it } from 'vitest';
import { runWaste, type WasteProgress } from './run-waste.ts';
import { transformPushesCorpus } from './testing/transform-pushes-corpus.ts';
import { WasteError } from './waste-error.ts';
import { createWasteTableBuilder } from './waste-table.ts';

function table(pipelines: number, graphlets: number) {
  const builder = createWasteTableBuilder();
  for (const [i, trace] of transformPushesCorpus(pipelines, graphlets).entries()) {
    builder.add(trace, `t${i}`);
  }
  return builder.finish().table;
}

describe('runWaste', () => {
  it('reports variant i of n and trees done of total, then each evaluation', async () => {
    const events: WasteProgress[] = [];
    const run = await runWaste(
      table(10, 6),
      { variants: ['RF:Input', 'RF:Input+Pre'], trees: 4, seed: 2, threads: 1 },
      (p) => events.push(p),
    );
    expect(run.evaluations.map((e) => e.variant)).toEqual(['RF:Input', 'RF:Input+Pre']);
    const summary = events.map((p) =>
      p.stage === 'training'
        ? `${p.variantIndex}/${p.variantCount} ${p.treesDone}/${p.treesTotal}`
        : `${p.variantIndex}/${p.variantCount} done`,
    );
    expect(summary).toEqual([
      '1/2 0/4',
      '1/2 1/4',
      '1/2 2/4',
      '1/2 3/4',
      '1/2 4/4',
      '1/2 done',
      '2/2 0/4',
      '2/2 1/4',
      '2/2 2/4',
      '2/2 3/4',
      '2/2 4/4',
      '2/2 done',
    ]);
    const last = events.at(-1);
    expect(last?.stage === 'evaluated' && last.evaluation.balancedAccuracy).toBe(1);
  });

  it('stops with WasteError cancelled once the signal aborts', async () => {
    const controller = new AbortController();
    const run = runWaste(
      table(10, 6),
      {
        variants: ['RF:Input', 'RF:Shape'],
        trees: 2,
        seed: 0,
        threads: 1,
        signal: controller.signal,
      },
      (p) => {
        if (p.stage === 'evaluated') controller.abort();
      },
    );
    await expect(run).rejects.toMatchObject({ code: 'cancelled' });
    await expect(run).rejects.toBeInstanceOf(WasteError);
  });
});
