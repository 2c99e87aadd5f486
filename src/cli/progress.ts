import type { GatherProgress } from '../snapshot/gather';
import type { Translate } from '../i18n/translate';
import type { CliIo } from './io';

/** A progress line on stderr while gathering: rewritten in place on a terminal, silent otherwise. */
export function progressLine(io: CliIo, t: Translate): { update(p: GatherProgress): void; done(): void } {
  let shown = false;
  return {
    update(p) {
      if (!io.stderrTTY) return;
      shown = true;
      io.stderr(`\r\x1b[K${t('cli.progress', { done: p.partsDone, total: p.partsTotal, requests: p.requests })}`);
    },
    done() {
      if (shown) io.stderr('\r\x1b[K');
    },
  };
}
