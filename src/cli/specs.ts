import { CLI_LANGS } from './lang';

/** One flag of a command: its type, its value's placeholder in help, and the i18n key of its description. */
export interface FlagSpec {
  type: 'string' | 'boolean';
  multiple?: boolean;
  short?: string;
  /** Placeholder of the value in help (`URL`, `FILE`). */
  value?: string;
  /** Description key under `cli.flags.` (default: the flag's name). */
  about?: string;
}

/** A command as help, parsing and "did you mean" see it, before its module is loaded. */
export interface CommandSpec {
  flags: Readonly<Record<string, FlagSpec>>;
  /** Command lines shown under "Example" (commands, not prose: they stay untranslated). */
  examples: readonly string[];
  /** True when the command reads or writes an account (the token and the reachability check apply). */
  account: boolean;
}

const HELP = { help: { type: 'boolean', short: 'h' } } as const satisfies Record<string, FlagSpec>;
const LANG = { lang: { type: 'string', value: CLI_LANGS.join('|') } } as const satisfies Record<string, FlagSpec>;
const WHERE = {
  'base-url': { type: 'string', value: 'URL' },
  subdomain: { type: 'string', value: 'NAME' },
  domain: { type: 'string', value: 'amocrm.ru|kommo.com' },
} as const satisfies Record<string, FlagSpec>;
const BASELINE = { baseline: { type: 'string', value: 'FILE' } } as const satisfies Record<string, FlagSpec>;

/** Every command's flags (design.md §5); the order here is the order of help. */
export const SPECS = {
  audit: {
    account: true,
    flags: {
      ...WHERE,
      format: { type: 'string', value: 'text|json|md|xlsx' },
      out: { type: 'string', value: 'FILE', about: 'auditOut' },
      ...LANG,
      ...BASELINE,
      snapshot: { type: 'string', value: 'FILE' },
      'save-snapshot': { type: 'string', value: 'FILE' },
      'no-state': { type: 'boolean' },
      'fail-under': { type: 'string', value: 'N' },
      'allow-incomplete': { type: 'boolean' },
      blueprint: { type: 'string', value: 'FILE', about: 'auditBlueprint' },
      ...HELP,
    },
    examples: [
      'AMO_TOKEN=… setup-audit audit --subdomain example --format md --out report.md',
      'setup-audit audit --snapshot example.snapshot.json --fail-under 80',
    ],
  },
  fix: {
    account: true,
    flags: {
      ...WHERE,
      rule: { type: 'string', multiple: true, value: 'ID' },
      'all-safe': { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      yes: { type: 'boolean', short: 'y' },
      journal: { type: 'string', value: 'FILE', about: 'fixJournal' },
      'names-lang': { type: 'string', value: CLI_LANGS.join('|') },
      ...LANG,
      ...BASELINE,
      ...HELP,
    },
    examples: [
      'AMO_TOKEN=… setup-audit fix --subdomain example --all-safe --dry-run',
      'AMO_TOKEN=… setup-audit fix --subdomain example --rule unsorted-off --yes --journal example.journal.json',
    ],
  },
  undo: {
    account: true,
    flags: {
      ...WHERE,
      journal: { type: 'string', value: 'FILE', about: 'undoJournal' },
      batch: { type: 'string', value: 'ID' },
      ...LANG,
      ...HELP,
    },
    examples: ['AMO_TOKEN=… setup-audit undo --subdomain example --journal example.journal.json'],
  },
  export: {
    account: true,
    flags: {
      ...WHERE,
      out: { type: 'string', value: 'FILE.xlsx', about: 'documentOut' },
      ...LANG,
      ...BASELINE,
      ...HELP,
    },
    examples: ['AMO_TOKEN=… setup-audit export --subdomain example --out setup.xlsx'],
  },
  preflight: {
    account: true,
    flags: {
      ...WHERE,
      file: { type: 'string', value: 'import.xlsx|import.csv' },
      entity: { type: 'string', value: 'contacts|companies|leads' },
      csv: { type: 'string', value: 'FILE.csv' },
      ...LANG,
      ...BASELINE,
      ...HELP,
    },
    examples: ['AMO_TOKEN=… setup-audit preflight --subdomain example --entity contacts --file contacts.xlsx'],
  },
  template: {
    account: true,
    flags: {
      ...WHERE,
      entity: { type: 'string', value: 'contacts|companies|leads' },
      out: { type: 'string', value: 'FILE.xlsx', about: 'templateOut' },
      ...LANG,
      ...BASELINE,
      ...HELP,
    },
    examples: ['AMO_TOKEN=… setup-audit template --subdomain example --entity leads --out leads.xlsx'],
  },
  capture: {
    account: true,
    flags: {
      ...WHERE,
      out: { type: 'string', value: 'FILE.xlsx|FILE.json', about: 'captureOut' },
      ...LANG,
      ...BASELINE,
      ...HELP,
    },
    examples: [
      'AMO_TOKEN=… setup-audit capture --subdomain model --out setup.xlsx',
      'AMO_TOKEN=… setup-audit capture --subdomain model --out setup.json',
    ],
  },
  plan: {
    account: true,
    flags: {
      ...WHERE,
      blueprint: { type: 'string', value: 'FILE', about: 'blueprint' },
      format: { type: 'string', value: 'text|json', about: 'planFormat' },
      ...LANG,
      ...HELP,
    },
    examples: ['AMO_TOKEN=… setup-audit plan --subdomain client --blueprint setup.xlsx'],
  },
  apply: {
    account: true,
    flags: {
      ...WHERE,
      blueprint: { type: 'string', value: 'FILE', about: 'blueprint' },
      'dry-run': { type: 'boolean' },
      yes: { type: 'boolean', short: 'y' },
      journal: { type: 'string', value: 'FILE', about: 'fixJournal' },
      ...LANG,
      ...HELP,
    },
    examples: [
      'AMO_TOKEN=… setup-audit apply --subdomain client --blueprint setup.xlsx --dry-run',
      'AMO_TOKEN=… setup-audit apply --subdomain client --blueprint setup.xlsx --yes --journal client.journal.json',
    ],
  },
  baseline: {
    account: false,
    flags: {
      out: { type: 'string', value: 'FILE', about: 'baselineOut' },
      check: { type: 'string', value: 'FILE' },
      ...LANG,
      ...HELP,
    },
    examples: ['setup-audit baseline --out my-baseline.json', 'setup-audit baseline --check my-baseline.json'],
  },
} as const satisfies Record<string, CommandSpec>;

/** A command's name. */
export type CommandName = keyof typeof SPECS;

/** The command names in help order. */
export const COMMAND_NAMES = Object.keys(SPECS) as CommandName[];

/** True when `name` is a command. */
export function isCommand(name: string): name is CommandName {
  return Object.hasOwn(SPECS, name);
}
