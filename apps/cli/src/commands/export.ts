/** `export FILE --out OUT.json [--role PATTERN=ROLE]...`: write the project's JSON trace format. */
import { randomBytes } from 'node:crypto';
import { renameSync, rmSync, writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { stringifyTraceDocument } from '@graphlet/formats';
import { CliError } from '../cli-error.ts';
import type { Command } from '../command.ts';
import { loadTraces, SOURCE_USAGE, sourceLabel } from '../load-traces.ts';
import { parseRoleOverrides } from '../parse-role-overrides.ts';
import { requireOneFile } from '../parse-trace-args.ts';

const USAGE = `Usage: pnpm cli export FILE --out OUT.json [--pretty] [--role PATTERN=ROLE]...

Reads FILE (${SOURCE_USAGE}) and writes every trace to OUT.json
in the graphlet-explorer/trace JSON format (packages/formats/schema/trace.schema.json).
OUT.json is replaced only when the whole document was written.

  --out OUT.json       where to write (required)
  --pretty             indent the JSON
  --role PATTERN=ROLE  override the role of executions whose type name matches PATTERN
                       (name:PATTERN=ROLE: whose task or job name matches)`;

/** The `export` command. */
export const exportCommand: Command = {
  name: 'export',
  summary: 'write a store as the JSON trace format',
  usage: USAGE,
  async run(args, io) {
    const { values, positionals } = parseArgs({
      args: [...args],
      allowPositionals: true,
      options: {
        out: { type: 'string' },
        pretty: { type: 'boolean', default: false },
        role: { type: 'string', multiple: true },
      },
    });
    const file = requireOneFile(positionals);
    if (values.out === undefined) throw new CliError('--out OUT.json is required');
    const input = await loadTraces(file, parseRoleOverrides(values.role));
    const text = stringifyTraceDocument(input.traces, { pretty: values.pretty });
    writeAtomically(values.out, text);
    io.stderr(`wrote ${input.traces.length} trace(s) from ${sourceLabel(file)} to ${values.out}\n`);
    return 0;
  },
};

/** Writes beside the target, then renames, so a failure never leaves a partial file. */
function writeAtomically(out: string, text: string): void {
  const temp = `${out}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    writeFileSync(temp, text, { flag: 'wx' });
    renameSync(temp, out);
  } catch (error) {
    rmSync(temp, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    throw new CliError(`${out}: cannot write (${code ?? (error as Error).message})`);
  }
}
