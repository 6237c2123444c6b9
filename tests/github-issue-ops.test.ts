// Issue ops against a fake GitHub: a "file an account" issue-form submission becomes a PR whose
// filing validates, crediting the issue author and linking both; bad submissions get a reply.
import { mkdtemp, readdir, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FORM_LABELS, ISSUE_LABELS, unitOptions, withUnitDropdown, filingFromIssueForm, normalizeFormDate, normalizeFormPhone, parseIssueForm } from '../src/domain/issue-form.ts';
import { REPORT_LABEL } from '../src/domain/verify/report.ts';
import { plannedLabels } from '../scripts/github/setup.ts';
import { PLATFORM_IDS } from '../src/domain/platforms.ts';
import { loadRegistry } from '../src/registry/load.ts';
import { createClient } from '../scripts/github/client.ts';
import { runIssueToPr } from '../scripts/github/issue-to-pr.ts';
import { startFakeGitHub, type FakeGitHub } from './helpers/fake-github.ts';
import { GOOD_FORM, ROOT, formBody, put, writeFixtureRegistry } from './helpers/github-fixture.ts';

let fake: FakeGitHub;
let content: string;
beforeAll(async () => {
  fake = await startFakeGitHub();
  content = await writeFixtureRegistry();
});
afterAll(() => fake.stop());

// The workflow uses the registry bot App's token; GITHUB_TOKEN may not open PRs (403, repository setting off).
const client = () => createClient({ token: 'app-token', baseUrl: fake.url, retryBaseMs: 1 });
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

  test('one table of labels: every form applies a label setup creates (the impostor form\'s is the verify page\'s too)', async () => {
    const names = Object.values(ISSUE_LABELS).map((l) => l.name);
    for (const f of await readdir(path.join(ROOT, '.github/ISSUE_TEMPLATE'))) {
      if (!f.endsWith('.yml') || f === 'config.yml') continue;
      const form = parse(await readFile(path.join(ROOT, '.github/ISSUE_TEMPLATE', f), 'utf8')) as { labels?: string[] };
      for (const l of form.labels ?? []) expect(names, f).toContain(l);
    }
    expect(ISSUE_LABELS.impostor.name).toBe(REPORT_LABEL);
    const { registry } = await loadRegistry(content, { today: '2026-11-21' });
    expect(plannedLabels(registry).map((l) => l.name)).toEqual(expect.arrayContaining(names));
  });

  test('dates typed as 2026年12月5日 or 2026/12/5 and phones with spaces or dashes are normalised, not rejected', () => {
    expect(['2026年12月5日', '2026/12/5', '2026.12.05', ' 2026-12-5 ', '２０２６年１２月５日'].map(normalizeFormDate)).toEqual(['2026-12-05', '2026-12-05', '2026-12-05', '2026-12-05', '2026-12-05']);
    expect(normalizeFormDate('明年')).toBe('明年');
    expect(['139 1234 5678', '139-1234-5678', '+86 13912345678', '0571 8666 0002', '(0571)86660002', '0571-86660002'].map(normalizeFormPhone)).toEqual(['13912345678', '13912345678', '13912345678', '0571-86660002', '0571-86660002', '0571-86660002']);
    const r = filingFromIssueForm(formBody({ ...GOOD_FORM, plannedOpening: '2026年12月31日', adminMobile: '139 1234 0000', headOffice: '0571 8666 0002' }), '2026-11-21');
    expect(r.ok && r.text).toContain("plannedOpening: '2026-12-31'");
    expect(r.ok && r.text).toContain("mobile: '13912340000'");
    expect(r.ok && r.text).toContain("officePhone: '0571-86660002'");
  });

  test('the unit field is a dropdown generated from content/units/ (drift-checked) and its answer is read as the unit id', async () => {
    const text = await readFile(path.join(ROOT, '.github/ISSUE_TEMPLATE/file-account.yml'), 'utf8');
    const { registry } = await loadRegistry(path.join(ROOT, 'content'), { today: '2026-11-21' });
    expect(withUnitDropdown(text, unitOptions(registry.units))).toBe(text); // stale → run setup:repo -- --write-codeowners
    const form = parse(text) as { body: Array<{ id?: string; type: string; attributes: { options?: string[] } }> };
    const unit = form.body.find((b) => b.id === 'unit')!;
    expect(unit.type).toBe('dropdown');
    expect(unit.attributes.options).toContain('教务处（jwc）');
    const r = filingFromIssueForm(formBody({ ...GOOD_FORM, unit: '教务处（jwc）' }), '2026-11-21');
    expect(r.ok && r.path).toBe('accounts/jwc/jwc-douyin.mdx');
  });

  test('the form asks every field of the 审批表: 内容范围, 申请理由, 认证, 分管领导 and two admins reach the filing (contacts private)', async () => {
    const r = filingFromIssueForm(formBody({ ...GOOD_FORM, contentScope: '教学通知', reason: '方便学生', verification: '已认证（verified）', verificationSubject: '青川理工学院', leaderName: '赵副校长', leaderTitle: '副校长', leaderMobile: '138 0000 0003', admin2Name: '钱老师', admin2Mobile: '13800000004' }), '2026-11-21');
    expect(r.ok).toBe(true);
    const dir = await mkdtemp(path.join(tmpdir(), 'form-all-'));
    await writeFixtureRegistry(dir);
    await put(dir, r.ok ? r.path : 'x', r.ok ? r.text : '');
    const { findings, registry } = await loadRegistry(dir, { today: '2026-11-21' });
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    const a = registry.accounts.find((x) => x.data.id === 'jwc-douyin')!.data;
    expect(a).toMatchObject({ contentScope: '教学通知', reason: '方便学生', verification: { status: 'verified', subject: '青川理工学院' } });
    expect(a.contacts.leader).toMatchObject({ name: '赵副校长', title: '副校长', mobile: '13800000003' });
    expect(a.contacts.admins.map((x) => x.name)).toEqual(['李老师', '钱老师']);
    expect(filingFromIssueForm(formBody({ ...GOOD_FORM, admin2Name: '钱老师' }), '2026-11-21')).toMatchObject({ ok: false, problems: [{ field: '第二管理员手机号码' }] });
  });

  test('账号ID on the 审批表 becomes the platform\'s user-visible key (抖音号; a gh_ 原始ID or a 微信号 for a 公众号)', async () => {
    const backfill = { ...GOOD_FORM, filing: '已开通备案（backfill）', plannedOpening: undefined, opened: '2024-03-01' };
    const douyin = filingFromIssueForm(formBody({ ...backfill, accountId: '@qclg_jwc' }), '2026-11-21');
    const gh = filingFromIssueForm(formBody({ ...backfill, id: 'jwc-wechat', platform: '微信公众号（wechat-mp）', accountId: 'gh_3a1b2c3d4e5f' }), '2026-11-21');
    const wxid = filingFromIssueForm(formBody({ ...backfill, id: 'jwc-wechat', platform: '微信公众号（wechat-mp）', accountId: 'qclg_jwc' }), '2026-11-21');
    const kinds = [douyin, gh, wxid].map((r) => (r.ok ? (parse(r.text.split('---')[1]!) as { keys?: Array<{ kind: string; value: string }> }).keys : r.problems));
    expect(kinds).toEqual([[{ kind: 'douyin_id', value: 'qclg_jwc' }], [{ kind: 'gh', value: 'gh_3a1b2c3d4e5f' }], [{ kind: 'wxid', value: 'qclg_jwc' }]]);
    const dir = await mkdtemp(path.join(tmpdir(), 'form-id-'));
    await writeFixtureRegistry(dir);
    await put(dir, douyin.ok ? douyin.path : 'x', douyin.ok ? douyin.text : '');
    const { findings, registry } = await loadRegistry(dir, { today: '2026-11-21' });
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(registry.accounts.find((x) => x.data.id === 'jwc-douyin')!.data.keys).toEqual([{ kind: 'douyin_id', value: 'qclg_jwc' }]);
    expect(filingFromIssueForm(formBody({ ...backfill, platform: '微信群（wechat-group）', accountId: 'abc' }), '2026-11-21')).toMatchObject({ ok: false, problems: [{ field: '账号ID' }] });
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
    const issue = fake.addIssue({ title: '[备案表] 教务处抖音', body: formBody(GOOD_FORM), author: 'jwc-admin', labels: ['备案表'] });
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
    const again = await runIssueToPr(client(), repo(), { number: issue.number, body: formBody(GOOD_FORM), author: 'jwc-admin', createdAt: '2026-11-21T02:00:00Z' }, { contentDir: content });
    expect(again).toMatchObject({ outcome: 'exists', pr: pr.number });
    expect(fake.comments.filter((c) => c.issue_number === issue.number)).toHaveLength(1);

    // An edit after the PR exists updates the PR's filing (content update with the file's sha).
    const edited = await runIssueToPr(client(), repo(), { number: issue.number, body: formBody({ ...GOOD_FORM, purpose: '发布教学活动短视频和通知' }), author: 'jwc-admin', createdAt: '2026-11-21T02:00:00Z' }, { contentDir: content });
    expect(edited).toMatchObject({ outcome: 'updated', pr: pr.number });
    expect(fake.contents.get(`filing/issue-${issue.number}:content/accounts/jwc/jwc-douyin.mdx`)).toContain('发布教学活动短视频和通知');
    expect(fake.pulls.filter((p) => p.head.ref === `filing/issue-${issue.number}`)).toHaveLength(1);
    expect(fake.comments.filter((c) => c.issue_number === issue.number)).toHaveLength(1);
    expect(fake.violations).toEqual([]);
  });

  test('with the workflow token GitHub refuses the PR (403): the issue gets one clear reply, and a re-run never fails on the existing branch', async () => {
    fake.actionsCanCreatePullRequests = false;
    const wf = createClient({ token: 'test-token', baseUrl: fake.url, retryBaseMs: 1 });
    const issue = fake.addIssue({ title: '[备案表] 教务处快手', body: formBody({ ...GOOD_FORM, id: 'jwc-ks' }), author: 'jwc-admin', labels: ['备案表'] });
    const input = { number: issue.number, body: issue.body, author: 'jwc-admin', createdAt: '2026-11-21T02:00:00Z' };
    expect((await runIssueToPr(wf, repo(), input, { contentDir: content })).outcome).toBe('failed');
    expect((await runIssueToPr(wf, repo(), input, { contentDir: content })).outcome).toBe('failed');
    const replies = fake.comments.filter((c) => c.issue_number === issue.number);
    expect(replies).toHaveLength(1);
    expect(replies[0]!.body).toContain('GitHub 拒绝由工作流令牌创建合并请求');
    // The App's token then opens it from the branch already there.
    expect((await runIssueToPr(client(), repo(), input, { contentDir: content })).outcome).toBe('opened');
  });

  test('replies on the issue, without opening a PR, when the author is not the unit\'s owner or the filing is invalid', async () => {
    const pulls = fake.pulls.length;
    const stranger = fake.addIssue({ title: 'x', body: formBody({ ...GOOD_FORM, id: 'jwc-kuaishou' }), author: 'someone-else' });
    expect((await runIssueToPr(client(), repo(), { number: stranger.number, body: stranger.body, author: 'someone-else', createdAt: '2026-11-21T02:00:00Z' }, { contentDir: content })).outcome).toBe('invalid');
    const bad = fake.addIssue({ title: 'y', body: formBody({ ...GOOD_FORM, id: 'jwc-xhs', plannedOpening: '2026-02-30' }), author: 'jwc-admin' });
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
