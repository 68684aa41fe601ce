import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { readMlmdStore, readTraceFile } from '@graphlet/formats';
import { describe, expect, it } from 'vitest';
import { cli, MLMD_FIXTURE_DIR, tempDir } from '../testing/cli-harness.ts';

describe('export', () => {
  const tmp = tempDir();

  it.each(readdirSync(MLMD_FIXTURE_DIR).filter((f) => f.endsWith('.sqlite')))(
    'writes %s as a JSON trace document that reads back identical',
    async (name) => {
      const out = tmp(`${name}.json`);
      const result = await cli('export', MLMD_FIXTURE_DIR + name, '--out', out);
      expect(result).toMatchObject({ code: 0, stdout: '' });
      expect(result.stderr).toContain(`to ${out}`);
      const document = JSON.parse(readFileSync(out, 'utf8'));
      expect(document).toMatchObject({ format: 'graphlet-explorer/trace', version: 1 });
      expect(readTraceFile(out).traces).toEqual(readMlmdStore(MLMD_FIXTURE_DIR + name).traces);
    },
  );

  it('writes nothing on bad input and leaves an existing output alone', async () => {
    const bad = tmp('bad.txt');
    writeFileSync(bad, 'nope');
    const out = tmp('kept.json');
    writeFileSync(out, 'previous');
    const result = await cli('export', bad, '--out', out);
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(
      `graphlet export: ${bad}: not an SQLite database or JSON trace (expected an MLMD store such as metadata.sqlite, or a JSON trace document)\n`,
    );
    expect(readFileSync(out, 'utf8')).toBe('previous');
    expect(readdirSync(dirname(out)).filter((f) => f.endsWith('.tmp'))).toEqual([]);
  });

  it('reports an unwritable destination in one line', async () => {
    const out = tmp('missing-dir/out.json');
    const result = await cli(
      'export',
      `${MLMD_FIXTURE_DIR}tfx-1.10-partial-schema-v8.sqlite`,
      '--out',
      out,
    );
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`graphlet export: ${out}: cannot write (ENOENT)\n`);
    expect(existsSync(out)).toBe(false);
  });

  it('requires --out', async () => {
    const result = await cli('export', `${MLMD_FIXTURE_DIR}tfx-1.10-partial-schema-v8.sqlite`);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('--out OUT.json is required');
  });
});
