import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmulator, type Emulator } from '../../src/emulator';
import { arrayList, type Store } from '../../src/emulator/store';
import { memoryIo } from '../support/cli-io';

// `setup-audit audit` twice against one account (the CLI's entry, in-process, stderr a terminal): the first
// run keeps what each part cost, the second shows the panel's "about N seconds left" from it.
const TOKEN = 'tok-state-Zq9-never-on-disk';
const BASE = 'https://tehnostroy.amocrm.ru';
const root = mkdtempSync(join(tmpdir(), 'setup-audit-state-'));
let emulator: Emulator;

/** Messy with its contacts copied up to nine pages, so the data scan lasts long enough to estimate. */
function withNinePagesOfContacts(store: Store): void {
  const seed = Array.from({ length: store.contacts.length }, (_, i) => store.contacts.at(i));
  const last = seed.at(-1)!.id;
  const copies = Array.from({ length: 9 * 250 - seed.length - 10 }, (_, i) => ({
    ...seed[i % seed.length]!,
    id: last + 1 + i,
  }));
  store.contacts = arrayList([...seed, ...copies]);
}

beforeAll(() => {
  emulator = createEmulator({ seed: 'messy', quiet: true, rate: 1000, token: TOKEN });
  withNinePagesOfContacts(emulator.store);
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

/** One audit as a user types it, with the state in `stateHome`; `env` adds to (or overrides) the basics. */
async function audit(stateHome: string, extra: string[] = [], env: Record<string, string> = {}, on = emulator) {
  const m = memoryIo({
    fetch: on.fetch,
    env: { AMO_TOKEN: TOKEN, LANG: 'C.UTF-8', XDG_STATE_HOME: stateHome, ...env },
  });
  m.io.stderrTTY = true;
  const { code, out, err } = await m.run('audit', '--base-url', BASE, '--format', 'json', ...extra);
  // Every write to stderr was a progress line rewritten in place: no note, no warning beside them.
  const lines = err.split('\r\x1b[K').filter((s) => s !== '');
  return { code, report: JSON.parse(out), lines };
}

const FIRST_TIME = 'no time estimate: no earlier audit of this account is kept to go by';
// Minutes too: on a machine this busy the observed rate may fall far below the limit.
const TIME_LEFT =
  /Still reading [^:]*contacts[^:]*: \d+ pages? read at \d+\.\d requests\/s · about \d+ (seconds?|minutes?) left$/;
const stateFile = (home: string) => join(home, 'setup-audit', 'request-counts.json');

describe('the CLI keeps request counts between runs', () => {
  const home = join(root, 'kept');
  let first: Awaited<ReturnType<typeof audit>>;

  it('the first run shows pages and rate only, and keeps the counts (never the token, never account data)', async () => {
    first = await audit(home);
    expect(first.code).toBe(0);
    expect(first.lines.every((l) => l.startsWith('Gathering: '))).toBe(true);
    expect(first.lines.some((l) => l.endsWith(FIRST_TIME))).toBe(true);
    expect(first.lines.some((l) => TIME_LEFT.test(l))).toBe(false);

    const text = readFileSync(stateFile(home), 'utf8');
    const kept = JSON.parse(text);
    const key = `tehnostroy.amocrm.ru#${first.report.account.id}`;
    expect(Object.keys(kept.accounts)).toEqual([key]);
    expect(Object.keys(kept.accounts[key])).toEqual(['takenAt', 'requestsByPart']);
    expect(kept.accounts[key].requestsByPart.contacts).toBe(9);
    // Nothing of the account but the key: no token, no names, no subdomain's users.
    expect(text).not.toContain(TOKEN);
    const user = emulator.store.users[0]!;
    for (const secret of [user.name, user.email, emulator.store.contacts.at(0).name])
      expect(text).not.toContain(secret);
  });

  it('the second run shows the same time-left text as the panel, and makes the same requests', async () => {
    const second = await audit(home);
    expect(second.code).toBe(0);
    expect(second.lines.some((l) => TIME_LEFT.test(l))).toBe(true);
    expect(second.lines.some((l) => l.endsWith(FIRST_TIME))).toBe(false);
    // The estimate changes what is shown while reading, not what is read (the report's own numbers follow the
    // seed's clock, which moves between runs on a busy machine, so they are not compared here).
    expect(second.report.requests).toEqual(first.report.requests);
  });

  it('--no-state: the kept counts are neither read nor rewritten', async () => {
    const before = readFileSync(stateFile(home), 'utf8');
    const off = await audit(home, ['--no-state']);
    expect(off.code).toBe(0);
    expect(off.lines.some((l) => l.endsWith(FIRST_TIME))).toBe(true);
    expect(off.lines.some((l) => TIME_LEFT.test(l))).toBe(false);
    expect(readFileSync(stateFile(home), 'utf8')).toBe(before);
  });

  it('a bad SETUP_AUDIT_STATE is a usage error before the account is asked', async () => {
    const m = memoryIo({
      fetch: () => Promise.reject(new Error('the account must not be asked')),
      env: { AMO_TOKEN: TOKEN, LANG: 'C.UTF-8', XDG_STATE_HOME: join(root, 'bad'), SETUP_AUDIT_STATE: 'no' },
    });
    const { code, err } = await m.run('audit', '--base-url', BASE);
    expect(code).toBe(2);
    expect(err).toBe('setup-audit audit: SETUP_AUDIT_STATE must be one of on, off (got "no")\n');
  });
});

// On messy as seeded (one page of contacts, the shortest audit): no estimate is wanted in these runs.
describe('no state, or a state file that cannot be used: the estimate is all it costs', () => {
  const plain = createEmulator({ seed: 'messy', quiet: true, rate: 1000, token: TOKEN });

  it('SETUP_AUDIT_STATE=off (CI): the audit runs and creates nothing', async () => {
    const home = join(root, 'ci');
    const off = await audit(home, [], { SETUP_AUDIT_STATE: 'off' }, plain);
    expect(off.code).toBe(0);
    expect(off.lines.some((l) => l.endsWith(FIRST_TIME))).toBe(true);
    expect(existsSync(home)).toBe(false);
  });

  it('corrupt: the audit runs, no time is shown, no note is printed, and the file is rewritten whole', async () => {
    const home = join(root, 'corrupt');
    mkdirSync(join(home, 'setup-audit'), { recursive: true });
    writeFileSync(stateFile(home), '{"schemaVersion": 1, "accounts": {"tehno');
    const run = await audit(home, [], {}, plain);
    expect(run.code).toBe(0);
    expect(run.lines.every((l) => l.startsWith('Gathering: '))).toBe(true);
    expect(run.lines.some((l) => TIME_LEFT.test(l))).toBe(false);
    expect(JSON.parse(readFileSync(stateFile(home), 'utf8')).accounts).toHaveProperty(
      `tehnostroy.amocrm.ru#${run.report.account.id}`,
    );
  });

  it('unwritable (a file where the state folder goes): the audit runs and prints only its progress', async () => {
    const home = join(root, 'blocked');
    mkdirSync(home, { recursive: true });
    writeFileSync(join(home, 'setup-audit'), 'a file, not a folder');
    const run = await audit(home, [], {}, plain);
    expect(run.code).toBe(0);
    expect(run.lines.every((l) => l.startsWith('Gathering: '))).toBe(true);
    expect(run.report.results.length).toBeGreaterThan(0);
    expect(readFileSync(join(home, 'setup-audit'), 'utf8')).toBe('a file, not a folder');
  });
});
