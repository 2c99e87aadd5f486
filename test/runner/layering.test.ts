import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(__dirname, '..', '..', 'src');

/** Every import specifier of every .ts file under a folder of src/. */
function importsUnder(dir: string): { file: string; from: string }[] {
  const out: { file: string; from: string }[] = [];
  for (const name of readdirSync(join(root, dir), { recursive: true }) as string[]) {
    if (!/\.tsx?$/.test(name)) continue;
    const text = readFileSync(join(root, dir, name), 'utf8');
    for (const m of text.matchAll(/from\s+'([^']+)'/g)) out.push({ file: `${dir}/${name}`, from: m[1]! });
  }
  return out;
}

describe('layering', () => {
  it('the runner depends on nothing in ui/ (the faces call it, not the other way round)', () => {
    const intoUi = importsUnder('runner').filter((i) => /(^|\/)ui\//.test(i.from));
    expect(intoUi).toEqual([]);
  });
});
