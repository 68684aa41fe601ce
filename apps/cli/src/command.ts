/** One CLI subcommand: its name, a one-line summary, usage text, and what it runs. */
export interface Command {
  readonly name: string;
  readonly summary: string;
  readonly usage: string;
  /** Runs with the arguments after the command name; resolves to the exit code. */
  run(args: readonly string[], io: CommandIo): Promise<number>;
}

/** Where a command writes: stdout for results, stderr for progress and messages. */
export interface CommandIo {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}
