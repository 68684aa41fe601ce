/** Helpers for CLI tests: run commands in-process with captured output, fixtures, temp dirs. */
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { COMMANDS } from '../commands/index.ts';
import { runCli } from '../run-cli.ts';

/** The MLMD fixtures (formats' testing helper finds them). */
export { MLMD_FIXTURE_DIR } from '@graphlet/formats/testing';

/** Runs the CLI in-process; resolves to the exit code and everything written. */
export async function cli(
  ...argv: string[]
): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await runCli(argv, COMMANDS, {
    stdout: (text) => {
      stdout += text;
    },
    stderr: (text) => {
      stderr += text;
    },
  });
  return { code, stdout, stderr };
}

/** A new temporary directory; returns a function joining names onto it. */
export function tempDir(): (name: string) => string {
  const dir = mkdtempSync(join(tmpdir(), 'graphlet-cli-'));
  return (name) => join(dir, name);
}
