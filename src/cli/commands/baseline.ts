import { loadBaseline } from '../../audit/baseline/load';
import { parseFlags } from '../args';
import { EXIT } from '../errors';
import type { CliIo } from '../io';
import { baselineFrom } from '../load';
import { SPECS } from '../specs';
import type { RunContext } from './index';

/** `setup-audit baseline [--out FILE] [--check FILE]`: export the default baseline, or validate one. */
export async function baselineCommand(argv: string[], io: CliIo, { t }: RunContext): Promise<number> {
  const values = parseFlags(argv, SPECS.baseline.flags);
  if (values.check) {
    const baseline = baselineFrom(io, values.check);
    io.stdout(`${t('cli.baselineValid', { file: values.check, id: baseline.id, version: baseline.version })}\n`);
    return EXIT.ok;
  }
  const text = `${JSON.stringify(loadBaseline().baseline, null, 2)}\n`;
  if (values.out) {
    io.writeFile(values.out, text);
    io.stderr(`${t('cli.written', { file: values.out })}\n`);
  } else io.stdout(text);
  return EXIT.ok;
}
