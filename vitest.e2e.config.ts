import { defineConfig } from 'vitest/config';

// Browser tests: real Chromium against `npm start`'s server; one file at a time (they share the port range).
export default defineConfig({
  test: {
    include: ['test/e2e/**/*.test.ts'],
    environment: 'node',
    testTimeout: 60000,
    hookTimeout: 120000,
    fileParallelism: false,
  },
});
