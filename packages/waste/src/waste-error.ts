/** The one error type of @graphlet/waste: a code a caller maps to an exit code or HTTP status. */

/** Why the experiment cannot run or a request about it is wrong. */
export const WASTE_ERROR_CODES = [
  'too_few_graphlets',
  'too_few_pipelines',
  'one_class',
  'invalid_trace',
  'unknown_variant',
  'invalid_policy',
  'invalid_features',
  'cancelled',
  'too_large',
] as const;
export type WasteErrorCode = (typeof WASTE_ERROR_CODES)[number];

/**
 * An error a person can act on; the message never carries a stack or a module prefix.
 * @example if (error instanceof WasteError && error.code === 'one_class') exit(2);
 */
export class WasteError extends Error {
  override readonly name = 'WasteError';
  readonly code: WasteErrorCode;
  constructor(code: WasteErrorCode, message: string) {
    super(message);
    this.code = code;
  }
}
