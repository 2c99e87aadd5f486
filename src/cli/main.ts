import { AuthError } from '../api/errors';
import { COMMANDS, type RunContext } from './commands';
import { translatorFor } from './dict';
import { CliError, EXIT, unreachableError, usageError } from './errors';
import { commandHelp, generalHelp } from './help';
import { processIo, type CliIo } from './io';
import { CLI_LANGS, chooseLang } from './lang';
import { COMMAND_NAMES, isCommand } from './specs';
import { closest } from './suggest';
import { VERSION } from './version';
import { guardedIo } from './render/terminal-io';
import { terminalSafe } from '../export/terminal-safe';

const HELP = ['--help', '-h'];
const VERSION_FLAGS = ['--version', '-v'];
const GLOBAL_FLAGS = ['--help', '--version', '--lang'];

/** `--lang X` before the command is accepted too (`setup-audit --lang en audit …`); the rest is the command's. */
function withoutLeadingLang(argv: string[]): string[] {
  if (argv[0] === '--lang') return argv.slice(2);
  if (argv[0]?.startsWith('--lang=')) return argv.slice(1);
  return argv;
}

async function dispatch(argv: string[], io: CliIo, run: RunContext): Promise<number> {
  const { t } = run;
  const [name, ...rest] = withoutLeadingLang(argv);
  if (name === undefined) {
    io.stderr(generalHelp(t));
    return EXIT.usage;
  }
  if (HELP.includes(name) || name === 'help') {
    const topic = rest[0];
    if (name === 'help' && topic !== undefined) {
      if (!isCommand(topic)) throw unknownCommand(topic);
      io.stdout(commandHelp(topic, t));
    } else io.stdout(generalHelp(t));
    return EXIT.ok;
  }
  if (VERSION_FLAGS.includes(name)) {
    io.stdout(`${VERSION}\n`);
    return EXIT.ok;
  }
  if (name.startsWith('-')) {
    const flag = name.split('=')[0]!;
    const guess = closest(flag, GLOBAL_FLAGS);
    throw guess ? usageError('unknownFlagGuess', { flag, guess }) : usageError('unknownFlag', { flag });
  }
  if (!isCommand(name)) throw unknownCommand(name);
  if (rest.some((a) => HELP.includes(a))) {
    io.stdout(commandHelp(name, t));
    return EXIT.ok;
  }
  const command = await COMMANDS[name]();
  return command(rest, io, run);
}

function unknownCommand(name: string): CliError {
  const guess = closest(name, COMMAND_NAMES);
  return guess
    ? usageError('unknownCommandGuess', { name, guess })
    : usageError('unknownCommand', { name, commands: COMMAND_NAMES.join(', ') });
}

/** Runs one CLI invocation and returns its exit code; never throws. Every line is in the run's language. */
export async function main(argv: string[], rawIo: CliIo = processIo()): Promise<number> {
  // Account data (names, error bodies) never reaches the terminal as raw control characters.
  const io = guardedIo(rawIo);
  const choice = chooseLang(argv, io.env);
  const t = translatorFor(choice.lang);
  const first = withoutLeadingLang(argv)[0];
  const prefix = first !== undefined && isCommand(first) ? `setup-audit ${first}` : 'setup-audit';
  try {
    if (!choice.ok)
      throw usageError('langChoice', { source: choice.source, value: choice.value, choices: CLI_LANGS.join(', ') });
    return await dispatch(argv, io, { lang: choice.lang, t });
  } catch (err) {
    // Recognised by class: a bundle or a subclass keeps the class, while a name is only a string.
    const known =
      err instanceof CliError
        ? err
        : err instanceof AuthError
          ? unreachableError('tokenRefusedDuring', { reason: err.message })
          : null;
    if (known) {
      io.stderr(`${prefix}: ${terminalSafe(t(known.text.key, known.text.params))}\n`);
      return known.exitCode;
    }
    io.stderr(
      `${prefix}: ${terminalSafe(t('cli.errors.unexpected', { reason: (err as Error)?.message ?? String(err) }))}\n`,
    );
    return EXIT.failed;
  }
}
