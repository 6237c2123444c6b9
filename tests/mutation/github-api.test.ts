// The GitHub adapter against the fake GitHub on 127.0.0.1 (real octokit, real HTTP): the bot's
// comment is found by marker AND bot author, CRLF bodies compare equal, labels and reviewers are
// changed only when something changes.
import { afterAll, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { requestOwnerReviews, syncLabels, upsertMarkedComment } from '../../scripts/github/api.ts';
import { createClient } from '../../scripts/github/client.ts';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.ts';

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

  test('makes no call when there is nobody new', async () => {
    const pr = fake.addPull({ author: 'a', headSha: 'd'.repeat(40) });
    const info = { number: pr.number, author: 'a', requestedUsers: [], requestedTeams: [] } as unknown as Parameters<typeof requestOwnerReviews>[2];
    expect(await requestOwnerReviews(client(), repo(), info, ['@A'])).toEqual({ users: [], teams: [], refused: [] });
    expect(fake.writes()).toEqual([]);
  });
});
