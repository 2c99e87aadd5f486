import type {
  Baseline,
  BaselineEntityRights,
  BaselineField,
  BaselineLimits,
  BaselineManagerRights,
  BaselineThresholds,
  LocalizedText,
  RequiredFieldRule,
  UsageThresholds,
} from './types';
import { BASELINE_FIELD_TYPES, DEFAULT_USAGE, LIST_FIELD_TYPES } from './types';
import type { FieldEntity, RightLetter } from '../../api/dto';
import { FIELD_PARTS } from '../../snapshot/types';
import { LANGS, type Lang } from '../../i18n/langs';
import { RIGHT_ENTITIES } from '../terms';

/** Why a baseline was rejected: the dotted path of the bad key and what was expected there. */
export interface BaselineError {
  path: string;
  expected: string;
  /** `path: expected …`, for logs and the CLI. */
  message: string;
}

/** Validation outcome: the typed baseline or the first error found. */
export type BaselineResult = { ok: true; baseline: Baseline } | { ok: false; error: BaselineError };

/** Thrown inside the validator and turned into a BaselineResult at the edge. */
class Invalid extends Error {
  constructor(
    readonly path: string,
    readonly expected: string,
  ) {
    super(`${path || '(root)'}: ${expected}`);
  }
}

const RIGHTS: readonly RightLetter[] = ['A', 'G', 'M', 'D'];
const FIELD_ENTITIES: readonly FieldEntity[] = FIELD_PARTS.map((f) => f.entity);

type Obj = Record<string, unknown>;

function at(path: string, key: string | number): string {
  return typeof key === 'number' ? `${path}[${key}]` : path ? `${path}.${key}` : key;
}

/** An object with exactly the allowed keys (unknown keys are typos and are rejected). */
function object(v: unknown, path: string, required: string[], optional: string[] = []): Obj {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) throw new Invalid(path, 'expected an object');
  const o = v as Obj;
  for (const k of Object.keys(o)) {
    if (!required.includes(k) && !optional.includes(k)) throw new Invalid(at(path, k), 'unknown key');
  }
  for (const k of required) if (!(k in o)) throw new Invalid(at(path, k), 'missing');
  return o;
}

function string(v: unknown, path: string): string {
  if (typeof v !== 'string' || v.trim() === '') throw new Invalid(path, 'expected a non-empty string');
  return v;
}

function positiveInt(v: unknown, path: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) throw new Invalid(path, 'expected a positive integer');
  return v;
}

function array(v: unknown, path: string, minLength = 0): unknown[] {
  if (!Array.isArray(v)) throw new Invalid(path, 'expected an array');
  if (v.length < minLength) throw new Invalid(path, `expected at least ${minLength} entries`);
  return v;
}

function oneOf<T extends string | number>(v: unknown, path: string, allowed: readonly T[]): T {
  if (!allowed.includes(v as T)) throw new Invalid(path, `expected one of ${allowed.join(', ')}`);
  return v as T;
}

/** The languages every text must carry: the product's first two, which every baseline ever written has. */
const REQUIRED_LANGS = ['ru', 'en'] as const;
const OPTIONAL_LANGS = LANGS.filter((l) => !(REQUIRED_LANGS as readonly Lang[]).includes(l));

/**
 * ru and en are required; any later language (es, pt, …) may be absent from a baseline written before the
 * product spoke it, and then reads as the en text (Latin script, as those accounts' names are) rather than
 * refusing the file.
 */
function text(v: unknown, path: string): LocalizedText {
  const o = object(v, path, [...REQUIRED_LANGS], OPTIONAL_LANGS);
  const en = string(o.en, at(path, 'en'));
  const result = { ru: string(o.ru, at(path, 'ru')), en } as LocalizedText;
  for (const lang of OPTIONAL_LANGS) result[lang] = lang in o ? string(o[lang], at(path, lang)) : en;
  return result;
}

function field(v: unknown, path: string): BaselineField {
  const o = object(v, path, ['key', 'entity', 'name', 'type'], ['options', 'purpose']);
  const type = oneOf(o.type, at(path, 'type'), BASELINE_FIELD_TYPES);
  const result: BaselineField = {
    key: string(o.key, at(path, 'key')),
    entity: oneOf(o.entity, at(path, 'entity'), FIELD_ENTITIES),
    name: text(o.name, at(path, 'name')),
    type,
  };
  if (LIST_FIELD_TYPES.includes(type)) {
    // The API refuses to create a list field without options.
    if (!('options' in o)) throw new Invalid(at(path, 'options'), 'missing');
    result.options = array(o.options, at(path, 'options'), 1).map((x, i) => text(x, at(at(path, 'options'), i)));
  } else if ('options' in o) {
    throw new Invalid(at(path, 'options'), `not allowed for type ${type}`);
  }
  if ('purpose' in o) result.purpose = oneOf(o.purpose, at(path, 'purpose'), ['lead-source', 'loss-reason'] as const);
  return result;
}

function requiredRule(v: unknown, path: string): RequiredFieldRule {
  const o = object(v, path, ['field'], ['fromWorkingStage', 'atStatus']);
  const ref = string(o.field, at(path, 'field'));
  if ('fromWorkingStage' in o === 'atStatus' in o)
    throw new Invalid(path, 'expected exactly one of fromWorkingStage, atStatus');
  if ('atStatus' in o) return { field: ref, atStatus: oneOf(o.atStatus, at(path, 'atStatus'), [142, 143] as const) };
  return { field: ref, fromWorkingStage: positiveInt(o.fromWorkingStage, at(path, 'fromWorkingStage')) };
}

function entityRights(v: unknown, path: string): BaselineEntityRights {
  const o = object(v, path, ['view', 'edit', 'add', 'delete', 'export']);
  return {
    view: oneOf(o.view, at(path, 'view'), RIGHTS),
    edit: oneOf(o.edit, at(path, 'edit'), RIGHTS),
    // The API accepts only A or D for `add`.
    add: oneOf(o.add, at(path, 'add'), ['A', 'D'] as const),
    delete: oneOf(o.delete, at(path, 'delete'), RIGHTS),
    export: oneOf(o.export, at(path, 'export'), RIGHTS),
  };
}

function managerRights(v: unknown, path: string): BaselineManagerRights {
  const o = object(v, path, [...RIGHT_ENTITIES, 'tasks', 'mail_access']);
  const tasks = object(o.tasks, at(path, 'tasks'), ['edit', 'delete']);
  if (typeof o.mail_access !== 'boolean') throw new Invalid(at(path, 'mail_access'), 'expected a boolean');
  return {
    leads: entityRights(o.leads, at(path, 'leads')),
    contacts: entityRights(o.contacts, at(path, 'contacts')),
    companies: entityRights(o.companies, at(path, 'companies')),
    tasks: {
      edit: oneOf(tasks.edit, at(at(path, 'tasks'), 'edit'), RIGHTS),
      delete: oneOf(tasks.delete, at(at(path, 'tasks'), 'delete'), RIGHTS),
    },
    mail_access: o.mail_access,
  };
}

const USAGE_SHARES = [
  'leadsWithoutTaskShare',
  'overdueTaskShare',
  'idleLeadShare',
  'leadsWithoutContactShare',
  'ownerShare',
] as const;
const USAGE_COUNTS = ['minOpenLeads', 'overdueDays', 'idleDays', 'unsortedHours', 'ownerMinUsers'] as const;

/** The usage thresholds: every key optional (a baseline saved before the area existed still loads). */
function usage(v: unknown, path: string): UsageThresholds {
  const o = object(v, path, [], [...USAGE_SHARES, ...USAGE_COUNTS]);
  const out: UsageThresholds = { ...DEFAULT_USAGE };
  for (const k of USAGE_SHARES) {
    if (!(k in o)) continue;
    const share = o[k];
    // A share of 1 would never fail; 0 fails on the first record: both are legal, if unusual, choices.
    if (typeof share !== 'number' || !(share >= 0 && share <= 1))
      throw new Invalid(at(path, k), 'expected a number in [0, 1]');
    out[k] = share;
  }
  for (const k of USAGE_COUNTS) if (k in o) out[k] = intIn(o[k], at(path, k), k === 'overdueDays' ? 0 : 1, 100_000);
  return out;
}

function thresholds(v: unknown, path: string): BaselineThresholds {
  const o = object(v, path, ['maxAdmins', 'maxAdminShare', 'signalWindowDays', 'stageCount'], ['usage']);
  const share = o.maxAdminShare;
  if (typeof share !== 'number' || !(share > 0 && share <= 1)) {
    throw new Invalid(at(path, 'maxAdminShare'), 'expected a number in (0, 1]');
  }
  const sc = object(o.stageCount, at(path, 'stageCount'), ['min', 'max']);
  const min = positiveInt(sc.min, at(at(path, 'stageCount'), 'min'));
  const max = positiveInt(sc.max, at(at(path, 'stageCount'), 'max'));
  // amoCRM allows at most 100 statuses per pipeline including the three system ones.
  if (max > 97) throw new Invalid(at(at(path, 'stageCount'), 'max'), 'expected at most 97');
  if (min > max) throw new Invalid(at(path, 'stageCount'), 'expected min ≤ max');
  return {
    maxAdmins: positiveInt(o.maxAdmins, at(path, 'maxAdmins')),
    maxAdminShare: share,
    signalWindowDays: positiveInt(o.signalWindowDays, at(path, 'signalWindowDays')),
    stageCount: { min, max },
    usage: 'usage' in o ? usage(o.usage, at(path, 'usage')) : { ...DEFAULT_USAGE },
  };
}

function intIn(v: unknown, path: string, min: number, max: number): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
    throw new Invalid(path, `expected an integer from ${min} to ${max}`);
  return v;
}

function limits(v: unknown, path: string): Partial<BaselineLimits> {
  const o = object(v, path, [], ['maxRetryAfterSeconds', 'auditDeadlineMinutes']);
  const out: Partial<BaselineLimits> = {};
  // An hour of Retry-After is already a ban in all but name; a day is longer than anyone waits for an audit.
  if ('maxRetryAfterSeconds' in o)
    out.maxRetryAfterSeconds = intIn(o.maxRetryAfterSeconds, at(path, 'maxRetryAfterSeconds'), 0, 3600);
  if ('auditDeadlineMinutes' in o)
    out.auditDeadlineMinutes = intIn(o.auditDeadlineMinutes, at(path, 'auditDeadlineMinutes'), 1, 1440);
  return out;
}

function baseline(v: unknown): Baseline {
  const o = object(
    v,
    '',
    ['id', 'version', 'name', 'pipeline', 'fields', 'requiredFields', 'managerRights', 'thresholds'],
    ['limits'],
  );
  const pipe = object(o.pipeline, 'pipeline', ['stages', 'won']);
  const stages = array(pipe.stages, 'pipeline.stages', 1).map((s, i) => text(s, at('pipeline.stages', i)));
  const fields = array(o.fields, 'fields').map((f, i) => field(f, at('fields', i)));
  // One pass with sets: a baseline of 60,000 fields validates in milliseconds (findIndex per field was quadratic).
  const keys = new Set<string>();
  const purposes = new Set<string>();
  fields.forEach((f, i) => {
    if (keys.has(f.key)) throw new Invalid(at(at('fields', i), 'key'), `duplicate key "${f.key}"`);
    keys.add(f.key);
    if (f.purpose) {
      if (purposes.has(f.purpose))
        throw new Invalid(at(at('fields', i), 'purpose'), `duplicate purpose "${f.purpose}"`);
      purposes.add(f.purpose);
    }
  });
  const requiredFields = array(o.requiredFields, 'requiredFields').map((r, i) => {
    const rule = requiredRule(r, at('requiredFields', i));
    if (!keys.has(rule.field)) {
      throw new Invalid(at(at('requiredFields', i), 'field'), `expected a key of fields, got "${rule.field}"`);
    }
    if ('fromWorkingStage' in rule && rule.fromWorkingStage > stages.length) {
      throw new Invalid(
        at(at('requiredFields', i), 'fromWorkingStage'),
        `expected at most ${stages.length} (the stage template)`,
      );
    }
    return rule;
  });
  return {
    id: string(o.id, 'id'),
    version: string(o.version, 'version'),
    name: text(o.name, 'name'),
    pipeline: { stages, won: text(pipe.won, 'pipeline.won') },
    fields,
    requiredFields,
    managerRights: managerRights(o.managerRights, 'managerRights'),
    thresholds: thresholds(o.thresholds, 'thresholds'),
    ...('limits' in o ? { limits: limits(o.limits, 'limits') } : {}),
  };
}

/** Check unknown JSON against the Baseline shape; returns a fresh typed copy or the first bad key's path. */
export function validateBaseline(input: unknown): BaselineResult {
  try {
    return { ok: true, baseline: baseline(input) };
  } catch (err) {
    if (!(err instanceof Invalid)) throw err;
    return { ok: false, error: { path: err.path, expected: err.expected, message: err.message } };
  }
}
