/**
 * The CLI's errors and the one place that maps every typed error (the CLI's own, formats',
 * core's, waste's) to a line on stderr and an exit code; anything else is a bug and crashes.
 */
import { TraceError } from '@graphlet/core';
import { FormatError } from '@graphlet/formats';
import { WasteError } from '@graphlet/waste';

/** Exit code of every error the user can act on. */
const USAGE_EXIT = 2;

/** An error the user can act on: printed as one line on stderr, exit code 2, no stack trace. */
export class CliError extends Error {
  override readonly name = 'CliError';
}

/** A typed error raised while a command worked on `file`; reported as that file's. */
class InFileError extends Error {
  override readonly name = 'InFileError';
  readonly file: string;

  constructor(file: string, cause: unknown) {
    super(`${file}: ${String(cause)}`, { cause });
    this.file = file;
  }
}

/** Runs `work` on behalf of `file`: a trace or waste error it throws is reported naming the file. */
export function inFile<T>(file: string, work: () => T): T {
  try {
    return work();
  } catch (error) {
    if (error instanceof TraceError || error instanceof WasteError)
      throw new InFileError(file, error);
    throw error;
  }
}

/** What the runner prints for an error and exits with; undefined for a bug (rethrown). */
export interface Failure {
  readonly exitCode: number;
  readonly message: string;
  /** A bad option: the command's usage follows the message. */
  readonly showUsage: boolean;
}

/** The failure an error stands for, or undefined when it is not one the user can act on. */
export function failureOf(error: unknown): Failure | undefined {
  const fail = (message: string, showUsage = false) => ({
    exitCode: USAGE_EXIT,
    message,
    showUsage,
  });
  if (error instanceof InFileError) {
    const inner = failureOf(error.cause);
    if (inner === undefined) return undefined;
    const cause = error.cause;
    const detail = cause instanceof TraceError ? cause.detail : inner.message;
    return { ...inner, message: `${error.file}: ${detail}` };
  }
  if (error instanceof CliError || error instanceof FormatError || error instanceof WasteError)
    return fail(error.message);
  if (error instanceof TraceError)
    return error.code === 'internal' ? undefined : fail(error.message);
  if (isArgumentError(error)) return fail(error.message, true);
  return undefined;
}

/** node:util parseArgs throws TypeErrors with ERR_PARSE_ARGS_* codes for bad options. */
function isArgumentError(error: unknown): error is Error {
  const code: unknown =
    error instanceof Error ? (error as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS');
}
