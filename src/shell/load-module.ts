type AmdRequire = ((deps: string[], onLoad: (module: unknown) => void, onError?: (err: unknown) => void) => void) & {
  undef?: (id: string) => void;
};

/** An on-demand file of the widget that could not be used: it did not load, or it is not the module expected. */
export class ModuleLoadError extends Error {
  constructor(
    readonly file: string,
    reason: string,
  ) {
    super(`${file}: ${reason}`);
    this.name = 'ModuleLoadError';
  }
}

/**
 * Loads `file` (documents.js, fixes.js) from the widget's own folder through the CRM's RequireJS, the same
 * way the platform loads the widget's templates from `params.path`: nothing comes from another origin, and
 * no code is evaluated but a script file of the archive. Resolves with the AMD module's value; `check`
 * says what is missing when it is not the module expected. Every failure is a ModuleLoadError naming the file.
 */
export function loadWidgetModule<T>(
  path: string,
  file: string,
  check: (module: unknown) => module is T,
): Promise<{ module: T; base: string }> {
  const host = globalThis as unknown as { require?: AmdRequire; requirejs?: AmdRequire };
  const amdRequire = host.requirejs ?? host.require;
  if (typeof amdRequire !== 'function')
    return Promise.reject(new ModuleLoadError(file, 'RequireJS is not available on this page'));
  const base = path.replace(/\/+$/, '');
  const url = `${base}/${file}`;
  return new Promise((resolve, reject) => {
    amdRequire(
      [url],
      (module) => {
        if (check(module)) resolve({ module, base });
        else reject(new ModuleLoadError(file, 'it is not the module this widget expects (a damaged or mixed archive)'));
      },
      (err) => {
        // RequireJS remembers a failed module: forget it, so that the next attempt fetches the file again.
        amdRequire.undef?.(url);
        reject(new ModuleLoadError(file, err instanceof Error && err.message ? err.message : 'it could not be loaded'));
      },
    );
  });
}

/** True when `value` is an object whose `keys` are all functions (the shape check of an on-demand module). */
export function hasFunctions(value: unknown, keys: readonly string[]): boolean {
  if (typeof value !== 'object' || value === null) return false;
  const record = value as Record<string, unknown>;
  return keys.every((k) => typeof record[k] === 'function');
}
