#!/usr/bin/env node
import { COMMANDS } from './commands/index.ts';
import { runCli } from './run-cli.ts';

const code = await runCli(process.argv.slice(2), COMMANDS, {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
});
process.exitCode = code;
