/**
 * A document's results say what to do where they are read: the panel names its own section and buttons
 * (by the labels the panel shows, in every language), the CLI names its commands. Over the real panel
 * runner and the real CLI, both against the emulator.
 */
import { describe, expect, it } from 'vitest';
import { ApiClient } from '../../src/api/client';
import { defaultBaseline } from '../../src/audit/baseline/load';
import { blueprintToJson } from '../../src/blueprint/json';
import type { Blueprint } from '../../src/blueprint/types';
import { dictionaryFor } from '../../src/cli/dict';
import { createEmulator } from '../../src/emulator';
import { LANGS as PRODUCT_LANGS } from '../../src/i18n/langs';
import { createTranslator, type Lang } from '../../src/i18n/translate';
import { localDocumentEngine } from '../../src/runner/document-engine-local';
import { createPanelRunner } from '../../src/runner/panel-runner';
import { memoryIo } from '../support/cli-io';
import { FIXED_NOW } from '../support/emulated';
import { blueprintAccount } from './harness';
import { localFixEngine } from '../../src/runner/fix-engine-local';

// Every product language: the panel's labels and the CLI's commands exist in each.
const LANGS: readonly Lang[] = PRODUCT_LANGS;
const cleanDoc: Blueprint = await blueprintAccount('clean').capture();

function panelRunner(lang: Lang) {
  const emulator = createEmulator({ seed: 'fresh', now: () => FIXED_NOW, rate: 1000, quiet: true });
  const client = new ApiClient({
    baseUrl: 'https://emulator.test',
    token: 'dev-token',
    fetch: emulator.fetch,
    rps: 1000,
  });
  const kept = new Map<string, string>();
  return createPanelRunner({
    client,
    baseline: defaultBaseline(),
    lang,
    dict: dictionaryFor(lang),
    accountKey: 'acc-1',
    user: { id: 1, name: 'Anna' },
    isAdmin: true,
    now: () => new Date(FIXED_NOW),
    storage: {
      getItem: (k) => kept.get(k) ?? null,
      setItem: (k, v) => void kept.set(k, v),
      removeItem: (k) => void kept.delete(k),
    },
    documents: async () => localDocumentEngine,
    fixes: async () => localFixEngine,
  });
}

describe.each(LANGS)('the document’s "how to" in %s', (lang) => {
  const t = createTranslator(dictionaryFor(lang), lang);

  it('in the panel: the section and the buttons by the labels the panel shows, no command', async () => {
    const runner = panelRunner(lang);
    await runner.audit({ signal: new AbortController().signal, onProgress: () => {} });
    const { report } = await runner.applyDocument!(cleanDoc, { name: 'clean.json', onOp: () => {} });
    const docResults = report!.results.filter((r) => r.ruleId.startsWith('blueprint-'));
    expect(docResults).toHaveLength(5);
    const howTo = new Set(docResults.map((r) => r.howTo));
    expect(howTo).toEqual(new Set([t('blueprint.result.howToPanel')]));
    const text = [...howTo][0]!;
    for (const label of [t('ui.document.title'), t('ui.document.choose'), t('ui.document.confirm')]) {
      expect([lang, text.includes(label)], label).toEqual([lang, true]);
    }
    expect(text).not.toMatch(/setup-audit|--blueprint/);
  });

  it('in the CLI: the commands (audit --blueprint)', async () => {
    const accounts = createEmulator({ seed: 'fresh', now: () => FIXED_NOW, rate: 1000, quiet: true });
    const files = new Map<string, Uint8Array>([['doc.json', new TextEncoder().encode(blueprintToJson(cleanDoc))]]);
    const { run } = memoryIo({ fetch: accounts.fetch, files });
    const out = await run(
      'audit',
      '--base-url',
      'https://fresh.test',
      '--blueprint',
      'doc.json',
      '--format',
      'json',
      '--lang',
      lang,
    );
    expect(out.code, out.err).toBe(0);
    const results = (JSON.parse(out.out) as { results: { ruleId: string; howTo: string }[] }).results.filter((r) =>
      r.ruleId.startsWith('blueprint-'),
    );
    expect(results).toHaveLength(5);
    expect(new Set(results.map((r) => r.howTo))).toEqual(new Set([t('blueprint.result.howTo')]));
    expect(results[0]!.howTo).toContain('setup-audit plan --blueprint');
  });
});
