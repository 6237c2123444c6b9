// The attack corpus of issue 13 (tests/attacks/*): each hostile registry goes through the real
// `validate` CLI, the real pr-check (base checker, the attack as the PR), the Astro build's loader
// and the public projection. Each must end in findings naming the file (exact code, line, field),
// never a crash, a hang, a dropped file or a published private value.
import { readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import type { Finding } from '../src/domain/findings.ts';
import { publicSiteOf } from '../src/domain/verify/from-registry.ts';
import { loadRegistry } from '../src/registry/load.ts';
import { attacks, materializeAttack, runScriptWithin, type Attack } from './helpers/attacks.ts';
import { FIXTURES } from './helpers/registry.ts';

const TODAY = '2026-11-21';
const list = (await attacks()).filter((a) => !a.name.startsWith('others-'));
const made: string[] = [];
afterAll(() => Promise.all(made.map((d) => rm(d, { recursive: true, force: true }))));

/** A finding as the commands print it in their JSON reports. */
type Row = Omit<Finding, 'severity'>;

async function build(a: Attack): Promise<string> {
  const { content, tmp } = await materializeAttack(a);
  made.push(tmp);
  return content;
}

function expectFindings(a: Attack, rows: Row[]): void {
  for (const e of a.expect) {
    const hit = rows.find((r) => r.code === e.code && r.file === e.file && r.line === e.line && r.field === e.field && (!e.message || r.message.includes(e.message)));
    expect(hit, `${a.name}: ${JSON.stringify(e)}; got ${JSON.stringify(rows.map((r) => `${r.file}:${r.line} ${r.code} ${r.field}`))}`).toBeDefined();
    expect(hit!.message).toMatch(/[\u4e00-\u9fff]/);
  }
}

function expectNoCanary(a: Attack, text: string): void {
  for (const c of a.canaries ?? []) expect(text.includes(c), `${a.name}: canary ${c} leaked`).toBe(false);
}

describe('the attack corpus', () => {
  test('holds one registry for each attack of issue 13 that the loader answers for', () => {
    const items = new Set(list.map((a) => a.item));
    for (const i of ['13.1', '13.3', '13.4', '13.5', '13.9']) expect(items).toContain(i);
    expect(list.length).toBeGreaterThanOrEqual(14);
  });

  test.concurrent.each(list.map((a) => [a.name, a] as const))('%s: validate reports it on the file, exit 1, within 60 s, no crash', async (_n, a) => {
    const dir = await build(a);
    const t0 = Date.now();
    // The 6,000-file registry is bounded by the name check's own test (tests/hostile.test.ts);
    // here it only has to finish on a busy machine.
    const limit = a.generate === 'same-name-6000' ? 170_000 : 60_000;
    const r = await runScriptWithin('validate.ts', ['--content', dir, '--json', '--today', TODAY], limit + 30_000);
    expect(r.timedOut, 'validate hung').toBe(false);
    expect(Date.now() - t0).toBeLessThan(limit);
    expect(r.stderr).not.toMatch(/Maximum call stack|内部错误|Set maximum size|RangeError/);
    const report = JSON.parse(r.stdout) as { ok: boolean; errors: Row[]; warnings: Row[] };
    expectFindings(a, [...report.errors, ...report.warnings]);
    expect(report.errors.some((e) => e.code === 'file/internal')).toBe(false);
    expect(report.ok).toBe(false);
    expect(r.code).toBe(1);
    expectNoCanary(a, r.stdout + r.stderr);
  }, 240_000);

  test.concurrent.each(list.filter((a) => a.prCheck).map((a) => [a.name, a] as const))('%s: the required PR check fails (never "0 files changed", never hangs)', async (_n, a) => {
    const dir = await build(a);
    const report = path.join(path.dirname(dir), 'pr-report.json');
    const t0 = Date.now();
    const r = await runScriptWithin('pr-check.ts', ['--content', dir, '--base-content', path.join(FIXTURES, 'base'), '--today', TODAY, '--report', report], 90_000);
    expect(r.timedOut, 'pr-check hung').toBe(false);
    expect(Date.now() - t0).toBeLessThan(60_000);
    expect(r.stderr).not.toMatch(/Maximum call stack|内部错误|RangeError/);
    expect(r.code).toBe(1);
    expect(r.stdout).not.toMatch(/本次修改 0 个文件：0 个错误/);
    const json = JSON.parse(await readFile(report, 'utf8')) as { ok: boolean; errors: Row[]; violations: Row[] };
    expect(json.ok).toBe(false);
    for (const e of a.expect) expect([...json.errors, ...json.violations].some((x) => x.file === e.file && x.code === e.code), `${a.name}: ${e.code} on ${e.file}`).toBe(true);
    expectNoCanary(a, r.stdout + JSON.stringify(json));
  }, 120_000);

  test.each(list.map((a) => [a.name, a] as const))('%s: the build loader fails naming the file, and the public projection leaves the filing out', async (_n, a) => {
    const dir = await build(a);
    const { registry, findings, files } = await loadRegistry(dir, { today: TODAY, workers: false });
    // Nothing dropped: every expected file is either listed or reported.
    for (const e of a.expect) expect(findings.some((f) => f.file === e.file && f.code === e.code)).toBe(true);
    expect(files.length + findings.length).toBeGreaterThan(0);
    const site = publicSiteOf(registry, TODAY);
    const text = JSON.stringify(site);
    expectNoCanary(a, text);
    if (a.public?.absent) expect(site?.accounts.some((x) => x.id === a.public!.account)).toBe(false);
    // Whatever reached the projection carries no inherited (prototype) fields.
    for (const acc of registry.accounts) expect(Object.getPrototypeOf(acc.data) === Object.prototype || Object.getPrototypeOf(acc.data) === null).toBe(true);
    expect(text).not.toContain('2020-00001');
    // The Astro build goes through loadForBuild: it must refuse, naming the file and the code.
    process.env.REGISTRY_CONTENT = dir;
    process.env.REGISTRY_TODAY = TODAY;
    const { loadForBuild } = await import('../src/registry/astro-loader.ts');
    const err = await loadForBuild(path.dirname(dir)).then(() => undefined, (e: Error) => e);
    expect(err, `${a.name}: the build must fail`).toBeInstanceOf(Error);
    expect(err!.message).toContain(`[${a.expect[0]!.code}]`);
    expect(err!.message).toContain(a.expect[0]!.file === '.' ? '.:' : a.expect[0]!.file);
    expectNoCanary(a, err!.message);
  }, 120_000);

  test('validate FILE on a symlink to /dev/zero reports the link itself, never reads it', async () => {
    const a = list.find((x) => x.name === 'filing-symlink-dev-zero')!;
    const dir = await build(a);
    const r = await runScriptWithin('validate.ts', ['--content', dir, '--json', '--today', TODAY, 'accounts/jsj/jsj-weibo.mdx'], 90_000);
    expect(r.timedOut).toBe(false);
    const report = JSON.parse(r.stdout) as { errors: Row[] };
    expect(report.errors).toEqual([expect.objectContaining({ file: 'accounts/jsj/jsj-weibo.mdx', code: 'file/symlink' })]);
    expect(r.code).toBe(1);
  }, 120_000);
});
