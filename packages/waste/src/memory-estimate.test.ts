import { describe, expect, it } from 'vitest';
import { checkMemory, estimateWasteMemory, parseByteSize } from './memory-estimate.ts';
import { WasteError } from './waste-error.ts';

describe('estimateWasteMemory', () => {
  const paper = {
    rows: 431_634,
    features: 37,
    variantFeatures: 37,
    trees: 100,
    threads: 2,
    forestsHeld: 1,
  };

  it('grows with rows, trees and forests held, and fits the paper-scale run in 2 GB', () => {
    const e = estimateWasteMemory(paper);
    expect(e.total).toBe(e.table + e.training + e.forests + e.baseline);
    // Measured: 966 MB peak RSS for all seven variants at paper scale (docs/waste.md).
    expect(e.total).toBeGreaterThan(900 * 2 ** 20);
    expect(e.total).toBeLessThan(2 * 2 ** 30);
    expect(estimateWasteMemory({ ...paper, rows: 2 * paper.rows }).total).toBeGreaterThan(e.total);
    expect(estimateWasteMemory({ ...paper, forestsHeld: 4 }).forests).toBeCloseTo(4 * e.forests);
  });

  it("counts what the host holds beside the run (a server's caches) in the process part", () => {
    const e = estimateWasteMemory(paper);
    const served = estimateWasteMemory({ ...paper, extraProcessBytes: 256 * 2 ** 20 });
    expect(served.baseline - e.baseline).toBe(256 * 2 ** 20);
    expect(served.total - e.total).toBe(256 * 2 ** 20);
  });

  it('fails with too_large naming the figure needed and the setting', () => {
    const e = estimateWasteMemory(paper);
    expect(() => checkMemory(e, e.total, '--max-memory')).not.toThrow();
    let error: unknown;
    try {
      checkMemory(e, 512 * 2 ** 20, '--max-memory');
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(WasteError);
    expect((error as WasteError).code).toBe('too_large');
    expect((error as WasteError).message).toMatch(
      new RegExp(
        `needs about ${Math.ceil(e.total / 2 ** 20)} MB .*more than the 512 MB of --max-memory`,
      ),
    );
  });
});

describe('parseByteSize', () => {
  it('reads sizes with binary units, and rejects the rest', () => {
    expect(parseByteSize('2G')).toBe(2 * 2 ** 30);
    expect(parseByteSize('1536M')).toBe(1536 * 2 ** 20);
    expect(parseByteSize('1.5GiB')).toBe(1.5 * 2 ** 30);
    expect(parseByteSize('4096')).toBe(4096);
    for (const bad of ['', 'lots', '-1G', '0', '2X']) expect(parseByteSize(bad)).toBeUndefined();
  });
});
