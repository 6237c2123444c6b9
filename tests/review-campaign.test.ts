/**
 * The annual-review campaign on the demo registry against the fake GitHub (real octokit over
 * HTTP): nothing before the window opens; one issue per unit plus the office summary when it
 * opens, the label created before use; a second run writes nothing; the reminder and the derived
 * states update the same issues in place; no private value reaches GitHub.
 */
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { renderCampaignIssues, reviewCampaign, type Campaign } from '../src/domain/review-campaign.ts';
import { loadRegistry } from '../src/registry/load.ts';
import { Octokit } from 'octokit';
import type { GitHubClient } from '../scripts/github/client.ts';
import { syncCampaignIssues } from '../scripts/review-campaign.ts';
import { startFakeGitHub, type FakeGitHub } from './helpers/fake-github.ts';

const CONTENT = path.resolve(import.meta.dirname, '../content');
const LINKS = { issueForm: 'https://github.test/qclg/media-registry/issues/new?template=annual-review.yml', office: '党委宣传部', rule: '第五条', pushList: false };
let fake: FakeGitHub;
beforeAll(async () => {
  fake = await startFakeGitHub();
});
afterAll(() => fake.stop());

/**
 * The real octokit against the fake, without the throttling plugin's one-write-per-second pacing
 * (the demo has 35 units: paced, one test would take minutes; the adapter code is the same). Retry
 * stays on as in createClient (an idle keep-alive socket may be reset while the registry loads).
 */
function testClient(): GitHubClient {
  return new Octokit({ auth: 'test-token', baseUrl: fake.url, throttle: { enabled: false }, retry: { retries: 3, retryAfterBaseValue: 1 }, log: { debug: () => {}, info: () => {}, warn: () => {}, error: () => {} } }) as GitHubClient;
}

async function campaignOn(today: string): Promise<{ c: Campaign; privateValues: string[] }> {
  const { registry } = await loadRegistry(CONTENT, { today });
  const privateValues = registry.accounts.flatMap((a) => [a.data.contacts.head.mobile, a.data.contacts.head.email, ...a.data.contacts.admins.map((x) => x.name)]).filter((x): x is string => !!x);
  return { c: reviewCampaign(registry, today)!, privateValues };
}

describe('reviewCampaign()', () => {
  test('until the window opens (000: 12-11) last year\'s campaign stands; from 12-11 every unit with accounts due is listed', async () => {
    // Until the 2026 window opens, the 2025 campaign stays in its after-deadline phase.
    const before = await campaignOn('2026-12-10');
    expect(before.c).toMatchObject({ year: 2025, phase: 'after' });
    const open = await campaignOn('2026-12-11');
    expect(open.c).toMatchObject({ year: 2026, opens: '2026-12-11', due: '2026-12-20', phase: 'open' });
    expect(open.c.units.length).toBeGreaterThan(20);
    expect(open.c.units.every((u) => u.items.every((i) => i.state === 'missing'))).toBe(true);
    expect((await campaignOn('2026-12-13')).c.phase).toBe('reminder');
    expect((await campaignOn('2026-12-21')).c.phase).toBe('after');
  });
});

describe('syncCampaignIssues() against the fake GitHub', () => {
  test('opens, reminds, reports derived states in place; a second run writes nothing; no private value is posted', async () => {
    const client = testClient();
    const repo = { owner: fake.owner, repo: fake.repo };

    const { c: open, privateValues } = await campaignOn('2026-12-11');
    const desired = renderCampaignIssues(open, LINKS);
    const first = await syncCampaignIssues(client, repo, desired, open.year);
    expect(first.every((a) => a.type === 'create')).toBe(true);
    expect(first).toHaveLength(open.units.length + 1);
    // The label exists before the first issue uses it.
    const labelAt = fake.requests.findIndex((r) => r.method === 'POST' && r.path.endsWith('/labels'));
    const issueAt = fake.requests.findIndex((r) => r.method === 'POST' && r.path.endsWith('/issues'));
    expect(labelAt).toBeGreaterThanOrEqual(0);
    expect(labelAt).toBeLessThan(issueAt);
    expect(fake.labels.has('年审')).toBe(true);
    const summary = fake.issues.find((i) => i.title.includes('进度总览'))!;
    expect(summary.title).toBe(`【2026 年度年审】进度总览：0/${open.units.reduce((n, u) => n + u.items.length, 0)} 合格`);
    expect(summary.body).toContain('| 教务处（`jwc`） |');
    expect(summary.body).toContain('置顶');
    const jwc = fake.issues.find((i) => i.body.includes('unit=jwc'))!;
    expect(jwc.title).toMatch(/^【2026 年度年审】教务处：\d+ 个账号待提交或整改$/);
    expect(jwc.body).toContain('npm run forms -- --kind review --unit jwc');
    expect(jwc.body).toContain(LINKS.issueForm);
    const posted = fake.issues.map((i) => `${i.title}\n${i.body}`).join('\n');
    for (const v of privateValues) expect(posted).not.toContain(v);

    // Same day again: zero write calls.
    const writes = fake.writes().length;
    const again = await syncCampaignIssues(client, repo, renderCampaignIssues((await campaignOn('2026-12-11')).c, LINKS), open.year);
    expect(again).toEqual([]);
    expect(fake.writes().length).toBe(writes);

    // The reminder phase updates every issue in place (no new issue).
    const count = fake.issues.length;
    const remind = await syncCampaignIssues(client, repo, renderCampaignIssues((await campaignOn('2026-12-14')).c, LINKS), 2026);
    expect(remind.every((a) => a.type === 'update')).toBe(true);
    expect(fake.issues.length).toBe(count);
    expect(fake.issues.find((i) => i.body.includes('unit=jwc'))!.body).toContain('提醒：年审将于 2026-12-20 截止');
    // …and comments once on each unit's issue (a comment notifies; an edited body does not).
    const jwcIssue = fake.issues.find((i) => i.body.includes('unit=jwc'))!;
    expect(fake.comments.filter((c) => c.issue_number === jwcIssue.number).map((c) => c.body)).toEqual([
      '<!-- campus-registry:review-campaign reminder year=2026 unit=jwc -->\n提醒：2026 年度年审将于 2026-12-20 截止，本单位还有账号未提交或须整改，请尽快按上方说明提交。',
    ]);
    expect(fake.comments.length).toBe(open.units.length);
    const w2 = fake.writes().length;
    expect(await syncCampaignIssues(client, repo, renderCampaignIssues((await campaignOn('2026-12-15')).c, LINKS), 2026)).toEqual([]);
    expect(fake.writes().length).toBe(w2);

    // After the deadline: the derived states appear.
    await syncCampaignIssues(client, repo, renderCampaignIssues((await campaignOn('2026-12-21')).c, LINKS), 2026);
    const after = fake.issues.find((i) => i.body.includes('unit=jwc'))!.body;
    expect(after).toContain('年审已于 2026-12-20 截止');
    expect(after).toContain('暂停运行（2026 年度年审材料未按期提交）');
    expect(fake.issues.filter((i) => i.state === 'open').length).toBe(count);
  }, 120_000);

  test('a finished unit\'s issue is closed, and last year\'s issues are closed when the new window opens', async () => {
    const client = testClient();
    const repo = { owner: fake.owner, repo: fake.repo };
    const { c } = await campaignOn('2026-12-11');
    const desired = renderCampaignIssues(c, LINKS).filter((d) => d.key !== 'jwc');
    const actions = await syncCampaignIssues(client, repo, desired, 2026);
    expect(actions.filter((a) => a.type === 'close').map((a) => a.key)).toEqual(['jwc']);
    const next = await syncCampaignIssues(client, repo, renderCampaignIssues((await campaignOn('2027-12-11')).c, LINKS), 2027);
    expect(next.filter((a) => a.type === 'close').length).toBe(desired.length);
    expect(next.filter((a) => a.type === 'create').length).toBeGreaterThan(0);
  }, 120_000);
});
