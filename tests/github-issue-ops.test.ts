// Issue ops against a fake GitHub: a "file an account" issue-form submission becomes a PR whose
// filing validates, crediting the issue author and linking both; bad submissions get a reply.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FORM_LABELS, filingFromIssueForm, parseIssueForm } from '../src/domain/issue-form.ts';
import { PLATFORM_IDS } from '../src/domain/platforms.ts';
import { loadRegistry } from '../src/registry/load.ts';
import { createClient } from '../scripts/github/client.ts';
import { runIssueToPr } from '../scripts/github/issue-to-pr.ts';
import { startFakeGitHub, type FakeGitHub } from './helpers/fake-github.ts';
import { ROOT, put, writeFixtureRegistry } from './helpers/github-fixture.ts';

/** The issue body GitHub renders from the form. */
function formBody(answers: Partial<Record<keyof typeof FORM_LABELS, string>>): string {
  return Object.entries(FORM_LABELS)
    .map(([k, label]) => `### ${label}\n\n${answers[k as keyof typeof FORM_LABELS] ?? '_No response_'}`)
    .join('\n\n');
}

const GOOD = {
  unit: 'jwc',
  id: 'jwc-douyin',
  name: '青川理工教务处',
  platform: '抖音（douyin）',
  filing: '申请开通（new）',
  tier: '二级平台（2）',
  plannedOpening: '2026-12-31',
  purpose: '发布教学活动短视频',
  headName: '王主任',
  headTitle: '处长',
  headOffice: '0571-86660002',
  adminName: '李老师',
  adminMobile: '13912340000',
  adminEmail: 'li-canary@example.edu.cn',
};

let fake: FakeGitHub;
let content: string;
beforeAll(async () => {
  fake = await startFakeGitHub();
  content = await writeFixtureRegistry();
});
afterAll(() => fake.stop());

const client = () => createClient({ token: 't', baseUrl: fake.url, retryBaseMs: 1 });
const repo = () => ({ owner: fake.owner, repo: fake.repo });

describe('the issue form', () => {
  test('the template\'s labels and dropdown values are the ones the parser reads', async () => {
    const form = parse(await readFile(path.join(ROOT, '.github/ISSUE_TEMPLATE/file-account.yml'), 'utf8')) as { labels: string[]; body: Array<{ type: string; id?: string; attributes: { label?: string; options?: string[] } }> };
    expect(form.labels).toEqual(['备案表']);
    const fields = form.body.filter((b) => b.id);
    expect(Object.fromEntries(fields.map((f) => [f.id, f.attributes.label]))).toEqual(FORM_LABELS);
    const platforms = fields.find((f) => f.id === 'platform')!.attributes.options!;
    for (const o of platforms) expect(PLATFORM_IDS).toContain(/（([a-z0-9-]+)）$/.exec(o)![1]);
  });

  test('parseIssueForm() skips empty answers', () => {
    expect(parseIssueForm(formBody({ unit: 'jwc' }))).toEqual({ unit: 'jwc' });
  });

  test('filingFromIssueForm() names missing answers', () => {
    const r = filingFromIssueForm(formBody({ unit: 'jwc', id: 'Bad ID' }), '2026-11-21');
    expect(r.ok).toBe(false);
    expect(!r.ok && r.problems.map((p) => p.field)).toContain('账号编号');
  });
});

describe('runIssueToPr()', () => {
  test('turns a submission into a PR whose filing validates, credits the author, links both ways and removes contacts from the issue', async () => {
    const issue = fake.addIssue({ title: '[备案表] 教务处抖音', body: formBody(GOOD), author: 'jwc-admin', labels: ['备案表'] });
    const r = await runIssueToPr(client(), repo(), { number: issue.number, body: issue.body, author: 'jwc-admin', authorId: 4242, createdAt: '2026-11-21T02:00:00Z' }, { contentDir: content });
    expect(r.outcome).toBe('opened');
    const pr = fake.pulls.find((p) => p.number === r.pr)!;
    expect(pr.title).toBe(`新开备案：jwc-douyin（来自 #${issue.number}）`);
    expect(pr.body).toContain(`由 @jwc-admin 通过备案表 #${issue.number} 提交`);
    expect(pr.body).toContain(`Closes #${issue.number}`);
    expect(fake.commitMessages[0]).toContain('Co-authored-by: jwc-admin <4242+jwc-admin@users.noreply.github.com>');
    expect(fake.comments.find((c) => c.issue_number === issue.number)!.body).toContain(`已生成合并请求 #${pr.number}`);

    // The committed filing validates with the registry's own loader.
    const text = fake.contents.get(`filing/issue-${issue.number}:content/accounts/jwc/jwc-douyin.mdx`)!;
    const dir = await mkdtemp(path.join(tmpdir(), 'issue-pr-'));
    await writeFixtureRegistry(dir);
    await put(dir, 'accounts/jwc/jwc-douyin.mdx', text);
    const { findings, registry } = await loadRegistry(dir, { today: '2026-11-21' });
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(registry.accounts.find((a) => a.data.id === 'jwc-douyin')!.data).toMatchObject({ status: 'applied', dates: { applied: '2026-11-21', plannedOpening: '2026-12-31' } });

    // The contacts are gone from the issue; the PR and comments never carried them.
    expect(issue.body).not.toContain('13912340000');
    expect(issue.body).not.toContain('li-canary@example.edu.cn');
    expect(issue.body).toContain('（已写入备案文件，已从本 Issue 删除）');
    expect(JSON.stringify([fake.pulls, fake.comments])).not.toMatch(/13912340000|li-canary|0571-86660002/);

    // Editing the issue again does not open a second PR.
    const again = await runIssueToPr(client(), repo(), { number: issue.number, body: formBody(GOOD), author: 'jwc-admin', createdAt: '2026-11-21T02:00:00Z' }, { contentDir: content });
    expect(again).toMatchObject({ outcome: 'exists', pr: pr.number });
  });

  test('replies on the issue, without opening a PR, when the author is not the unit\'s owner or the filing is invalid', async () => {
    const pulls = fake.pulls.length;
    const stranger = fake.addIssue({ title: 'x', body: formBody({ ...GOOD, id: 'jwc-kuaishou' }), author: 'someone-else' });
    expect((await runIssueToPr(client(), repo(), { number: stranger.number, body: stranger.body, author: 'someone-else', createdAt: '2026-11-21T02:00:00Z' }, { contentDir: content })).outcome).toBe('invalid');
    const bad = fake.addIssue({ title: 'y', body: formBody({ ...GOOD, id: 'jwc-xhs', plannedOpening: '2026-02-30' }), author: 'jwc-admin' });
    expect((await runIssueToPr(client(), repo(), { number: bad.number, body: bad.body, author: 'jwc-admin', createdAt: '2026-11-21T02:00:00Z' }, { contentDir: content })).outcome).toBe('invalid');
    expect(fake.pulls.length).toBe(pulls);
    expect(fake.comments.find((c) => c.issue_number === stranger.number)!.body).toMatchInlineSnapshot(`
      "<!-- campus-registry:issue-ops -->
      ### 备案检查未通过

      - 提交人不是单位 jwc 的登记负责人（units/jwc.yaml 的 owners），只能为本单位备案

      请编辑本 Issue 修改后保存，系统会重新检查。"
    `);
    expect(fake.comments.find((c) => c.issue_number === bad.number)!.body).toMatchInlineSnapshot(`
      "<!-- campus-registry:issue-ops -->
      ### 备案检查未通过

      - dates.plannedOpening：「拟开通时间」不是真实存在的日期

      请编辑本 Issue 修改后保存，系统会重新检查。"
    `);
    // Real assertions beside the snapshots, so `vitest -u` cannot accept a comment that stops naming the reason.
    expect(fake.comments.find((c) => c.issue_number === stranger.number)!.body).toContain('提交人不是单位 jwc 的登记负责人');
    expect(fake.comments.find((c) => c.issue_number === bad.number)!.body).toMatch(/dates\.plannedOpening.*不是真实存在的日期/);
  });
});
