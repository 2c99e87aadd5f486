import type { AreaScore, Report } from '../audit/types';
import { usePanelEnv } from './context';
import type { TopFix } from './score-gain';
import { Gauge } from './Gauge';
import { Scorecard } from './Scorecard';
import { TopFixes } from './TopFixes';

/** Props of the first screen: the report and what was derived from it once. */
export interface OverviewProps {
  report: Report;
  /** The areas in setup order. */
  areas: AreaScore[];
  decisionsLeft: number;
  fixes: TopFix[];
  /** True while parts are still arriving: the score may still move. */
  provisional: boolean;
  busy: boolean;
}

/**
 * What an admin reads at a glance: the overall gauge with what it rests on and the decisions still open
 * (so 100 never reads as done), the nine areas, and the five fixes worth most.
 */
export function Overview({ report, areas, decisionsLeft, fixes, provisional, busy }: OverviewProps) {
  const { t } = usePanelEnv();
  const score = report.score === null ? '—' : String(report.score);
  // The report's own coverage (the audit counts it): what the score is computed from and what could not run.
  const { coverage } = report;
  return (
    <section class="sa-overview" aria-label={t('ui.overview.label')}>
      <div class="sa-overview__score" data-provisional={provisional ? 'true' : undefined}>
        <Gauge score={report.score} grade={report.grade} />
        <p class="sa-overview__line" data-role="score-line">
          {decisionsLeft > 0
            ? t('ui.decisionsLeft', { score, count: decisionsLeft })
            : t('ui.decisionsNone', { score })}
        </p>
        <p class="sa-muted" data-role="coverage" data-incomplete={report.incomplete ? 'true' : undefined}>
          {t('ui.overview.basedOn', { count: coverage.scored })}
          {coverage.errored > 0 && ` · ${t('ui.overview.notChecked', { count: coverage.errored })}`}
        </p>
      </div>
      <Scorecard areas={areas} />
      <TopFixes fixes={fixes} busy={busy} />
    </section>
  );
}
