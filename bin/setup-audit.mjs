#!/usr/bin/env node
// `npx setup-audit`: runs the TypeScript CLI through tsx, so the same sources serve the widget and the terminal.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli/main.ts');
process.exitCode = await main(process.argv.slice(2));
