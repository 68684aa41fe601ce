/** An error the user can act on: printed as one line on stderr, exit code 2, no stack trace. */
export class CliError extends Error {
  override readonly name = 'CliError';
}
