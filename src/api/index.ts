/** Public surface of the API v4 client. */
export { ApiClient, baseUrlFor } from './client';
export type { ApiClientOptions, ClientStats, ListOptions } from './client';
export type { Query } from './query';
export { buildQuery } from './query';
export { Throttle, sharedThrottle, DEFAULT_RPS } from './throttle';
export type { ThrottleOptions } from './throttle';
export {
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
  isAbortError,
  toPartFailure,
} from './errors';
export type { Method, ValidationIssue } from './errors';
