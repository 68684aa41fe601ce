// Runs every bench/src/*-bench.ts in sequence, each in its own Node process, and prints one JSON
// object keyed by bench name. `pnpm bench NAME [ARGS...]` runs only NAME-bench.ts with ARGS.
// A bench that fails or prints no JSON is reported as {"error": ...} and the exit code is 1.

import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const dir = fileURLToPath(new URL('.', import.meta.url));
const [only, ...passThrough] = process.argv.slice(2);
const all = readdirSync(dir)
  .filter((f) => f.endsWith('-bench.ts'))
  .map((f) => f.slice(0, -'-bench.ts'.length))
  .sort();
const names = only === undefined ? all : all.filter((n) => n === only);
if (names.length === 0) {
  process.stderr.write(`bench: no bench named '${only}' (have: ${all.join(', ')})\n`);
  process.exit(2);
}

const results: Record<string, unknown> = {};
for (const name of names) {
  process.stderr.write(`bench: running ${name}...\n`);
  const child = spawnSync(
    process.execPath,
    ['--no-warnings=ExperimentalWarning', `${dir}${name}-bench.ts`, ...passThrough],
    { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 },
  );
  try {
    if (child.status !== 0) throw new Error(`exited with ${child.status ?? child.signal}`);
    results[name] = JSON.parse(child.stdout);
  } catch (error) {
    results[name] = { error: (error as Error).message };
    process.exitCode = 1;
  }
}
process.stdout.write(`${JSON.stringify(results, null, 2)}\n`);
