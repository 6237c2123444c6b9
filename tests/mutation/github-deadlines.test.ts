// The deadline job's adapter against the fake GitHub on 127.0.0.1 (real octokit, real HTTP): labels
// are read and created only when an issue is to be created, with the follow-up label's colour and
// text; a new issue is assigned to its own unit's assignable users (at most ten, GitHub's limit),
// never to teams.
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { DEADLINE_LABEL, type UnitIssue } from '../../src/domain/deadline-issues.ts';
import { createClient } from '../../scripts/github/client.ts';
import { syncDeadlineIssues } from '../../scripts/github/deadlines.ts';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.ts';

let fake: FakeGitHub;
beforeEach(async () => {
  fake = await startFakeGitHub();
});
afterEach(() => fake.stop());
const client = () => createClient({ token: 'test-token', baseUrl: fake.url, retryBaseMs: 1 });
const repo = () => ({ owner: fake.owner, repo: fake.repo });
const P = '/repos/qclg/media-registry';
const marker = (unit: string) => `<!-- campus-registry:deadlines unit=${unit} -->`;
const want = (unit: string, owners?: string[], text = '1 项逾期'): UnitIssue => ({ unit, title: `【逾期提醒】${unit}`, body: `${marker(unit)}\n${text}`, ...(owners ? { owners } : {}) });
const labelWrites = () => fake.writes().filter((w) => w.path.startsWith(`${P}/labels`)).map((w) => [w.method, w.path, w.body]);

describe('syncDeadlineIssues(): labels', () => {
  test('a run with only updates and closes neither reads nor creates labels', async () => {
    const jwc = fake.addIssue({ title: '【逾期提醒】jwc', body: `${marker('jwc')}\n旧`, labels: [DEADLINE_LABEL] });
    const tw = fake.addIssue({ title: '【逾期提醒】tw', body: `${marker('tw')}\n旧`, labels: [DEADLINE_LABEL] });
    const actions = await syncDeadlineIssues(client(), repo(), [want('jwc')]);
    expect(actions.map((a) => `${a.type}:${a.unit}`)).toEqual(['update:jwc', 'close:tw']);
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET ${P}/issues`, `PATCH ${P}/issues/${jwc.number}`, `PATCH ${P}/issues/${tw.number}`]);
    expect(fake.labels.size).toBe(0);
  });

  test('missing labels are created first: the follow-up label red with its text, unit labels grey without text', async () => {
    await syncDeadlineIssues(client(), repo(), [want('jwc'), want('tw')]);
    expect(labelWrites()).toEqual([
      ['POST', `${P}/labels`, { name: DEADLINE_LABEL, color: 'd93f0b', description: '备案事项逾期，由每日任务自动维护' }],
      ['POST', `${P}/labels`, { name: '单位:jwc', color: 'ededed', description: '' }],
      ['POST', `${P}/labels`, { name: '单位:tw', color: 'ededed', description: '' }],
    ]);
    expect(fake.issues.map((i) => [i.title, i.labels.map((l) => l.name)])).toEqual([
      ['【逾期提醒】jwc', [DEADLINE_LABEL, '单位:jwc']],
      ['【逾期提醒】tw', [DEADLINE_LABEL, '单位:tw']],
    ]);
  });

  test('labels that exist are left as the office set them (no update)', async () => {
    fake.labels.set(DEADLINE_LABEL, { name: DEADLINE_LABEL, color: 'ff0000', description: '自定义' });
    fake.labels.set('单位:jwc', { name: '单位:jwc', color: '000000', description: '教务处' });
    await syncDeadlineIssues(client(), repo(), [want('jwc'), want('tw')]);
    expect(labelWrites()).toEqual([['POST', `${P}/labels`, { name: '单位:tw', color: 'ededed', description: '' }]]);
    expect(fake.labels.get(DEADLINE_LABEL)).toEqual({ name: DEADLINE_LABEL, color: 'ff0000', description: '自定义' });
  });
});

describe('syncDeadlineIssues(): assignees', () => {
  test('each new issue is assigned to its own unit\'s assignable users; teams are never asked; no owners, nobody asked', async () => {
    await syncDeadlineIssues(client(), repo(), [want('jwc', ['@jwc-admin', '@qclg/jwc', '@not-a-member']), want('robot-club'), want('tw', ['@tw-admin'])]);
    expect(fake.issues.map((i) => [i.title, i.assignees])).toEqual([
      ['【逾期提醒】jwc', ['jwc-admin']],
      ['【逾期提醒】robot-club', []],
      ['【逾期提醒】tw', ['tw-admin']],
    ]);
    expect(fake.requests.filter((r) => r.path.includes('/assignees/')).map((r) => r.path)).toEqual([`${P}/assignees/jwc-admin`, `${P}/assignees/not-a-member`, `${P}/assignees/tw-admin`]);
    expect(fake.writes().filter((w) => w.path === `${P}/issues`).map((w) => w.body)).toEqual([
      { title: '【逾期提醒】jwc', body: `${marker('jwc')}\n1 项逾期`, labels: [DEADLINE_LABEL, '单位:jwc'], assignees: ['jwc-admin'] },
      { title: '【逾期提醒】robot-club', body: `${marker('robot-club')}\n1 项逾期`, labels: [DEADLINE_LABEL, '单位:robot-club'] },
      { title: '【逾期提醒】tw', body: `${marker('tw')}\n1 项逾期`, labels: [DEADLINE_LABEL, '单位:tw'], assignees: ['tw-admin'] },
    ]);
    expect(fake.violations).toEqual([]);
  });

  test('at most ten assignees, GitHub\'s limit: the first ten assignable owners', async () => {
    const users = Array.from({ length: 11 }, (_, i) => `officer-${i + 1}`);
    for (const u of users) fake.collaborators.add(u);
    await syncDeadlineIssues(client(), repo(), [want('jwc', users.map((u) => `@${u}`))]);
    expect(fake.issues.map((i) => i.assignees)).toEqual([users.slice(0, 10)]);
  });
});
