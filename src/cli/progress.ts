import type { GatherProgress } from '../snapshot/gather';
import type { Lang, Translate } from '../i18n/translate';
import { timeLeftText } from '../runner/time-left-text';
import type { CliIo } from './io';

/** The line cut to the terminal's width (a wrapped line could not be rewritten in place). */
function fitToWidth(line: string, columns: number | undefined): string {
  if (!columns || columns < 2) return line;
  const chars = [...line];
  return chars.length < columns ? line : `${chars.slice(0, columns - 2).join('')}…`;
}

/**
 * A progress line on stderr while gathering: rewritten in place on a terminal, silent otherwise. While
 * parts are still being read it adds the same time-left text the panel shows.
 */
export function progressLine(io: CliIo, t: Translate, lang: Lang): { update(p: GatherProgress): void; done(): void } {
  let shown = false;
  return {
    update(p) {
      if (!io.stderrTTY) return;
      shown = true;
      const progress = t('cli.progress', { done: p.partsDone, total: p.partsTotal, requests: p.requests });
      const scan = p.partsDone > 0 ? timeLeftText(p.timeLeft, t, lang) : null;
      const line = scan ? t('cli.progressScan', { progress, scan }) : progress;
      io.stderr(`\r\x1b[K${fitToWidth(line, io.stderrColumns)}`);
    },
    done() {
      if (shown) io.stderr('\r\x1b[K');
    },
  };
}
