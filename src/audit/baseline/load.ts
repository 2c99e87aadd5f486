import defaultJson from './b2b-services.json';
import type { Baseline } from './types';
import { validateBaseline, type BaselineError, type BaselineResult } from './validate';

/** Id of the baseline used when the user has not imported one. */
export const DEFAULT_BASELINE_ID = 'b2b-services';

let cached: Baseline | undefined;

function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

/** The default baseline ("b2b-services"), validated once and frozen so no caller can alter it. */
export function defaultBaseline(): Baseline {
  if (!cached) {
    const result = validateBaseline(defaultJson);
    // The shipped file is covered by tests; failing here means the build is broken.
    if (!result.ok) throw new Error(`Default baseline is invalid: ${result.error.message}`);
    cached = deepFreeze(result.baseline);
  }
  return cached;
}

/** Parse and validate baseline JSON text (an imported file, a widget setting); invalid JSON reports path "". */
export function parseBaseline(text: string): BaselineResult {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (err) {
    const expected = `expected valid JSON (${err instanceof Error ? err.message : String(err)})`;
    return { ok: false, error: { path: '', expected, message: `(root): ${expected}` } };
  }
  return validateBaseline(json);
}

/** The baseline to use: the given text when present and valid, the default otherwise (with the error, if any). */
export function loadBaseline(text?: string | null): { baseline: Baseline; error: BaselineError | null } {
  if (text === undefined || text === null || text.trim() === '') return { baseline: defaultBaseline(), error: null };
  const result = parseBaseline(text);
  return result.ok ? { baseline: result.baseline, error: null } : { baseline: defaultBaseline(), error: result.error };
}
