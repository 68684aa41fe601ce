import { statSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../testing/cli-harness.ts';

describe('demo', () => {
  it('generates the demo corpus once, small, and summarises its graphlets', async () => {
    const path = tempDir()('data/demo.sqlite');
    const first = await cli('demo', '--out', path);
    expect(first.code).toBe(0);
    expect(first.stderr).toMatch(/^demo: generated /);
    // The aim is ~5 MB (5.0 MB today).
    expect(statSync(path).size).toBeLessThan(5_250_000);
    const lines = first.stdout.trim().split('\n');
    expect(lines[0]).toMatch(/^pipeline\s+nodes\s+graphlets\s+pushed/);
    expect(lines).toHaveLength(13);
    const graphlets = lines.slice(1).map((l) => Number(l.trim().split(/\s+/)[2]));
    expect(Math.max(...graphlets)).toBeGreaterThanOrEqual(200);
    expect(Math.min(...graphlets)).toBeGreaterThan(0);
    const mtime = statSync(path).mtimeMs;
    const second = await cli('demo', '--out', path);
    expect(second.stderr).toBe('');
    expect(second.stdout).toBe(first.stdout);
    expect(statSync(path).mtimeMs).toBe(mtime);
  });
});
