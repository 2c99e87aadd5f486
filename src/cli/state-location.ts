/**
 * Where the CLI keeps what it remembers between runs, and whether it may. Only the environment decides
 * the place (never the password database behind it): a run with no home in its environment keeps nothing,
 * so a stripped-down CI job or a test never writes into a home directory it was not pointed at.
 */
import { isAbsolute, join, win32 } from 'node:path';
import { usageError } from './errors';

/** The folder of the CLI's state inside the platform's state directory. */
export const STATE_DIR = 'setup-audit';
/** The file of per-account request counts (what the next audit's time left is estimated from). */
export const REQUEST_COUNTS_FILE = 'request-counts.json';

/**
 * The request-counts file: `$XDG_STATE_HOME/setup-audit/…`, else `~/.local/state/setup-audit/…`; on Windows
 * `%LOCALAPPDATA%\setup-audit\…`. Relative directories are ignored, as the XDG spec says they must be (they
 * would move with the working folder). Null when the environment names no usable place.
 */
export function requestCountsPath(
  env: Record<string, string | undefined>,
  platform: NodeJS.Platform = process.platform,
): string | null {
  const path = platform === 'win32' ? win32 : { isAbsolute, join };
  const xdg = env.XDG_STATE_HOME;
  if (xdg && path.isAbsolute(xdg)) return path.join(xdg, STATE_DIR, REQUEST_COUNTS_FILE);
  if (platform === 'win32') {
    const local = env.LOCALAPPDATA;
    return local && path.isAbsolute(local) ? path.join(local, STATE_DIR, REQUEST_COUNTS_FILE) : null;
  }
  const home = env.HOME;
  return home && path.isAbsolute(home) ? path.join(home, '.local', 'state', STATE_DIR, REQUEST_COUNTS_FILE) : null;
}

/** The values `SETUP_AUDIT_STATE` accepts (empty or unset reads as `on`). */
const STATE_SWITCH = ['on', 'off'] as const;

/**
 * False when the run opts out: `--no-state`, or `SETUP_AUDIT_STATE=off` (for CI, where no flag is at hand).
 * Any other value of the variable is a usage error, so a typo (`of`, `false`) does not silently keep state.
 */
export function stateAllowed(noStateFlag: boolean | undefined, env: Record<string, string | undefined>): boolean {
  const raw = env.SETUP_AUDIT_STATE?.trim().toLowerCase() ?? '';
  if (raw !== '' && !(STATE_SWITCH as readonly string[]).includes(raw))
    throw usageError('flagChoice', {
      flag: 'SETUP_AUDIT_STATE',
      choices: STATE_SWITCH.join(', '),
      value: env.SETUP_AUDIT_STATE ?? '',
    });
  return !noStateFlag && raw !== 'off';
}
