import { describe, expect, it } from 'vitest';
import {
  AbortError,
  ApiError,
  AuthError,
  ForbiddenError,
  HttpError,
  MalformedResponseError,
  NetworkError,
  NotFoundError,
  PaymentRequiredError,
  RateLimitError,
  TimeoutError,
  ValidationError,
  toPartFailure,
} from '../../src/api/errors';
import { parseValidationIssues } from '../../src/api/problem';
import { makeClient } from './fake';
import { createTranslator, type Dictionary } from '../../src/i18n/translate';
import { failureReason } from '../../src/snapshot/failure-reason';
import type { PartFailure } from '../../src/snapshot/types';
import en from '../../i18n/en.json';
import ru from '../../i18n/ru.json';

const problem = (status: number, title: string, detail: string) => ({
  status,
  body: { title, type: `https://httpstatus.es/${status}`, status, detail },
  headers: { 'Content-Type': 'application/problem+json' },
});

describe('typed errors name method and path', () => {
  it.each([
    [401, AuthError, 'unauthorized', 'GET /api/v4/users: 401 Unauthorized — token expired'],
    [402, PaymentRequiredError, 'payment', 'GET /api/v4/users: 402 Payment Required — token expired'],
    [403, ForbiddenError, 'forbidden', 'GET /api/v4/users: 403 Forbidden — token expired'],
    [404, NotFoundError, 'not-found', 'GET /api/v4/users: 404 Not Found — token expired'],
    [405, HttpError, 'http', 'GET /api/v4/users: 405 Method Not Allowed — token expired'],
    [422, ValidationError, 'validation', 'GET /api/v4/users: 422 Unprocessable Entity — token expired'],
  ] as const)('%i → %o', async (status, Type, kind, message) => {
    const title = {
      401: 'Unauthorized',
      402: 'Payment Required',
      403: 'Forbidden',
      404: 'Not Found',
      405: 'Method Not Allowed',
      422: 'Unprocessable Entity',
    }[status];
    const { client, calls } = makeClient([problem(status, title, 'token expired')]);
    const err = await client.list('/api/v4/users', 'users', { query: { with: 'role' } }).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(Type);
    expect(err).toBeInstanceOf(ApiError);
    expect((err as ApiError).message).toBe(message);
    expect((err as ApiError).path).toBe('/api/v4/users'); // the query stays out of the message
    expect((err as ApiError).method).toBe('GET');
    expect(toPartFailure(err)).toEqual({ kind, status, message });
    expect(calls).toHaveLength(1); // client errors are never retried
  });

  it('falls back to the status text when the body is not problem+json (an HTML page from a proxy)', async () => {
    const { client } = makeClient([
      { status: 502, statusText: 'Bad Gateway', body: '<html><body><h1>502 Bad Gateway</h1> nginx</body></html>' },
    ]);
    await expect(client.post('/api/v4/roles', [])).rejects.toThrow(
      'POST /api/v4/roles: 502 Bad Gateway — 502 Bad Gateway nginx',
    );
  });

  it('reads legacy {response: {error}} bodies', async () => {
    const { client } = makeClient([
      { status: 401, body: { response: { error: 'Account not found', error_code: 101 } } },
    ]);
    await expect(client.get('/api/v4/account')).rejects.toThrow(
      'GET /api/v4/account: 401 Unauthorized — Account not found',
    );
  });
});

describe('validation errors', () => {
  const body = {
    'validation-errors': [
      {
        request_id: '0',
        errors: [
          {
            code: 'NotSupportedChoice',
            path: 'custom_fields_values.0.field_id',
            detail: 'The value you selected is not a valid choice.',
          },
          { code: 'InvalidType', path: 'name', detail: 'This value should be of type string.' },
        ],
      },
    ],
    title: 'Bad Request',
    type: 'https://httpstatus.es/400',
    status: 400,
    detail: 'Request validation failed',
  };

  it('parses validation-errors into .errors', async () => {
    const { client } = makeClient([{ status: 400, body }]);
    const err = await client.post('/api/v4/leads', [{ name: 1 }]).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ValidationError);
    expect((err as ValidationError).errors).toEqual([
      {
        requestId: '0',
        code: 'NotSupportedChoice',
        path: 'custom_fields_values.0.field_id',
        detail: 'The value you selected is not a valid choice.',
      },
      { requestId: '0', code: 'InvalidType', path: 'name', detail: 'This value should be of type string.' },
    ]);
    expect((err as Error).message).toBe(
      'POST /api/v4/leads: 400 Bad Request — Request validation failed: ' +
        'custom_fields_values.0.field_id NotSupportedChoice (The value you selected is not a valid choice.) and 1 more',
    );
    expect((err as ValidationError).outcomeUnknown).toBe(false);
  });

  it('reads the sources-batch variant (inner errors as an object)', () => {
    expect(
      parseValidationIssues({
        errors: [{ request_id: 'r1', errors: { code: 'EntityNotFound', path: 'id', detail: 'no such source' } }],
      }),
    ).toEqual([{ requestId: 'r1', code: 'EntityNotFound', path: 'id', detail: 'no such source' }]);
  });

  it.each([
    [undefined],
    [null],
    ['text'],
    [{ 'validation-errors': 'x' }],
    [{ 'validation-errors': [null, 5, { errors: [null] }] }],
  ])('tolerates junk %j', (junk) => {
    expect(parseValidationIssues(junk)).toEqual([]);
  });
});

describe('toPartFailure', () => {
  const at = { method: 'GET' as const, path: '/api/v4/x', status: null };
  it.each([
    [new NetworkError(at), 'network', null],
    [new TimeoutError(at, 30000), 'timeout', null],
    [new RateLimitError({ ...at, status: 429 }, 1000), 'rate-limit', 429],
    [new MalformedResponseError({ ...at, status: 200 }, 'body is not JSON'), 'malformed', 200],
    [new HttpError({ ...at, status: 500 }), 'http', 500],
    [new AbortError(), 'aborted', null],
    [new DOMException('The operation was aborted.', 'AbortError'), 'aborted', null],
    [new TypeError('x is not a function'), 'unknown', null],
    ['a string', 'unknown', null],
  ])('%o → %s', (err, kind, status) => {
    const f = toPartFailure(err);
    expect(f.kind).toBe(kind);
    expect(f.status).toBe(status);
    expect(f.message.length).toBeGreaterThan(0);
  });

  it('every PartFailure kind has a human reason in both languages', () => {
    const kinds: PartFailure['kind'][] = [
      'forbidden',
      'unauthorized',
      'payment',
      'not-found',
      'network',
      'timeout',
      'rate-limit',
      'banned',
      'deadline',
      'too-large',
      'redirect',
      'off-origin',
      'http',
      'malformed',
      'validation',
      'aborted',
      'unknown',
    ];
    for (const [lang, dict] of [
      ['en', en],
      ['ru', ru],
    ] as const) {
      const t = createTranslator(dict as Dictionary, lang);
      for (const kind of kinds) {
        const text = failureReason({ kind, status: 403, message: 'raw message' }, t);
        expect(text, `${lang} ${kind}`).not.toBe('raw message');
        expect(text).not.toMatch(/^errors\.|\{/);
      }
    }
  });

  it.each([
    ['en', 120_000, /paused this integration's requests.*try again in 2 minutes/],
    ['en', 30_000, /try again in 1 minute$/],
    ['en', undefined, /try again in a few minutes/],
    ['ru', 300_000, /приостановила запросы.*через 5 минут/],
    ['ru', undefined, /через несколько минут/],
  ] as const)('a ban reads as a pause, not a missing right (%s, wait %s ms)', (lang, retryAfterMs, text) => {
    const t = createTranslator((lang === 'en' ? en : ru) as Dictionary, lang);
    const ban: PartFailure = { kind: 'banned', status: 403, message: 'raw', ...(retryAfterMs ? { retryAfterMs } : {}) };
    expect(failureReason(ban, t)).toMatch(text);
    expect(failureReason(ban, t)).not.toBe(failureReason({ kind: 'forbidden', status: 403, message: 'raw' }, t));
  });
});
