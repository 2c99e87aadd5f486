import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { Report } from '../audit/types';
import type { FixState } from './store';
import type { FixPreview, OpReport, OpStatus } from './runner-port';
import { usePanelEnv } from './context';
import { say } from './format';
import { Dialog } from './Dialog';
import { FixPlan } from './FixPlan';
import { viewChoice } from './fix-choice';
import { gainOf, scoreIfPassed } from './score-gain';

/** Props: the dialog's state and whether the re-audit after applying is still running. */
export interface FixDialogProps {
  fix: FixState;
  reauditing: boolean;
  /** The report on screen, to predict the score change of what is ticked. */
  report: Report | null;
}

function countBy(ops: OpReport[], status: OpStatus): number {
  return ops.filter((o) => o.status === status).length;
}

const NO_PREVIEW: FixPreview = { scope: 'rules', ruleIds: [], plans: [], choices: [], taken: {}, unavailable: [] };

/**
 * Preview → Confirm → per-op progress → exact outcome, in one modal dialog. In the preview every change
 * has its own checkbox and every name it writes its own input, prefilled with the plan's choice.
 */
export function FixDialog({ fix, reauditing, report }: FixDialogProps) {
  const { t, dispatch } = usePanelEnv();
  const closeRef = useRef<HTMLButtonElement>(null);
  const close = () => dispatch({ type: 'close-fix' });
  const applying = fix.status === 'applying';
  const choosing = fix.status === 'preview';
  // Changes the person unticked and names they typed; every change is ticked when the dialog opens.
  const [unticked, setUnticked] = useState<ReadonlySet<string>>(new Set());
  const [edits, setEdits] = useState<Readonly<Record<string, string>>>({});
  // What Apply sent, to show the changes left out as such while applying and after.
  const [sent, setSent] = useState<ReadonlySet<string> | null>(null);
  const preview = fix.preview ?? NO_PREVIEW;
  const choice = useMemo(() => viewChoice(preview, { unticked, edits }), [preview, unticked, edits]);
  const totalOps = choosing ? choice.pick.length : sent ? sent.size : 0;
  const invalid = Object.keys(choice.problems).length > 0;
  const before = report?.score ?? null;
  // Only a check whose every change is ticked is predicted to pass; the rest are not counted.
  const after = report && choice.whole.length > 0 ? scoreIfPassed(report, choice.whole) : null;
  const toggle = (key: string) =>
    setUnticked((s) => {
      const next = new Set(s);
      if (!next.delete(key)) next.add(key);
      return next;
    });
  const togglePlan = (ruleId: string) => {
    const plan = choice.plans.find((p) => p.ruleId === ruleId);
    if (!plan) return;
    const keys = plan.ops.map((o) => o.choice.key);
    setUnticked((s) => {
      const next = new Set(s);
      // Anything ticked: untick the whole plan; nothing ticked: tick all of it again.
      for (const k of keys) plan.picked === 'none' ? next.delete(k) : next.add(k);
      return next;
    });
  };
  const edit = (slotId: string, value: string) => setEdits((e) => ({ ...e, [slotId]: value }));
  const apply = () => {
    setSent(new Set(choice.pick));
    const names = Object.fromEntries(choice.slots.flatMap((s) => (s.id in edits ? [[s.id, edits[s.id]!]] : [])));
    void dispatch({ type: 'confirm-fix', pick: choice.pick, names });
  };

  // When the outcome arrives the Confirm button is gone; put focus on Close so keyboard users are not lost.
  useEffect(() => {
    if (fix.status === 'done' || fix.status === 'error') closeRef.current?.focus();
  }, [fix.status]);

  const hasOps = fix.plans.some((p) => p.ops.length > 0);
  return (
    <Dialog labelledBy="sa-fix-title" onClose={close} closable={!applying}>
      <h2 class="sa-dialog__title" id="sa-fix-title">
        {fix.scope === 'all-safe' ? t('ui.fix.allSafeTitle') : t('ui.fix.title')}
      </h2>
      {fix.status === 'loading' && <p role="status">{t('ui.fix.loading')}</p>}
      {choosing && !hasOps && <p role="status">{t('ui.fix.nothing')}</p>}
      {fix.status !== 'loading' && fix.plans.length > 0 && (
        <div class="sa-plans">
          {fix.plans.map((plan, i) => (
            <FixPlan
              key={plan.ruleId}
              plan={plan}
              view={choice.plans[i] ?? { ruleId: plan.ruleId, ops: [], picked: 'none' }}
              index={i}
              choosing={choosing}
              ops={fix.ops}
              sent={sent}
              problems={choice.problems}
              edits={edits}
              gain={report ? gainOf(report, [plan.ruleId]) : 0}
              onTogglePlan={togglePlan}
              onToggle={toggle}
              onEdit={edit}
            />
          ))}
        </div>
      )}
      {choosing && hasOps && <p class="sa-dialog__summary">{t('ui.fix.total', { count: totalOps })}</p>}
      {choosing && before !== null && after !== null && (
        <p class="sa-dialog__score" data-role="score-change">
          {t('ui.fix.scoreChange', { before, after, gain: `+${Math.max(0, after - before)}` })}
        </p>
      )}
      {choosing && choice.partial && (
        <p class="sa-dialog__note" data-role="score-partial">
          {t('ui.fix.scorePartial')}
        </p>
      )}
      {choosing && invalid && (
        <p class="sa-dialog__note sa-dialog__note--error" data-role="names-invalid">
          {t('ui.fix.namesInvalid')}
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
        {(choosing || applying) && hasOps && (
          <button
            type="button"
            class="sa-button sa-button--primary"
            data-action="confirm-fix"
            disabled={applying || totalOps === 0 || invalid}
            aria-disabled={applying || totalOps === 0 || invalid}
            onClick={apply}
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
