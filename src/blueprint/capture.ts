/**
 * Capture: the account's configuration as a document (names only, so it can be applied to another
 * account). Reads fields, field groups, pipelines, roles and users from a Snapshot; pure.
 */
import type { CustomFieldDto, FieldGroupDto, PipelineDto, WidgetDto } from '../api/dto';
import { defaultBaseline } from '../audit/baseline/load';
import { normalizeName } from '../audit/normalize';
import { channelWidgets, CHANNELS } from '../export/configuration/channels';
import { FIELD_PARTS, dataOf, type Snapshot } from '../snapshot/types';
import { roleRightsOf } from './rights';
import { LOST, stagesOf } from './stages';
import {
  BLUEPRINT_SCHEMA,
  ENUM_TYPES,
  type Blueprint,
  type BlueprintField,
  type BlueprintLossReasons,
  type BlueprintPipeline,
  type BlueprintRequired,
  type PlanningItem,
} from './types';

/** Options of an enum-type field in their order. */
export function optionsOf(f: CustomFieldDto): string[] {
  if (!ENUM_TYPES.includes(f.type)) return [];
  return [...(f.enums ?? [])].sort((a, b) => a.sort - b.sort || a.id - b.id).map((e) => e.value);
}

// Names are matched normalised; the document keeps them trimmed, as a spreadsheet cell reads back.
const clean = (name: string) => name.trim();

function groupName(groups: FieldGroupDto[] | undefined, id: string | null): string | null {
  if (!id) return null;
  return groups?.find((g) => g.id === id)?.name.trim() ?? null;
}

/** A pipeline as the document holds it. */
export function pipelineOf(p: PipelineDto): BlueprintPipeline {
  const s = stagesOf(p);
  return {
    name: clean(p.name),
    main: p.is_main,
    unsorted: p.is_unsorted_on,
    archived: p.is_archive,
    stages: s.working.map((x) => clean(x.name)),
    won: clean(s.won?.name ?? ''),
    lost: clean(s.lost?.name ?? ''),
  };
}

/** The leads field the account records loss reasons in: required at 143 somewhere, else named as the baseline's. */
export function lossReasonField(fields: CustomFieldDto[]): CustomFieldDto | undefined {
  const lists = fields.filter((f) => ENUM_TYPES.includes(f.type));
  const at143 = lists.find((f) => (f.required_statuses ?? []).some((r) => r.status_id === LOST));
  if (at143) return at143;
  const names = defaultBaseline()
    .fields.filter((f) => f.purpose === 'loss-reason')
    .flatMap((f) => [f.name.ru, f.name.en, f.name.pt].map(normalizeName));
  return lists.find((f) => names.includes(normalizeName(f.name)));
}

/** The account's configuration as a document. Parts that failed to load leave their section empty. */
export function captureBlueprint(snapshot: Snapshot): Blueprint {
  const parts = snapshot.parts;
  const pipelines = [...(dataOf(parts.pipelines) ?? [])].sort((a, b) => a.sort - b.sort || a.id - b.id);
  const groups = dataOf(parts.fieldGroups);
  const fields: BlueprintField[] = [];
  const required: BlueprintRequired[] = [];
  for (const { entity, part } of FIELD_PARTS) {
    const list = [...(dataOf(parts[part]) ?? [])].sort((a, b) => a.sort - b.sort || a.id - b.id);
    for (const f of list) {
      // Tracking fields are the account's own statistics; no document creates them.
      if (f.type === 'tracking_data') continue;
      fields.push({
        entity,
        name: clean(f.name),
        type: f.type,
        options: optionsOf(f).map(clean),
        group: groupName(groups?.[entity], f.group_id),
      });
      for (const r of f.required_statuses ?? []) {
        const p = pipelines.find((x) => x.id === r.pipeline_id);
        const s = p?._embedded.statuses.find((x) => x.id === r.status_id);
        if (!p || !s) continue;
        required.push({ entity, field: clean(f.name), pipeline: clean(p.name), stage: clean(s.name) });
      }
    }
  }
  const roles = [...(dataOf(parts.roles) ?? [])]
    .sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id)
    .map((r) => ({ name: clean(r.name), rights: roleRightsOf(r.rights) }));
  const loss = lossReasonField(dataOf(parts.leadFields) ?? []);
  // A document's loss reasons mean their field is required at 143 in every active pipeline (plan/loss-reasons):
  // an account that requires it in some only is captured as it is — the field, with its own matrix rows.
  const everywhere =
    loss &&
    pipelines
      .filter((p) => !p.is_archive)
      .every((p) => (loss.required_statuses ?? []).some((r) => r.pipeline_id === p.id && r.status_id === LOST));
  const lossReasons: BlueprintLossReasons | null =
    loss && everywhere ? { field: clean(loss.name), reasons: optionsOf(loss).map(clean) } : null;
  return {
    schemaVersion: BLUEPRINT_SCHEMA,
    fields,
    pipelines: pipelines.map(pipelineOf),
    required,
    roles,
    lossReasons,
    planning: planningOf(snapshot),
  };
}

/** Who has which role, and which widgets serve each channel: set by hand, listed for the person doing it. */
function planningOf(snapshot: Snapshot): PlanningItem[] {
  const roles = dataOf(snapshot.parts.roles) ?? [];
  const users = [...(dataOf(snapshot.parts.users) ?? [])]
    .filter((u) => u.rights.is_active)
    .sort((a, b) => a.name.localeCompare(b.name) || a.id - b.id);
  const items: PlanningItem[] = users.map((u) => ({
    kind: 'user',
    name: clean(u.name),
    email: clean(u.email),
    role: u.rights.role_id === null ? null : clean(roles.find((r) => r.id === u.rights.role_id)?.name ?? '') || null,
    admin: u.rights.is_admin,
  }));
  const widgets: WidgetDto[] = dataOf(snapshot.parts.widgets) ?? [];
  for (const channel of CHANNELS) {
    items.push({ kind: 'channel', channel, widgets: channelWidgets(channel, widgets).join('\n') });
  }
  return items;
}
