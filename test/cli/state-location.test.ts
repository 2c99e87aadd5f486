import { describe, expect, it } from 'vitest';
import { CliError } from '../../src/cli/errors';
import { requestCountsPath, stateAllowed } from '../../src/cli/state-location';

// Where the request counts live, and when the CLI keeps none: decided by the environment alone.
describe('the request-counts file', () => {
  it.each<[string, Record<string, string>, NodeJS.Platform, string | null]>([
    [
      'XDG_STATE_HOME first',
      { XDG_STATE_HOME: '/x/state', HOME: '/home/u' },
      'linux',
      '/x/state/setup-audit/request-counts.json',
    ],
    ['else ~/.local/state', { HOME: '/home/u' }, 'linux', '/home/u/.local/state/setup-audit/request-counts.json'],
    ['on macOS too', { HOME: '/Users/u' }, 'darwin', '/Users/u/.local/state/setup-audit/request-counts.json'],
    [
      'a relative XDG_STATE_HOME is ignored (the XDG spec)',
      { XDG_STATE_HOME: 'state', HOME: '/home/u' },
      'linux',
      '/home/u/.local/state/setup-audit/request-counts.json',
    ],
    [
      'an empty XDG_STATE_HOME is unset',
      { XDG_STATE_HOME: '', HOME: '/h' },
      'linux',
      '/h/.local/state/setup-audit/request-counts.json',
    ],
    ['no home in the environment: nowhere (never the passwd entry)', {}, 'linux', null],
    ['a relative HOME: nowhere', { HOME: 'u' }, 'linux', null],
    [
      'Windows: %LOCALAPPDATA%',
      { LOCALAPPDATA: 'C:\\Users\\u\\AppData\\Local', HOME: '/home/u' },
      'win32',
      'C:\\Users\\u\\AppData\\Local\\setup-audit\\request-counts.json',
    ],
    [
      'Windows with XDG_STATE_HOME set',
      { XDG_STATE_HOME: 'D:\\state', LOCALAPPDATA: 'C:\\L' },
      'win32',
      'D:\\state\\setup-audit\\request-counts.json',
    ],
    ['Windows without LOCALAPPDATA: nowhere', { HOME: 'C:\\Users\\u' }, 'win32', null],
  ])('%s', (_name, env, platform, want) => {
    expect(requestCountsPath(env, platform)).toBe(want);
  });
});

describe('opting out', () => {
  it.each<[string, boolean | undefined, Record<string, string>, boolean]>([
    ['kept by default', undefined, {}, true],
    ['--no-state', true, {}, false],
    ['SETUP_AUDIT_STATE=off', undefined, { SETUP_AUDIT_STATE: 'off' }, false],
    ['SETUP_AUDIT_STATE=OFF (any case, spaces around)', undefined, { SETUP_AUDIT_STATE: ' OFF ' }, false],
    ['SETUP_AUDIT_STATE=on', undefined, { SETUP_AUDIT_STATE: 'on' }, true],
    ['SETUP_AUDIT_STATE empty reads as unset', undefined, { SETUP_AUDIT_STATE: '' }, true],
    ['--no-state wins over SETUP_AUDIT_STATE=on', true, { SETUP_AUDIT_STATE: 'on' }, false],
  ])('%s', (_name, flag, env, want) => {
    expect(stateAllowed(flag, env)).toBe(want);
  });

  it('any other SETUP_AUDIT_STATE is a usage error naming the variable and its values', () => {
    let caught: unknown;
    try {
      stateAllowed(undefined, { SETUP_AUDIT_STATE: 'false' });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(CliError);
    expect((caught as CliError).exitCode).toBe(2);
    expect((caught as CliError).text).toEqual({
      key: 'cli.errors.flagChoice',
      params: { flag: 'SETUP_AUDIT_STATE', choices: 'on, off', value: 'false' },
    });
  });
});
