import type { Message } from '../audit/types';
import { usePanelEnv } from './context';
import type { PlanChoiceView } from './fix-choice';
import { FixOpRow } from './FixOpRow';
import { saidIsolated } from './isolate';
import type { OpReport } from './runner-port';
import type { FixPlanView } from './store';

/** Props of one plan in the fix dialog. */
export interface FixPlanProps {
  plan: FixPlanView;
  view: PlanChoiceView;
  /** Its position in the dialog (element ids). */
  index: number;
  /** The preview: ticks and names can change. */
  choosing: boolean;
  /** Op results while applying and after (matched to the preview's ops by key). */
  ops: OpReport[];
  /** The keys that were sent when Apply was pressed (null before). */
  sent: ReadonlySet<string> | null;
  problems: Readonly<Record<string, Message>>;
  edits: Readonly<Record<string, string>>;
  /** Points the overall score gains when this rule passes. */
  gain: number;
  onTogglePlan: (ruleId: string) => void;
  onToggle: (key: string) => void;
  onEdit: (slotId: string, value: string) => void;
}

/** An op's result: by key when the runner reports keys, else by position (older runners). */
function resultOf(ops: OpReport[], ruleId: string, key: string, index: number): OpReport | undefined {
  return ops.find((o) => o.ruleId === ruleId && (o.key === undefined ? o.index === index : o.key === key));
}

/** One rule's plan: a checkbox for the whole of it, one per change, the names they write, what stays by hand. */
export function FixPlan(props: FixPlanProps) {
  const { plan, view, index, choosing, ops, sent, gain } = props;
  const { t } = usePanelEnv();
  const boxId = `sa-plan-${index}`;
  const choosable = choosing && plan.ops.length > 0;
  return (
    <section
      class={`sa-plan${view.picked === 'none' && choosable ? ' sa-plan--skipped' : ''}`}
      data-plan-rule-id={plan.ruleId}
      data-kind={plan.kind}
      data-included={view.picked === 'all' ? 'true' : view.picked === 'some' ? 'some' : 'false'}
    >
      <h3 class="sa-plan__title">
        {choosable ? (
          <label for={boxId} class="sa-plan__choice">
            <input
              type="checkbox"
              id={boxId}
              checked={view.picked === 'all'}
              indeterminate={view.picked === 'some'}
              data-action="include-plan"
              onChange={() => props.onTogglePlan(plan.ruleId)}
            />
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
        {view.ops.map((op, j) => (
          <FixOpRow
            key={op.choice.key}
            view={op}
            idBase={`sa-op-${index}-${j}`}
            choosing={choosing}
            result={choosing ? undefined : resultOf(ops, plan.ruleId, op.choice.key, j)}
            unchosen={!choosing && sent !== null && !sent.has(op.choice.key)}
            problems={props.problems}
            edits={props.edits}
            onToggle={props.onToggle}
            onEdit={props.onEdit}
          />
        ))}
      </ol>
      {/* What the API cannot do stays a person's job: said before confirming, not only after. */}
      {plan.manual && plan.manual.length > 0 && (
        <div class="sa-plan__manual" data-role="by-hand">
          <h4 class="sa-result__label">{t('ui.fix.byHand')}</h4>
          <ul class="sa-items__list">
            {plan.manual.map((m, i) => (
              <li key={i}>{saidIsolated(t, m.key, m.params)}</li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
