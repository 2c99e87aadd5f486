import type { Lang } from '../i18n/translate';
import type { Message } from '../audit/types';
import type { Translate } from '../i18n/translate';

/** A timestamp as the CRM user reads it (date and time in the panel's language); the raw text if unparsable. */
export function formatWhen(iso: string, lang: Lang): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(lang, { dateStyle: 'medium', timeStyle: 'short' }).format(date);
}

/** Renders a Message (i18n key + params) with the panel's translator. */
export function say(t: Translate, message: Message): string {
  return t(message.key, message.params);
}
