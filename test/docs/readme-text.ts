/**
 * README.md read the way a newcomer reads it: its sections, the lines of its code blocks, its inline code and the
 * `setup-audit` command lines in both. The Benchmarks block is left out: `npm run bench` writes it, not a person.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The repository's root. */
export const ROOT = join(import.meta.dirname, '..', '..');

/** README.md as it is. */
export const README_WHOLE = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** README.md without the block `npm run bench` writes. */
export const README = README_WHOLE.replace(/<!-- bench:start -->[\s\S]*?<!-- bench:end -->/, '');

/** Text with its line breaks and indents read as single spaces, as a reader reads a wrapped sentence. */
export function flat(text: string): string {
  return text.replace(/\s+/g, ' ');
}

/** The text under a heading (e.g. `## A short tour`), up to the next heading of the same or a higher level. */
export function section(heading: string, text = README): string {
  const start = text.split('\n').indexOf(heading);
  if (start < 0) throw new Error(`README has no heading ${heading}`);
  const level = heading.indexOf(' ');
  const lines = text.split('\n').slice(start + 1);
  const end = lines.findIndex((line) => /^#+ /.test(line) && line.indexOf(' ') <= level);
  return (end < 0 ? lines : lines.slice(0, end)).join('\n');
}

/** The lines inside ``` fences. */
export function codeLines(text = README): string[] {
  const out: string[] = [];
  let inside = false;
  for (const line of text.split('\n')) {
    if (line.startsWith('```')) inside = !inside;
    else if (inside) out.push(line);
  }
  return out;
}

/** The `inline code` spans outside fences. */
export function inlineCode(text = README): string[] {
  const prose = text.replace(/^```[\s\S]*?^```/gm, '');
  return [...prose.matchAll(/`([^`\n]+)`/g)].map((m) => m[1]!);
}

/** One `setup-audit <command> --flag …` the README shows: the command and the flags given to it. */
export interface CliLine {
  text: string;
  command: string | null;
  flags: string[];
}

/**
 * Every command line of the CLI: in code blocks and inline code, as `setup-audit …`, `npx setup-audit …` or
 * `npx amocrm-setup-audit …`, and inline code that starts with a command name and a flag (`audit --blueprint`).
 * A shell comment (`# …`) is prose, not part of the line.
 */
export function cliLines(commands: readonly string[]): CliLine[] {
  const out: CliLine[] = [];
  const sources = [...codeLines().map((l) => l.replace(/\s#\s.*$/, '')), ...inlineCode()];
  for (const source of sources) {
    for (const m of source.matchAll(/(?:^|[\s(=])(?:npx\s+(?:amocrm-)?)?setup-audit((?:\s+[^\s`]+)*)/g)) {
      const words = m[1]!.trim().split(/\s+/);
      const command = words[0] && !words[0].startsWith('-') && words[0] !== '…' ? words[0] : null;
      out.push({ text: m[0].trim(), command, flags: flagsIn(m[1]!) });
    }
    const bare = /^([a-z]+) --/.exec(source);
    if (bare && commands.includes(bare[1]!)) out.push({ text: source, command: bare[1]!, flags: flagsIn(source) });
  }
  return out;
}

/** The `--flag` names in a piece of text. */
export function flagsIn(text: string): string[] {
  return [...text.matchAll(/(?<![\w-])--([a-z][a-z-]*)/g)].map((m) => m[1]!);
}

/** Bold and italic phrases (`**Fix**`, `*Applied fixes*`). */
export function emphasised(text: string): string[] {
  return [...text.matchAll(/(?<![*\w])(\*\*|\*)([^*\n]+?)\1(?![*\w])/g)].map((m) => m[2]!);
}

/** The README's headings, without their hashes. */
export function headings(text = README): string[] {
  return text
    .split('\n')
    .filter((line) => /^#+ /.test(line))
    .map((line) => line.replace(/^#+ /, ''));
}

/** A heading's anchor as GitHub makes it: lower case, punctuation dropped, spaces to hyphens. */
export function anchorOf(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{N} _-]/gu, '')
    .replace(/ /g, '-');
}
