/**
 * The widget's one `custom` setting (manifest `settings.baseline`) as text, both ways. It used to hold
 * only the baseline JSON, and a value that is just a baseline still reads as one. With a signed-off
 * set-up it becomes a small envelope — `{"setupAuditSettings": 1, "baseline": {…}|null, "signedOff":
 * {…}}` — and without one it is written as the bare baseline again, so the old shape is never lost.
 */
import type { Message } from '../audit/types';
import { signedOffFrom, type SignedOff } from './signed-off';

/** The key that marks the envelope, with its version as value. */
export const SETTING_MARK = 'setupAuditSettings';
const SETTING_VERSION = 1;

/**
 * Largest setting value we write, in bytes of its most escaped form (every non-ASCII character as
 * `\uXXXX`, 6 bytes, as a server may store it). amoCRM documents no limit for a widget's settings; they
 * are stored by the CRM and handed to the widget on every page, so we stay well under the 64 KB of a
 * common text column.
 */
export const MAX_SETTING_BYTES = 60_000;

/** What the setting holds. */
export interface SettingValue {
  /** The baseline JSON text; null = the default baseline. */
  baselineText: string | null;
  signedOff: SignedOff | null;
}

/** The setting read: what it holds, and why a part of it was set aside (the rest still works). */
export interface SettingRead extends SettingValue {
  problem: Message | null;
}

/** Reads the setting's text (null or blank = nothing saved). A baseline-only value is the old shape. */
export function readSettingValue(text: string | null): SettingRead {
  if (text === null || text.trim() === '') return { baselineText: null, signedOff: null, problem: null };
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    // Not JSON at all: it is handed on as a baseline, whose validation says what is wrong with it.
    return { baselineText: text, signedOff: null, problem: null };
  }
  if (typeof json !== 'object' || json === null || !(SETTING_MARK in json)) {
    return { baselineText: text, signedOff: null, problem: null };
  }
  const env = json as Record<string, unknown>;
  const baseline = env['baseline'];
  // A baseline that was not JSON when the envelope was written is kept as that text (loses nothing).
  const baselineText =
    baseline === null || baseline === undefined
      ? null
      : typeof baseline === 'string'
        ? baseline
        : JSON.stringify(baseline);
  if (env[SETTING_MARK] !== SETTING_VERSION) {
    return {
      baselineText,
      signedOff: null,
      problem: { key: 'blueprint.signOff.damaged', params: { detail: SETTING_MARK } },
    };
  }
  if (env['signedOff'] === null || env['signedOff'] === undefined)
    return { baselineText, signedOff: null, problem: null };
  const signed = signedOffFrom(env['signedOff']);
  return signed.ok
    ? { baselineText, signedOff: signed.value, problem: null }
    : { baselineText, signedOff: null, problem: signed.reason };
}

/** The setting's text: the bare baseline (or '' for the default) without a sign-off, the envelope with one. */
export function settingValueText(value: SettingValue): string {
  if (!value.signedOff) return value.baselineText ?? '';
  return JSON.stringify({
    [SETTING_MARK]: SETTING_VERSION,
    baseline: value.baselineText === null ? null : parsedOrText(value.baselineText),
    signedOff: value.signedOff,
  });
}

function parsedOrText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** Bytes of the text with every non-ASCII character escaped as `\uXXXX` (the largest form it may be stored in). */
export function escapedSize(text: string): number {
  let n = 0;
  for (let i = 0; i < text.length; i++) n += text.charCodeAt(i) < 0x80 ? 1 : 6;
  return n;
}

/** Whether a setting text fits the cap; with its size either way. */
export function settingFits(text: string): { fits: boolean; bytes: number; max: number } {
  const bytes = escapedSize(text);
  return { fits: bytes <= MAX_SETTING_BYTES, bytes, max: MAX_SETTING_BYTES };
}
