import { describe, expect, it } from 'vitest';
import { smallTrace } from '../../test/fixtures.ts';
import { axisWindow, timeAt, timeScale } from './time-axis.ts';
import { buildTraceModel } from './trace-model.ts';

describe('time axis', () => {
  const scale = timeScale(buildTraceModel(smallTrace()));

  it('steps through execution starts by x', () => {
    // Executions at x 0, 2 (two), 4 with starts on Jan 1, 2, 5 and 3.
    expect(Array.from(scale.xs)).toEqual([0, 2, 2, 4]);
    expect(new Date(timeAt(scale, -5)!).toISOString()).toBe('2021-01-01T10:00:00.000Z');
    expect(new Date(timeAt(scale, 1)!).toISOString()).toBe('2021-01-01T10:00:00.000Z');
    expect(new Date(timeAt(scale, 3)!).toISOString()).toBe('2021-01-05T10:00:00.000Z');
    expect(new Date(timeAt(scale, 9)!).toISOString()).toBe('2021-01-03T10:00:00.000Z');
  });

  it('labels the visible window and de-duplicates ticks', () => {
    const w = axisWindow(scale, 0, 4, 400, 100)!;
    expect(w.from).toBe('2021-01-01');
    expect(w.to).toBe('2021-01-03');
    expect(w.ticks.map((t) => t.label)).toEqual(['2021-01-01', '2021-01-05', '2021-01-03']);
    expect(axisWindow(scale, 0, 0.5, 400)!.from).toBe('01-01 10:00');
  });

  it('is undefined without times', () => {
    expect(axisWindow({ xs: new Float64Array(), times: new Float64Array() }, 0, 1, 100)).toBe(
      undefined,
    );
  });
});
