/**
 * The account as the planner sees it: copies of the parts it diffs against, which each section updates
 * as it emits ops (objects it will create get negative ids), so the next section plans against the
 * account as it will be. Applying recomputes every section from a fresh read, with real ids.
 */
import type {
  AccountDto,
  CustomFieldDto,
  FieldEntity,
  FieldGroupDto,
  PipelineDto,
  RoleDto,
  UserDto,
  WidgetDto,
} from '../../api/dto';
import type { Message } from '../../audit/types';
import { FIELD_PARTS, type PartFailure, type PartName, type Snapshot } from '../../snapshot/types';

/** The planner's working copy of the account. */
export interface Model {
  fields: Record<FieldEntity, CustomFieldDto[]> | null;
  groups: Record<FieldEntity, FieldGroupDto[]> | null;
  pipelines: PipelineDto[] | null;
  roles: RoleDto[] | null;
  users: UserDto[] | null;
  widgets: WidgetDto[] | null;
  account: AccountDto | null;
  /** Open deals per `pipelineId:statusId`; null when unknown (then every stage counts as holding deals). */
  stageDeals: Record<string, number> | null;
  /** Why a part is missing, by part name. */
  missing: Partial<Record<PartName, Message>>;
  /** Next id for an object the plan will create (negative, so it never matches a real one). */
  virtualId(): number;
}

/** Thrown by a section that needs a part the snapshot lacks; the section reports it instead of ops. */
export class PartUnavailable extends Error {
  constructor(readonly reason: Message) {
    super(reason.key);
  }
}

function take<T>(snapshot: Snapshot, name: PartName, missing: Model['missing']): T | null {
  const part = snapshot.parts[name] as { data: T } | { error: PartFailure } | undefined;
  if (part && 'data' in part) return structuredClone(part.data);
  missing[name] = part
    ? { key: 'blueprint.partFailed', params: { part: name, reason: part.error.message } }
    : { key: 'blueprint.partMissing', params: { part: name } };
  return null;
}

/** The working copy of a snapshot. */
export function modelOf(snapshot: Snapshot): Model {
  const missing: Model['missing'] = {};
  const fieldLists = FIELD_PARTS.map(({ entity, part }) => [entity, take<CustomFieldDto[]>(snapshot, part, missing)]);
  const fields = fieldLists.every(([, list]) => list !== null)
    ? (Object.fromEntries(fieldLists) as Record<FieldEntity, CustomFieldDto[]>)
    : null;
  const groupsPart = snapshot.parts.fieldGroups;
  const groups = groupsPart && 'data' in groupsPart ? structuredClone(groupsPart.data) : null;
  const leads = snapshot.parts.leads;
  const byStage = leads && 'data' in leads ? leads.data.byStage : undefined;
  let next = 0;
  return {
    fields,
    groups,
    pipelines: take<PipelineDto[]>(snapshot, 'pipelines', missing),
    roles: take<RoleDto[]>(snapshot, 'roles', missing),
    users: take<UserDto[]>(snapshot, 'users', missing),
    widgets: take<WidgetDto[]>(snapshot, 'widgets', missing),
    account: take<AccountDto>(snapshot, 'account', missing),
    stageDeals: byStage ? { ...byStage } : null,
    missing,
    virtualId: () => --next,
  };
}

/** The part's data, or a PartUnavailable naming why it is missing. */
export function needModel<K extends 'fields' | 'pipelines' | 'roles'>(model: Model, key: K): NonNullable<Model[K]> {
  const value = model[key];
  if (value !== null) return value as NonNullable<Model[K]>;
  const part: PartName =
    key === 'fields' ? (FIELD_PARTS.map((f) => f.part).find((p) => model.missing[p]) ?? 'leadFields') : key;
  throw new PartUnavailable(model.missing[part] ?? { key: 'blueprint.partMissing', params: { part } });
}
