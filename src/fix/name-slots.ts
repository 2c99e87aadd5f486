/**
 * The names an op writes into the account — a new field's name and its options, a new stage's name, a
 * stage's new name — as slots a person may edit before applying, and the op with edited names: in its
 * body (what is sent and journaled), its target (undo finds a created object by name until the answer
 * gives its id) and its sentence (the preview and the history say what was really written).
 */
import type { Message } from '../audit/types';
import type { Op } from './types';

/** A name an op writes that the person may change. */
export interface NameSlot {
  /** `<op key>/name` or `<op key>/option:<n>`: what an edited name is keyed by. */
  id: string;
  kind: 'field' | 'option' | 'status';
  /** Where the name must be unique: `field:<entity>`, `status:<pipeline id>`, or `option:<op key>` (one field's options). */
  scope: string;
  /** The name the plan writes unless it is changed (in the account's language). */
  planned: string;
  /** For a stage rename: the stage whose current name it replaces (that name leaves the scope). */
  replaces?: number;
}

type Body = Record<string, unknown>;

function isBody(v: unknown): v is Body {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** The one item of a create's batch body. */
function created(op: Op): Body | null {
  return op.method === 'POST' && Array.isArray(op.body) && op.body.length === 1 && isBody(op.body[0])
    ? op.body[0]
    : null;
}

/** What kind of name-writing op this is, if any. */
function shapeOf(op: Op): 'new-field' | 'new-status' | 'rename-status' | null {
  const t = op.target;
  if (!t) return null;
  if (t.id === null) {
    if (!created(op)) return null;
    return t.kind === 'field' ? 'new-field' : t.kind === 'status' ? 'new-status' : null;
  }
  const body = op.body;
  if (t.kind !== 'status' || op.method !== 'PATCH' || !isBody(body)) return null;
  return typeof body['name'] === 'string' && body['name'] !== t.name ? 'rename-status' : null;
}

/** The options of a new list field, as its POST body carries them. */
function optionsOf(body: Body): { value: string }[] {
  const enums = body['enums'];
  return Array.isArray(enums)
    ? enums.filter((e): e is { value: string } => isBody(e) && typeof e['value'] === 'string')
    : [];
}

/** The names `op` (keyed `key`) writes, in the order the preview shows them. */
export function nameSlots(op: Op, key: string): NameSlot[] {
  const shape = shapeOf(op);
  const t = op.target;
  if (!shape || !t) return [];
  if (shape === 'new-field' && t.kind === 'field') {
    const body = created(op)!;
    return [
      { id: `${key}/name`, kind: 'field', scope: `field:${t.entity}`, planned: String(body['name']) },
      ...optionsOf(body).map(
        (o, n): NameSlot => ({ id: `${key}/option:${n}`, kind: 'option', scope: `option:${key}`, planned: o.value }),
      ),
    ];
  }
  if (t.kind !== 'status') return [];
  if (shape === 'new-status') {
    return [
      { id: `${key}/name`, kind: 'status', scope: `status:${t.pipelineId}`, planned: String(created(op)!['name']) },
    ];
  }
  const planned = String((op.body as Body)['name']);
  return [{ id: `${key}/name`, kind: 'status', scope: `status:${t.pipelineId}`, planned, replaces: t.id! }];
}

/** Edited names by slot id, as typed (leading and trailing spaces are trimmed when written). */
export type NameEdits = Readonly<Record<string, string>>;

/** The name a slot ends up writing: the edit when there is one, else what the plan chose. */
export function finalName(slot: NameSlot, edits: NameEdits): string {
  const edit = edits[slot.id];
  return edit === undefined ? slot.planned : edit.trim();
}

function withParams(summary: Message, params: Record<string, string | number>): Message {
  return { ...summary, params: { ...summary.params, ...params } };
}

/**
 * `op` with the edited names of its slots applied to body, target and sentence. An op none of whose
 * names changed is returned as it is.
 */
export function withNames(op: Op, slots: readonly NameSlot[], edits: NameEdits): Op {
  const changed = slots.filter((s) => finalName(s, edits) !== s.planned);
  if (changed.length === 0) return op;
  const name = (slot: NameSlot | undefined) => (slot ? finalName(slot, edits) : undefined);
  const main = slots.find((s) => s.id.endsWith('/name'));
  const t = op.target!;
  const shape = shapeOf(op);
  if (shape === 'new-field' || shape === 'new-status') {
    const body: Body = { ...created(op)!, name: name(main) };
    if (shape === 'new-field' && Array.isArray(body['enums'])) {
      const options = slots.filter((s) => s.kind === 'option');
      body['enums'] = (body['enums'] as Body[]).map((e, n) => {
        const slot = options.find((s) => s.id.endsWith(`/option:${n}`));
        return slot ? { ...e, value: finalName(slot, edits) } : e;
      });
    }
    const params: Record<string, string> =
      shape === 'new-field' ? { field: String(body['name']) } : { stage: String(body['name']) };
    if (shape === 'new-field' && op.summary.params?.['options'] !== undefined) {
      params['options'] = optionsOf(body)
        .map((o) => o.value)
        .join(', ');
    }
    return {
      ...op,
      body: [body],
      target: { ...t, name: String(body['name']) } as typeof t,
      summary: withParams(op.summary, params),
    };
  }
  // A rename: the target keeps the stage's current name (undo finds it by id and puts that name back).
  const to = name(main)!;
  return { ...op, body: { ...(op.body as Body), name: to }, summary: withParams(op.summary, { to }) };
}

/**
 * An op whose sentence names a stage by the name an earlier op of the plan gives it («new stage X after
 * Y»), with that name as edited: the preview and the history read as the account will. `renamed` maps
 * `<scope> <planned name>` to the name written.
 */
export function followRenames(op: Op, renamed: ReadonlyMap<string, string>): Op {
  const after = op.summary.params?.['after'];
  if (op.target?.kind !== 'status' || typeof after !== 'string') return op;
  const to = renamed.get(renamedKey(`status:${op.target.pipelineId}`, after));
  return to === undefined ? op : { ...op, summary: withParams(op.summary, { after: to }) };
}

/** The key of `renamed` for a name planned in a scope. */
export function renamedKey(scope: string, planned: string): string {
  return `${scope} ${planned}`;
}
