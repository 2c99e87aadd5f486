/**
 * Validates a widget archive the way the marketplace would (shared/reference/amocrm-widget-platform.md §1–§3).
 * Returns a list of problems; an empty list means the archive passes.
 */
import JSZip from 'jszip';
import { runInNewContext } from 'node:vm';

/** Logos the marketplace requires, with their exact pixel sizes. */
export const LOGOS: Record<string, [number, number]> = {
  'images/logo_main.png': [400, 272],
  'images/logo.png': [130, 100],
  'images/logo_small.png': [108, 108],
  'images/logo_medium.png': [240, 84],
  'images/logo_min.png': [84, 84],
};
const MAX_LOGO_BYTES = 300 * 1024;
const TEXT_FILE = /\.(json|js|css|twig|txt|md|html)$/i;
const ROOT_DIRS = new Set(['i18n', 'images', 'templates']);
const CALLBACKS = ['render', 'init', 'bind_actions', 'settings', 'onSave', 'destroy', 'advancedSettings'];
// documents.js: the document engine, the pre-flight worker's client and the views of their answers.
const DOCUMENT_EXPORTS = [
  'buildConfigurationDocument',
  'preflight',
  'buildImportTemplate',
  'preflightToCsv',
  'workerPreflight',
  'views.importOutcome.render',
  'views.importOutcome.unmount',
  'views.documentPlan.render',
  'views.documentPlan.unmount',
];
// fixes.js: the fix engine and the fix dialog's island (src/shell/load-fixes.ts checks the same when it loads).
const FIX_EXPORTS = [
  'engine.applyFixes',
  'engine.undoFixes',
  'engine.planChoices',
  'engine.takenNames',
  'views.fixDialog.render',
  'views.fixDialog.unmount',
];
const WORKER_FILE = 'preflight-worker.js';
/**
 * Files the archive may hold at its root: the platform's (manifest.json, script.js, style.css; the folders
 * in ROOT_DIRS) and the widget's own on-demand files, which the panel loads from the widget's folder.
 * Anything else is loaded by nothing and only makes moderation ask what it is.
 */
const ROOT_FILES = new Set(['manifest.json', 'script.js', 'style.css', 'documents.js', 'fixes.js', WORKER_FILE]);
const FIELD_TYPES = new Set(['text', 'pass', 'users', 'users_lp', 'custom']);

type Json = Record<string, unknown>;

function isObject(v: unknown): v is Json {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function flattenKeys(value: unknown, prefix = ''): string[] {
  if (!isObject(value)) return [prefix];
  return Object.entries(value).flatMap(([k, v]) => flattenKeys(v, prefix ? `${prefix}.${k}` : k));
}

function lookup(dict: unknown, key: string): unknown {
  return key.split('.').reduce<unknown>((node, part) => (isObject(node) ? node[part] : undefined), dict);
}

/** Decode strictly as UTF-8; returns null when the bytes are not valid UTF-8. */
function decodeUtf8(bytes: Uint8Array): string | null {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(bytes);
  } catch {
    return null;
  }
}

/** Problems with the manifest's keys and types; `i18nKeys` collects the keys it names. */
export function checkManifest(manifest: unknown, i18nKeys: string[]): string[] {
  const problems: string[] = [];
  if (!isObject(manifest)) return ['manifest.json: not a JSON object'];
  const widget = manifest.widget;
  if (!isObject(widget)) return ['manifest.json: "widget" block missing'];
  for (const key of ['name', 'description', 'short_description']) {
    if (typeof widget[key] !== 'string' || !widget[key])
      problems.push(`manifest.json: widget.${key} must be an i18n key string`);
    else i18nKeys.push(widget[key] as string);
  }
  if (typeof widget.version !== 'string' || !/^\d+\.\d+\.\d+$/.test(widget.version)) {
    problems.push('manifest.json: widget.version must be a semver string like "1.0.0"');
  }
  if (widget.interface_version !== 2) problems.push('manifest.json: widget.interface_version must be 2');
  for (const key of ['init_once', 'installation']) {
    if (typeof widget[key] !== 'boolean') problems.push(`manifest.json: widget.${key} must be a boolean`);
  }
  const locale = widget.locale;
  if (!Array.isArray(locale) || locale.length === 0 || !locale.every((l) => typeof l === 'string' && l)) {
    problems.push('manifest.json: widget.locale must be a non-empty array of locale codes');
  }
  const support = widget.support;
  if (
    !isObject(support) ||
    typeof support.link !== 'string' ||
    !/^https?:\/\//.test(support.link) ||
    typeof support.email !== 'string' ||
    !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(support.email)
  ) {
    problems.push('manifest.json: widget.support needs a link (http/https URL) and an email');
  }
  const locations = manifest.locations;
  if (!Array.isArray(locations) || !locations.every((l) => typeof l === 'string')) {
    problems.push('manifest.json: locations must be an array of strings');
  } else {
    for (const needed of ['settings', 'advanced_settings']) {
      if (!locations.includes(needed)) problems.push(`manifest.json: locations must include "${needed}"`);
    }
    if (locations.includes('advanced_settings')) {
      const title = isObject(manifest.advanced) ? manifest.advanced.title : undefined;
      if (typeof title !== 'string' || !title)
        problems.push('manifest.json: advanced.title is required with advanced_settings');
      else i18nKeys.push(title);
    }
  }
  if (manifest.settings !== undefined) {
    if (!isObject(manifest.settings)) problems.push('manifest.json: settings must be an object');
    else {
      for (const [name, field] of Object.entries(manifest.settings)) {
        if (
          !isObject(field) ||
          typeof field.name !== 'string' ||
          !FIELD_TYPES.has(String(field.type)) ||
          typeof field.required !== 'boolean'
        ) {
          problems.push(
            `manifest.json: settings.${name} needs name (string), type (${[...FIELD_TYPES].join('|')}), required (boolean)`,
          );
        } else i18nKeys.push(field.name);
      }
    }
  }
  return problems;
}

/** Width and height from a PNG's IHDR, or null when it is not a PNG. */
export function pngSize(bytes: Uint8Array): [number, number] | null {
  const sig = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
  if (bytes.length < 24 || !sig.every((b, i) => bytes[i] === b)) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return [view.getUint32(16), view.getUint32(20)];
}

/** Load script.js in a bare VM with a fake `define` and exercise the constructor like the CRM does. */
export function checkScript(source: string): string[] {
  let value: unknown;
  let calls = 0;
  const define = (...args: unknown[]) => {
    calls += 1;
    const factory = args.find((a) => typeof a === 'function') as ((...deps: unknown[]) => unknown) | undefined;
    if (typeof args[0] === 'string') throw new Error('define() must be anonymous (no module id)');
    value = factory ? factory(...((args.find(Array.isArray) as unknown[] | undefined) ?? []).map(() => ({}))) : args[0];
  };
  (define as unknown as { amd: object }).amd = {};
  try {
    runInNewContext(source, { define, console }, { timeout: 5000, filename: 'script.js' });
  } catch (err) {
    return [`script.js: throws when loaded: ${(err as Error).message}`];
  }
  if (calls !== 1) return [`script.js: must call define() exactly once (called ${calls} times)`];
  if (typeof value !== 'function') return ['script.js: the AMD module value must be the widget constructor function'];
  const Ctor = value as new () => { callbacks?: Record<string, unknown> };
  const instance = Object.assign(Object.create(Ctor.prototype), {
    get_settings: () => ({ widget_code: 'setup_audit_check', path: '' }),
    system: () => ({ area: 'settings' }),
    i18n: () => '',
  });
  let widget: { callbacks?: Record<string, unknown> };
  try {
    widget = (Ctor as unknown as (this: unknown) => typeof widget).call(instance) ?? instance;
  } catch (err) {
    return [`script.js: the constructor throws: ${(err as Error).message}`];
  }
  const callbacks = widget.callbacks;
  if (!isObject(callbacks)) return ['script.js: the widget instance has no callbacks object'];
  const problems = CALLBACKS.filter((name) => typeof callbacks[name] !== 'function').map(
    (name) => `script.js: callbacks.${name} is missing`,
  );
  if (typeof callbacks.render === 'function') {
    try {
      if ((callbacks.render as () => unknown).call(widget) !== true)
        problems.push('script.js: callbacks.render() must return true');
    } catch (err) {
      problems.push(`script.js: callbacks.render() throws: ${(err as Error).message}`);
    }
  }
  return problems;
}

/**
 * An extra AMD module of the archive (documents.js, fixes.js): one anonymous define() whose value is an
 * object with a function at each of `exports` (a dotted name is a path into nested objects).
 */
export function checkExtraModule(name: string, source: string, exports: string[]): string[] {
  let value: unknown;
  let calls = 0;
  const define = (...args: unknown[]) => {
    calls += 1;
    if (typeof args[0] === 'string') throw new Error('define() must be anonymous (no module id)');
    const factory = args.find((a) => typeof a === 'function') as ((...deps: unknown[]) => unknown) | undefined;
    value = factory ? factory() : args[0];
  };
  (define as unknown as { amd: object }).amd = {};
  try {
    runInNewContext(
      source,
      { define, console, setTimeout, clearTimeout, Uint8Array, ArrayBuffer, Promise },
      { timeout: 5000, filename: name },
    );
  } catch (err) {
    return [`${name}: throws when loaded: ${(err as Error).message}`];
  }
  if (calls !== 1) return [`${name}: must call define() exactly once (called ${calls} times)`];
  const module = value;
  if (!isObject(module)) return [`${name}: the AMD module value must be an object`];
  return exports.filter((k) => typeof lookup(module, k) !== 'function').map((k) => `${name}: ${k} is missing`);
}

/**
 * The pre-flight worker (preflight-worker.js): a plain script, not an AMD module. Run in a bare VM with a
 * fake worker scope, it must not call define(), must listen for messages and must say it is ready.
 */
export function checkWorker(name: string, source: string): string[] {
  const posted: unknown[] = [];
  const listeners: string[] = [];
  let defined = false;
  const scope: Record<string, unknown> = {
    postMessage: (m: unknown) => posted.push(m),
    addEventListener: (type: string) => listeners.push(type),
    define: () => {
      defined = true;
    },
  };
  scope.self = scope;
  try {
    runInNewContext(
      source,
      Object.assign(scope, { console, setTimeout, clearTimeout, Uint8Array, ArrayBuffer, Promise, TextDecoder }),
      { timeout: 5000, filename: name },
    );
  } catch (err) {
    return [`${name}: throws when loaded: ${(err as Error).message}`];
  }
  const problems: string[] = [];
  if (defined) problems.push(`${name}: must be a plain worker script, not an AMD module`);
  if (!listeners.includes('message')) problems.push(`${name}: does not listen for messages`);
  if (!posted.some((m) => isObject(m) && m.type === 'ready')) problems.push(`${name}: does not post "ready"`);
  return problems;
}

/** Every problem found in the archive's bytes. */
export async function checkArchive(bytes: Uint8Array): Promise<string[]> {
  let zip: JSZip;
  try {
    zip = await JSZip.loadAsync(bytes);
  } catch (err) {
    return [`widget.zip: not a readable zip archive (${(err as Error).message})`];
  }
  const problems: string[] = [];
  const files = new Map<string, Uint8Array>();
  for (const entry of Object.values(zip.files)) {
    if (entry.dir) continue;
    files.set(entry.name, await entry.async('uint8array'));
  }
  for (const name of files.keys()) {
    const top = name.split('/');
    if (top.length > 1 && !ROOT_DIRS.has(top[0] ?? ''))
      problems.push(`${name}: not at the archive root (files must not sit inside a folder)`);
    else if (top.length === 1 && !ROOT_FILES.has(name))
      problems.push(`${name}: not a file of this widget's archive (${[...ROOT_FILES].join(', ')})`);
  }
  const texts = new Map<string, string>();
  for (const [name, data] of files) {
    if (!TEXT_FILE.test(name)) continue;
    if (data[0] === 0xef && data[1] === 0xbb && data[2] === 0xbf) problems.push(`${name}: starts with a UTF-8 BOM`);
    const text = decodeUtf8(data);
    if (text === null) problems.push(`${name}: not valid UTF-8`);
    else texts.set(name, text);
  }
  const manifestText = texts.get('manifest.json');
  if (manifestText === undefined) {
    problems.push('manifest.json: missing at the archive root');
    return problems;
  }
  let manifest: unknown;
  try {
    manifest = JSON.parse(manifestText);
  } catch (err) {
    problems.push(`manifest.json: invalid JSON (${(err as Error).message})`);
    return problems;
  }
  const i18nKeys: string[] = [];
  problems.push(...checkManifest(manifest, i18nKeys));
  const locales =
    isObject(manifest) && isObject(manifest.widget) && Array.isArray(manifest.widget.locale)
      ? manifest.widget.locale.map(String)
      : [];
  let reference: { locale: string; keys: string } | null = null;
  for (const locale of locales) {
    const name = `i18n/${locale}.json`;
    const text = texts.get(name);
    if (text === undefined) {
      problems.push(`${name}: listed in widget.locale but missing`);
      continue;
    }
    let dict: unknown;
    try {
      dict = JSON.parse(text);
    } catch {
      problems.push(`${name}: invalid JSON`);
      continue;
    }
    for (const key of i18nKeys) {
      if (typeof lookup(dict, key) !== 'string') problems.push(`${name}: manifest key "${key}" has no text`);
    }
    const keys = flattenKeys(dict).sort().join('\n');
    if (!reference) reference = { locale, keys };
    else if (keys !== reference.keys) {
      const a = new Set(reference.keys.split('\n'));
      const b = new Set(keys.split('\n'));
      const diff = [...[...a].filter((k) => !b.has(k)), ...[...b].filter((k) => !a.has(k))].slice(0, 5);
      problems.push(`${name}: key set differs from i18n/${reference.locale}.json (e.g. ${diff.join(', ')})`);
    }
  }
  // The CRM offers only the listed locales: a shipped dictionary the manifest does not name is never shown.
  for (const name of files.keys()) {
    const lang = /^i18n\/([^/]+)\.json$/.exec(name)?.[1];
    if (lang !== undefined && !locales.includes(lang))
      problems.push(`${name}: shipped but not listed in widget.locale`);
  }
  for (const [name, [w, h]] of Object.entries(LOGOS)) {
    const data = files.get(name);
    if (!data) {
      problems.push(`${name}: missing`);
      continue;
    }
    const size = pngSize(data);
    if (!size) problems.push(`${name}: not a PNG`);
    else if (size[0] !== w || size[1] !== h) problems.push(`${name}: ${size[0]}×${size[1]}, must be ${w}×${h}`);
    if (data.length > MAX_LOGO_BYTES) problems.push(`${name}: ${data.length} bytes, must be ≤ ${MAX_LOGO_BYTES}`);
  }
  const script = texts.get('script.js');
  if (script === undefined) problems.push('script.js: missing');
  else problems.push(...checkScript(script));
  const documents = texts.get('documents.js');
  if (documents === undefined) problems.push('documents.js: missing (the panel loads the document engine from it)');
  else problems.push(...checkExtraModule('documents.js', documents, DOCUMENT_EXPORTS));
  const fixes = texts.get('fixes.js');
  if (fixes === undefined)
    problems.push('fixes.js: missing (the panel loads the fix engine and the fix dialog from it)');
  else problems.push(...checkExtraModule('fixes.js', fixes, FIX_EXPORTS));
  const worker = texts.get(WORKER_FILE);
  if (worker === undefined) problems.push(`${WORKER_FILE}: missing (the panel runs the import pre-flight in it)`);
  else problems.push(...checkWorker(WORKER_FILE, worker));
  return problems;
}
