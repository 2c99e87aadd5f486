import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pt from '../../i18n/pt.json';
import { compiledCli, runNode } from './support';

// The compiled CLI as a process, spoken in Portuguese: --lang pt, SETUP_AUDIT_LANG=pt and a pt_BR locale.
let cli = { entry: '', remove: () => {} };
const dir = mkdtempSync(join(tmpdir(), 'setup-audit-cli-pt-'));
const run = (args: string[], env: Record<string, string> = {}) =>
  runNode(cli.entry, args, { LANG: 'en_US.UTF-8', ...env }, { cwd: dir });

beforeAll(async () => {
  cli = await compiledCli('lang-pt');
});
afterAll(() => cli.remove());

describe('CLI in Portuguese', () => {
  it.each([
    ['--lang pt', ['--help', '--lang', 'pt'], {}],
    ['--lang=pt before the command', ['--lang=pt', '--help'], {}],
    ['SETUP_AUDIT_LANG=pt', ['--help'], { SETUP_AUDIT_LANG: 'pt' }],
    ['LANG=pt_BR.UTF-8', ['--help'], { LANG: 'pt_BR.UTF-8' }],
  ])('prints the general help in pt with %s', async (_, args, env) => {
    const { code, stdout } = await run(args, env);
    expect(code).toBe(0);
    expect(stdout).toContain(pt.cli.help.usage);
    expect(stdout).toContain(pt.cli.help.commands);
    expect(stdout).toContain(pt.cli.commands.audit);
    expect(stdout).not.toContain('Usage:');
  });

  it('prints a command’s help in pt, with pt among the --lang values', async () => {
    const { code, stdout } = await run(['audit', '--help', '--lang', 'pt']);
    expect(code).toBe(0);
    expect(stdout).toContain(pt.cli.help.usageCommand.replace('{command}', 'audit'));
    expect(stdout).toContain(pt.cli.flags.lang);
    expect(stdout).toContain('--lang ru|en');
    expect(stdout).toMatch(/--lang [a-z|]*\bpt\b/);
  });

  it('says a usage error in pt', async () => {
    const { code, stderr } = await run(['audti', '--lang', 'pt']);
    expect(code).toBe(2);
    expect(stderr).toContain('comando desconhecido "audti"; você quis dizer "audit"?');
  });

  it('names pt among the languages when --lang is not one it speaks', async () => {
    const { code, stderr } = await run(['--help', '--lang', 'xx'], { SETUP_AUDIT_LANG: 'pt' });
    expect(code).toBe(2);
    // The error itself is in the next language down (SETUP_AUDIT_LANG=pt).
    expect(stderr).toMatch(/--lang deve ser um de [a-z, ]*\bpt\b.*\(recebido "xx"\)/);
  });
});
