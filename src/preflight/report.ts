import type { Translate } from '../i18n/translate';
import type { PreflightResult, Problem } from './types';
import { csvField } from '../export/neutralise';
import { terminalSafe } from '../export/terminal-safe';

function where(p: Problem, t: Translate): string {
  const parts = [];
  if (p.row !== null) parts.push(`${t('preflight.col.row')} ${p.row}`);
  if (p.column !== null) parts.push(`«${p.column}»`);
  return parts.join(', ');
}

/** Plain-text report for a terminal: summary line, counts by problem, then each problem (cell text made terminal-safe). */
export function preflightToText(result: PreflightResult, t: Translate): string {
  const s = result.summary;
  const lines = [
    [
      t('preflight.summary.rows', { count: s.rows }),
      t('preflight.summary.errors', { count: s.errors }),
      t('preflight.summary.warnings', { count: s.warnings }),
    ].join(' · '),
  ];
  if (!s.errors && !s.warnings) lines.push(t('preflight.summary.ok'));
  for (const c of s.byCode)
    lines.push(`  ${t(`preflight.severity.${c.severity}`)}: ${t(`preflight.code.${c.code}`)} — ${c.count}`);
  lines.push('');
  for (const p of result.problems) {
    const at = where(p, t);
    lines.push(
      `${t(`preflight.severity.${p.severity}`)}${at ? ` (${at})` : ''}: ${t(p.message.key, p.message.params)}`,
    );
  }
  if (result.truncated) lines.push(t('preflight.summary.truncated', { count: 1000 }));
  return `${lines.map(terminalSafe).join('\n').trimEnd()}\n`;
}

/** Row-level report as CSV (`;`, UTF-8 with BOM so Excel reads Cyrillic), formula-like values neutralised. */
export function preflightToCsv(result: PreflightResult, t: Translate): string {
  const d = ';';
  const head = ['row', 'column', 'severity', 'problem', 'suggestion']
    .map((k) => csvField(t(`preflight.col.${k}`), d))
    .join(d);
  const rows = result.problems.map((p) =>
    [
      csvField(p.row, d),
      csvField(p.column, d),
      csvField(t(`preflight.severity.${p.severity}`), d),
      csvField(t(p.message.key, p.message.params), d),
      csvField(p.suggestion ?? '', d),
    ].join(d),
  );
  return `\uFEFF${[head, ...rows].join('\r\n')}\r\n`;
}
