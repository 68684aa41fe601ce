/**
 * Parses repeated `--role [name:|type:]PATTERN=ROLE` options into core role overrides: the
 * pattern is tested against execution type names, or with `name:` against task and job names.
 */
import { ROLES, type Role, type RoleOverride } from '@graphlet/core';
import { CliError } from './cli-error.ts';

/** Turns `[name:|type:]PATTERN=ROLE` strings into overrides; the last `=` separates pattern and role. */
export function parseRoleOverrides(values: readonly string[] | undefined): RoleOverride[] {
  return (values ?? []).map((value) => {
    const at = value.lastIndexOf('=');
    const prefix = /^(name|type):/.exec(value);
    const field = prefix?.[1] === 'name' ? 'name' : 'type';
    const pattern = value.slice(prefix === null ? 0 : prefix[0].length, at);
    const role = value.slice(at + 1);
    if (at <= 0 || pattern === '') throw new CliError(`--role ${value}: expected PATTERN=ROLE`);
    if (!(ROLES as readonly string[]).includes(role)) {
      throw new CliError(`--role ${value}: unknown role '${role}' (one of ${ROLES.join(', ')})`);
    }
    try {
      new RegExp(pattern, 'i');
    } catch {
      throw new CliError(`--role ${value}: '${pattern}' is not a valid regular expression`);
    }
    return field === 'name'
      ? { pattern, role: role as Role, field }
      : { pattern, role: role as Role };
  });
}
