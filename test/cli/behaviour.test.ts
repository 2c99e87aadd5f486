import { createServer, type Server } from 'node:net';
import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createEmulator, type Emulator } from '../../src/emulator';
import { COMMAND_NAMES, type FlagSpec, SPECS } from '../../src/cli/specs';
import pkg from '../../package.json';
import { compiledCli, runNode } from './support';

// The compiled CLI as a process, point by point as a user meets it (issue 16 item 2).
let url = '';
let emulator: Emulator;
let close: () => Promise<void> = async () => {};
let cli = { entry: '', remove: () => {} };
const dir = mkdtempSync(join(tmpdir(), 'setup-audit-behaviour-'));
const TOKEN = { AMO_TOKEN: 'dev-token' };

const run = (args: string[], env: Record<string, string> = {}, cwd = dir) =>
  runNode(cli.entry, args, { LANG: 'C.UTF-8', ...env }, { cwd });
const lines = (text: string) => text.trim().split('\n');

beforeAll(async () => {
  cli = await compiledCli('behaviour');
  emulator = createEmulator({ seed: 'messy', quiet: true, rate: 1000 });
  const server = await emulator.listen(0);
  url = server.url;
  close = server.close;
});
afterAll(async () => {
  await close();
  cli.remove();
});

describe('--version and --help', () => {
  it('--version prints the package version', async () => {
    expect(await run(['--version'])).toEqual({ code: 0, stdout: `${pkg.version}\n`, stderr: '' });
  });

  it.each(COMMAND_NAMES)('%s --help lists every flag and an example', async (name) => {
    const { code, stdout, stderr } = await run([name, '--help']);
    expect(code).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(new RegExp(`^Usage: setup-audit ${name} `));
    for (const flag of Object.keys(SPECS[name].flags)) expect(stdout).toContain(`--${flag}`);
    expect(stdout).toMatch(new RegExp(`Examples:\\n {2}.*setup-audit ${name} `));
    // No key leaked as text: every description came from the dictionary.
    expect(stdout).not.toMatch(/cli\.(flags|commands|help)\./);
  });

  it('the general help names every command; help <command> is the command help', async () => {
    const general = await run(['--help']);
    expect(general.code).toBe(0);
    for (const name of COMMAND_NAMES) expect(general.stdout).toMatch(new RegExp(`^ {2}${name} `, 'm'));
    expect((await run(['help', 'fix'])).stdout).toBe((await run(['fix', '--help'])).stdout);
    const none = await run([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('Usage: setup-audit');
  });

  it('flags with a value show it in help, switches do not', async () => {
    const { stdout } = await run(['fix', '--help']);
    const spec: Record<string, FlagSpec> = SPECS.fix.flags;
    expect(stdout).toContain(`--journal ${spec.journal!.value}`);
    expect(stdout).toContain('-y, --yes  ');
  });
});

describe('did you mean', () => {
  it.each([
    [['audti'], 'unknown command "audti"; did you mean "audit"?'],
    [['audit', '--formt', 'json'], 'unknown flag --formt; did you mean --format?'],
    [['fix', '--dryrun'], 'unknown flag --dryrun; did you mean --dry-run?'],
    [['--verison'], 'unknown flag --verison; did you mean --version?'],
    [['audit', '--zzz'], 'unknown flag --zzz (see --help)'],
  ])('%j → %s', async (args, message) => {
    const { code, stderr } = await run(args);
    expect(code).toBe(2);
    expect(lines(stderr)).toEqual([expect.stringContaining(message)]);
  });
});

describe('one language rule for every line', () => {
  it.each([
    [{ LANG: 'C.UTF-8' }, [], 'unknown command'],
    [{ LANG: 'POSIX' }, [], 'unknown command'],
    [{ LANG: 'ru_RU.UTF-8' }, [], 'неизвестная команда'],
    [{ LANG: 'ru_RU.UTF-8', SETUP_AUDIT_LANG: 'en' }, [], 'unknown command'],
    [{ LANG: 'C.UTF-8', SETUP_AUDIT_LANG: 'ru' }, [], 'неизвестная команда'],
    [{ LANG: 'C.UTF-8', SETUP_AUDIT_LANG: 'ru' }, ['--lang', 'en'], 'unknown command'],
    [{ LC_ALL: 'ru_RU.UTF-8', LANG: 'en_US.UTF-8' }, [], 'неизвестная команда'],
  ])('env %j, flags %j: a usage error reads "%s"', async (env, flags, text) => {
    const { code, stderr } = await run(['audti', ...flags], env);
    expect(code).toBe(2);
    expect(stderr).toContain(text);
  });

  it('help follows --lang even under LANG=C.UTF-8, and the locale without it', async () => {
    expect((await run(['audit', '--help', '--lang', 'ru'])).stdout).toMatch(/^Использование: setup-audit audit/);
    expect((await run(['audit', '--help'], { LANG: 'ru_RU.UTF-8' })).stdout).toContain('Флаги:');
    expect((await run(['audit', '--help'], { LANG: 'ru_RU.UTF-8', SETUP_AUDIT_LANG: 'en' })).stdout).toContain(
      'Flags:',
    );
  });

  it('success lines and usage errors of one run speak the same language', async () => {
    const out = join(dir, 'baseline-ru.json');
    const written = await run(['baseline', '--out', out, '--lang', 'ru'], { LANG: 'en_US.UTF-8' });
    expect(written).toMatchObject({ code: 0, stderr: `Записано: ${out}\n` });
    const checked = await run(['baseline', '--check', out, '--lang', 'en'], { LANG: 'ru_RU.UTF-8' });
    expect(checked).toMatchObject({ code: 0, stdout: `${out}: baseline b2b-services 1.0.0 is valid\n` });
    const refused = await run(['audit', '--base-url', url, '--format', 'pdf'], { ...TOKEN, LANG: 'ru_RU.UTF-8' });
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(/^setup-audit audit: --format может быть только одним из: text, json, md, xlsx/);
  });

  it('a language the CLI does not speak is named, whichever source gave it', async () => {
    const flag = await run(['audit', '--lang', 'de']);
    expect(flag.code).toBe(2);
    expect(lines(flag.stderr)).toEqual(['setup-audit audit: --lang must be one of ru, en, es (got "de")']);
    const env = await run(['--help'], { SETUP_AUDIT_LANG: 'xx' });
    expect(env.code).toBe(2);
    expect(env.stderr).toContain('SETUP_AUDIT_LANG must be one of ru, en, es (got "xx")');
  });
});

describe('flags and files', () => {
  it.each([
    [['audit', '--snapshot', 'x.json', '--base-url', 'https://a.amocrm.ru'], '--snapshot and --base-url contradict'],
    [['audit', '--snapshot', 'x.json', '--subdomain', 'a'], '--snapshot and --subdomain contradict'],
    [['audit', '--base-url', 'https://a.amocrm.ru', '--subdomain', 'a'], '--base-url and --subdomain contradict'],
    [['audit', '--domain', 'kommo.com'], '--domain only makes sense with --subdomain'],
    [['audit', '--allow-incomplete', '--base-url', 'https://a.amocrm.ru'], '--allow-incomplete only makes sense'],
    [['audit', '--base-url', 'http://a.amocrm.ru'], 'plain http:// would send the token unencrypted'],
    [['audit', '--format'], '--format needs a value'],
    [['audit', '--out', '--format', 'json'], '--out needs a value'],
    [['audit', '--lang', 'en', '--lang', 'ru'], '--lang is given twice'],
    [['audit', 'extra'], 'unexpected argument "extra"'],
    [['fix', '--yes=1'], '--yes takes no value'],
    [['audit', '--fail-under', 'lots', '--snapshot', 'x.json'], '--fail-under must be a number from 0 to 100'],
  ])('%j is a usage error: %s', async (args, message) => {
    const { code, stderr } = await run(args, TOKEN);
    expect(code).toBe(2);
    expect(lines(stderr)).toHaveLength(1);
    expect(stderr).toContain(message);
  });

  it.each([
    [['audit', '--snapshot', 'missing.json']],
    [['audit', '--base-url', 'https://a.amocrm.ru', '--baseline', 'missing.json']],
    [['preflight', '--base-url', 'https://a.amocrm.ru', '--entity', 'contacts', '--file', 'missing.json']],
    [['undo', '--base-url', 'https://a.amocrm.ru', '--journal', 'missing.json']],
    [['baseline', '--check', 'missing.json']],
  ])('a missing file is one line naming it: %j', async (args) => {
    const { code, stderr } = await run(args, TOKEN);
    expect(code).toBe(2);
    expect(lines(stderr)).toEqual([expect.stringMatching(/: file not found: missing\.json$/)]);
    expect(stderr).not.toMatch(/ENOENT|at .*\.js/);
  });

  it('a folder given as a file is named as a folder', async () => {
    const { code, stderr } = await run(['audit', '--snapshot', dir], TOKEN);
    expect(code).toBe(2);
    expect(stderr).toContain(`${dir} is a folder, not a file`);
  });
});

describe('rules, gates and fixes', () => {
  it.each([
    [['--rule', 'required-at-entry'], 'unknown rule "required-at-entry"; did you mean "required-at-entry-stage"?'],
    [['--rule', 'no-such-thing'], 'unknown rule "no-such-thing"'],
    [['--rule', 'excess-admins'], 'rule "excess-admins" has no automatic fix (fixable: '],
  ])('fix %j: %s', async (flags, message) => {
    const { code, stderr } = await run(['fix', '--base-url', url, ...flags], TOKEN);
    expect(code).toBe(2);
    expect(lines(stderr)).toEqual([expect.stringContaining(message)]);
  });

  it('--fail-under fails an incomplete score (a manager cannot read roles) unless --allow-incomplete', async () => {
    const manager = { AMO_TOKEN: emulator.tokenFor(emulator.managerId!) };
    const gated = await run(['audit', '--base-url', url, '--format', 'json', '--fail-under', '0'], manager);
    const report = JSON.parse(gated.stdout) as { results: { outcome: string }[] };
    const unchecked = report.results.filter((r) => r.outcome === 'error').length;
    expect(unchecked).toBeGreaterThan(0);
    expect(gated.code).toBe(1);
    expect(gated.stderr).toContain(`${unchecked} checks could not run`);
    const allowed = await run(
      ['audit', '--base-url', url, '--format', 'json', '--fail-under', '0', '--allow-incomplete'],
      manager,
    );
    expect(allowed.code).toBe(0);
    // The admin's complete score passes a threshold it reaches.
    expect((await run(['audit', '--base-url', url, '--format', 'json', '--fail-under', '0'], TOKEN)).code).toBe(0);
  });

  it('--names-lang picks the language of the names a fix writes, whatever the CLI speaks', async () => {
    const base = ['fix', '--base-url', url, '--rule', 'lead-source-field-missing', '--dry-run'];
    const ru = await run([...base, '--lang', 'en', '--names-lang', 'ru'], TOKEN);
    expect(ru.code).toBe(0);
    expect(ru.stdout).toContain('New deal field «Источник»');
    const en = await run([...base, '--lang', 'ru', '--names-lang', 'en'], TOKEN);
    expect(en.code).toBe(0);
    expect(en.stdout).toContain('«Source»');
    expect((await run([...base, '--names-lang', 'de'], TOKEN)).code).toBe(2);
    // Without the flag the names follow the account (its names are Russian), not the terminal's English.
    expect((await run([...base, '--lang', 'en'], TOKEN)).stdout).toContain('New deal field «Источник»');
  });

  it('--names-lang holds for what is applied, not only for the preview', async () => {
    const account = createEmulator({ seed: 'messy', quiet: true, rate: 1000 });
    const server = await account.listen(0);
    const cwd = mkdtempSync(join(tmpdir(), 'setup-audit-names-'));
    try {
      const argv = ['fix', '--base-url', server.url, '--rule', 'lead-source-field-missing', '--names-lang', 'en'];
      const applied = await run([...argv, '--yes', '--journal', 'j.json'], TOKEN, cwd);
      expect(applied.code).toBe(0);
      expect(JSON.stringify(account.store)).toContain('"name":"Source"');
      expect(JSON.stringify(account.store)).not.toContain('"name":"Источник"');
    } finally {
      await server.close();
    }
  });

  it('fix --yes without --journal writes the journal in the current folder, says where, and undo reads it', async () => {
    const account = createEmulator({ seed: 'messy', quiet: true, rate: 1000 });
    const server = await account.listen(0);
    const cwd = mkdtempSync(join(tmpdir(), 'setup-audit-journal-'));
    try {
      const fixed = await run(['fix', '--base-url', server.url, '--rule', 'unsorted-off', '--yes'], TOKEN, cwd);
      expect(fixed.code).toBe(0);
      const [journal] = readdirSync(cwd);
      expect(journal).toMatch(/^setup-audit-tehnostroy-journal-\d{4}-\d\d-\d\d\.json$/);
      expect(fixed.stderr).toContain(`the journal of this fix is written to ${join(cwd, journal!)}`);
      expect(JSON.parse(readFileSync(join(cwd, journal!), 'utf8')).entries).toHaveLength(1);
      expect(account.store.pipelines[0]!.is_unsorted_on).toBe(true);
      const undone = await run(['undo', '--base-url', server.url, '--journal', journal!], TOKEN, cwd);
      expect(undone.code).toBe(0);
      expect(account.store.pipelines[0]!.is_unsorted_on).toBe(false);
    } finally {
      await server.close();
    }
  });
});

describe('pipes and ports', () => {
  it.each(['head -c 10', 'true'])('--format json | %s ends quietly', async (reader) => {
    const shell = `"${process.execPath}" "${cli.entry}" audit --base-url ${url} --format json | ${reader}`;
    const { code, stdout, stderr } = await runNode('', [], { ...TOKEN, LANG: 'C.UTF-8' }, { shell, cwd: dir });
    expect(code).toBe(0);
    expect(stderr).toBe('');
    if (reader.startsWith('head')) expect(stdout).toBe('{\n  "schem');
  });

  it('the emulator on a busy port says so in one line', async () => {
    const busy: Server = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const port = (busy.address() as { port: number }).port;
    try {
      const tsx = join(import.meta.dirname, '..', '..', 'node_modules', 'tsx', 'dist', 'cli.mjs');
      const { code, stderr } = await runNode(
        tsx,
        ['src/emulator/main.ts', '--port', String(port)],
        {},
        {
          cwd: join(import.meta.dirname, '..', '..'),
        },
      );
      expect(code).toBe(1);
      expect(lines(stderr)).toEqual([`port ${port} is already in use (another server?): set --port to another port`]);
    } finally {
      busy.close();
    }
  });
});
