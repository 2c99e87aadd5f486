import { ApiClient, baseUrlFor } from '../api/client';
import { usageError } from './errors';
import type { CliIo } from './io';

/** Base URL from --base-url, or from --subdomain with --domain (amocrm.ru by default). */
export function resolveBaseUrl(values: { 'base-url'?: string; subdomain?: string; domain?: string }): string {
  if (values['base-url']) {
    let url: URL;
    try {
      url = new URL(values['base-url']);
    } catch {
      throw usageError(`--base-url is not a URL: "${values['base-url']}"`);
    }
    if (url.protocol !== 'https:' && url.protocol !== 'http:') throw usageError('--base-url must be http(s)');
    if (url.username || url.password) throw usageError('--base-url must not carry credentials; use AMO_TOKEN');
    return url.origin;
  }
  if (values.subdomain) {
    const domain = values.domain ?? 'amocrm.ru';
    if (domain !== 'amocrm.ru' && domain !== 'kommo.com') throw usageError('--domain must be amocrm.ru or kommo.com');
    if (!/^[a-z0-9-]+$/i.test(values.subdomain))
      throw usageError(`--subdomain is not a subdomain: "${values.subdomain}"`);
    return baseUrlFor({ subdomain: values.subdomain, domain });
  }
  throw usageError('say which account: --base-url URL or --subdomain NAME [--domain amocrm.ru|kommo.com]');
}

/** An API client for the account, with the token from AMO_TOKEN (never from a flag). */
export function connect(values: { 'base-url'?: string; subdomain?: string; domain?: string }, io: CliIo): ApiClient {
  const baseUrl = resolveBaseUrl(values);
  const token = io.env.AMO_TOKEN?.trim();
  if (!token) throw usageError('set the AMO_TOKEN environment variable to a long-lived token of the account');
  return new ApiClient({ baseUrl, token, fetch: io.fetch });
}
