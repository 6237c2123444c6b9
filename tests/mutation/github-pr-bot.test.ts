// The PR bot against the strict fake GitHub on 127.0.0.1 (real octokit, real HTTP), with the
// validate job's report written by hand: which report is accepted, the labels (kinds from the
// report checked against the PR's real files, units from the paths), the comment when there is no
// report, who is asked to review, and who the comment says must approve.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test } from 'vitest';
import { createClient } from '../../scripts/github/client.ts';
import { readReport, runPrBot } from '../../scripts/github/pr-bot.ts';
import { loadRegistry } from '../../src/registry/load.ts';
import type { Registry } from '../../src/domain/registry.ts';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.ts';
import { writeFixtureRegistry } from '../helpers/github-fixture.ts';

let fake: FakeGitHub;
let registry: Registry;
beforeAll(async () => {
  fake = await startFakeGitHub();
  registry = (await loadRegistry(await writeFixtureRegistry(), { today: '2026-11-21' })).registry;
});
afterAll(() => fake.stop());
beforeEach(() => {
  fake.comments = [];
  fake.requests = [];
});
afterEach(() => expect(fake.violations).toEqual([]));

const client = () => createClient({ token: 'test-token', baseUrl: fake.url, retryBaseMs: 1 });
const repo = () => ({ owner: fake.owner, repo: fake.repo });
let shaN = 0;
const nextSha = () => (++shaN).toString(16).padStart(40, '8');

type Change = { file: string; kind: 'new' | 'change' | 'closure' | 'review' | 'other'; unit?: string; tier?: number; name?: string };
const report = (changes: Change[], extra: Record<string, unknown> = {}) => JSON.stringify({ version: 1, ok: true, errors: [], warnings: [], changes, violations: [], late: [], ...extra });
const JWC = 'accounts/jwc/jwc-news.mdx';
const CLUB = 'accounts/robot-club/robot-news.mdx';

/** A PR by `author` changing `files` (repository paths); returns its head commit and number. */
function pull(files: string[], o: { author?: string; labels?: string[] } = {}) {
  const headSha = nextSha();
  const pr = fake.addPull({ author: o.author ?? 'someone', headSha, files, labels: o.labels });
  return { headSha, number: pr.number };
}
const bodyOf = (n: number) => fake.comments.filter((c) => c.issue_number === n).map((c) => c.body);
const approversOf = (body: string) => body.slice(body.indexOf('**需要谁审核**')).split('\n').filter((l) => l.startsWith('- '));

describe('readReport()', () => {
  const SHA = 'a'.repeat(40);
  test('accepts a valid report for this commit or for no commit, padded up to 1,000,000 characters', () => {
    expect(readReport(report([]), SHA)).toMatchObject({ version: 1, changes: [] });
    expect(readReport(report([], { headSha: SHA }), SHA)).toMatchObject({ headSha: SHA });
    const text = report([]);
    expect(readReport(text + ' '.repeat(1_000_000 - text.length), SHA)).toMatchObject({ version: 1 });
  });

  test('refuses no text, a longer text, invalid JSON, a report that breaks the schema, and one for another commit', () => {
    const text = report([]);
    expect(readReport(undefined, SHA)).toBeUndefined();
    expect(readReport('', SHA)).toBeUndefined();
    expect(readReport(text + ' '.repeat(1_000_001 - text.length), SHA)).toBeUndefined();
    expect(readReport('{', SHA)).toBeUndefined();
    expect(readReport(report([], { version: 2 }), SHA)).toBeUndefined();
    expect(readReport(report([], { headSha: 'b'.repeat(40) }), SHA)).toBeUndefined();
  });
});

describe('runPrBot()', () => {
  test('without a PR for the commit nothing is done', async () => {
    expect(await runPrBot(client(), repo(), { headSha: 'f'.repeat(40), reportText: report([]), registry })).toEqual({ reportAccepted: false });
    expect(fake.writes()).toEqual([]);
  });

  test('labels: kinds and tiers from report entries about the PR\'s own files, units from its paths (known units only, sorted)', async () => {
    const { headSha, number } = pull([`content/${JWC}`, `content/${CLUB}`, 'content/accounts/ghost/x.mdx', '.github/x.yml']);
    const text = report([
      { file: JWC, kind: 'new', unit: 'tw', tier: 2 },
      { file: 'accounts/jwc/other.mdx', kind: 'closure', tier: 1 },
    ]);
    const r = await runPrBot(client(), repo(), { headSha, reportText: text, registry });
    expect(r).toMatchObject({ pr: number, comment: 'created', reportAccepted: true });
    expect(r.labels).toEqual({ added: ['单位:jwc', '单位:robot-club', '备案:新开', '级别:二级平台'], removed: [] });
  });

  test('a report that lists none of the PR\'s content files labels the PR 备案:其他; a PR outside content gets no kind', async () => {
    const a = pull([`content/${JWC}`]);
    expect((await runPrBot(client(), repo(), { headSha: a.headSha, reportText: report([]), registry })).labels).toEqual({ added: ['单位:jwc', '备案:其他'], removed: [] });
    const b = pull(['.github/workflows/x.yml']);
    expect((await runPrBot(client(), repo(), { headSha: b.headSha, reportText: report([]), registry })).labels).toEqual({ added: [], removed: [] });
  });

  test('without a usable report the kind and tier labels stay, the unit labels follow the paths, and the comment says so', async () => {
    const { headSha, number } = pull([`content/${JWC}`], { labels: ['备案:新开', '级别:二级平台', '单位:tw', '紧急'] });
    const r = await runPrBot(client(), repo(), { headSha, reportText: undefined, registry });
    expect(r).toMatchObject({ reportAccepted: false, labels: { added: ['单位:jwc'], removed: ['单位:tw'] } });
    expect(bodyOf(number)).toEqual([
      '<!-- campus-registry:pr-report -->\n### ⚠️ 没有拿到本次提交的检查结果\n\n“检查备案”没有生成可读取的报告（可能是检查过程出错）。请打开该检查的运行记录查看原因，修改后重新提交。',
    ]);
    const b = pull([`content/${JWC}`]);
    await runPrBot(client(), repo(), { headSha: b.headSha, reportText: '{', registry, runUrl: 'https://github.test/run/1' });
    expect(bodyOf(b.number)[0]!.endsWith('修改后重新提交。[查看检查记录](https://github.test/run/1)')).toBe(true);
  });

  test('the comment names the unit for tiers 1–2 and the supervising unit for tier 3, the tier from the report or else the base registry', async () => {
    const a = pull([`content/${JWC}`]);
    await runPrBot(client(), repo(), { headSha: a.headSha, reportText: report([{ file: JWC, kind: 'new', tier: 2 }]), registry });
    expect(approversOf(bodyOf(a.number)[0]!)).toEqual(['- 教务处（主办单位意见）：`@jwc-admin`', '- 党委宣传部（归口管理部门意见）：`@qclg/xcb`']);

    const b = pull([`content/${CLUB}`]);
    await runPrBot(client(), repo(), { headSha: b.headSha, reportText: report([{ file: CLUB, kind: 'new', tier: 3 }]), registry });
    expect(approversOf(bodyOf(b.number)[0]!)).toEqual(['- 校团委（上级单位意见）：`@tw-admin`', '- 党委宣传部（归口管理部门意见）：`@qclg/xcb`']);

    const c = pull([`content/${JWC}`]);
    await runPrBot(client(), repo(), { headSha: c.headSha, reportText: report([{ file: JWC, kind: 'new', tier: 1 }]), registry });
    expect(approversOf(bodyOf(c.number)[0]!)).toEqual(['- 党委宣传部（归口管理部门意见）：`@qclg/xcb`']);

    // The base filing (tier 2) when the report gives no tier: the unit, not only the office.
    const d = pull(['content/accounts/jwc/jwc-wechat.mdx']);
    const club1 = { ...registry, accounts: registry.accounts.map((a) => (a.file === 'accounts/jwc/jwc-wechat.mdx' ? { ...a, data: { ...a.data, tier: 1 } } : a)) } as Registry;
    await runPrBot(client(), repo(), { headSha: d.headSha, reportText: report([{ file: 'accounts/jwc/jwc-wechat.mdx', kind: 'change' }]), registry: club1 });
    expect(approversOf(bodyOf(d.number)[0]!)).toEqual(['- 党委宣传部（归口管理部门意见）：`@qclg/xcb`']);
  });

  test('each file\'s own tier decides its approvers; a file the report gives no tier falls back to its unit kind\'s tier', async () => {
    const a = pull([`content/${JWC}`, `content/${CLUB}`]);
    await runPrBot(client(), repo(), { headSha: a.headSha, reportText: report([{ file: JWC, kind: 'new', tier: 1 }, { file: CLUB, kind: 'new', tier: 3 }]), registry });
    expect(approversOf(bodyOf(a.number)[0]!)).toEqual(['- 校团委（上级单位意见）：`@tw-admin`', '- 党委宣传部（归口管理部门意见）：`@qclg/xcb`']);
    const b = pull([`content/${CLUB}`]);
    await runPrBot(client(), repo(), { headSha: b.headSha, reportText: report([{ file: CLUB, kind: 'new' }]), registry });
    expect(approversOf(bodyOf(b.number)[0]!)).toEqual(['- 校团委（上级单位意见）：`@tw-admin`', '- 党委宣传部（归口管理部门意见）：`@qclg/xcb`']);
  });

  test('with a report, stale kind labels are removed', async () => {
    const { headSha } = pull([`content/${JWC}`], { labels: ['备案:变更', '单位:jwc'] });
    expect((await runPrBot(client(), repo(), { headSha, reportText: report([{ file: JWC, kind: 'new' }]), registry })).labels).toEqual({ added: ['备案:新开'], removed: ['备案:变更'] });
  });

  test('without a policy the tier is named by its level and the office by its role', async () => {
    const { headSha, number } = pull([`content/${JWC}`]);
    const r = await runPrBot(client(), repo(), { headSha, reportText: report([{ file: JWC, kind: 'new', tier: 2 }]), registry: { ...registry, policy: undefined } as Registry });
    expect(r.labels!.added).toContain('级别:2级平台');
    expect(bodyOf(number)[0]).toContain('- 归口管理部门（归口管理部门意见）：');
  });

  test('a tier the policy does not define is named by its level', async () => {
    const { headSha } = pull([`content/${JWC}`]);
    const policy = { ...registry.policy!, data: { ...registry.policy!.data, tiers: registry.policy!.data.tiers.filter((t) => t.level !== 3) } };
    const r = await runPrBot(client(), repo(), { headSha, reportText: report([{ file: JWC, kind: 'new', tier: 3 }]), registry: { ...registry, policy } as Registry });
    expect(r.labels!.added).toContain('级别:3级平台');
  });

  describe('reviewers', () => {
    // The office with a user owner (spelled in another case by the unit) shows which owners are the office's.
    const withUserOffice = () =>
      ({
        ...registry,
        units: registry.units.map((u) =>
          u.data.id === 'xcb' ? { ...u, data: { ...u.data, owners: ['@office-admin'] } } : u.data.id === 'jwc' ? { ...u, data: { ...u.data, owners: ['@Office-Admin', '@jwc-admin'] } } : u,
        ),
      }) as Registry;

    test('the unit\'s and supervising units\' user owners are requested, never the office\'s', async () => {
      const a = pull([`content/${JWC}`]);
      expect((await runPrBot(client(), repo(), { headSha: a.headSha, reportText: report([]), registry: withUserOffice() })).reviewers).toEqual({ users: ['jwc-admin'], teams: [], refused: [] });
      const b = pull([`content/${CLUB}`]);
      expect((await runPrBot(client(), repo(), { headSha: b.headSha, reportText: report([]), registry })).reviewers).toEqual({ users: ['robot-admin', 'tw-admin'], teams: [], refused: [] });
      // Units in name order, whatever the order of the files.
      const c = pull([`content/${CLUB}`, `content/${JWC}`]);
      expect((await runPrBot(client(), repo(), { headSha: c.headSha, reportText: report([]), registry })).reviewers).toEqual({ users: ['jwc-admin', 'robot-admin', 'tw-admin'], teams: [], refused: [] });
    });

    test('a PR touching no unit asks the office', async () => {
      const { headSha } = pull(['content/pages/guide.mdx']);
      expect((await runPrBot(client(), repo(), { headSha, reportText: report([]), registry: withUserOffice() })).reviewers).toEqual({ users: ['office-admin'], teams: [], refused: [] });
    });
  });
});

describe('runPrBot(): annual reviews and unit names', () => {
  test('an annual review file is labelled with, and reviewed by, the unit of the account it reviews', async () => {
    const { headSha } = pull(['content/reviews/2026/jwc-wechat.yaml']);
    const r = await runPrBot(client(), repo(), { headSha, reportText: report([]), registry });
    expect(r.labels).toEqual({ added: ['单位:jwc', '备案:其他'], removed: [] });
    expect(r.reviewers).toEqual({ users: ['jwc-admin'], teams: [], refused: [] });
  });

  test('a unit whose name has brackets of its own is named whole in the comment, with its owners', async () => {
    const bracketed = { ...registry, units: registry.units.map((u) => (u.data.id === 'jwc' ? { ...u, data: { ...u.data, name: '教务处（本科生院）' } } : u)) } as Registry;
    const { headSha, number } = pull([`content/${JWC}`]);
    const r = await runPrBot(client(), repo(), { headSha, reportText: report([{ file: JWC, kind: 'new', tier: 2 }]), registry: bracketed });
    expect(r.comment).toBe('created');
    const lines = approversOf(bodyOf(number)[0]!);
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain('教务处（本科生院）');
    expect(lines[0]!.endsWith('：`@jwc-admin`')).toBe(true);
    expect(lines[1]).toBe('- 党委宣传部（归口管理部门意见）：`@qclg/xcb`');
  });
});
