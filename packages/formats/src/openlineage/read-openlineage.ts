/**
 * Reads OpenLineage events (a file of JSON lines or a JSON array, or events received live) into
 * traces: every event validated against the bundled schema, run events merged per run
 * (merge-runs.ts), runs and datasets mapped to executions and artifacts (runs-to-traces.ts).
 */
import { type RoleOverride, roleClassifier, type Trace } from '@graphlet/core';
import { FormatError } from '../format-error.ts';
import { isTemplatePlaceholder } from './event-time.ts';
import type { RunEvent } from './lineage-event.ts';
import { mergeRuns } from './merge-runs.ts';
import { type SourcedEvent, splitEvents } from './parse-events.ts';
import { runsToTraces } from './runs-to-traces.ts';
import { validateOpenLineageEvent } from './validate-event.ts';

/** Traces read from OpenLineage events, with notes on what was skipped or unknown. */
export interface LineageRead {
  readonly traces: Trace[];
  readonly warnings: string[];
}

/** Reads the text of an OpenLineage events file; `file` names it in errors. */
export function parseOpenLineage(
  text: string,
  file: string,
  options: { roleOverrides?: readonly RoleOverride[] } = {},
): LineageRead {
  return openLineageToTraces(splitEvents(text, file), file, options);
}

/** Validates events and builds traces; throws FormatError (`invalid_event`) naming the field. */
export function openLineageToTraces(
  events: readonly SourcedEvent[],
  file: string,
  options: { roleOverrides?: readonly RoleOverride[] } = {},
): LineageRead {
  if (events.length === 0) throw new FormatError('invalid_event', file, 'no OpenLineage events');
  const runEvents: RunEvent[] = [];
  let staticEvents = 0;
  let templated = 0;
  for (const { raw, where } of events) {
    const kind = validateOpenLineageEvent(raw, where, file);
    if (kind !== 'RunEvent') {
      staticEvents++;
      continue;
    }
    const e = raw as RunEvent;
    if (isTemplatePlaceholder(e.eventTime) || isTemplatePlaceholder(e.run.runId)) templated++;
    runEvents.push(e);
  }
  const warnings: string[] = [];
  if (staticEvents > 0) {
    warnings.push(
      `${staticEvents} static DatasetEvent or JobEvent metadata event(s) describe no run and were skipped`,
    );
  }
  if (templated > 0) {
    warnings.push(
      `${templated} event(s) carry {{...}} template placeholders for eventTime or runId: their times are unknown and runs are told apart by job`,
    );
  }
  const traces = runsToTraces(mergeRuns(runEvents), roleClassifier(options.roleOverrides));
  return { traces, warnings };
}
