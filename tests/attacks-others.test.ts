// Attacks of issue 13 whose fixes belong to other engineers (the approval job, PR rules and
// workflows: issue 9; link hosts: the verifier). Each test states the behaviour that SHOULD hold
// and runs it for real against tests/attacks/others-*; on a branch without the owner's fix it
// fails, after the merge it must pass. The loader's own attacks are in tests/attacks.test.ts.
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, describe, expect, test } from 'vitest';
import { approveMergedFilings } from '../scripts/github/approve.ts';
import { decideOfficeApproval } from '../src/domain/office-approval.ts';
import { loadRegistry } from '../src/registry/load.ts';
import { ATTACKS, runScriptWithin } from './helpers/attacks.ts';
import { FIXTURES } from './helpers/registry.ts';

const run = promisify(execFile);
const TODAY = '2026-11-21';
const made: string[] = [];
afterAll(() => Promise.all(made.map((d) => rm(d, { recursive: true, force: true }))));

async function temp(): Promise<string> {
  const d = await mkdtemp(path.join(tmpdir(), 'attack-others-'));
  made.push(d);
  return d;
}

/** The base fixture with the attack's registry laid over it. */
async function headOf(attack: string, baseDir = path.join(FIXTURES, 'base')): Promise<string> {
  const dir = path.join(await temp(), 'content');
  await cp(baseDir, dir, { recursive: true });
  await cp(path.join(ATTACKS, attack, 'registry'), dir, { recursive: true });
  return dir;
}

interface PrReport {
  ok: boolean;
  violations: Array<{ file: string; code: string }>;
  errors: Array<{ file: string; code: string }>;
  late: Array<{ file: string }>;
}

async function prCheck(head: string, base: string, author: string): Promise<{ code: number; report: PrReport }> {
  const out = path.join(path.dirname(head), 'report.json');
  const r = await runScriptWithin('pr-check.ts', ['--content', head, '--base-content', base, '--today', TODAY, '--author', author, '--office-members', 'xcb-office', '--report', out], 90_000);
  expect(r.timedOut).toBe(false);
  return { code: r.code, report: JSON.parse(await readFile(out, 'utf8')) as PrReport };
}

/** A git repository whose main holds the base fixture, then a merge commit bringing the attack's files. */
async function mergedRepo(attack: string): Promise<string> {
  const repo = await temp();
  const git = (...args: string[]) => run('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd: repo });
  await cp(path.join(FIXTURES, 'base'), path.join(repo, 'content'), { recursive: true });
  await rm(path.join(repo, 'content/accounts/robot-club/robot-bilibili.mdx'));
  await git('init', '-q', '-b', 'main');
  await git('add', '-A');
  await git('commit', '-q', '-m', 'base');
  await cp(path.join(ATTACKS, attack, 'registry'), path.join(repo, 'content'), { recursive: true });
  await git('add', '-A');
  await git('commit', '-q', '-m', 'Merge pull request #7 from unit/branch');
  return repo;
}

describe('attacks fixed by other engineers (must pass once merged)', () => {
  test('13.1 approval job: a U+2028 in another field does not make a merged filing look approved', async () => {
    const repo = await mergedRepo('others-approval-u2028');
    const done = await approveMergedFilings({ cwd: repo });
    expect(done.map((d) => d.file)).toContain('content/accounts/robot-club/robot-bilibili.mdx');
  });

  test('13.2 approval job: "number: 2026-99999" in a body is not a used approval number', async () => {
    const repo = await mergedRepo('others-approval-number-in-body');
    const done = await approveMergedFilings({ cwd: repo });
    expect(done).toHaveLength(1);
    const [, serial] = done[0]!.number.split('-');
    // The base fixture's numbers are small: the next is small too, never 99999 + 1.
    expect(Number(serial)).toBeLessThan(1000);
  });

  test.each(['others-link-userinfo', 'others-link-off-platform'])('13.6 %s: validate rejects the link on its field', async (attack) => {
    const dir = await headOf(attack);
    const r = await runScriptWithin('validate.ts', ['--content', dir, '--json', '--today', TODAY], 90_000);
    const report = JSON.parse(r.stdout) as { errors: Array<{ file: string; field: string }> };
    expect(report.errors.some((e) => e.file === 'accounts/jsj/jsj-weibo.mdx' && e.field === 'link')).toBe(true);
    expect(r.code).toBe(1);
  });

  test('13.7 a unit\'s own early "reported" date does not hide a late change report', async () => {
    const head = await headOf('others-reported-backdated');
    const { report } = await prCheck(head, path.join(FIXTURES, 'base'), 'wang-laoshi');
    expect(report.late.some((l) => l.file === 'accounts/jsj/jsj-weibo.mdx') || report.violations.some((v) => v.file === 'accounts/jsj/jsj-weibo.mdx')).toBe(true);
  });

  test('13.7 only the office writes a review result: a unit flipping fail to pass fails the check', async () => {
    const base = path.join(await temp(), 'base');
    await cp(path.join(FIXTURES, 'base'), base, { recursive: true });
    const file = path.join(base, 'reviews/2025/qclg-wechat.yaml');
    await writeFile(file, (await readFile(file, 'utf8')).replace('outcome: pass', 'outcome: fail'));
    const head = await headOf('others-review-result-flip', base);
    const { code, report } = await prCheck(head, base, 'xcb-editor-not-office');
    expect(report.ok).toBe(false);
    expect(report.violations.some((v) => v.file === 'reviews/2025/qclg-wechat.yaml')).toBe(true);
    expect(code).toBe(1);
  });

  // pr-check's token cannot read team membership (fork PRs get no secrets), so ownership is
  // enforced by the required check 归口管理部门审核, which resolves teams with the App's token and
  // fails closed. The attack: a stranger edits a team-owned unit's filing and gets a friend's and
  // the office's approval; membership of @qclg/jsj cannot be confirmed for either of them.
  test('13.8 ownership fails closed: a stranger\'s edit to a team-owned unit cannot pass the required check', async () => {
    const head = await headOf('others-team-owner');
    const { registry } = await loadRegistry(path.join(FIXTURES, 'base'), { today: TODAY });
    const { registry: after } = await loadRegistry(head, { today: TODAY });
    const sha = 'a'.repeat(40);
    const approve = (login: string) => ({ login, state: 'APPROVED' as const, commitId: sha, submittedAt: '2026-11-21T01:00:00Z' });
    // Only the office team is known; any other team lookup is "cannot tell", which must count as no.
    const isOwner = (owner: string, login: string) => owner === `@${login}` || (owner === '@qclg/xcb' && login === 'office-1');
    const tiers = after.accounts.filter((a) => a.file === 'accounts/jsj/jsj-weibo.mdx').map((a) => a.data.tier);
    expect(tiers).toHaveLength(1);
    const verdict = decideOfficeApproval({ registry, files: [{ path: 'content/accounts/jsj/jsj-weibo.mdx', tiers }], author: 'stranger', headSha: sha, reviews: [approve('friend'), approve('office-1')], isOwner });
    expect(verdict.ok).toBe(false);
  });

  test.each(['job-write-all.yml', 'tojson-event.yml', 'env-laundering.yml', 'comment-checkout.yml'])('13.9 check:workflows rejects %s', async (name) => {
    const dir = path.join(ATTACKS, 'others-workflow-write-all', 'workflows');
    expect(await readdir(dir)).toContain(name);
    const r = await runScriptWithin('check-workflows.ts', [path.join(dir, name)], 60_000);
    expect(r.code).not.toBe(0);
    // The fixture is otherwise clean (timeout, concurrency, pinned checkout): the failure must come
    // from the attack pattern, not from a generic rule.
    const codes = [...(r.stdout + r.stderr).matchAll(/\[([a-z0-9/-]+)\]\s*$/gm)].map((m) => m[1]);
    expect(codes.filter((c) => !['timeout', 'concurrency', 'pin', 'persist-credentials'].includes(c!)).length).toBeGreaterThan(0);
  });
});
