// The office's approval decision (pure) as a table: who must approve each kind of change, and
// which approvals do not count (the author's own, an older commit, a non-owner, one person for two roles).
import { beforeAll, describe, expect, test } from 'vitest';
import { loadRegistry } from '../src/registry/load.ts';
import type { Registry } from '../src/domain/registry.ts';
import { decideOfficeApproval, isOfficeApprover, type ReviewInfo } from '../src/domain/office-approval.ts';
import { writeFixtureRegistry } from './helpers/github-fixture.ts';

const HEAD = 'h'.repeat(40);
const OLD = 'o'.repeat(40);
// Teams resolved by the adapter: the office team has office-1 and office-2.
const TEAMS: Record<string, string[]> = { '@qclg/xcb': ['office-1', 'office-2'] };
const isOwner = (owner: string, login: string) => owner.toLowerCase() === `@${login}`.toLowerCase() || (TEAMS[owner] ?? []).includes(login);
const approve = (login: string, commitId = HEAD, at = '2026-11-21T01:00:00Z'): ReviewInfo => ({ login, state: 'APPROVED', commitId, submittedAt: at });

let registry: Registry;
beforeAll(async () => {
  registry = (await loadRegistry(await writeFixtureRegistry(), { today: '2026-11-21' })).registry;
});

const decide = (files: Array<{ path: string; tiers?: number[] }>, author: string, reviews: ReviewInfo[]) => decideOfficeApproval({ registry, files, author, headSha: HEAD, reviews, isOwner });

describe('decideOfficeApproval()', () => {
  const TIER2 = { path: 'content/accounts/jwc/jwc-news.mdx', tiers: [2] };
  const TIER3 = { path: 'content/accounts/robot-club/robot-wechat.mdx', tiers: [3] };
  const TIER1 = { path: 'content/accounts/jwc/jwc-main.mdx', tiers: [1] };
  const cases: Array<[string, Array<{ path: string; tiers?: number[] }>, string, ReviewInfo[], boolean]> = [
    ['tier 2 approved only by the filing unit\'s own owner fails', [TIER2], 'someone', [approve('jwc-admin')], false],
    ['tier 2 approved by the unit and the office passes', [TIER2], 'someone', [approve('jwc-admin'), approve('office-1')], true],
    ['tier 2 approved only by the office fails (主办单位意见 missing)', [TIER2], 'someone', [approve('office-1')], false],
    ['tier 2 filed by the unit owner: their own approval never counts', [TIER2], 'jwc-admin', [approve('jwc-admin'), approve('office-1')], false],
    ['tier 1 needs only the office', [TIER1], 'jwc-admin', [approve('office-2')], true],
    ['tier 3 needs the supervising unit (校团委), not the club itself', [TIER3], 'someone', [approve('robot-admin'), approve('office-1')], false],
    ['tier 3 approved by 校团委 and the office passes', [TIER3], 'robot-admin', [approve('tw-admin'), approve('office-1')], true],
    ['an approval of an older commit does not count', [TIER2], 'someone', [approve('jwc-admin'), approve('office-1', OLD)], false],
    ['a later "changes requested" withdraws an approval', [TIER2], 'someone', [approve('jwc-admin'), approve('office-1'), { login: 'office-1', state: 'CHANGES_REQUESTED', commitId: HEAD, submittedAt: '2026-11-21T03:00:00Z' }], false],
    ['a dismissed approval does not count', [TIER2], 'someone', [approve('jwc-admin'), approve('office-1'), { login: 'office-1', state: 'DISMISSED', commitId: HEAD, submittedAt: '2026-11-21T03:00:00Z' }], false],
    ['office-only files (pages, policy, units, .github) need only the office', [{ path: 'content/pages/guide.mdx' }, { path: 'content/units/jwc.yaml' }, { path: '.github/workflows/ci.yml' }], 'jwc-admin', [approve('office-1')], true],
    ['office-only files approved by a unit owner fail', [{ path: 'content/policy.yaml' }], 'office-1', [approve('jwc-admin')], false],
    ['a unit owner approving a filing of another unit does not count', [TIER2], 'someone', [approve('tw-admin'), approve('office-1')], false],
    ['a tier lowered in the PR still needs what the base tier needs', [{ path: 'content/accounts/jwc/jwc-news.mdx', tiers: [2, 1] }], 'someone', [approve('office-1')], false],
    ['an unknown tier falls back to the unit kind\'s tier (fail closed)', [{ path: 'content/accounts/jwc/jwc-x.mdx' }], 'someone', [approve('office-1')], false],
    ['no reviews: fails', [TIER2], 'someone', [], false],
  ];
  test.each(cases)('%s', (_name, files, author, reviews, ok) => {
    expect(decide(files, author, reviews).ok).toBe(ok);
  });

  test('one person cannot fill two roles (an office member who is also the unit\'s owner)', () => {
    const both = (owner: string, login: string) => isOwner(owner, login) || (owner === '@jwc-admin' && login === 'office-1');
    const v = decideOfficeApproval({ registry, files: [TIER2], author: 'x', headSha: HEAD, reviews: [approve('office-1')], isOwner: both });
    expect(v.ok).toBe(false);
    const v2 = decideOfficeApproval({ registry, files: [TIER2], author: 'x', headSha: HEAD, reviews: [approve('office-1'), approve('office-2')], isOwner: both });
    expect(v2.ok).toBe(true);
  });

  test('explains, in Chinese, what is missing and which approvals were ignored; logins in code spans', () => {
    const v = decide([TIER2], 'jwc-admin', [approve('jwc-admin'), approve('office-1', OLD)]);
    expect(v.title).toBe('还缺 2 项审核：党委宣传部意见、主办单位意见（教务处）');
    expect(v.summary).toContain('| 主办单位意见（教务处） | `@jwc-admin` | 待批准 |');
    expect(v.summary).toContain('- `jwc-admin`：提交人本人的批准不算数');
    expect(v.summary).toContain('- `office-1`：批准的是较早的提交，最新提交后需要重新批准');
    expect(v.required.map((r) => [r.role, r.label, r.owners])).toEqual([
      ['office', '党委宣传部意见', ['@qclg/xcb']],
      ['unit', '主办单位意见（教务处）', ['@jwc-admin']],
    ]);
  });

  test('reads every preset\'s approver wording: the office (also 报备/备案 only) vs a unit', () => {
    expect(['党委宣传部', '归口管理部门', '办公室（报备）', '党委宣传统战部（备案）', '宣传统战部'].map((e) => isOfficeApprover(e, '党委宣传部'))).toEqual([true, true, true, true, true]);
    expect(['主办单位', '学生工作部、团委或所在学院', '所在部门主要负责人（签字盖章）', '所在学院（班级）或校团委（团学组织、社团）', '学工部或团委'].map((e) => isOfficeApprover(e, '党委宣传部'))).toEqual([false, false, false, false, false]);
  });
});

// The check against the strict fake GitHub with the registry bot App's token: team membership
// resolved through the API, a check run posted on the head commit, the bot's issue-ops PRs judged
// by the issue's author, and the workflow token refused the membership lookups (fail closed).
import { afterAll, afterEach } from 'vitest';
import { createClient } from '../scripts/github/client.ts';
import { runOfficeApproval } from '../scripts/github/office-approval.ts';
import { BOT_APP_ID, startFakeGitHub, type FakeGitHub } from './helpers/fake-github.ts';
import { accountText } from './helpers/github-fixture.ts';

describe('runOfficeApproval() against the strict fake GitHub', () => {
  let fake: FakeGitHub;
  beforeAll(async () => {
    fake = await startFakeGitHub();
    fake.teams.set('qclg/xcb', ['office-1', 'office-2']);
  });
  afterAll(() => fake.stop());
  afterEach(() => expect(fake.violations).toEqual([]));
  const app = () => createClient({ token: 'app-token', baseUrl: fake.url, retryBaseMs: 1 });
  const repo = () => ({ owner: fake.owner, repo: fake.repo });
  let n = 0;
  const tier2Pr = (author: string) => {
    const sha = (++n).toString(16).padStart(40, 'c');
    const pr = fake.addPull({ author, headSha: sha, files: ['content/accounts/jwc/jwc-news.mdx'] });
    fake.refs.set(`heads/${pr.head.ref}`, sha);
    fake.contents.set(`${pr.head.ref}:content/accounts/jwc/jwc-news.mdx`, accountText({ id: 'jwc-news', unit: 'jwc', name: '教务新闻', status: 'applied', tier: 2 }));
    return pr;
  };

  test('a PR approved only by the filing unit\'s own members fails the check; adding the office\'s approval passes it', async () => {
    const pr = tier2Pr('jwc-clerk');
    fake.addReview(pr, 'jwc-admin', 'APPROVED');
    const r1 = await runOfficeApproval(app(), repo(), { prNumber: pr.number, registry });
    expect(r1.verdict!.ok).toBe(false);
    expect(r1.ownershipProblems).toEqual(['content/accounts/jwc/jwc-news.mdx：提交人 jwc-clerk 不是单位 jwc 的登记负责人']);

    const pr2 = tier2Pr('jwc-admin');
    fake.addReview(pr2, 'jwc-admin', 'APPROVED');
    const r2 = await runOfficeApproval(app(), repo(), { prNumber: pr2.number, registry });
    expect(r2.verdict!.ok).toBe(false);
    fake.addReview(pr2, 'office-1', 'APPROVED');
    const r3 = await runOfficeApproval(app(), repo(), { prNumber: pr2.number, registry });
    expect(r3.verdict!.ok).toBe(false); // the author's own approval never counts: 主办单位意见 still missing
    const pr3 = tier2Pr('office-2');
    fake.addReview(pr3, 'jwc-admin', 'APPROVED');
    fake.addReview(pr3, 'office-1', 'APPROVED');
    const r4 = await runOfficeApproval(app(), repo(), { prNumber: pr3.number, registry });
    expect(r4.verdict!.ok).toBe(true);
    const runs = fake.checkRuns.filter((c) => c.head_sha === pr3.head.sha);
    expect(runs.map((c) => [c.name, c.conclusion, c.appId])).toEqual([['归口管理部门审核', 'success', BOT_APP_ID]]);
    expect(fake.checkRuns.filter((c) => c.head_sha === pr2.head.sha).map((c) => c.conclusion)).toEqual(['failure', 'failure']);
  });

  test('a new push makes earlier approvals stale: the check fails on the new head', async () => {
    const pr = tier2Pr('office-2');
    fake.addReview(pr, 'jwc-admin', 'APPROVED');
    fake.addReview(pr, 'office-1', 'APPROVED');
    pr.head.sha = 'd'.repeat(40);
    fake.refs.set(`heads/${pr.head.ref}`, pr.head.sha);
    const r = await runOfficeApproval(app(), repo(), { prNumber: pr.number, registry });
    expect(r.verdict!.ok).toBe(false);
    expect(fake.checkRuns.at(-1)).toMatchObject({ head_sha: 'd'.repeat(40), conclusion: 'failure' });
  });

  test('an issue-ops PR opened by the bot is judged by the issue\'s author, not trusted', async () => {
    const issue = fake.addIssue({ title: '备案表', body: 'x', author: 'stranger' });
    const sha = 'e'.repeat(40);
    const pr = fake.addPull({ author: 'registry-bot[bot]', authorType: 'Bot', headSha: sha, files: ['content/accounts/jwc/jwc-news.mdx'] });
    pr.head.ref = `filing/issue-${issue.number}`;
    fake.addReview(pr, 'jwc-admin', 'APPROVED');
    fake.addReview(pr, 'office-1', 'APPROVED');
    const r = await runOfficeApproval(app(), repo(), { prNumber: pr.number, registry, botLogins: ['registry-bot[bot]'] });
    expect(r.filedBy).toBe('stranger');
    expect(r.verdict!.ok).toBe(false);
    expect(r.ownershipProblems).toHaveLength(1);
    const own = fake.addIssue({ title: '备案表', body: 'x', author: 'jwc-admin' });
    const pr2 = fake.addPull({ author: 'registry-bot[bot]', authorType: 'Bot', headSha: 'f'.repeat(40), files: ['content/accounts/jwc/jwc-news.mdx'] });
    pr2.head.ref = `filing/issue-${own.number}`;
    fake.addReview(pr2, 'jwc-admin', 'APPROVED');
    fake.addReview(pr2, 'office-1', 'APPROVED');
    const r2 = await runOfficeApproval(app(), repo(), { prNumber: pr2.number, registry, botLogins: ['registry-bot[bot]'] });
    expect(r2.verdict!.ok).toBe(false); // jwc-admin filed it through the issue: their approval is self-approval
    fake.addReview(pr2, 'office-2', 'APPROVED');
    fake.addReview(pr2, 'office-1', 'APPROVED');
    expect((await runOfficeApproval(app(), repo(), { prNumber: pr2.number, registry, botLogins: ['registry-bot[bot]'] })).verdict!.ok).toBe(false);
  });

  test('with a workflow token the team lookups are refused (403) and the run fails: nothing is posted (fail closed)', async () => {
    const pr = tier2Pr('jwc-admin');
    fake.addReview(pr, 'office-1', 'APPROVED');
    const before = fake.checkRuns.length;
    const wf = createClient({ token: 'test-token', baseUrl: fake.url, retryBaseMs: 1 });
    await expect(runOfficeApproval(wf, repo(), { prNumber: pr.number, registry })).rejects.toMatchObject({ status: 403 });
    expect(fake.checkRuns.length).toBe(before);
  });
});

describe('scripts/office-approval.ts (as the workflow runs it)', () => {
  test('reads the workflow_run event\'s head commit, posts the check, and exits 0; a bad event is a usage error', async () => {
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    const { mkdtemp, writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const path = await import('node:path');
    const { ROOT, writeFixtureRegistry: write } = await import('./helpers/github-fixture.ts');
    const run = promisify(execFile);
    const fake = await startFakeGitHub();
    try {
      fake.teams.set('qclg/xcb', ['office-1']);
      const sha = '7'.repeat(40);
      const pr = fake.addPull({ author: 'office-1', headSha: sha, files: ['content/pages/guide.mdx'] });
      fake.addReview(pr, 'jwc-admin', 'APPROVED');
      const dir = await mkdtemp(path.join(tmpdir(), 'oa-cli-'));
      const event = path.join(dir, 'event.json');
      await writeFile(event, JSON.stringify({ workflow_run: { head_sha: sha, head_branch: '`rm -rf /`' } }));
      const content = await write();
      const env = { ...process.env, GITHUB_TOKEN: 'app-token', GITHUB_API_URL: fake.url, GITHUB_REPOSITORY: `${fake.owner}/${fake.repo}`, GITHUB_EVENT_PATH: event, REGISTRY_RETRY_BASE_MS: '1' };
      const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
      const { stdout } = await run(tsx, ['scripts/office-approval.ts', '--content', content], { cwd: ROOT, env });
      expect(stdout).toContain(`PR #${pr.number}：还缺 1 项审核：党委宣传部意见`);
      expect(fake.checkRuns.map((c) => [c.head_sha, c.conclusion])).toEqual([[sha, 'failure']]);
      await writeFile(event, JSON.stringify({ workflow_run: { head_sha: 'not-a-sha' } }));
      const bad = await run(tsx, ['scripts/office-approval.ts', '--content', content], { cwd: ROOT, env }).catch((e: { code: number }) => e);
      expect((bad as { code: number }).code).toBe(2);
      expect(fake.violations).toEqual([]);
    } finally {
      await fake.stop();
    }
  }, 60_000);
});
