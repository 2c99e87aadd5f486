import { dataOf, type Part, type PartName } from '../snapshot/types';
import type { PartData } from '../snapshot/gatherers/types';
import type { RuleContext } from './types';
import type { CustomFieldDto, FieldEntity } from '../api/dto';
import { FIELD_PARTS } from './terms';

export type { PartData } from '../snapshot/gatherers/types';

/**
 * A required part's data. The runner only calls a check when its required parts loaded,
 * so a throw here means the rule reads a part it did not declare — a bug surfaced as `error`.
 */
export function need<K extends PartName>(ctx: RuleContext, name: K): PartData<K> {
  const data = maybe(ctx, name);
  if (data === undefined) throw new Error(`part "${name}" read but not loaded (is it in meta.requires?)`);
  return data;
}

/**
 * Thrown by a check whose part loaded, but was saved by an earlier version that did not keep what the check
 * reads (e.g. an unsorted part without `waiting`). The runner makes it an `error` naming the part, with
 * the `outdated` reason: the check is not available, rather than judged over data that is not there.
 */
export class OutdatedPartError extends Error {
  constructor(readonly part: PartName) {
    super(`part "${part}" was saved by an earlier version without what this check reads`);
  }
}

/** An optional part's data, or undefined when it failed or was not gathered. */
export function maybe<K extends PartName>(ctx: RuleContext, name: K): PartData<K> | undefined {
  return dataOf(ctx.parts[name] as Part<PartData<K>> | undefined);
}

/** Every custom field of the three audited entities, with its entity (all three field parts must be required). */
export function allFields(ctx: RuleContext): { entity: FieldEntity; field: CustomFieldDto }[] {
  return FIELD_PARTS.flatMap(({ entity, part }) => need(ctx, part).map((field) => ({ entity, field })));
}

/** Params of a "nothing in the last N days" message: `count` = days, so the plural follows the number of days. */
export function windowParams(ctx: RuleContext): { count: number; days: number } {
  return { count: ctx.window.days, days: ctx.window.days };
}
