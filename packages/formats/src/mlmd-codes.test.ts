import { describe, expect, it } from 'vitest';
import {
  artifactStateOf,
  eventKindOf,
  eventTypeCode,
  eventTypeOf,
  executionStateCode,
  executionStateOf,
} from './mlmd-codes.ts';

describe('MLMD codes', () => {
  it('maps event codes to types and directions', () => {
    expect([1, 2, 3, 4, 5, 6, 7].map((c) => [eventTypeOf(c), eventKindOf(eventTypeOf(c))])).toEqual(
      [
        ['DECLARED_OUTPUT', 'output'],
        ['DECLARED_INPUT', 'input'],
        ['INPUT', 'input'],
        ['OUTPUT', 'output'],
        ['INTERNAL_INPUT', 'input'],
        ['INTERNAL_OUTPUT', 'output'],
        ['PENDING_OUTPUT', 'output'],
      ],
    );
    expect(eventKindOf(eventTypeOf(0))).toBeUndefined();
    expect(eventTypeOf(99)).toBe('UNKNOWN');
    expect(eventTypeCode('PENDING_OUTPUT')).toBe(7);
  });

  it('maps execution and artifact states', () => {
    expect([1, 2, 3, 4, 5, 6].map(executionStateOf)).toEqual([
      'new',
      'running',
      'complete',
      'failed',
      'cached',
      'canceled',
    ]);
    expect(executionStateOf(null)).toBe('unknown');
    expect(executionStateCode('cached')).toBe(5);
    expect([0, 1, 2, 3, 4, 5, 6].map(artifactStateOf)).toEqual([
      'unknown',
      'pending',
      'live',
      'marked_for_deletion',
      'deleted',
      'abandoned',
      'reference',
    ]);
  });
});
