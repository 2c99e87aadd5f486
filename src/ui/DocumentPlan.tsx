import type { Translate } from '../i18n/translate';
import { describeMessage } from '../blueprint/describe';
import { opReason } from '../runner/op-reason';
import type { OpReport, OpStatus } from './runner-port';
import type { DocumentState } from './document-flow';
import { usePanelEnv } from './context';

/** The section a journal rule id (`blueprint-<section>`) stands for. */
function sectionOf(ruleId: string): string {
  return ruleId.replace(/^blueprint-/, '');
}

/** Props: the section's state (its plan, the ops as they settle, the outcome). */
export interface DocumentPlanProps {
  doc: DocumentState;
}

function OpLine({ t, text, status, report }: { t: Translate; text: string; status: string | null; report?: OpReport }) {
  const reason = report ? opReason(report, t) : undefined;
  return (
    <li class={`sa-op${status ? ` sa-op--${status}` : ''}`} data-op-status={status ?? 'planned'}>
      <span class="sa-op__summary">{text}</span>
      {status && <span class="sa-op__status">{t(`ui.fix.status.${status}`)}</span>}
      {reason && <span class="sa-op__message">{reason}</span>}
    </li>
  );
}

/**
 * The plan grouped by section with its counts and every change as a sentence, then the by-hand list.
 * While applying each op shows how it settled; once done the sections show what the apply did (each
 * section was planned again from a fresh read right before it ran). Shown only once the document engine
 * (documents.js) has planned, so the widget carries this view there (see document-views.ts).
 */
export function DocumentPlan({ doc }: DocumentPlanProps) {
  const { t } = usePanelEnv();
  const plan = doc.plan;
  if (!plan) return null;
  const outcome = doc.outcome && doc.outcome.status !== 'refused' ? doc.outcome : null;
  const applying = doc.status === 'applying';
  const statusOf = (section: string, index: number): OpReport | undefined =>
    doc.ops.find((o) => o.ruleId === `blueprint-${section}` && o.index === index);
  const manual = [...plan.sections.flatMap((s) => s.manual), ...plan.manual];
  return (
    <div class="sa-plans sa-docplan" data-role="document-plan">
      {outcome
        ? outcome.plans
            .filter((p) => p.ops.length > 0 || p.reason)
            .map((p) => {
              const section = t(`blueprint.section.${sectionOf(p.ruleId)}`);
              return (
                <section key={p.ruleId} class="sa-plan" data-section={sectionOf(p.ruleId)} data-plan-status={p.status}>
                  <h4 class="sa-plan__title">{t('ui.document.sectionCount', { section, count: p.ops.length })}</h4>
                  {p.reason && <p class="sa-alert">{describeMessage(p.reason, t)}</p>}
                  <ol class="sa-ops">
                    {p.ops.map((o) => (
                      <OpLine key={o.index} t={t} text={describeMessage(o.summary, t)} status={o.status} report={o} />
                    ))}
                  </ol>
                </section>
              );
            })
        : plan.sections.map((s) => {
            const section = t(`blueprint.section.${s.section}`);
            if (s.error) {
              return (
                <p key={s.section} class="sa-alert" data-section={s.section} data-role="section-error">
                  {t('ui.document.sectionError', { section, reason: describeMessage(s.error, t) })}
                </p>
              );
            }
            if (!s.ops.length) return null;
            return (
              <section key={s.section} class="sa-plan" data-section={s.section} data-count={s.ops.length}>
                <h4 class="sa-plan__title">{t('ui.document.sectionCount', { section, count: s.ops.length })}</h4>
                <ol class="sa-ops">
                  {s.ops.map((op, i) => {
                    const report = statusOf(s.section, i);
                    const status: OpStatus | 'pending' | null = report?.status ?? (applying ? 'pending' : null);
                    return (
                      <OpLine key={i} t={t} text={describeMessage(op.summary, t)} status={status} report={report} />
                    );
                  })}
                </ol>
              </section>
            );
          })}
      {manual.length > 0 && (
        <div class="sa-plan__manual" data-role="by-hand">
          <h4 class="sa-result__label">{t('ui.document.byHand')}</h4>
          <ul class="sa-items__list">
            {manual.map((m, i) => (
              <li key={i}>{describeMessage(m, t)}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
