import { describe, expect, it } from 'vitest';
import { exportScale, MAX_CANVAS_AREA, MAX_CANVAS_SIDE } from './export-scale.ts';

describe('exportScale', () => {
  it('draws small graphs at 2x', () => {
    expect(exportScale(1200, 800)).toEqual({ scale: 2, width: 2400, height: 1600, reduced: false });
  });

  it('scales a long timeline down to the side limit and says so', () => {
    const s = exportScale(212_000, 1900);
    expect(s.width).toBeLessThanOrEqual(MAX_CANVAS_SIDE);
    expect(s.reduced).toBe(true);
    expect(s.scale).toBeCloseTo(MAX_CANVAS_SIDE / 212_000, 6);
  });

  it('keeps the area under the limit for large square drawings', () => {
    const s = exportScale(15_000, 15_000);
    expect(s.width * s.height).toBeLessThanOrEqual(MAX_CANVAS_AREA);
    expect(s.reduced).toBe(true);
  });
});
