/** Writes the latest figures into README.md between the bench markers (the section is the bench's own). */
import { readFileSync, writeFileSync } from 'node:fs';

const START = '<!-- bench:start -->';
const END = '<!-- bench:end -->';

/** Replaces the text between the markers, or appends the marked section at the end of the file. */
export function writeReadmeSection(path: string, body: string): void {
  const text = readFileSync(path, 'utf8');
  const section = `${START}\n${body.trim()}\n${END}`;
  const a = text.indexOf(START);
  const b = text.indexOf(END);
  const next =
    a >= 0 && b > a
      ? text.slice(0, a) + section + text.slice(b + END.length)
      : `${text.replace(/\s*$/, '')}\n\n${section}\n`;
  writeFileSync(path, next);
}
