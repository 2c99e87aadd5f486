import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import tr from '../../i18n/tr.json';
import { compiledCli, runNode } from './support';

// The compiled CLI as a process, spoken in Turkish: --lang tr, SETUP_AUDIT_LANG=tr and a tr_TR locale.
let cli = { entry: '', remove: () => {} };
const dir = mkdtempSync(join(tmpdir(), 'setup-audit-cli-tr-'));
const run = (args: string[], env: Record<string, string> = {}) =>
  runNode(cli.entry, args, { LANG: 'en_US.UTF-8', ...env }, { cwd: dir });

beforeAll(async () => {
  cli = await compiledCli('lang-tr');
});
afterAll(() => cli.remove());

describe('CLI in Turkish', () => {
  it.each([
    ['--lang tr', ['--help', '--lang', 'tr'], {}],
    ['SETUP_AUDIT_LANG=tr', ['--help'], { SETUP_AUDIT_LANG: 'tr' }],
    ['LANG=tr_TR.UTF-8', ['--help'], { LANG: 'tr_TR.UTF-8' }],
  ])('prints the general help in tr with %s', async (_, args, env) => {
    const { code, stdout } = await run(args, env);
    expect(code).toBe(0);
    expect(stdout).toContain(tr.cli.help.usage);
    expect(stdout).toContain(tr.cli.help.commands);
    expect(stdout).toContain(tr.cli.commands.audit);
    expect(stdout).not.toContain('Usage:');
  });

  it('prints a command’s help in tr, with tr among the --lang and --names-lang values', async () => {
    const { code, stdout } = await run(['fix', '--help'], { LANG: 'tr_TR.UTF-8' });
    expect(code).toBe(0);
    expect(stdout).toContain(tr.cli.help.usageCommand.replace('{command}', 'fix'));
    expect(stdout).toContain(tr.cli.flags['names-lang']);
    expect(stdout).toMatch(/--lang [a-z|]*\btr\b/);
    expect(stdout).toMatch(/--names-lang [a-z|]*\btr\b/);
  });

  it('says a usage error in tr', async () => {
    const { code, stderr } = await run(['audti'], { LANG: 'tr_TR.UTF-8' });
    expect(code).toBe(2);
    expect(stderr).toContain('bilinmeyen komut "audti"; "audit" mi demek istediniz?');
  });
});
