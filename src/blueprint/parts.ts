import type { PartName } from '../snapshot/types';

/** Every part capture, plan and the `blueprint-*` results read (a constant of its own: script.js needs it without the engine). */
export const BLUEPRINT_PARTS: PartName[] = [
  'account',
  'users',
  'roles',
  'leadFields',
  'contactFields',
  'companyFields',
  'fieldGroups',
  'pipelines',
  'widgets',
  'leads',
];
