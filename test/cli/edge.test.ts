import { describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main';
import type { CliIo } from '../../src/cli/io';
import { memoryIo } from '../support/cli-io';
import { createEmulator } from '../../src/emulator';

// The one edge every account command goes through (issue 13 item 4, issue 12 item 11), in-process with
// an injected fetch so each answer of the "account" is exactly what the case says.
type Fetch = NonNullable<CliIo['fetch']>;

function io(fetch: Fetch, files = new Map<string, Uint8Array>(), token = 'dev-token') {
  const m = memoryIo({ fetch, files, env: { AMO_TOKEN: token, LANG: 'C.UTF-8' } });
  return { cliIo: m.io, out: m.out, files, put: m.put };
}

const BASE = 'https://tehnostroy.amocrm.ru';

let prepared: Map<string, Uint8Array> | undefined;
/** Files every command needs, and a journal with one batch (made once by a real fix on the emulator). */
async function preparedFiles(): Promise<Map<string, Uint8Array>> {
  if (!prepared) {
    const emulator = createEmulator({ seed: 'messy', quiet: true, rate: 1000 });
    const { cliIo, files, put } = io(emulator.fetch);
    put('contacts.csv', 'Имя;Должность\nИван Петров;Директор\n');
    const argv = ['fix', '--base-url', BASE, '--rule', 'unsorted-off', '--yes', '--journal', 'j.json'];
    expect(await main(argv, cliIo)).toBe(0);
    prepared = files;
  }
  return new Map(prepared);
}

const COMMANDS: [string, string[]][] = [
  ['audit', ['audit', '--base-url', BASE]],
  ['fix', ['fix', '--base-url', BASE, '--all-safe', '--dry-run']],
  ['undo', ['undo', '--base-url', BASE, '--journal', 'j.json']],
  ['export', ['export', '--base-url', BASE, '--out', 'doc.xlsx']],
  ['preflight', ['preflight', '--base-url', BASE, '--entity', 'contacts', '--file', 'contacts.csv']],
  ['template', ['template', '--base-url', BASE, '--entity', 'leads', '--out', 'tpl.xlsx']],
];

const refused: Fetch = async () => {
  throw new TypeError('fetch failed', {
    cause: Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }),
  });
};
const notFound: Fetch = async () => new Response('<html>nothing here</html>', { status: 404 });
const emptyAccount: Fetch = async () => new Response(null, { status: 204 });

describe('every command that talks to an account: exit 3 and one line when it does not answer', () => {
  it.each(COMMANDS)('%s: a refused connection is tried once, not retried with backoff', async (_name, argv) => {
    let calls = 0;
    const { cliIo, out } = io(
      async (input, init) => {
        calls++;
        return refused(input, init);
      },
      await preparedFiles(),
    );
    expect(await main(argv, cliIo)).toBe(3);
    expect(calls).toBe(1);
    expect(out.stderr).toBe(
      `setup-audit ${argv[0]}: ${BASE} refused the connection (is the address right, and is anything listening there?)\n`,
    );
    expect(out.stdout).toBe('');
  });

  it.each(COMMANDS)('%s: a refused token (401)', async (_name, argv) => {
    const emulator = createEmulator({ seed: 'messy', quiet: true, rate: 1000 });
    const { cliIo, out, files } = io(emulator.fetch, await preparedFiles(), 'wrong-token');
    expect(await main(argv, cliIo)).toBe(3);
    expect(out.stderr).toBe(
      `setup-audit ${argv[0]}: cannot use ${BASE}: the token was refused (401): check AMO_TOKEN\n`,
    );
    expect(files.has('doc.xlsx') || files.has('tpl.xlsx')).toBe(false);
  });

  it.each(COMMANDS)('%s: a host that is not an amoCRM account (404, or an empty /account)', async (_name, argv) => {
    for (const fetch of [notFound, emptyAccount]) {
      const { cliIo, out } = io(fetch, await preparedFiles());
      expect(await main(argv, cliIo)).toBe(3);
      expect(out.stderr).toMatch(new RegExp(`^setup-audit ${argv[0]}: ${BASE} does not answer like an amoCRM account`));
      expect(out.stderr.trim().split('\n')).toHaveLength(1);
    }
  });
});

describe('the check costs the audit no request', () => {
  it('the account is read once per audit: the check’s answer is the gatherer’s', async () => {
    const emulator = createEmulator({ seed: 'messy', quiet: true, rate: 1000 });
    const seen: string[] = [];
    const { cliIo } = io(async (input, init) => {
      seen.push(new URL(String(input)).pathname);
      return emulator.fetch(input, init);
    });
    expect(await main(['audit', '--base-url', BASE, '--format', 'json'], cliIo)).toBe(0);
    expect(seen.filter((p) => p === '/api/v4/account')).toHaveLength(1);
  });

  it('a passing 503 on the check is retried by the audit’s own client, and the audit goes on', async () => {
    const emulator = createEmulator({ seed: 'messy', quiet: true, rate: 1000 });
    emulator.faults.once({ path: '/api/v4/account', fault: { status: 503 } });
    const { cliIo } = io(emulator.fetch);
    expect(await main(['audit', '--base-url', BASE, '--format', 'json'], cliIo)).toBe(0);
  });
});
