// @vitest-environment happy-dom
import ExcelJS from 'exceljs';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { fireEvent, waitFor } from '@testing-library/preact';
import { defaultBaseline } from '../../src/audit/baseline/load';
import { blueprintToJson } from '../../src/blueprint/json';
import { readSettingValue, settingValueText } from '../../src/blueprint/setting-value';
import type { SignedOff } from '../../src/blueprint/signed-off';
import type { Blueprint } from '../../src/blueprint/types';
import { dictionaryFor } from '../../src/cli/dict';
import { buildConfigurationDocument } from '../../src/export/document';
import { createTranslator } from '../../src/i18n/translate';
import { auditSnapshot } from '../../src/runner/audit';
import { createPanelRunner } from '../../src/runner/panel-runner';
import { mountPanel } from '../../src/ui/mount';
import { blueprintAccount } from '../blueprint/harness';
import { touchedState } from '../fix/harness';
import { emulated, FIXED_NOW } from '../support/emulated';
import { memoryStorage } from '../support/memory-storage';
import { panelRunnerDeps } from '../support/panel-runner';
import { one, t } from './harness';
import { localFixViews } from '../../src/ui/fix-views-local';
import { localDocumentViews } from '../../src/ui/document-views-local';

// The section over the real panel runner and the in-process emulator: what the panel shows is what the
// engine planned and applied, not a fake's script.
let cleanDoc: Blueprint;
let cleanXlsxRu: Uint8Array;
beforeAll(async () => {
  const account = blueprintAccount('clean');
  cleanDoc = await account.capture();
  // The document as the panel downloads it, in Russian: the English panel must read it too.
  const snapshot = await account.gatherAll();
  const settings = { baseline: defaultBaseline(), lang: 'ru' as const, dict: dictionaryFor('ru') };
  cleanXlsxRu = await buildConfigurationDocument({
    report: auditSnapshot(snapshot, settings),
    snapshot,
    lang: 'ru',
    t: createTranslator(settings.dict, 'ru'),
  });
});

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const c of cleanups.splice(0)) c();
});

async function mountOn(seed: string, opts: { isAdmin?: boolean; setting?: string | null; autoRun?: boolean } = {}) {
  const { emulator, client } = emulated(seed);
  const storage = memoryStorage();
  const runner = createPanelRunner(
    panelRunnerDeps(client, {
      user: { id: 7, name: 'Anna Admin' },
      isAdmin: opts.isAdmin ?? true,
      storage,
      setting: readSettingValue(opts.setting ?? null),
    }),
  );
  const el = document.createElement('div');
  document.body.appendChild(el);
  const mounted = mountPanel(el, {
    fixViews: async () => localFixViews,
    documentViews: async () => localDocumentViews,
    runner,
    t,
    lang: 'en',
    autoRun: opts.autoRun ?? true,
  });
  cleanups.push(() => {
    mounted.unmount();
    el.remove();
  });
  // Without the first audit there is no score to wait for: the panel offers "Run audit".
  if (opts.autoRun === false) return { emulator, el, storage, store: mounted.store };
  await waitFor(() => one(el, '[data-score]'), { timeout: 10_000 });
  await waitFor(() => expect(mounted.store.getState().audit.status).toBe('idle'), { timeout: 10_000 });
  return { emulator, el, storage, store: mounted.store };
}

function open(el: HTMLElement): HTMLElement {
  const section = one(el, '[data-section="apply-document"]');
  fireEvent.click(one(section, '[data-action="toggle-document"]'));
  return section;
}

/** Chooses a file the way a browser does: the FileList changes, then `change` fires. */
function choose(section: HTMLElement, name: string, data: string | Uint8Array) {
  const input = one<HTMLInputElement>(section, 'input[type="file"]');
  Object.defineProperty(input, 'files', { configurable: true, value: [new File([data as BlobPart], name)] });
  fireEvent.change(input);
}

const text = (el: Element, selector: string) => one(el, selector).textContent ?? '';

describe('Apply a configuration document (panel section)', () => {
  it('reads the Russian XLSX in an English panel, plans by section with counts and sentences, applies with progress, and undo restores', async () => {
    const { el, emulator } = await mountOn('fresh');
    const original = touchedState(emulator);
    const section = open(el);
    // Styled like the panel's other buttons: the file input is hidden, its label is what the keyboard reaches.
    const input = one<HTMLInputElement>(section, 'input[type="file"]');
    expect(input.className).toContain('sa-visually-hidden');
    expect(input.closest('label')?.className).toContain('sa-button');
    choose(section, 'clean.xlsx', cleanXlsxRu);
    await waitFor(() => one(section, '[data-role="document-plan"]'), { timeout: 10_000 });

    const total = Number(one(section, '[data-role="document-total"]').dataset.count);
    const sections = [...section.querySelectorAll<HTMLElement>('[data-role="document-plan"] section[data-section]')];
    // Pipelines first: the new fields carry their required stages in their POSTs, so the matrix sends nothing.
    expect(sections.map((s) => s.dataset.section)).toEqual(['pipelines', 'fields', 'loss-reasons', 'roles']);
    expect(sections.reduce((n, s) => n + Number(s.dataset.count), 0)).toBe(total);
    expect(sections[1]!.querySelector('h4')!.textContent).toMatch(/^Fields: \d+ changes?$/);
    // Every change is a sentence with entity words, never a raw code.
    const sentences = [...section.querySelectorAll('.sa-op__summary')].map((s) => s.textContent ?? '');
    expect(sentences).toHaveLength(total);
    expect(sentences).toContain('Create field «ИНН» (Companies, type text)');
    expect(
      sentences.some((s) => /^Create field «Источник» \(Leads, type select\), required at: Продажи: /.test(s)),
    ).toBe(true);
    expect(sentences.join('\n')).not.toMatch(/\((leads|contacts|companies),/);
    expect(text(section, '[data-role="by-hand"]')).toMatch(/rename «Успешно реализовано» to «Успех» by hand/);
    // Nothing is written before the confirmation.
    expect(touchedState(emulator)).toBe(original);

    fireEvent.click(one(section, '[data-action="apply-document"]'));
    expect(text(section, '[data-role="confirm-document"]')).toContain(`Write ${total} changes to the account now?`);
    fireEvent.click(one(section, '[data-action="confirm-document"]'));
    await waitFor(() => one(section, '[data-role="document-outcome"]'), { timeout: 10_000 });
    expect(text(section, '[data-role="document-outcome"]')).toBe(
      `Document applied. Applied: ${total}, failed: 0, not attempted: 0. The document’s checks after applying: 4 of 5 match.`,
    );
    expect(section.querySelectorAll('[data-op-status="applied"]')).toHaveLength(total);
    // The report now carries the document's results, in their areas, and the overview says so.
    expect(one(el, '.sa-areas [data-rule-id="blueprint-fields"]').dataset.outcome).toBe('pass');
    expect(one(el, '.sa-areas [data-rule-id="blueprint-pipelines"]').dataset.outcome).toBe('fail');
    expect(text(el, '[data-role="document-standing"]')).toMatch(
      /^Compared with the document “clean.xlsx”: 1 difference/,
    );

    // The history lists the apply by section; one Undo for the whole batch brings fresh back exactly.
    const titles = [...el.querySelectorAll('.sa-history__title')].map((x) => x.textContent);
    expect(titles).toContain('Configuration document: fields');
    fireEvent.click(one(el, '[data-action="undo-batch"]'));
    fireEvent.click(one(el, '[data-action="confirm-undo-batch"]'));
    await waitFor(() => expect(touchedState(emulator)).toBe(original), { timeout: 10_000 });
    await waitFor(() => expect(one(el, '.sa-areas [data-rule-id="blueprint-fields"]').dataset.outcome).toBe('fail'));
  });

  it('applies with no audit in hand (none ran yet) and says how to see the document’s checks, not stale ones', async () => {
    const { el, emulator, store } = await mountOn('fresh', { autoRun: false });
    const original = touchedState(emulator);
    expect(store.getState().report).toBeNull();
    const section = open(el);
    choose(section, 'clean.json', blueprintToJson(cleanDoc));
    await waitFor(() => one(section, '[data-action="apply-document"]'), { timeout: 10_000 });
    const total = Number(one(section, '[data-role="document-total"]').dataset.count);
    fireEvent.click(one(section, '[data-action="apply-document"]'));
    fireEvent.click(one(section, '[data-action="confirm-document"]'));
    await waitFor(() => one(section, '[data-role="document-outcome"]'), { timeout: 10_000 });
    expect(section.querySelector('[data-role="document-error"]')).toBeNull();
    expect(text(section, '[data-role="document-outcome"]')).toBe(
      `Document applied. Applied: ${total}, failed: 0, not attempted: 0. Press “Run audit” to see how the account now compares with the document.`,
    );
    expect(touchedState(emulator)).not.toBe(original);
    // The button it names is the one on screen; pressing it shows the document's results.
    expect(one(el, '[data-action="rerun"]').textContent).toBe('Run audit');
    fireEvent.click(one(el, '[data-action="rerun"]'));
    await waitFor(() => one(el, '.sa-areas [data-rule-id="blueprint-fields"]'), { timeout: 10_000 });
    expect(one(el, '.sa-areas [data-rule-id="blueprint-fields"]').dataset.outcome).toBe('pass');
    // The history holds the apply: one Undo brings fresh back exactly.
    fireEvent.click(one(el, '[data-action="undo-batch"]'));
    fireEvent.click(one(el, '[data-action="confirm-undo-batch"]'));
    await waitFor(() => expect(touchedState(emulator)).toBe(original), { timeout: 10_000 });
  });

  it.each([
    [
      'an XLSX with a value that is not a field type',
      'broken.xlsx',
      async () => {
        const wb = new ExcelJS.Workbook();
        await wb.xlsx.load(Buffer.from(cleanXlsxRu) as never);
        const sheet = wb.getWorksheet('Поля')!;
        const header = (sheet.getRow(1).values as unknown[]).map(String);
        sheet.getRow(2).getCell(header.indexOf('Тип')).value = 'sausage';
        return new Uint8Array(await wb.xlsx.writeBuffer());
      },
      /^sheet «Поля», row 2, column «Тип»: unknown field type «sausage»$/,
    ],
    [
      'a JSON document with a wrong entity',
      'broken.json',
      async () => blueprintToJson({ ...cleanDoc, fields: [{ ...cleanDoc.fields[0]!, entity: 'deals' as never }] }),
      /^fields\[0\]\.entity: unknown entity «deals»/,
    ],
  ])('refuses %s with where the problem is, and writes nothing', async (_, name, make, problem) => {
    const { el, emulator } = await mountOn('fresh');
    const original = touchedState(emulator);
    const section = open(el);
    choose(section, name, await make());
    await waitFor(() => one(section, '[data-role="document-refused"]'), { timeout: 10_000 });
    const problems = [...section.querySelectorAll('[data-role="document-problem"]')].map((p) => p.textContent ?? '');
    expect(
      problems.some((p) => problem.test(p)),
      problems.join('\n'),
    ).toBe(true);
    expect(section.querySelector('[data-action="apply-document"]')).toBeNull();
    expect(touchedState(emulator)).toBe(original);
  });

  it('says "nothing to change" for a document the account already matches', async () => {
    const { el } = await mountOn('clean');
    const section = open(el);
    choose(section, 'clean.json', blueprintToJson(cleanDoc));
    await waitFor(() => one(section, '[data-role="document-total"]'), { timeout: 10_000 });
    expect(text(section, '[data-role="document-total"]')).toBe(t('ui.document.nothing'));
    expect(section.querySelector('[data-action="apply-document"]')).toBeNull();
  });

  it('signs the document off: staged for the settings modal, and the audit reports drift from it', async () => {
    const { el, emulator, storage } = await mountOn('clean');
    const section = open(el);
    choose(section, 'clean.json', blueprintToJson(cleanDoc));
    await waitFor(() => one(section, '[data-action="sign-off"]'), { timeout: 10_000 });
    fireEvent.click(one(section, '[data-action="sign-off"]'));
    await waitFor(() => one(section, '[data-role="sign-off-staged"]'));
    expect(text(section, '[data-role="sign-off-staged"]')).toMatch(
      /^Signed off on .+ by Anna Admin\. To keep it, open the widget’s settings/,
    );
    const staged = JSON.parse(storage.map.get('setup-audit:sign-off:acc-1')!) as SignedOff;
    expect(staged).toMatchObject({
      by: 'Anna Admin',
      source: 'clean.json',
      signedAt: new Date(FIXED_NOW).toISOString(),
    });
    expect(text(el, '[data-role="document-standing"]')).toMatch(
      /^No drift: the account matches the set-up signed off on .+ by Anna Admin\. The sign-off is not saved/,
    );

    // Someone changes the account; the next audit shows the drift, in the overview and in the area.
    emulator.store.fields.companies.find((f) => f.name === 'ИНН')!.name = 'ИНН!';
    fireEvent.click(one(el, '[data-action="rerun"]'));
    await waitFor(() => expect(one(el, '.sa-areas [data-rule-id="blueprint-fields"]').dataset.outcome).toBe('fail'), {
      timeout: 10_000,
    });
    expect(one(el, '[data-role="document-standing"]').dataset.drift).toBe('1');
    expect(text(el, '.sa-areas [data-rule-id="blueprint-fields"]')).toContain(
      'Fields: drifted from the set-up signed off on 2026-11-20 by Anna Admin',
    );
  });

  it('a saved sign-off is checked from the first audit', async () => {
    const signed: SignedOff = { document: cleanDoc, signedAt: '2026-11-02T10:00:00.000Z', by: 'Boris', source: null };
    const { el } = await mountOn('clean', { setting: settingValueText({ baselineText: null, signedOff: signed }) });
    expect(text(el, '[data-role="document-standing"]')).toMatch(
      /^No drift: the account matches the set-up signed off on .+ by Boris\.$/,
    );
    expect(el.querySelectorAll('.sa-areas [data-rule-id^="blueprint-"][data-outcome="pass"]')).toHaveLength(5);
  });

  it('a manager sees no apply section, but does see drift', async () => {
    const signed: SignedOff = { document: cleanDoc, signedAt: '2026-11-02T10:00:00.000Z', by: 'Boris', source: null };
    const { el } = await mountOn('fresh', {
      isAdmin: false,
      setting: settingValueText({ baselineText: null, signedOff: signed }),
    });
    expect(el.querySelector('[data-section="apply-document"]')).toBeNull();
    expect(one(el, '[data-role="document-standing"]').dataset.drift).not.toBe('0');
  });

  it('keyboard: Apply moves focus to the question, Escape or Back returns it to Apply; nothing is written', async () => {
    const { el, emulator } = await mountOn('fresh');
    const original = touchedState(emulator);
    const section = open(el);
    choose(section, 'clean.json', blueprintToJson(cleanDoc));
    const apply = await waitFor(() => one<HTMLButtonElement>(section, '[data-action="apply-document"]'), {
      timeout: 10_000,
    });
    apply.focus();
    fireEvent.click(apply);
    const yes = await waitFor(() => one(section, '[data-action="confirm-document"]'));
    await waitFor(() => expect(document.activeElement).toBe(yes));
    fireEvent.keyDown(yes, { key: 'Escape' });
    await waitFor(() => expect(section.querySelector('[data-role="confirm-document"]')).toBeNull());
    await waitFor(() => expect(document.activeElement).toBe(one(section, '[data-action="apply-document"]')));
    fireEvent.click(one(section, '[data-action="apply-document"]'));
    fireEvent.click(await waitFor(() => one(section, '[data-action="cancel-document"]')));
    await waitFor(() => expect(document.activeElement).toBe(one(section, '[data-action="apply-document"]')));
    expect(touchedState(emulator)).toBe(original);
  });
});
