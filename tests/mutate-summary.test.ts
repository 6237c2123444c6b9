// The mutation driver's summary (scripts/mutate.ts --summary): each group's report counts only
// for the group's own modules (a report also carries stale results of other modules from its
// incremental file), scores follow Stryker's definition, and missing groups are named (exit 1).
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';

const script = path.resolve('scripts/mutate.ts');
const tsx = path.resolve('node_modules/.bin/tsx');
let dir: string;

const mutant = (status: string, line = 1) => ({ status, mutatorName: 'EqualityOperator', replacement: '>=', location: { start: { line, column: 1 }, end: { line, column: 2 } } });
const report = (files: Record<string, string[]>) => ({
  files: Object.fromEntries(Object.entries(files).map(([f, st]) => [f, { source: 'a > b\nx\n', mutants: st.map((s, i) => mutant(s, (i % 2) + 1)) }])),
});
function put(group: string, files: Record<string, string[]>) {
  mkdirSync(path.join(dir, `reports/mutation-${group}`), { recursive: true });
  writeFileSync(path.join(dir, `reports/mutation-${group}/mutation.json`), JSON.stringify(report(files)));
}

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'mutate-summary-'));
  for (const f of ['src/domain/obligations.ts', 'src/domain/filing.ts', 'scripts/github/api.ts']) {
    mkdirSync(path.dirname(path.join(dir, f)), { recursive: true });
    writeFileSync(path.join(dir, f), 'export {};\n');
  }
  // obligations: 3 detected of 4 valid.
  put('obligations', { 'src/domain/obligations.ts': ['Killed', 'Killed', 'Timeout', 'Survived', 'Ignored'] });
  // filing: 1 of 2 (one not covered, an error mutant not counted); its report, read after the
  // obligations group's, also carries a stale, all-survived obligations.ts.
  put('filing', { 'src/domain/filing.ts': ['Killed', 'NoCoverage', 'CompileError'], 'src/domain/obligations.ts': ['Survived', 'Survived', 'Survived'] });
  put('github', { 'scripts/github/api.ts': ['Killed', 'RuntimeError'] });
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('combines the groups per area, counting each module from its own group only', () => {
  const r = spawnSync(tsx, [script, '--summary'], { cwd: dir, encoding: 'utf8' });
  // Other groups have no report yet: named, and the command fails.
  expect(r.status).toBe(1);
  expect(r.stdout).toContain('groups without a finished report: rules, pr-report');
  expect(r.stdout).toContain('src/domain: 66.67% (4 of 6 mutants detected, 1 survived, 1 not covered, 1 static ignored)');
  expect(r.stdout).toContain('scripts/github: 100% (1 of 1 mutants detected, 0 survived, 0 not covered, 0 static ignored)');
  const s = JSON.parse(readFileSync(path.join(dir, 'reports/mutation/summary.json'), 'utf8'));
  expect(s.files.find((f: { file: string }) => f.file === 'src/domain/obligations.ts')).toMatchObject({ group: 'obligations', killed: 2, timeout: 1, survived: 1, ignored: 1, score: 75 });
  expect(s.files.find((f: { file: string }) => f.file === 'src/domain/filing.ts')).toMatchObject({ group: 'filing', killed: 1, survived: 0, noCoverage: 1, errors: 1, score: 50 });
  expect(s.areas.map((a: { area: string; score: number }) => [a.area, a.score])).toEqual([['src/domain', 66.67], ['scripts/github', 100]]);
});

test('--survivors lists survived and uncovered mutants of matching files with their line', () => {
  const out = execFileSync(tsx, [script, '--survivors', 'filing.ts'], { cwd: dir, encoding: 'utf8' });
  expect(out.trim().split('\n')).toEqual(['src/domain/filing.ts:2:1 [NoCoverage] EqualityOperator: ">="', '    x']);
  // The obligations group's own survivor, not the stale ones of the filing report.
  const obl = execFileSync(tsx, [script, '--survivors', 'obligations.ts'], { cwd: dir, encoding: 'utf8' });
  expect(obl.trim().split('\n')).toEqual(['src/domain/obligations.ts:2:1 [Survived] EqualityOperator: ">="', '    x']);
});

test('an unknown group is a usage error naming the groups', () => {
  const r = spawnSync(tsx, [script, '--group', 'nope'], { cwd: dir, encoding: 'utf8' });
  expect(r.status).toBe(2);
  expect(r.stderr).toContain('未知的组：nope');
  expect(r.stderr).toContain('obligations');
});

test('a group measured with a narrowed test set (MUTATE_TESTS) is named as a lower bound', () => {
  writeFileSync(path.join(dir, 'reports/mutation-filing/tests.json'), JSON.stringify({ narrowed: ['tests/mutation/filing.test.ts'] }));
  try {
    const r = spawnSync(tsx, [script, '--summary'], { cwd: dir, encoding: 'utf8' });
    expect(r.stdout).toContain('groups measured with a narrowed test set (a lower bound): filing (tests/mutation/filing.test.ts)');
    const s = JSON.parse(readFileSync(path.join(dir, 'reports/mutation/summary.json'), 'utf8'));
    expect(s.narrowed).toEqual([{ group: 'filing', tests: ['tests/mutation/filing.test.ts'] }]);
  } finally {
    rmSync(path.join(dir, 'reports/mutation-filing/tests.json'));
  }
  const plain = JSON.parse((spawnSync(tsx, [script, '--summary'], { cwd: dir, encoding: 'utf8' }), readFileSync(path.join(dir, 'reports/mutation/summary.json'), 'utf8')));
  expect(plain.narrowed).toEqual([]);
});

test('before a run, NoCoverage results are dropped from the incremental file (Stryker would reuse them stale)', async () => {
  const { dropNoCoverage } = await import('../scripts/mutate.ts');
  const f = path.join(dir, 'incremental.json');
  writeFileSync(f, JSON.stringify(report({ 'src/domain/a.ts': ['Killed', 'NoCoverage', 'Survived', 'NoCoverage'], 'src/domain/b.ts': ['NoCoverage'] })));
  expect(dropNoCoverage(f)).toBe(3);
  const j = JSON.parse(readFileSync(f, 'utf8'));
  expect(j.files['src/domain/a.ts'].mutants.map((m: { status: string }) => m.status)).toEqual(['Killed', 'Survived']);
  expect(j.files['src/domain/b.ts'].mutants).toEqual([]);
  expect(dropNoCoverage(f)).toBe(0);
  expect(dropNoCoverage(path.join(dir, 'missing.json'))).toBe(0);
});
