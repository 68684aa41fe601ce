import { describe, expect, it } from 'vitest';
import { contrastRatio } from '../color-contrast.ts';
import { NODE_ROLES, roleColor } from '../roles.ts';
import { CANVAS_PALETTES, MEANINGFUL_KEYS } from './canvas-palette.ts';

describe('canvas palettes', () => {
  for (const scheme of ['light', 'dark'] as const) {
    const palette = CANVAS_PALETTES[scheme];
    it(`${scheme}: every role fill reaches 3:1 against the canvas`, () => {
      for (const role of NODE_ROLES) {
        expect(
          contrastRatio(roleColor(role, scheme), palette.background),
          role,
        ).toBeGreaterThanOrEqual(3);
      }
    });
    it(`${scheme}: every mark and highlight reaches 3:1 against the canvas`, () => {
      for (const key of MEANINGFUL_KEYS) {
        expect(contrastRatio(palette[key], palette.background), key).toBeGreaterThanOrEqual(3);
      }
    });
  }

  it('computes WCAG contrast', () => {
    expect(contrastRatio('#000000', '#ffffff')).toBeCloseTo(21, 5);
    expect(contrastRatio('#777777', '#ffffff')).toBeCloseTo(4.48, 2);
    expect(() => contrastRatio('red', '#fff')).toThrow(/color-contrast/);
  });
});
