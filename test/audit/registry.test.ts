import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES } from '../../src/audit/registry';
import { AREAS } from '../../src/audit/types';

const RULES_DIR = join(import.meta.dirname, '../../src/audit/rules');

/** Every id the checklist (shared/checklist.md) fixes, with area, severity and fix kind. */
const CHECKLIST: [id: string, area: string, severity: string, fix: string | null][] = [
  ['custom-fields-missing', 'fields', 'medium', 'confirm'],
  ['lead-source-field-missing', 'fields', 'medium', 'safe'],
  ['duplicate-field-names', 'fields', 'medium', null],
  ['select-options-few', 'fields', 'low', null],
  ['required-at-entry-stage', 'fields', 'high', 'safe'],
  ['required-fields-absent', 'fields', 'medium', 'confirm'],
  ['required-statuses-stale', 'fields', 'low', 'safe'],
  ['loss-reason-missing', 'fields', 'medium', 'confirm'],
  ['excess-admins', 'rights', 'high', null],
  ['single-admin', 'rights', 'medium', null],
  ['export-open', 'rights', 'high', 'confirm'],
  ['delete-open', 'rights', 'high', 'confirm'],
  ['users-without-role', 'rights', 'low', null],
  ['default-stage-names', 'pipeline', 'medium', 'confirm'],
  ['stage-count', 'pipeline', 'low', null],
  ['duplicate-stage-names', 'pipeline', 'medium', null],
  ['unsorted-off', 'pipeline', 'low', 'safe'],
  ['mail-activity-absent', 'mail', 'medium', null],
  ['mail-access-none', 'mail', 'medium', 'confirm'],
  ['web-form-absent', 'forms', 'medium', null],
  ['telephony-absent', 'telephony', 'medium', null],
  ['chat-channels-absent', 'channels', 'medium', null],
  ['initial-data-missing', 'data', 'high', null],
  ['records-owned-by-inactive-users', 'data', 'medium', null],
  ['duplicate-contacts', 'data', 'medium', null],
  ['contacts-without-channels', 'data', 'low', null],
  // Issue 17: the "In use" area, all guidance.
  ['open-leads-without-task', 'usage', 'high', null],
  ['overdue-tasks', 'usage', 'medium', null],
  ['idle-open-leads', 'usage', 'medium', null],
  ['lost-without-reason', 'usage', 'medium', null],
  ['won-without-price', 'usage', 'low', null],
  ['leads-without-contact', 'usage', 'medium', null],
  ['duplicate-open-leads', 'usage', 'medium', null],
  ['unsorted-backlog', 'usage', 'medium', null],
  ['lead-owner-concentration', 'usage', 'low', null],
  ['webhooks-disabled', 'usage', 'low', null],
];
const MANUAL = ['setup-document-approved', 'test-form-submitted', 'test-call-made', 'test-chat-sent'];

describe('registry', () => {
  const ids = RULES.map((r) => r.meta.id);

  it('ids are unique', () => {
    expect(new Set(ids).size).toBe(ids.length);
  });

  it.each(CHECKLIST)('%s is registered as %s / %s / fix %s', (id, area, severity, fix) => {
    const rule = RULES.find((r) => r.meta.id === id);
    expect(rule, id).toBeDefined();
    expect([rule!.meta.area, rule!.meta.severity, rule!.meta.fix]).toEqual([area, severity, fix]);
  });

  it('the four manual items are registered without a fix', () => {
    for (const id of MANUAL) expect(RULES.find((r) => r.meta.id === id)?.meta.fix).toBeNull();
  });

  it('every rule file is registered under its file name, in its area folder, and vice versa', () => {
    const files = readdirSync(RULES_DIR).flatMap((area) =>
      readdirSync(join(RULES_DIR, area)).map((f) => ({ area, id: f.replace(/\.ts$/, '') })),
    );
    expect(files.map((f) => f.id).sort()).toEqual([...ids].sort());
    for (const { area, id } of files) {
      expect(RULES.find((r) => r.meta.id === id)!.meta.area).toBe(area);
      expect(readFileSync(join(RULES_DIR, area, `${id}.ts`), 'utf8')).toContain(`id: '${id}'`);
    }
  });

  it('rules are grouped by area in the setup order', () => {
    const order = RULES.map((r) => AREAS.indexOf(r.meta.area));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(ids).toHaveLength(CHECKLIST.length + MANUAL.length);
  });

  it('metadata is frozen (the same objects serve every run)', () => {
    for (const r of RULES) expect(Object.isFrozen(r.meta)).toBe(true);
  });
});
