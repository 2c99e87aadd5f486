import { resolve } from 'node:path';
import { RULES } from '../../audit/registry';
import { describePlan } from '../../fix/describe';
import { fixableRuleIds } from '../../fix';
import type { Plan } from '../../fix/types';
import { allSafeRuleIds } from '../../runner/all-safe';
import { createWorkflow } from '../../runner/workflow';
import { documentFileName } from '../../export/file-name';
import { openAccount } from '../account';
import { choiceFlag, parseFlags } from '../args';
import { dictionaryFor } from '../dict';
import { EXIT, usageError } from '../errors';
import type { CliIo } from '../io';
import { CLI_LANGS } from '../lang';
import { baselineFrom } from '../load';
import { progressLine } from '../progress';
import { assertReachable } from '../reachable';
import { SPECS } from '../specs';
import { closest } from '../suggest';
import { ioJournalStorage, journalLock, opLine } from './fix-io';
import type { RunContext } from './index';
import { localFixEngine } from '../../runner/fix-engine-local';

/** `--rule ID`: an id the registry does not know is named as unknown (with the closest id), not as unfixable. */
function checkRuleIds(asked: readonly string[]): void {
  const fixable = fixableRuleIds();
  const ids = RULES.map((r) => r.meta.id);
  for (const id of asked) {
    if (fixable.includes(id)) continue;
    if (!ids.includes(id)) {
      const guess = closest(id, ids);
      throw guess ? usageError('unknownRuleGuess', { rule: id, guess }) : usageError('unknownRule', { rule: id });
    }
    throw usageError('ruleNotFixable', { rule: id, fixable: fixable.join(', ') });
  }
}

/**
 * `setup-audit fix (--rule ID … | --all-safe) [--dry-run] [--yes] [--journal FILE] [--names-lang ru|en|es]`:
 * previews the plans; applies them with --yes or after a yes on a terminal (a non-terminal without --yes
 * only previews); prints each op's result and the score after the re-audit. What is applied is always
 * journaled: without --journal the journal goes to the current folder, and the CLI says where.
 */
export async function fixCommand(argv: string[], io: CliIo, { lang, t }: RunContext): Promise<number> {
  const values = parseFlags(argv, SPECS.fix.flags);
  const asked = values.rule ?? [];
  if (!asked.length && !values['all-safe']) throw usageError('whatToFix');
  checkRuleIds(asked);
  const namesFlag = choiceFlag('names-lang', values['names-lang'], CLI_LANGS);
  const baseline = baselineFrom(io, values.baseline);
  const { client, baseUrl, account } = await openAccount(values, io);
  // Nothing is applied that nobody can undo: without --journal the journal goes to the current folder.
  const journalPath = values.journal ?? documentFileName(account.subdomain, new Date(), 'json', 'journal');
  const workflow = createWorkflow({
    client,
    baseline,
    lang,
    dict: dictionaryFor(lang),
    fixes: async () => localFixEngine,
    // The language of the names a fix writes: --names-lang, else the account's own.
    ...(namesFlag ? { namesLang: namesFlag } : {}),
    journal: ioJournalStorage(io, journalPath),
    lock: journalLock(io, journalPath),
    baseUrl,
  });

  const progress = progressLine(io, t, lang);
  const { snapshot, report } = await workflow.audit({ onProgress: progress.update });
  progress.done();
  assertReachable(snapshot, baseUrl);

  // The account was read just now: the preview plans from that read (the apply re-reads before writing).
  const selection =
    values['all-safe'] && !asked.length
      ? 'all-safe'
      : [...new Set([...asked, ...(values['all-safe'] ? allSafeRuleIds(report) : [])])];
  const { outcome: preview } = await workflow.preview(selection, { reread: false });
  for (const u of preview.unavailable) io.stderr(`${t(u.reason.key, u.reason.params)}\n`);
  const plans = preview.plans;
  const withOps = plans.filter((p) => p.ops.length);
  if (!withOps.length) {
    io.stdout(`${t('fix.cli.nothing')}\n`);
    printManual(io, t, plans);
    return EXIT.ok;
  }
  io.stdout(`${t('fix.cli.preview')}\n`);
  for (const plan of withOps) {
    const d = describePlan(plan, t);
    const title = report.results.find((r) => r.ruleId === plan.ruleId)?.title ?? plan.ruleId;
    io.stdout(`\n[${plan.kind}] ${plan.ruleId} — ${title} (${d.total})\n`);
    d.ops.forEach((line, i) => io.stdout(`  ${i + 1}. ${line}\n`));
    if (d.legend) io.stdout(`  (${d.legend})\n`);
  }
  printManual(io, t, plans);
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

  if (!values.journal) io.stderr(`${t('cli.journalDefault', { file: resolve(journalPath) })}\n`);
  const { outcome, report: after } = await workflow.apply(preview, { onOp: (op) => io.stdout(opLine(op, t)) });
  if (outcome.status === 'refused') {
    io.stderr(`${t(outcome.message.key, outcome.message.params)}\n`);
    return EXIT.failed;
  }
  for (const plan of outcome.plans) {
    if (plan.reason) io.stderr(`${t(plan.reason.key, plan.reason.params)}\n`);
  }
  io.stdout(`\n${t(`fix.outcome.${outcome.status}`)}\n`);
  io.stdout(`${t('fix.cli.score', { score: after?.score ?? '—' })}\n`);
  if (outcome.plans.some((p) => p.entryId)) {
    io.stdout(`${t('fix.cli.journal', { file: journalPath, batch: outcome.batchId })}\n`);
  }
  return outcome.status === 'done' || outcome.status === 'already-fixed' ? EXIT.ok : EXIT.failed;
}

function printManual(io: CliIo, t: (k: string, p?: Record<string, string | number>) => string, plans: Plan[]): void {
  const manual = plans.flatMap((p) => p.manual ?? []);
  if (!manual.length) return;
  io.stdout(`\n${t('fix.cli.manual')}\n`);
  for (const m of manual) io.stdout(`  - ${t(m.key, m.params)}\n`);
}
