import { describe, expect, it } from 'vitest';
import { defaultModel, describeModel, hasMainVariants } from './default-model.ts';

const MAIN = ['RF:Input', 'RF:Input+Pre', 'RF:Input+Pre+Trainer', 'RF:Validation'];
const model = (
  id: string,
  created: string,
  variants: string[],
  traces: string[] | null = null,
) => ({
  id,
  created,
  variants,
  scope: { traces, pipelines: 12, testGraphlets: 40 },
  trees: 100,
});

describe('defaultModel', () => {
  const main = model('wm-1', '2026-12-01T10:00:00.000Z', MAIN);
  const ablation = model('wm-2', '2026-12-02T10:00:00.000Z', ['RF:Shape']);

  it('opens on the newest model with the four main variants, not a newer single ablation', () => {
    expect(defaultModel([ablation, main])?.id).toBe('wm-1');
    const newerMain = model('wm-3', '2026-12-03T10:00:00.000Z', MAIN);
    expect(defaultModel([ablation, main, newerMain])?.id).toBe('wm-3');
  });

  it('falls back to the newest model, and to nothing without models', () => {
    const older = model('wm-0', '2026-11-01T10:00:00.000Z', ['RF:History']);
    expect(defaultModel([older, ablation])?.id).toBe('wm-2');
    expect(defaultModel([])).toBeUndefined();
    expect(hasMainVariants(ablation)).toBe(false);
  });

  it('names a model by date, variants and corpus', () => {
    expect(describeModel(main)).toBe(
      '2026-12-01 10:00 UTC · 4 main variants · whole corpus, 12 pipelines · 40 test graphlets · 100 trees · wm-1',
    );
    expect(describeModel(model('wm-4', '2026-12-04T08:30:00.000Z', ['RF:Shape'], ['t-1']))).toBe(
      '2026-12-04 08:30 UTC · RF:Shape · 1 trace, 12 pipelines · 40 test graphlets · 100 trees · wm-4',
    );
  });
});
