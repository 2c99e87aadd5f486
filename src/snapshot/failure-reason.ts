import type { Translate } from '../i18n/translate';
import type { PartFailure } from './types';

/** A person-readable reason for a failed part: the errors.<kind> text, else the failure's own message. */
export function failureReason(failure: PartFailure, t: Translate): string {
  const key = `errors.${failure.kind}`;
  const text = t(key, { status: failure.status ?? '' });
  return text === key ? failure.message : text;
}
