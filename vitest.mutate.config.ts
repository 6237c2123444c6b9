// Vitest for mutation testing (`npm run mutate`): only the fast in-process tests of src/domain and
// scripts/github. Left out: Astro site builds, the browser, and tests that only run a CLI as a child
// process (a child process never sees Stryker's active mutant, so they could kill nothing and
// would only cost minutes per run). The GitHub adapter tests stay: they call the adapters in
// process with real octokit against the fake GitHub on 127.0.0.1.
import { defineConfig } from 'vitest/config';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

// Stryker stops at a mutant's first failing test: the targeted tests of tests/mutation/ run first,
// the slow end-to-end files last, so a killed mutant costs the least time.
const SLOW = ['presets.test.ts', 'rulebooks.test.ts', 'github-pr-bot.test.ts', 'review-campaign.test.ts', 'github-setup.test.ts', 'github-office-approval.test.ts', 'github-pr-check.test.ts', 'github-issue-ops.test.ts', 'github-approve.test.ts'];
class TargetedFirst extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const rank = (f: TestSpecification) => (f.moduleId.includes('/tests/mutation/') ? 0 : SLOW.some((s) => f.moduleId.endsWith(`/${s}`)) ? 2 : 1);
    return [...files].sort((a, b) => rank(a) - rank(b) || (a.moduleId < b.moduleId ? -1 : a.moduleId > b.moduleId ? 1 : 0));
  }
}

export default defineConfig({
  test: {
    // MUTATE_TESTS narrows the run while working on one module, e.g.
    // MUTATE_TESTS='tests/mutation/dates.test.ts,tests/core.test.ts' npm run mutate -- --mutate src/domain/dates.ts
    include: process.env.MUTATE_TESTS ? process.env.MUTATE_TESTS.split(',') : ['tests/**/*.test.ts'],
    exclude: [
      // The GitHub adapter tests (fake GitHub, whole PR flows: seconds each) run for the github and
      // pr-report groups only (scripts/mutate.ts sets MUTATE_GITHUB=1): a surviving mutant of the core would
      // otherwise pay for every flow that passes through it, over a minute a mutant.
      ...(process.env.MUTATE_GITHUB === '1' ? [] : ['tests/github-*.test.ts', 'tests/mutation/github-*.test.ts', 'tests/review-campaign.test.ts']),
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
      // End-to-end corpora and whole-registry runs (30-90 s a file): their modules have targeted
      // tests in tests/mutation/, and leaving them out can only lower the measured score.
      'tests/attacks.test.ts',
      'tests/attacks-others.test.ts',
      'tests/ledger-import.test.ts',
      'tests/leak-private-outputs.test.ts',
      'tests/forms.test.ts',
      'tests/report.test.ts',
      'tests/status-truth.test.ts',
      'tests/name-rules-only.test.ts',
      // Long-running suites (fuzzing, random properties, benchmarks) belong to their own scripts:
      // they reach most of the core, so every surviving mutant there would pay for them.
      'tests/**/*fuzz*.test.ts',
      'tests/property.test.ts',
      'tests/name-flood.test.ts',
      'tests/**/*.bench.ts',
    ],
    // Stryker runs the covering tests once per mutant: with isolation every run re-imports the
    // whole module graph (platform tables, pinyin data) for every test file, which made a run of
    // src/domain take tens of hours. The in-process tests keep no state between files.
    isolate: process.env.MUTATE_ISOLATE === '1',
    sequence: { sequencer: TargetedFirst },
    testTimeout: 60_000,
    hookTimeout: 120_000,
  },
});
