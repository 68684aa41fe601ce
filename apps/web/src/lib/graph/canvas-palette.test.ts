import { wcagContrast } from 'culori';
import { describe, expect, it } from 'vitest';
import { NODE_ROLES, roleColor } from '../roles.ts';
import { CANVAS_PALETTES, MEANINGFUL_KEYS } from './canvas-palette.ts';

describe('canvas palettes', () => {
  for (const scheme of ['light', 'dark'] as const) {
    const palette = CANVAS_PALETTES[scheme];
    it(`${scheme}: every role fill reaches 3:1 against the canvas`, () => {
      for (const role of NODE_ROLES) {
        expect(
          wcagContrast(roleColor(role, scheme), palette.background),
          role,
        ).toBeGreaterThanOrEqual(3);
      }
    });
    it(`${scheme}: every mark and highlight reaches 3:1 against the canvas`, () => {
      for (const key of MEANINGFUL_KEYS) {
        expect(wcagContrast(palette[key], palette.background), key).toBeGreaterThanOrEqual(3);
      }
    });
  }

  it('measures contrast as WCAG 2 defines it', () => {
    expect(wcagContrast('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(wcagContrast('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
  });
});
