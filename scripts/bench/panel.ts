/**
 * Panel figures in Chromium: bundles scripts/bench/panel-page.tsx (the real panel, no CRM host), serves
 * it with the built style.css and a 2,000-item Report, and reads the page's own timings.
 */
import { createServer } from 'node:http';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import webpack from 'webpack';
import { defaultBaseline } from '../../src/audit/baseline/load';
import { runAudit } from '../../src/audit/run';
import type { Report } from '../../src/audit/types';
import { dictionaryFor } from '../../src/cli/dict';
import { DuplicateIndex } from '../../src/snapshot/duplicates';
import type { ContactsView, Snapshot } from '../../src/snapshot/types';
import { median } from './common';
import type { PanelFigures } from './panel-page';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Where Debian's Chromium lives (design §5); the panel figures are skipped without it. */
export const CHROMIUM = '/usr/bin/chromium';

const itemsOf = (r: Report) => r.results.reduce((n, x) => n + x.items.length, 0);

/**
 * A Report with `target` items from the real engine: the large snapshot, its duplicate groups topped
 * up (through DuplicateIndex, with made-up shared phones on existing contact ids) until the items add up.
 */
export function reportWithItems(large: Snapshot, target: number): Report {
  const opts = { baseline: defaultBaseline(), lang: 'en' as const, dict: dictionaryFor('en') };
  const base = runAudit(large, opts);
  const contacts = large.parts.contacts;
  if (!('data' in contacts)) throw new Error('the large snapshot has no contacts part');
  const extra = target - itemsOf(base);
  if (extra <= 0) return base;
  const index = new DuplicateIndex();
  for (let g = 0; g < extra; g++) {
    const phone = `+7 (901) ${String(g).padStart(7, '0')}`;
    index.add(30_000_000 + 2 * g, [phone], []);
    index.add(30_000_001 + 2 * g, [phone], []);
  }
  const view: ContactsView = { ...contacts.data, duplicates: [...contacts.data.duplicates, ...index.groups()] };
  const report = runAudit({ ...large, parts: { ...large.parts, contacts: { data: view } } }, opts);
  if (itemsOf(report) !== target) throw new Error(`built a report with ${itemsOf(report)} items, wanted ${target}`);
  return report;
}

async function bundle(outDir: string): Promise<void> {
  const stats = await new Promise<webpack.Stats>((resolve, reject) =>
    webpack(
      {
        mode: 'production',
        entry: join(root, 'scripts', 'bench', 'panel-page.tsx'),
        target: ['web', 'es2020'],
        devtool: false,
        output: { path: outDir, filename: 'panel.js' },
        resolve: { extensions: ['.ts', '.tsx', '.js', '.mjs'] },
        module: {
          rules: [
            {
              test: /\.tsx?$/,
              loader: 'ts-loader',
              exclude: /node_modules/,
              options: { transpileOnly: true, configFile: join(root, 'tsconfig.build.json') },
            },
          ],
        },
        optimization: { minimize: false },
        performance: { hints: false },
      },
      (err, result) => (err || !result ? reject(err ?? new Error('webpack gave no result')) : resolve(result)),
    ),
  );
  if (stats.hasErrors()) throw new Error(stats.toString({ all: false, errors: true }));
}

export type PanelResult = PanelFigures & { firstContentfulPaintMs: number | null; loads: number };

/** Panel figures for `report` in headless Chromium (median of `loads_` page loads), or why they were skipped. */
export async function panelInChromium(report: Report, loads_ = 5): Promise<PanelResult | { skipped: string }> {
  if (!existsSync(CHROMIUM)) return { skipped: `${CHROMIUM} not found` };
  const dir = mkdtempSync(join(tmpdir(), 'bench-panel-'));
  try {
    await bundle(dir);
    const files: Record<string, [string, Buffer]> = {
      '/': [
        'text/html; charset=utf-8',
        Buffer.from(
          '<!doctype html><html lang="en"><head><meta charset="utf-8">' +
            '<link rel="stylesheet" href="/style.css"><title>panel bench</title></head><body><div id="root"></div>' +
            '<script src="/panel.js"></script></body></html>',
        ),
      ],
      '/panel.js': ['text/javascript', readFileSync(join(dir, 'panel.js'))],
      '/style.css': ['text/css', readFileSync(join(root, 'widget', 'style.css'))],
      '/report.json': ['application/json', Buffer.from(JSON.stringify(report))],
    };
    const server = createServer((req, res) => {
      const f = files[req.url ?? '/'];
      res.writeHead(f ? 200 : 404, { 'content-type': f?.[0] ?? 'text/plain' });
      res.end(f?.[1] ?? 'not found');
    });
    await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
    const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/`;
    const { chromium } = await import('playwright-core');
    const browser = await chromium.launch({ executablePath: CHROMIUM, args: ['--no-sandbox'] });
    try {
      // Each load is a fresh page; the median of a few loads evens out a busy machine.
      const loads: (PanelFigures & { firstContentfulPaintMs: number | null })[] = [];
      for (let i = 0; i < loads_; i++) {
        const page = await browser.newPage();
        await page.goto(url);
        await page.waitForFunction(() => window.__bench !== undefined, undefined, { timeout: 60_000 });
        const figures = await page.evaluate(() => window.__bench!);
        if ('error' in figures) throw new Error(`panel page failed: ${figures.error}`);
        const fcp = await page.evaluate(
          () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? null,
        );
        loads.push({ ...figures, firstContentfulPaintMs: fcp });
        await page.close();
      }
      const mid = (k: keyof PanelFigures | 'firstContentfulPaintMs') => median(loads.map((l) => Number(l[k] ?? NaN)));
      return {
        ...loads[0]!,
        loads: loads.length,
        mountToPaintMs: mid('mountToPaintMs'),
        showAllToPaintMs: mid('showAllToPaintMs'),
        openRowToPaintMs: mid('openRowToPaintMs'),
        openAreaToPaintMs: mid('openAreaToPaintMs'),
        closeAreaToPaintMs: mid('closeAreaToPaintMs'),
        firstContentfulPaintMs: mid('firstContentfulPaintMs'),
      };
    } finally {
      await browser.close();
      server.close();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
