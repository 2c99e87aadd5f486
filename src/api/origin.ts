/**
 * The one origin the token may go to. Every request URL is the account's base URL plus a path under
 * `/api/v4/`; anything that would send a request elsewhere (a path without the leading slash, a `next`
 * link on another host, a scheme-relative href) is refused before any byte leaves.
 */

/** The API's own prefix: every path the client sends starts with it. */
export const API_PREFIX = '/api/v4/';

/** Loopback hosts, the only ones where plain `http://` cannot expose the token on the wire. */
export function isLoopbackHost(hostname: string): boolean {
  const h = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return h === 'localhost' || h.endsWith('.localhost') || h === '::1' || /^127(?:\.\d{1,3}){3}$/.test(h);
}

/** Why a base URL was refused, or null when it is usable. */
export function baseUrlProblem(baseUrl: string): string | null {
  if (baseUrl === '') return null;
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch {
    return `the account address is not a URL: "${baseUrl}"`;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return 'the account address must be https://';
  if (url.protocol === 'http:' && !isLoopbackHost(url.hostname))
    return `plain http:// would send the token unencrypted to ${url.host}; use https:// (http is allowed for loopback only)`;
  if (url.username || url.password) return 'the account address must not carry credentials';
  if (url.pathname !== '/' || url.search || url.hash) return 'the account address must be an origin, without a path';
  return null;
}

/** True when a path (with its query) is a request to the API itself, with nothing that could change the host. */
export function isApiPath(path: string): boolean {
  if (!path.startsWith(API_PREFIX)) return false;
  // Backslashes are read as slashes by URL parsers; dot segments could climb out of /api/v4/.
  if (path.includes('\\') || /[\u0000-\u001f\u007f\s]/.test(path)) return false;
  const pathname = path.split(/[?#]/, 1)[0] ?? '';
  return !pathname.split('/').some((seg) => seg === '..' || seg === '.' || /^%2e/i.test(seg));
}

/**
 * Path and query of a `next` href when it stays on the account's API: a relative `/api/v4/…` href, or an
 * absolute one on exactly `origin`. Null for anything else (another host, another scheme, no origin to
 * compare with, a path outside the API).
 */
export function sameOriginApiTarget(href: string, origin: string | null): string | null {
  const trimmed = href.trim();
  if (trimmed.startsWith('/') && !trimmed.startsWith('//')) return isApiPath(trimmed) ? trimmed : null;
  let url: URL;
  try {
    url = new URL(trimmed);
  } catch {
    return null;
  }
  if (origin === null || url.origin !== origin || url.username || url.password) return null;
  const target = `${url.pathname}${url.search}`;
  return isApiPath(target) ? target : null;
}

/** Origin of a URL for messages ("https://evil.example"), or the raw text cut short when it is not one. */
export function originOf(href: string, base?: string): string {
  try {
    return new URL(href, base).origin;
  } catch {
    return href.length > 80 ? `${href.slice(0, 77)}...` : href;
  }
}
