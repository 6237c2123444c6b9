// Fuzzing every reader of filings with fast-check: random YAML and MDX shapes, sizes and Unicode,
// hostile keys (__proto__ …) and hostile bodies (deep nesting, MDX syntax, contact data). For each
// input: findings naming the file or a clean pass; never a crash, never a hang (a time bound per
// input), never a dropped file. Fixed seed in `npm test`; `npm run fuzz` runs longer
// (FUZZ_RUNS=… FUZZ_SEED=… to choose; a failure prints the seed and path to replay it).
import { mkdtemp, readFile, rm, writeFile, mkdir, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { afterAll, describe, expect, test } from 'vitest';
import { checkPrRules, describeChanges } from '../src/domain/pr-report.ts';
import { parseFile, findObligations, findLateFilings, type Registry } from '../src/domain/index.ts';
import { publicSiteOf, verifyIndexFromRegistry } from '../src/domain/verify/from-registry.ts';
import { loadRegistry } from '../src/registry/load.ts';
import { diffContentDirs } from '../scripts/lib/content-diff.ts';
import { FIXTURES, runScript } from './helpers/registry.ts';

const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const RUNS = Number(process.env.FUZZ_RUNS ?? 400);
/** Loader runs write a registry to disk each: fewer of them. */
const LOADER_RUNS = Math.max(10, Math.round(RUNS / 20));
/** No single input may take longer than this (a busy CI machine included). */
const PER_INPUT_MS = 3000;
/** Each property's time budget: under 2 minutes for the whole file at the default runs. */
const BUDGET = Math.max(110_000, RUNS * 250);
const TODAY = '2026-11-21';
const params = (numRuns: number) => ({ seed: SEED, numRuns, endOnFailure: true });

const tmp: string[] = [];
afterAll(() => Promise.all(tmp.map((d) => rm(d, { recursive: true, force: true }))));

const base = {
  account: await readFile(path.join(FIXTURES, 'base/accounts/jsj/jsj-weibo.mdx'), 'utf8'),
  unit: await readFile(path.join(FIXTURES, 'base/units/jsj.yaml'), 'utf8'),
  group: await readFile(path.join(FIXTURES, 'base/groups/jsj/jsj-teachers.yaml'), 'utf8'),
  review: await readFile(path.join(FIXTURES, 'base/reviews/2025/qclg-wechat.yaml'), 'utf8'),
  impostor: await readFile(path.join(FIXTURES, 'base/impostors/fake-qclg-weibo.yaml'), 'utf8'),
};

// ---- Arbitraries -------------------------------------------------------------------------

/** Odd and hostile characters: invisibles, separators, combining marks, full-width, astral, RTL. */
const oddChar = fc.constantFrom('\u200b', '\u2028', '\u2029', '\u2800', '\u00a0', '\u3000', '\u0301', '\u202e', '\ufeff', '\u0000', '＠', '１', '𠀀', '😀', '\ud800', '\r', '\t', '#', ':', '"', "'", '{', '}', '[', ']', '&', '*', '!', '|', '>', '%', '@', '`');
const text = fc.oneof(
  { weight: 3, arbitrary: fc.string({ maxLength: 40 }) },
  { weight: 2, arbitrary: fc.string({ unit: 'grapheme', maxLength: 30 }) },
  { weight: 2, arbitrary: fc.array(fc.oneof(oddChar, fc.constantFrom('青川', '学院', 'a', '1', ' ', '\n')), { maxLength: 30 }).map((a) => a.join('')) },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 30 }) },
  { weight: 1, arbitrary: fc.constantFrom('138 0531 2468', 'zhao at example dot com', 'li＠example.edu.cn', '0531-87654321', '2026-99999', 'number: 2026-99999') },
);
const hostileKey = fc.constantFrom('__proto__', 'constructor', 'prototype', 'approval', 'toString', 'hasOwnProperty', '<<', 'id', 'name', 'status', 'unit', 'keys', 'dates', 'history', 'contacts', 'body', 'x\u00a0y');
const key = fc.oneof({ weight: 3, arbitrary: hostileKey }, { weight: 1, arbitrary: fc.string({ minLength: 1, maxLength: 12 }) });
const yamlValue: fc.Arbitrary<unknown> = fc.letrec((tie) => ({
  value: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    text,
    fc.integer(),
    fc.double(),
    fc.boolean(),
    fc.constant(null),
    fc.constantFrom('2024-02-30', '2026-11-21', '9999-12-31'),
    fc.array(tie('value'), { maxLength: 4 }),
    fc.dictionary(key, tie('value'), { maxKeys: 4 }),
  ),
})).value;

/** Body pieces: Markdown containers, MDX syntax, links, contact data and plain text. */
const bodyPiece = fc.oneof(
  fc.constantFrom('> ', '>', '- ', '* ', '1. ', '  ', '\n', '\n\n', '*', '_', '**', '`', '```\n', '# ', '[a](https://weibo.com/u/1)', '[b]: https://evil.example\n', '![x](https://qq.com/a.png)', '<b>', '<Foo />', '{1+1}', '{/* c */}', 'import x from "y"\n', 'export const a = 1\n', '</', '&amp;', '\\', '|a|b|\n|-|-|\n', '~~s~~', 'http://qq.com', '138 0531 2468', 'a@b.cn'),
  text,
);
const body = fc.oneof(
  { weight: 4, arbitrary: fc.array(bodyPiece, { maxLength: 60 }).map((a) => a.join('')) },
  // Deep or long: nesting far past any limit, and sizes around the 5,000-character limit.
  { weight: 1, arbitrary: fc.tuple(fc.constantFrom('>', '> ', '- ', '  - ', '*', '_', '[', '*a ', '<', '{'), fc.integer({ min: 10, max: 4000 })).map(([p, n]) => p.repeat(n) + ' x') },
  { weight: 1, arbitrary: fc.tuple(bodyPiece, fc.integer({ min: 4900, max: 17000 })).map(([p, n]) => (p || 'a').repeat(Math.ceil(n / Math.max(1, p.length))).slice(0, n)) },
);

type Kind = keyof typeof base;
/** A filing: a real one with fields replaced, added or deleted, raw YAML noise, or random YAML. */
const filing = fc
  .record({
    kind: fc.constantFrom<Kind>('account', 'unit', 'group', 'review', 'impostor'),
    edits: fc.array(fc.tuple(key, yamlValue), { maxLength: 4 }),
    drop: fc.array(fc.constantFrom('id', 'name', 'status', 'unit', 'keys', 'purpose', 'dates', 'contacts'), { maxLength: 2 }),
    noise: fc.option(fc.tuple(fc.nat({ max: 2000 }), text), { nil: undefined }),
    body,
    raw: fc.boolean(),
  })
  .map(({ kind, edits, drop, noise, body: b, raw }) => {
    let yaml: string;
    const src = base[kind];
    const fm = kind === 'account' ? src.replace(/^---\n|---\n$/g, '') : src;
    if (raw) yaml = stringify(Object.fromEntries(edits), { lineWidth: 0 }) || '{}\n';
    else {
      const lines = fm.split('\n').filter((l) => !drop.some((d) => l.startsWith(`${d}:`)));
      for (const [k, v] of edits) lines.push(stringify({ [k]: v }, { lineWidth: 0 }).trimEnd());
      yaml = `${lines.join('\n')}\n`;
    }
    if (noise) yaml = yaml.slice(0, noise[0] % (yaml.length + 1)) + noise[1] + yaml.slice(noise[0] % (yaml.length + 1));
    return { kind, text: kind === 'account' ? `---\n${yaml}---\n${b}` : yaml };
  });

const FILE_OF: Record<Kind, (i: number) => string> = {
  account: (i) => `accounts/jsj/fuzz-${i}.mdx`,
  unit: (i) => `units/fuzz-${i}.yaml`,
  group: (i) => `groups/jsj/fuzz-${i}.yaml`,
  review: (i) => `reviews/2025/fuzz-${i}.yaml`,
  impostor: (i) => `impostors/fuzz-${i}.yaml`,
};

// ---- Checks ------------------------------------------------------------------------------

function timed<T>(f: () => T): T {
  const t0 = performance.now();
  const out = f();
  expect(performance.now() - t0, 'one input took too long').toBeLessThan(PER_INPUT_MS);
  return out;
}

function inRegistry(reg: Registry, rel: string): boolean {
  return [reg.policy, ...reg.units, ...reg.accounts, ...reg.reviews, ...reg.pushLists, ...reg.groups, ...reg.impostors, ...reg.pages].some((f) => f?.file === rel);
}

/** Writes `files` over a copy of the base registry; returns its folder. */
async function registryWith(files: Array<[string, string]>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'fuzz-'));
  tmp.push(dir);
  await cp(path.join(FIXTURES, 'base'), dir, { recursive: true });
  for (const [rel, t] of files) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), t);
  }
  return dir;
}

describe(`fuzz (seed ${SEED}, ${RUNS} runs)`, () => {
  test('parseFile: every input ends in findings on that file or a clean parse, in bounded time', () => {
    fc.assert(
      fc.property(filing, fc.nat(), ({ kind, text: t }, i) => {
        const rel = FILE_OF[kind](i % 1000);
        const r = timed(() => parseFile(rel, t));
        for (const f of r.findings) {
          expect(f.file).toBe(rel);
          expect(f.line).toBeGreaterThanOrEqual(1);
          expect(f.message).toMatch(/[\u4e00-\u9fff]/);
          expect(f.code).not.toBe('file/internal');
        }
        const errors = r.findings.filter((f) => f.severity === 'error');
        // A clean parse yields data; any error means no data (never used half-read).
        expect(errors.length === 0).toBe(r.parsed !== undefined);
        if (r.parsed && 'data' in r.parsed.filing) {
          const data = r.parsed.filing.data as object;
          expect(Object.getPrototypeOf(data)).toBe(Object.prototype);
          expect(Object.keys(data)).not.toContain('__proto__');
        }
      }),
      params(RUNS),
    );
  }, BUDGET);

  test('the loader and every command that reads its registry: nothing dropped, nothing crashes', async () => {
    let baseReg: Registry | undefined;
    await fc.assert(
      fc.asyncProperty(fc.array(filing, { minLength: 1, maxLength: 4 }), async (list) => {
        const files = list.map((f, i): [string, string] => [FILE_OF[f.kind](i), f.text]);
        const dir = await registryWith(files);
        const t0 = performance.now();
        const { registry, findings } = await loadRegistry(dir, { today: TODAY, workers: false });
        for (const [rel] of files) expect(inRegistry(registry, rel) || findings.some((f) => f.file === rel), `${rel} dropped`).toBe(true);
        expect(findings.some((f) => f.code === 'file/internal')).toBe(false);
        // The public projection, the verify index and the deadlines read the loaded registry.
        const site = publicSiteOf(registry, TODAY);
        expect(site).not.toBeNull();
        expect(JSON.stringify(site)).not.toMatch(/138 0531 2468|zhao at example|li＠example/);
        verifyIndexFromRegistry(registry, TODAY);
        findObligations(registry, registry.policy!.data, TODAY);
        findLateFilings(registry, registry.policy!.data, TODAY, { prDate: TODAY, prFiles: new Set(files.map(([r]) => r)) });
        // pr-check's reader: the diff against the base and the PR rules.
        const changes = await diffContentDirs(path.join(FIXTURES, 'base'), dir);
        for (const [rel] of files) expect(changes.some((c) => c.path === rel)).toBe(true);
        baseReg ??= (await loadRegistry(path.join(FIXTURES, 'base'), { today: TODAY, workers: false })).registry;
        checkPrRules(changes, baseReg, registry, { login: 'someone', trusted: false });
        describeChanges(changes, baseReg, registry);
        expect(performance.now() - t0).toBeLessThan(PER_INPUT_MS * 4);
        await rm(dir, { recursive: true, force: true });
      }),
      params(LOADER_RUNS),
    );
  }, BUDGET);

  test('validate and pr-check (the real CLIs) on one registry of many random filings', async () => {
    const list = fc.sample(fc.array(filing, { minLength: 60, maxLength: 60 }), { seed: SEED, numRuns: 1 })[0]!;
    const files = list.map((f, i): [string, string] => [FILE_OF[f.kind](i), f.text]);
    const dir = await registryWith(files);
    const v = await runScript('validate.ts', ['--content', dir, '--json', '--today', TODAY]);
    expect(v.stderr).not.toMatch(/内部错误|RangeError|Maximum call stack/);
    expect([0, 1]).toContain(v.code);
    const report = JSON.parse(v.stdout) as { ok: boolean; errors: Array<{ file: string }>; warnings: Array<{ file: string }> };
    expect(report.ok).toBe(v.code === 0);
    const { registry } = await loadRegistry(dir, { today: TODAY, workers: false });
    for (const [rel] of files) expect(inRegistry(registry, rel) || [...report.errors, ...report.warnings].some((f) => f.file === rel), `${rel} dropped`).toBe(true);
    const pr = await runScript('pr-check.ts', ['--content', dir, '--base-content', path.join(FIXTURES, 'base'), '--today', TODAY]);
    expect(pr.stderr).not.toMatch(/内部错误|RangeError|Maximum call stack/);
    expect([0, 1]).toContain(pr.code);
    expect(pr.stdout).toMatch(/本次修改 \d+ 个文件/);
  }, BUDGET);
});
