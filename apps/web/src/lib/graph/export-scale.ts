/**
 * The scale of a PNG export. Browsers refuse canvases beyond a size (Chromium: 32,767 px a side
 * and 268 million pixels; Safari less): past it `toBlob` fails. The export is drawn at 2x when
 * that fits, else scaled down until it does, and the page says so.
 */

/** The largest side and area we ask a browser for (below every current browser's limit). */
export const MAX_CANVAS_SIDE = 16_384;
export const MAX_CANVAS_AREA = 16_384 * 8_192;

export interface ExportScale {
  readonly scale: number;
  readonly width: number;
  readonly height: number;
  /** True when the image is smaller than 1:1 because of the canvas limit. */
  readonly reduced: boolean;
}

/** The scale (at most `preferred`) at which a `width` x `height` drawing fits the limits. */
export function exportScale(width: number, height: number, preferred = 2): ExportScale {
  const w = Math.max(1, width);
  const h = Math.max(1, height);
  const scale = Math.min(
    preferred,
    MAX_CANVAS_SIDE / w,
    MAX_CANVAS_SIDE / h,
    Math.sqrt(MAX_CANVAS_AREA / (w * h)),
  );
  return {
    scale,
    width: Math.max(1, Math.floor(w * scale)),
    height: Math.max(1, Math.floor(h * scale)),
    reduced: scale < 1,
  };
}
