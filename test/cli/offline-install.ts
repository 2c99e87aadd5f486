import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

type LockEntry = { version: string; dependencies?: Record<string, string>; [key: string]: unknown };

/** Where `name` resolves from the lock path `from`, the way Node looks up node_modules folders. */
function resolveIn(packages: Record<string, LockEntry>, from: string, name: string): string {
  let at = from;
  for (;;) {
    const candidate = `${at ? `${at}/` : ''}node_modules/${name}`;
    if (packages[candidate]) return candidate;
    if (!at) throw new Error(`${name} (needed by ${from || 'the package'}) is not in package-lock.json`);
    const i = at.lastIndexOf('/node_modules/');
    at = i >= 0 ? at.slice(0, i) : '';
  }
}

/**
 * A project folder that installs the packed tarball with the repository's own pinned versions of its
 * runtime dependencies: a package.json and a lock taken from package-lock.json, so `npm ci --offline`
 * needs only the tarballs in the npm cache (no registry metadata), as a locked CI install would.
 */
export function writeInstallProject(dir: string, repo: string, tarball: { filename: string; integrity: string }) {
  const own = JSON.parse(readFileSync(join(repo, 'package.json'), 'utf8')) as {
    name: string;
    version: string;
    dependencies: Record<string, string>;
    bin: Record<string, string>;
    engines: Record<string, string>;
  };
  const packages = (
    JSON.parse(readFileSync(join(repo, 'package-lock.json'), 'utf8')) as {
      packages: Record<string, LockEntry>;
    }
  ).packages;
  const picked: Record<string, LockEntry> = {};
  const todo: [string, string][] = Object.keys(own.dependencies).map((d) => ['', d]);
  while (todo.length) {
    const [from, name] = todo.pop()!;
    const path = resolveIn(packages, from, name);
    if (picked[path]) continue;
    const { dev: _dev, devOptional: _devOptional, ...entry } = packages[path]!;
    picked[path] = entry as LockEntry;
    for (const dep of Object.keys(entry.dependencies ?? {})) todo.push([path, dep]);
  }
  const spec = `file:${tarball.filename}`;
  writeFileSync(
    join(dir, 'package.json'),
    JSON.stringify({ name: 'install-check', private: true, dependencies: { [own.name]: spec } }),
  );
  writeFileSync(
    join(dir, 'package-lock.json'),
    JSON.stringify({
      name: 'install-check',
      lockfileVersion: 3,
      requires: true,
      packages: {
        '': { name: 'install-check', dependencies: { [own.name]: spec } },
        [`node_modules/${own.name}`]: {
          version: own.version,
          resolved: spec,
          integrity: tarball.integrity,
          dependencies: own.dependencies,
          bin: own.bin,
          engines: own.engines,
        },
        ...picked,
      },
    }),
  );
}
