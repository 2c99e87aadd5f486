import pkg from '../../package.json';

/** The package's version, as `setup-audit --version` prints it (bundled from package.json at build time). */
export const VERSION: string = pkg.version;
