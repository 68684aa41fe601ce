/** MLMD's integer codes for event types, execution states and artifact states (metadata_store.proto). */
import {
  ARTIFACT_STATES,
  type ArtifactState,
  EVENT_TYPES,
  type EventType,
  EXECUTION_STATES,
  type ExecutionState,
} from '@graphlet/core';

// EVENT_TYPES and ARTIFACT_STATES are listed in MLMD's numeric order (UNKNOWN = 0 first).

/** The event type name of an MLMD event code; UNKNOWN for codes MLMD does not define. */
export function eventTypeOf(code: number): EventType {
  return EVENT_TYPES[code] ?? 'UNKNOWN';
}

/** The MLMD code of an event type name. */
export function eventTypeCode(type: EventType): number {
  return EVENT_TYPES.indexOf(type);
}

/** Whether an event type links an input (INPUT, DECLARED_INPUT, INTERNAL_INPUT) or an output. */
export function eventKindOf(type: EventType): 'input' | 'output' | undefined {
  switch (type) {
    case 'INPUT':
    case 'DECLARED_INPUT':
    case 'INTERNAL_INPUT':
      return 'input';
    case 'OUTPUT':
    case 'DECLARED_OUTPUT':
    case 'INTERNAL_OUTPUT':
    case 'PENDING_OUTPUT':
      return 'output';
    default:
      return undefined;
  }
}

/** The execution state of `last_known_state` (NEW 1 ... CANCELED 6); `unknown` for null or 0. */
export function executionStateOf(code: number | null | undefined): ExecutionState {
  if (code === null || code === undefined) return 'unknown';
  return EXECUTION_STATES[code] ?? 'unknown';
}

/** The MLMD code of an execution state (0 for unknown). */
export function executionStateCode(state: ExecutionState): number {
  return EXECUTION_STATES.indexOf(state);
}

/** The artifact state of an MLMD code (UNKNOWN 0 ... REFERENCE 6). */
export function artifactStateOf(code: number | null | undefined): ArtifactState {
  if (code === null || code === undefined) return 'unknown';
  return ARTIFACT_STATES[code] ?? 'unknown';
}

/** The MLMD code of an artifact state. */
export function artifactStateCode(state: ArtifactState): number {
  return ARTIFACT_STATES.indexOf(state);
}
