import { createHash } from 'node:crypto';
import { existsSync, readdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { readMlmdStore } from '@graphlet/formats';
import { describe, expect, it } from 'vitest';
import { cli, tempDir } from '../testing/cli-harness.ts';

/** A hash of the store's content as the importer reads it (ids, types, properties, events). */
function contentHash(file: string): string {
  return createHash('sha256')
    .update(JSON.stringify(readMlmdStore(file).traces))
    .digest('hex');
}

describe('synth', () => {
  const path = tempDir();

  it('is deterministic: same seed and N give the same content', async () => {
    const a = await cli('synth', '--pipelines', '4', '--seed', '5', '--out', path('a.sqlite'));
    const b = await cli('synth', '--pipelines', '4', '--seed', '5', '--out', path('b.sqlite'));
    const c = await cli('synth', '--pipelines', '4', '--seed', '6', '--out', path('c.sqlite'));
    expect([a.code, b.code, c.code]).toEqual([0, 0, 0]);
    expect(a.stdout).toBe('');
    expect(a.stderr).toMatch(/synth: 4\/4 pipelines, \d+ models, \d+ nodes, \d+ nodes\/s/);
    expect(contentHash(path('a.sqlite'))).toBe(contentHash(path('b.sqlite')));
    expect(contentHash(path('a.sqlite'))).not.toBe(contentHash(path('c.sqlite')));
    expect(readMlmdStore(path('a.sqlite')).traces).toHaveLength(4);
    // No temporary file is left beside the store.
    expect(readdirSync(dirname(path('a.sqlite'))).filter((f) => f.includes('partial'))).toEqual([]);
  });

  it('refuses to overwrite without --force', async () => {
    await cli('synth', '--pipelines', '1', '--out', path('d.sqlite'));
    const before = contentHash(path('d.sqlite'));
    const refused = await cli('synth', '--pipelines', '2', '--out', path('d.sqlite'));
    expect(refused.code).toBe(2);
    expect(refused.stderr).toContain('already exists; pass --force');
    expect(contentHash(path('d.sqlite'))).toBe(before);
    const forced = await cli('synth', '--pipelines', '2', '--out', path('d.sqlite'), '--force');
    expect(forced.code).toBe(0);
    expect(readMlmdStore(path('d.sqlite')).traces).toHaveLength(2);
  });

  it('rejects bad options with exit code 2', async () => {
    for (const args of [
      ['--pipelines', '3'],
      ['--pipelines', 'x', '--out', path('e.sqlite')],
      ['--pipelines', '0', '--out', path('e.sqlite')],
      ['--scale', 'huge', '--out', path('e.sqlite')],
      ['--scale', 'paper', '--pipelines', '3', '--out', path('e.sqlite')],
      ['--seed', '1.5', '--out', path('e.sqlite')],
    ]) {
      const r = await cli('synth', ...args);
      expect(r.code, args.join(' ')).toBe(2);
      expect(r.stderr).toMatch(/^graphlet synth: /);
    }
    expect(existsSync(path('e.sqlite'))).toBe(false);
  });
});
