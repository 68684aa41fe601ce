import { CycleError, TraceError } from '@graphlet/core';
import { FormatError } from '@graphlet/formats';
import { WasteError } from '@graphlet/waste';
import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { handleError } from './api-error.ts';
import { packageErrorAnswer } from './package-errors.ts';

describe('packageErrorAnswer', () => {
  it.each([
    [
      new FormatError('not_sqlite', '/tmp/u1', 'not an SQLite database or JSON trace'),
      415,
      'unsupported_media_type',
    ],
    [new FormatError('truncated', '/tmp/u1', 'truncated'), 422, 'invalid_file'],
    [new FormatError('not_mlmd', '/tmp/u1', 'no MLMD tables'), 422, 'invalid_file'],
    [new CycleError('p', ['e1', 'a1']), 422, 'invalid_file'],
    [
      new TraceError('invalid_trace', 'core', "trace 'p' has two executions with id 3"),
      422,
      'invalid_file',
    ],
    [new TraceError('invalid_argument', 'waste', 'window must be 1..50'), 400, 'bad_request'],
    [new WasteError('invalid_policy', 'not a policy'), 400, 'bad_request'],
    [new WasteError('unknown_variant', 'no such variant'), 400, 'bad_request'],
    [new WasteError('too_few_graphlets', 'only 3'), 422, 'too_few_graphlets'],
    [new WasteError('one_class', 'all pushed'), 422, 'one_class'],
  ])('maps %s to %i %s, never naming the file', (error, status, code) => {
    const answer = packageErrorAnswer(error);
    expect(answer).toMatchObject({ status, code });
    expect(answer?.problem).not.toContain('/tmp/u1');
  });

  it('says why a cycle is refused', () => {
    expect(packageErrorAnswer(new CycleError('p', ['e1', 'a1']))?.problem).toBe(
      "trace 'p' is not a DAG: e1 -> a1 -> e1; provenance must be acyclic",
    );
  });

  it('leaves bugs to the 500 path: core invariants, missing server files, untyped errors', () => {
    expect(packageErrorAnswer(new TraceError('internal', 'core', 'broken'))).toBeUndefined();
    expect(packageErrorAnswer(new FormatError('not_found', '/tmp/u1', 'gone'))).toBeUndefined();
    expect(packageErrorAnswer(new Error('core: trace p'))).toBeUndefined();
  });

  it('answers through the error handler with the error shape and the module prefix', async () => {
    const app = new Hono();
    app.onError(handleError);
    app.get('/policy', () => {
      throw new WasteError('invalid_policy', 'not a policy');
    });
    app.get('/options', () => {
      throw new TraceError('invalid_argument', 'stats', 'binsPerDecade must be at least 1');
    });
    const policy = await app.request('/policy');
    expect(policy.status).toBe(400);
    expect(await policy.json()).toEqual({
      error: { code: 'bad_request', message: 'waste: not a policy' },
    });
    const options = await app.request('/options');
    expect(options.status).toBe(400);
    expect(await options.json()).toEqual({
      error: { code: 'bad_request', message: 'stats: binsPerDecade must be at least 1' },
    });
  });
});
