/** The planning sheets (users and their roles, channels and their widgets, form mapping) as by-hand items. */
import type { PlanningItem } from '../types';
import { CHANNELS } from '../../export/configuration/channels';
import type { Labels } from './labels';
import { cellText, columns, type SheetTable } from './table';

/**
 * Reads the planning items of whichever planning sheets the document has. They are checklists, not
 * writes: a planning sheet without its columns (e.g. one that says why it could not be built) is skipped.
 */
export function readPlanning(
  sheets: { users: SheetTable | null; channels: SheetTable | null; forms: SheetTable | null },
  labels: Labels,
): PlanningItem[] {
  const out: PlanningItem[] = [];
  if (sheets.users) {
    const t = sheets.users;
    const c = columns(
      t,
      labels,
      {
        user: { key: 'export.col.user' },
        email: { key: 'export.col.email' },
        active: { key: 'export.col.active' },
        admin: { key: 'export.col.admin' },
        role: { key: 'export.col.role' },
      },
      ['user', 'email'],
      [],
    );
    if (c.user !== undefined && c.email !== undefined) {
      for (const r of t.rows) {
        const at = (i: number | undefined) => (i === undefined ? '' : cellText(r.cells[i]));
        const name = at(c.user);
        if (name === '') continue;
        // Inactive users are documented, not planned.
        if (c.active !== undefined && labels.yesNo(at(c.active)) === false && at(c.active) !== '') continue;
        const role = at(c.role);
        out.push({
          kind: 'user',
          name,
          email: at(c.email),
          role: role === '' ? null : role,
          admin: labels.yesNo(at(c.admin)) === true,
        });
      }
    }
  }
  if (sheets.channels) {
    const t = sheets.channels;
    const c = columns(
      t,
      labels,
      { channel: { key: 'export.col.channel' }, widgets: { key: 'export.col.widgets' } },
      ['channel'],
      [],
    );
    if (c.channel !== undefined) {
      for (const r of t.rows) {
        const channel = labels.code('export.channel', CHANNELS, cellText(r.cells[c.channel]));
        // Other rows (the list of all widgets) are information only.
        if (!channel) continue;
        out.push({ kind: 'channel', channel, widgets: c.widgets === undefined ? '' : cellText(r.cells[c.widgets]) });
      }
    }
  }
  if (sheets.forms) {
    const t = sheets.forms;
    const c = columns(
      t,
      labels,
      {
        form: { key: 'export.col.form' },
        formField: { key: 'export.col.formField' },
        crmField: { key: 'export.col.crmField' },
      },
      ['formField', 'crmField'],
      [],
    );
    if (c.formField !== undefined && c.crmField !== undefined) {
      for (const r of t.rows) {
        const formField = cellText(r.cells[c.formField]);
        const crmField = cellText(r.cells[c.crmField]);
        if (formField === '' || crmField === '') continue;
        out.push({
          kind: 'form-field',
          form: c.form === undefined ? '' : cellText(r.cells[c.form]),
          formField,
          crmField,
        });
      }
    }
  }
  return out;
}
