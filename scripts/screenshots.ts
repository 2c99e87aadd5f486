// `npm run screenshots`: the panel on the messy demo account — light and dark at 1400×1000, and a phone
// (390 px) — for the README (docs/). The first screen is what an admin reads at a glance.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium, ROOT, startHost } from '../test/e2e/browser';

const SHOTS = [
  { name: 'light', theme: 'light', lang: 'en', width: 1400, height: 1000, scale: 1 },
  { name: 'dark', theme: 'dark', lang: 'ru', width: 1400, height: 1000, scale: 1 },
  { name: 'phone', theme: 'light', lang: 'en', width: 390, height: 844, scale: 2 },
] as const;

const { host, url } = await startHost('messy');
const browser = await launchChromium();
mkdirSync(join(ROOT, 'docs'), { recursive: true });
try {
  for (const shot of SHOTS) {
    host.emulator.reset('messy');
    const page = await browser.newPage({
      viewport: { width: shot.width, height: shot.height },
      deviceScaleFactor: shot.scale,
    });
    await page.goto(`${url}?seed=messy&user=admin&lang=${shot.lang}&theme=${shot.theme}`);
    await page.waitForSelector('[data-score]', { timeout: 60_000 });
    await page.waitForSelector('[data-action="rerun"]:not([disabled])', { timeout: 60_000 });
    await page.waitForTimeout(300);
    const file = join(ROOT, 'docs', `panel-messy-${shot.name}.png`);
    await page.screenshot({ path: file });
    console.log(`wrote ${file}`);
    await page.close();
  }
} finally {
  await browser.close();
  await host.close();
}
