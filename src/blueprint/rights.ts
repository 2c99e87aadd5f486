/**
 * Complete rights objects, as the official PHP client sends them (`completeRightsDependencies`):
 * every action present (a missing one is denied), edit never wider than view, delete never wider than
 * view or edit, export never wider than view.
 */
import type { EntityRights, RightLetter, RoleRightsDto } from '../api/dto';
import type { BlueprintRole, FullEntityRights } from './types';

/** The entities whose five actions a role holds. */
import { RIGHT_ENTITIES as ROLE_ENTITIES } from '../audit/terms';
export { ROLE_ENTITIES };
/** The five actions, in the document's column order. */
export const ROLE_ACTIONS = ['view', 'edit', 'add', 'delete', 'export'] as const;

// Narrowest first: D (denied) < M (own) < G (group) < A (all). L (linked) is for catalogs only.
const WIDTH: Record<RightLetter, number> = { D: 0, L: 0, M: 1, G: 2, A: 3 };

function narrower(a: RightLetter, b: RightLetter): RightLetter {
  return WIDTH[a] <= WIDTH[b] ? a : b;
}

/** The five actions with the dependencies applied. */
export function completeEntity(r: EntityRights | undefined): FullEntityRights {
  const view = r?.view ?? 'D';
  const edit = narrower(r?.edit ?? 'D', view);
  return {
    view,
    edit,
    add: r?.add ?? 'D',
    delete: narrower(narrower(r?.delete ?? 'D', view), edit),
    export: narrower(r?.export ?? 'D', view),
  };
}

/** A role's rights as the document holds them (complete, dependencies applied). */
export function roleRightsOf(rights: RoleRightsDto): BlueprintRole['rights'] {
  return {
    leads: completeEntity(rights.leads),
    contacts: completeEntity(rights.contacts),
    companies: completeEntity(rights.companies),
    tasks: { edit: rights.tasks?.edit ?? 'D', delete: rights.tasks?.delete ?? 'D' },
    mail_access: rights.mail_access === true,
    catalog_access: rights.catalog_access === true,
  };
}

/**
 * The rights body to send: the document's rights, and for an existing role its stage rights exactly as
 * read (a PATCH may replace them). A new role sends none: the server fills its own defaults (the docs'
 * POST example answers with rows for the unsorted stage that were never sent).
 */
export function rightsBody(wanted: BlueprintRole['rights'], current: RoleRightsDto | null): RoleRightsDto {
  const body: RoleRightsDto = {
    leads: { ...wanted.leads },
    contacts: { ...wanted.contacts },
    companies: { ...wanted.companies },
    tasks: { ...wanted.tasks },
    mail_access: wanted.mail_access,
    catalog_access: wanted.catalog_access,
  };
  if (current) body.status_rights = current.status_rights ?? null;
  return body;
}

/** The keys where the role's rights differ from the document's, as `leads.export` etc. */
export function rightsDiff(wanted: BlueprintRole['rights'], current: RoleRightsDto): string[] {
  const have = roleRightsOf(current);
  const out: string[] = [];
  for (const e of ROLE_ENTITIES) for (const a of ROLE_ACTIONS) if (have[e][a] !== wanted[e][a]) out.push(`${e}.${a}`);
  for (const a of ['edit', 'delete'] as const) if (have.tasks[a] !== wanted.tasks[a]) out.push(`tasks.${a}`);
  if (have.mail_access !== wanted.mail_access) out.push('mail_access');
  if (have.catalog_access !== wanted.catalog_access) out.push('catalog_access');
  return out;
}
