import { auditAccount, auditSnapshot } from '../../runner/audit';
import { applyFixes } from '../../fix/executor';
import { describePlan } from '../../fix/describe';
import { Journal, memoryJournalStorage } from '../../fix/journal';
import { PlanUnavailableError, fixableRuleIds, planFor } from '../../fix/plans/index';
import type { Plan } from '../../fix/types';
import { ACCOUNT_OPTIONS, langFlag, parseFlags } from '../args';
import { connect, resolveBaseUrl } from '../connect';
import { dictionaryFor, translatorFor } from '../dict';
import { EXIT, usageError } from '../errors';
import type { CliIo } from '../io';
import { baselineFrom } from '../load';
import { progressLine } from '../progress';
import { assertReachable } from '../reachable';
import { ioJournalStorage, isAdminIn, opLine, tokenUserIn, journalLock } from './fix-io';

/**
 * `setup-audit fix (--rule ID … | --all-safe) [--dry-run] [--yes] [--journal FILE]`: previews the plans;
 * applies them with --yes or after a yes on a terminal (a non-terminal without --yes only previews);
 * prints each op's result and the score after the re-audit.
 */
export async function fixCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseFlags(argv, {
    ...ACCOUNT_OPTIONS,
    rule: { type: 'string', multiple: true },
    'all-safe': { type: 'boolean' },
    'dry-run': { type: 'boolean' },
    yes: { type: 'boolean', short: 'y' },
    journal: { type: 'string' },
  });
  const asked = values.rule ?? [];
  if (!asked.length && !values['all-safe']) throw usageError('say what to fix: --rule ID (repeatable) or --all-safe');
  const known = fixableRuleIds();
  for (const id of asked)
    if (!known.includes(id)) throw usageError(`--rule ${id}: no automatic fix (fixable: ${known.join(', ')})`);
  const ruleIds = [...new Set([...asked, ...(values['all-safe'] ? fixableRuleIds('safe') : [])])];
  const lang = langFlag(values.lang, io.env);
  const t = translatorFor(lang);
  const settings = { baseline: baselineFrom(io, values.baseline), lang, dict: dictionaryFor(lang) };
  const baseUrl = resolveBaseUrl(values);
  const client = connect(values, io);

  const progress = progressLine(io, t);
  const { snapshot, report } = await auditAccount({ ...settings, client, baseUrl, onProgress: progress.update });
  progress.done();
  assertReachable(snapshot, baseUrl);

  const plans: Plan[] = [];
  for (const id of ruleIds) {
    try {
      const plan = planFor(id, snapshot, settings.baseline, lang);
      if (plan) plans.push(plan);
    } catch (err) {
      if (!(err instanceof PlanUnavailableError)) throw err;
      io.stderr(
        `${t('fix.refused.part-failed', { rule: id, reason: err.failure?.message ?? err.part ?? err.message })}\n`,
      );
    }
  }
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

  const journal = new Journal(values.journal ? ioJournalStorage(io, values.journal) : memoryJournalStorage(), {
    by: tokenUserIn(snapshot),
  });
  const outcome = await applyFixes({
    client,
    ruleIds: withOps.map((p) => p.ruleId),
    snapshot,
    baseline: settings.baseline,
    lang,
    journal,
    lock: journalLock(io, values.journal),
    isAdmin: isAdminIn(snapshot),
    confirmed: true,
    onOp: (op) => io.stdout(opLine(op, t)),
  });
  if (outcome.status === 'refused') {
    io.stderr(`${t(outcome.message.key, outcome.message.params)}\n`);
    return EXIT.failed;
  }
  for (const plan of outcome.plans) {
    if (plan.reason) io.stderr(`${t(plan.reason.key, plan.reason.params)}\n`);
  }
  io.stdout(`\n${t(`fix.outcome.${outcome.status}`)}\n`);
  const after = auditSnapshot(outcome.snapshot, settings);
  io.stdout(`${t('fix.cli.score', { score: after.score ?? '—' })}\n`);
  if (outcome.plans.some((p) => p.entryId)) {
    io.stdout(
      `${values.journal ? t('fix.cli.journal', { file: values.journal, batch: outcome.batchId }) : t('fix.cli.noJournal')}\n`,
    );
  }
  return outcome.status === 'done' || outcome.status === 'already-fixed' ? EXIT.ok : EXIT.failed;
}

function printManual(io: CliIo, t: (k: string, p?: Record<string, string | number>) => string, plans: Plan[]): void {
  const manual = plans.flatMap((p) => p.manual ?? []);
  if (!manual.length) return;
  io.stdout(`\n${t('fix.cli.manual')}\n`);
  for (const m of manual) io.stdout(`  - ${t(m.key, m.params)}\n`);
}
