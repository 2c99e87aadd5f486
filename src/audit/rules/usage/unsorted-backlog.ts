import { defineRule, type Note } from '../../define-rule';
import { maybe, need, OutdatedPartError } from '../../context';
import { crmLinks } from '../../links';
import { mainPipeline } from '../../terms';
import { HOUR, judged, skippedIn, takenAtSeconds } from '../../usage';

const CATEGORIES = ['forms', 'sip', 'chats', 'mail'] as const;

/**
 * Incoming requests left in «Неразобранное» longer than the allowed hours: a lead nobody accepted is a client
 * nobody answered. The list is one page, newest first, so it never claims to have seen everything: when more
 * wait beyond the page and nothing on it is old yet, at least the page's count waits and a person has to
 * look (needs-review); when old ones are on it, those beyond arrived earlier still, so the fail's counts
 * are lower bounds and one more item says so.
 */
export const unsortedBacklog = defineRule({
  meta: {
    id: 'unsorted-backlog',
    area: 'usage',
    severity: 'medium',
    requires: ['unsorted'],
    optional: ['pipelines'],
    messages: [
      ...CATEGORIES,
      'otherCategory',
      'beyondPage',
      'beyondPageOverdue',
      'judged',
      'judgedPage',
      'judgedSkipped',
      'judgedPageSkipped',
    ],
  },
  check(ctx) {
    const { waiting, more } = need(ctx, 'unsorted');
    // A snapshot saved before the In use area kept the unsorted counts only, not what waits.
    if (!Array.isArray(waiting)) throw new OutdatedPartError('unsorted');
    if (waiting.length === 0) return 'not-applicable';
    const hours = ctx.baseline.thresholds.usage.unsortedHours;
    const before = takenAtSeconds(ctx) - hours * HOUR;
    const old = waiting.filter((w) => w.createdAt < before);
    const main = mainPipeline(maybe(ctx, 'pipelines') ?? []);
    const link = main ? crmLinks.pipeline(main.id) : undefined;
    // The summary says what was read: every waiting request, or only the newest page of them.
    const summary = judged(
      waiting.length,
      old.length,
      { hours },
      more ? 'judgedPage' : 'judged',
      skippedIn(ctx, 'unsorted'),
    );
    if (old.length === 0) {
      if (!more) return { outcome: 'pass', summary };
      const note: Note = {
        id: 'beyond-page',
        message: 'beyondPage',
        params: { count: waiting.length, hours },
        data: { read: waiting.length, more: true },
      };
      if (link) note.link = link;
      return { outcome: 'needs-review', items: [note], summary };
    }
    const known = (c: string): c is (typeof CATEGORIES)[number] => (CATEGORIES as readonly string[]).includes(c);
    const counts = new Map<string, number>();
    for (const w of old) {
      const key = known(w.category) ? w.category : 'otherCategory';
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    const perCategory = [...CATEGORIES, 'otherCategory' as const]
      .filter((c) => counts.has(c))
      .map((c): Note => {
        const count = counts.get(c)!;
        const oldest = Math.min(
          ...old.filter((w) => (known(w.category) ? w.category : 'otherCategory') === c).map((w) => w.createdAt),
        );
        const note: Note = {
          id: `category:${c}`,
          message: c,
          params: { count, hours },
          data: { category: c, count, oldest_created_at: oldest },
        };
        if (link) note.link = link;
        return note;
      });
    if (!more) return { outcome: 'fail', items: perCategory, summary };
    const beyond: Note = {
      id: 'beyond-page',
      message: 'beyondPageOverdue',
      params: { count: waiting.length, hours },
      data: { read: waiting.length, more: true },
    };
    if (link) beyond.link = link;
    return { outcome: 'fail', items: [...perCategory, beyond], summary };
  },
});
