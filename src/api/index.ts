/** Public surface of the API v4 client. */
export { ApiClient, baseUrlFor, DEFAULT_MAX_BODY_BYTES, DEFAULT_IDLE_TIMEOUT_MS } from './client';
export type { ApiClientOptions, ClientStats, ListOptions, RunLimits } from './client';
export { baseUrlProblem, isApiPath, isLoopbackHost } from './origin';
export type { Query } from './query';
export { buildQuery } from './query';
export { Throttle, sharedThrottle, DEFAULT_RPS } from './throttle';
export type { ThrottleOptions } from './throttle';
export {
  AbortError,
  ApiError,
  AuthError,
  DeadlineError,
  ForbiddenError,
  HttpError,
  MalformedResponseError,
  NetworkError,
  NotFoundError,
  OffOriginError,
  PaymentRequiredError,
  RateLimitBanError,
  RateLimitError,
  RedirectError,
  TimeoutError,
  TooLargeError,
  ValidationError,
  isAbortError,
  toPartFailure,
} from './errors';
export type { Method, ValidationIssue } from './errors';
