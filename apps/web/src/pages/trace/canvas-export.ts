/** PNG and SVG export of the trace canvas, with a sentence saying what was saved. */
import type { Core, NodeSingular } from 'cytoscape';
import { formatNumber } from '../../lib/format.ts';
import { CANVAS_PALETTES, type ColorScheme } from '../../lib/graph/canvas-palette.ts';
import { exportScale } from '../../lib/graph/export-scale.ts';
import { countOf } from '../../lib/plural.ts';

/** Offers `blob` as a download named `fileName`. */
function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.click();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/**
 * Saves the visible trace as PNG at 2x, or smaller when that would pass the browser's canvas
 * limit. The veil (sized to cover any view) is shrunk to the drawing for the export, else the
 * image would be mostly veil. Resolves to what was saved; rejects with a readable error.
 */
export async function exportPng(
  cy: Core,
  veil: NodeSingular,
  fileName: string,
  scheme: ColorScheme,
): Promise<string> {
  const saved = { w: veil.data('w') as number, h: veil.data('h') as number };
  const savedAt = { ...veil.position() };
  const veiled = !veil.hasClass('hidden');
  let message: string;
  try {
    veil.addClass('hidden');
    const drawing = cy.elements(':visible').boundingBox();
    if (veiled) {
      veil.data({ w: drawing.w + 40, h: drawing.h + 40 });
      veil.position({ x: (drawing.x1 + drawing.x2) / 2, y: (drawing.y1 + drawing.y2) / 2 });
      veil.removeClass('hidden');
    }
    // Cytoscape sizes the image from the bounds of everything drawn (the veil included), rounded up.
    const bounds = cy.elements(':visible').boundingBox();
    const size = exportScale(Math.ceil(bounds.w) + 1, Math.ceil(bounds.h) + 1);
    const blob = await cy.png({
      output: 'blob-promise',
      full: true,
      scale: size.scale,
      bg: CANVAS_PALETTES[scheme].background,
    });
    if (!(blob instanceof Blob) || blob.size < 24) throw new Error('the browser made no image');
    download(blob, fileName);
    // The PNG header's IHDR holds the size the browser made (rounding may differ by a pixel).
    const header = new DataView(await blob.slice(16, 24).arrayBuffer());
    const dims = `${formatNumber(header.getUint32(0))} × ${formatNumber(header.getUint32(4))} px`;
    message = size.reduced
      ? `Saved ${fileName} (${dims}): scaled to ${formatNumber(size.scale * 100, size.scale < 0.1 ? 1 : 0)}% to stay within the browser's canvas size limit. Export SVG for full detail.`
      : `Saved ${fileName} (${dims}).`;
  } finally {
    veil.data(saved);
    veil.position(savedAt);
    veil.toggleClass('hidden', !veiled);
  }
  return message;
}

/** Saves an SVG document; resolves to what was saved. */
export function exportSvg(svg: string, fileName: string, nodes: number): string {
  download(new Blob([svg], { type: 'image/svg+xml' }), fileName);
  return `Saved ${fileName} (${countOf(nodes, 'node')}, vector).`;
}
