// The PR bot against a fake GitHub over HTTP: one comment created then updated, labels, reviewer
// requests, PRs from forks found by head SHA, an untrusted report rejected.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, cp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { loadRegistry } from '../src/registry/load.ts';
import type { Registry } from '../src/domain/registry.ts';
import { createClient } from '../scripts/github/client.ts';
import { runPrBot } from '../scripts/github/pr-bot.ts';
import { startFakeGitHub, type FakeGitHub } from './helpers/fake-github.ts';
import { CANARY, ROOT, accountText, put, writeFixtureRegistry } from './helpers/github-fixture.ts';

const TSX = path.join(ROOT, 'node_modules/.bin/tsx');
const SHA1 = '1'.repeat(40);
const SHA2 = '2'.repeat(40);
const SHA3 = '3'.repeat(40);

let fake: FakeGitHub;
let base: string;
let registry: Registry;

/** Runs pr-check (this checkout's code) on a PR content folder; returns the report text. */
async function prCheck(head: string, author: string, headSha: string): Promise<string> {
  const out = path.join(await mkdtemp(path.join(tmpdir(), 'pr-report-')), 'pr-report.json');
  try {
    execFileSync(TSX, ['scripts/pr-check.ts', '--content', head, '--base-content', base, '--author', author, '--head-sha', headSha, '--report', out, '--today', '2026-11-21', '--pr-date', '2026-11-20'], { cwd: ROOT, stdio: 'pipe' });
  } catch {
    // exit 1 = problems found; the report is still written
  }
  return readFile(out, 'utf8');
}

async function headWith(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'pr-head-'));
  await cp(base, dir, { recursive: true });
  for (const [rel, text] of Object.entries(files)) await put(dir, rel, text);
  return dir;
}

const client = () => createClient({ token: 'test-token', baseUrl: fake.url, retryBaseMs: 1 });
const repo = () => ({ owner: fake.owner, repo: fake.repo });

beforeAll(async () => {
  fake = await startFakeGitHub();
  base = await writeFixtureRegistry();
  registry = (await loadRegistry(base, { today: '2026-11-21' })).registry;
});
afterAll(() => fake.stop());

describe('runPrBot()', () => {
  test('creates one comment, then updates it in place on the next push; labels and reviewers are set once', async () => {
    const file = 'accounts/jwc/jwc-news.mdx';
    const pr = fake.addPull({ author: 'jwc-admin', headSha: SHA1, files: [`content/${file}`] });
    const head1 = await headWith({ [file]: accountText({ id: 'jwc-news', unit: 'jwc', name: '青川理工教务新闻', status: 'applied' }) });
    const report1 = await prCheck(head1, 'jwc-admin', SHA1);

    const first = await runPrBot(client(), repo(), { headSha: SHA1, reportText: report1, registry });
    expect(first).toMatchObject({ pr: pr.number, comment: 'created', reportAccepted: true });
    expect(first.labels?.added).toEqual(['单位:jwc', '备案:新开', '级别:二级平台']);
    expect(pr.requested_reviewers).toEqual([]); // the author is the unit's only owner: nobody else to ask
    const mine = fake.comments.filter((c) => c.issue_number === pr.number);
    expect(mine).toHaveLength(1);
    expect(mine[0]!.body).toMatchInlineSnapshot(`
      "<!-- campus-registry:pr-report -->
      ### ✅ 备案检查通过

      **本次提交**

      - 新开备案：\`accounts/jwc/jwc-news.mdx\` — 「青川理工教务新闻」 · 微信公众号 · 二级平台

      **需要谁审核**

      - 教务处（主办单位意见）：\`@jwc-admin\`
      - 党委宣传部（归口管理部门意见）：\`@qclg/xcb\`

      以上审核须针对最新提交、且不能由提交人本人批准；齐全后必需检查“归口管理部门审核”通过，方可合并。

      <sub>此评论由登记系统自动生成并随每次提交更新。联系方式等个人信息不会出现在评论中。</sub>"
    `);
    // Not only a snapshot: the verdict, the reviewers, and no phone or email in the comment.
    expect(mine[0]!.body).toContain('✅ 备案检查通过');
    expect(mine[0]!.body).toContain('`@qclg/xcb`');
    expect(mine[0]!.body).not.toMatch(/1[3-9]\d{9}|[\w.-]+@[\w-]+\.[a-z]/);

    // Same report again: nothing to write.
    const writesBefore = fake.writes().length;
    const again = await runPrBot(client(), repo(), { headSha: SHA1, reportText: report1, registry });
    expect(again.comment).toBe('unchanged');
    expect(fake.writes().length).toBe(writesBefore);

    // A new push that sets approval fields and has an error: the same comment is updated.
    pr.head.sha = SHA2;
    fake.commitPulls.set(SHA2, [pr.number]);
    const bad = accountText({ id: 'jwc-news', unit: 'jwc', name: '青川理工教务新闻', status: 'applied', approval: '2026-0099' }).replace("plannedOpening: '2026-12-20'", "plannedOpening: '2026-02-30'");
    const report2 = await prCheck(await headWith({ [file]: bad }), 'jwc-admin', SHA2);
    const second = await runPrBot(client(), repo(), { headSha: SHA2, reportText: report2, registry });
    expect(second.comment).toBe('updated');
    const after = fake.comments.filter((c) => c.issue_number === pr.number);
    expect(after).toHaveLength(1);
    expect(after[0]!.body).toMatchInlineSnapshot(`
      "<!-- campus-registry:pr-report -->
      ### ❌ 备案检查未通过：2 个问题需要修改

      **本次提交**

      - 新开备案：\`accounts/jwc/jwc-news.mdx\`

      **需要修改的问题**

      | 文件 | 位置 | 问题 |
      |---|---|---|
      | \`accounts/jwc/jwc-news.mdx\` | 第 1 行 | 审批信息 approval（审批号、审批日期）由合并后的自动流程填写，请删除该字段 |
      | \`accounts/jwc/jwc-news.mdx\` | 第 12 行 dates.plannedOpening | 「拟开通时间」不是真实存在的日期 |

      **需要谁审核**

      - 教务处（主办单位意见）：\`@jwc-admin\`
      - 党委宣传部（归口管理部门意见）：\`@qclg/xcb\`

      以上审核须针对最新提交、且不能由提交人本人批准；齐全后必需检查“归口管理部门审核”通过，方可合并。

      <sub>此评论由登记系统自动生成并随每次提交更新。联系方式等个人信息不会出现在评论中。</sub>"
    `);
  });

  test('finds a PR from a fork by its head SHA, labels it and requests the unit and supervising owners', async () => {
    const file = 'accounts/robot-club/robot-club-bili.mdx';
    const pr = fake.addPull({ author: 'student-x', headSha: SHA3, files: [`content/${file}`], fork: 'student-x/media-registry' });
    expect(fake.commitPulls.get(SHA3)).toBeUndefined(); // GitHub does not associate fork heads with the base repository
    const head = await headWith({ [file]: accountText({ id: 'robot-club-bili', unit: 'robot-club', name: '青川理工机器人协会', status: 'applied', tier: 3 }) });
    const report = await prCheck(head, 'student-x', SHA3);
    const r = await runPrBot(client(), repo(), { headSha: SHA3, reportText: report, registry });
    expect(r.pr).toBe(pr.number);
    expect(pr.labels.map((l) => l.name).sort()).toEqual(['单位:robot-club', '备案:新开', '级别:三级平台']);
    expect(pr.requested_reviewers.map((u) => u.login).sort()).toEqual(['robot-admin', 'tw-admin']);
    const body = fake.comments.find((c) => c.issue_number === pr.number)!.body;
    expect(body).toContain('提交人不是单位 robot-club 的登记负责人');
    expect(body).toContain('校团委（上级单位意见）：`@tw-admin`');
    // Tier 3: the club's own owner does not sign for it (the required check would not count it).
    expect(body).not.toContain('机器人协会（主办单位意见）');
  });

  test('lists a change reported after its window as a late filing, without blocking', async () => {
    const sha = '5'.repeat(40);
    const file = 'accounts/jwc/jwc-wechat.mdx';
    const pr = fake.addPull({ author: 'jwc-admin', headSha: sha, files: [`content/${file}`] });
    const text = (await readFile(path.join(base, file), 'utf8')).replace('contacts:', "history:\n  - date: '2026-10-08'\n    kind: admins\n    summary: 更换管理员\ncontacts:");
    const report = await prCheck(await headWith({ [file]: text }), 'jwc-admin', sha);
    await runPrBot(client(), repo(), { headSha: sha, reportText: report, registry });
    expect(pr.labels.map((l) => l.name).sort()).toEqual(['单位:jwc', '备案:变更', '级别:二级平台']);
    const body = fake.comments.find((c) => c.issue_number === pr.number)!.body;
    expect(body.split('\n').filter((l) => l.startsWith('###') || l.includes('逾期') || l.includes('晚了'))).toMatchInlineSnapshot(`
      [
        "### ✅ 备案检查通过",
        "**逾期报备**（如实记录，不影响合并；逾期情况会计入年审）",
        "- \`accounts/jwc/jwc-wechat.mdx\`：账号 jwc-wechat：信息变更报备，期限为 2026-10-15，实际于 2026-11-21 办理，晚了 37 天（依据：第四条）",
      ]
    `);
  });

  test('treats the report as untrusted: a forged or mismatched report is not rendered, and no private value reaches GitHub', async () => {
    const sha = '4'.repeat(40);
    const pr = fake.addPull({ author: 'jwc-admin', headSha: sha, files: ['content/accounts/jwc/jwc-wechat.mdx'], labels: ['备案:变更', '无关标签'] });
    const forged = JSON.stringify({ version: 1, ok: true, errors: [], warnings: [], changes: [{ file: 'accounts/jwc/jwc-wechat.mdx', kind: 'new', name: '<img src=x onerror=alert(1)>' }], violations: [], late: [] });
    const r = await runPrBot(client(), repo(), { headSha: sha, reportText: forged, registry });
    expect(r.reportAccepted).toBe(false);
    const body = fake.comments.find((c) => c.issue_number === pr.number)!.body;
    expect(body).toContain('没有拿到本次提交的检查结果');
    expect(body).not.toContain('<img');
    expect(pr.labels.map((l) => l.name)).toContain('无关标签');
    const everything = JSON.stringify(fake.requests);
    for (const v of Object.values(CANARY)) expect(everything).not.toContain(v);
  });

  test('works for team-owned units with the workflow token: no team request (422 on GitHub), nobody who reviewed asked again, a refused user never fails the run', async () => {
    const dir = await mkdtemp(path.join(tmpdir(), 'team-reg-'));
    await cp(base, dir, { recursive: true });
    await put(dir, 'units/hg.yaml', "id: hg\nname: 化学与材料工程学院\nkind: college\nstatus: active\nheadTitle: 院长\nowners: ['@qclg/hg', '@hg-admin', '@hg-old', '@hg-gone']\n");
    const reg = (await loadRegistry(dir, { today: '2026-11-21' })).registry;
    fake.collaborators.add('hg-admin');
    fake.collaborators.add('hg-old'); // 'hg-gone' has left: GitHub refuses to request them (422)
    const sha = '6'.repeat(40);
    const pr = fake.addPull({ author: 'someone', headSha: sha, files: ['content/accounts/hg/hg-news.mdx'] });
    fake.addReview(pr, 'hg-old', 'COMMENTED');
    const r = await runPrBot(client(), repo(), { headSha: sha, reportText: undefined, registry: reg });
    expect(r.reviewers).toEqual({ users: ['hg-admin'], teams: [], refused: ['hg-gone'] });
    expect(pr.requested_reviewers.map((u) => u.login)).toEqual(['hg-admin']);
    expect(pr.requested_teams).toEqual([]);
    expect(fake.requests.some((q) => JSON.stringify(q.body ?? '').includes('team_reviewers'))).toBe(false);
    // A retry of the same run: no second comment, nobody asked again.
    const writes = fake.writes().length;
    await runPrBot(client(), repo(), { headSha: sha, reportText: undefined, registry: reg });
    expect(fake.comments.filter((c) => c.issue_number === pr.number)).toHaveLength(1);
    expect(fake.writes().slice(writes).filter((w) => w.path.endsWith('/requested_reviewers')).map((w) => w.body)).toEqual([{ reviewers: ['hg-gone'] }]);
    expect(fake.violations).toEqual([]);
  });

  test('does nothing when no open PR has the head SHA', async () => {
    const before = fake.requests.length;
    const r = await runPrBot(client(), repo(), { headSha: 'f'.repeat(40), reportText: undefined, registry });
    expect(r.pr).toBeUndefined();
    expect(fake.requests.slice(before).every((q) => q.method === 'GET')).toBe(true);
  });
});
