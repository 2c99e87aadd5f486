import type { Report, RuleResult } from '../audit/types';
import type { Translate } from '../i18n/translate';
import { markdownCell, neutralise } from './neutralise';
import { terminalSafe } from './terminal-safe';
import { formatTime } from './configuration/summary';
import { OUTCOME_ORDER } from './configuration/labels';
import { tOr } from './configuration/context';
import { coverageLine, incompleteMark } from '../i18n/coverage';

/** Items shown per finding in Markdown; the rest is counted. */
const MAX_ITEMS = 20;

function text(value: string): string {
  // Inline text: neutralised, Markdown's structural characters defused, control characters shown (the
  // Markdown often goes straight to a terminal).
  return terminalSafe(
    neutralise(value)
      .replace(/\r?\n/g, ' ')
      .replace(/([\\`*_[\]<>])/g, '\\$1'),
  );
}

function resultBlock(r: RuleResult, t: Translate): string[] {
  const lines = [
    `### ${text(r.title)} (\`${r.ruleId}\`)`,
    '',
    `- ${t('export.col.outcome')}: **${text(tOr(t, `outcomes.${r.outcome}`, r.outcome))}**` +
      ` · ${t('export.col.severity')}: ${text(tOr(t, `severity.${r.severity}`, r.severity))}` +
      (r.fix ? ` · ${t('export.col.fix')}: ${text(tOr(t, `export.fixKind.${r.fix.kind}`, r.fix.kind))}` : ''),
  ];
  const message = r.outcome === 'error' && r.error ? r.error.message : r.message;
  if (message) lines.push(`- ${text(message)}`);
  for (const item of r.items.slice(0, MAX_ITEMS)) lines.push(`  - ${text(item.text)}`);
  if (r.items.length > MAX_ITEMS)
    lines.push(`  - ${text(t('export.moreItems', { count: r.items.length - MAX_ITEMS }))}`);
  if (r.why) lines.push(`- ${t('export.col.why')}: ${text(r.why)}`);
  if (r.howTo) lines.push(`- ${t('export.col.howTo')}: ${text(r.howTo)}`);
  lines.push('');
  return lines;
}

/** The report as Markdown (`--format md`): header facts, area table, findings by area. */
export function reportToMarkdown(report: Report, t: Translate): string {
  const account = report.account.name ?? report.account.subdomain ?? '';
  const covers = coverageLine(report.coverage, t);
  const out: string[] = [
    `# ${text(t('export.md.title', { account }))}`,
    '',
    `- ${t('export.summary.takenAt')}: ${formatTime(report.takenAt)}`,
    `- ${t('export.summary.baseline')}: ${text(`${report.baseline.name} (${report.baseline.id} ${report.baseline.version})`)}`,
    `- ${t('export.summary.score')}: **${report.score ?? t('export.notScored')}**${report.grade ? ` (${text(report.grade)})` : ''}`,
    ...(covers ? [`- ${text(covers)}`] : []),
    '',
    `| ${[t('export.col.area'), t('export.col.score'), ...OUTCOME_ORDER.map((o) => tOr(t, `outcomes.${o}`, o))].map(markdownCell).join(' | ')} |`,
    `|${[0, 1, ...OUTCOME_ORDER].map(() => '---').join('|')}|`,
  ];
  for (const a of report.areas) {
    const score = a.incomplete ? `${a.score ?? '—'} (${incompleteMark(true, t)})` : (a.score ?? '—');
    const cells = [tOr(t, `areas.${a.id}`, a.id), score, ...OUTCOME_ORDER.map((o) => a.counts[o] ?? 0)];
    out.push(`| ${cells.map(markdownCell).join(' | ')} |`);
  }
  out.push('');
  for (const a of report.areas) {
    const results = report.results.filter((r) => r.area === a.id);
    if (!results.length) continue;
    out.push(`## ${text(tOr(t, `areas.${a.id}`, a.id))}`, '');
    for (const r of results) out.push(...resultBlock(r, t));
  }
  return `${out.join('\n').trimEnd()}\n`;
}
