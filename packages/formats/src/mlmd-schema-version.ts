/** Which MLMD schema versions the reader knows, and the refusal of any other. */
import { FormatError } from './format-error.ts';

/** Oldest and newest MLMD schema versions read (tested on real TFX stores of v4, v8 and v10). */
export const MLMD_SCHEMA_VERSIONS = { oldest: 4, newest: 10 } as const;

/** Throws FormatError `unsupported` naming `version` unless it is 4 to 10, or 0 (no MLMDEnv). */
export function checkSchemaVersion(label: string, version: number): void {
  const { oldest, newest } = MLMD_SCHEMA_VERSIONS;
  if (version === 0 || (version >= oldest && version <= newest)) return;
  throw new FormatError(
    'unsupported',
    label,
    `MLMD schema version ${version} is not supported (this reader knows versions ${oldest} to ${newest})`,
  );
}
