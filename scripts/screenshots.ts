// `npm run screenshots`: the panel on the messy demo account, light and dark, for the README (docs/).
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, ROOT, startHost } from '../test/e2e/browser';

const { host, url } = await startHost('messy');
const browser = await launchChromium();
mkdirSync(join(ROOT, 'docs'), { recursive: true });
try {
  for (const [theme, lang] of [
    ['light', 'en'],
    ['dark', 'ru'],
  ] as const) {
    host.emulator.reset('messy');
    const page = await browser.newPage({ viewport: { width: 1100, height: 1300 }, deviceScaleFactor: 1 });
    await page.goto(`${url}?seed=messy&user=admin&lang=${lang}&theme=${theme}`);
    await page.waitForSelector('[data-score]', { timeout: 60_000 });
    await page.waitForSelector('[data-action="rerun"]:not([disabled])', { timeout: 60_000 });
    await page.waitForTimeout(300);
    const file = join(ROOT, 'docs', `panel-messy-${theme}.png`);
    await page.screenshot({ path: file });
    console.log(`wrote ${file}`);
    await page.close();
  }
} finally {
  await browser.close();
  await host.close();
}
