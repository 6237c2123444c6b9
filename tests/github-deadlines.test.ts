// Deadline issues against a fake GitHub: created, updated in place, closed when clear, and a second
// run with nothing new makes zero write calls.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { renderDeadlineIssues, type ObligationLike } from '../src/domain/deadline-issues.ts';
import { findObligations } from '../src/domain/obligations.ts';
import { loadRegistry } from '../src/registry/load.ts';
import { createClient } from '../scripts/github/client.ts';
import { syncDeadlineIssues } from '../scripts/github/deadlines.ts';
import { startFakeGitHub, type FakeGitHub } from './helpers/fake-github.ts';
import { CANARY, accountText, put, writeFixtureRegistry } from './helpers/github-fixture.ts';

let fake: FakeGitHub;
beforeAll(async () => {
  fake = await startFakeGitHub();
});
afterAll(() => fake.stop());

const names: Record<string, string> = { jwc: '教务处', tw: '校团委', 'robot-club': '机器人协会' };
const owners: Record<string, string[]> = { jwc: ['@jwc-admin', '@qclg/jwc', '@not-a-member'], tw: ['@tw-admin'] };
const render = (obligations: ObligationLike[]) => renderDeadlineIssues(obligations, (u) => names[u] ?? u, (a) => (a === 'jwc-wechat' ? '青川理工学院教务处' : undefined), '党委宣传部', (u) => owners[u] ?? []);
const ob = (o: Partial<ObligationLike> & Pick<ObligationLike, 'kind' | 'unit' | 'due'>): ObligationLike => ({ account: null, group: null, state: 'overdue', rule: '第四条', filed: null, ...o });

describe('syncDeadlineIssues()', () => {
  test('creates one issue per unit, updates it in place, closes it when clear; an unchanged run writes nothing', async () => {
    const client = createClient({ token: 'test-token', baseUrl: fake.url, retryBaseMs: 1 });
    const repo = { owner: fake.owner, repo: fake.repo };
    const day1 = [
      ob({ kind: 'change', unit: 'jwc', account: 'jwc-wechat', due: '2026-11-10' }),
      ob({ kind: 'review', unit: 'tw', account: 'tw-weibo', due: '2025-12-15', rule: '第五条' }),
      ob({ kind: 'keys', unit: 'tw', account: 'tw-douyin', due: '2026-11-30', state: 'upcoming' }), // not overdue: not listed
      ob({ kind: 'closure', unit: 'robot-club', account: 'rc-x', due: '2026-10-01', filed: '2026-10-05' }), // filed late: done
    ];
    const created = await syncDeadlineIssues(client, repo, render(day1));
    expect(created.map((a) => `${a.type}:${a.unit}`)).toEqual(['create:jwc', 'create:tw']);
    expect(fake.issues.map((i) => i.title)).toEqual(['【逾期提醒】教务处：1 项备案事项逾期', '【逾期提醒】校团委：1 项备案事项逾期']);
    expect(fake.issues[0]!.labels.map((l) => l.name)).toEqual(['逾期提醒', '单位:jwc']);
    // Labels were missing (GitHub refuses unknown labels on create): created first. Assigned to the
    // unit's owners who are assignable users; the team and a non-member are only mentioned.
    expect(fake.labels.has('逾期提醒')).toBe(true);
    expect(fake.issues[0]!.assignees).toEqual(['jwc-admin']);
    expect(fake.violations).toEqual([]);
    expect(fake.issues[0]!.body).toMatchInlineSnapshot(`
      "<!-- campus-registry:deadlines unit=jwc -->
      教务处：以下备案事项已超过《管理办法》规定的期限，请尽快通过合并请求（PR）补报。

      | 对象 | 事项 | 截止日期 | 依据 |
      |---|---|---|---|
      | 账号 \`jwc-wechat\` 青川理工学院教务处 | 信息变更报备 | 2026-11-10 | 第四条 |

      请本单位登记负责人 @jwc-admin @qclg/jwc @not-a-member 处理。

      补报后本提醒会自动更新；全部完成后自动关闭。如有疑问请联系党委宣传部。

      <sub>此 Issue 由登记系统每日自动生成，请勿手工修改正文。</sub>"
    `);

    // Same obligations the next day: zero write calls.
    const before = fake.writes().length;
    expect(await syncDeadlineIssues(client, repo, render(day1))).toEqual([]);
    expect(fake.writes().length).toBe(before);

    // jwc owes one more thing; tw has cleared its list.
    const day2 = [day1[0]!, ob({ kind: 'keys', unit: 'jwc', account: 'jwc-wechat', due: '2026-11-15', rule: '登记系统默认' })];
    const actions = await syncDeadlineIssues(client, repo, render(day2));
    expect(actions.map((a) => `${a.type}:${a.unit}`)).toEqual(['update:jwc', 'close:tw']);
    expect(fake.issues.map((i) => [i.number, i.state])).toEqual([[fake.issues[0]!.number, 'open'], [fake.issues[1]!.number, 'closed']]);
    expect(fake.issues[0]!.title).toBe('【逾期提醒】教务处：2 项备案事项逾期');
    expect(fake.issues[0]!.body).toContain('| 账号 `jwc-wechat` 青川理工学院教务处 | 开通后补报账号ID和链接 | 2026-11-15 | 登记系统默认期限 |');
    expect(fake.issues.filter((i) => i.title.includes('教务处'))).toHaveLength(1);

    // Everything cleared: the last issue closes, and a further run writes nothing.
    expect((await syncDeadlineIssues(client, repo, render([]))).map((a) => a.type)).toEqual(['close']);
    const settled = fake.writes().length;
    await syncDeadlineIssues(client, repo, render([]));
    expect(fake.writes().length).toBe(settled);
  });

  test('account names reach the issue escaped: no live mention, link or markup', () => {
    const [issue] = renderDeadlineIssues([ob({ kind: 'change', unit: 'jwc', account: 'jwc-x', due: '2026-11-10' })], () => '教务处', () => '@everyone [点我](https://evil.example) <b>', '党委宣传部');
    expect(issue!.body).toContain('@\u200beveryone \\[点我\\]\\(https://evil.example\\) \\<b\\>');
    expect(issue!.body).not.toMatch(/@everyone|\]\(https/);
  });

  test('builds the issues from the real deadline function, with no private value in them', async () => {
    const dir = await writeFixtureRegistry();
    // An account approved in 2024 and never opened owes its opening (批准后开通).
    await put(dir, 'accounts/jwc/jwc-app.mdx', accountText({ id: 'jwc-app', unit: 'jwc', name: '青川理工教务APP', status: 'approved', approval: '2025-0001' }).replace("dates:\n  applied: '2026-11-20'\n  plannedOpening: '2026-12-20'", "dates:\n  applied: '2025-05-01'\n  plannedOpening: '2025-06-01'"));
    const { registry } = await loadRegistry(dir, { today: '2026-11-21' });
    const issues = render(findObligations(registry, registry.policy!.data, '2026-11-21'));
    const text = JSON.stringify(issues);
    for (const v of Object.values(CANARY)) expect(text).not.toContain(v);
    expect(issues.map((i) => i.unit)).toContain('jwc');
  });
});
