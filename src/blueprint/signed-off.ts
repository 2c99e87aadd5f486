/**
 * The signed-off set-up: the configuration document an admin agreed to, with who signed it off and
 * when. Kept in the widget's settings; while it is there every audit reports the account's differences
 * from it as drift (see drift.ts).
 */
import type { Message } from '../audit/types';
import { blueprintFromJson } from './json';
import type { Blueprint } from './types';

/** A document signed off as the account's agreed set-up. */
export interface SignedOff {
  document: Blueprint;
  /** ISO 8601. */
  signedAt: string;
  /** Who signed it off (the CRM user's name). */
  by: string;
  /** The file the document came from, when it came from one. */
  source: string | null;
}

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** A sign-off read back from settings JSON, or why it cannot be used (translatable). */
export function signedOffFrom(value: unknown): { ok: true; value: SignedOff } | { ok: false; reason: Message } {
  const damaged = (detail: string): { ok: false; reason: Message } => ({
    ok: false,
    reason: { key: 'blueprint.signOff.damaged', params: { detail } },
  });
  if (!isObj(value)) return damaged('signedOff');
  const { signedAt, by, source, document } = value;
  if (typeof signedAt !== 'string' || Number.isNaN(Date.parse(signedAt))) return damaged('signedOff.signedAt');
  if (typeof by !== 'string' || by.trim() === '') return damaged('signedOff.by');
  if (source !== undefined && source !== null && typeof source !== 'string') return damaged('signedOff.source');
  // The document is checked exactly as a JSON document file is: every value, with its path.
  const read = blueprintFromJson(JSON.stringify(document ?? null));
  if (!read.ok) {
    const first = read.problems[0];
    return damaged(`signedOff.document${first?.path && first.path !== '$' ? `.${first.path}` : ''}`);
  }
  return {
    ok: true,
    value: { document: read.value, signedAt, by: by.trim(), source: typeof source === 'string' ? source : null },
  };
}
