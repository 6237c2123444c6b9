// Tests: unit tests of the core, fixture registries, real Astro builds, a real browser, real HTTP.
// The JSON report feeds the "N passed, N failed" line of .ci/run.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/**/*.test.ts'],
    testTimeout: 60_000,
    hookTimeout: 600_000,
    pool: 'forks',
    maxWorkers: 2,
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
  },
});
