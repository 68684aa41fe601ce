import { describe, expect, it } from 'vitest';
import {
  axisFraction,
  histogramFraction,
  type LabelBox,
  placeLevels,
  placeReferenceMarks,
} from './reference-marks.ts';

const measure = (text: string) => text.length * 6;
const overlaps = (a: LabelBox, b: LabelBox) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
const size = { width: 400, height: 200, measure };

describe('axisFraction', () => {
  it('measures linear and log axes, beyond the ends outside [0, 1]', () => {
    expect(axisFraction(25, 0, 100)).toBe(0.25);
    expect(axisFraction(130, 0, 100)).toBeCloseTo(1.3);
    expect(axisFraction(10, 1, 100, 'log')).toBeCloseTo(0.5);
    expect(axisFraction(0, 1, 100, 'log')).toBe(Number.NEGATIVE_INFINITY);
    expect(axisFraction(5, 5, 5)).toBe(0);
  });
});

describe('histogramFraction', () => {
  const linear = { scale: 'linear' as const, edges: [0, 10, 20, 30, 40, 50, 60, 70, 80, 90, 100] };
  const log = { scale: 'log' as const, edges: [0.1, 1, 10, 100, 1000] };

  it('puts a value at its place in its bin on equal bands', () => {
    expect(histogramFraction(linear, 35)).toBeCloseTo(0.35);
    expect(histogramFraction(log, 10)).toBeCloseTo(0.5);
    expect(histogramFraction(log, Math.sqrt(10))).toBeCloseTo(0.375);
  });

  it('leaves values beyond the edges outside [0, 1] (the paper max of 130 days on 0–100)', () => {
    expect(histogramFraction(linear, 130)).toBeGreaterThan(1);
    expect(histogramFraction(linear, -5)).toBeLessThan(0);
    expect(histogramFraction(log, 0.01)).toBeLessThan(0);
    expect(histogramFraction(log, 0)).toBeLessThan(0);
    expect(histogramFraction({ scale: 'linear', edges: [1] }, 3)).toBe(0.5);
  });
});

describe('placeReferenceMarks', () => {
  it('marks a value beyond the axis at the edge, with an arrow towards it', () => {
    const [mark] = placeReferenceMarks(
      [{ fraction: 1.3, label: 'paper max 130 days', dashed: true }],
      size,
    );
    expect(mark).toMatchObject({
      x: 400,
      outside: 'right',
      text: 'paper max 130 days →',
      anchor: 'end',
    });
    expect(mark?.box.right).toBeLessThanOrEqual(400);
    const [left] = placeReferenceMarks([{ fraction: -0.2, label: 'min', dashed: true }], size);
    expect(left).toMatchObject({ x: 0, outside: 'left', text: '← min', anchor: 'start' });
    expect(left?.box.left).toBeGreaterThanOrEqual(0);
  });

  it('runs a label to the left of its line when it would leave the plot', () => {
    const [mark] = placeReferenceMarks(
      [{ fraction: 0.95, label: 'ours: mean 92', dashed: false }],
      size,
    );
    expect(mark).toMatchObject({ outside: null, anchor: 'end' });
    expect(mark?.box.right).toBeLessThanOrEqual(380);
  });

  it('gives near lines different rows and far lines the same row', () => {
    const placed = placeReferenceMarks(
      [
        { fraction: 0.5, label: 'paper mean 36 days', dashed: true },
        { fraction: 0.1, label: 'a', dashed: false },
        { fraction: 0.52, label: 'ours: mean 38', dashed: false },
        { fraction: 1.4, label: 'paper max 130 days', dashed: true },
      ],
      size,
    );
    expect(placed.map((p) => [p.label, p.row])).toEqual([
      ['a', 0],
      ['paper mean 36 days', 0],
      ['ours: mean 38', 1],
      ['paper max 130 days', 2],
    ]);
  });

  it('never overlaps two labels nor a taken box, from the top or the bottom', () => {
    const levels = placeLevels([{ fraction: 0.9, label: 'paper: 80% below the median' }], size);
    const taken = levels.map((l) => l.box);
    for (const from of ['top', 'bottom'] as const) {
      const marks = Array.from({ length: 12 }, (_, i) => ({
        fraction: ((i * 7919) % 13) / 10 - 0.1,
        label: `reference number ${i}`,
        dashed: i % 2 === 0,
      }));
      const placed = placeReferenceMarks(marks, { ...size, from, taken });
      const boxes = [...taken, ...placed.map((p) => p.box)];
      for (let i = 0; i < boxes.length; i++)
        for (let j = i + 1; j < boxes.length; j++) {
          const a = boxes[i];
          const b = boxes[j];
          if (a !== undefined && b !== undefined) expect(overlaps(a, b)).toBe(false);
        }
    }
  });
});

describe('placeLevels', () => {
  it('right-aligns a level label under its line, above it near the bottom', () => {
    const [high, low] = placeLevels(
      [
        { fraction: 0.8, label: 'eighty' },
        { fraction: 0, label: 'zero' },
      ],
      size,
    );
    expect(high?.y).toBeCloseTo(40);
    expect(high?.box.top).toBeGreaterThan(40);
    expect(low?.box.bottom).toBeLessThanOrEqual(200);
    expect(low?.box.right).toBe(396);
  });
});
