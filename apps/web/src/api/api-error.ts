/** The one error type of the API client, built from the contract's error shape (`ErrorBodySchema`). */
import { ErrorBodySchema } from '@graphlet/contract';

const STATUS_HINTS: Readonly<Record<number, string>> = {
  401: 'The server needs an access token.',
  404: 'Not found.',
  413: 'The file is larger than the server accepts.',
  415: 'The server does not recognise this file type (expected an MLMD SQLite store or a JSON trace).',
  422: 'The file was recognised but could not be imported.',
};

/** An HTTP or validation failure with a message a person can act on. */
export class ApiError extends Error {
  readonly status: number;
  readonly code: string;

  constructor(status: number, code: string, message: string) {
    super(message);
    this.name = 'ApiError';
    this.status = status;
    this.code = code;
  }
}

/** Builds an ApiError from a response status and its (possibly non-JSON) body text. */
export function apiErrorFrom(status: number, bodyText: string): ApiError {
  let parsed: unknown;
  try {
    parsed = JSON.parse(bodyText);
  } catch {
    parsed = undefined;
  }
  const body = ErrorBodySchema.safeParse(parsed);
  if (body.success) return new ApiError(status, body.data.error.code, body.data.error.message);
  const hint = STATUS_HINTS[status] ?? `The server answered ${status}.`;
  return new ApiError(status, `http_${status}`, hint);
}

/** A readable message for any thrown value. */
export function errorMessage(error: unknown): string {
  if (error instanceof Error) return error.message;
  return String(error);
}
