import { planBlueprint } from '../../blueprint/plan/index';
import { openAccount } from '../account';
import { choiceFlag, parseFlags } from '../args';
import { EXIT } from '../errors';
import type { CliIo } from '../io';
import { SPECS } from '../specs';
import { loadBlueprint, planJson, planText, readAccount } from './blueprint-io';
import type { RunContext } from './index';

/** `setup-audit plan --blueprint FILE [--format text|json]`: what applying the document would change, and what is left to a person. */
export async function planCommand(argv: string[], io: CliIo, { t, lang }: RunContext): Promise<number> {
  const values = parseFlags(argv, SPECS.plan.flags);
  const format = choiceFlag('format', values.format, ['text', 'json'] as const) ?? 'text';
  // The document is read before the account, so a broken one costs no requests.
  const doc = await loadBlueprint(io, t, values.blueprint);
  const { client, baseUrl } = await openAccount(values, io);
  const plan = planBlueprint(doc, await readAccount(io, { t, lang }, client, baseUrl));
  io.stdout(format === 'json' ? planJson(plan, t) : planText(plan, t, values.blueprint ?? ''));
  return EXIT.ok;
}
