/** OpenAPI entries for JSON bodies, shared by every route file (and by the error response). */

/** The `content` of a request or response whose body is `schema` as JSON. */
export function jsonContent<T>(schema: T) {
  return { 'application/json': { schema } };
}

/** A response entry answering `schema` as JSON. */
export function jsonResponse<T>(description: string, schema: T) {
  return { description, content: jsonContent(schema) };
}
