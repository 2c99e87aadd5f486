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
import { assertAccount } from '../../api/account-check';
import { gatherer } from './types';

/** GET /api/v4/account with the users' groups (the document names groups). */
export const account = gatherer('account', async ({ client, signal }) => {
  const data = await client.get<AccountDto>('/api/v4/account', { query: { with: 'users_groups' }, signal });
  return assertAccount(data, data === null ? 204 : 200);
});

/** All users with their role and group (admin only; 403 otherwise). */
export const users = gatherer('users', ({ client, signal }) =>
  client.list<UserDto>('/api/v4/users', 'users', { query: { with: 'role,group' }, signal }),
);

/** All roles (admin only). */
export const roles = gatherer('roles', ({ client, signal }) =>
  client.list<RoleDto>('/api/v4/roles', 'roles', { signal }),
);

function fieldsOf(entity: FieldEntity) {
  return ({ client, signal }: { client: import('../../api/client').ApiClient; signal?: AbortSignal }) =>
    client.list<CustomFieldDto>(`/api/v4/${entity}/custom_fields`, 'custom_fields', { signal });
}

/** Custom fields of leads. */
export const leadFields = gatherer('leadFields', fieldsOf('leads'));
/** Custom fields of contacts. */
export const contactFields = gatherer('contactFields', fieldsOf('contacts'));
/** Custom fields of companies. */
export const companyFields = gatherer('companyFields', fieldsOf('companies'));

/** Field groups of the three entities (only the configuration document asks for them). */
export const fieldGroups = gatherer('fieldGroups', async ({ client, signal }) => {
  const list = (entity: FieldEntity) =>
    client.list<FieldGroupDto>(`/api/v4/${entity}/custom_fields/groups`, 'custom_field_groups', { signal });
  const [leads, contacts, companies] = await Promise.all([list('leads'), list('contacts'), list('companies')]);
  return { leads, contacts, companies };
});

/** Pipelines with their statuses (embedded in the list). */
export const pipelines = gatherer('pipelines', ({ client, signal }) =>
  client.list<PipelineDto>('/api/v4/leads/pipelines', 'pipelines', { signal }),
);

/**
 * Widgets active in the account. The endpoint aggregates the whole marketplace, so every page is read
 * and only the active ones are kept (no server-side filter is documented).
 */
export const widgets = gatherer('widgets', async ({ client, signal, tick }) => {
  const active: WidgetDto[] = [];
  for await (const page of client.pages<WidgetDto>('/api/v4/widgets', 'widgets', { signal })) {
    for (const w of page) {
      if (w?.is_active_in_account === true) {
        active.push({ ...w, settings_template: Array.isArray(w.settings_template) ? w.settings_template : [] });
      }
    }
    tick();
  }
  return active;
});
