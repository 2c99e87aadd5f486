import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmulator } from '../../src/emulator';
import { RULES } from '../../src/audit/registry';
import { AREAS } from '../../src/audit/types';
import { closedPort, compiledCli, runNode } from './support';

// The compiled CLI (what the package ships) as a process against a running emulator over HTTP.
let url = '';
let close: () => Promise<void> = async () => {};
let cli = { entry: '', remove: () => {} };
const dir = mkdtempSync(join(tmpdir(), 'setup-audit-cli-'));

const run = (args: string[], env: Record<string, string> = { AMO_TOKEN: 'dev-token' }) =>
  runNode(cli.entry, args, { LANG: 'en_US.UTF-8', ...env }, { cwd: dir });

beforeAll(async () => {
  cli = await compiledCli('process');
  const emulator = createEmulator({ seed: 'messy', quiet: true, rate: 1000 });
  const server = await emulator.listen(0);
  url = server.url;
  close = server.close;
});
afterAll(async () => {
  await close();
  cli.remove();
});

describe('setup-audit speaks es (process)', () => {
  it('prints the help in Spanish with --lang es, whatever the locale says', async () => {
    const { code, stdout, stderr } = await run(['--help', '--lang', 'es'], { LANG: 'ru_RU.UTF-8' });
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(stdout).toContain('Uso: setup-audit <comando> [opciones]');
    expect(stdout).toContain('Comandos:');
    expect(stdout).toContain('Audita una cuenta (o una instantánea guardada) frente a la referencia');
    expect(stdout).not.toMatch(/Usage:|Использование|[а-яё]{4}/i);
  });

  it("prints a command's help in Spanish from SETUP_AUDIT_LANG and from an es locale", async () => {
    const envs: Record<string, string>[] = [{ SETUP_AUDIT_LANG: 'es', LANG: 'en_US.UTF-8' }, { LANG: 'es_MX.UTF-8' }];
    for (const env of envs) {
      const { code, stdout } = await run(['audit', '--help'], env);
      expect(code, JSON.stringify(env)).toBe(0);
      expect(stdout).toContain('Uso: setup-audit audit [opciones]');
      expect(stdout).toContain('Idioma de todo lo que se muestra');
    }
  });

  it('words a usage error in Spanish and lists es among the languages', async () => {
    const bad = await run(['audit', '--formt', 'json', '--lang', 'es']);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('opción desconocida --formt; ¿quisiste decir --format?');
    const lang = await run(['audit', '--lang', 'de']);
    expect(lang.code).toBe(2);
    expect(lang.stderr).toContain('ru, en, es');
  });
});

describe('setup-audit audit (process)', () => {
  it('prints the JSON report with one result per rule and exits 0', async () => {
    const { code, stdout } = await run(['audit', '--base-url', url, '--format', 'json', '--lang', 'en']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout);
    expect(report.schemaVersion).toBe(1);
    expect(report.results.map((r: { ruleId: string }) => r.ruleId)).toEqual(RULES.map((r) => r.meta.id));
    expect(report.areas.map((a: { id: string }) => a.id)).toEqual([...AREAS]);
    expect(report.score).toBeLessThan(50);
    expect(report.requests.count).toBeGreaterThan(0);
  });

  it('exits 1 when the score is below --fail-under, and saves a snapshot that audits offline the same', async () => {
    const snap = join(dir, 'messy.snapshot.json');
    const online = await run([
      'audit',
      '--base-url',
      url,
      '--format',
      'json',
      '--fail-under',
      '90',
      '--save-snapshot',
      snap,
    ]);
    expect(online.code).toBe(1);
    expect(online.stderr).toMatch(/below|ниже/);
    const offline = await run(['audit', '--snapshot', snap, '--format', 'json'], {});
    expect(offline.code).toBe(0);
    expect(JSON.parse(offline.stdout).score).toBe(JSON.parse(online.stdout).score);
  });

  it('writes Markdown and XLSX to --out; xlsx without --out is a usage error', async () => {
    const out = join(dir, 'report.md');
    const { code } = await run(['audit', '--base-url', url, '--format', 'md', '--out', out, '--lang', 'en']);
    expect(code).toBe(0);
    expect(readFileSync(out, 'utf8')).toMatch(/^# /);
    const xlsx = join(dir, 'report.xlsx');
    expect((await run(['audit', '--base-url', url, '--format', 'xlsx', '--out', xlsx])).code).toBe(0);
    expect(readFileSync(xlsx).subarray(0, 2).toString()).toBe('PK');
  });

  it('without --out, documents are named after the account and the day', async () => {
    const day = new Date().toLocaleDateString('sv-SE'); // YYYY-MM-DD in the local zone
    const audit = await run(['audit', '--base-url', url, '--format', 'xlsx']);
    expect(audit.code).toBe(0);
    const doc = `setup-audit-tehnostroy-${day}.xlsx`;
    expect(audit.stderr).toContain(doc);
    expect(readFileSync(join(dir, doc)).subarray(0, 2).toString()).toBe('PK');
    const template = await run(['template', '--base-url', url, '--entity', 'leads']);
    expect(template.code).toBe(0);
    expect(
      readFileSync(join(dir, `setup-audit-tehnostroy-import-leads-${day}.xlsx`))
        .subarray(0, 2)
        .toString(),
    ).toBe('PK');
  });

  it.each([
    [['audit', '--base-url', 'x', '--bogus'], /bogus/],
    [['audit', '--format', 'pdf', '--base-url', 'http://127.0.0.1:1'], /--format/],
    [['audit', '--base-url', 'http://127.0.0.1:1', '--token', 'abc'], /AMO_TOKEN/],
    [['audit'], /--base-url/],
    [['frobnicate'], /unknown command "frobnicate"; commands: audit, fix/],
  ])('a usage error %j exits 2 with one clear line', async (args, message) => {
    const { code, stderr } = await run(args as string[]);
    expect(code).toBe(2);
    expect(stderr).toMatch(message as RegExp);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exits 2 without AMO_TOKEN', async () => {
    const { code, stderr } = await run(['audit', '--base-url', url], {});
    expect(code).toBe(2);
    expect(stderr).toMatch(/AMO_TOKEN/);
  });

  it('exits 3 with one line when the token is refused', async () => {
    const { code, stderr } = await run(['audit', '--base-url', url], { AMO_TOKEN: 'wrong' });
    expect(code).toBe(3);
    expect(stderr).toMatch(/401/);
  });

  it('exits 3 when the host does not answer', async () => {
    const { code, stderr } = await run(['audit', '--base-url', `http://127.0.0.1:${await closedPort()}`]);
    expect(code).toBe(3);
    expect(stderr).toMatch(/refused the connection/);
    expect(stderr.trim().split('\n')).toHaveLength(1);
  });

  it('exports the baseline and rejects an invalid one with the path of the bad key', async () => {
    const file = join(dir, 'baseline.json');
    expect((await run(['baseline', '--out', file], {})).code).toBe(0);
    const baseline = JSON.parse(readFileSync(file, 'utf8'));
    expect(baseline.id).toBe('b2b-services');
    baseline.thresholds.maxAdmins = -1;
    writeFileSync(file, JSON.stringify(baseline));
    const { code, stderr } = await run(['audit', '--snapshot', file, '--baseline', file], {});
    expect(code).toBe(2);
    expect(stderr).toMatch(/thresholds\.maxAdmins/);
  });

  it('writes the configuration document and the import template; preflight exits 1 on errors, 0 on a clean file', async () => {
    const doc = join(dir, 'doc.xlsx');
    expect((await run(['export', '--base-url', url, '--out', doc])).code).toBe(0);
    expect(readFileSync(doc).subarray(0, 2).toString()).toBe('PK');
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'Имя;Должнсть;Ответственный\nИван;Директор;Никто\n');
    const failed = await run(['preflight', '--base-url', url, '--entity', 'contacts', '--file', bad, '--lang', 'ru']);
    expect(failed.code).toBe(1);
    expect(failed.stdout).toMatch(/Должность/);
    const good = join(dir, 'good.csv');
    writeFileSync(good, 'Имя;Должность\nИван Петров;Директор\n');
    const passed = await run(['preflight', '--base-url', url, '--entity', 'contacts', '--file', good]);
    expect(passed.stdout).toMatch(/0/);
    expect(passed.code).toBe(0);
    const tpl = join(dir, 'tpl.xlsx');
    expect((await run(['template', '--base-url', url, '--entity', 'leads', '--out', tpl])).code).toBe(0);
    expect((await run(['preflight', '--base-url', url, '--entity', 'banana', '--file', good])).code).toBe(2);
  });
});
