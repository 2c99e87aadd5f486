import { describe, expect, it } from 'vitest';
import { validateBaseline } from '../../src/audit/baseline/validate';
import DEFAULT from '../../src/audit/baseline/b2b-services.json';

// A baseline of 100,000 fields and as many required-field rules: the old duplicate check (findIndex per
// field) needed ~10^10 comparisons for it (tens of seconds); a linear check finishes inside the default test timeout.
// The size, not a stopwatch, is the assertion: quadratic work cannot fit, linear work fits many times over.
const N = 100_000;

function bigBaseline(n: number, duplicateAt?: number) {
  const base = structuredClone(DEFAULT) as typeof DEFAULT & { fields: Record<string, unknown>[] };
  const fields = Array.from({ length: n }, (_, i) => ({
    key: `f${i === duplicateAt ? i - 1 : i}`,
    entity: 'contacts',
    name: { ru: `Поле ${i}`, en: `Field ${i}` },
    type: 'text',
  }));
  const requiredFields = fields.map((f) => ({ field: f.key, fromWorkingStage: 2 }));
  return { ...base, fields, requiredFields };
}

describe('baseline validation scales linearly', () => {
  it(`${N} distinct fields and rules validate`, () => {
    const r = validateBaseline(bigBaseline(N));
    expect(r.ok && r.baseline.fields.length).toBe(N);
  });

  it('a duplicate key near the end is still found and named', () => {
    const r = validateBaseline(bigBaseline(1000, 998));
    expect(r).toMatchObject({ ok: false, error: { path: 'fields[998].key' } });
    expect(!r.ok && r.error.message).toContain('duplicate key "f997"');
  });
});
