/** SVG outlines of the Cytoscape node shapes the canvases use, for the SVG export. */

/** Polygon corners in a unit box [-1, 1]², as Cytoscape draws the shape. */
const POLYGONS: Readonly<Record<string, readonly number[]>> = {
  rhomboid: [-1, -1, 0.333, -1, 1, 1, -0.333, 1],
  diamond: [0, -1, 1, 0, 0, 1, -1, 0],
  hexagon: [-1, 0, -0.5, -0.85, 0.5, -0.85, 1, 0, 0.5, 0.85, -0.5, 0.85],
  octagon: [-0.414, -1, 0.414, -1, 1, -0.414, 1, 0.414, 0.414, 1, -0.414, 1, -1, 0.414, -1, -0.414],
  triangle: [-1, 1, 0, -1, 1, 1],
  star: starPoints(),
};

function starPoints(): number[] {
  const out: number[] = [];
  for (let k = 0; k < 10; k++) {
    const r = k % 2 === 0 ? 1 : 0.38;
    const a = -Math.PI / 2 + (k * Math.PI) / 5;
    out.push(r * Math.cos(a), r * Math.sin(a));
  }
  return out;
}

const round = (v: number) => Math.round(v * 100) / 100;

/** An SVG element (without fill or stroke) drawing `shape` centred at x,y, w x h. */
export function shapeElement(shape: string, x: number, y: number, w: number, h: number): string {
  const hw = w / 2;
  const hh = h / 2;
  const polygon = POLYGONS[shape];
  if (polygon !== undefined) {
    const points: string[] = [];
    for (let k = 0; k < polygon.length; k += 2) {
      points.push(`${round(x + polygon[k]! * hw)},${round(y + polygon[k + 1]! * hh)}`);
    }
    return `<polygon points="${points.join(' ')}"`;
  }
  if (shape === 'round-rectangle' || shape === 'barrel') {
    const r = shape === 'barrel' ? hh / 2 : Math.min(hw, hh) / 4;
    return `<rect x="${round(x - hw)}" y="${round(y - hh)}" width="${round(w)}" height="${round(h)}" rx="${round(r)}"`;
  }
  return `<ellipse cx="${round(x)}" cy="${round(y)}" rx="${round(hw)}" ry="${round(hh)}"`;
}

/** The SVG element name `shapeElement` opens for `shape`. */
export function shapeTag(shape: string): 'polygon' | 'rect' | 'ellipse' {
  if (POLYGONS[shape] !== undefined) return 'polygon';
  return shape === 'round-rectangle' || shape === 'barrel' ? 'rect' : 'ellipse';
}
