import { afterAll, describe, expect, it } from 'vitest';
import { chmodSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  accountStateKey,
  type KeptCounts,
  MAX_ACCOUNTS,
  MAX_FILE_BYTES,
  requestCountsFile,
} from '../../src/cli/request-counts';

// The CLI's request counts on disk: a round trip, and every way the file can be wrong costs only the estimate.
const root = mkdtempSync(join(tmpdir(), 'setup-audit-counts-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
/** A fresh state folder per case (nothing shared between cases). */
function place(): { dir: string; path: string } {
  const dir = join(root, `case-${++n}`, 'setup-audit');
  return { dir, path: join(dir, 'request-counts.json') };
}

const KEPT: KeptCounts = {
  takenAt: '2026-11-30T10:00:00.000Z',
  requestsByPart: { account: 1, users: 1, contacts: 9, leads: 3 },
};
const KEY = accountStateKey('https://example.amocrm.ru', 123);
const onDisk = (path: string) => JSON.parse(readFileSync(path, 'utf8'));
const skipOnWindows = (ctx: { skip: () => void }) => {
  if (process.platform !== 'win32') return false;
  console.log('skipped: file modes are POSIX; Windows keeps the file private by its profile folder instead');
  ctx.skip();
  return true;
};

describe('the account key', () => {
  it.each([
    ['https://example.amocrm.ru', 123, 'example.amocrm.ru#123'],
    ['https://Example.kommo.com', 7, 'example.kommo.com#7'],
    ['http://127.0.0.1:8931', 1, '127.0.0.1:8931#1'],
  ])('%s, account %d → %s', (url, id, want) => {
    expect(accountStateKey(url, id)).toBe(want);
  });
});

describe('a round trip', () => {
  it('nothing kept yet: no counts, and reading creates no file', () => {
    const { path } = place();
    expect(requestCountsFile(path).load(KEY)).toEqual({ ok: true, kept: null });
    expect(() => statSync(path)).toThrow();
  });

  it('what is saved is loaded, for that account only; the file holds counts and the time, nothing else', () => {
    const { path } = place();
    const file = requestCountsFile(path);
    expect(file.save(KEY, KEPT)).toEqual({ ok: true });
    expect(file.load(KEY)).toEqual({ ok: true, kept: KEPT });
    expect(file.load(accountStateKey('https://example.amocrm.ru', 124))).toEqual({ ok: true, kept: null });
    expect(onDisk(path)).toEqual({ schemaVersion: 1, accounts: { [KEY]: KEPT } });
    // Atomic: the temp file was renamed into place, none is left.
    expect(readdirSync(join(path, '..'))).toEqual(['request-counts.json']);
  });

  it('a second save of an account replaces its entry and keeps the others', () => {
    const { path } = place();
    const file = requestCountsFile(path);
    const other = accountStateKey('https://other.kommo.com', 5);
    file.save(other, { takenAt: '2026-11-29T00:00:00.000Z', requestsByPart: { account: 1 } });
    file.save(KEY, KEPT);
    const later = { takenAt: '2026-12-01T00:00:00.000Z', requestsByPart: { account: 1, contacts: 12 } };
    file.save(KEY, later);
    expect(file.load(KEY)).toEqual({ ok: true, kept: later });
    expect(Object.keys(onDisk(path).accounts)).toEqual([KEY, other]);
  });
});

describe('the file is private', () => {
  it('created 0600 in a folder created 0700', (ctx) => {
    if (skipOnWindows(ctx)) return;
    const { dir, path } = place();
    requestCountsFile(path).save(KEY, KEPT);
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(statSync(dir).mode & 0o777).toBe(0o700);
  });

  it('a file someone left readable by all is 0600 again after the next save', (ctx) => {
    if (skipOnWindows(ctx)) return;
    const { dir, path } = place();
    mkdirSync(dir, { recursive: true });
    writeFileSync(path, JSON.stringify({ schemaVersion: 1, accounts: {} }));
    chmodSync(path, 0o644);
    requestCountsFile(path).save(KEY, KEPT);
    expect(statSync(path).mode & 0o777).toBe(0o600);
  });
});

describe('a corrupt file gives no counts and is replaced by the next save', () => {
  it.each<[string, string]>([
    ['not JSON', '{"schemaVersion": 1, "accounts": {'],
    ['empty', ''],
    ['an array', '[1, 2]'],
    ['no schemaVersion', '{"accounts": {}}'],
    ['a schemaVersion as text', '{"schemaVersion": "1", "accounts": {}}'],
    ['an older schemaVersion', '{"schemaVersion": 0, "accounts": {}}'],
    ['accounts not an object', '{"schemaVersion": 1, "accounts": []}'],
    ['far too large', `{"schemaVersion": 1, "accounts": {}, "pad": "${'x'.repeat(MAX_FILE_BYTES)}"}`],
  ])('%s', (_name, text) => {
    const { dir, path } = place();
    mkdirSync(dir, { recursive: true });
    writeFileSync(path, text);
    const file = requestCountsFile(path);
    expect(file.load(KEY)).toMatchObject({ ok: false, trouble: 'corrupt' });
    expect(file.save(KEY, KEPT)).toEqual({ ok: true });
    expect(file.load(KEY)).toEqual({ ok: true, kept: KEPT });
  });

  it('entries that are not counts are dropped one by one, the valid ones kept', () => {
    const { dir, path } = place();
    mkdirSync(dir, { recursive: true });
    const bad = (requestsByPart: unknown, takenAt: unknown = KEPT.takenAt) => ({ takenAt, requestsByPart });
    const accounts = {
      good: KEPT,
      unknownPart: bad({ account: 1, secrets: 3 }),
      negative: bad({ contacts: -1 }),
      fraction: bad({ contacts: 1.5 }),
      text: bad({ contacts: '9' }),
      empty: bad({}),
      noTime: { requestsByPart: { contacts: 9 } },
      badTime: bad({ contacts: 9 }, 'yesterday'),
      notAnObject: 42,
    };
    writeFileSync(path, JSON.stringify({ schemaVersion: 1, accounts }));
    const file = requestCountsFile(path);
    expect(file.load('good')).toEqual({ ok: true, kept: KEPT });
    for (const key of Object.keys(accounts).filter((k) => k !== 'good'))
      expect(file.load(key), key).toEqual({ ok: true, kept: null });
    file.save(KEY, KEPT);
    expect(Object.keys(onDisk(path).accounts)).toEqual(['good', KEY]);
  });
});

describe('a file that cannot be used is never fatal', () => {
  it('written by a newer CLI: read nothing from it, write nothing over it', () => {
    const { dir, path } = place();
    mkdirSync(dir, { recursive: true });
    const newer = JSON.stringify({ schemaVersion: 2, accounts: { [KEY]: { what: 'a newer shape' } } });
    writeFileSync(path, newer);
    const file = requestCountsFile(path);
    expect(file.load(KEY)).toMatchObject({ ok: false, trouble: 'newer' });
    expect(file.save(KEY, KEPT)).toMatchObject({ ok: false, trouble: 'newer' });
    expect(readFileSync(path, 'utf8')).toBe(newer);
  });

  it('unreadable (a folder where the file should be): no counts, and the save leaves it alone', () => {
    const { path } = place();
    mkdirSync(path, { recursive: true });
    const file = requestCountsFile(path);
    expect(file.load(KEY)).toMatchObject({ ok: false, trouble: 'unreadable' });
    expect(file.save(KEY, KEPT)).toMatchObject({ ok: false, trouble: 'unreadable' });
    expect(statSync(path).isDirectory()).toBe(true);
  });

  it('unwritable (a file where the folder should be): no counts, and the save says why', () => {
    const { dir, path } = place();
    mkdirSync(join(dir, '..'), { recursive: true });
    writeFileSync(dir, 'not a folder');
    const file = requestCountsFile(path);
    expect(file.load(KEY)).toEqual({ ok: true, kept: null });
    const saved = file.save(KEY, KEPT);
    expect(saved).toMatchObject({ ok: false, trouble: 'unwritable' });
    expect(saved.ok ? '' : saved.detail).toMatch(/EEXIST|ENOTDIR/);
    expect(readFileSync(dir, 'utf8')).toBe('not a folder');
  });

  it('unwritable (a read-only folder): the save says so and leaves no temp file', (ctx) => {
    if (skipOnWindows(ctx)) return;
    if (process.getuid?.() === 0) {
      console.log('skipped: running as root, which writes into a read-only folder anyway');
      ctx.skip();
      return;
    }
    const { dir, path } = place();
    mkdirSync(dir, { recursive: true });
    chmodSync(dir, 0o500);
    try {
      expect(requestCountsFile(path).save(KEY, KEPT)).toMatchObject({ ok: false, trouble: 'unwritable' });
      expect(readdirSync(dir)).toEqual([]);
    } finally {
      chmodSync(dir, 0o700);
    }
  });
});

describe('the cap', () => {
  it(`keeps the ${MAX_ACCOUNTS} most recently audited accounts, newest first`, () => {
    const { path } = place();
    const file = requestCountsFile(path);
    const at = (i: number) => new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString();
    for (let i = 0; i <= MAX_ACCOUNTS; i++)
      file.save(accountStateKey(`https://client${i}.amocrm.ru`, i), { takenAt: at(i), requestsByPart: { account: 1 } });
    const keys = Object.keys(onDisk(path).accounts);
    expect(keys).toHaveLength(MAX_ACCOUNTS);
    expect(keys[0]).toBe(`client${MAX_ACCOUNTS}.amocrm.ru#${MAX_ACCOUNTS}`);
    expect(keys.at(-1)).toBe('client1.amocrm.ru#1');
    expect(file.load('client0.amocrm.ru#0')).toEqual({ ok: true, kept: null });
    // Auditing an old account again brings it back at the front and drops the then oldest.
    file.save('client0.amocrm.ru#0', { takenAt: at(99), requestsByPart: { account: 1 } });
    const again = Object.keys(onDisk(path).accounts);
    expect(again[0]).toBe('client0.amocrm.ru#0');
    expect(again).not.toContain('client1.amocrm.ru#1');
    expect(again).toHaveLength(MAX_ACCOUNTS);
  });
});
