/**
 * The bench's panel page (bundled by scripts/bench/panel.ts, served by it, opened in Chromium): mounts
 * the real panel with a Report fetched from /report.json and records, in `window.__bench`, when the
 * items were on screen, and how long "show all", opening and closing an area took to paint.
 */
import type { Report } from '../../src/audit/types';
import { createTranslator, type Dictionary } from '../../src/i18n/translate';
import { mountPanel } from '../../src/ui/mount';
import type { PanelRunner } from '../../src/ui/runner-port';
import en from '../../i18n/en.json';
import { localFixViews } from '../../src/ui/fix-views-local';
import { localDocumentViews } from '../../src/ui/document-views-local';

/** What the page reports back to the bench. */
export interface PanelFigures {
  reportItems: number;
  itemsOnScreen: number;
  mountToPaintMs: number;
  showAllItems: number;
  /** Opening the finding with the most items (its first 20 render). */
  openRowToPaintMs: number;
  showAllToPaintMs: number;
  openAreaToPaintMs: number;
  closeAreaToPaintMs: number;
  openedArea: string;
}

declare global {
  interface Window {
    __bench?: PanelFigures | { error: string };
  }
}

/** Resolves after the browser painted the current DOM (the frame after the next animation frame). */
const painted = () => new Promise<void>((r) => requestAnimationFrame(() => setTimeout(r, 0)));

function runnerFor(report: Report): PanelRunner {
  return {
    canFix: true,
    audit: async () => report,
    // The bench never opens a fix dialog or undoes; these answer "nothing to do" with the same report.
    preview: async () => ({
      outcome: { scope: 'rules', ruleIds: [], plans: [], choices: [], taken: {}, unavailable: [] },
      report,
    }),
    apply: async () => ({
      outcome: { status: 'refused', reason: 'busy', message: { key: 'fix.refused.busy' } },
      report,
    }),
    undo: async () => ({
      outcome: { status: 'refused', reason: 'busy', message: { key: 'fix.refused.busy' } },
      report,
    }),
    history: async () => [],
    downloadJournal: async () => {},
    getTicks: async () => ({}),
    setTick: async (ruleId, checked) => ({ ruleId, checked, by: 'bench', at: report.takenAt }),
    // The bench measures the report only; the import check is never opened.
    preflight: async () => {
      throw new Error('no import check in the bench');
    },
    downloadTemplate: async () => {},
    downloadPreflightReport: async () => {},
  };
}

async function timeClick(el: Element): Promise<number> {
  const start = performance.now();
  (el as HTMLElement).click();
  await painted();
  return performance.now() - start;
}

async function main(): Promise<PanelFigures> {
  const report = (await (await fetch('/report.json')).json()) as Report;
  const root = document.getElementById('root')!;
  const t = createTranslator(en as unknown as Dictionary, 'en');
  await painted();
  performance.mark('mount-start');
  const start = performance.now();
  mountPanel(root, {
    fixViews: async () => localFixViews,
    documentViews: async () => localDocumentViews,
    runner: runnerFor(report),
    t,
    lang: 'en',
    report,
    autoRun: false,
  });
  await painted();
  const mountToPaintMs = performance.now() - start;
  performance.mark('items-painted');
  const itemsOnScreen = root.querySelectorAll('[data-item-id]').length;

  // The longest list, shown in full.
  const biggest = [...report.results].sort((a, b) => b.items.length - a.items.length)[0]!;
  // An area may start folded (In use does): open it first, so its findings are on the page.
  const areaToggle = root.querySelector(`section[data-area="${biggest.area}"] [data-action="toggle-area"]`);
  if (areaToggle?.getAttribute('aria-expanded') === 'false') await timeClick(areaToggle);
  const card = root.querySelector(`[data-rule-id="${biggest.ruleId}"]`);
  // Findings are one line until opened: open it first (its first items render), then show all.
  const row = card?.querySelector('[data-action="toggle-result"]');
  const openRowToPaintMs = row ? await timeClick(row) : 0;
  const more = card?.querySelector('[data-action="show-all"]');
  const showAllToPaintMs = more ? await timeClick(more) : 0;
  const showAllItems = card ? card.querySelectorAll('[data-item-id]').length : 0;

  // The area holding that list (open, with every item shown): close it, then open it again.
  const toggle = root.querySelector(`section[data-area="${biggest.area}"] [data-action="toggle-area"]`)!;
  const openedArea = biggest.area;
  const closeAreaToPaintMs = await timeClick(toggle);
  const openAreaToPaintMs = await timeClick(toggle);
  const reportItems = report.results.reduce((n, r) => n + r.items.length, 0);
  return {
    reportItems,
    itemsOnScreen,
    mountToPaintMs,
    showAllItems,
    openRowToPaintMs,
    showAllToPaintMs,
    openAreaToPaintMs,
    closeAreaToPaintMs,
    openedArea,
  };
}

main().then(
  (f) => {
    window.__bench = f;
  },
  (e: unknown) => {
    window.__bench = { error: String((e as Error)?.stack ?? e) };
  },
);
