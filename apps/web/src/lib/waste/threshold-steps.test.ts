import { describe, expect, it } from 'vitest';
import {
  countBelow,
  defaultThreshold,
  keyMove,
  pageSize,
  snapThreshold,
  stepThreshold,
  thresholdSteps,
} from './threshold-steps.ts';

const curve = [1.0000000000000002, 1, 0.9, 0.5, 0.5, 0.25, 0].map((threshold) => ({ threshold }));

describe('threshold steps', () => {
  const steps = thresholdSteps(curve);

  it('are the distinct thresholds in [0, 1], ascending', () => {
    expect([...steps]).toEqual([0, 0.25, 0.5, 0.9, 1]);
  });

  it('snap a threshold up to the step that gives the same operating point', () => {
    expect(snapThreshold(steps, 0.3)).toBe(0.5);
    expect(snapThreshold(steps, 0.5)).toBe(0.5);
    expect(snapThreshold(steps, 0.95)).toBe(1);
    expect(snapThreshold([], 0.3)).toBe(0.3);
  });

  it('step to the next distinct threshold, clamped at the ends', () => {
    expect(stepThreshold(steps, 0.5, 1)).toBe(0.9);
    expect(stepThreshold(steps, 0.5, -1)).toBe(0.25);
    expect(stepThreshold(steps, 0.3, -1)).toBe(0.25);
    expect(stepThreshold(steps, 1, 1)).toBe(1);
    expect(stepThreshold(steps, 0, -3)).toBe(0);
    expect(stepThreshold(steps, 0.5, 'first')).toBe(0);
    expect(stepThreshold(steps, 0.5, 'last')).toBe(1);
  });

  it('map keys to moves (up and right raise the threshold)', () => {
    expect(keyMove('ArrowRight', 100)).toBe(1);
    expect(keyMove('ArrowDown', 100)).toBe(-1);
    expect(keyMove('PageUp', 100)).toBe(10);
    expect(keyMove('PageDown', 5)).toBe(-2);
    expect(keyMove('Home', 5)).toBe('first');
    expect(keyMove('End', 5)).toBe('last');
    expect(keyMove('a', 5)).toBeUndefined();
    expect(pageSize(7)).toBe(2);
  });
});

describe('defaultThreshold', () => {
  it('keeps 99 % freshness with the least waste', () => {
    const points = [
      { threshold: 1.0000000000000002, freshness: 0 },
      { threshold: 0.9, freshness: 0.5 },
      { threshold: 0.4, freshness: 0.99 },
      { threshold: 0.1, freshness: 1 },
    ];
    expect(defaultThreshold(points)).toBe(0.4);
    expect(defaultThreshold(points.slice(0, 2))).toBe(0.9);
    expect(defaultThreshold([])).toBe(0.5);
  });
});

describe('countBelow', () => {
  it('counts values strictly below x in an ascending array', () => {
    const values = [0.1, 0.2, 0.2, 0.5];
    expect(countBelow(values, 0)).toBe(0);
    expect(countBelow(values, 0.2)).toBe(1);
    expect(countBelow(values, 0.21)).toBe(3);
    expect(countBelow(values, 2)).toBe(4);
  });
});
