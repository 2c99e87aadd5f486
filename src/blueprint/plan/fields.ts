/**
 * Fields: matched by normalised name within the entity. A missing field is created (with its options
 * and group); missing options are added with every existing option kept by id; a type mismatch is
 * left to a person (the API cannot change a type); nothing is removed.
 */
import type { CustomFieldDto, FieldEntity } from '../../api/dto';
import { normalizeName } from '../../audit/normalize';
import { createField, patchField, type FieldChanges } from '../../fix/ops';
import { optionsOf } from '../capture';
import { ENUM_TYPES, isCreatableType, type Blueprint, type BlueprintField, type BlueprintSection } from '../types';
import type { Model } from './model';
import { needModel } from './model';
import { labels, liveEntries, wantedEntries } from './required';
import { emptySection, type SectionPlan } from './section';

/** The account's field of that name in the entity (the first by sort when names repeat). */
export function findField(model: Model, entity: FieldEntity, name: string): CustomFieldDto | undefined {
  const n = normalizeName(name);
  return [...needModel(model, 'fields')[entity]]
    .sort((a, b) => a.sort - b.sort || a.id - b.id)
    .find((f) => normalizeName(f.name) === n);
}

/** The group's id by normalised name, or undefined when the account has no such group. */
function groupId(model: Model, entity: FieldEntity, name: string): string | undefined {
  const n = normalizeName(name);
  return model.groups?.[entity]?.find((g) => normalizeName(g.name) === n)?.id;
}

function groupNameOf(model: Model, entity: FieldEntity, id: string | null): string | null {
  if (!id) return null;
  return model.groups?.[entity]?.find((g) => g.id === id)?.name ?? null;
}

/**
 * The document's fields with every later mention of a field (same entity, name and type) folded into its
 * first: one field, the options of both in order, the first group named. A document asks for a field
 * once however often it names it; two fields of one name but different types are two fields.
 */
export function foldMentions(wanted: readonly BlueprintField[]): BlueprintField[] {
  const out: BlueprintField[] = [];
  for (const w of wanted) {
    const first = out.find(
      (f) => f.entity === w.entity && f.type === w.type && normalizeName(f.name) === normalizeName(w.name),
    );
    if (!first) {
      out.push({ ...w, options: [...w.options] });
      continue;
    }
    for (const o of w.options)
      if (!first.options.some((x) => normalizeName(x) === normalizeName(o))) first.options.push(o);
    first.group ??= w.group;
  }
  return out;
}

/**
 * Plans the given fields as one section (fields, or the loss-reason field). With the document's matrix,
 * a field it creates carries its required stages in its POST (the pipelines are planned before, so
 * every stage it names exists by then): the field is written once, never PATCHed after it was made.
 */
export function planFields(
  model: Model,
  mentions: BlueprintField[],
  section: BlueprintSection,
  matrix?: Pick<Blueprint, 'pipelines' | 'required'>,
): SectionPlan {
  const out = emptySection(section);
  const all = needModel(model, 'fields');
  const wanted = foldMentions(mentions);
  // A name may repeat in the account (or in a document captured from one, with another type): each
  // document field takes its own account field, the one of its type first.
  const used = new Set<number>();
  for (const w of wanted) {
    const p = { entity: w.entity, field: w.name };
    const n = normalizeName(w.name);
    const candidates = [...all[w.entity]]
      .sort((a, b) => a.sort - b.sort || a.id - b.id)
      .filter((f) => !used.has(f.id) && normalizeName(f.name) === n);
    const have = candidates.find((f) => f.type === w.type) ?? candidates[0];
    if (have) used.add(have.id);
    if (!have) {
      out.differences.push({ key: 'blueprint.diff.fieldMissing', params: p });
      if (!isCreatableType(w.type)) {
        out.manual.push({ key: 'blueprint.manual.cannotCreate', params: { ...p, type: w.type } });
        continue;
      }
      if (ENUM_TYPES.includes(w.type) && w.options.length === 0) {
        out.manual.push({ key: 'blueprint.manual.noOptions', params: p });
        continue;
      }
      const gid = w.group ? groupId(model, w.entity, w.group) : undefined;
      if (w.group && gid === undefined) {
        out.manual.push({ key: 'blueprint.manual.createGroup', params: { ...p, group: w.group } });
      }
      const required = matrix && model.pipelines ? wantedEntries(model, matrix, w.entity, w.name).entries : [];
      const body = {
        name: w.name,
        type: w.type,
        ...(gid === undefined ? {} : { group_id: gid }),
        ...(ENUM_TYPES.includes(w.type) ? { enums: w.options.map((value, i) => ({ value, sort: (i + 1) * 10 })) } : {}),
        ...(required.length ? { required_statuses: required } : {}),
      };
      out.ops.push(
        createField(
          w.entity,
          body,
          required.length
            ? {
                key: 'blueprint.op.createFieldRequired',
                params: { ...p, type: w.type, stages: labels(required, model.pipelines ?? []) },
              }
            : { key: 'blueprint.op.createField', params: { ...p, type: w.type } },
        ),
      );
      const id = model.virtualId();
      used.add(id);
      all[w.entity].push({
        id,
        name: w.name,
        type: w.type,
        code: null,
        sort: 10_000,
        entity_type: w.entity,
        is_predefined: false,
        is_deletable: true,
        group_id: gid ?? null,
        enums: body.enums ? body.enums.map((e, i) => ({ id: id * 1000 - i, value: e.value, sort: e.sort })) : null,
        required_statuses: required,
      });
      continue;
    }
    if (have.type !== w.type) {
      out.differences.push({ key: 'blueprint.diff.fieldType', params: { ...p, have: have.type, want: w.type } });
      out.manual.push({ key: 'blueprint.manual.fieldType', params: { ...p, have: have.type, want: w.type } });
      continue;
    }
    const changes: FieldChanges = {};
    if (ENUM_TYPES.includes(w.type)) {
      const present = new Set(optionsOf(have).map(normalizeName));
      const added = w.options.filter((o) => !present.has(normalizeName(o)));
      const wantedSet = new Set(w.options.map(normalizeName));
      const extra = optionsOf(have).filter((o) => !wantedSet.has(normalizeName(o)));
      // An option is never removed: deals may hold it, and the API deletes their values with it.
      if (extra.length)
        out.manual.push({ key: 'blueprint.manual.optionsExtra', params: { ...p, options: extra.join(', ') } });
      if (added.length) {
        out.differences.push({ key: 'blueprint.diff.optionsMissing', params: { ...p, options: added.join(', ') } });
        const kept = (have.enums ?? []).map((e) => ({ id: e.id, value: e.value, sort: e.sort }));
        const last = Math.max(0, ...kept.map((e) => e.sort));
        changes.enums = [...kept, ...added.map((value, i) => ({ value, sort: last + (i + 1) * 10 }))];
      }
    }
    if (w.group && !have.is_predefined) {
      const current = groupNameOf(model, w.entity, have.group_id);
      if (current === null || normalizeName(current) !== normalizeName(w.group)) {
        const gid = groupId(model, w.entity, w.group);
        out.differences.push({ key: 'blueprint.diff.fieldGroup', params: { ...p, group: w.group } });
        if (gid === undefined)
          out.manual.push({ key: 'blueprint.manual.createGroup', params: { ...p, group: w.group } });
        else changes.group_id = gid;
      }
    }
    if (changes.enums === undefined && changes.group_id === undefined) continue;
    // Entries on stages that no longer exist cannot be sent back (the API refuses them): they go, and
    // undo writes back the ones it can.
    const live = liveEntries(model, have);
    const stale = live.length !== (have.required_statuses ?? []).length;
    // The PATCH carries the name always and, for list fields, every option with its id (reference §7.6).
    const body: FieldChanges = {
      name: have.name,
      ...(ENUM_TYPES.includes(have.type)
        ? { enums: changes.enums ?? (have.enums ?? []).map((e) => ({ id: e.id, value: e.value, sort: e.sort })) }
        : {}),
      ...(changes.group_id === undefined ? {} : { group_id: changes.group_id }),
      ...(stale ? { required_statuses: live } : {}),
    };
    const summary = changes.enums
      ? {
          key: 'blueprint.op.addOptions',
          params: {
            ...p,
            options: w.options.filter((o) => !optionsOf(have).map(normalizeName).includes(normalizeName(o))).join(', '),
          },
        }
      : { key: 'blueprint.op.moveField', params: { ...p, group: w.group ?? '' } };
    out.ops.push(patchField(w.entity, have, body, summary, stale ? { required_statuses: live } : undefined));
    if (stale) have.required_statuses = live;
    if (body.enums) {
      let vid = model.virtualId() * 1000;
      have.enums = body.enums.map((e) => ({ id: e.id ?? vid--, value: e.value, sort: e.sort }));
    }
    if (body.group_id !== undefined) have.group_id = body.group_id;
  }
  return out;
}
