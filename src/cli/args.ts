import { parseArgs, type ParseArgsConfig } from 'node:util';
import { usageError } from './errors';
import type { Lang } from '../i18n/translate';

/** Option specs shared by every command that talks to an account. */
export const ACCOUNT_OPTIONS = {
  'base-url': { type: 'string' },
  subdomain: { type: 'string' },
  domain: { type: 'string' },
  lang: { type: 'string' },
  baseline: { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const satisfies ParseArgsConfig['options'];

/** Parse a command's flags strictly: an unknown flag or a missing value is a usage error naming it. */
export function parseFlags<O extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: O) {
  if (argv.some((a) => a === '--token' || a.startsWith('--token='))) {
    throw usageError('the token is read from the AMO_TOKEN environment variable, never from a flag');
  }
  try {
    return parseArgs({ args: argv, options, strict: true, allowPositionals: false });
  } catch (err) {
    throw usageError((err as Error).message.replace(/\. To specify.*$/s, ''));
  }
}

/** --lang: ru or en (default from LANG, else ru). */
export function langFlag(value: string | undefined, env: Record<string, string | undefined>): Lang {
  if (value === undefined) return (env.LANG ?? '').toLowerCase().startsWith('en') ? 'en' : 'ru';
  if (value === 'ru' || value === 'en') return value;
  throw usageError(`--lang must be ru or en (got "${value}")`);
}

/** A whole-number flag within bounds. */
export function numberFlag(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isFinite(n) || n < min || n > max)
    throw usageError(`--${name} must be a number from ${min} to ${max} (got "${value}")`);
  return n;
}
