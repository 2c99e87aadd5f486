import { usageError } from './errors';
import type { FlagSpec } from './specs';
import { closest } from './suggest';

/** Parsed flag values, typed from a command's spec. */
export type FlagValues<F extends Readonly<Record<string, FlagSpec>>> = {
  -readonly [K in keyof F]?: F[K] extends { type: 'boolean' }
    ? boolean
    : F[K] extends { multiple: true }
      ? string[]
      : string;
};

function flagNamed(flags: Readonly<Record<string, FlagSpec>>, arg: string): string {
  const name = arg.slice(2).split('=')[0]!;
  if (Object.hasOwn(flags, name)) return name;
  const guess = closest(name, Object.keys(flags));
  throw guess
    ? usageError('unknownFlagGuess', { flag: `--${name}`, guess: `--${guess}` })
    : usageError('unknownFlag', { flag: `--${name}` });
}

/**
 * Parses a command's flags strictly against its spec: an unknown flag (with the closest known one), a
 * missing value, a value given to a switch, a repeated flag or a stray argument is a usage error naming it.
 * The token is never a flag (it would land in shell history and process lists).
 */
export function parseFlags<F extends Readonly<Record<string, FlagSpec>>>(
  argv: readonly string[],
  flags: F,
): FlagValues<F> {
  const values: Record<string, string | string[] | boolean> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--token' || arg.startsWith('--token=')) throw usageError('tokenFlag');
    let name: string;
    let inline: string | undefined;
    if (arg.startsWith('--') && arg.length > 2) {
      name = flagNamed(flags, arg);
      const eq = arg.indexOf('=');
      inline = eq === -1 ? undefined : arg.slice(eq + 1);
    } else if (/^-[a-zA-Z]$/.test(arg)) {
      const short = Object.entries(flags).find(([, spec]) => spec.short === arg[1]);
      if (!short) throw usageError('unknownFlag', { flag: arg });
      name = short[0];
    } else {
      throw usageError('unexpectedArgument', { arg });
    }
    const spec = flags[name]!;
    if (spec.type === 'boolean') {
      if (inline !== undefined) throw usageError('flagTakesNoValue', { flag: `--${name}` });
      values[name] = true;
      continue;
    }
    let value = inline;
    if (value === undefined) {
      const next = argv[i + 1];
      // `--out --format json` is a forgotten value, not a file named "--format".
      if (next === undefined || next.startsWith('--')) throw usageError('flagNeedsValue', { flag: `--${name}` });
      value = next;
      i++;
    }
    if (spec.multiple) {
      const list = (values[name] as string[] | undefined) ?? [];
      list.push(value);
      values[name] = list;
    } else if (name in values) {
      throw usageError('flagRepeated', { flag: `--${name}` });
    } else values[name] = value;
  }
  return values as FlagValues<F>;
}

/** A whole-number flag within bounds. */
export function numberFlag(name: string, value: string | undefined, min: number, max: number): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (value.trim() === '' || !Number.isFinite(n) || n < min || n > max)
    throw usageError('numberRange', { flag: `--${name}`, min, max, value });
  return n;
}

/** A flag whose value is one of a list. */
export function choiceFlag<T extends string>(
  name: string,
  value: string | undefined,
  choices: readonly T[],
): T | undefined {
  if (value === undefined) return undefined;
  if ((choices as readonly string[]).includes(value)) return value as T;
  throw usageError('flagChoice', { flag: `--${name}`, choices: choices.join(', '), value });
}

/** Flags that say contradictory things (`--snapshot` reads a file, `--base-url` an account): a usage error. */
export function exclusive(values: Record<string, unknown>, a: string, others: readonly string[]): void {
  if (values[a] === undefined) return;
  const clash = others.find((o) => values[o] !== undefined);
  if (clash) throw usageError('flagsConflict', { a: `--${a}`, b: `--${clash}` });
}
