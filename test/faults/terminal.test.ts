import { describe, expect, it } from 'vitest';
import { renderText } from '../../src/cli/render/text';
import { translatorFor } from '../../src/cli/dict';
import { reportToMarkdown } from '../../src/export/markdown';
import { reportToJson } from '../../src/export/json';
import { terminalOutput, terminalSafe } from '../../src/export/terminal-safe';
import { preflight } from '../../src/preflight/preflight';
import { preflightToText } from '../../src/preflight/report';
import type { CliIo } from '../../src/cli/io';
import { memoryIo } from '../support/cli-io';
import { contactSchema, tEn } from '../preflight/fixtures';
import { faultyAccount } from './harness';

// Names an attacker who can edit the account (or an import file, or an error body) might choose.
const TITLE = 'Иван \u001b]0;pwned\u0007';
const CLEAR = 'Анна \u001b[2J\u001b[H';
const FAKE = 'Пётр\r  ✓ 100 (A) — all good\n  • nothing to fix';
const C1 = 'Ольга \u009b31m';
const BIDI = 'Вера \u202etxt.exe';
const HOSTILE = [TITLE, CLEAR, FAKE, C1, BIDI];

// Every control character a terminal acts on (tab and line feed are the renderer's own layout).
const RAW_CONTROL = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u2028\u2029\u202A-\u202E\u2066-\u2069]/;
const PAINTER = /\u001b\[(?:0|1|2|31|32|33)m/g;

describe('terminalSafe', () => {
  it.each([
    ['ESC', '\u001b[2J', '␛[2J'],
    ['BEL and NUL', 'a\u0007b\u0000', 'a␇b␀'],
    ['CR and LF', 'a\rb\nc', 'a␍b␊c'],
    ['DEL', 'a\u007f', 'a␡'],
    ['C1 CSI', 'a\u009b31m', 'a\\u009b31m'],
    ['bidi override and isolate', 'a\u202eb\u2066c', 'a\\u202eb\\u2066c'],
    ['line separator', 'a\u2028b', 'a\\u2028b'],
    ['tab, Cyrillic, emoji and a ZWJ sequence stay', 'Имя\tПартнёры 👩‍👩‍👧', 'Имя\tПартнёры 👩‍👩‍👧'],
  ])('%s', (_, input, shown) => {
    expect(terminalSafe(input)).toBe(shown);
  });

  it('the output guard keeps line breaks and the product’s colour and progress codes, nothing else', () => {
    expect(terminalOutput('\u001b[31m✗\u001b[0m a\n\r\u001b[Kb')).toBe('\u001b[31m✗\u001b[0m a\n\r\u001b[Kb');
    expect(terminalOutput('x\u001b]0;t\u0007\u001b[2J\ry')).toBe('x␛]0;t␇␛[2J␍y');
  });
});

describe('hostile names never reach the terminal raw', () => {
  async function hostileReport() {
    const { emulator, audit } = faultyAccount();
    const store = emulator.store;
    store.users.forEach((u, i) => {
      u.name = `${HOSTILE[i % HOSTILE.length]!} #${i}`;
    });
    store.pipelines.find((p) => p.name === 'Партнёры')!.name = TITLE;
    store.fields.leads.find((f) => f.name === 'Тип объекта')!.name = CLEAR;
    return (await audit()).report;
  }

  it('text (with colour), Markdown and JSON', async () => {
    const report = await hostileReport();
    const items = report.results.flatMap((r) => r.items.map((i) => (i as { text?: string }).text ?? ''));
    expect(items.some((t) => t.includes('\u001b]0;pwned'))).toBe(true); // the data really carries them

    const text = renderText(report, translatorFor('en'), true);
    expect(text.match(PAINTER)?.length).toBeGreaterThan(10);
    expect(text.replace(PAINTER, '')).not.toMatch(RAW_CONTROL);
    expect(text).toContain('Иван ␛]0;pwned␇');
    expect(text).toContain('Пётр␍  ✓ 100 (A) — all good␊  • nothing to fix');
    // No line of the output starts with the faked report line.
    expect(text.split('\n').some((l) => l.startsWith('  ✓ 100'))).toBe(false);

    const md = reportToMarkdown(report, translatorFor('en'));
    expect(md).not.toMatch(RAW_CONTROL);
    expect(md).toContain('␛\\[2J');

    // JSON keeps the names exactly (JSON.stringify escapes C0; the guard turns the rest into \u escapes).
    const json = terminalOutput(reportToJson(report));
    expect(json).not.toMatch(RAW_CONTROL);
    expect(JSON.parse(json)).toEqual(JSON.parse(reportToJson(report)));
  });

  it('a pre-flight report on a file whose cells carry escape sequences', async () => {
    // Clean rows around the hostile ones, so the file reads as text (a file of mostly control bytes is "binary").
    const clean = Array.from({ length: 60 }, (_, i) => `Контакт ${i};Анна Админ;c${i}@x.ru`).join('\n');
    const file = new TextEncoder().encode(
      `Имя;Ответственный;Email\nА;${CLEAR};ok@x.ru\nБ;Анна Админ;${TITLE}@x.ru\n"В\u001b[1A";Анна Админ;v@x.ru\n${clean}\n`,
    );
    const r = await preflight({ file, fileName: 'evil\u001b[2J.csv', entity: 'contacts', schema: contactSchema() });
    expect(r.problems.length).toBeGreaterThan(0);
    const text = preflightToText(r, tEn);
    expect(text).not.toMatch(RAW_CONTROL);
    expect(text).toContain('“Анна ␛[2J␛[H”: no such user in the account');
  });

  it('CLI output when every error body carries escape sequences', async () => {
    const { out, run } = memoryIo({
      tty: true,
      env: { AMO_TOKEN: 'dev-token', SETUP_AUDIT_LANG: 'en' },
      // The account answers with a hostile name; every other call fails with a hostile error body.
      fetch: (async (input: string | URL | Request) =>
        new URL(String(input instanceof Request ? input.url : input)).pathname === '/api/v4/account'
          ? new Response(JSON.stringify({ id: 1, name: TITLE, subdomain: 'evil' }), {
              headers: { 'content-type': 'application/hal+json' },
            })
          : new Response(JSON.stringify({ title: `Bad ${TITLE}`, status: 400, detail: CLEAR }), {
              status: 400,
              headers: { 'content-type': 'application/problem+json' },
            })) as typeof fetch,
    });
    const { code } = await run('audit', '--base-url', 'https://emulator.test', '--lang', 'en');
    const { stdout, stderr } = out;
    expect(code).toBe(0); // every other part failed as a value: the report says which
    expect(stdout).toContain('Setup Audit — Иван ␛]0;pwned␇');
    expect(`${stdout}${stderr}`.replace(PAINTER, '')).not.toMatch(RAW_CONTROL);
  });

  it('the guarded CLI streams escape what a command prints unescaped, keeping the colours', async () => {
    const { guardedIo } = await import('../../src/cli/render/terminal-io');
    const seen: string[] = [];
    const io = guardedIo({
      stdout: (s: string) => seen.push(s),
      stderr: (s: string) => seen.push(s),
    } as unknown as CliIo);
    io.stdout(`\u001b[31m✗\u001b[0m ${TITLE}\n`);
    io.stderr(`setup-audit fix: ${CLEAR}\n`);
    expect(seen).toEqual(['\u001b[31m✗\u001b[0m Иван ␛]0;pwned␇\n', 'setup-audit fix: Анна ␛[2J␛[H\n']);
  });
});
