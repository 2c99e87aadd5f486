import type { AccountDto } from './dto';
import { MalformedResponseError } from './errors';

/**
 * The `/api/v4/account` answer, or a MalformedResponseError when it is not an account: an empty body, `{}`,
 * or an object without the id and subdomain every account has. An audit of nothing must not look like a pass.
 */
export function assertAccount(data: unknown, status: number | null = 200): AccountDto {
  const rec =
    typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as Record<string, unknown>) : null;
  const ok =
    rec !== null &&
    typeof rec.id === 'number' &&
    rec.id > 0 &&
    typeof rec.subdomain === 'string' &&
    rec.subdomain !== '';
  if (!ok) {
    const what = rec === null ? 'no account in the answer' : 'the account answer has no id or subdomain';
    throw new MalformedResponseError({ method: 'GET', path: '/api/v4/account', status }, what);
  }
  return data as AccountDto;
}
