/**
 * The set-up every seed starts with: the account, its user groups, roles, users, pipelines and the predefined
 * fields. One helper keeps the order fixed, because the PRNG's draws (the account's and users' uuids, the
 * users' phones) depend on it: a seed that did these steps in another order would be another account.
 */
import type { RoleRightsDto } from '../../api/dto';
import type { PipelineRecord, RoleRecord, Store, UserRecord } from '../store';
import { addPipeline, addPredefined, addRole, addUser, emptyStore } from './builders';
import type { PipelineSpec, UserSpec } from './builders';
import { createRng } from './prng';
import type { Rng } from './prng';

/** What a seed's account is made of, before its records and signals. */
export interface AccountSpec<Roles, Users, Pipelines extends readonly PipelineSpec[]> {
  account: { id: number; name: string; subdomain: string; ageDays: number };
  /** `account.is_loss_reason_enabled`; a new account has it off. */
  lossReasons?: boolean;
  /** User groups besides the default «Отдел продаж» (id 0). */
  userGroups?: readonly { id: number; name: string }[];
  /** Adds the roles (in creation order) and returns them in whatever shape the seed wants. */
  roles?: (add: (name: string, rights: RoleRightsDto) => RoleRecord) => Roles;
  /** Adds the users; `rng` is for seeds that draw names as they go (the draws stay in order). */
  users: (add: (spec: UserSpec) => UserRecord, roles: Roles, rng: Rng) => Users;
  pipelines: Pipelines;
}

/** A set-up account: its store, the seed's PRNG where the set-up left it, and what was made. */
export interface SeededAccount<Roles, Users, Pipelines extends readonly PipelineSpec[]> {
  store: Store;
  rng: Rng;
  /** The seed's clock in seconds. */
  now: number;
  roles: Roles;
  users: Users;
  pipelines: { -readonly [K in keyof Pipelines]: PipelineRecord };
}

/** Creates a seed's account relative to `nowMs`, its PRNG named after the seed. */
export function seedAccount<Roles, Users, const Pipelines extends readonly PipelineSpec[]>(
  seed: string,
  nowMs: number,
  spec: AccountSpec<Roles, Users, Pipelines>,
): SeededAccount<Roles, Users, Pipelines> {
  const rng = createRng(seed);
  const now = Math.floor(nowMs / 1000);
  const store = emptyStore(seed, rng, now, spec.account);
  if (spec.lossReasons !== undefined) store.account.is_loss_reason_enabled = spec.lossReasons;
  for (const g of spec.userGroups ?? []) store.account.users_groups.push({ id: g.id, name: g.name, uuid: null });
  const roles = spec.roles ? spec.roles((name, r) => addRole(store, name, r)) : (undefined as Roles);
  const users = spec.users((s) => addUser(store, rng, s), roles, rng);
  const pipelines = spec.pipelines.map((p) => addPipeline(store, p)) as SeededAccount<
    Roles,
    Users,
    Pipelines
  >['pipelines'];
  addPredefined(store);
  return { store, rng, now, roles, users, pipelines };
}
