import type { Command } from '../command.ts';

/** Every subcommand, in the order `help` lists them. Add one line per command. */
export const COMMANDS: readonly Command[] = [];
