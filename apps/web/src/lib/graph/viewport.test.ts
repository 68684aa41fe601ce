import { describe, expect, it } from 'vitest';
import { initialViewport, READABLE_ZOOM, SMALL_TRACE_NODES } from './viewport.ts';

// The interactive TFX store's laid-out box: tall and narrow (34 nodes, x by start order).
const tall = { x1: 0, y1: 0, x2: 900, y2: 1600 };

describe('initialViewport', () => {
  it('opens a small tall trace at a readable zoom from its top, centred across', () => {
    const view = initialViewport(tall, 900, 440, 34);
    expect(view.zoom).toBe(READABLE_ZOOM);
    expect(view.pan.y).toBe(20);
    expect(view.pan.x).toBeCloseTo(450 - 450 * READABLE_ZOOM);
  });

  it('fits a small trace that is readable when fitted, never closer than 1.5', () => {
    expect(initialViewport({ x1: 0, y1: 0, x2: 400, y2: 200 }, 900, 440, 17).zoom).toBeCloseTo(1.5);
    const wide = initialViewport({ x1: 0, y1: 0, x2: 800, y2: 380 }, 900, 440, 200);
    expect(wide.zoom).toBeGreaterThan(READABLE_ZOOM);
    expect(wide.zoom).toBeLessThan(1.1);
  });

  it('starts a small wide trace at its beginning when it does not fit across', () => {
    const view = initialViewport({ x1: 100, y1: 0, x2: 5100, y2: 300 }, 900, 440, 300);
    expect(view.zoom).toBe(READABLE_ZOOM);
    expect(view.pan.x).toBeCloseTo(20 - 100 * READABLE_ZOOM);
  });

  it('still fits a large trace whole (the minimap and zoom reach the rest)', () => {
    const view = initialViewport(tall, 900, 440, SMALL_TRACE_NODES + 1);
    expect(view.zoom).toBeCloseTo(400 / 1600);
  });
});
