/**
 * The `baseline` custom setting as the CRM hands it over. amoCRM stores custom fields as text, but the
 * settings object may carry it already parsed (community widgets guard against both), so the shell
 * accepts a string, a parsed object, or nothing, and turns anything else into text that fails
 * validation visibly instead of silently falling back to the default baseline.
 */
export function baselineSettingText(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'object') {
    try {
      return JSON.stringify(value);
    } catch {
      // A cyclic or otherwise unserialisable value: let validation report it as damaged.
      return String(value);
    }
  }
  return String(value);
}

/**
 * Writes the chosen baseline into the CRM's hidden settings input and tells the CRM it changed: a
 * value set from script fires no event, and the CRM's Save may only notice inputs that fired one.
 */
export function writeSettingInput(input: HTMLInputElement, text: string): void {
  input.value = text;
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
}
