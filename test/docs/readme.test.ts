/**
 * The README is true: every command, flag, value, npm script, path, name, language, seed, exit code, label and
 * figure it gives is one the product has. A change that makes a README line false fails here, naming the line.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/audit/registry';
import { AREAS } from '../../src/audit/types';
import { EXIT } from '../../src/cli/errors';
import { COMMAND_NAMES, SPECS, type CommandSpec } from '../../src/cli/specs';
import { closest } from '../../src/cli/suggest';
import { SEED_NAMES } from '../../src/emulator/seeds/index';
import { LANGS } from '../../src/i18n/langs';
import {
  README,
  README_WHOLE,
  ROOT,
  anchorOf,
  cliLines,
  codeLines,
  emphasised,
  flat,
  flagsIn,
  headings,
  inlineCode,
  section,
} from './readme-text';

const read = (path: string) => readFileSync(join(ROOT, path), 'utf8');
const json = (path: string) => JSON.parse(read(path));
const specs: Record<string, CommandSpec> = SPECS;
const GLOBAL_FLAGS = ['version', 'help'];
/** Flags whose value is one of a list the help names (`--format text|json|md|xlsx`). */
const LISTED_VALUES = ['format', 'lang', 'names-lang', 'domain', 'entity'];
const lines = cliLines(COMMAND_NAMES);

/** `audti` → `audit`, `--formt` → `--format`: the misspellings the README shows the CLI catching. */
const misspellings = [...section('## The CLI').matchAll(/`(--)?([a-z-]+)` → `(?:--)?([a-z-]+)`/g)].map((m) => ({
  flag: m[1] === '--',
  typed: m[2]!,
  meant: m[3]!,
}));

describe('README: the CLI', () => {
  it('shows command lines at all (the parser finds them)', () => {
    expect(lines.filter((l) => l.command).length).toBeGreaterThan(20);
  });

  it('names only commands the CLI has, each with only its own flags', () => {
    const problems: string[] = [];
    for (const { text, command, flags } of lines) {
      if (command === null) {
        for (const f of flags) if (!GLOBAL_FLAGS.includes(f)) problems.push(`${text}: --${f} needs a command`);
        continue;
      }
      const spec = specs[command];
      if (!spec) {
        problems.push(`${text}: no command ${command}`);
        continue;
      }
      for (const f of flags) if (!Object.hasOwn(spec.flags, f)) problems.push(`${text}: ${command} has no --${f}`);
    }
    expect(problems).toEqual([]);
  });

  it('gives listed flags only values their help lists, and --rule only rule ids', () => {
    const ids = RULES.map((r) => r.meta.id);
    const problems: string[] = [];
    for (const { text, command } of lines) {
      const spec = command ? specs[command] : undefined;
      if (!spec) continue;
      for (const m of text.matchAll(/--([a-z-]+)\s+([^\s`-][^\s`]*)/g)) {
        const [, flag, value] = m as unknown as [string, string, string];
        const allowed = spec.flags[flag]?.value?.split('|');
        if (LISTED_VALUES.includes(flag) && allowed && !allowed.includes(value))
          problems.push(`${text}: --${flag} ${value} (help lists ${allowed.join('|')})`);
        if (flag === 'rule' && !ids.includes(value)) problems.push(`${text}: no rule ${value}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('names, anywhere, only flags some command or the emulator has', () => {
    const known = new Set([...GLOBAL_FLAGS, ...Object.values(specs).flatMap((s) => Object.keys(s.flags))]);
    const usage = /const USAGE = `(.*)`/.exec(read('src/emulator/main.ts'))?.[1] ?? '';
    const emulator = new Set(flagsIn(usage));
    const typos = new Set(misspellings.filter((m) => m.flag).map((m) => m.typed));
    const problems: string[] = [];
    for (const line of README.split('\n')) {
      const at = line.indexOf('npm run emulator');
      const own = at >= 0 ? flagsIn(line.slice(at)) : [];
      for (const f of flagsIn(line)) {
        if (own.includes(f) ? !emulator.has(f) : !known.has(f) && !typos.has(f)) problems.push(`--${f} in: ${line}`);
      }
    }
    expect(emulator.size).toBeGreaterThan(0);
    expect(problems).toEqual([]);
  });

  it('shows misspellings the CLI really corrects the way it says', () => {
    expect(misspellings.length).toBeGreaterThan(0);
    for (const { flag, typed, meant } of misspellings) {
      const known = flag ? Object.keys(SPECS.audit.flags) : COMMAND_NAMES;
      expect(known, typed).not.toContain(typed);
      expect(closest(typed, known), typed).toBe(meant);
    }
  });

  it('has the exit codes the CLI ends with', () => {
    const rows = [...section('## The CLI').matchAll(/^\| (\d) \| (.+) \|$/gm)].map((m) => [Number(m[1]), m[2]!]);
    expect(rows.map(([code]) => code)).toEqual(Object.values(EXIT));
    const meaning = Object.fromEntries(rows);
    expect(meaning[EXIT.ok]).toBe('done');
    expect(meaning[EXIT.failed]).toContain('--fail-under');
    expect(meaning[EXIT.usage]).toContain('usage error');
    expect(meaning[EXIT.unreachable]).toContain('refused the token');
  });
});

describe('README: scripts, paths and names', () => {
  it('names only npm scripts package.json has (npm install, ci and pack are npm’s own)', () => {
    const scripts = Object.keys(json('package.json').scripts);
    const code = [...codeLines(), ...inlineCode()].join('\n');
    const named = [
      ...[...code.matchAll(/\bnpm run ([\w:-]+)/g)].map((m) => m[1]!),
      ...[...code.matchAll(/\bnpm (?!run\b|install\b|ci\b|pack\b)([a-z]+)/g)].map((m) => m[1]!),
    ];
    expect(named).toContain('test');
    expect(named).toContain('emulator');
    expect(named.filter((s) => !scripts.includes(s))).toEqual([]);
  });

  it('names only files and folders the repository has', () => {
    const paths = [
      ...new Set(
        [...README.matchAll(/(?<![\w./$~-])((?:\.ci|src|test|scripts|docs|i18n|images)\/[\w.*<>/-]*)/g)].map((m) =>
          m[1]!.replace(/[.]$/, ''),
        ),
      ),
    ];
    expect(paths).toContain('src/cli/');
    const missing = paths.filter((path) => !exists(path));
    expect(missing).toEqual([]);
  });

  it('names only variables, constants and values the code has', () => {
    const named = new Set([
      ...[...README.matchAll(/\b([A-Z][A-Z0-9_]+)=/g)].map((m) => m[1]!),
      ...inlineCode().flatMap((code) =>
        [...code.matchAll(/^[$%]?([A-Z][A-Z0-9_]{2,})(?=$|[%/\\])/g)].map((m) => m[1]!),
      ),
    ]);
    const code = sources(['src', 'scripts', 'test']).replaceAll(read('test/docs/readme.test.ts'), '');
    const unknown = [...named].filter(
      (name) => !new RegExp(`env\\.${name}\\b|env\\[['"]${name}['"]\\]|const ${name}\\b|['"]${name}['"]`).test(code),
    );
    expect(named).toContain('AMO_TOKEN');
    expect(unknown).toEqual([]);
  });

  it('lists the archive’s scripts as the build makes them', () => {
    const upload = section('## Upload the widget to an account (private integration)');
    const named = [...new Set(inlineCode(upload).filter((c) => /^[\w-]+\.js$/.test(c)))].sort();
    const config = createRequire(import.meta.url)(join(ROOT, 'webpack.config.cjs')) as { entry: object };
    expect(named).toEqual(
      Object.keys(config.entry)
        .map((e) => `${e}.js`)
        .sort(),
    );
  });

  it('links only to headings it has', () => {
    const anchors = headings(README_WHOLE).map(anchorOf);
    const links = [...README.matchAll(/\]\(#([^)]+)\)/g)].map((m) => m[1]!);
    expect(links.length).toBeGreaterThan(0);
    expect(links.filter((l) => !anchors.includes(l))).toEqual([]);
  });
});

describe('README: languages, seeds and areas', () => {
  it('lists the product’s languages wherever it lists them', () => {
    const speaks = /The product speaks ([^\n]+?) everywhere/.exec(README)?.[1] ?? '';
    expect(
      speaks
        .replace(/\([^)]*\)/g, '')
        .split(/,| and /)
        .map((s) => s.trim()),
    ).toEqual([...LANGS]);
    const lists = [...README.matchAll(/--(?:names-)?lang ([a-z|]+\|[a-z]+)/g)].map((m) => m[1]!);
    expect(lists.length).toBeGreaterThanOrEqual(2);
    for (const list of lists) expect(list.split('|')).toEqual([...LANGS]);
  });

  it('lists the emulator’s seeds wherever it lists them', () => {
    expect(/SEED=([a-z|]+)/.exec(README)?.[1]?.split('|')).toEqual([...SEED_NAMES]);
    const demo = /with demo accounts: ([^.]+)\./.exec(README)?.[1] ?? '';
    expect([...demo.matchAll(/`([a-z]+)`/g)].map((m) => m[1])).toEqual([...SEED_NAMES]);
    const given = [
      ...codeLines()
        .join('\n')
        .matchAll(/--seed ([a-z]+)/g),
    ].map((m) => m[1]!);
    expect(given.filter((s) => !(SEED_NAMES as readonly string[]).includes(s))).toEqual([]);
  });

  it('counts the areas the registry has', () => {
    const words = ['zero', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven'];
    const tour = flat(section('## A short tour'));
    expect(tour).toContain(`the ${words[AREAS.length]} areas`);
    expect(tour).toContain(`the ${words[AREAS.length - 1]} of the set-up`);
  });
});

describe('README: figures the golden reports hold', () => {
  const golden = (seed: string) =>
    json(`test/golden/${seed}.json`) as { coverage: { scored: number }; requests: { count: number } };

  it('says what the first screen of messy says and what its audit costs', () => {
    const tour = flat(section('## A short tour'));
    expect(tour).toContain(`"Based on ${golden('messy').coverage.scored} checks" on \`messy\``);
    expect(tour).toContain(`A typical account takes about ${golden('messy').requests.count} requests`);
  });

  it('gives each seed’s request count as its audit makes it', () => {
    const budget = flat(section('## The request budget'));
    const seeds = ['fresh', 'messy', 'clean', 'busy'].filter((s) => existsSync(join(ROOT, `test/golden/${s}.json`)));
    for (const seed of seeds)
      expect(budget, seed).toMatch(new RegExp(`\`${seed}\` \\(${golden(seed).requests.count}\\b`));
    expect(budget).toContain(`**${golden('messy').requests.count}** in all`);
  });
});

describe('README: the tour names the panel’s own words', () => {
  const en = json('i18n/en.json');
  const texts: string[] = [];
  (function walk(node: unknown) {
    if (typeof node === 'string') texts.push(node);
    else if (node && typeof node === 'object') for (const v of Object.values(node)) walk(v);
  })(en);
  const letters = (s: string) => (s.match(/\p{L}/gu) ?? []).length;
  /** A text of the panel, whole, or a part of it before " (" or after " — ", with {params} as anything. */
  const isPanelText = (phrase: string) =>
    texts.some((text) =>
      [text, text.split(' (')[0]!, text.split(' — ').at(-1)!].some((candidate) => {
        const literal = candidate.replace(/\{\w+\}/g, '');
        if (letters(literal) * 3 < letters(phrase)) return false;
        const pattern = candidate
          .split(/\{\w+\}/)
          .map((part) => part.replace(/[.*+?^$(){}|[\]\\]/g, '\\$&'))
          .join('.+');
        return new RegExp(`^${pattern}$`, 'iu').test(phrase.replace(/\b[Nn]\b/g, '7'));
      }),
    );
  const sections = ['## A short tour', '### In the panel', '### Sign-off and drift'].map((h) => section(h));
  const titles = headings();

  it.each(sections.map((text, i) => [i, text]))('section %i: bold and italic labels are the panel’s', (_, text) => {
    // A phrase ending in a full stop is a step's title; one naming a heading is a cross-reference.
    const labels = emphasised(text).filter((p) => !p.endsWith('.') && !titles.includes(p));
    expect(labels.length).toBeGreaterThan(0);
    expect(labels.filter((p) => !isPanelText(p))).toEqual([]);
  });

  it.each(sections.map((text, i) => [i, text]))('section %i: quoted panel lines are the panel’s', (_, text) => {
    // Quotes holding a number, a «name» or an ellipsis quote the panel; others ("done") are words.
    const quoted = [...text.matchAll(/"([^"\n]+)"/g)].map((m) => m[1]!).filter((q) => /[\d«…]/.test(q) && q !== '…');
    expect(quoted.filter((q) => !isPanelText(q))).toEqual([]);
  });
});

/** True when the path exists; `<x>` and `*` stand for any name in their folder. */
function exists(path: string): boolean {
  if (!/[<*]/.test(path)) return existsSync(join(ROOT, path));
  const dir = dirname(path);
  const name = new RegExp(
    `^${path
      .slice(dir.length + 1)
      .split(/<[^>]+>|\*/)
      .map((p) => p.replace(/[.]/g, '\\.'))
      .join('[^/]+')}$`,
  );
  return existsSync(join(ROOT, dir)) && readdirSync(join(ROOT, dir)).some((f) => name.test(f));
}

/** The text of every source file under these folders. */
function sources(dirs: string[]): string {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (/\.(ts|tsx|mjs|cjs)$/.test(name)) out.push(readFileSync(path, 'utf8'));
    }
  };
  for (const dir of dirs) walk(join(ROOT, dir));
  return out.join('\n');
}
