/**
 * Roles by normalised name: a missing role is created, a different one PATCHed, both with the complete
 * rights object (stage rights kept as read). Roles the document does not name are listed, never deleted.
 */
import { normalizeName } from '../../audit/normalize';
import { createRole, patchRoleRights } from '../../fix/ops';
import { rightsBody, rightsDiff } from '../rights';
import type { BlueprintRole } from '../types';
import type { Model } from './model';
import { needModel } from './model';
import { emptySection, type SectionPlan } from './section';

/** Plans the roles section. */
export function planRoles(model: Model, doc: BlueprintRole[]): SectionPlan {
  const out = emptySection('roles');
  const roles = needModel(model, 'roles');
  const named = new Set<string>();
  for (const w of doc) {
    const n = normalizeName(w.name);
    if (named.has(n)) continue;
    named.add(n);
    const have = roles.find((r) => normalizeName(r.name) === n);
    if (!have) {
      const rights = rightsBody(w.rights, null);
      out.differences.push({ key: 'blueprint.diff.roleMissing', params: { role: w.name } });
      out.ops.push(createRole({ name: w.name, rights }, { key: 'blueprint.op.createRole', params: { role: w.name } }));
      roles.push({ id: model.virtualId(), name: w.name, rights });
      continue;
    }
    const changed = rightsDiff(w.rights, have.rights);
    if (!changed.length) continue;
    const rights = rightsBody(w.rights, have.rights);
    const params = { role: have.name, changes: changed.join(', ') };
    out.differences.push({ key: 'blueprint.diff.roleRights', params });
    out.ops.push(patchRoleRights(have, rights, { key: 'blueprint.op.setRights', params }));
    have.rights = rights;
  }
  for (const r of roles) {
    if (r.id > 0 && !named.has(normalizeName(r.name)))
      out.manual.push({ key: 'blueprint.manual.extraRole', params: { role: r.name } });
  }
  return out;
}
