import type { Translate } from '../i18n/translate';
import { COMMAND_NAMES, type CommandName, type FlagSpec, SPECS } from './specs';

function flagLabel(name: string, spec: FlagSpec): string {
  const short = spec.short ? `-${spec.short}, ` : '';
  const value = spec.value ? ` ${spec.value}` : '';
  return `${short}--${name}${value}`;
}

/** Two aligned columns: what to type, what it does. */
function columns(rows: [string, string][]): string[] {
  const width = Math.max(...rows.map(([left]) => left.length));
  return rows.map(([left, right]) => `  ${left.padEnd(width)}  ${right}`);
}

/** `setup-audit <command> --help`: what the command does, every flag, examples, exit codes. */
export function commandHelp(name: CommandName, t: Translate): string {
  const spec = SPECS[name];
  const flags = Object.entries(spec.flags) as [string, FlagSpec][];
  const lines = [
    t('cli.help.usageCommand', { command: name }),
    '',
    t(`cli.commands.${name}`),
    '',
    t('cli.help.flags'),
    ...columns(flags.map(([flag, f]) => [flagLabel(flag, f), t(`cli.flags.${f.about ?? flag}`)])),
    '',
    t('cli.help.examples'),
    ...spec.examples.map((e) => `  ${e}`),
    '',
  ];
  if (spec.account) lines.push(t('cli.help.token'));
  lines.push(t('cli.help.exitCodes'));
  return `${lines.join('\n')}\n`;
}

/** `setup-audit --help`: the commands, how to get a command's help, the token, the exit codes. */
export function generalHelp(t: Translate): string {
  const lines = [
    t('cli.help.usage'),
    '',
    t('cli.help.commands'),
    ...columns(COMMAND_NAMES.map((name) => [name, t(`cli.commands.${name}`)])),
    '',
    t('cli.help.more'),
    '',
    t('cli.help.token'),
    t('cli.help.exitCodes'),
  ];
  return `${lines.join('\n')}\n`;
}
