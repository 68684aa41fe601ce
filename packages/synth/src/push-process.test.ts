import { describe, expect, it } from 'vitest';
import { isHeldBack, PUSH, type PushSignals, pushProbability } from './push-process.ts';

const steady: PushSignals = {
  modelType: 'Linear',
  jaccard: [0.9, 0.8, 0.7],
  codeMatch: [true, true, true],
  calm: 0,
  dataValidation: false,
  tunerRan: false,
};

describe('push process', () => {
  it('holds back models while new code soaks, in shadow and on fresh Tuner runs', () => {
    expect(isHeldBack(steady)).toBe(false);
    expect(isHeldBack({ ...steady, codeMatch: [true, false, false] })).toBe(true);
    expect(isHeldBack({ ...steady, codeMatch: [true, true, false] })).toBe(true);
    // New code's first model: shadow on an overlapping window, a candidate on fresh data.
    expect(isHeldBack({ ...steady, codeMatch: [false, false, false] })).toBe(true);
    const fresh = { ...steady, jaccard: [0, 0, 0], codeMatch: [false, false, false] };
    expect(isHeldBack(fresh)).toBe(false);
    expect(isHeldBack({ ...steady, tunerRan: true })).toBe(true);
    expect(pushProbability({ ...steady, tunerRan: true })).toBe(PUSH.heldBack.tuning);
    expect(pushProbability({ ...steady, codeMatch: [true, false, false] })).toBe(
      PUSH.heldBack.code,
    );
  });

  it('never holds back a pipeline first model (no history)', () => {
    const first = { ...steady, jaccard: [], codeMatch: [], tunerRan: true };
    expect(isHeldBack(first)).toBe(false);
    expect(pushProbability(first)).toBeGreaterThan(0.1);
  });

  it('reads only observable signals: new data, validated data and model type raise the odds', () => {
    const p = pushProbability(steady);
    expect(pushProbability({ ...steady, jaccard: [0, 0, 0] })).toBeGreaterThan(p);
    expect(pushProbability({ ...steady, dataValidation: true })).toBeGreaterThan(p);
    expect(pushProbability({ ...steady, modelType: 'DNN' })).toBeLessThan(p);
    for (const modelType of ['DNN', 'DNN+Linear', 'Linear', 'Tree', 'Other'] as const) {
      expect(pushProbability({ ...steady, modelType })).toBeLessThan(0.6);
    }
  });
});
