import type { Page } from 'playwright-core';

/**
 * The tab stops of each finding row the panel shows (rows inside a folded area or list do not count): what a
 * keyboard user passes on the way through the list, one entry per row, named by its rule id.
 */
export function tabStopsPerRow(page: Page): Promise<{ id: string | null; n: number }[]> {
  return page.locator('.sa-areas [data-rule-id]').evaluateAll((rows) =>
    rows
      .filter((r) => !r.closest('[hidden]'))
      .map((r) => ({
        id: r.getAttribute('data-rule-id'),
        n: r.querySelectorAll('a[href], button:not([disabled]), input:not([disabled]), select, [tabindex="0"]').length,
      })),
  );
}
