/**
 * Which Cytoscape renderer draws a canvas. The 2D canvas by default: Cytoscape's WebGL renderer
 * (3.31+) runs in headless Chromium without a GPU (SwiftShader), but there a 7,000-node trace
 * took ~200 ms a frame against ~70 ms on the 2D canvas, and it draws dashed edges solid. Opt in
 * with `localStorage['graphlet-explorer:renderer'] = 'webgl'` (used when WebGL2 is available).
 */

/** Cytoscape's `renderer` option (its typings list only `name`). */
export interface RendererOptions {
  readonly name: 'canvas';
  readonly webgl?: boolean;
  readonly webglTexSize?: number;
  readonly webglBatchSize?: number;
}

const OVERRIDE_KEY = 'graphlet-explorer:renderer';

let webgl2: boolean | undefined;

/** True when a WebGL2 context can be created (checked once). */
function supportsWebgl2(): boolean {
  if (webgl2 === undefined) {
    try {
      const probe = document.createElement('canvas').getContext('webgl2');
      webgl2 = probe !== null;
      probe?.getExtension('WEBGL_lose_context')?.loseContext();
    } catch {
      webgl2 = false;
    }
  }
  return webgl2;
}

function override(): string | null {
  try {
    return globalThis.localStorage?.getItem(OVERRIDE_KEY) ?? null;
  } catch {
    return null;
  }
}

/** The renderer of a canvas: WebGL only when asked for and available. */
export function chooseRenderer(): RendererOptions {
  if (override() !== 'webgl' || !supportsWebgl2()) return { name: 'canvas' };
  return { name: 'canvas', webgl: true, webglTexSize: 4096, webglBatchSize: 4096 };
}
