/** Why a file could not be read or written; the CLI maps every code to exit code 2. */
export type FormatErrorCode =
  | 'not_found'
  | 'not_sqlite'
  | 'not_mlmd'
  | 'truncated'
  | 'invalid_json'
  | 'invalid_trace'
  | 'invalid_event'
  | 'unsupported'
  | 'exists'
  | 'unreachable'
  | 'auth_failed'
  | 'no_database';

/** An input or output problem a person can act on; the message names the file or store URL. */
export class FormatError extends Error {
  override readonly name = 'FormatError';
  readonly code: FormatErrorCode;
  readonly file: string;
  /** The message without the file, for callers that name the file otherwise (an upload's name). */
  readonly problem: string;

  constructor(code: FormatErrorCode, file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.code = code;
    this.file = file;
    this.problem = problem;
  }
}
