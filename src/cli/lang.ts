import { isLang, LANGS, type Lang } from '../i18n/langs';

/** The languages the CLI speaks: the product's (i18n/<lang>.json, bundled by dict.ts). */
export const CLI_LANGS: readonly Lang[] = LANGS;

/** Where the run's language came from, so a bad value can be named in the error. */
export type LangChoice =
  | { ok: true; lang: Lang }
  | { ok: false; lang: Lang; source: '--lang' | 'SETUP_AUDIT_LANG'; value: string };

/** The `--lang` value in argv (`--lang X` or `--lang=X`), read before the command's own parsing. */
export function langInArgv(argv: readonly string[]): string | undefined {
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') return undefined;
    if (arg === '--lang') return argv[i + 1] ?? '';
    if (arg.startsWith('--lang=')) return arg.slice('--lang='.length);
  }
  return undefined;
}

/**
 * The locale's language as POSIX orders it: LC_ALL, then LC_MESSAGES, then LANG; the first one set wins.
 * `C` and `POSIX` (and any language the CLI does not speak) mean English.
 */
export function localeLang(env: Record<string, string | undefined>): Lang {
  const locale = [env.LC_ALL, env.LC_MESSAGES, env.LANG].find((v) => v !== undefined && v !== '') ?? '';
  const code = locale.split(/[_.@-]/)[0]!.toLowerCase();
  return isLang(code) ? code : 'en';
}

/**
 * One rule for every line the CLI prints, usage errors included: `--lang`, else `SETUP_AUDIT_LANG`, else
 * the locale. A value the CLI does not speak is reported (with the language of the next source down).
 */
export function chooseLang(argv: readonly string[], env: Record<string, string | undefined>): LangChoice {
  const flag = langInArgv(argv);
  const fromEnv = env.SETUP_AUDIT_LANG?.trim() || undefined;
  const fallback = localeLang(env);
  const below = fromEnv !== undefined && isLang(fromEnv) ? fromEnv : fallback;
  if (flag !== undefined) {
    return isLang(flag) ? { ok: true, lang: flag } : { ok: false, lang: below, source: '--lang', value: flag };
  }
  if (fromEnv !== undefined) {
    return isLang(fromEnv)
      ? { ok: true, lang: fromEnv }
      : { ok: false, lang: fallback, source: 'SETUP_AUDIT_LANG', value: fromEnv };
  }
  return { ok: true, lang: fallback };
}
