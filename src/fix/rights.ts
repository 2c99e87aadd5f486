/**
 * A role's rights as the official PHP client sends them (`RightModel::toApi` after
 * `completeRightsDependencies`): every documented block complete, because a PATCH may replace the
 * whole rights object (the docs never say it merges) — a block or action left out would become "denied".
 */
import type { EntityRights, RightLetter, RoleRightsDto, StatusRightDto } from '../api/dto';

/** The entities whose blocks carry all five actions. */
import { RIGHT_ENTITIES as RIGHTS_ENTITIES } from '../audit/terms';
export { RIGHTS_ENTITIES };
/** A rights entity with five actions. */
export type RightsEntity = (typeof RIGHTS_ENTITIES)[number];

const ENTITY_ACTIONS = ['view', 'edit', 'add', 'delete', 'export'] as const;
const TASK_ACTIONS = ['edit', 'delete'] as const;
type Action = (typeof ENTITY_ACTIONS)[number];

/** The letters the API takes for entity and task actions; `add` takes only A or D. */
const LETTERS: readonly RightLetter[] = ['A', 'G', 'M', 'D'];
const ADD_LETTERS: readonly RightLetter[] = ['A', 'D'];

/** Narrower is higher: an action may not be wider than the actions it needs. */
const NARROWNESS: Readonly<Record<string, number>> = { A: 0, G: 1, M: 2, D: 3 };
const BY_NARROWNESS = ['A', 'G', 'M', 'D'] as const;

/** What each action needs (RightModel::ACTION_DEPENDENCIES): edit needs view, delete view and edit, export view. */
const NEEDS: Readonly<Record<Action, readonly Action[]>> = {
  view: [],
  add: [],
  edit: ['view'],
  delete: ['view', 'edit'],
  export: ['view'],
};

/** The documented keys of a complete role rights body. */
export interface CompleteRights {
  leads: Required<EntityRights>;
  contacts: Required<EntityRights>;
  companies: Required<EntityRights>;
  tasks: { edit: RightLetter; delete: RightLetter };
  mail_access: boolean;
  catalog_access: boolean;
  status_rights: StatusRightDto[] | null;
}

/**
 * A block with every action (a missing one is D, as the PHP client completes it). The actions in
 * `changed` take their new letter — D when the API would not take it — narrowed to what they need;
 * actions that need a changed one are narrowed with it. Every other action stays exactly as read: here
 * we part from completeRightsDependencies, which clamps every action of the block — the server stored the
 * role as read, and a fix changes only what its preview lists.
 */
function completeBlock<A extends string>(
  read: Partial<Record<A, RightLetter>> | undefined,
  changed: Partial<Record<A, RightLetter>>,
  actions: readonly A[],
): Record<A, RightLetter> {
  const out = {} as Record<A, RightLetter>;
  for (const a of actions) {
    const next = changed[a];
    if (next === undefined) out[a] = read?.[a] ?? 'D';
    else out[a] = (a === 'add' ? ADD_LETTERS : LETTERS).includes(next) ? next : 'D';
  }
  const touched = new Set<string>(Object.keys(changed));
  // NEEDS lists dependencies before dependants (view, edit, then delete/export), so one pass settles them.
  for (const a of actions) {
    const needs = (NEEDS[a as Action] ?? []).filter((n) => (actions as readonly string[]).includes(n));
    if (!touched.has(a) && !needs.some((n) => touched.has(n))) continue;
    let narrow = NARROWNESS[out[a]] ?? NARROWNESS['D']!;
    for (const need of needs) narrow = Math.max(narrow, NARROWNESS[out[need as A]] ?? NARROWNESS['D']!);
    const letter = BY_NARROWNESS[narrow]!;
    if (letter !== out[a]) {
      out[a] = letter;
      touched.add(a);
    }
  }
  return out;
}

/** The changes a fix makes to a role: some actions of some entity blocks, and/or mail access. */
export type RightsChanges = Partial<Record<RightsEntity, Partial<EntityRights>>> & { mail_access?: boolean };

/** Status rights exactly as read (plain copies), null when the role has none. */
function statusRightsAsRead(rights: RoleRightsDto): StatusRightDto[] | null {
  return rights.status_rights ? structuredClone(rights.status_rights) : null;
}

/**
 * The complete rights body for a role as read with `changes` applied: only the named actions differ,
 * clamped by their dependencies; tasks complete; mail_access, catalog_access and status_rights as read.
 */
export function completeRights(read: RoleRightsDto, changes: RightsChanges = {}): CompleteRights {
  const entity = (e: RightsEntity) => completeBlock(read[e], changes[e] ?? {}, ENTITY_ACTIONS);
  return {
    leads: entity('leads'),
    contacts: entity('contacts'),
    companies: entity('companies'),
    tasks: completeBlock(read.tasks, {}, TASK_ACTIONS),
    mail_access: changes.mail_access ?? read.mail_access === true,
    catalog_access: read.catalog_access === true,
    status_rights: statusRightsAsRead(read),
  };
}

/**
 * The rights exactly as read, on the documented keys only: what undo writes back. A key the API did not
 * send goes as its documented default (D, false, null) — what a replacing PATCH would store for it anyway.
 */
export function rightsAsRead(read: RoleRightsDto): CompleteRights {
  return completeRights(read);
}
