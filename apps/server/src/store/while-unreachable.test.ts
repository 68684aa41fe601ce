import { describe, expect, it } from 'vitest';
import { whileUnreachable } from './while-unreachable.ts';

/** An operation failing with `errors` in turn, then answering 'ok'; counts its calls. */
function failing(errors: unknown[]) {
  let calls = 0;
  const operation = async () => {
    const error = errors[calls++];
    if (error !== undefined) throw error;
    return 'ok';
  };
  return { operation, calls: () => calls };
}

const coded = (code: string, message = code) => Object.assign(new Error(message), { code });

describe('whileUnreachable', () => {
  it('runs again while the database is refused, cut or shutting down', async () => {
    const op = failing([
      coded('ECONNREFUSED'),
      coded('57P01', 'terminating connection due to administrator command'),
      new Error('Connection terminated unexpectedly'),
      coded('08006'),
    ]);
    await expect(whileUnreachable(op.operation)).resolves.toBe('ok');
    expect(op.calls()).toBe(5);
  });

  it('fails at once on an error of the operation itself', async () => {
    const op = failing([coded('23503', 'violates foreign key constraint')]);
    await expect(whileUnreachable(op.operation)).rejects.toThrow(/foreign key/);
    expect(op.calls()).toBe(1);
  });
});
