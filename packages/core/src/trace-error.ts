/**
 * The one error type of @graphlet/core: a code that adapters map to an exit code or an HTTP
 * status (the CLI's runner, the server's error handler), and a message prefixed with the module.
 */

/** Why core refused: bad input data, a bad argument from the caller, or a broken invariant. */
export const TRACE_ERROR_CODES = [
  /** The trace's production edges form a cycle (it is not a DAG). */
  'cycle',
  /** The trace itself is malformed: duplicate node ids, an event on an unknown node. */
  'invalid_trace',
  /** An option or argument is out of range (a window, a split share, a trainer not in the trace). */
  'invalid_argument',
  /** Core broke one of its own invariants: a bug, never the input's fault. */
  'internal',
] as const;
export type TraceErrorCode = (typeof TRACE_ERROR_CODES)[number];

/** The modules of core that throw, named in the message's prefix. */
export type CoreModule = 'core' | 'stats' | 'waste';

/**
 * An error of @graphlet/core; `message` is `<module>: <detail>`.
 * @example if (error instanceof TraceError && error.code === 'cycle') exit(2);
 */
export class TraceError extends Error {
  override readonly name: string = 'TraceError';
  readonly code: TraceErrorCode;
  /** The module that threw, the message's prefix. */
  readonly module: CoreModule;
  /** The message without its module prefix, for callers that name the file instead. */
  readonly detail: string;

  constructor(code: TraceErrorCode, module: CoreModule, detail: string) {
    super(`${module}: ${detail}`);
    this.code = code;
    this.module = module;
    this.detail = detail;
  }
}

/** True for the codes that blame the trace (a cycle or a malformed trace), not the caller. */
export function isTraceInputError(error: unknown): error is TraceError {
  return error instanceof TraceError && (error.code === 'cycle' || error.code === 'invalid_trace');
}
