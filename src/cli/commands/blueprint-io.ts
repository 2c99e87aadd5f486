/** Shared by capture, plan, apply and audit --blueprint: reading the document file, reading the account, printing a plan. */
import type { ApiClient } from '../../api/client';
import { BLUEPRINT_PARTS } from '../../blueprint/apply';
import { describeMessage, describeProblem } from '../../blueprint/describe';
import type { BlueprintPlan } from '../../blueprint/plan/index';
import { readBlueprint } from '../../blueprint/read';
import type { Blueprint } from '../../blueprint/types';
import type { Lang, Translate } from '../../i18n/translate';
import { gatherSnapshot } from '../../snapshot/gather';
import type { Snapshot } from '../../snapshot/types';
import { allDictionaries } from '../dict';
import { CliError, EXIT, usageError } from '../errors';
import type { CliIo } from '../io';
import { progressLine } from '../progress';
import { assertReachable } from '../reachable';

/** The document named by --blueprint; a broken one ends the command (exit 2) after listing every problem. */
export async function loadBlueprint(io: CliIo, t: Translate, path: string | undefined): Promise<Blueprint> {
  if (!path) throw usageError('blueprintRequired');
  let bytes: Uint8Array;
  try {
    bytes = io.readFile(path);
  } catch (err) {
    throw usageError('blueprintUnreadable', { file: path, reason: (err as Error).message });
  }
  const read = await readBlueprint(bytes, path, allDictionaries());
  if (read.ok) return read.value;
  for (const p of read.problems) io.stderr(`  ${describeProblem(p, t)}\n`);
  throw new CliError(
    { key: 'cli.errors.blueprintRefused', params: { file: path, count: read.problems.length } },
    EXIT.usage,
  );
}

/** What capture and plan read of the account (exit 3 when it does not answer). */
export async function readAccount(
  io: CliIo,
  { t, lang }: { t: Translate; lang: Lang },
  client: ApiClient,
  baseUrl: string,
): Promise<Snapshot> {
  const progress = progressLine(io, t, lang);
  const snapshot = await gatherSnapshot(client, {
    parts: BLUEPRINT_PARTS,
    windowDays: 30,
    onProgress: progress.update,
    baseUrl,
  });
  progress.done();
  assertReachable(snapshot, baseUrl);
  return snapshot;
}

/** The plan as text: sections with counts and every change as a sentence, then the by-hand list. */
export function planText(plan: BlueprintPlan, t: Translate, file: string): string {
  const out: string[] = [t('blueprint.cli.title', { file }), ''];
  let total = 0;
  for (const s of plan.sections) {
    const section = t(`blueprint.section.${s.section}`);
    if (s.error) {
      out.push(t('blueprint.cli.error', { section, reason: describeMessage(s.error, t) }));
      continue;
    }
    if (!s.ops.length) continue;
    total += s.ops.length;
    out.push(t('blueprint.cli.sectionTitle', { section, count: s.ops.length }));
    s.ops.forEach((op, i) => out.push(`  ${i + 1}. ${describeMessage(op.summary, t)}`));
    out.push('');
  }
  out.push(total ? t('blueprint.cli.total', { count: total }) : t('blueprint.cli.empty'));
  const manual = [...plan.sections.flatMap((s) => s.manual), ...plan.manual];
  if (manual.length) {
    out.push('', t('blueprint.cli.manual'));
    for (const m of manual) out.push(`  - ${describeMessage(m, t)}`);
  }
  return `${out.join('\n')}\n`;
}

/** The plan as JSON: `{ops, manual}`, each op with its section, request and sentence. */
export function planJson(plan: BlueprintPlan, t: Translate): string {
  const ops = plan.sections.flatMap((s) =>
    s.ops.map((op) => ({
      section: s.section,
      method: op.method,
      path: op.path,
      body: op.body,
      summary: describeMessage(op.summary, t),
      message: op.summary,
    })),
  );
  const manual = [
    ...plan.sections.flatMap((s) =>
      [...(s.error ? [s.error] : []), ...s.manual].map((m) => ({
        section: s.section,
        text: describeMessage(m, t),
        message: m,
      })),
    ),
    ...plan.manual.map((m) => ({ section: 'by-hand', text: describeMessage(m, t), message: m })),
  ];
  return `${JSON.stringify({ ops, manual }, null, 2)}\n`;
}
