// The office-approval adapter against the strict fake GitHub on 127.0.0.1 (real octokit, real
// HTTP): team membership through the API (memoised, fail closed), the filing's tiers read from the
// base registry and the PR's head (only a real file's integer tier counts), who filed the PR, the
// ownership rule's exact problems, and the check run that is posted.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createClient } from '../../scripts/github/client.ts';
import { membershipResolver, runOfficeApproval } from '../../scripts/github/office-approval.ts';
import { loadRegistry } from '../../src/registry/load.ts';
import type { Registry } from '../../src/domain/registry.ts';
import { startFakeGitHub, type FakeGitHub, type FakePull } from '../helpers/fake-github.ts';
import { rm } from 'node:fs/promises';
import { accountText, put, writeFixtureRegistry } from '../helpers/github-fixture.ts';

let fake: FakeGitHub;
let registry: Registry;
beforeAll(async () => {
  fake = await startFakeGitHub();
  registry = (await loadRegistry(await writeFixtureRegistry(), { today: '2026-11-21' })).registry;
});
afterAll(() => fake.stop());
beforeEach(() => {
  fake.teams = new Map([['qclg/xcb', ['office-1', 'office-2']]]);
  fake.requests = [];
  fake.checkRuns = [];
});
afterEach(() => expect(fake.violations).toEqual([]));

const app = () => createClient({ token: 'app-token', baseUrl: fake.url, retryBaseMs: 1 });
const repo = () => ({ owner: fake.owner, repo: fake.repo });
const memberships = () => fake.requests.filter((r) => r.path.startsWith('/orgs/')).map((r) => r.path.replace('/orgs/qclg/teams/', ''));

let shaN = 0;
const nextSha = () => (++shaN).toString(16).padStart(40, '9');
/** A PR by `author` changing `files`; `head` gives the head version of files (path → text). */
function pull(author: string, files: string[], head: Record<string, string> = {}): FakePull {
  const pr = fake.addPull({ author, headSha: nextSha(), files });
  fake.refs.set(`heads/${pr.head.ref}`, pr.head.sha);
  for (const [path, text] of Object.entries(head)) fake.contents.set(`${pr.head.ref}:${path}`, text);
  return pr;
}
const run = (pr: FakePull, extra: { botLogins?: string[]; post?: boolean } = {}) => runOfficeApproval(app(), repo(), { prNumber: pr.number, registry, post: false, ...extra });

const NEW = 'content/accounts/jwc/jwc-new.mdx';
const OLD = 'content/accounts/jwc/jwc-wechat.mdx'; // tier 2 in the base registry
const tierText = (tier: number | string) => accountText({ id: 'jwc-new', unit: 'jwc', name: '教务新号', status: 'applied' }).replace(/^tier: .*$/m, `tier: ${tier}`);
const OFFICE_ONLY = '还缺 1 项审核：党委宣传部意见';
const OFFICE_AND_UNIT = '还缺 2 项审核：党委宣传部意见、主办单位意见（教务处）';

describe('membershipResolver()', () => {
  test('a user owner is matched by login, case-insensitively, without any request', async () => {
    const m = membershipResolver(app());
    expect(await m('@Jwc-Admin', 'jwc-admin')).toBe(true);
    expect(await m('@jwc-admin', 'JWC-ADMIN')).toBe(true);
    expect(await m('@jwc-admin', 'tw-admin')).toBe(false);
    expect(memberships()).toEqual([]);
  });

  test('a team owner is resolved through the API: an active member is in, a 404 is out', async () => {
    const m = membershipResolver(app());
    expect(await m('@qclg/xcb', 'office-1')).toBe(true);
    expect(await m('@qclg/xcb', 'stranger')).toBe(false);
    expect(memberships()).toEqual(['xcb/memberships/office-1', 'xcb/memberships/stranger']);
  });

  test('the answer is memoised per owner and login, ignoring case', async () => {
    const m = membershipResolver(app());
    expect(await m('@qclg/xcb', 'office-1')).toBe(true);
    expect(await m('@QCLG/XCB', 'Office-1')).toBe(true);
    expect(await m('@qclg/xcb', 'office-2')).toBe(true);
    expect(memberships()).toEqual(['xcb/memberships/office-1', 'xcb/memberships/office-2']);
  });

  test('a pending (invited, not yet accepted) team membership does not count', async () => {
    fake.fail('GET', /\/memberships\//, { status: 200, body: { url: 'https://api.github.test/x', role: 'member', state: 'pending' } });
    expect(await membershipResolver(app())('@qclg/xcb', 'office-1')).toBe(false);
  });

  test('any other error fails closed: the lookup rejects', async () => {
    fake.fail('GET', /\/memberships\//, { status: 403, body: { message: 'Resource not accessible by integration' } });
    await expect(membershipResolver(app())('@qclg/xcb', 'office-1')).rejects.toMatchObject({ status: 403 });
  });

  test('only a whole "@org/team" is a team: text around it makes a (non-matching) user owner', async () => {
    const m = membershipResolver(app());
    expect(await m('x@qclg/xcb', 'office-1')).toBe(false);
    expect(await m('@qclg/xcb\n', 'office-1')).toBe(false);
    expect(memberships()).toEqual([]);
  });
});

describe('runOfficeApproval(): the tiers of a filing', () => {
  // office-1 files (no ownership problem) and nobody has reviewed: the title lists what is required.
  const titleOf = async (files: string[], head: Record<string, string>) => (await run(pull('office-1', files, head))).verdict!.title;

  test('a new filing\'s head tier decides: tier 1 needs only the office', async () => {
    expect(await titleOf([NEW], { [NEW]: tierText(1) })).toBe(OFFICE_ONLY);
  });

  test('a head file that is missing (404) falls back to the unit kind\'s tier', async () => {
    expect(await titleOf([NEW], {})).toBe(OFFICE_AND_UNIT);
  });

  test('a head file without front matter, or with a tier that is not an integer, falls back', async () => {
    expect(await titleOf([NEW], { [NEW]: 'no front matter\n' })).toBe(OFFICE_AND_UNIT);
    expect(await titleOf([NEW], { [NEW]: tierText("'1'") })).toBe(OFFICE_AND_UNIT);
    expect(await titleOf([NEW], { [NEW]: tierText(1.5) })).toBe(OFFICE_AND_UNIT);
    expect(await titleOf([NEW], { [NEW]: tierText(1).replace(/^tier: .*\n/m, '') })).toBe(OFFICE_AND_UNIT);
  });

  test('a base filing keeps its base tier when the PR lowers it (both count)', async () => {
    expect(await titleOf([OLD], { [OLD]: tierText(1) })).toBe(OFFICE_AND_UNIT);
  });

  test('a base filing raised to tier 3 needs the base tier\'s and the head tier\'s approvers', async () => {
    expect(await titleOf([OLD], { [OLD]: tierText(3) })).toBe('还缺 3 项审核：党委宣传部意见、主办单位意见（教务处）、学生工作部、团委或所在学院意见（教务处）');
  });

  test('a renamed filing is judged by both its old and its new path', async () => {
    const pr = pull('office-1', [], { [NEW]: tierText(1) });
    pr.files = [{ filename: NEW, status: 'renamed', previous_filename: OLD } as FakePull['files'][number]];
    const r = await run(pr);
    expect(r.verdict!.title).toBe(OFFICE_AND_UNIT);
    expect(r.verdict!.required.map((q) => [q.label, q.files])).toEqual([
      ['党委宣传部意见', [NEW, OLD]],
      ['主办单位意见（教务处）', [OLD]],
    ]);
  });

  const fileBody = (extra: Record<string, unknown>) => {
    const text = tierText(1);
    return { type: 'file', encoding: 'base64', name: 'jwc-new.mdx', path: NEW, sha: '0'.repeat(40), size: text.length, content: Buffer.from(text).toString('base64'), url: 'u', git_url: null, html_url: null, download_url: null, _links: { self: 'u', git: null, html: null }, ...extra };
  };
  const withContent = async (body: unknown) => {
    fake.fail('GET', /\/contents\//, { status: 200, body });
    return titleOf([NEW], {});
  };

  test('only a regular file up to 1,000,000 bytes is read: a directory, a symlink, a file without content or a larger file falls back', async () => {
    expect(await withContent(fileBody({}))).toBe(OFFICE_ONLY);
    expect(await withContent(fileBody({ size: 1_000_000 }))).toBe(OFFICE_ONLY);
    expect(await withContent(fileBody({ size: 1_000_001 }))).toBe(OFFICE_AND_UNIT);
    expect(await withContent([fileBody({})])).toBe(OFFICE_AND_UNIT);
    expect(await withContent(fileBody({ type: 'symlink', target: 'x' }))).toBe(OFFICE_AND_UNIT);
    const { content: _c, ...noContent } = fileBody({});
    expect(await withContent(noContent)).toBe(OFFICE_AND_UNIT);
  });

  test('an error reading the head file other than 404 fails the run', async () => {
    fake.fail('GET', /\/contents\//, { status: 403, body: { message: 'Resource not accessible by integration' } });
    await expect(titleOf([NEW], { [NEW]: tierText(1) })).rejects.toMatchObject({ status: 403 });
  });

  test('files outside content/ and content files outside accounts/ are not read for tiers', async () => {
    const r = await run(pull('office-1', ['accounts/jwc/x.mdx', 'content/pages/accounts/x.mdx']));
    expect(r.verdict!.title).toBe(OFFICE_ONLY);
    expect(fake.requests.filter((q) => q.path.includes('/contents/'))).toEqual([]);
  });
});

describe('runOfficeApproval(): which PR, and who filed it', () => {
  test('without a PR number or head commit, or for a closed PR, nothing is judged or posted', async () => {
    expect(await runOfficeApproval(app(), repo(), { registry })).toEqual({ ownershipProblems: [] });
    const pr = pull('office-1', ['content/pages/guide.mdx']);
    pr.state = 'closed';
    expect(await runOfficeApproval(app(), repo(), { prNumber: pr.number, registry })).toEqual({ ownershipProblems: [] });
    expect(fake.checkRuns).toEqual([]);
  });

  test('the PR is found by its head commit', async () => {
    const pr = pull('office-1', ['content/pages/guide.mdx']);
    const r = await runOfficeApproval(app(), repo(), { headSha: pr.head.sha, registry, post: false });
    expect(r).toMatchObject({ pr: pr.number, filedBy: 'office-1', ownershipProblems: [] });
  });

  test('a PR by an ordinary user is filed by that user even when no bot logins are given', async () => {
    const pr = pull('Stryker was here', ['content/pages/guide.mdx']);
    expect((await run(pr)).filedBy).toBe('Stryker was here');
  });

  const botPull = (ref: string) => {
    const pr = pull('registry-bot[bot]', ['content/pages/guide.mdx']);
    pr.head.ref = ref;
    return pr;
  };
  const UNKNOWN = '无法确定该合并请求的提交人（登记系统生成的合并请求须来自备案表 Issue）';

  test('the bot\'s PR from filing/issue-N (several digits) is filed by the issue\'s author', async () => {
    let issue = fake.addIssue({ title: 't', body: '', author: 'office-2' });
    while (issue.number < 10) issue = fake.addIssue({ title: 't', body: '', author: 'office-2' });
    const r = await run(botPull(`filing/issue-${issue.number}`), { botLogins: ['Registry-Bot[bot]'] });
    expect(r.filedBy).toBe('office-2');
    expect(r.ownershipProblems).toEqual([]);
  });

  test('the bot\'s PR from any other branch has no known filer: it fails', async () => {
    for (const ref of ['branch-x', 'filing/issue-12x', 'xfiling/issue-12', 'filing/issue-']) {
      const r = await run(botPull(ref), { botLogins: ['registry-bot[bot]'] });
      expect([ref, r.filedBy, r.ownershipProblems]).toEqual([ref, '', [UNKNOWN]]);
      expect(r.verdict!.ok).toBe(false);
      expect(r.verdict!.title).toBe('提交人无权提交：1 个文件');
    }
  });

  test('an issue whose author account is gone (user null) leaves the filer unknown', async () => {
    const issue = fake.addIssue({ title: 't', body: '', author: 'office-2' });
    fake.fail('GET', /\/issues\/\d+$/, { status: 200, body: { id: 1, number: issue.number, title: 't', body: '', state: 'open', user: null, labels: [] } });
    const r = await run(botPull(`filing/issue-${issue.number}`), { botLogins: ['registry-bot[bot]'] });
    expect([r.filedBy, r.ownershipProblems]).toEqual(['', [UNKNOWN]]);
  });

  test('the issue\'s author is the one whose own approval does not count', async () => {
    const issue = fake.addIssue({ title: 't', body: '', author: 'jwc-admin' });
    const pr = pull('registry-bot[bot]', [NEW], { [NEW]: tierText(2) });
    pr.head.ref = `filing/issue-${issue.number}`;
    fake.addReview(pr, 'jwc-admin', 'APPROVED');
    fake.addReview(pr, 'office-1', 'APPROVED');
    const r = await run(pr, { botLogins: ['registry-bot[bot]'] });
    expect(r.ownershipProblems).toEqual([]);
    expect(r.verdict!.title).toBe('还缺 1 项审核：主办单位意见（教务处）');
    expect(r.verdict!.ignored).toEqual([{ login: 'jwc-admin', reason: '提交人本人的批准不算数' }]);
  });
});

describe('runOfficeApproval(): reviews', () => {
  const review = (login: string | null, state: string, at: string, commit: string) => ({ id: 1, node_id: 'x', user: login === null ? null : { login, id: 1, type: 'User' }, body: '', state, html_url: 'u', pull_request_url: 'u', _links: { html: { href: 'u' }, pull_request: { href: 'u' } }, submitted_at: at, commit_id: commit, author_association: 'MEMBER' });

  test('reviews are ordered by submission time, not by list order; reviews without a user are dropped', async () => {
    const pr = pull('office-2', ['content/pages/guide.mdx']);
    const h = pr.head.sha;
    fake.fail('GET', /\/reviews$/, { status: 200, body: [review('office-1', 'APPROVED', '2026-11-21T04:00:00Z', h), review('office-1', 'CHANGES_REQUESTED', '2026-11-21T03:00:00Z', h), review(null, 'APPROVED', '2026-11-21T05:00:00Z', h)] });
    const r = await run(pr);
    expect(r.verdict!.ok).toBe(true);
    expect(r.verdict!.ignored).toEqual([]);
    expect(memberships()).toEqual(['xcb/memberships/office-2', 'xcb/memberships/office-1']);
  });

  test('only approving reviewers\' memberships are looked up', async () => {
    const pr = pull('office-2', ['content/pages/guide.mdx']);
    fake.addReview(pr, 'office-1', 'CHANGES_REQUESTED');
    fake.addReview(pr, 'jwc-admin', 'APPROVED');
    const r = await run(pr);
    expect(r.verdict!.ok).toBe(false);
    expect(memberships()).toEqual(['xcb/memberships/office-2', 'xcb/memberships/jwc-admin']);
  });
});

describe('runOfficeApproval(): ownership', () => {
  test('an office member may change any file', async () => {
    const r = await run(pull('office-1', ['.github/x.yml', 'content/pages/guide.mdx', OLD]));
    expect(r.ownershipProblems).toEqual([]);
  });

  test('a unit owner may change the unit\'s filings', async () => {
    const r = await run(pull('jwc-admin', [OLD]));
    expect(r.ownershipProblems).toEqual([]);
  });

  test('a path outside content/ is the office\'s even when it looks like a unit\'s filing after the prefix\'s length', async () => {
    const r = await run(pull('jwc-admin', ['contentx/accounts/jwc/jwc-wechat.mdx']));
    expect(r.ownershipProblems).toEqual(['contentx/accounts/jwc/jwc-wechat.mdx：只能由归口管理部门修改']);
  });

  test('anyone else gets one exact problem per file; the summary lists them escaped, then the decision', async () => {
    const files = ['.github/x_y*.md', 'content/pages/@guide.mdx', 'content/accounts/ghost/a.mdx', OLD];
    const pr = pull('tw-admin', files);
    const r = await runOfficeApproval(app(), repo(), { prNumber: pr.number, registry });
    expect(r.ownershipProblems).toEqual([
      '.github/x_y*.md：只能由归口管理部门修改',
      'content/pages/@guide.mdx：只能由归口管理部门修改',
      'content/accounts/ghost/a.mdx：只能由归口管理部门修改',
      `${OLD}：提交人 tw-admin 不是单位 jwc 的登记负责人`,
    ]);
    expect(r.verdict!.ok).toBe(false);
    expect(r.verdict!.title).toBe('提交人无权提交：4 个文件');
    const head = [
      '- .github/x\\_y\\*.md：只能由归口管理部门修改',
      '- content/pages/@\u200bguide.mdx：只能由归口管理部门修改',
      '- content/accounts/ghost/a.mdx：只能由归口管理部门修改',
      `- ${OLD}：提交人 tw-admin 不是单位 jwc 的登记负责人`,
      '',
      '',
    ].join('\n');
    expect(r.verdict!.summary.startsWith(head)).toBe(true);
    expect(r.verdict!.summary.slice(head.length)).toMatch(/^本次修改还不能合并/);
    expect(fake.checkRuns.map((c) => [c.name, c.head_sha, c.status, c.conclusion, c.title, c.summary])).toEqual([['归口管理部门审核', pr.head.sha, 'completed', 'failure', r.verdict!.title, r.verdict!.summary]]);
  });

  test('a passing verdict is posted as success; post: false posts nothing', async () => {
    const pr = pull('office-2', ['content/pages/guide.mdx']);
    fake.addReview(pr, 'office-1', 'APPROVED');
    expect((await run(pr)).verdict!.ok).toBe(true);
    expect(fake.checkRuns).toEqual([]);
    await runOfficeApproval(app(), repo(), { prNumber: pr.number, registry, post: true });
    expect(fake.checkRuns.map((c) => [c.conclusion, c.title])).toEqual([['success', '审核齐全：可以合并']]);
  });

  test('a very long summary is cut to 60,000 characters in the check run', async () => {
    const files = Array.from({ length: 700 }, (_, i) => `.github/${'x'.repeat(90)}-${i}.md`);
    const pr = pull('tw-admin', files);
    const r = await runOfficeApproval(app(), repo(), { prNumber: pr.number, registry });
    expect(r.verdict!.summary.length).toBeGreaterThan(60_000);
    expect(fake.checkRuns.map((c) => c.summary)).toEqual([r.verdict!.summary.slice(0, 60_000)]);
  });
});

describe('membershipResolver(): the memo never confuses two logins', () => {
  test('logins that are equal only after upper-casing (ß/ss, ı/i) are different logins', async () => {
    const m = membershipResolver(app());
    expect(await m('@ss', 'ss')).toBe(true);
    expect(await m('@ss', 'ß')).toBe(false);
    expect(await m('@jwc-admin', 'jwc-admin')).toBe(true);
    expect(await m('@jwc-admin', 'jwc-admın')).toBe(false);
    expect(memberships()).toEqual([]);
  });
});

describe('runOfficeApproval(): ownership of paths near the content folder and of annual reviews', () => {
  test('a path outside content/ whose rest after the prefix\'s length reads as a unit\'s filing stays the office\'s', async () => {
    // ".github/" is as long as "content/": what follows must not be taken for a filing of 教务处.
    const path = '.github/accounts/jwc/jwc-wechat.mdx';
    const r = await run(pull('jwc-admin', [path]));
    expect(r.ownershipProblems).toEqual([`${path}：只能由归口管理部门修改`]);
    expect(r.verdict!.ok).toBe(false);
    expect(r.verdict!.title).toBe('提交人无权提交：1 个文件');
  });

  test('an annual review file belongs to the unit of the account it reviews (read from the registry)', async () => {
    const path = 'content/reviews/2026/jwc-wechat.yaml';
    expect((await run(pull('jwc-admin', [path]))).ownershipProblems).toEqual([]);
    expect((await run(pull('tw-admin', [path]))).ownershipProblems).toEqual([`${path}：提交人 tw-admin 不是单位 jwc 的登记负责人`]);
    // A review of an account the registry does not know is the office's.
    const ghost = 'content/reviews/2026/ghost-account.yaml';
    expect((await run(pull('jwc-admin', [ghost]))).ownershipProblems).toEqual([`${ghost}：只能由归口管理部门修改`]);
  });
});

describe('runOfficeApproval(): reviews without a submission time', () => {
  const review = (login: string, state: string, at: string | undefined, commit: string) => ({
    id: 1, node_id: 'x', user: { login, id: 1, type: 'User' }, body: '', state, html_url: 'u', pull_request_url: 'u',
    _links: { html: { href: 'u' }, pull_request: { href: 'u' } }, ...(at === undefined ? {} : { submitted_at: at }), commit_id: commit, author_association: 'MEMBER',
  });

  test('a review without a submission time counts as the earliest: a dated "changes requested" withdraws its approval', async () => {
    const pr = pull('office-2', ['content/pages/guide.mdx']);
    const h = pr.head.sha;
    fake.fail('GET', /\/reviews$/, { status: 200, body: [review('office-1', 'CHANGES_REQUESTED', '2026-11-21T03:00:00Z', h), review('office-1', 'APPROVED', undefined, h)] });
    const r = await run(pr);
    expect(r.verdict!.ok).toBe(false);
    expect(r.verdict!.title).toBe('还缺 1 项审核：党委宣传部意见');
  });

  test('an undated approval followed by a dated one on the head commit counts', async () => {
    const pr = pull('office-2', ['content/pages/guide.mdx']);
    const h = pr.head.sha;
    fake.fail('GET', /\/reviews$/, { status: 200, body: [review('office-1', 'APPROVED', '2026-11-21T03:00:00Z', h), review('office-1', 'CHANGES_REQUESTED', undefined, h)] });
    const r = await run(pr);
    expect(r.verdict!.ok).toBe(true);
    expect(r.verdict!.required.map((q) => [q.label, q.by])).toEqual([['党委宣传部意见', 'office-1']]);
  });
});

describe('runOfficeApproval(): the check run\'s title', () => {
  test('a title longer than 200 characters is cut to 200 in the check run', async () => {
    const root = await writeFixtureRegistry();
    const ids = Array.from({ length: 24 }, (_, i) => `unit-${String(i + 1).padStart(2, '0')}`);
    for (const id of ids) await put(root, `units/${id}.yaml`, `id: ${id}\nname: 青川理工学院第${id.slice(5)}教学研究单位\nkind: office\nstatus: active\nheadTitle: 主任\nowners: ['@${id}-admin']\n`);
    const big = (await loadRegistry(root, { today: '2026-11-21' })).registry;
    await rm(root, { recursive: true, force: true });
    const pr = pull('office-1', ids.map((id) => `content/accounts/${id}/${id}-news.mdx`));
    const r = await runOfficeApproval(app(), repo(), { prNumber: pr.number, registry: big });
    expect(r.ownershipProblems).toEqual([]);
    expect(r.verdict!.title.length).toBeGreaterThan(200);
    expect(r.verdict!.title.startsWith('还缺 25 项审核：党委宣传部意见、主办单位意见（青川理工学院第01教学研究单位）、')).toBe(true);
    expect(fake.checkRuns.map((c) => [c.conclusion, c.title])).toEqual([['failure', r.verdict!.title.slice(0, 200)]]);
  });
});
