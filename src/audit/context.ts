import type { Part, PartName, SnapshotParts } from '../snapshot/types';
import type { RuleContext } from './types';
import type { CustomFieldDto, FieldEntity } from '../api/dto';
import { FIELD_PARTS } from './terms';

/** The data type held by a snapshot part. */
export type PartData<K extends PartName> = NonNullable<SnapshotParts[K]> extends Part<infer T> ? T : never;

/**
 * A required part's data. The runner only calls a check when its required parts loaded,
 * so a throw here means the rule reads a part it did not declare — a bug surfaced as `error`.
 */
export function need<K extends PartName>(ctx: RuleContext, name: K): PartData<K> {
  const p = ctx.parts[name] as Part<PartData<K>> | undefined;
  if (!p || !('data' in p)) throw new Error(`part "${name}" read but not loaded (is it in meta.requires?)`);
  return p.data;
}

/** An optional part's data, or undefined when it failed or was not gathered. */
export function maybe<K extends PartName>(ctx: RuleContext, name: K): PartData<K> | undefined {
  const p = ctx.parts[name] as Part<PartData<K>> | undefined;
  return p && 'data' in p ? p.data : undefined;
}

/** Every custom field of the three audited entities, with its entity (all three field parts must be required). */
export function allFields(ctx: RuleContext): { entity: FieldEntity; field: CustomFieldDto }[] {
  return FIELD_PARTS.flatMap(({ entity, part }) => need(ctx, part).map((field) => ({ entity, field })));
}

/** Params of a "nothing in the last N days" message: `count` = days, so the plural follows the number of days. */
export function windowParams(ctx: RuleContext): { count: number; days: number } {
  return { count: ctx.window.days, days: ctx.window.days };
}
