/**
 * The JSON form of the document (for set-ups kept in git): the Blueprint itself, pretty-printed with a
 * stable key order. Reading checks every value's type and names the path of each one that is wrong.
 */
import { FIELD_ENTITIES } from '../api/dto';
import type { FieldEntity, RightLetter } from '../api/dto';
import type { DocumentProblem, ReadResult } from './problems';
import { completeEntity, ROLE_ACTIONS, type ROLE_ENTITIES } from './rights';
import {
  BLUEPRINT_SCHEMA,
  type Blueprint,
  type BlueprintField,
  type BlueprintPipeline,
  type BlueprintRequired,
  type BlueprintRole,
  type PlanningItem,
} from './types';

/** The document as JSON text. */
export function blueprintToJson(b: Blueprint): string {
  return `${JSON.stringify(b, null, 2)}\n`;
}

const ENTITIES = FIELD_ENTITIES;
const LETTERS: readonly RightLetter[] = ['A', 'G', 'M', 'D', 'L'];

type Obj = Record<string, unknown>;
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Reads the document's JSON text; every wrong value is reported with its path. */
export function blueprintFromJson(text: string): ReadResult<Blueprint> {
  const problems: DocumentProblem[] = [];
  const bad = (path: string, key: string, params: Record<string, string | number> = {}) =>
    problems.push({ path, message: { key: `blueprint.read.${key}`, params } });
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    bad('$', 'notJson', { reason: (err as Error).message });
    return { ok: false, problems };
  }
  if (!isObj(json) || json['schemaVersion'] !== BLUEPRINT_SCHEMA) {
    bad('schemaVersion', 'schema', { version: BLUEPRINT_SCHEMA });
    return { ok: false, problems };
  }
  const str = (o: Obj, k: string, path: string, allowEmpty = false): string => {
    const v = o[k];
    if (typeof v !== 'string' || (!allowEmpty && v.trim() === '')) {
      bad(`${path}.${k}`, 'text');
      return '';
    }
    return v.trim();
  };
  const bool = (o: Obj, k: string, path: string): boolean => {
    if (typeof o[k] !== 'boolean') bad(`${path}.${k}`, 'bool');
    return o[k] === true;
  };
  const entity = (o: Obj, path: string): FieldEntity => {
    const v = o['entity'];
    if (!ENTITIES.includes(v as FieldEntity)) bad(`${path}.entity`, 'entity', { value: String(v) });
    return v as FieldEntity;
  };
  const list = (k: string): Obj[] => {
    const v = json[k as keyof typeof json];
    if (v === undefined) return [];
    if (!Array.isArray(v)) {
      bad(k, 'list');
      return [];
    }
    return v.filter((x, i) => {
      if (!isObj(x)) bad(`${k}[${i}]`, 'object');
      return isObj(x);
    }) as Obj[];
  };
  const strings = (o: Obj, k: string, path: string): string[] => {
    const v = o[k];
    if (!Array.isArray(v) || v.some((x) => typeof x !== 'string')) {
      bad(`${path}.${k}`, 'textList');
      return [];
    }
    return (v as string[]).map((x) => x.trim()).filter((x) => x !== '');
  };
  /** The object at o[k], or {} after reporting it. */
  const obj = (o: Obj, k: string, path: string): Obj => {
    const v = o[k];
    if (isObj(v)) return v;
    bad(`${path}.${k}`, 'object');
    return {};
  };
  const letter = (v: unknown, path: string): RightLetter => {
    if (!LETTERS.includes(v as RightLetter)) bad(path, 'right', { value: String(v) });
    return v as RightLetter;
  };

  const fields: BlueprintField[] = list('fields').map((f, i) => {
    const p = `fields[${i}]`;
    const group = f['group'];
    if (group !== null && group !== undefined && typeof group !== 'string') bad(`${p}.group`, 'text');
    return {
      entity: entity(f, p),
      name: str(f, 'name', p),
      type: str(f, 'type', p),
      options: f['options'] === undefined ? [] : strings(f, 'options', p),
      group: typeof group === 'string' && group.trim() !== '' ? group.trim() : null,
    };
  });
  const pipelines: BlueprintPipeline[] = list('pipelines').map((x, i) => {
    const p = `pipelines[${i}]`;
    return {
      name: str(x, 'name', p),
      main: bool(x, 'main', p),
      unsorted: bool(x, 'unsorted', p),
      archived: x['archived'] === undefined ? false : bool(x, 'archived', p),
      stages: strings(x, 'stages', p),
      won: str(x, 'won', p),
      lost: str(x, 'lost', p),
    };
  });
  const required: BlueprintRequired[] = list('required').map((r, i) => {
    const p = `required[${i}]`;
    return {
      entity: entity(r, p),
      field: str(r, 'field', p),
      pipeline: str(r, 'pipeline', p),
      stage: str(r, 'stage', p),
    };
  });
  const roles: BlueprintRole[] = list('roles').map((r, i) => {
    const p = `roles[${i}]`;
    const rights = obj(r, 'rights', p);
    const entityRights = (e: (typeof ROLE_ENTITIES)[number]) => {
      const block = obj(rights, e, `${p}.rights`);
      const out: Partial<Record<(typeof ROLE_ACTIONS)[number], RightLetter>> = {};
      for (const a of ROLE_ACTIONS) out[a] = letter(block[a], `${p}.rights.${e}.${a}`);
      return completeEntity(out);
    };
    const tasks = obj(rights, 'tasks', `${p}.rights`);
    return {
      name: str(r, 'name', p),
      rights: {
        leads: entityRights('leads'),
        contacts: entityRights('contacts'),
        companies: entityRights('companies'),
        tasks: {
          edit: letter(tasks['edit'], `${p}.rights.tasks.edit`),
          delete: letter(tasks['delete'], `${p}.rights.tasks.delete`),
        },
        mail_access: bool(rights, 'mail_access', `${p}.rights`),
        catalog_access: rights['catalog_access'] === undefined ? false : bool(rights, 'catalog_access', `${p}.rights`),
      },
    };
  });
  let lossReasons: Blueprint['lossReasons'] = null;
  const lr = json['lossReasons'];
  if (isObj(lr))
    lossReasons = { field: str(lr, 'field', 'lossReasons'), reasons: strings(lr, 'reasons', 'lossReasons') };
  else if (lr !== null && lr !== undefined) bad('lossReasons', 'object');
  const planning = list('planning')
    .map((x, i): PlanningItem | null => {
      const p = `planning[${i}]`;
      switch (x['kind']) {
        case 'user':
          return {
            kind: 'user',
            name: str(x, 'name', p),
            email: str(x, 'email', p, true),
            role: typeof x['role'] === 'string' && x['role'].trim() !== '' ? x['role'].trim() : null,
            admin: x['admin'] === true,
          };
        case 'channel':
          return { kind: 'channel', channel: str(x, 'channel', p), widgets: str(x, 'widgets', p, true) };
        case 'form-field':
          return {
            kind: 'form-field',
            form: str(x, 'form', p, true),
            formField: str(x, 'formField', p),
            crmField: str(x, 'crmField', p),
          };
        default:
          bad(`${p}.kind`, 'planningKind', { value: String(x['kind']) });
          return null;
      }
    })
    .filter((x) => x !== null);
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    value: { schemaVersion: BLUEPRINT_SCHEMA, fields, pipelines, required, roles, lossReasons, planning },
  };
}
