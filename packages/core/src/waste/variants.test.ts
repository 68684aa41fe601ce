import { describe, expect, it } from 'vitest';
import { PAPER_TABLE_3 } from '../stats/paper-targets.ts';
import { featureCost } from './feature-cost.ts';
import { featureDefinitions } from './feature-definitions.ts';
import {
  VARIANT_DEFINITIONS,
  variantFeatureNames,
  WASTE_VARIANTS,
  type WasteVariant,
} from './variants.ts';

const defs = featureDefinitions({ window: 2, architectureBuckets: 2 });
const names = (v: WasteVariant) => variantFeatureNames(defs, v);
const INPUT = [
  'input.jaccard_1',
  'input.jaccard_2',
  'input.dataset_similarity_1',
  'input.dataset_similarity_2',
  'code.code_match_1',
  'code.code_match_2',
];
const MODEL = [
  'model.type.DNN',
  'model.type.DNN+Linear',
  'model.type.Linear',
  'model.type.Tree',
  'model.type.Other',
  'model.arch.0',
  'model.arch.1',
];
const PRE = [
  'pre.count.ingestion',
  'pre.count.data_validation',
  'pre.count.transform',
  'pre.count.tuner',
  'pre.count.other',
  'pre.avg_inputs',
  'pre.avg_outputs',
];
const TRAINER = ['trainer.count', 'trainer.avg_inputs', 'trainer.avg_outputs'];
const POST = [
  'post.count.model_validation',
  'post.count.deployment',
  'post.count.other',
  'post.avg_inputs',
  'post.avg_outputs',
];

describe('variant feature membership', () => {
  it('names the variants exactly as Table 3, in its order', () => {
    expect(WASTE_VARIANTS).toEqual(Object.keys(PAPER_TABLE_3));
  });

  it('reveals the shape stage by stage in the main variants', () => {
    expect(names('RF:Input')).toEqual([...INPUT, ...MODEL]);
    expect(names('RF:Input+Pre')).toEqual([...INPUT, ...MODEL, ...PRE]);
    expect(names('RF:Input+Pre+Trainer')).toEqual([...INPUT, ...MODEL, ...PRE, ...TRAINER]);
    expect(names('RF:Validation')).toEqual(defs.map((d) => d.name));
    expect(names('RF:Validation')).toEqual([...INPUT, ...MODEL, ...PRE, ...TRAINER, ...POST]);
  });

  it('ablations: history, counts without validators, model only', () => {
    expect(names('RF:History')).toEqual(INPUT);
    expect(names('RF:Shape')).toEqual([
      'pre.count.ingestion',
      'pre.count.transform',
      'pre.count.tuner',
      'pre.count.other',
      'trainer.count',
    ]);
    expect(names('RF:Model-Type')).toEqual(MODEL);
  });
});

describe('featureCost', () => {
  // Row 0: ingestion 10, pre 20, trainer 50, post 30 (total 100); row 1: 0, 40, 40, 20 (100);
  // row 2 has no known cost and is ignored.
  const table = {
    nRows: 3,
    stageCosts: Float64Array.from([10, 20, 50, 30, 0, 40, 40, 20, 0, 0, 0, 0]),
    cost: Float64Array.from([100, 100, 0]),
  };

  it('averages the share spent when each stage is done, RF:Validation = 1', () => {
    expect(featureCost(table, 'config')).toBe(0);
    expect(featureCost(table, 'ingestion')).toBeCloseTo(0.05);
    expect(featureCost(table, 'pre')).toBeCloseTo(0.3);
    expect(featureCost(table, 'trainer')).toBeCloseTo(0.75);
    expect(featureCost(table, 'all')).toBe(1);
    expect(featureCost({ ...table, cost: new Float64Array(3) }, 'pre')).toBeUndefined();
  });

  it('gives each variant its stage', () => {
    expect(VARIANT_DEFINITIONS['RF:Input'].stage).toBe('ingestion');
    expect(VARIANT_DEFINITIONS['RF:History'].stage).toBe('ingestion');
    expect(VARIANT_DEFINITIONS['RF:Input+Pre'].stage).toBe('pre');
    expect(VARIANT_DEFINITIONS['RF:Shape'].stage).toBe('trainer');
    expect(VARIANT_DEFINITIONS['RF:Validation'].stage).toBe('all');
  });
});

describe("Table 3's numbers", () => {
  it('name every variant, in the order Table 3 prints them', () => {
    expect(Object.keys(PAPER_TABLE_3)).toEqual([...WASTE_VARIANTS]);
    for (const v of WASTE_VARIANTS) expect(VARIANT_DEFINITIONS[v].paper).toBe(PAPER_TABLE_3[v]);
    expect(PAPER_TABLE_3['RF:Shape']).toEqual({ balancedAccuracy: 0.68, featureCost: 0.77 });
  });
});
