import type { WidgetDto } from '../../api/dto';
import type { Part } from '../../snapshot/types';
import type { CellValue, SheetSpec } from '../xlsx/types';
import type { DocContext } from './context';
import { col, failureText, tOr } from './context';

/** The channels the document plans, in its order. */
export const CHANNELS = ['mail', 'forms', 'telephony', 'chats'] as const;
/** One of them. */
export type Channel = (typeof CHANNELS)[number];

/** The rule whose outcome answers "is this channel set up". */
const CHANNEL_RULE: Record<Channel, string> = {
  mail: 'mail-activity-absent',
  forms: 'web-form-absent',
  telephony: 'telephony-absent',
  chats: 'chat-channels-absent',
};

/** Evidence lines for a part, or the reason it is missing. */
function evidence<T>(ctx: DocContext, name: string, part: Part<T> | undefined, lines: (d: T) => string[]): string[] {
  if (!part) return [];
  if ('error' in part) return [failureText(ctx.t, name, part.error)];
  return lines(part.data);
}

function isTelephonyWidget(w: WidgetDto): boolean {
  return (w.settings_template ?? []).some((s) => s.type === 'users' || s.type === 'users_lp');
}

/** Codes of the active widgets that serve a channel (mail has none: amoCRM connects mailboxes itself). */
export function channelWidgets(channel: Channel, widgets: WidgetDto[]): string[] {
  const pick: (w: WidgetDto) => boolean =
    channel === 'mail'
      ? () => false
      : channel === 'telephony'
        ? isTelephonyWidget
        : (w) => w.is_lead_source && !isTelephonyWidget(w);
  return widgets
    .filter(pick)
    .map((w) => w.code)
    .sort();
}

/** Channels: per channel, the evidence the audit found, the widgets that serve it and the rule outcome. */
export function channelsSheet(ctx: DocContext): SheetSpec {
  const { t, snapshot, report } = ctx;
  const p = snapshot.parts;
  const columns = [
    col(t, 'channel', 18),
    col(t, 'outcome', 16),
    col(t, 'evidence', 60, true),
    col(t, 'widgets', 40, true),
  ];
  const days = snapshot.window.days;
  const ev: Record<Channel, string[]> = {
    mail: [
      ...evidence(ctx, 'unsorted', p.unsorted, (u) => [t('export.evidence.unsorted', { count: u.counts.mail, days })]),
      ...evidence(ctx, 'notes', p.notes, (n) => [t('export.evidence.mailNotes', { count: n.amomailMessages, days })]),
    ],
    forms: [
      ...evidence(ctx, 'unsorted', p.unsorted, (u) => [t('export.evidence.unsorted', { count: u.counts.forms, days })]),
      ...evidence(ctx, 'websiteButtons', p.websiteButtons, (b) => [
        t('export.evidence.buttons', { count: b.length }),
        ...b.map((x) => x.name),
      ]),
    ],
    telephony: [
      ...evidence(ctx, 'events', p.events, (e) => [
        t('export.evidence.calls', {
          count: e.counts.incoming_call + e.counts.outgoing_call,
          days,
        }),
      ]),
      ...evidence(ctx, 'unsorted', p.unsorted, (u) => [t('export.evidence.unsorted', { count: u.counts.sip, days })]),
      ...evidence(ctx, 'notes', p.notes, (n) =>
        n.callSources.length ? [t('export.evidence.services', { list: n.callSources.join(', ') })] : [],
      ),
    ],
    chats: [
      ...evidence(ctx, 'events', p.events, (e) => [
        t('export.evidence.chatMessages', { count: e.counts.incoming_chat_message, days }),
      ]),
      ...evidence(ctx, 'unsorted', p.unsorted, (u) => [
        t('export.evidence.unsorted', { count: u.counts.chats, days }),
        ...(u.chatServices.length ? [t('export.evidence.services', { list: u.chatServices.join(', ') })] : []),
      ]),
    ],
  };
  const widgets = p.widgets;
  const widgetText = (channel: Channel | 'all'): string => {
    if (channel === 'mail') return '';
    if ('error' in widgets) return failureText(t, 'widgets', widgets.error);
    if (channel === 'all')
      return widgets.data
        .map((w) => w.code)
        .sort()
        .join('\n');
    return channelWidgets(channel, widgets.data).join('\n');
  };
  const rows: CellValue[][] = CHANNELS.map((c) => {
    const result = report.results.find((r) => r.ruleId === CHANNEL_RULE[c]);
    return [
      t(`export.channel.${c}`),
      result ? tOr(t, `outcomes.${result.outcome}`, result.outcome) : '',
      ev[c].join('\n'),
      widgetText(c),
    ];
  });
  rows.push([t('export.channel.allWidgets'), '', '', widgetText('all')]);
  return { name: t('export.sheet.channels'), columns, rows };
}
