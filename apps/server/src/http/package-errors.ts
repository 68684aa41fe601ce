/**
 * The one table from the packages' typed errors (core's TraceError, formats' FormatError, waste's
 * WasteError) to an HTTP status and error code, used by the error handler, the upload check and
 * the import job; other errors are the server's own bugs (500 internal).
 */
import { TraceError } from '@graphlet/core';
import { FormatError } from '@graphlet/formats';
import { WasteError, type WasteErrorCode } from '@graphlet/waste';
import type { ContentfulStatusCode } from 'hono/utils/http-status';

/** How a typed error answers: status, error code, and the problem without file or module. */
export interface PackageErrorAnswer {
  readonly status: ContentfulStatusCode;
  readonly code: string;
  /** The module the error came from (the message prefix when no file is named). */
  readonly module: string;
  readonly problem: string;
}

/** A request about a model or policy is wrong (400), or the corpus cannot be trained (422). */
const WASTE_STATUS: Readonly<Record<WasteErrorCode, readonly [ContentfulStatusCode, string]>> = {
  unknown_variant: [400, 'bad_request'],
  invalid_policy: [400, 'bad_request'],
  invalid_features: [400, 'bad_request'],
  too_few_graphlets: [422, 'too_few_graphlets'],
  too_few_pipelines: [422, 'too_few_pipelines'],
  one_class: [422, 'one_class'],
  too_large: [422, 'too_large'],
  invalid_trace: [422, 'invalid_file'],
  cancelled: [409, 'cancelled'],
};

/** The answer to a typed package error, or undefined for any other error (and for core's bugs). */
export function packageErrorAnswer(error: unknown): PackageErrorAnswer | undefined {
  if (error instanceof FormatError) {
    // A file the server itself wrote went missing: not the user's doing.
    if (error.code === 'not_found') return undefined;
    return error.code === 'not_sqlite'
      ? answer(415, 'unsupported_media_type', 'formats', error.problem)
      : answer(422, 'invalid_file', 'formats', error.problem);
  }
  if (error instanceof TraceError) {
    switch (error.code) {
      case 'cycle':
        return answer(
          422,
          'invalid_file',
          error.module,
          `${error.detail}; provenance must be acyclic`,
        );
      case 'invalid_trace':
        return answer(422, 'invalid_file', error.module, error.detail);
      case 'invalid_argument':
        return answer(400, 'bad_request', error.module, error.detail);
      case 'internal':
        return undefined;
    }
  }
  if (error instanceof WasteError) {
    const [status, code] = WASTE_STATUS[error.code];
    return answer(status, code, 'waste', error.message);
  }
  return undefined;
}

function answer(
  status: ContentfulStatusCode,
  code: string,
  module: string,
  problem: string,
): PackageErrorAnswer {
  return { status, code, module, problem };
}
