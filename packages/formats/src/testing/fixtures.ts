/** Paths of the shared fixtures (../shared beside the repository), for tests. */
import { fileURLToPath } from 'node:url';

const MLMD_DIR = fileURLToPath(new URL('../../../../../shared/fixtures/mlmd/', import.meta.url));

/** The absolute path of an MLMD fixture store by file name. */
export function fixturePath(name: string): string {
  return MLMD_DIR + name;
}

/** Every MLMD fixture store's file name. */
export const MLMD_FIXTURES = [
  'tfx-0.22-chicago-taxi-schema-v4.sqlite',
  'tfx-1.10-data-only-schema-v8.sqlite',
  'tfx-1.10-partial-schema-v8.sqlite',
  'tfx-1.15-interactive-two-trainers.sqlite',
] as const;
