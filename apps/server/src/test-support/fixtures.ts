/** Test helpers: the shared real MLMD fixtures, resolved from this file (the repo's sibling /shared). */
import { fileURLToPath } from 'node:url';

/** Absolute path of a file in the shared MLMD fixtures folder. */
export function fixture(name: string): string {
  return fileURLToPath(new URL(`../../../../../shared/fixtures/mlmd/${name}`, import.meta.url));
}

/** The MLMD fixtures every upload test walks through. */
export const MLMD_FIXTURES = [
  'tfx-0.22-chicago-taxi-schema-v4.sqlite',
  'tfx-1.10-data-only-schema-v8.sqlite',
  'tfx-1.10-partial-schema-v8.sqlite',
  'tfx-1.15-interactive-two-trainers.sqlite',
] as const;
