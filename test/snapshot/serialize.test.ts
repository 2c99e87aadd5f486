import { describe, expect, it } from 'vitest';
import { parseSnapshot, serializeSnapshot } from '../../src/snapshot/serialize';
import { auditSeed } from '../support/emulated';

describe('snapshot files', () => {
  it('a gathered snapshot survives a save and load unchanged', async () => {
    const { snapshot } = await auditSeed('messy');
    expect(parseSnapshot(serializeSnapshot(snapshot))).toEqual(snapshot);
  });

  it.each([
    ['{', /invalid JSON/],
    ['[]', /schemaVersion/],
    ['{"schemaVersion":2}', /schemaVersion must be 1/],
    ['{"schemaVersion":1,"takenAt":"yesterday"}', /takenAt/],
    ['{"schemaVersion":1,"takenAt":"2026-01-01T00:00:00Z"}', /window/],
    ['{"schemaVersion":1,"takenAt":"2026-01-01T00:00:00Z","window":{"from":1,"to":2}}', /parts missing/],
    [
      '{"schemaVersion":1,"takenAt":"2026-01-01T00:00:00Z","window":{"from":1,"to":2},"parts":{"users":[]}}',
      /parts\.users must hold/,
    ],
  ])('refuses %s with a reason', (text, reason) => {
    expect(() => parseSnapshot(text)).toThrow(reason);
  });
});
