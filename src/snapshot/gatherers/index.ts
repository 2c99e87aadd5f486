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
import { contacts, companies } from './data';
import { leads } from './leads';
import { tasks, webhooks } from './usage';

/**
 * Every gatherer by the part it fills, in the order they start: a part that waits for another
 * (companies reads contacts) comes after it. Which parts an audit gathers follows from the rules'
 * `requires` (audit/parts.ts); `fieldGroups` only documents read.
 */
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
  leads,
  tasks,
  webhooks,
};
