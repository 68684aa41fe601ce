/** Parses the `FILE... [--json] [--role PATTERN=ROLE]...` arguments that trace commands share. */
import { parseArgs } from 'node:util';
import { CliError } from './cli-error.ts';

/** The `--role` lines of a trace command's usage text. */
export const ROLE_OPTION_USAGE = `  --role PATTERN=ROLE  executions whose type name matches PATTERN (a regular expression)
                       take ROLE; name:PATTERN=ROLE matches task and job names instead;
                       repeatable; the first match wins`;

/** The parsed arguments; `role` stays raw so each command checks its FILEs before the roles. */
export interface TraceArgs {
  files: string[];
  json: boolean;
  role: string[] | undefined;
}

/** Parses `FILE... [--json] [--role PATTERN=ROLE]...`; unknown options throw. */
export function parseTraceArgs(args: readonly string[]): TraceArgs {
  const { values, positionals } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: {
      json: { type: 'boolean', default: false },
      role: { type: 'string', multiple: true },
    },
  });
  return { files: positionals, json: values.json, role: values.role };
}

/** The single FILE of a command that takes exactly one. */
export function requireOneFile(files: readonly string[]): string {
  const [file, ...extra] = files;
  if (file === undefined || extra.length > 0) throw new CliError('expected exactly one FILE');
  return file;
}
