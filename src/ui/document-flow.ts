/**
 * The store's part for "Apply a configuration document": read the file → plan → apply with progress →
 * outcome, and the sign-off. Every step goes through the runner port; the report each step returns
 * replaces the one on screen, as for fixes.
 */
import type { Message, Report } from '../audit/types';
import type {
  ApplyOutcome,
  Blueprint,
  BlueprintPlan,
  DocumentProblem,
  OpReport,
  PanelRunner,
  PickedFile,
  SignOffStatus,
  SignOffView,
} from './runner-port';

/** Where the sign-off of the document in hand stands. */
export type SignOffState =
  | { status: 'idle' }
  | { status: 'staged'; signOff: SignOffView }
  | { status: 'refused'; message: Message };

/** The section's state. */
export interface DocumentState {
  status: 'idle' | 'reading' | 'refused' | 'plan' | 'applying' | 'done' | 'error';
  fileName: string | null;
  document: Blueprint | null;
  /** Why the file was refused: every place, with sheet, row and column (or JSON path). */
  problems: DocumentProblem[];
  plan: BlueprintPlan | null;
  /** Op results as they settle while applying, then every op of the outcome. */
  ops: OpReport[];
  outcome: ApplyOutcome | null;
  /**
   * The apply came back with a report (the document's checks are on screen). False when it ran with no
   * audit in hand: the report on screen is older than the apply, and only the next audit compares.
   */
  reported: boolean;
  /** Why the apply did not start (not admin, busy), to translate. */
  refusal: Message | null;
  /** Raw reason of an unexpected failure. */
  error: string | null;
  signOff: SignOffState;
  /** The saved and staged sign-off and what reports are compared with; null without the runner's support. */
  standing: SignOffStatus | null;
}

/** The section's intents. */
export type DocumentIntent =
  | { type: 'document-read'; file: PickedFile }
  | { type: 'document-apply' }
  | { type: 'document-sign-off' }
  | { type: 'document-close' };

/** The state before any file is chosen. */
export function initialDocumentState(runner: PanelRunner): DocumentState {
  return {
    status: 'idle',
    fileName: null,
    document: null,
    problems: [],
    plan: null,
    ops: [],
    outcome: null,
    reported: false,
    refusal: null,
    error: null,
    signOff: { status: 'idle' },
    standing: runner.signOffStatus?.() ?? null,
  };
}

/** What the flow needs from the store. */
export interface DocumentFlowHost {
  runner: PanelRunner;
  get(): DocumentState;
  set(patch: Partial<DocumentState>): void;
  takeReport(report: Report | null): void;
  loadHistory(): Promise<void>;
}

function reasonOf(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Replaces the result of the same op (section + index) or appends it. */
function upsert(ops: OpReport[], op: OpReport): OpReport[] {
  const i = ops.findIndex((o) => o.ruleId === op.ruleId && o.index === op.index);
  if (i < 0) return [...ops, op];
  const next = ops.slice();
  next[i] = op;
  return next;
}

/** The flow over the store: `dispatch` resolves when the intent's side effects settle. */
export function createDocumentFlow(host: DocumentFlowHost): { dispatch(intent: DocumentIntent): Promise<void> } {
  const { runner } = host;
  // Each file chosen gets a token so a late answer about an earlier file cannot land on a newer one.
  let token = 0;
  const standing = () => ({ standing: runner.signOffStatus?.() ?? null });

  async function read(file: PickedFile): Promise<void> {
    if (!runner.readDocument || !runner.planDocument || !runner.canFix) return;
    if (host.get().status === 'applying' || host.get().status === 'reading') return;
    const mine = ++token;
    host.set({
      ...initialDocumentState(runner),
      status: 'reading',
      fileName: file.name,
    });
    try {
      const read = await runner.readDocument(file);
      if (mine !== token) return;
      if (!read.ok) {
        host.set({ status: 'refused', problems: read.problems });
        return;
      }
      const { outcome: plan, report } = await runner.planDocument(read.value);
      if (mine !== token) return;
      host.takeReport(report);
      host.set({ status: 'plan', document: read.value, plan });
    } catch (err) {
      if (mine === token) host.set({ status: 'error', error: reasonOf(err) });
    }
  }

  async function apply(): Promise<void> {
    const s = host.get();
    // Only a plan on screen applies, once: a second click while applying is ignored.
    if (s.status !== 'plan' || !s.document || !runner.applyDocument) return;
    const mine = token;
    host.set({ status: 'applying', ops: [] });
    try {
      const { outcome, report } = await runner.applyDocument(s.document, {
        name: s.fileName ?? '',
        onOp: (op) => {
          if (mine === token) host.set({ ops: upsert(host.get().ops, op) });
        },
      });
      host.takeReport(report);
      if (outcome.status === 'refused') host.set({ status: 'error', outcome, refusal: outcome.message });
      else
        host.set({
          status: 'done',
          outcome,
          ops: outcome.plans.flatMap((p) => p.ops),
          reported: report !== null,
          ...standing(),
        });
    } catch (err) {
      host.set({ status: 'error', error: reasonOf(err) });
    }
    await host.loadHistory();
  }

  async function signOff(): Promise<void> {
    const s = host.get();
    if (!s.document || !runner.signOff || (s.status !== 'plan' && s.status !== 'done')) return;
    try {
      const out = await runner.signOff(s.document, { name: s.fileName ?? '' });
      if (out.status === 'staged') {
        host.takeReport(out.report);
        host.set({ signOff: { status: 'staged', signOff: out.signOff }, ...standing() });
      } else if (out.status === 'too-large') {
        const kb = { size: Math.ceil(out.bytes / 1000), max: Math.floor(out.max / 1000) };
        host.set({ signOff: { status: 'refused', message: { key: 'blueprint.signOff.tooLarge', params: kb } } });
      } else host.set({ signOff: { status: 'refused', message: out.message } });
    } catch (err) {
      host.set({ signOff: { status: 'refused', message: { key: 'ui.actionFailed' } }, error: reasonOf(err) });
    }
  }

  return {
    async dispatch(intent) {
      switch (intent.type) {
        case 'document-read':
          return read(intent.file);
        case 'document-apply':
          return apply();
        case 'document-sign-off':
          return signOff();
        case 'document-close':
          if (host.get().status === 'applying') return;
          token++;
          host.set({ ...initialDocumentState(runner) });
          return;
      }
    },
  };
}
