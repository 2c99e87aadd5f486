import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NAMESPACES } from '../../src/shell/host-context';

const DIR = join(import.meta.dirname, '..', '..', 'i18n');

// When the CRM hands over no whole dictionary, the shell rebuilds it namespace by namespace: a namespace
// missing from the list would leave its texts as raw keys on screen.
describe('the shell rebuilds every i18n namespace', () => {
  it.each(readdirSync(DIR).filter((f) => f.endsWith('.json')))('%s', (file) => {
    const top = Object.keys(JSON.parse(readFileSync(join(DIR, file), 'utf8')));
    expect([...NAMESPACES].sort()).toEqual(top.sort());
  });
});
