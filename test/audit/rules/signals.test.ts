import { expect, it } from 'vitest';
import { ruleTable } from './table';
import { ok, role, runRule, snapshot, user, widget, type Case } from '../fixtures';
import { mailActivityAbsent } from '../../../src/audit/rules/mail/mail-activity-absent';
import { mailAccessNone } from '../../../src/audit/rules/mail/mail-access-none';
import { webFormAbsent } from '../../../src/audit/rules/forms/web-form-absent';
import { testFormSubmitted } from '../../../src/audit/rules/forms/test-form-submitted';
import { telephonyAbsent } from '../../../src/audit/rules/telephony/telephony-absent';
import { testCallMade } from '../../../src/audit/rules/telephony/test-call-made';
import { chatChannelsAbsent } from '../../../src/audit/rules/channels/chat-channels-absent';
import { testChatSent } from '../../../src/audit/rules/channels/test-chat-sent';
import type { EventSignal, NoteSignal, UnsortedSignal } from '../../../src/snapshot/types';

const unsorted = (c: Partial<UnsortedSignal['counts']> = {}, chatServices: string[] = []) =>
  ok<UnsortedSignal>({
    counts: { sip: 0, mail: 0, forms: 0, chats: 0, ...c },
    chatServices,
    complete: true,
    waiting: [],
    more: false,
  });
const events = (c: Partial<EventSignal['counts']> = {}) =>
  ok<EventSignal>({ counts: { incoming_call: 0, outgoing_call: 0, incoming_chat_message: 0, ...c }, complete: true });
const notes = (n: Partial<NoteSignal> = {}) =>
  ok<NoteSignal>({ amomailMessages: 0, calls: 0, callSources: [], complete: true, ...n });
const quiet = { unsorted: unsorted(), events: events(), notes: notes() };

ruleTable(mailActivityAbsent, [
  { name: 'mail in unsorted and notes', parts: {}, outcome: 'pass' },
  {
    name: 'only amomail notes',
    parts: { unsorted: unsorted(), notes: notes({ amomailMessages: 1 }) },
    outcome: 'pass',
  },
  { name: 'only unsorted mail', parts: { unsorted: unsorted({ mail: 1 }), notes: notes() }, outcome: 'pass' },
  { name: 'no signals', parts: quiet, outcome: 'needs-review', items: ['mail:none'] },
]);

it('mail-activity-absent passes with evidence', () => {
  const r = runRule(mailActivityAbsent, snapshot());
  expect(r.evidence.map((e) => e.id)).toEqual(['unsorted:mail', 'notes:amomail_message']);
  expect(r.evidence[0]!.text).toBe('3 letters in incoming leads in 30 days');
});

const noMail = (id: number, o: Parameters<typeof user>[1] = {}) =>
  user(id, { ...o, rights: { mail_access: false, ...o.rights } });
ruleTable(mailAccessNone, [
  { name: 'managers have access', parts: {}, outcome: 'pass' },
  {
    name: "the sellers' role has no mail access: one PATCH of the whole rights object, only mail_access changed",
    plan: {
      ops: [
        {
          method: 'PATCH',
          path: '/api/v4/roles/10',
          body: {
            rights: {
              leads: { view: 'A', edit: 'M', add: 'A', delete: 'M', export: 'D' },
              contacts: { view: 'A', edit: 'M', add: 'A', delete: 'M', export: 'D' },
              companies: { view: 'A', edit: 'M', add: 'A', delete: 'M', export: 'D' },
              tasks: { edit: 'M', delete: 'M' },
              mail_access: true,
              catalog_access: false,
              status_rights: null,
            },
          },
          summary: { key: 'fix.op.roleMailAccess', params: { role: 'Менеджер' } },
        },
      ],
    },
    parts: {
      roles: ok([role(10, 'Менеджер', { mail_access: false })]),
      users: ok([user(1, { admin: true }), noMail(3), noMail(4)]),
    },
    outcome: 'fail',
    items: ['user:3', 'user:4'],
  },
  {
    name: 'mail arrives, no manager has access (admins do not count)',
    plan: { ops: [], manual: [{ key: 'fix.manual.userNoRole.mail', params: { user: 'User 4' } }] },
    parts: { users: ok([user(1, { admin: true }), noMail(3), noMail(4, { roleId: null })]) },
    outcome: 'fail',
    items: ['user:3', 'user:4'],
  },
  {
    name: 'one manager has access',
    parts: { users: ok([user(1, { admin: true }), noMail(3), user(4)]) },
    outcome: 'pass',
  },
  { name: 'no mail signals', parts: { ...quiet, users: ok([noMail(3)]) }, outcome: 'not-applicable' },
  { name: 'no non-admin users', parts: { users: ok([user(1, { admin: true })]) }, outcome: 'not-applicable' },
]);

ruleTable(webFormAbsent, [
  { name: 'requests and a button', parts: {}, outcome: 'pass' },
  { name: 'only a button', parts: { unsorted: unsorted() }, outcome: 'pass' },
  { name: 'only form requests', parts: { unsorted: unsorted({ forms: 2 }), websiteButtons: ok([]) }, outcome: 'pass' },
  {
    name: 'nothing',
    parts: { unsorted: unsorted(), websiteButtons: ok([]) },
    outcome: 'needs-review',
    items: ['forms:none'],
  },
]);

ruleTable(telephonyAbsent, [
  { name: 'calls, sip and a widget', parts: {}, outcome: 'pass' },
  {
    name: 'only outgoing call events',
    parts: { events: events({ outgoing_call: 1 }), unsorted: unsorted(), widgets: ok([]) },
    outcome: 'pass',
  },
  {
    name: 'only unsorted sip',
    parts: { events: events(), unsorted: unsorted({ sip: 1 }), widgets: ok([]) },
    outcome: 'pass',
  },
  {
    name: 'users_lp widget, no calls',
    parts: { ...quiet, widgets: ok([widget('pbx', 'users_lp')]) },
    outcome: 'needs-review',
    items: ['calls:none', 'widget:pbx'],
  },
  {
    name: 'widget without user settings, no calls',
    parts: { ...quiet, widgets: ok([widget('mailchimp', 'text')]) },
    outcome: 'fail',
    items: ['telephony:none'],
  },
  {
    name: 'inactive telephony widget',
    parts: { ...quiet, widgets: ok([widget('pbx', 'users', false)]) },
    outcome: 'fail',
  },
  {
    name: 'calls seen though notes failed (notes are optional)',
    parts: { notes: { error: { kind: 'forbidden', status: 403, message: 'x' } } },
    outcome: 'pass',
  },
]);

it('telephony-absent evidence names the services from call notes', () => {
  const r = runRule(telephonyAbsent, snapshot());
  expect(r.evidence.map((e) => e.id)).toEqual([
    'events:calls',
    'unsorted:sip',
    'notes:services',
    'widget:amo_asterisk',
  ]);
  expect(r.evidence[2]!.text).toBe('Telephony services: zadarma');
});

ruleTable(chatChannelsAbsent, [
  { name: 'messages and chats', parts: {}, outcome: 'pass' },
  {
    name: 'only message events',
    parts: { events: events({ incoming_chat_message: 1 }), unsorted: unsorted() },
    outcome: 'pass',
  },
  {
    name: 'only unsorted chats',
    parts: { events: events(), unsorted: unsorted({ chats: 1 }, ['whatsapp']) },
    outcome: 'pass',
  },
  {
    name: 'nothing (calls do not count)',
    parts: { events: events({ incoming_call: 5 }), unsorted: unsorted({ sip: 2 }) },
    outcome: 'needs-review',
    items: ['chats:none'],
  },
]);

it('chat-channels-absent evidence lists the services seen', () => {
  const r = runRule(chatChannelsAbsent, snapshot({ unsorted: unsorted({ chats: 2 }, ['telegram', 'whatsapp']) }));
  expect(r.evidence.at(-1)!.text).toBe('Channels: telegram, whatsapp');
});

const alwaysManual = [
  { name: 'healthy account', parts: {}, outcome: 'manual', items: [] },
  { name: 'no signals at all', parts: quiet, outcome: 'manual', items: [] },
] as const satisfies Case[];
ruleTable(testFormSubmitted, [...alwaysManual]);
ruleTable(testCallMade, [...alwaysManual]);
ruleTable(testChatSent, [...alwaysManual]);
