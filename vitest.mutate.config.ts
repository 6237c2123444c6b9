// Vitest for mutation testing (`npm run mutate`): only the fast in-process tests of src/domain and
// scripts/github. Left out: Astro site builds, the browser, and tests that only run a CLI as a child
// process (a child process never sees Stryker's active mutant, so they could kill nothing and
// would only cost minutes per run). The GitHub adapter tests stay: they call the adapters in
// process with real octokit against the fake GitHub on 127.0.0.1.
import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    // MUTATE_TESTS narrows the run while working on one module, e.g.
    // MUTATE_TESTS='tests/mutation/dates.test.ts,tests/core.test.ts' npm run mutate -- --mutate src/domain/dates.ts
    include: process.env.MUTATE_TESTS ? process.env.MUTATE_TESTS.split(',') : ['tests/**/*.test.ts'],
    exclude: [
      '**/node_modules/**',
      // Real Astro builds, Chromium, or only child-process CLIs.
      'tests/browser.test.ts',
      'tests/build.test.ts',
      'tests/content.test.ts',
      'tests/leak.test.ts',
      'tests/site.test.ts',
      'tests/validate-cli.test.ts',
      'tests/validate-fixtures.test.ts',
      'tests/verify-browser.test.ts',
      'tests/deadlines.test.ts',
      'tests/verify-cli.test.ts',
      'tests/workflows.test.ts',
      // Long-running suites (fuzzing, benchmarks) belong to their own scripts.
      'tests/**/*fuzz*.test.ts',
      'tests/name-flood.test.ts',
      'tests/**/*.bench.ts',
    ],
    // Stryker runs the covering tests once per mutant: with isolation every run re-imports the
    // whole module graph (platform tables, pinyin data) for every test file, which made a run of
    // src/domain take tens of hours. The in-process tests keep no state between files.
    isolate: process.env.MUTATE_ISOLATE === '1',
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
