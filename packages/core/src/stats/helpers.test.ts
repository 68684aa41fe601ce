import { describe, expect, it } from 'vitest';
import { TraceBuilder } from '../trace-builder.ts';
import { executionCost } from './execution-cost.ts';
import { modelClassOf, normalizeModelType } from './model-type.ts';
import { operatorGroup } from './operator-group.ts';
import { graphlet } from './tiny-corpus.test-support.ts';
import { modelTypeOf, traceView } from './trace-view.ts';

describe('executionCost', () => {
  const b = new TraceBuilder();
  b.execution('A', { startMs: 0, endMs: 5000, customProperties: { cpu_seconds: 42 } });
  b.execution('B', { startMs: 1000, endMs: 3500 });
  b.execution('C', { state: 'cached', startMs: 0, endMs: 9000, properties: { cpu_seconds: 7 } });
  b.execution('D', { startMs: 1000 });
  b.execution('E', { properties: { cpu_seconds: '12.5' } });
  b.execution('F', { startMs: 5000, endMs: 1000 });
  it('prefers cpu_seconds, then duration; cached and unknown cost 0', () => {
    expect(b.build().executions.map(executionCost)).toEqual([42, 2.5, 0, 0, 12.5, 0]);
  });
});

describe('operatorGroup', () => {
  it('puts trainer and tuner in training and keeps other roles', () => {
    expect(operatorGroup('trainer')).toBe('training');
    expect(operatorGroup('tuner')).toBe('training');
    expect(operatorGroup('data_validation')).toBe('data_validation');
    expect(operatorGroup('other')).toBe('other');
  });
});

describe('model types', () => {
  it.each([
    ['DNN', 'DNN'],
    ['dnn_linear', 'DNN+Linear'],
    ['Wide & Deep', 'DNN+Linear'],
    ['linear', 'Linear'],
    ['BoostedTrees', 'Tree'],
    ['my fancy ensemble', 'Other'],
    ['', undefined],
    [3, undefined],
    [undefined, undefined],
  ])('%o -> %o', (raw, type) => {
    expect(normalizeModelType(raw)).toBe(type);
  });

  it('classes DNN+Linear as DNN and Tree/Other as Rest', () => {
    expect(modelClassOf('DNN+Linear')).toBe('DNN');
    expect(modelClassOf('Linear')).toBe('Linear');
    expect(modelClassOf('Tree')).toBe('Rest');
    expect(modelClassOf('Other')).toBe('Rest');
  });

  it('reads the trainer property through the view', () => {
    const b = new TraceBuilder();
    const t = b.execution('Trainer', { properties: { model_type: 'linear' } });
    expect(modelTypeOf(traceView(b.build()), graphlet({ trainer: t, index: 0 }))).toBe('Linear');
  });
});
