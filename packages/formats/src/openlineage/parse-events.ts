/**
 * Splits a file of OpenLineage events into events: a JSON array, JSON lines (one event per line,
 * as the file transport writes them), or a single event. Each event keeps where it came from
 * (`events[3]`, `line 4`, `event`) for error messages.
 */
import { FormatError } from '../format-error.ts';

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
    if (!Array.isArray(value)) throw new FormatError('invalid_json', file, 'not a JSON array');
    return value.map((raw, i) => ({ raw, where: `events[${i}]` }));
  }
  try {
    return [{ raw: JSON.parse(body), where: 'event' }];
  } catch {
    // Not one document: JSON lines.
  }
  const events: SourcedEvent[] = [];
  body.split('\n').forEach((line, i) => {
    if (line.trim() === '') return;
    events.push({ raw: parseJson(line, file, `line ${i + 1}`), where: `line ${i + 1}` });
  });
  return events;
}

function parseJson(text: string, file: string, what: string): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new FormatError(
      'invalid_json',
      file,
      `${what}: not valid JSON (${(error as Error).message})`,
    );
  }
}
