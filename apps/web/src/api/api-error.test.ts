import { ERROR_CODES, type ErrorBody } from '@graphlet/contract';
import { describe, expect, it } from 'vitest';
import { ApiError, apiErrorFrom, errorMessage } from './api-error.ts';

describe('apiErrorFrom', () => {
  it("reads the contract's error shape, details included", () => {
    const body: ErrorBody = {
      error: { code: 'not_found', message: 'traces: no trace with id "abc-1"', details: { id: 1 } },
    };
    const error = apiErrorFrom(404, JSON.stringify(body));
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ status: 404, code: 'not_found', message: body.error.message });
    expect(ERROR_CODES).toContain(error.code);
  });

  it('explains a status whose body is not the error shape', () => {
    expect(apiErrorFrom(413, '<html>too large</html>')).toMatchObject({
      code: 'http_413',
      message: 'The file is larger than the server accepts.',
    });
    expect(apiErrorFrom(502, JSON.stringify({ error: 'bad gateway' }))).toMatchObject({
      code: 'http_502',
      message: 'The server answered 502.',
    });
  });
});

describe('errorMessage', () => {
  it('reads any thrown value', () => {
    expect(errorMessage(new Error('boom'))).toBe('boom');
    expect(errorMessage('plain')).toBe('plain');
  });
});
