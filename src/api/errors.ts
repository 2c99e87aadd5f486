import type { PartFailure } from '../snapshot/types';

/** HTTP method as used by the client. */
export type Method = 'GET' | 'POST' | 'PATCH' | 'DELETE';

/** One entry of a `validation-errors` body, flattened. */
export interface ValidationIssue {
  requestId: string | null;
  code: string;
  path: string;
  detail: string;
}

/** Shared fields of every client error: which call failed and how. */
export interface ApiErrorInit {
  method: Method;
  path: string;
  status: number | null;
  /** Server's `detail` (or a short excerpt of a non-JSON body). */
  detail?: string;
  /** True for writes whose effect on the server is unknown: re-read the state before retrying. */
  outcomeUnknown?: boolean;
  cause?: unknown;
}

const UNKNOWN_OUTCOME = 'outcome unknown, re-read the state before retrying';

/** Base of all errors thrown by the API client; the message names method and path. */
export class ApiError extends Error {
  readonly method: Method;
  readonly path: string;
  readonly status: number | null;
  readonly detail: string | undefined;
  readonly outcomeUnknown: boolean;

  constructor(init: ApiErrorInit, what: string) {
    const tail = init.detail ? ` — ${init.detail}` : '';
    const unknown = init.outcomeUnknown ? ` (${UNKNOWN_OUTCOME})` : '';
    super(
      `${init.method} ${init.path}: ${what}${tail}${unknown}`,
      init.cause === undefined ? undefined : { cause: init.cause },
    );
    this.name = new.target.name;
    this.method = init.method;
    this.path = init.path;
    this.status = init.status;
    this.detail = init.detail;
    this.outcomeUnknown = init.outcomeUnknown ?? false;
  }
}

function statusWhat(status: number | null, title: string | undefined, fallback: string): string {
  return status === null ? fallback : `${status} ${title || fallback}`;
}

/** 401: token or session missing, expired or revoked. */
export class AuthError extends ApiError {
  constructor(init: ApiErrorInit, title?: string) {
    super(init, statusWhat(init.status, title, 'Unauthorized'));
  }
}

/** 403: not allowed (non-admin on users/roles, IP block, account blocked for rate abuse). */
export class ForbiddenError extends ApiError {
  constructor(init: ApiErrorInit, title?: string) {
    super(init, statusWhat(init.status, title, 'Forbidden'));
  }
}

/** 402: the subscription is over (writes blocked at once, reads after 30 days). */
export class PaymentRequiredError extends ApiError {
  constructor(init: ApiErrorInit, title?: string) {
    super(init, statusWhat(init.status, title, 'Payment Required'));
  }
}

/** 404: no such object or endpoint. */
export class NotFoundError extends ApiError {
  constructor(init: ApiErrorInit, title?: string) {
    super(init, statusWhat(init.status, title, 'Not Found'));
  }
}

/** 400/422: the request was rejected; `errors` lists the `validation-errors` entries. */
export class ValidationError extends ApiError {
  readonly errors: ValidationIssue[];
  constructor(init: ApiErrorInit, errors: ValidationIssue[], title?: string) {
    const first = errors[0];
    const detail = first
      ? `${init.detail ? `${init.detail}: ` : ''}${first.path} ${first.code}${first.detail ? ` (${first.detail})` : ''}` +
        (errors.length > 1 ? ` and ${errors.length - 1} more` : '')
      : init.detail;
    super({ ...init, detail }, statusWhat(init.status, title, 'Bad Request'));
    this.errors = errors;
  }
}

/** 429 that persisted after every retry (or asked for a longer wait than allowed). */
export class RateLimitError extends ApiError {
  /** The wait the server asked for, when it said; ms. */
  readonly retryAfterMs: number | null;
  constructor(init: ApiErrorInit, retryAfterMs: number | null, title?: string) {
    super(init, statusWhat(init.status, title, 'Too Many Requests'));
    this.retryAfterMs = retryAfterMs;
  }
}

/** Any other non-success HTTP status (5xx after retries, 405, 409, …). */
export class HttpError extends ApiError {
  constructor(init: ApiErrorInit, title?: string) {
    super(init, statusWhat(init.status, title, 'HTTP error'));
  }
}

/** The request did not complete at the network level (DNS, refused, reset, CORS). */
export class NetworkError extends ApiError {
  constructor(init: ApiErrorInit) {
    super(init, 'network error, the CRM did not answer');
  }
}

/** No answer within the client's per-request timeout. */
export class TimeoutError extends ApiError {
  constructor(init: ApiErrorInit, timeoutMs: number) {
    super(init, `no answer within ${timeoutMs} ms`);
  }
}

/** The body was not JSON, or not the envelope the call expects (e.g. a list page without `_embedded`). */
export class MalformedResponseError extends ApiError {
  constructor(init: ApiErrorInit, problem: string) {
    super(init, `${init.status ?? ''} malformed response: ${problem}`.trim());
  }
}

/**
 * 403 that is a rate-limit ban, not a missing right: it followed 429s, or its body is the ban answer
 * (amoCRM's "account blocked for repeated rate-limit violations", Kommo's IP restriction, or the HTML page an
 * edge proxy serves instead of problem+json). `retryAfterMs` is the wait the server named, when it did.
 */
export class RateLimitBanError extends ApiError {
  readonly retryAfterMs: number | null;
  constructor(init: ApiErrorInit, retryAfterMs: number | null, title?: string) {
    super(init, `${statusWhat(init.status, title, 'Forbidden')}: requests paused for exceeding the rate limit`);
    this.retryAfterMs = retryAfterMs;
  }
}

/** A 3xx answer: never followed (the token must not travel), reported with the location's origin. */
export class RedirectError extends ApiError {
  /** Origin of the `Location` header; null when the browser hides it (an opaque redirect). */
  readonly locationOrigin: string | null;
  constructor(init: ApiErrorInit, locationOrigin: string | null) {
    super(
      init,
      `${init.status ?? ''} redirect to ${locationOrigin ?? 'a hidden location'} not followed (requests stay on the account's own address)`.trim(),
    );
    this.locationOrigin = locationOrigin;
  }
}

/** A path or `_links.next` that leaves the account's API (another origin, or not under /api/v4/). */
export class OffOriginError extends ApiError {
  constructor(init: ApiErrorInit, target: string) {
    super(init, `refused to request ${target}: only the account's own /api/v4/ is allowed`);
  }
}

/** The answer grew past the body cap; reading stopped there. */
export class TooLargeError extends ApiError {
  readonly maxBytes: number;
  constructor(init: ApiErrorInit, maxBytes: number) {
    super(init, `${init.status ?? ''} answer larger than ${maxBytes} bytes, reading stopped`.trim());
    this.maxBytes = maxBytes;
  }
}

/** The audit's overall deadline passed (or a wait would cross it); the request was not sent. */
export class DeadlineError extends ApiError {
  constructor(init: ApiErrorInit) {
    super(init, "not sent: the run's time limit is used up");
  }
}

/** The caller aborted via its AbortSignal; never retried. `name` is 'AbortError' like the platform's. */
export class AbortError extends Error {
  constructor(message = 'The operation was aborted', cause?: unknown) {
    super(message, cause === undefined ? undefined : { cause });
    this.name = 'AbortError';
  }
}

/** True for any abort-shaped error (ours, DOMException, or an undici one). */
export function isAbortError(err: unknown): boolean {
  return typeof err === 'object' && err !== null && (err as { name?: unknown }).name === 'AbortError';
}

/** Error classes in the order they are tested (subclasses before their bases), with the failure kind each maps to. */
const KINDS: [abstract new (...args: never[]) => Error, PartFailure['kind']][] = [
  [AuthError, 'unauthorized'],
  [RateLimitBanError, 'banned'],
  [ForbiddenError, 'forbidden'],
  [PaymentRequiredError, 'payment'],
  [NotFoundError, 'not-found'],
  [ValidationError, 'validation'],
  [RateLimitError, 'rate-limit'],
  [DeadlineError, 'deadline'],
  [TimeoutError, 'timeout'],
  [NetworkError, 'network'],
  [TooLargeError, 'too-large'],
  [RedirectError, 'redirect'],
  [OffOriginError, 'off-origin'],
  [MalformedResponseError, 'malformed'],
  [HttpError, 'http'],
];

/** Map anything thrown by a gatherer to the PartFailure value stored in a snapshot. */
export function toPartFailure(err: unknown): PartFailure {
  const message = err instanceof Error ? err.message : String(err);
  const status = err instanceof ApiError ? err.status : null;
  const kind = KINDS.find(([cls]) => err instanceof cls)?.[1] ?? (isAbortError(err) ? 'aborted' : 'unknown');
  const failure: PartFailure = { kind, status, message };
  if (err instanceof RateLimitBanError && err.retryAfterMs !== null) failure.retryAfterMs = err.retryAfterMs;
  return failure;
}
