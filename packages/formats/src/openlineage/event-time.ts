/**
 * OpenLineage time stamps: ISO 8601 date-times as clients write them. The Python client writes
 * naive times (no zone) and Marquez reads them as UTC, so do we. Test templates carry
 * `{{PLACEHOLDER}}` strings instead of times and run ids; those are recognised, never guessed.
 */

const DATE_TIME =
  /^(\d{4}-\d{2}-\d{2})[Tt ](\d{2}:\d{2}(?::\d{2})?)(\.\d+)?([Zz]|[+-]\d{2}(?::?\d{2})?)?$/;
const TEMPLATE = /^\{\{[^{}]*\}\}$/;

/** True for a template placeholder such as `{{RUN_START_TIME}}` or `{{ any(result) }}`. */
export function isTemplatePlaceholder(value: string): boolean {
  return TEMPLATE.test(value.trim());
}

/** Milliseconds since the epoch of an ISO 8601 date-time (zone optional, UTC when absent), or undefined. */
export function parseEventTime(value: string): number | undefined {
  const m = DATE_TIME.exec(value.trim());
  if (m === null) return undefined;
  const fraction = (m[3] ?? '').slice(0, 4); // milliseconds: a dot and three digits
  const zone =
    m[4] === undefined ? 'Z' : m[4].length === 5 ? `${m[4].slice(0, 3)}:${m[4].slice(3)}` : m[4];
  const ms = Date.parse(`${m[1]}T${m[2]}${fraction}${zone}`);
  return Number.isNaN(ms) ? undefined : ms;
}

/** An ISO 8601 UTC time stamp of milliseconds since the epoch. */
export function formatEventTime(ms: number): string {
  return new Date(ms).toISOString();
}
