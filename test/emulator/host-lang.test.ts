import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { translatorFor } from '../../src/i18n/dictionaries';
import { LANGS } from '../../src/i18n/langs';
import { createHostServer } from '../../src/emulator/host/server';

let host: ReturnType<typeof createHostServer>;
let url: string;
beforeAll(async () => {
  host = createHostServer({ root: process.cwd(), seed: 'fresh', port: 0 });
  url = await host.listen();
});
afterAll(async () => {
  await host.close();
});

/** The page for `?lang=`, and the language cookie it sets. */
async function page(lang: string): Promise<{ html: string; cookie: string | undefined }> {
  const res = await fetch(`${url}?lang=${encodeURIComponent(lang)}`);
  const cookie = res.headers.getSetCookie().find((c) => c.startsWith('host_lang='));
  return { html: await res.text(), cookie };
}

describe('the local CRM page in every product language (?lang=)', () => {
  it.each(LANGS)(
    '%s: the page is in it, titled as the widget titles its page there, and remembers it',
    async (lang) => {
      const { html, cookie } = await page(lang);
      expect(html).toContain(`<html lang="${lang}"`);
      expect(html).toContain(`<title>${translatorFor(lang)('advanced.title')}</title>`);
      expect(cookie).toBe(`host_lang=${lang}; Path=/; SameSite=Lax`);
    },
  );

  it('offers every product language in the bar, in the list’s order', async () => {
    const { html } = await page('en');
    const options = [...html.matchAll(/<option value="(\w+)">\1<\/option>/g)].map((m) => m[1]);
    expect(options.filter((o) => (LANGS as readonly (string | undefined)[]).includes(o))).toEqual([...LANGS]);
  });

  it.each(['de', '', 'EN', '<x>'])('an unknown language %j shows the page in ru', async (lang) => {
    const { html, cookie } = await page(lang);
    expect(html).toContain('<html lang="ru"');
    expect(cookie).toBe('host_lang=ru; Path=/; SameSite=Lax');
  });
});
