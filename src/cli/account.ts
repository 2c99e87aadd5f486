import { ApiClient, baseUrlFor } from '../api/client';
import type { AccountDto } from '../api/dto';
import { isLoopbackHost } from '../api/origin';
import {
  AuthError,
  ForbiddenError,
  MalformedResponseError,
  NetworkError,
  NotFoundError,
  PaymentRequiredError,
  TimeoutError,
} from '../api/errors';
import { type CliError, unreachableError, usageError } from './errors';
import type { CliIo } from './io';
import { reuseOnce } from './reuse-once';

/** The flags that say which account a command talks to. */
export interface AccountFlags {
  'base-url'?: string;
  subdomain?: string;
  domain?: string;
}

/** An account that answered: the client every later request goes through, and what `/account` said. */
export interface OpenAccount {
  client: ApiClient;
  baseUrl: string;
  account: AccountDto;
}

/** How long the first request may take before the account counts as not answering. */
export const PROBE_TIMEOUT_MS = 10_000;

// The gatherer's own read of the account: the probe asks exactly this, so its answer can be reused.
const PROBE_PATH = '/api/v4/account';
const PROBE_QUERY = { with: 'users_groups' };

/** Base URL from --base-url, or from --subdomain with --domain (amocrm.ru by default). */
export function resolveBaseUrl(values: AccountFlags): string {
  if (values['base-url'] !== undefined) {
    if (values.subdomain !== undefined) throw usageError('flagsConflict', { a: '--base-url', b: '--subdomain' });
    if (values.domain !== undefined) throw usageError('flagsConflict', { a: '--base-url', b: '--domain' });
    let url: URL;
    try {
      url = new URL(values['base-url']);
    } catch {
      throw usageError('baseUrlInvalid', { value: values['base-url'] });
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:')
      throw usageError('baseUrlScheme', { value: url.protocol });
    if (url.username || url.password) throw usageError('baseUrlCredentials');
    // The token would cross the network in clear text; loopback (the emulator) never leaves the machine.
    if (url.protocol === 'http:' && !isLoopbackHost(url.hostname))
      throw usageError('baseUrlPlainHttp', { host: url.host });
    return url.origin;
  }
  if (values.subdomain !== undefined) {
    const domain = values.domain ?? 'amocrm.ru';
    if (domain !== 'amocrm.ru' && domain !== 'kommo.com') throw usageError('domainChoice', { value: domain });
    try {
      return baseUrlFor({ subdomain: values.subdomain, domain });
    } catch {
      throw usageError('subdomainInvalid', { value: values.subdomain });
    }
  }
  if (values.domain !== undefined) throw usageError('domainWithoutSubdomain');
  throw usageError('whichAccount');
}

/** The token from AMO_TOKEN (never from a flag). */
export function tokenFrom(io: CliIo): string {
  const token = io.env.AMO_TOKEN?.trim();
  if (!token) throw usageError('tokenMissing');
  return token;
}

/** The socket error's code, searched down the `cause` chain (undici wraps it, sometimes in an AggregateError). */
function errorCode(err: unknown, depth = 0): string | undefined {
  if (depth > 5 || typeof err !== 'object' || err === null) return undefined;
  const e = err as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof e.code === 'string' && e.code.startsWith('E')) return e.code;
  if (Array.isArray(e.errors) && e.errors.length > 0) return errorCode(e.errors[0], depth + 1);
  return errorCode(e.cause, depth + 1);
}

/** Why the account's first answer ends the run (exit 3), or null when it is worth the full client's retries. */
function probeFailure(err: unknown, baseUrl: string): CliError | null {
  if (err instanceof AuthError) return unreachableError('tokenRefused', { url: baseUrl });
  if (err instanceof ForbiddenError) return unreachableError('forbidden', { url: baseUrl, reason: err.message });
  if (err instanceof PaymentRequiredError) return unreachableError('payment', { url: baseUrl });
  if (err instanceof NotFoundError || err instanceof MalformedResponseError)
    return unreachableError('notAnAccount', { url: baseUrl, reason: err.message });
  if (err instanceof TimeoutError)
    return unreachableError('noAnswerTimeout', { url: baseUrl, seconds: PROBE_TIMEOUT_MS / 1000 });
  if (err instanceof NetworkError) {
    const code = errorCode(err.cause);
    if (code === 'ECONNREFUSED') return unreachableError('noAnswerRefused', { url: baseUrl });
    if (code === 'ENOTFOUND' || code === 'EAI_AGAIN') return unreachableError('noAnswerDns', { url: baseUrl });
    return unreachableError('noAnswer', { url: baseUrl, reason: err.detail ?? err.message });
  }
  // 429 and gateway errors are passing trouble: the audit's own client waits and retries them.
  return null;
}

/**
 * The one edge of every command that talks to an account: resolve the account, read the token, and ask
 * the account once, without retries, whether it answers and accepts the token. A refused connection, a
 * refused token or a host that is not an amoCRM account ends the run with exit 3 and one line in seconds
 * (the full client would retry with backoff for much longer). The probe asks what the audit's first
 * gatherer asks, and that answer is handed to it, so the check costs no request of its own.
 */
export async function openAccount(values: AccountFlags, io: CliIo): Promise<OpenAccount> {
  const baseUrl = resolveBaseUrl(values);
  const token = tokenFrom(io);
  const reuse = reuseOnce(io.fetch ?? ((input, init) => fetch(input, init)));
  const read = (client: ApiClient) => client.get<AccountDto>(PROBE_PATH, { query: PROBE_QUERY });
  const quick = new ApiClient({ baseUrl, token, maxRetries: 0, timeoutMs: PROBE_TIMEOUT_MS, fetch: reuse.keeping });
  let account: AccountDto | null;
  try {
    account = await read(quick);
  } catch (err) {
    const failure = probeFailure(err, baseUrl);
    if (failure) throw failure;
    // Passing trouble (429, 502–504): read the account again with the full client's patience.
    try {
      account = await read(new ApiClient({ baseUrl, token, fetch: reuse.keeping }));
    } catch (again) {
      throw (
        probeFailure(again, baseUrl) ?? unreachableError('noAnswer', { url: baseUrl, reason: (again as Error).message })
      );
    }
  }
  if (account === null || typeof account !== 'object' || typeof account.id !== 'number')
    throw unreachableError('notAnAccount', { url: baseUrl, reason: `GET ${PROBE_PATH}` });
  return { client: new ApiClient({ baseUrl, token, fetch: reuse.serving }), baseUrl, account };
}
