import { failureOf } from './cli-error.ts';
import type { Command, CommandIo } from './command.ts';

/** Runs the CLI on `argv` (without node and script) and resolves to the process exit code. */
export async function runCli(
  argv: readonly string[],
  commands: readonly Command[],
  io: CommandIo,
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.stdout(helpText(commands));
    return name === undefined ? 2 : 0;
  }
  const command = commands.find((c) => c.name === name);
  if (command === undefined) {
    io.stderr(`graphlet: unknown command '${name}'; try 'help'\n`);
    return 2;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${command.usage}\n`);
    return 0;
  }
  try {
    return await command.run(rest, io);
  } catch (error) {
    const failure = failureOf(error);
    if (failure === undefined) throw error;
    io.stderr(
      `graphlet ${name}: ${failure.message}\n${failure.showUsage ? `${command.usage}\n` : ''}`,
    );
    return failure.exitCode;
  }
}

function helpText(commands: readonly Command[]): string {
  const width = Math.max(0, ...commands.map((c) => c.name.length));
  const lines = commands.map((c) => `  ${c.name.padEnd(width)}  ${c.summary}`);
  return `Usage: pnpm cli <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nRun 'pnpm cli <command> --help' for a command's options.\n`;
}
