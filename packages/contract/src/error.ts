/** The one error shape every API failure answers with. */
import { z } from 'zod';
import { jsonResponse } from './json-content.ts';

/** Machine-readable error codes; the HTTP status says the class, the code says which case. */
export const ERROR_CODES = [
  'bad_request',
  'unauthorized',
  'forbidden',
  'not_found',
  'request_timeout',
  'payload_too_large',
  'unsupported_media_type',
  'invalid_file',
  'invalid_event',
  'insufficient_storage',
  'unreachable',
  'unsupported_store',
  'queue_full',
  'internal',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];

export const ErrorBodySchema = z
  .object({
    error: z.object({
      code: z.string().meta({ example: 'not_found' }),
      message: z.string().meta({ example: 'traces: no trace with id "abc-1"' }),
      details: z.unknown().optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof ErrorBodySchema>;

/** An OpenAPI response entry answering with the error shape. */
export function errorResponse(description: string) {
  return jsonResponse(description, ErrorBodySchema);
}
