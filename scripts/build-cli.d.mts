/** Builds the CLI into `outdir` (default dist/); resolves to the entry file. */
export function buildCli(outdir?: string): Promise<string>;
