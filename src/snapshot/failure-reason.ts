import type { Translate } from '../i18n/translate';
import type { PartFailure } from './types';

/** A person-readable reason for a failed part: the errors.<kind> text, else the failure's own message. */
export function failureReason(failure: PartFailure, t: Translate): string {
  // A ban's length is undocumented: name the server's wait when it gave one, else say "a few minutes".
  const banned = failure.kind === 'banned';
  const key = banned && failure.retryAfterMs === undefined ? 'errors.banned-later' : `errors.${failure.kind}`;
  const minutes = Math.max(1, Math.ceil((failure.retryAfterMs ?? 0) / 60_000));
  const text = t(key, { status: failure.status ?? '', count: minutes });
  return text === key ? failure.message : text;
}
