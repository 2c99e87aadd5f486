import type { Message } from '../audit/types';
import type { NameSlot } from '../fix/name-slots';
import { opReason } from '../runner/op-reason';
import { changeText } from './change-text';
import { usePanelEnv } from './context';
import type { OpView } from './fix-choice';
import { say } from './format';
import { isolated } from './isolate';
import type { OpReport } from './runner-port';

/** Props of one change of a plan in the fix dialog. */
export interface FixOpRowProps {
  view: OpView;
  /** Unique prefix for this row's element ids. */
  idBase: string;
  /** The preview: a checkbox and name inputs; otherwise the change's status. */
  choosing: boolean;
  /** While applying or done: the op's result, if it settled; `unchosen` when it was left out. */
  result: OpReport | undefined;
  unchosen: boolean;
  problems: Readonly<Record<string, Message>>;
  /** The value typed in each slot (absent: the planned name). */
  edits: Readonly<Record<string, string>>;
  onToggle: (key: string) => void;
  onEdit: (slotId: string, value: string) => void;
}

/** One change: its checkbox and sentence, the names it writes as inputs, or its status once applying. */
export function FixOpRow({
  view,
  idBase,
  choosing,
  result,
  unchosen,
  problems,
  edits,
  onToggle,
  onEdit,
}: FixOpRowProps) {
  const { t } = usePanelEnv();
  const { choice, op, picked, blockedBy } = view;
  // The account's names in the sentence keep their own direction (a stage named in Arabic or Hebrew).
  const text = isolated(t, (tr) => changeText(tr, op.summary));
  const status = choosing ? 'planned' : unchosen ? 'unchosen' : (result?.status ?? 'pending');
  const boxId = `${idBase}-box`;
  const needsId = `${idBase}-needs`;
  return (
    <li
      class={`sa-op sa-op--${status}${choosing && !picked ? ' sa-op--left-out' : ''}`}
      data-op-status={status}
      data-op-key={choice.key}
      data-picked={picked ? 'true' : 'false'}
    >
      {choosing ? (
        <label class="sa-op__choice" for={boxId}>
          <input
            type="checkbox"
            id={boxId}
            data-action="include-op"
            checked={picked}
            disabled={blockedBy !== null}
            aria-describedby={blockedBy ? needsId : undefined}
            onChange={() => onToggle(choice.key)}
          />
          <span class="sa-op__summary">{text}</span>
        </label>
      ) : (
        <span class="sa-op__summary">{text}</span>
      )}
      {!choosing && <span class="sa-op__status">{t(`ui.fix.status.${status}`)}</span>}
      {result && opReason(result, t) && <span class="sa-op__message">{opReason(result, t)}</span>}
      {choosing && blockedBy && (
        <span class="sa-op__message" id={needsId} data-role="op-needs">
          {isolated(t, (tr) => tr('ui.fix.needs', { change: changeText(tr, blockedBy.summary) }))}
        </span>
      )}
      {choosing && picked && choice.names.length > 0 && (
        <div class="sa-names">
          {choice.names.map((slot, n) => (
            <NameInput
              key={slot.id}
              slot={slot}
              id={`${idBase}-name-${n}`}
              value={edits[slot.id] ?? slot.planned}
              problem={problems[slot.id]}
              onEdit={onEdit}
            />
          ))}
        </div>
      )}
    </li>
  );
}

/** Props of one editable name. */
interface NameInputProps {
  slot: NameSlot;
  id: string;
  value: string;
  problem: Message | undefined;
  onEdit: (slotId: string, value: string) => void;
}

/** The label a name input carries, by what it names. */
function slotLabel(t: (key: string, params?: Record<string, string | number>) => string, slot: NameSlot): string {
  if (slot.kind !== 'option') return t(`ui.fix.name.${slot.kind}`);
  return t('ui.fix.name.option', { n: Number(slot.id.slice(slot.id.lastIndexOf(':') + 1)) + 1 });
}

/** A prefilled text input for a name a change writes; its problem said beside it. Names are text, never markup. */
function NameInput({ slot, id, value, problem, onEdit }: NameInputProps) {
  const { t } = usePanelEnv();
  const errorId = `${id}-error`;
  return (
    <div class={`sa-name${problem ? ' sa-name--invalid' : ''}`} data-slot-kind={slot.kind}>
      <label class="sa-name__label" for={id}>
        {slotLabel(t, slot)}
      </label>
      <input
        type="text"
        class="sa-name__input"
        id={id}
        data-action="edit-name"
        data-slot-id={slot.id}
        value={value}
        spellcheck={false}
        aria-invalid={problem ? 'true' : 'false'}
        aria-describedby={problem ? errorId : undefined}
        onInput={(e) => onEdit(slot.id, (e.currentTarget as HTMLInputElement).value)}
      />
      {problem && (
        <span class="sa-name__error" id={errorId} data-role="name-error">
          {say(t, problem)}
        </span>
      )}
    </div>
  );
}
