import { defaultBaseline } from '../../audit/baseline/load';
import { localBlueprintEngine } from '../../blueprint/engine-local';
import { documentFileName } from '../../export/file-name';
import { createWorkflow } from '../../runner/workflow';
import { localFixEngine } from '../../runner/fix-engine-local';
import { openAccount } from '../account';
import { parseFlags } from '../args';
import { dictionaryFor } from '../dict';
import { EXIT } from '../errors';
import type { CliIo } from '../io';
import { progressLine } from '../progress';
import { assertReachable } from '../reachable';
import { SPECS } from '../specs';
import { loadBlueprint, planText } from './blueprint-io';
import { ioJournalStorage, journalLock, opLine } from './fix-io';
import type { RunContext } from './index';

/**
 * `setup-audit apply --blueprint FILE [--yes] [--dry-run] [--journal FILE]`: shows the plan, then (with
 * --yes, or after a yes on a terminal) applies it through the fixes' executor — each section recomputed
 * from a fresh read, each op journaled, stopping at the first failure. What is applied is always
 * journaled (without --journal, to the current folder); `undo --journal FILE` reverts it.
 */
export async function applyCommand(argv: string[], io: CliIo, { t, lang }: RunContext): Promise<number> {
  const values = parseFlags(argv, SPECS.apply.flags);
  const doc = await loadBlueprint(io, t, values.blueprint);
  const { client, baseUrl, account } = await openAccount(values, io);
  // Nothing is applied that nobody can undo: without --journal the journal goes to the current folder.
  const journalPath = values.journal ?? documentFileName(account.subdomain, new Date(), 'json', 'journal');
  // The one orchestrator, as the panel uses it: no audit in hand, so it reads what the document needs itself.
  const workflow = createWorkflow({
    client,
    // Nothing is audited here: the baseline only sets the reading window.
    baseline: defaultBaseline(),
    lang,
    dict: dictionaryFor(lang),
    journal: ioJournalStorage(io, journalPath),
    lock: journalLock(io, journalPath),
    baseUrl,
    blueprint: async () => localBlueprintEngine,
    fixes: async () => localFixEngine,
  });
  assertReachable(await workflow.identify(), baseUrl);
  const progress = progressLine(io, t, lang);
  const { outcome: plan } = await workflow.planBlueprint(doc, { onProgress: progress.update });
  progress.done();
  io.stdout(planText(plan, t, values.blueprint ?? ''));
  if (!plan.sections.some((s) => s.ops.length)) return plan.sections.some((s) => s.error) ? EXIT.failed : EXIT.ok;
  io.stdout('\n');
  if (values['dry-run']) {
    io.stdout(`${t('fix.cli.dryRun')}\n`);
    return EXIT.ok;
  }
  if (!values.yes) {
    if (!io.isTTY) {
      io.stdout(`${t('fix.cli.previewOnly')}\n`);
      return EXIT.ok;
    }
    if (!(await io.confirm(t('fix.cli.confirm')))) {
      io.stdout(`${t('fix.cli.cancelled')}\n`);
      return EXIT.ok;
    }
  }
  const { outcome } = await workflow.applyBlueprint(doc, {
    name: values.blueprint ?? '',
    onOp: (op) => io.stdout(opLine(op, t)),
  });
  if (outcome.status === 'refused') {
    io.stderr(`${t(outcome.message.key, outcome.message.params)}\n`);
    return EXIT.failed;
  }
  for (const p of outcome.plans) if (p.reason) io.stderr(`${t(p.reason.key, p.reason.params)}\n`);
  const attempted = outcome.plans.flatMap((p) => p.ops);
  const count = (s: string) => attempted.filter((o) => o.status === s).length;
  const counts = { applied: count('applied'), failed: count('failed'), skipped: count('not-attempted') };
  io.stdout(`\n${t(`fix.outcome.${outcome.status}`)} (${t('blueprint.cli.counts', counts)})\n`);
  if (outcome.plans.some((p) => p.entryId)) {
    io.stdout(`${t('fix.cli.journal', { file: journalPath, batch: outcome.batchId })}\n`);
  }
  return outcome.status === 'done' || outcome.status === 'already-fixed' ? EXIT.ok : EXIT.failed;
}
