// The GitHub adapter against the fake GitHub on 127.0.0.1 (real octokit, real HTTP): the bot's
// comment is found by marker AND bot author, CRLF bodies compare equal, labels and reviewers are
// changed only when something changes.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import {
  canBeAssigned,
  commentOnIssue,
  ensureLabel,
  findOpenPullRequestFromBranch,
  findPullRequestByHeadSha,
  getPullRequest,
  listLabels,
  listOpenIssues,
  listPullRequestFiles,
  listReviewers,
  openPullRequest,
  pullRequestsOfCommit,
  putFileOnBranch,
  requestOwnerReviews,
  syncLabels,
  upsertMarkedComment,
  upsertRuleset,
} from '../../scripts/github/api.ts';
import { createClient } from '../../scripts/github/client.ts';
import { plannedRuleset } from '../../scripts/github/setup.ts';
import { BOT_APP_ID, blobSha, startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.ts';

let fake: FakeGitHub;
beforeAll(async () => {
  fake = await startFakeGitHub();
});
afterAll(() => fake.stop());
beforeEach(() => {
  fake.comments = [];
  fake.requests = [];
});
const client = () => createClient({ token: 'test-token', baseUrl: fake.url, retryBaseMs: 1 });
const repo = () => ({ owner: fake.owner, repo: fake.repo });
const MARKER = '<!-- campus-registry:pr-report -->';
const BODY = `${MARKER}\n## 登记检查\n通过`;

describe('upsertMarkedComment()', () => {
  test('creates the comment the first time', async () => {
    const issue = fake.addIssue({ title: 'x', body: '' });
    expect(await upsertMarkedComment(client(), repo(), issue.number, MARKER, BODY)).toBe('created');
    expect(fake.comments.map((c) => c.body)).toEqual([BODY]);
  });

  test('REAL BUG: a comment by a person that carries the marker is not the bot\'s comment and is never edited', async () => {
    const issue = fake.addIssue({ title: 'x', body: '' });
    fake.comments.push({ id: 9001, issue_number: issue.number, body: `${MARKER}\n伪造：检查通过`, user: { login: 'cheater', type: 'User' } });
    expect(await upsertMarkedComment(client(), repo(), issue.number, MARKER, BODY)).toBe('created');
    expect(fake.comments.find((c) => c.id === 9001)!.body).toBe(`${MARKER}\n伪造：检查通过`);
    expect(fake.writes().map((w) => w.method)).toEqual(['POST']);
  });

  test('a bot comment without the marker is not the report', async () => {
    const issue = fake.addIssue({ title: 'x', body: '' });
    fake.comments.push({ id: 9002, issue_number: issue.number, body: '别的机器人', user: { login: 'github-actions[bot]', type: 'Bot' } });
    expect(await upsertMarkedComment(client(), repo(), issue.number, MARKER, BODY)).toBe('created');
  });

  test('REAL BUG: the bot\'s comment stored with CRLF line ends is unchanged, so nothing is written', async () => {
    const issue = fake.addIssue({ title: 'x', body: '' });
    fake.comments.push({ id: 9003, issue_number: issue.number, body: BODY.replace(/\n/g, '\r\n'), user: { login: 'github-actions[bot]', type: 'Bot' } });
    expect(await upsertMarkedComment(client(), repo(), issue.number, MARKER, BODY)).toBe('unchanged');
    expect(fake.writes()).toEqual([]);
  });

  test('the bot\'s comment with another text is updated in place', async () => {
    const issue = fake.addIssue({ title: 'x', body: '' });
    fake.comments.push({ id: 9004, issue_number: issue.number, body: `${MARKER}\n旧结果`, user: { login: 'github-actions[bot]', type: 'Bot' } });
    expect(await upsertMarkedComment(client(), repo(), issue.number, MARKER, BODY)).toBe('updated');
    expect(fake.comments.find((c) => c.id === 9004)!.body).toBe(BODY);
    expect(fake.comments).toHaveLength(1);
  });
});

describe('syncLabels()', () => {
  test('adds the missing, removes only managed labels no longer wanted, leaves others alone', async () => {
    const issue = fake.addIssue({ title: 'x', body: '', labels: ['备案:新开', '级别:二级', '紧急'] });
    const r = await syncLabels(client(), repo(), issue.number, ['备案:新开', '级别:二级', '紧急'], ['备案:新开', '级别:一级'], ['备案:', '级别:']);
    expect(r).toEqual({ added: ['级别:一级'], removed: ['级别:二级'] });
    expect(fake.issues.find((i) => i.number === issue.number)!.labels.map((l) => l.name).sort()).toEqual(['备案:新开', '紧急', '级别:一级'].sort());
  });

  test('makes no call when the labels already match', async () => {
    const issue = fake.addIssue({ title: 'x', body: '', labels: ['备案:新开'] });
    expect(await syncLabels(client(), repo(), issue.number, ['备案:新开', '其他'], ['备案:新开'], ['备案:'])).toEqual({ added: [], removed: [] });
    expect(fake.writes()).toEqual([]);
  });
});

describe('requestOwnerReviews()', () => {
  // Teams are never requested: CODEOWNERS requests them, and GITHUB_TOKEN may not (422).
  test('requests users only, skipping the author, teams and those already requested, case-insensitively', async () => {
    const pr = fake.addPull({ author: 'Unit-Head', headSha: 'c'.repeat(40) });
    const info = { number: pr.number, author: 'unit-head', headSha: 'c'.repeat(40), requestedUsers: ['ALICE'], requestedTeams: ['Xcb'], labels: [], title: '', body: '', headRepo: '', baseRef: 'main' } as unknown as Parameters<typeof requestOwnerReviews>[2];
    const r = await requestOwnerReviews(client(), repo(), info, ['@Unit-Head', '@alice', '@jwc-admin', '@JWC-admin', '@qclg/xcb', '@qclg/tw']);
    expect(r).toEqual({ users: ['jwc-admin'], teams: [], refused: [] });
    expect(fake.writes().map((w) => w.body)).toEqual([{ reviewers: ['jwc-admin'] }]);
  });

  test('a PR with a requested team reads back through the fake as GitHub describes it (team type organization)', async () => {
    const pr = fake.addPull({ author: 'a', headSha: 'b'.repeat(40) });
    pr.requested_teams.push({ slug: 'xcb' });
    const info = await getPullRequest(client(), repo(), pr.number);
    expect(info.requestedTeams).toEqual(['xcb']);
  });

  test('makes no call when there is nobody new', async () => {
    const pr = fake.addPull({ author: 'a', headSha: 'd'.repeat(40) });
    const info = { number: pr.number, author: 'a', requestedUsers: [], requestedTeams: [] } as unknown as Parameters<typeof requestOwnerReviews>[2];
    expect(await requestOwnerReviews(client(), repo(), info, ['@A'])).toEqual({ users: [], teams: [], refused: [] });
    expect(fake.writes()).toEqual([]);
  });
});

// ---- round 3: every adapter function's exact requests and results, including GitHub's nulls ----

const P = `/repos/qclg/media-registry`;
const calls = () => fake.requests.map((r) => `${r.method} ${r.path}`);
let shaSeq = 0;
/** A fresh 40-hex SHA per call, so PRs of different tests never share a head. */
const freshSha = () => (++shaSeq).toString(16).padStart(6, '0').repeat(7).slice(0, 40);

describe('toInfo() through getPullRequest()', () => {
  test('a fork PR with labels and requested users is read field by field', async () => {
    const sha = freshSha();
    const pr = fake.addPull({ author: 'Unit-Head', headSha: sha, fork: 'student/media-registry', labels: ['备案:新开', '单位:jwc'] });
    pr.requested_reviewers = [{ login: 'jwc-admin' }];
    expect(await getPullRequest(client(), repo(), pr.number)).toStrictEqual({
      number: pr.number,
      author: 'Unit-Head',
      headSha: sha,
      headRef: `branch-${pr.number}`,
      headRepo: 'student/media-registry',
      state: 'open',
      labels: ['备案:新开', '单位:jwc'],
      requestedUsers: ['jwc-admin'],
      requestedTeams: [],
      htmlUrl: `https://github.test/qclg/media-registry/pull/${pr.number}`,
    });
  });

  test('a deleted author (user null), a deleted fork (repo null) and missing lists read as empty', async () => {
    fake.fail('GET', /\/pulls\/777$/, {
      status: 200,
      body: { number: 777, state: 'closed', html_url: 'https://github.test/pr/777', user: null, head: { sha: 'f'.repeat(40), ref: 'gone', repo: null }, requested_reviewers: null, requested_teams: null },
    });
    expect(await getPullRequest(client(), repo(), 777)).toStrictEqual({
      number: 777,
      author: '',
      headSha: 'f'.repeat(40),
      headRef: 'gone',
      headRepo: '',
      state: 'closed',
      labels: [],
      requestedUsers: [],
      requestedTeams: [],
      htmlUrl: 'https://github.test/pr/777',
    });
  });

  test('labels given as plain names are kept, a label object without a name reads as an empty name, teams by slug', async () => {
    fake.fail('GET', /\/pulls\/778$/, {
      status: 200,
      body: { number: 778, state: 'open', html_url: 'u', user: { login: 'a' }, head: { sha: 'e'.repeat(40), repo: { full_name: 'qclg/media-registry' } }, labels: ['备案:新开', { name: '单位:jwc' }, {}], requested_teams: [{ slug: 'xcb' }, { slug: 'tw' }] },
    });
    const info = await getPullRequest(client(), repo(), 778);
    expect(info.labels).toEqual(['备案:新开', '单位:jwc', '']);
    expect(info.requestedUsers).toEqual([]);
    expect(info.requestedTeams).toEqual(['xcb', 'tw']);
  });
});

describe('findPullRequestByHeadSha()', () => {
  test('takes the open associated PR whose head is the commit, without listing open PRs', async () => {
    const sha = freshSha();
    const closed = fake.addPull({ author: 'a', headSha: sha });
    closed.state = 'closed';
    const moved = fake.addPull({ author: 'b', headSha: freshSha() }); // contains the commit, head moved on
    const open = fake.addPull({ author: 'c', headSha: sha });
    fake.commitPulls.set(sha, [closed.number, moved.number, open.number]);
    const info = await findPullRequestByHeadSha(client(), repo(), sha);
    expect(info?.number).toBe(open.number);
    expect(info?.author).toBe('c');
    expect(calls()).toEqual([`GET ${P}/commits/${sha}/pulls`]);
  });

  test.each([404, 422])('a %i from the commit lookup falls back to the open PRs (a fork PR is found)', async (status) => {
    const sha = freshSha();
    const pr = fake.addPull({ author: 'student', headSha: sha, fork: 'student/media-registry' });
    fake.fail('GET', /\/commits\/[0-9a-f]+\/pulls$/, { status });
    const info = await findPullRequestByHeadSha(client(), repo(), sha);
    expect(info?.number).toBe(pr.number);
    expect(info?.headRepo).toBe('student/media-registry');
    expect(calls()).toEqual([`GET ${P}/commits/${sha}/pulls`, `GET ${P}/pulls`]);
  });

  test('another failure of the commit lookup (403) is not swallowed', async () => {
    const sha = freshSha();
    fake.addPull({ author: 'a', headSha: sha });
    fake.fail('GET', /\/commits\/[0-9a-f]+\/pulls$/, { status: 403 });
    await expect(findPullRequestByHeadSha(client(), repo(), sha)).rejects.toMatchObject({ status: 403 });
    expect(calls()).toEqual([`GET ${P}/commits/${sha}/pulls`]);
  });

  test('no open PR with that head: undefined', async () => {
    expect(await findPullRequestByHeadSha(client(), repo(), freshSha())).toBeUndefined();
  });
});

describe('listPullRequestFiles()', () => {
  test('a renamed file carries its previous path; other files have none', async () => {
    const pr = fake.addPull({ author: 'a', headSha: freshSha(), files: ['accounts/jwc/a.mdx'] });
    (pr.files as Array<Record<string, string>>).push({ filename: 'accounts/jwc/new.mdx', status: 'renamed', previous_filename: 'accounts/jwc/old.mdx' });
    expect(await listPullRequestFiles(client(), repo(), pr.number)).toStrictEqual([
      { path: 'accounts/jwc/a.mdx', status: 'added' },
      { path: 'accounts/jwc/new.mdx', status: 'renamed', previousPath: 'accounts/jwc/old.mdx' },
    ]);
  });
});

describe('upsertMarkedComment(): more cases', () => {
  test('a comment of a deleted account (user null) is not the bot\'s comment', async () => {
    const issue = fake.addIssue({ title: 'x', body: '' });
    fake.fail('GET', new RegExp(`/issues/${issue.number}/comments$`), { status: 200, body: [{ id: 9100, body: `${MARKER}\n旧`, user: null }] });
    expect(await upsertMarkedComment(client(), repo(), issue.number, MARKER, BODY)).toBe('created');
    expect(fake.writes().map((w) => [w.method, w.path, w.body])).toEqual([['POST', `${P}/issues/${issue.number}/comments`, { body: BODY }]]);
  });

  test('another bot\'s marked comment cannot be edited (403): the bot writes its own and reports it created', async () => {
    const issue = fake.addIssue({ title: 'x', body: '' });
    fake.comments.push({ id: 9101, issue_number: issue.number, body: `${MARKER}\n旧结果`, user: { login: 'registry-bot[bot]', type: 'Bot' } });
    expect(await upsertMarkedComment(client(), repo(), issue.number, MARKER, BODY)).toBe('created');
    expect(fake.writes().map((w) => [w.method, w.path, w.body])).toEqual([
      ['PATCH', `${P}/issues/comments/9101`, { body: BODY }],
      ['POST', `${P}/issues/${issue.number}/comments`, { body: BODY }],
    ]);
    expect(fake.comments.map((c) => c.body)).toEqual([`${MARKER}\n旧结果`, BODY]);
  });

  test('any other failure of the update is raised, and no second comment is written', async () => {
    const issue = fake.addIssue({ title: 'x', body: '' });
    fake.comments.push({ id: 9102, issue_number: issue.number, body: `${MARKER}\n旧结果`, user: { login: 'github-actions[bot]', type: 'Bot' } });
    fake.fail('PATCH', /\/issues\/comments\/9102$/, { status: 404 });
    await expect(upsertMarkedComment(client(), repo(), issue.number, MARKER, BODY)).rejects.toMatchObject({ status: 404 });
    expect(fake.writes().map((w) => w.method)).toEqual(['PATCH']);
    expect(fake.comments).toHaveLength(1);
  });
});

describe('listReviewers()', () => {
  test('lower-cased, once each, without reviews of deleted accounts (user null)', async () => {
    fake.fail('GET', /\/pulls\/779\/reviews$/, {
      status: 200,
      body: [
        { id: 1, user: null, state: 'APPROVED' },
        { id: 2, user: { login: 'Alice' }, state: 'COMMENTED' },
        { id: 3, user: { login: 'alice' }, state: 'APPROVED' },
        { id: 4, user: { login: 'JWC-admin' }, state: 'CHANGES_REQUESTED' },
      ],
    });
    expect(await listReviewers(client(), repo(), 779)).toEqual(['alice', 'jwc-admin']);
  });
});

describe('requestOwnerReviews(): refusals', () => {
  const infoOf = (number: number, author = 'unit-head') => ({ number, author, requestedUsers: [], requestedTeams: [] }) as unknown as Parameters<typeof requestOwnerReviews>[2];
  const reviewerWrites = () => fake.writes().map((w) => (w.body as { reviewers: string[] }).reviewers);

  test('several users are requested in one call', async () => {
    const pr = fake.addPull({ author: 'unit-head', headSha: freshSha() });
    expect(await requestOwnerReviews(client(), repo(), infoOf(pr.number), ['@jwc-admin', '@tw-admin'])).toEqual({ users: ['jwc-admin', 'tw-admin'], teams: [], refused: [] });
    expect(reviewerWrites()).toEqual([['jwc-admin', 'tw-admin']]);
  });

  test('one user GitHub refuses (422) is reported refused, without a second call', async () => {
    const pr = fake.addPull({ author: 'unit-head', headSha: freshSha() });
    expect(await requestOwnerReviews(client(), repo(), infoOf(pr.number), ['@stranger'])).toStrictEqual({ users: [], teams: [], refused: ['stranger'] });
    expect(reviewerWrites()).toEqual([['stranger']]);
  });

  test('a refused group is retried one by one: the collaborators are requested, the others reported', async () => {
    const pr = fake.addPull({ author: 'unit-head', headSha: freshSha() });
    expect(await requestOwnerReviews(client(), repo(), infoOf(pr.number), ['@jwc-admin', '@stranger', '@tw-admin'])).toStrictEqual({ users: ['jwc-admin', 'tw-admin'], teams: [], refused: ['stranger'] });
    expect(reviewerWrites()).toEqual([['jwc-admin', 'stranger', 'tw-admin'], ['jwc-admin'], ['stranger'], ['tw-admin']]);
    expect(pr.requested_reviewers.map((r) => r.login)).toEqual(['jwc-admin', 'tw-admin']);
  });

  test('users already reviewed are not asked again', async () => {
    const pr = fake.addPull({ author: 'unit-head', headSha: freshSha() });
    expect(await requestOwnerReviews(client(), repo(), infoOf(pr.number), ['@JWC-admin', '@tw-admin'], ['jwc-admin'])).toEqual({ users: ['tw-admin'], teams: [], refused: [] });
    expect(reviewerWrites()).toEqual([['tw-admin']]);
  });

  test('a failure other than 422 is raised (one user)', async () => {
    const pr = fake.addPull({ author: 'unit-head', headSha: freshSha() });
    fake.fail('POST', /\/requested_reviewers$/, { status: 403 });
    await expect(requestOwnerReviews(client(), repo(), infoOf(pr.number), ['@jwc-admin'])).rejects.toMatchObject({ status: 403 });
  });

  test('a failure other than 422 while asking one by one is raised', async () => {
    const pr = fake.addPull({ author: 'unit-head', headSha: freshSha() });
    fake.fail('POST', /\/requested_reviewers$/, { status: 422 }, { status: 403 });
    await expect(requestOwnerReviews(client(), repo(), infoOf(pr.number), ['@jwc-admin', '@tw-admin'])).rejects.toMatchObject({ status: 403 });
    expect(reviewerWrites()).toEqual([['jwc-admin', 'tw-admin'], ['jwc-admin']]);
  });
});

describe('issues', () => {
  test('listOpenIssues() lists open issues with the label, not PRs, and an empty body reads as ""', async () => {
    const label = `测试:${freshSha().slice(0, 6)}`;
    const issue = fake.addIssue({ title: '无正文', body: null as unknown as string, labels: [label] });
    fake.addIssue({ title: '已关闭', body: 'x', labels: [label], state: 'closed' });
    fake.addIssue({ title: '别的标签', body: 'x', labels: ['其他'] });
    fake.addPull({ author: 'a', headSha: freshSha(), labels: [label] });
    expect(await listOpenIssues(client(), repo(), label)).toStrictEqual([{ number: issue.number, title: '无正文', body: '' }]);
  });

  test('canBeAssigned(): a collaborator yes, anyone else no, a failure is raised', async () => {
    expect(await canBeAssigned(client(), repo(), 'jwc-admin')).toBe(true);
    expect(await canBeAssigned(client(), repo(), 'stranger')).toBe(false);
    fake.fail('GET', /\/assignees\/jwc-admin$/, { status: 403 });
    await expect(canBeAssigned(client(), repo(), 'jwc-admin')).rejects.toMatchObject({ status: 403 });
  });

  test('commentOnIssue() posts the body to the issue', async () => {
    const issue = fake.addIssue({ title: 'x', body: '' });
    await commentOnIssue(client(), repo(), issue.number, '已收到');
    expect(fake.writes().map((w) => [w.method, w.path, w.body])).toEqual([['POST', `${P}/issues/${issue.number}/comments`, { body: '已收到' }]]);
    expect(fake.comments.map((c) => [c.issue_number, c.body])).toEqual([[issue.number, '已收到']]);
  });

  test('pullRequestsOfCommit() gives each associated PR with its merge time', async () => {
    const sha = freshSha();
    const a = fake.addPull({ author: 'a', headSha: sha });
    const b = fake.addPull({ author: 'b', headSha: sha });
    b.merged_at = '2026-11-20T08:00:00Z';
    b.state = 'closed';
    expect(await pullRequestsOfCommit(client(), repo(), sha)).toStrictEqual([
      { number: a.number, mergedAt: null },
      { number: b.number, mergedAt: '2026-11-20T08:00:00Z' },
    ]);
    expect(calls()).toEqual([`GET ${P}/commits/${sha}/pulls`]);
  });
});

describe('putFileOnBranch()', () => {
  const args = (branch: string, content = '内容\n') => ({ branch, baseBranch: 'main', path: 'accounts/jwc/x.mdx', content, message: '登记：x' });
  const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

  test('on an existing branch without the file: created without a sha', async () => {
    fake.refs.set('heads/put-1', 'c'.repeat(40));
    expect(await putFileOnBranch(client(), repo(), args('put-1'))).toBe(true);
    expect(fake.writes().map((w) => [w.method, w.path, w.body])).toEqual([['PUT', `${P}/contents/accounts/jwc/x.mdx`, { message: '登记：x', content: b64('内容\n'), branch: 'put-1' }]]);
    expect(fake.contents.get('put-1:accounts/jwc/x.mdx')).toBe('内容\n');
  });

  test('a changed file is updated naming its current sha; the same text writes nothing', async () => {
    fake.refs.set('heads/put-2', 'c'.repeat(40));
    fake.contents.set('put-2:accounts/jwc/x.mdx', '旧\n');
    expect(await putFileOnBranch(client(), repo(), args('put-2'))).toBe(true);
    expect(fake.writes().map((w) => w.body)).toEqual([{ message: '登记：x', content: b64('内容\n'), branch: 'put-2', sha: blobSha('旧\n') }]);
    fake.requests = [];
    expect(await putFileOnBranch(client(), repo(), args('put-2'))).toBe(false);
    expect(fake.writes()).toEqual([]);
  });

  test('a missing branch is created from the base branch\'s head first', async () => {
    const head = fake.refs.get('heads/main');
    expect(await putFileOnBranch(client(), repo(), args('put-3'))).toBe(true);
    expect(fake.writes().map((w) => [w.method, w.path, w.body])).toEqual([
      ['POST', `${P}/git/refs`, { ref: 'refs/heads/put-3', sha: head }],
      ['PUT', `${P}/contents/accounts/jwc/x.mdx`, { message: '登记：x', content: b64('内容\n'), branch: 'put-3' }],
    ]);
  });

  test('a folder at the path is not a file to compare: written without a sha', async () => {
    fake.refs.set('heads/put-4', 'c'.repeat(40));
    fake.fail('GET', /\/contents\/accounts\/jwc\/x\.mdx$/, { status: 200, body: [{ type: 'file', name: 'a', path: 'accounts/jwc/x.mdx/a', sha: '1'.repeat(40), size: 1 }] });
    expect(await putFileOnBranch(client(), repo(), args('put-4'))).toBe(true);
    expect(fake.writes().map((w) => w.body)).toEqual([{ message: '登记：x', content: b64('内容\n'), branch: 'put-4' }]);
  });

  test('a failure reading the branch (403) is raised before any write', async () => {
    fake.fail('GET', /\/git\/ref\/heads\/put-5$/, { status: 403 });
    await expect(putFileOnBranch(client(), repo(), args('put-5'))).rejects.toMatchObject({ status: 403 });
    expect(fake.writes()).toEqual([]);
  });

  test('a failure reading the file (403) is raised before any write', async () => {
    fake.refs.set('heads/put-6', 'c'.repeat(40));
    fake.fail('GET', /\/contents\/accounts\/jwc\/x\.mdx$/, { status: 403 });
    await expect(putFileOnBranch(client(), repo(), args('put-6'))).rejects.toMatchObject({ status: 403 });
    expect(fake.writes()).toEqual([]);
  });
});

describe('pull requests, labels and rulesets', () => {
  test('openPullRequest() lets maintainers edit the branch and returns the number and address', async () => {
    fake.actionsCanCreatePullRequests = true;
    try {
      fake.refs.set('heads/open-1', 'c'.repeat(40));
      const r = await openPullRequest(client(), repo(), { head: 'open-1', base: 'main', title: '登记：x', body: '说明' });
      expect(r).toEqual({ number: r.number, url: `https://github.test/qclg/media-registry/pull/${r.number}` });
      expect(fake.writes().map((w) => [w.method, w.path, w.body])).toEqual([['POST', `${P}/pulls`, { head: 'open-1', base: 'main', title: '登记：x', body: '说明', maintainer_can_modify: true }]]);
      expect(await findOpenPullRequestFromBranch(client(), repo(), 'open-1')).toEqual(r);
    } finally {
      fake.actionsCanCreatePullRequests = false;
    }
  });

  test('ensureLabel(): created, updated when the colour or text differs, unchanged otherwise', async () => {
    const spec = { name: '测试:色', color: 'D93F0B', description: '说明' };
    expect(await ensureLabel(client(), repo(), new Map(), spec)).toBe('created');
    expect(await ensureLabel(client(), repo(), new Map([[spec.name, { ...spec, color: 'd93f0b' }]]), spec)).toBe('unchanged');
    fake.requests = [];
    expect(await ensureLabel(client(), repo(), new Map([[spec.name, { ...spec, color: 'ededed' }]]), spec)).toBe('updated');
    expect(await ensureLabel(client(), repo(), new Map([[spec.name, { ...spec, description: '旧' }]]), spec)).toBe('updated');
    expect(fake.writes().map((w) => [w.method, w.path, w.body])).toEqual([
      ['PATCH', `${P}/labels/测试:色`, { color: 'D93F0B', description: '说明' }],
      ['PATCH', `${P}/labels/测试:色`, { color: 'D93F0B', description: '说明' }],
    ]);
  });

  test('listLabels(): a label without a description (null) reads as ""', async () => {
    fake.fail('GET', /\/labels$/, { status: 200, body: [{ id: 1, name: '甲', color: 'ededed', description: null }, { id: 2, name: '乙', color: '1d76db', description: '说明' }] });
    expect([...(await listLabels(client(), repo()))]).toStrictEqual([
      ['甲', { name: '甲', color: 'ededed', description: '' }],
      ['乙', { name: '乙', color: '1d76db', description: '说明' }],
    ]);
  });

  test('upsertRuleset() creates its own ruleset beside another one, then replaces only its own', async () => {
    const admin = createClient({ token: 'admin-token', baseUrl: fake.url, retryBaseMs: 1 });
    fake.rulesets = [{ id: 50, name: '别的规则', enforcement: 'active', target: 'branch' }];
    const spec = plannedRuleset(BOT_APP_ID);
    expect(await upsertRuleset(admin, repo(), spec)).toBe('created');
    expect(fake.rulesets.map((r) => [r.id, r.name])).toEqual([[50, '别的规则'], [101, spec.name]]);
    expect(await upsertRuleset(admin, repo(), spec)).toBe('updated');
    expect(fake.writes().map((w) => `${w.method} ${w.path}`)).toEqual([`POST ${P}/rulesets`, `PUT ${P}/rulesets/101`]);
    expect(fake.rulesets.map((r) => [r.id, r.name])).toEqual([[50, '别的规则'], [101, spec.name]]);
  });
});
