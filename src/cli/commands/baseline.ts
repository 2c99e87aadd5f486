import { loadBaseline } from '../../audit/baseline/load';
import { parseFlags } from '../args';
import { EXIT } from '../errors';
import type { CliIo } from '../io';
import { baselineFrom } from '../load';

/** `setup-audit baseline [--out FILE] [--check FILE]`: export the default baseline, or validate one. */
export async function baselineCommand(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseFlags(argv, { out: { type: 'string' }, check: { type: 'string' } });
  if (values.check) {
    const baseline = baselineFrom(io, values.check);
    io.stdout(`${values.check}: ${baseline.id} ${baseline.version} — OK\n`);
    return EXIT.ok;
  }
  const text = `${JSON.stringify(loadBaseline().baseline, null, 2)}\n`;
  if (values.out) io.writeFile(values.out, text);
  else io.stdout(text);
  return EXIT.ok;
}
