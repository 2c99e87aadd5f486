import { COMMANDS } from './commands';
import { CliError, EXIT } from './errors';
import { processIo, type CliIo } from './io';
import { translatorFor } from './dict';
import { langFlag } from './args';

/** Runs one CLI invocation and returns its exit code; never throws. */
export async function main(argv: string[], io: CliIo = processIo()): Promise<number> {
  const t = translatorFor(langFlag(undefined, io.env));
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(`${t('cli.usage')}\n`);
    return name ? EXIT.ok : EXIT.usage;
  }
  const command = COMMANDS[name];
  if (!command) {
    io.stderr(`setup-audit: ${t('cli.unknownCommand', { name, commands: Object.keys(COMMANDS).join(', ') })}\n`);
    return EXIT.usage;
  }
  if (rest.includes('--help') || rest.includes('-h')) {
    io.stdout(`${t('cli.usage')}\n`);
    return EXIT.ok;
  }
  try {
    return await command(rest, io);
  } catch (err) {
    if (err instanceof CliError) {
      io.stderr(`setup-audit ${name}: ${err.message}\n`);
      return err.exitCode;
    }
    const e = err as Error & { status?: number };
    if (e?.name === 'AuthError') {
      io.stderr(`setup-audit ${name}: ${e.message}\n`);
      return EXIT.unreachable;
    }
    io.stderr(`setup-audit ${name}: ${e?.message ?? String(err)}\n`);
    return EXIT.failed;
  }
}
