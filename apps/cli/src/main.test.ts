import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { MLMD_FIXTURE_DIR } from './testing/cli-harness.ts';

const MAIN = fileURLToPath(new URL('./main.ts', import.meta.url));

function run(...args: string[]) {
  return spawnSync(process.execPath, [MAIN, ...args], { encoding: 'utf8' });
}

describe('the CLI as a real process', () => {
  it('prints exactly one JSON document on stdout', () => {
    const result = run(
      'segment',
      `${MLMD_FIXTURE_DIR}tfx-0.22-chicago-taxi-schema-v4.sqlite`,
      '--json',
    );
    expect(result.status).toBe(0);
    expect(result.stderr).toBe('');
    expect(JSON.parse(result.stdout).traces[0].graphlets[0].trainer).toBe(7);
  });

  it('exits with 2 and one stderr line for a missing file', () => {
    const result = run('segment', 'no/such/store.sqlite', '--json');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('graphlet segment: no/such/store.sqlite: no such file\n');
  });
});
