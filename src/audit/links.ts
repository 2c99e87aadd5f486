/**
 * Paths of the CRM's own UI pages (relative to the account host, e.g.
 * https://example.amocrm.ru). These are the CRM's UI routes, not API paths; items link
 * to them so a person can open the exact place to fix something by hand.
 */
import type { FieldEntity } from '../api/dto';

/** Links to the CRM's UI pages. */
export const crmLinks = {
  /** The pipeline's board. */
  pipeline: (id: number) => `/leads/pipeline/${id}`,
  /** The pipeline's settings (stages, unsorted toggle). */
  pipelineSettings: (id: number) => `/settings/pipeline/leads/${id}`,
  /** Custom field settings. The CRM has one page with a tab per entity, so the entity is not in the path. */
  fields: (_entity?: FieldEntity) => '/settings/custom_fields/',
  /** Users; roles and rights are edited on the same page. */
  users: () => '/settings/users/',
  /** Roles and access rights. */
  roles: () => '/settings/users/',
  /** Integrations (widgets) page: telephony, chats, mail connectors. */
  widgets: () => '/settings/widgets/',
  /** The deals list (filters by owner, stage and task are set there by hand). */
  leads: () => '/leads/list/',
  /** The tasks list. */
  tasks: () => '/todo/list/',
  contact: (id: number) => `/contacts/detail/${id}`,
  lead: (id: number) => `/leads/detail/${id}`,
  company: (id: number) => `/companies/detail/${id}`,
};
