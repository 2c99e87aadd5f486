import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createEmulator } from '../../src/emulator';
import { compiledCli, runNode } from './support';

// The compiled CLI as a process keeps its request counts under the HOME it is given (a temp folder here:
// the real home is never touched), private to the user and free of the token.
const TOKEN = 'tok-process-Qx7-never-on-disk';
const home = mkdtempSync(join(tmpdir(), 'setup-audit-home-'));
let url = '';
let close: () => Promise<void> = async () => {};
let cli = { entry: '', remove: () => {} };

beforeAll(async () => {
  cli = await compiledCli('state');
  const server = await createEmulator({ seed: 'messy', quiet: true, rate: 1000, token: TOKEN }).listen(0);
  url = server.url;
  close = server.close;
});
afterAll(async () => {
  await close();
  cli.remove();
  rmSync(home, { recursive: true, force: true });
});

describe('the request counts of a real run', () => {
  it('land in ~/.local/state/setup-audit/request-counts.json, 0600, with counts and no token', async (ctx) => {
    const run = await runNode(cli.entry, ['audit', '--base-url', url, '--format', 'json'], {
      AMO_TOKEN: TOKEN,
      LANG: 'C.UTF-8',
      HOME: home,
    });
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    const dir = join(home, '.local', 'state', 'setup-audit');
    expect(readdirSync(dir)).toEqual(['request-counts.json']);
    const text = readFileSync(join(dir, 'request-counts.json'), 'utf8');
    expect(text).not.toContain(TOKEN);
    const { accounts } = JSON.parse(text);
    const key = `${new URL(url).host}#${JSON.parse(run.stdout).account.id}`;
    expect(Object.keys(accounts)).toEqual([key]);
    expect(accounts[key].requestsByPart.account).toBe(1);
    if (process.platform === 'win32') {
      console.log('skipped the mode check: file modes are POSIX');
      ctx.skip();
      return;
    }
    expect(statSync(join(dir, 'request-counts.json')).mode & 0o777).toBe(0o600);
  });
});
