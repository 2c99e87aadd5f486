/**
 * The configuration document as data: the set-up an account should have. The XLSX the `export`
 * writes and its JSON form both read into this; `capture` writes it from a Snapshot; `plan` diffs it
 * against one. Names, not ids: a document is moved between accounts.
 */
import type { FieldEntity, FieldType, RightLetter } from '../api/dto';
import { LIST_FIELD_TYPES } from '../audit/baseline/types';

/** Version of the JSON form. */
export const BLUEPRINT_SCHEMA = 1;

/** A card field the account should have (matched by normalised name within its entity). */
export interface BlueprintField {
  entity: FieldEntity;
  name: string;
  /** API type code (`select`, `text`, …). */
  type: string;
  /** Option values in order (select, multiselect, radiobutton); [] for other types. */
  options: string[];
  /** Field group name; null = whatever group the account puts it in. */
  group: string | null;
}

/** A pipeline: working stages in order, and the names of 142 and 143. */
export interface BlueprintPipeline {
  name: string;
  main: boolean;
  /** Whether the incoming-leads (unsorted) stage is on. */
  unsorted: boolean;
  /** Archived pipelines are documented but not acted on (the API cannot archive). */
  archived: boolean;
  /** Working stages in order (not unsorted, not 142/143). */
  stages: string[];
  /** Name of stage 142. */
  won: string;
  /** Name of stage 143. */
  lost: string;
}

/** One cell of the required-field matrix: the field must be filled to reach the stage. */
export interface BlueprintRequired {
  entity: FieldEntity;
  field: string;
  pipeline: string;
  /** A working stage's name, or the pipeline's won/lost name for 142/143. */
  stage: string;
}

/** Five actions of one entity, all present. */
export interface FullEntityRights {
  view: RightLetter;
  edit: RightLetter;
  add: RightLetter;
  delete: RightLetter;
  export: RightLetter;
}

/** A role with the rights the document sets in full. */
export interface BlueprintRole {
  name: string;
  rights: {
    leads: FullEntityRights;
    contacts: FullEntityRights;
    companies: FullEntityRights;
    tasks: { edit: RightLetter; delete: RightLetter };
    mail_access: boolean;
    catalog_access: boolean;
  };
}

/** The leads select field that records why a deal was lost, and its reasons. */
export interface BlueprintLossReasons {
  field: string;
  reasons: string[];
}

/** What the planning sheets ask a person to do; the API has no write for it. */
export type PlanningItem =
  | { kind: 'user'; name: string; email: string; role: string | null; admin: boolean }
  | { kind: 'channel'; channel: string; widgets: string }
  | { kind: 'form-field'; form: string; formField: string; crmField: string };

/** The whole document. */
export interface Blueprint {
  schemaVersion: typeof BLUEPRINT_SCHEMA;
  fields: BlueprintField[];
  pipelines: BlueprintPipeline[];
  required: BlueprintRequired[];
  roles: BlueprintRole[];
  /** null when the document does not name a loss-reason field. */
  lossReasons: BlueprintLossReasons | null;
  planning: PlanningItem[];
}

/**
 * The document's sections that become writes, in the order they are applied. Pipelines come first, so
 * every stage exists when a field is created: a new field carries its required stages in its POST.
 */
export const BLUEPRINT_SECTIONS = ['pipelines', 'fields', 'loss-reasons', 'roles', 'required'] as const;
/** One of the sections. */
export type BlueprintSection = (typeof BLUEPRINT_SECTIONS)[number];

/** Field types the documented POST can create without a paid option or extra keys. */
export const CREATABLE_TYPES = [
  'text',
  'numeric',
  'checkbox',
  'select',
  'multiselect',
  'date',
  'url',
  'textarea',
  'radiobutton',
  'streetaddress',
  'smart_address',
  'birthday',
  'legal_entity',
  'date_time',
  'file',
] as const satisfies readonly FieldType[];
/** A field type the document's plan can create. */
export type CreatableType = (typeof CREATABLE_TYPES)[number];

/** True when a document's field type (any string read from a file) is one the plan can create. */
export function isCreatableType(type: string): type is CreatableType {
  return (CREATABLE_TYPES as readonly string[]).includes(type);
}

/** Types whose options are `enums` (sent in full on every PATCH): the baseline's list types, one list. */
export const ENUM_TYPES = LIST_FIELD_TYPES;
