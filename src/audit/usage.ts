/**
 * What the "In use" rules share: which leads are open, the window's edges and the per-user items, so the ten
 * rules agree on every term the issue defines (open lead, window, a user's name) and word them alike.
 */
import type { PipelineDto, UserDto } from '../api/dto';
import { type OpenLead, type Part, type PartName, unreadableOf } from '../snapshot/types';
import type { Note, Verdict } from './define-rule';
import type { RuleContext } from './types';
import { stagesOf } from './terms';

/** A day and an hour in seconds. */
export const DAY = 86_400;
export const HOUR = 3_600;

/** `takenAt` in unix seconds: every age is measured from the snapshot, never from the clock. */
export function takenAtSeconds(ctx: RuleContext): number {
  return Math.floor(Date.parse(ctx.takenAt) / 1000);
}

/** Ids of the unsorted stages (`type` 1) of every pipeline. */
export function unsortedStageIds(pipelines: readonly PipelineDto[]): Set<number> {
  return new Set(
    pipelines.flatMap((p) =>
      stagesOf(p)
        .filter((s) => s.type === 1)
        .map((s) => s.id),
    ),
  );
}

/** The leads not waiting in an unsorted stage (those are not accepted yet: nobody has chosen their owner). */
export function outsideUnsorted<T extends { statusId: number }>(
  leads: readonly T[],
  pipelines: readonly PipelineDto[],
): T[] {
  const unsorted = unsortedStageIds(pipelines);
  return leads.filter((l) => !unsorted.has(l.statusId));
}

/** Open leads as the issue defines them: neither 142 nor 143 (the gatherer's cut) nor an unsorted stage. */
export function openLeads(leads: readonly OpenLead[], pipelines: readonly PipelineDto[]): OpenLead[] {
  return outsideUnsorted(leads, pipelines);
}

/** True when `part` of `total` is more than the allowed share (strictly: at the limit is still fine). */
export function overShare(part: number, total: number, share: number): boolean {
  return total > 0 && part / total > share;
}

/** A share as a whole percentage for texts (rounded; 0.2 → 20). */
export function percent(part: number, total: number): number {
  return total > 0 ? Math.round((100 * part) / total) : 0;
}

/** Counts keyed by a number, sorted by count (most first), then key. */
export function countsBy<T>(records: readonly T[], key: (r: T) => number): [number, number][] {
  const counts = new Map<number, number>();
  for (const r of records) counts.set(key(r), (counts.get(key(r)) ?? 0) + 1);
  return [...counts].sort((a, b) => b[1] - a[1] || a[0] - b[0]);
}

/**
 * One item per responsible user with their count: `user` with the user's name when the users part loaded
 * (it is admin only), `unknown` with the id otherwise. Rules listing users declare both messages.
 */
export function perUserItems(
  records: readonly { owner: number }[],
  users: readonly UserDto[] | undefined,
  link?: string,
): Note[] {
  return countsBy(records, (r) => r.owner).map(([id, count]) => {
    const user = users?.find((u) => u.id === id);
    const note: Note = {
      id: `user:${id}`,
      message: user ? 'user' : 'unknown',
      params: user ? { user: user.name, count } : { user_id: id, count },
      data: { user_id: id, count },
    };
    if (link !== undefined) note.link = link;
    return note;
  });
}

/** The summary item of a share rule: how many of how many, the share and the limit, as text params and data. */
export function shareNote(part: number, total: number, limit: number, extra: Record<string, number> = {}): Note {
  const params = { count: part, total, percent: percent(part, total), limit: Math.round(limit * 100), ...extra };
  return { id: 'share', message: 'share', params, data: { part, total, limit } };
}

/** A stage's and its pipeline's names, or their ids when the stage is gone from the pipelines. */
export function stageNames(
  pipelines: readonly PipelineDto[],
  pipelineId: number,
  statusId: number,
): { pipeline: string; stage: string } {
  const p = pipelines.find((x) => x.id === pipelineId);
  const s = p ? stagesOf(p).find((x) => x.id === statusId) : undefined;
  return { pipeline: p?.name ?? `#${pipelineId}`, stage: s?.name ?? `#${statusId}` };
}

/**
 * The summary line of an In use rule: what it judged and how many of those it found (`items.<rule>.judged`,
 * "open tasks judged: 124; overdue: 31"), so the line under the title counts records, not notes.
 */
export function judged(
  total: number,
  count: number,
  extra: Record<string, string | number> = {},
  message = 'judged',
  skipped = 0,
): NonNullable<Verdict<Note>['summary']> {
  // Records skipped as unreadable are said on the same line (`<message>Skipped`), never silently dropped.
  if (skipped > 0) return { message: `${message}Skipped`, params: { total, count, ...extra, skipped } };
  return { message, params: { total, count, ...extra } };
}

/** Records of the given parts skipped as unreadable while gathering (see snapshot `Part.unreadable`). */
export function skippedIn(ctx: RuleContext, ...parts: PartName[]): number {
  return parts.reduce((sum, name) => sum + unreadableOf(ctx.parts[name] as Part<unknown> | undefined), 0);
}

/** Findings with the summary of what was judged: none is a pass, some a fail. */
export function judgedVerdict(findings: Note[], summary: NonNullable<Verdict<Note>['summary']>): Verdict<Note> {
  return { outcome: findings.length ? 'fail' : 'pass', items: findings, summary };
}

/**
 * The verdict of a share rule: fail with the share note first and the offenders after it when the share is over
 * the limit; otherwise pass, with the share note as evidence (so "8% without a task" is shown, not only "pass");
 * either way the summary line says how many were judged and found.
 */
export function shareVerdict(
  part: number,
  total: number,
  limit: number,
  offenders: () => Note[],
  extra: Record<string, number> = {},
  skipped = 0,
): Verdict<Note> {
  const share = shareNote(part, total, limit, extra);
  const summary = judged(total, part, extra, 'judged', skipped);
  if (!overShare(part, total, limit)) return { outcome: 'pass', evidence: [share], summary };
  return { outcome: 'fail', items: [share, ...offenders()], summary };
}
