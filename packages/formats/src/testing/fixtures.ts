/**
 * Paths of the shared real fixtures for every package's tests: `../shared/fixtures` beside the
 * repository, or the folder GRAPHLET_FIXTURES names (a checkout without that sibling).
 */
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The shared fixtures folder, ending in a separator. */
export const FIXTURES_DIR =
  process.env.GRAPHLET_FIXTURES ??
  fileURLToPath(new URL('../../../../../shared/fixtures/', import.meta.url));

/** The folder of the MLMD fixture stores, ending in a separator. */
export const MLMD_FIXTURE_DIR = join(FIXTURES_DIR, 'mlmd/');

/** The absolute path of an MLMD fixture store by file name. */
export function fixturePath(name: string): string {
  return MLMD_FIXTURE_DIR + name;
}

/** Every MLMD fixture store's file name. */
export const MLMD_FIXTURES = [
  'tfx-0.22-chicago-taxi-schema-v4.sqlite',
  'tfx-1.10-data-only-schema-v8.sqlite',
  'tfx-1.10-partial-schema-v8.sqlite',
  'tfx-1.15-interactive-two-trainers.sqlite',
] as const;

/** The folder of the OpenLineage fixtures, ending in a separator. */
export const OPENLINEAGE_FIXTURE_DIR = join(FIXTURES_DIR, 'openlineage/');

/** The folder of the PROV-JSON fixtures, ending in a separator. */
export const PROV_FIXTURE_DIR = join(FIXTURES_DIR, 'prov/');
