/** Parses repeated `--role PATTERN=ROLE` options into core role overrides. */
import { ROLES, type Role, type RoleOverride } from '@graphlet/core';
import { CliError } from './cli-error.ts';

/** Turns `PATTERN=ROLE` strings into overrides; the last `=` separates pattern and role. */
export function parseRoleOverrides(values: readonly string[] | undefined): RoleOverride[] {
  return (values ?? []).map((value) => {
    const at = value.lastIndexOf('=');
    const pattern = value.slice(0, at);
    const role = value.slice(at + 1);
    if (at <= 0) throw new CliError(`--role ${value}: expected PATTERN=ROLE`);
    if (!(ROLES as readonly string[]).includes(role)) {
      throw new CliError(`--role ${value}: unknown role '${role}' (one of ${ROLES.join(', ')})`);
    }
    try {
      new RegExp(pattern, 'i');
    } catch {
      throw new CliError(`--role ${value}: '${pattern}' is not a valid regular expression`);
    }
    return { pattern, role: role as Role };
  });
}
