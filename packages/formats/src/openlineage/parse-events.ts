/**
 * Splits a file of OpenLineage events into events: a JSON array, JSON lines (one event per line,
 * as the file transport writes them), or a single event. Each event keeps where it came from
 * (`events[3]`, `line 4`, `event`) for error messages.
 */
import { FormatError } from '../format-error.ts';
import { checkJsonDepth } from '../json-depth.ts';
import { parseJson } from '../json-text.ts';

/** A parsed event and where it was in the input. */
export interface SourcedEvent {
  readonly raw: unknown;
  readonly where: string;
}

/** The events of a file's text; throws FormatError `invalid_json` naming the line or position. */
export function splitEvents(text: string, file: string): SourcedEvent[] {
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const first = body.trimStart()[0];
  if (first === '[') {
    const value = parseJson(body, file, 'the JSON array');
    checkJsonDepth(value, file, '$');
    if (!Array.isArray(value)) throw new FormatError('invalid_json', file, 'not a JSON array');
    return value.map((raw, i) => ({ raw, where: `events[${i}]` }));
  }
  let single: unknown;
  try {
    single = JSON.parse(body);
  } catch {
    single = undefined; // not one document: JSON lines
  }
  if (single !== undefined) {
    checkJsonDepth(single, file, '$');
    return [{ raw: single, where: 'event' }];
  }
  const events: SourcedEvent[] = [];
  body.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    const raw = parseJson(line, file, `line ${i + 1}`);
    checkJsonDepth(raw, file, `line ${i + 1}: $`);
    events.push({ raw, where: `line ${i + 1}` });
  });
  return events;
}
