import { describe, expect, it } from 'vitest';
import { memoryIo } from '../support/cli-io';
import { createEmulator, type Emulator } from '../../src/emulator';
import { FIXED_NOW } from '../support/emulated';
import { rulesRequiring } from './harness';

// The CLI in-process (main + injected I/O and fetch) against the emulator; the client is the CLI's own,
// with the shared 7 rps throttle, so each case takes about two seconds.
async function cli(emulator: Emulator, argv: string[], token = 'dev-token') {
  const { run } = memoryIo({ fetch: emulator.fetch, env: { AMO_TOKEN: token, SETUP_AUDIT_LANG: 'en' } });
  const { code, out, err } = await run('audit', '--base-url', 'https://emulator.test', '--lang', 'en', ...argv);
  return { code, stdout: out, stderr: err };
}

const account = () => createEmulator({ seed: 'messy', now: () => FIXED_NOW, rate: 1_000_000, quiet: true });

describe('what the CLI user sees when the account misbehaves', () => {
  it('a 401 on the account: exit 3 and one line saying the token was refused, no report', async () => {
    const emulator = account();
    emulator.faults.once({ path: '/api/v4/account', fault: { status: 401 } });
    const { code, stdout, stderr } = await cli(emulator, ['--format', 'json']);
    expect(code).toBe(3);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/token was refused \(401\)/);
  });

  it('a 401 in the middle (roles): exit 0, the report marks exactly the rules that need roles as not checked', async () => {
    const emulator = account();
    emulator.faults.once({ path: '/api/v4/roles', fault: { status: 401 } });
    const { code, stdout } = await cli(emulator, ['--format', 'json']);
    expect(code).toBe(0);
    const report = JSON.parse(stdout) as { results: { ruleId: string; outcome: string; message: string }[] };
    const errors = report.results.filter((r) => r.outcome === 'error');
    expect(errors.map((r) => r.ruleId).sort()).toEqual(rulesRequiring(['roles']));
    for (const r of errors) expect(r.message).toMatch(/not signed in/);
  });

  it('a manager token: exit 0, the text report says which parts need admin rights', async () => {
    const emulator = account();
    const { code, stdout } = await cli(emulator, ['--format', 'text'], emulator.tokenFor(emulator.managerId!));
    expect(code).toBe(0);
    expect(stdout).toMatch(/needs admin rights/);
    expect(stdout).not.toMatch(/\b(errors|items|cli)\.[a-z]/);
  });
});
