/** Test helpers: an emulator with a fixed clock and a tiny request function over its in-process fetch. */
import { createEmulator } from '../../src/emulator/index';
import type { Emulator, EmulatorOptions, SeedName } from '../../src/emulator/index';

/** Fixed clock for deterministic seeds (2025-06-15T12:00:00Z). */
export const NOW = Date.UTC(2025, 5, 15, 12, 0, 0);
export const BASE = 'http://emu.test';

/** An emulator for tests: high rate, quiet, fixed clock. */
export function emu(seed: SeedName, opts: Partial<EmulatorOptions> = {}): Emulator {
  return createEmulator({ seed, rate: 1000, quiet: true, now: () => NOW, ...opts });
}

/** A parsed answer. */
export interface Answer {
  status: number;
  type: string | null;
  headers: Headers;
  body: any;
  text: string;
}

/** Calls the emulator; `auth` is a token, `{cookie}` or null (no credentials). */
export async function call(
  e: Emulator,
  method: string,
  path: string,
  o: { body?: unknown; auth?: string | { cookie: string } | null } = {},
): Promise<Answer> {
  const headers: Record<string, string> = {};
  const auth = o.auth === undefined ? 'dev-token' : o.auth;
  if (typeof auth === 'string') headers['authorization'] = `Bearer ${auth}`;
  else if (auth) headers['cookie'] = `amo_session=${auth.cookie}`;
  if (o.body !== undefined) headers['content-type'] = 'application/json';
  const r = await e.fetch(BASE + path, {
    method,
    headers,
    body: o.body === undefined ? undefined : JSON.stringify(o.body),
  });
  const text = await r.text();
  let body: unknown = null;
  try {
    body = text === '' ? null : JSON.parse(text);
  } catch {
    body = undefined;
  }
  return { status: r.status, type: r.headers.get('content-type'), headers: r.headers, body, text };
}

/** GET shortcut. */
export function get(e: Emulator, path: string, auth?: string | { cookie: string } | null): Promise<Answer> {
  return call(e, 'GET', path, { auth });
}
