import { describe, it, expect } from 'vitest';
import { createEmulator } from '../../src/emulator/index';
import { ApiClient } from '../../src/api/client';
import { existingContacts } from '../../src/preflight/schema';
import { preflight } from '../../src/preflight/preflight';
import { contactSchema } from './fixtures';

describe('existingContacts against the emulator', () => {
  it('pages all contacts of the messy seed through the real client and finds a duplicate on import', async () => {
    const emu = createEmulator({ seed: 'messy' });
    const client = new ApiClient({
      baseUrl: 'https://emulator',
      token: 'dev-token',
      fetch: emu.fetch,
      rps: 1000,
      sleep: async () => {},
    });
    const pages: number[] = [];
    const existing = await existingContacts(client, { onProgress: (p) => pages.push(p.pages) });
    expect(existing.total).toBeGreaterThan(0);
    expect(pages.at(-1)).toBe(Math.ceil(existing.total / 250));
    const phone = [...existing.phones][0];
    const email = [...existing.emails][0];
    expect(phone ?? email).toBeDefined();
    const rows = phone ? `Телефон\n+7${phone}\n` : `Email\n${email}\n`;
    const r = await preflight({
      file: new TextEncoder().encode(rows),
      fileName: 'a.csv',
      entity: 'contacts',
      schema: contactSchema({ existing }),
    });
    expect(r.problems.map((p) => p.code)).toEqual(['contact-exists']);
  });
});
