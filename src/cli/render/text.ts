import { type Report, type RuleResult, SEVERITIES } from '../../audit/types';
import type { Translate } from '../../i18n/translate';
import { coverageLine, incompleteMark } from '../../i18n/coverage';
import { terminalSafe as safe } from '../../export/terminal-safe';

const MAX_ITEMS = 10;

/** ANSI colour only when writing to a terminal. */
function painter(colour: boolean) {
  const wrap = (code: string) => (s: string) => (colour ? `\x1b[${code}m${s}\x1b[0m` : s);
  return { red: wrap('31'), yellow: wrap('33'), green: wrap('32'), bold: wrap('1'), dim: wrap('2') };
}

function scoreText(score: number | null, t: Translate): string {
  return score === null ? t('cli.noScore') : String(score);
}

/**
 * Terminal text: score and area scores, then failing and needs-review results by area. Everything that
 * can hold account data (names, items, error bodies) passes `terminalSafe` before it is painted, so the
 * only escape sequences in the output are the painter's own colours.
 */
export function renderText(report: Report, t: Translate, colour: boolean): string {
  const p = painter(colour);
  const paintScore = (s: number | null) => {
    const text = scoreText(s, t);
    if (s === null) return p.dim(text);
    return s >= 90 ? p.green(text) : s >= 50 ? p.yellow(text) : p.red(text);
  };
  const lines: string[] = [];
  const account = report.account.name ?? report.account.subdomain ?? String(report.account.id ?? '');
  lines.push(p.bold(safe(t('cli.title', { account }))));
  lines.push(
    safe(
      t('cli.scoreLine', {
        score: scoreText(report.score, t),
        grade: report.grade ?? '—',
        baseline: report.baseline.name,
      }),
    ),
  );
  // A score that rests on fewer checks than the checklist has says so right under it.
  const covers = coverageLine(report.coverage, t);
  if (covers) lines.push(p.yellow(covers));
  lines.push(
    t('cli.countsLine', {
      fail: report.counts.fail,
      review: report.counts['needs-review'],
      manual: report.counts.manual,
      error: report.counts.error,
    }),
  );
  lines.push('');
  for (const area of report.areas) {
    const mark = incompleteMark(area.incomplete, t);
    lines.push(
      `  ${safe(t(`areas.${area.id}`)).padEnd(28)} ${paintScore(area.score)}${mark ? ` ${p.dim(`(${mark})`)}` : ''}`,
    );
  }
  for (const area of report.areas) {
    const shown = report.results
      .filter(
        (r) => r.area === area.id && (r.outcome === 'fail' || r.outcome === 'needs-review' || r.outcome === 'error'),
      )
      .sort((a, b) => SEVERITIES.indexOf(a.severity) - SEVERITIES.indexOf(b.severity));
    if (!shown.length && !area.failedParts.length) continue;
    lines.push('', p.bold(safe(t(`areas.${area.id}`))));
    for (const part of area.failedParts)
      lines.push(
        `  ${p.red('!')} ${safe(t('cli.partFailed', { part: t(`parts.${part.part}`), reason: part.reason }))}`,
      );
    for (const r of shown) lines.push(...resultLines(r, t, p));
  }
  lines.push('', p.dim(t('cli.requests', { count: report.requests.count, retries: report.requests.retries })));
  return `${lines.join('\n')}\n`;
}

function resultLines(r: RuleResult, t: Translate, p: ReturnType<typeof painter>): string[] {
  const mark = r.outcome === 'fail' ? p.red('✗') : r.outcome === 'error' ? p.red('!') : p.yellow('?');
  const fix = r.fix ? p.dim(` [${t(`cli.fixKind.${r.fix.kind}`)}]`) : '';
  const lines = [`  ${mark} ${safe(r.title)} ${p.dim(safe(`(${r.ruleId}, ${t(`severity.${r.severity}`)})`))}${fix}`];
  if (r.outcome === 'error' && r.error) lines.push(`      ${safe(r.error.message)}`);
  for (const item of r.items.slice(0, MAX_ITEMS)) lines.push(`      • ${safe(item.text)}`);
  if (r.items.length > MAX_ITEMS) lines.push(`      ${t('cli.moreItems', { count: r.items.length - MAX_ITEMS })}`);
  return lines;
}
