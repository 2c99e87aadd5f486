import { useEffect, useRef, useState } from 'preact/hooks';
import type { Report } from '../audit/types';
import type { FixPlanView, FixState } from './store';
import type { OpReport, OpStatus } from './runner-port';
import { opReason } from '../runner/op-reason';
import { usePanelEnv } from './context';
import { say } from './format';
import { Dialog } from './Dialog';
import { changeText } from './change-text';
import { gainOf, scoreIfPassed } from './score-gain';

/** Props: the dialog's state and whether the re-audit after applying is still running. */
export interface FixDialogProps {
  fix: FixState;
  reauditing: boolean;
  /** The report on screen, to predict the score change of what is ticked. */
  report: Report | null;
}

function statusOf(ops: OpReport[], ruleId: string, index: number): OpReport | undefined {
  return ops.find((o) => o.ruleId === ruleId && o.index === index);
}

function countBy(ops: OpReport[], status: OpStatus): number {
  return ops.filter((o) => o.status === status).length;
}

/** Preview → Confirm → per-op progress → exact outcome, in one modal dialog. */
export function FixDialog({ fix, reauditing, report }: FixDialogProps) {
  const { t, dispatch } = usePanelEnv();
  const closeRef = useRef<HTMLButtonElement>(null);
  const close = () => dispatch({ type: 'close-fix' });
  const applying = fix.status === 'applying';
  // Plans the person unticked in the preview; every plan is ticked when the dialog opens.
  const [skipped, setSkipped] = useState<ReadonlySet<string>>(new Set());
  const kept = fix.plans.filter((p) => !skipped.has(p.ruleId));
  const totalOps = (fix.status === 'preview' ? kept : fix.plans).reduce((n, p) => n + p.ops.length, 0);
  const keptIds = kept.filter((p) => p.ops.length > 0).map((p) => p.ruleId);
  const before = report?.score ?? null;
  const after = report && keptIds.length > 0 ? scoreIfPassed(report, keptIds) : null;
  const toggle = (ruleId: string) =>
    setSkipped((s) => {
      const next = new Set(s);
      if (!next.delete(ruleId)) next.add(ruleId);
      return next;
    });

  // When the outcome arrives the Confirm button is gone; put focus on Close so keyboard users are not lost.
  useEffect(() => {
    if (fix.status === 'done' || fix.status === 'error') closeRef.current?.focus();
  }, [fix.status]);

  return (
    <Dialog labelledBy="sa-fix-title" onClose={close} closable={!applying}>
      <h2 class="sa-dialog__title" id="sa-fix-title">
        {fix.scope === 'all-safe' ? t('ui.fix.allSafeTitle') : t('ui.fix.title')}
      </h2>
      {fix.status === 'loading' && <p role="status">{t('ui.fix.loading')}</p>}
      {fix.status === 'preview' && totalOps === 0 && <p role="status">{t('ui.fix.nothing')}</p>}
      {fix.status !== 'loading' && fix.plans.length > 0 && (
        <div class="sa-plans">
          {fix.plans.map((plan) => (
            <PlanView
              key={plan.ruleId}
              plan={plan}
              ops={fix.ops}
              showStatus={fix.status !== 'preview'}
              choosable={fix.status === 'preview' && plan.ops.length > 0}
              included={!skipped.has(plan.ruleId)}
              onToggle={() => toggle(plan.ruleId)}
              gain={report ? gainOf(report, [plan.ruleId]) : 0}
            />
          ))}
        </div>
      )}
      {fix.status === 'preview' && totalOps > 0 && (
        <p class="sa-dialog__summary">{t('ui.fix.total', { count: totalOps })}</p>
      )}
      {fix.status === 'preview' && before !== null && after !== null && (
        <p class="sa-dialog__score" data-role="score-change">
          {t('ui.fix.scoreChange', { before, after, gain: `+${Math.max(0, after - before)}` })}
        </p>
      )}
      <div class="sa-dialog__live" role="status" aria-live="polite">
        {applying && t('ui.fix.applying', { done: fix.ops.length, total: totalOps })}
        {fix.status === 'done' && (
          <span data-role="fix-outcome">
            {t('ui.fix.outcome', {
              applied: countBy(fix.ops, 'applied'),
              failed: countBy(fix.ops, 'failed'),
              skipped: countBy(fix.ops, 'not-attempted'),
            })}
          </span>
        )}
        {fix.status === 'done' && fix.notes.length > 0 && (
          <span data-role="fix-notice"> {fix.notes.map((m) => say(t, m)).join(' · ')}</span>
        )}
        {fix.status === 'done' && (reauditing ? ` ${t('ui.fix.reauditing')}` : ` ${t('ui.fix.reaudited')}`)}
      </div>
      {fix.status === 'error' && (
        <div class="sa-alert" role="alert">
          <p>{t('ui.fix.error')}</p>
          {fix.refusal && <p class="sa-alert__detail">{say(t, fix.refusal)}</p>}
          {fix.error && <p class="sa-alert__detail">{fix.error}</p>}
        </div>
      )}
      <div class="sa-dialog__actions">
        {(fix.status === 'preview' || applying) && (totalOps > 0 || skipped.size > 0) && (
          <button
            type="button"
            class="sa-button sa-button--primary"
            data-action="confirm-fix"
            disabled={applying || totalOps === 0}
            aria-disabled={applying || totalOps === 0}
            onClick={() => dispatch({ type: 'confirm-fix', ruleIds: keptIds })}
          >
            {applying ? t('ui.fix.applyingShort') : t('ui.fix.confirm', { count: totalOps })}
          </button>
        )}
        <button
          type="button"
          class="sa-button"
          data-action="close-dialog"
          ref={closeRef}
          disabled={applying}
          onClick={close}
        >
          {fix.status === 'done' || fix.status === 'error' ? t('ui.fix.close') : t('ui.fix.cancel')}
        </button>
      </div>
    </Dialog>
  );
}

/** Props of one plan in the dialog. */
interface PlanViewProps {
  plan: FixPlanView;
  ops: OpReport[];
  showStatus: boolean;
  /** The preview offers a checkbox to leave this plan out. */
  choosable: boolean;
  included: boolean;
  onToggle: () => void;
  /** Points the overall score gains when this rule passes. */
  gain: number;
}

function PlanView({ plan, ops, showStatus, choosable, included, onToggle, gain }: PlanViewProps) {
  const { t } = usePanelEnv();
  const boxId = `sa-plan-${plan.ruleId}`;
  return (
    <section
      class={`sa-plan${included ? '' : ' sa-plan--skipped'}`}
      data-plan-rule-id={plan.ruleId}
      data-kind={plan.kind}
      data-included={included ? 'true' : 'false'}
    >
      <h3 class="sa-plan__title">
        {choosable ? (
          <label for={boxId} class="sa-plan__choice">
            <input type="checkbox" id={boxId} checked={included} data-action="include-plan" onChange={onToggle} />
            <span>{plan.title}</span>
          </label>
        ) : (
          plan.title
        )}
      </h3>
      <p class="sa-plan__meta">
        <span class={`sa-badge sa-badge--kind-${plan.kind}`}>{t(`ui.fix.kind.${plan.kind}`)}</span>{' '}
        {t('ui.fix.ops', { count: plan.ops.length })}
        {gain > 0 && ` · ${t('ui.overview.gain', { gain })}`}
      </p>
      {plan.kind === 'confirm' && <p class="sa-plan__warn">{t('ui.fix.confirmKindNote')}</p>}
      {plan.ops.length === 0 && <p>{t('ui.fix.planEmpty')}</p>}
      <ol class="sa-ops">
        {plan.ops.map((op, index) => {
          const result = showStatus ? statusOf(ops, plan.ruleId, index) : undefined;
          const status = result?.status ?? (showStatus ? 'pending' : 'planned');
          return (
            <li key={index} class={`sa-op sa-op--${status}`} data-op-status={status}>
              <span class="sa-op__summary">{changeText(t, op.summary)}</span>
              {showStatus && <span class="sa-op__status">{t(`ui.fix.status.${status}`)}</span>}
              {result && opReason(result, t) && <span class="sa-op__message">{opReason(result, t)}</span>}
            </li>
          );
        })}
      </ol>
      {/* What the API cannot do stays a person's job: said before confirming, not only after. */}
      {plan.manual && plan.manual.length > 0 && (
        <div class="sa-plan__manual" data-role="by-hand">
          <h4 class="sa-result__label">{t('ui.fix.byHand')}</h4>
          <ul class="sa-items__list">
            {plan.manual.map((m, i) => (
              <li key={i}>{say(t, m)}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
