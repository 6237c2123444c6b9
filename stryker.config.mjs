// Mutation testing: `npm run mutate` (scripts/mutate.ts; not in CI: it is slow) runs Stryker once
// per group of modules of src/domain and scripts/github with this config, runs the fast tests of
// vitest.mutate.config.ts against each mutant, and combines the groups' reports (gitignored).
// Incremental: a re-run only tests mutants whose code or covering tests changed.
// One module while working: `MUTATE_REPORT=dates npx stryker run --mutate src/domain/dates.ts`.
// Surviving mutants judged equivalent are listed, with the reason, in docs/mutation.md.
// MUTATE_REPORT=name keeps a separate run's reports, incremental file and sandbox apart
// (reports/mutation-name/, reports/stryker-incremental-name.json), e.g. to measure
// scripts/github on its own: MUTATE_REPORT=github npm run mutate -- --mutate 'scripts/github/**/*.ts'
import path from 'node:path';

// The sandbox runs in .stryker-tmp*/sandbox-*/, where ../shared is not the team's shared folder:
// tests read the seed rulebooks from REGISTRY_SHARED (inherited by the test runner processes).
process.env.REGISTRY_SHARED ||= path.resolve('../shared');
const tag = process.env.MUTATE_REPORT ? `-${process.env.MUTATE_REPORT.replace(/[^a-z0-9-]/gi, '')}` : '';

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'vitest',
  vitest: { configFile: 'vitest.mutate.config.ts', pool: process.env.MUTATE_POOL ?? 'threads' },
  plugins: ['@stryker-mutator/vitest-runner'],
  mutate: [
    'src/domain/**/*.ts',
    'scripts/github/**/*.ts',
    '!**/*.d.ts',
  ],
  coverageAnalysis: 'perTest',
  // A "static" mutant is one executed only while test files load (module-level constants, or
  // code run from beforeAll): Stryker can only test it by reloading every test file (~90 s
  // each on this machine). They are ignored and reported as such (see docs/mutation.md);
  // mutants reached both at load and from tests ("hybrid") are still tested with the tests
  // that cover them.
  ignoreStatic: true,
  incremental: true,
  incrementalFile: `reports/stryker-incremental${tag}.json`,
  // The machine is shared (2 cores): one test runner unless MUTATE_CONCURRENCY says otherwise.
  concurrency: Number(process.env.MUTATE_CONCURRENCY) || 1,
  timeoutMS: 30_000,
  dryRunTimeoutMinutes: 20,
  timeoutFactor: 2,
  ignorePatterns: ['dist', '.astro', 'test-results', 'bench-results', 'reports', '.cache', 'docs', '.stryker-tmp*'],
  tempDirName: `.stryker-tmp${tag}`,
  cleanTempDir: 'always',
  reporters: ['clear-text', 'progress', 'html', 'json'],
  htmlReporter: { fileName: `reports/mutation${tag}/index.html` },
  jsonReporter: { fileName: `reports/mutation${tag}/mutation.json` },
  clearTextReporter: { allowColor: false, logTests: false, reportMutants: true, reportScoreTable: true },
  thresholds: { high: 90, low: 85, break: null },
};
