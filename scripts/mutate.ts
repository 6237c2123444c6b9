/**
 * Mutation testing of src/domain and scripts/github (`npm run mutate`; not in CI: it is slow).
 *
 * A run over everything takes hours on a two-core machine, so it is cut into groups of modules,
 * each a Stryker run of its own with its own incremental file and report
 * (reports/mutation-<group>/). A group that finishes is kept even if a later one is stopped, and a
 * re-run only tests mutants whose code or covering tests changed. At the end (or with
 * --summary) the groups' reports are combined into the two figures the team tracks, the mutation
 * score of src/domain and of scripts/github, written to reports/mutation/summary.json.
 *
 *   npm run mutate                      every group, then the summary
 *   npm run mutate -- --group verify    one group (repeatable), then the summary
 *   npm run mutate -- --summary         the summary of the reports already there
 *   npm run mutate -- --survivors names.ts   surviving mutants of matching files, with their line
 *
 * Score = (killed + timed out) / (killed + timed out + survived + no coverage), as Stryker counts it;
 * static mutants (executed only while modules load) are ignored (see stryker.config.mjs) and
 * mutants judged equivalent are listed in docs/mutation.md.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, globSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';

interface Group {
  name: string;
  mutate: string[];
  /** Also run the GitHub flow tests (MUTATE_GITHUB=1): the adapters, and the PR report they post. */
  github?: boolean;
}

const domain = (...files: string[]) => files.map((f) => `src/domain/${f}.ts`);

// Small enough that one finishes in minutes: the big modules alone, the small ones together.
export const GROUPS: Group[] = [
  { name: 'github', mutate: ['scripts/github/**/*.ts'], github: true },
  { name: 'obligations', mutate: domain('obligations') },
  { name: 'filing', mutate: domain('filing') },
  { name: 'rules', mutate: domain('rules') },
  { name: 'pr-report', mutate: domain('pr-report'), github: true },
  { name: 'body-yaml', mutate: domain('body', 'yaml') },
  { name: 'core', mutate: domain('text', 'dates', 'approval', 'office-approval', 'codeowners', 'deadline-issues', 'findings', 'registry', 'schema-info', 'index') },
  { name: 'verify-normalize', mutate: domain('verify/normalize') },
  { name: 'verify-verdict', mutate: domain('verify/verdict') },
  { name: 'verify-names', mutate: domain('verify/names', 'verify/name-rules') },
  { name: 'verify-index', mutate: domain('verify/build-index', 'verify/verify-index', 'verify/tables', 'verify/report', 'verify/from-registry') },
  { name: 'public', mutate: domain('public') },
  { name: 'ledger', mutate: domain('ledger', 'ledger-import', 'excel-values') },
  { name: 'office', mutate: [...domain('report', 'notify', 'issue-form', 'review-campaign', 'presets', 'privacy'), 'src/domain/forms/**/*.ts'] },
  { name: 'schema', mutate: ['src/domain/schema/**/*.ts', 'src/domain/platforms/**/*.ts', 'src/domain/platforms.ts'] },
];

const AREAS = [
  { name: 'src/domain', prefix: 'src/domain/' },
  { name: 'scripts/github', prefix: 'scripts/github/' },
];

type Count = { killed: number; timeout: number; survived: number; noCoverage: number; ignored: number; errors: number };
const zero = (): Count => ({ killed: 0, timeout: 0, survived: 0, noCoverage: 0, ignored: 0, errors: 0 });
const score = (c: Count) => {
  const valid = c.killed + c.timeout + c.survived + c.noCoverage;
  return valid ? Math.round((10_000 * (c.killed + c.timeout)) / valid) / 100 : null;
};

interface MutantJson {
  status: string;
  mutatorName: string;
  replacement?: string;
  location: { start: { line: number; column: number } };
}
interface ReportJson {
  files: Record<string, { source: string; mutants: MutantJson[] }>;
}

function readReports(): Map<string, { group: string; source: string; mutants: MutantJson[] }> {
  const files = new Map<string, { group: string; source: string; mutants: MutantJson[] }>();
  for (const g of GROUPS) {
    const path = `reports/mutation-${g.name}/mutation.json`;
    if (!existsSync(path)) continue;
    const r = JSON.parse(readFileSync(path, 'utf8')) as ReportJson;
    // A report also carries the incremental file's results for modules outside its group (stale
    // ones, from whatever run wrote it): only the group's own modules count.
    const own = new Set(g.mutate.flatMap((pattern) => globSync(pattern)).filter((f) => !f.endsWith('.d.ts')));
    for (const [file, v] of Object.entries(r.files)) {
      const name = file.replace(/\\/g, '/');
      if (own.has(name)) files.set(name, { group: g.name, ...v });
    }
  }
  return files;
}

function tally(mutants: MutantJson[]): Count {
  const c = zero();
  for (const m of mutants) {
    if (m.status === 'Killed') c.killed++;
    else if (m.status === 'Timeout') c.timeout++;
    else if (m.status === 'Survived') c.survived++;
    else if (m.status === 'NoCoverage') c.noCoverage++;
    else if (m.status === 'Ignored') c.ignored++;
    else c.errors++;
  }
  return c;
}

function add(a: Count, b: Count): Count {
  return { killed: a.killed + b.killed, timeout: a.timeout + b.timeout, survived: a.survived + b.survived, noCoverage: a.noCoverage + b.noCoverage, ignored: a.ignored + b.ignored, errors: a.errors + b.errors };
}

function summary(): number {
  const files = readReports();
  const missing = GROUPS.filter((g) => !existsSync(`reports/mutation-${g.name}/mutation.json`)).map((g) => g.name);
  const perFile = [...files].map(([file, v]) => ({ file, group: v.group, ...tally(v.mutants) })).sort((a, b) => b.survived + b.noCoverage - (a.survived + a.noCoverage));
  const areas = AREAS.map((a) => {
    const c = perFile.filter((f) => f.file.startsWith(a.prefix)).reduce<Count>((s, f) => add(s, f), zero());
    return { area: a.name, ...c, score: score(c) };
  });
  console.log('file\tkilled\ttimeout\tsurvived\tnocov\tignored\terrors\tscore');
  for (const f of perFile) console.log([f.file, f.killed, f.timeout, f.survived, f.noCoverage, f.ignored, f.errors, score(f) ?? '-'].join('\t'));
  console.log('');
  for (const a of areas) console.log(`${a.area}: ${a.score ?? '-'}% (${a.killed + a.timeout} of ${a.killed + a.timeout + a.survived + a.noCoverage} mutants detected, ${a.survived} survived, ${a.noCoverage} not covered, ${a.ignored} static ignored)`);
  if (missing.length) console.log(`groups without a finished report: ${missing.join(', ')} (their modules are not counted)`);
  // A group run with MUTATE_TESTS ran fewer tests than the group's own: a mutant it counts as
  // killed stays killed with more tests, so its figure is a lower bound of the full one.
  const narrowed = GROUPS.flatMap((g) => {
    const p = `reports/mutation-${g.name}/tests.json`;
    if (!existsSync(p) || !existsSync(`reports/mutation-${g.name}/mutation.json`)) return [];
    const tests = (JSON.parse(readFileSync(p, 'utf8')) as { narrowed?: string[] }).narrowed;
    return tests?.length ? [{ group: g.name, tests }] : [];
  });
  if (narrowed.length) console.log(`groups measured with a narrowed test set (a lower bound): ${narrowed.map((n) => `${n.group} (${n.tests.join(', ')})`).join('; ')}`);
  mkdirSync('reports/mutation', { recursive: true });
  writeFileSync('reports/mutation/summary.json', `${JSON.stringify({ areas, missing, narrowed, files: perFile.map((f) => ({ ...f, score: score(f) })) }, null, 2)}\n`);
  return missing.length ? 1 : 0;
}

function survivors(sub: string): void {
  for (const [file, v] of readReports()) {
    if (!file.includes(sub)) continue;
    const lines = v.source.split('\n');
    for (const m of v.mutants.filter((x) => x.status === 'Survived' || x.status === 'NoCoverage').sort((a, b) => a.location.start.line - b.location.start.line)) {
      const l = m.location.start.line;
      console.log(`${file}:${l}:${m.location.start.column} [${m.status}] ${m.mutatorName}: ${JSON.stringify(m.replacement ?? '')}\n    ${lines[l - 1]?.trim().slice(0, 160)}`);
    }
  }
}

/**
 * Drops the NoCoverage results from a group's incremental file before a run. Stryker reuses them
 * even when a test now reaches the mutant (seen 2026-12-01: a stale file made 718 table mutants
 * of forms/tables.ts "not covered" though forms.test.ts loads them). Re-checking costs nothing for
 * a mutant still not covered; the others are tested or, if only reached at load, ignored.
 * Returns how many results were dropped.
 */
export function dropNoCoverage(file: string): number {
  if (!existsSync(file)) return 0;
  const j = JSON.parse(readFileSync(file, 'utf8')) as ReportJson;
  let dropped = 0;
  for (const v of Object.values(j.files)) {
    const kept = v.mutants.filter((m) => m.status !== 'NoCoverage');
    dropped += v.mutants.length - kept.length;
    v.mutants = kept;
  }
  if (dropped) writeFileSync(file, JSON.stringify(j));
  return dropped;
}

function main(argv: string[]): number {
  if (argv.includes('--help') || argv.includes('-h')) {
    console.log('用法：npm run mutate [-- --group <组名> …] [--summary] [--survivors <文件名片段>]');
    console.log(`组：${GROUPS.map((g) => g.name).join('、')}`);
    return 0;
  }
  const i = argv.indexOf('--survivors');
  if (i >= 0) {
    survivors(argv[i + 1] ?? '');
    return 0;
  }
  if (argv.includes('--summary')) return summary();
  const wanted = argv.flatMap((a, k) => (argv[k - 1] === '--group' ? [a] : []));
  const unknown = wanted.filter((w) => !GROUPS.some((g) => g.name === w));
  if (unknown.length) {
    console.error(`未知的组：${unknown.join('、')}（可用：${GROUPS.map((g) => g.name).join('、')}）`);
    return 2;
  }
  let failed = 0;
  for (const g of GROUPS.filter((x) => !wanted.length || wanted.includes(x.name))) {
    console.log(`\n== mutation group ${g.name}: ${g.mutate.join(' ')}`);
    dropNoCoverage(`reports/stryker-incremental-${g.name}.json`);
    const r = spawnSync('npx', ['stryker', 'run', '--mutate', g.mutate.join(',')], { stdio: 'inherit', env: { ...process.env, MUTATE_REPORT: g.name, ...(g.github ? { MUTATE_GITHUB: '1' } : {}) } });
    if (r.status !== 0) {
      console.error(`组 ${g.name} 的变异测试未完成（退出码 ${r.status ?? r.signal}）`);
      failed++;
    } else {
      // Which tests the finished report was measured with (the summary names a narrowed run).
      const narrowed = process.env.MUTATE_TESTS ? process.env.MUTATE_TESTS.split(',') : null;
      writeFileSync(`reports/mutation-${g.name}/tests.json`, `${JSON.stringify({ narrowed, finishedAt: new Date().toISOString() })}\n`);
    }
  }
  const s = summary();
  return failed ? 1 : s;
}

if (import.meta.url === `file://${process.argv[1]}`) process.exitCode = main(process.argv.slice(2));
