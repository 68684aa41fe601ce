import { TraceBuilder } from '@graphlet/core';
import { describe, expect, it } from 'vitest';
import { requireVariant } from './require-variant.ts';
import { transformPushesCorpus } from './testing/transform-pushes-corpus.ts';
import { WasteError } from './waste-error.ts';
import { checkTrainable, createWasteTableBuilder } from './waste-table.ts';

const codeOf = (work: () => unknown) => {
  try {
    work();
  } catch (error) {
    return error instanceof WasteError ? `${error.code}: ${error.message}` : String(error);
  }
  return 'ok';
};

describe('createWasteTableBuilder', () => {
  it('keeps the key of every pipeline with rows, skipping warm-starting ones', () => {
    const builder = createWasteTableBuilder();
    const [a, b] = transformPushesCorpus(2, 3);
    const [warm] = transformPushesCorpus(1, 3, true);
    expect(builder.add(a!, 'a')).toBe(3);
    expect(builder.add(warm!, 'warm')).toBe(0);
    expect(builder.add(b!, 'b')).toBe(3);
    const { table, keys } = builder.finish();
    expect(keys).toEqual(['a', 'b']);
    expect(table.pipelines).toHaveLength(2);
    expect(table.excluded.warmStartPipelines).toBe(1);
  });

  it('turns a cyclic trace into WasteError invalid_trace', () => {
    const t = new TraceBuilder('cyclic');
    const x = t.execution('Transform');
    const ax = t.output(x, 'T');
    const y = t.execution('Trainer', { inputs: [ax] });
    const ay = t.output(y, 'Model');
    t.link(x, ay, 'input');
    expect(codeOf(() => createWasteTableBuilder().add(t.build(), 'k'))).toMatch(/^invalid_trace: /);
  });
});

describe('checkTrainable', () => {
  const tableOf = (traces: ReturnType<typeof transformPushesCorpus>) => {
    const builder = createWasteTableBuilder();
    for (const t of traces) builder.add(t, t.pipeline);
    return builder.finish().table;
  };

  it('names too few graphlets, one pipeline and one class', () => {
    expect(codeOf(() => checkTrainable(tableOf(transformPushesCorpus(2, 3))))).toBe(
      'too_few_graphlets: too few graphlets to train and test: 6, need at least 10',
    );
    expect(codeOf(() => checkTrainable(tableOf(transformPushesCorpus(1, 12))))).toMatch(
      /^too_few_pipelines: .*\(got 1\)/,
    );
    const pushedOnly = transformPushesCorpus(4, 6).map((t) => ({
      ...t,
      artifacts: t.artifacts.map((a) =>
        a.customProperties.pushed === 0 ? { ...a, customProperties: { pushed: 1 } } : a,
      ),
    }));
    expect(codeOf(() => checkTrainable(tableOf(pushedOnly)))).toMatch(
      /^one_class: only one class: all 24 graphlets are pushed/,
    );
    expect(codeOf(() => checkTrainable(tableOf(transformPushesCorpus(4, 6))))).toBe('ok');
  });
});

describe('requireVariant', () => {
  it('accepts Table 3 names and lists them otherwise', () => {
    expect(requireVariant('RF:Shape')).toBe('RF:Shape');
    expect(codeOf(() => requireVariant('RF:All'))).toMatch(
      /^unknown_variant: unknown variant 'RF:All'; expected one of RF:Input, /,
    );
  });
});
