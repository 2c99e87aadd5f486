import type { PartName } from '../types';
import type { Gatherer } from './types';
import {
  account,
  users,
  roles,
  leadFields,
  contactFields,
  companyFields,
  fieldGroups,
  pipelines,
  widgets,
} from './setup';
import { unsorted, events, notes, websiteButtons } from './signals';
import { contacts, companies, openLeads } from './data';

/** Every gatherer by the part it fills. `fieldGroups` is optional (documents only). */
export const GATHERERS: { [K in PartName]-?: Gatherer<K> } = {
  account,
  users,
  roles,
  leadFields,
  contactFields,
  companyFields,
  fieldGroups,
  pipelines,
  widgets,
  unsorted,
  events,
  notes,
  websiteButtons,
  contacts,
  companies,
  openLeads,
};

/** Parts an audit gathers by default (everything the rules read). */
export const AUDIT_PARTS: PartName[] = [
  'account',
  'users',
  'roles',
  'leadFields',
  'contactFields',
  'companyFields',
  'pipelines',
  'widgets',
  'unsorted',
  'events',
  'notes',
  'websiteButtons',
  'contacts',
  'companies',
  'openLeads',
];
