// Issue ops against the strict fake GitHub on 127.0.0.1 (real octokit, real HTTP): the exact reply
// for an incomplete form, a taken account id and a filing that breaks the rules; the PR, commit and
// reply for a good form; GitHub's refusals (403) answered on the issue; a PR opened meanwhile (422).
import { mkdir, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createClient } from '../../scripts/github/client.ts';
import { runIssueToPr, type FormIssue } from '../../scripts/github/issue-to-pr.ts';
import { FORM_LABELS, filingFromIssueForm } from '../../src/domain/issue-form.ts';
import { escapeMarkdown } from '../../src/domain/pr-report.ts';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.ts';
import { loadRegistry } from '../../src/registry/load.ts';
import { GOOD_FORM, formBody, put, writeFixtureRegistry } from '../helpers/github-fixture.ts';

const MARK = '<!-- campus-registry:issue-ops -->';

let fake: FakeGitHub;
let content: string;
beforeAll(async () => {
  fake = await startFakeGitHub();
  content = await writeFixtureRegistry();
});
afterAll(() => fake.stop());
beforeEach(() => {
  fake.requests = [];
});
afterEach(() => expect(fake.violations).toEqual([]));

const app = () => createClient({ token: 'app-token', baseUrl: fake.url, retryBaseMs: 1 });
const workflow = () => createClient({ token: 'test-token', baseUrl: fake.url, retryBaseMs: 1 });
const repo = () => ({ owner: fake.owner, repo: fake.repo });
/** A new issue with `body` by `author`. */
function issueOf(body: string, author = 'jwc-admin', authorId?: number): FormIssue {
  const i = fake.addIssue({ title: '备案表', body, author });
  return { number: i.number, body, author, ...(authorId ? { authorId } : {}), createdAt: '2026-11-21T02:00:00Z' };
}
const replies = (n: number) => fake.comments.filter((c) => c.issue_number === n).map((c) => c.body);
let idN = 0;
const freshId = () => `jwc-dy${++idN}`;

describe('runIssueToPr(): answers on the issue', () => {
  test('an incomplete form gets the list of problems and nothing else happens', async () => {
    const body = formBody({ ...GOOD_FORM, id: freshId(), adminName: '' });
    const problems = (() => {
      const f = filingFromIssueForm(body, '2026-11-21');
      return f.ok ? [] : f.problems;
    })();
    expect(problems.length).toBeGreaterThan(0);
    const issue = issueOf(body);
    expect(await runIssueToPr(app(), repo(), issue, { contentDir: content })).toEqual({ outcome: 'invalid' });
    expect(replies(issue.number)).toEqual([
      [MARK, '### 备案表还不完整', '', ...problems.map((p) => `- ${escapeMarkdown(p.field)}：${escapeMarkdown(p.message)}`), '', '请点击本 Issue 右上角“…”→“Edit”修改后保存，系统会重新检查。'].join('\n'),
    ]);
    expect(fake.writes().map((w) => w.method)).toEqual(['POST']);
  });

  test('an account id that is already filed is refused with its path', async () => {
    const issue = issueOf(formBody({ ...GOOD_FORM, id: 'jwc-wechat' }));
    expect(await runIssueToPr(app(), repo(), issue, { contentDir: content, contentPrefix: 'data' })).toEqual({ outcome: 'invalid' });
    expect(replies(issue.number)).toEqual([`${MARK}\n### 账号编号已被使用\n\n\`data/accounts/jwc/jwc-wechat.mdx\` 已存在。信息变更或停办请使用“报告变更或停办”表单；新账号请换一个账号编号。`]);
  });

  test('a filing for a unit the filer does not own breaks the rules, unless the filer is in the office (any case)', async () => {
    const body = formBody({ ...GOOD_FORM, id: freshId() });
    const issue = issueOf(body, 'Stranger');
    expect(await runIssueToPr(app(), repo(), issue, { contentDir: content, officeMembers: ['someone-else'] })).toEqual({ outcome: 'invalid' });
    const [reply] = replies(issue.number);
    expect(reply!.startsWith(`${MARK}\n### 备案检查未通过\n\n- `)).toBe(true);
    expect(reply!.endsWith('\n\n请编辑本 Issue 修改后保存，系统会重新检查。')).toBe(true);
    const issue2 = issueOf(body, 'Stranger');
    expect(await runIssueToPr(app(), repo(), issue2, { contentDir: content, officeMembers: ['stranger'] })).toMatchObject({ outcome: 'opened' });
  });
});

describe('runIssueToPr(): the pull request', () => {
  test('a good form opens a PR crediting the author, replies with its number and removes the contacts from the issue', async () => {
    const id = freshId();
    const issue = issueOf(formBody({ ...GOOD_FORM, id }), 'jwc-admin', 4242);
    const r = await runIssueToPr(app(), repo(), issue, { contentDir: content });
    const pr = fake.pulls.at(-1)!;
    expect(r).toEqual({ outcome: 'opened', pr: pr.number, path: `accounts/jwc/${id}.mdx` });
    expect(pr.head.ref).toBe(`filing/issue-${issue.number}`);
    expect(pr.title).toBe(`新开备案：${id}（来自 #${issue.number}）`);
    expect(pr.body).toBe(
      `由 @jwc-admin 通过备案表 #${issue.number} 提交，登记系统自动生成备案文件 \`content/accounts/jwc/${id}.mdx\`。\n\n须经本单位（及上级单位，按平台级别）和归口管理部门审核；“归口管理部门审核”检查通过后方可合并，合并后系统自动登记审批号。\n\nCloses #${issue.number}`,
    );
    expect(fake.commitMessages.at(-1)).toBe(`新开备案：${id}（来自 #${issue.number}）\n\nCo-authored-by: jwc-admin <4242+jwc-admin@users.noreply.github.com>`);
    expect(replies(issue.number)).toEqual([`${MARK}\n### 已生成合并请求 #${pr.number}\n\n备案文件已提交到 #${pr.number}，请单位负责人在该合并请求中审核。联系方式已写入备案文件，并已从本 Issue 正文中删除。`]);
    const stored = fake.issues.find((i) => i.number === issue.number)!.body;
    expect(stored).not.toContain('13912340000');
    expect(stored).not.toBe(issue.body);

    // The same event again (the event carries the body as submitted): nothing changes, the reply says the PR exists.
    const again = await runIssueToPr(app(), repo(), issue, { contentDir: content });
    expect(again).toEqual({ outcome: 'exists', pr: pr.number, path: `accounts/jwc/${id}.mdx` });
    expect(replies(issue.number)).toEqual([`${MARK}\n### 合并请求 #${pr.number} 已存在\n\n备案文件已提交到 #${pr.number}，请单位负责人在该合并请求中审核。联系方式已写入备案文件，并已从本 Issue 正文中删除。`]);

    // The issue edited: the filing on the branch follows, the reply says so.
    const edited = formBody({ ...GOOD_FORM, id, purpose: '发布教学活动短视频和通知' });
    expect(await runIssueToPr(app(), repo(), { ...issue, body: edited }, { contentDir: content })).toEqual({ outcome: 'updated', pr: pr.number, path: `accounts/jwc/${id}.mdx` });
    expect(replies(issue.number)[0]!.split('\n')[1]).toBe(`### 合并请求 #${pr.number} 已按修改后的备案表更新`);
  });

  test('an author without a known id is credited by login only', async () => {
    const issue = issueOf(formBody({ ...GOOD_FORM, id: freshId() }), 'jwc-admin');
    await runIssueToPr(app(), repo(), issue, { contentDir: content });
    expect(fake.commitMessages.at(-1)!.endsWith('\n\nCo-authored-by: jwc-admin <jwc-admin@users.noreply.github.com>')).toBe(true);
  });

  test('a PR opened meanwhile (422 "already exists") is used', async () => {
    const id = freshId();
    const issue = issueOf(formBody({ ...GOOD_FORM, id }));
    await runIssueToPr(app(), repo(), issue, { contentDir: content });
    const pr = fake.pulls.at(-1)!;
    fake.fail('GET', /\/pulls$/, { status: 200, body: [] });
    const edited = formBody({ ...GOOD_FORM, id, purpose: '另一个用途' });
    expect(await runIssueToPr(app(), repo(), { ...issue, body: edited }, { contentDir: content })).toEqual({ outcome: 'updated', pr: pr.number, path: `accounts/jwc/${id}.mdx` });
  });

  test('a 422 with no PR to be found, or any other refusal, fails the run', async () => {
    const issue = issueOf(formBody({ ...GOOD_FORM, id: freshId() }));
    fake.fail('POST', /\/pulls$/, { status: 422, body: { message: 'Validation Failed' } });
    await expect(runIssueToPr(app(), repo(), issue, { contentDir: content })).rejects.toMatchObject({ status: 422 });
    fake.fail('POST', /\/pulls$/, { status: 404, body: { message: 'Not Found' } });
    await expect(runIssueToPr(app(), repo(), issue, { contentDir: content })).rejects.toMatchObject({ status: 404 });
  });

  test('the workflow token may not open PRs (403): the branch is kept and the reply says what to set up', async () => {
    const id = freshId();
    const issue = issueOf(formBody({ ...GOOD_FORM, id }));
    expect(await runIssueToPr(workflow(), repo(), issue, { contentDir: content })).toEqual({ outcome: 'failed', path: `accounts/jwc/${id}.mdx` });
    expect(replies(issue.number)).toEqual([
      `${MARK}\n### 暂时无法生成合并请求\n\n备案文件已保存在分支 \`filing/issue-${issue.number}\`，但 GitHub 拒绝由工作流令牌创建合并请求。请归口管理部门按 README“仓库设置”为“备案表转合并请求”配置登记机器人 App，然后重新运行该工作流或编辑本 Issue。`,
    ]);
    expect(fake.issues.find((i) => i.number === issue.number)!.body).toBe(issue.body);
  });

  test('a token that may not write the repository (403 on the file) is answered; another error fails the run', async () => {
    const id = freshId();
    const issue = issueOf(formBody({ ...GOOD_FORM, id }));
    fake.fail('PUT', /\/contents\//, { status: 403, body: { message: 'Resource not accessible by integration' } });
    expect(await runIssueToPr(app(), repo(), issue, { contentDir: content })).toEqual({ outcome: 'failed', path: `accounts/jwc/${id}.mdx` });
    expect(replies(issue.number)).toEqual([
      `${MARK}\n### 暂时无法生成合并请求\n\n登记系统的令牌没有写入仓库的权限。请归口管理部门检查登记机器人 App 的安装与权限（见 README“仓库设置”），然后重新运行该工作流或编辑本 Issue。`,
    ]);
    fake.fail('PUT', /\/contents\//, { status: 422, body: { message: 'Invalid request.' } });
    await expect(runIssueToPr(app(), repo(), issue, { contentDir: content })).rejects.toMatchObject({ status: 422 });
  });
});

describe('runIssueToPr(): the validation copy and the rules', () => {
  test('the filing is checked in a copy made inside the temp folder, removed afterwards (also when it is refused)', async () => {
    // A temp folder whose own name is 250 characters long: a copy made next to it instead of inside
    // it would need a longer file name than the file system allows.
    const base = await mkdtemp(path.join(tmpdir(), 'gd-'));
    const own = path.join(base, 'x'.repeat(250));
    await mkdir(own);
    const saved = process.env.TMPDIR;
    process.env.TMPDIR = own;
    try {
      const id = freshId();
      const issue = issueOf(formBody({ ...GOOD_FORM, id }));
      expect(await runIssueToPr(app(), repo(), issue, { contentDir: content })).toMatchObject({ outcome: 'opened', path: `accounts/jwc/${id}.mdx` });
      expect(await readdir(own)).toEqual([]);
      const refused = issueOf(formBody({ ...GOOD_FORM, id: freshId() }), 'tw-admin');
      expect(await runIssueToPr(app(), repo(), refused, { contentDir: content })).toEqual({ outcome: 'invalid' });
      expect(await readdir(own)).toEqual([]);
      expect(await readdir(base)).toEqual(['x'.repeat(250)]);
    } finally {
      if (saved === undefined) delete process.env.TMPDIR;
      else process.env.TMPDIR = saved;
      await rm(base, { recursive: true, force: true });
    }
  });

  test('an error in another filing of the registry does not block the issue\'s own filing', async () => {
    const dir = await writeFixtureRegistry();
    try {
      await put(dir, 'accounts/jwc/jwc-broken.mdx', '---\nid: jwc-broken\nunit: jwc\n---\n');
      const loaded = await loadRegistry(dir, { today: '2026-11-21' });
      expect(loaded.findings.filter((f) => f.severity === 'error').map((f) => f.file)).toContain('accounts/jwc/jwc-broken.mdx');
      const id = freshId();
      const issue = issueOf(formBody({ ...GOOD_FORM, id }));
      expect(await runIssueToPr(app(), repo(), issue, { contentDir: dir })).toMatchObject({ outcome: 'opened', path: `accounts/jwc/${id}.mdx` });
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });

  test('without a list of office members nobody is the office: a filer who owns no unit breaks the rules', async () => {
    for (const author of ['Stryker was here', 'stranger']) {
      const issue = issueOf(formBody({ ...GOOD_FORM, id: freshId() }), author);
      expect(await runIssueToPr(app(), repo(), issue, { contentDir: content })).toEqual({ outcome: 'invalid' });
      expect(replies(issue.number)[0]!.split('\n').slice(0, 3)).toEqual([MARK, '### 备案检查未通过', '']);
    }
  });
});

describe('runIssueToPr(): an existing pull request', () => {
  test('when the branch already has an open PR, no second PR is requested', async () => {
    const id = freshId();
    const issue = issueOf(formBody({ ...GOOD_FORM, id }));
    await runIssueToPr(app(), repo(), issue, { contentDir: content });
    const pr = fake.pulls.at(-1)!;
    fake.requests = [];
    const edited = formBody({ ...GOOD_FORM, id, purpose: '发布教学通知' });
    expect(await runIssueToPr(app(), repo(), { ...issue, body: edited }, { contentDir: content })).toEqual({ outcome: 'updated', pr: pr.number, path: `accounts/jwc/${id}.mdx` });
    expect(fake.requests.filter((r) => r.method === 'POST' && r.path.endsWith('/pulls'))).toEqual([]);
  });

  test('a refusal other than 422 fails the run even when a PR from the branch can be found by then', async () => {
    const id = freshId();
    const issue = issueOf(formBody({ ...GOOD_FORM, id }));
    await runIssueToPr(app(), repo(), issue, { contentDir: content });
    fake.fail('GET', /\/pulls$/, { status: 200, body: [] });
    fake.fail('POST', /\/pulls$/, { status: 404, body: { message: 'Not Found' } });
    const edited = formBody({ ...GOOD_FORM, id, purpose: '发布教学通知和活动' });
    await expect(runIssueToPr(app(), repo(), { ...issue, body: edited }, { contentDir: content })).rejects.toMatchObject({ status: 404 });
  });
});
