// The PR rules in real git repositories: the base branch's checker judges the PR's filings (a PR
// that weakens the checker is still judged by the old one), and the ownership, approval and
// no-deletion rules, table-driven over PR branches.
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { checkPrRules, describeChanges, labelsFor, PrReportSchema } from '../src/domain/pr-report.ts';
import { loadRegistry } from '../src/registry/load.ts';
import { diffContentDirs } from '../scripts/lib/content-diff.ts';
import { CANARY, ROOT, UNITS, accountText, put, writeFixtureRegistry } from './helpers/github-fixture.ts';

const run = promisify(execFile);
const git = async (cwd: string, ...args: string[]) => (await run('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd })).stdout.trim();
const TSX = path.join(ROOT, 'node_modules/.bin/tsx');

let tmp: string;
let repo: string;
let baseSha: string;

/** Checks out `sha`'s content/ only, as the validate workflow's sparse PR checkout does. */
async function contentAt(sha: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmp, 'pr-'));
  await git(repo, 'worktree', 'add', '-q', '--detach', dir, sha);
  return path.join(dir, 'content');
}

/** Commits `change` on a branch from the base; returns the head SHA. */
async function prBranch(name: string, change: (dir: string) => Promise<void>): Promise<string> {
  await git(repo, 'checkout', '-q', '-b', name, baseSha);
  await change(repo);
  await git(repo, 'add', '-A');
  await git(repo, 'commit', '-q', '--allow-empty', '-m', name);
  const sha = await git(repo, 'rev-parse', 'HEAD');
  await git(repo, 'checkout', '-q', '--detach', baseSha);
  return sha;
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'pr-check-'));
  repo = path.join(tmp, 'repo');
  await mkdir(repo);
  // The project's own code, so the base branch carries a real checker.
  for (const d of ['scripts', 'src']) await cp(path.join(ROOT, d), path.join(repo, d), { recursive: true });
  for (const f of ['package.json', 'tsconfig.json']) await cp(path.join(ROOT, f), path.join(repo, f));
  await writeFile(path.join(repo, '.gitignore'), 'node_modules\n');
  await writeFixtureRegistry(path.join(repo, 'content'));
  await git(repo, 'init', '-q', '-b', 'main');
  await git(repo, 'add', '-A');
  await git(repo, 'commit', '-q', '-m', 'base');
  baseSha = await git(repo, 'rev-parse', 'HEAD');
  await git(repo, 'checkout', '-q', '--detach', baseSha);
});
afterAll(() => rm(tmp, { recursive: true, force: true }));

describe('pr-check.ts: the validator from base, the filings from the PR', () => {
  test('a PR that replaces the checker with one that always passes is still judged by the base checker', async () => {
    const head = await prBranch('weaken-checker', async (dir) => {
      await writeFile(path.join(dir, 'scripts/pr-check.ts'), "console.log('全部通过'); process.exit(0);\n");
      await put(dir, 'content/accounts/tw/tw-fake.mdx', accountText({ id: 'tw-fake', unit: 'tw', name: '假冒', status: 'applied', approval: '2026-0001' }).replace('tier: 2', 'tier: 9'));
      await rm(path.join(dir, 'content/accounts/jwc/jwc-wechat.mdx'));
    });
    // The workflow: base checkout (code + content) and the PR's content only.
    const baseDir = path.join(await mkdtemp(path.join(tmp, 'base-')), 'checkout');
    await git(repo, 'worktree', 'add', '-q', '--detach', baseDir, baseSha);
    await symlink(path.join(ROOT, 'node_modules'), path.join(baseDir, 'node_modules'));
    const prContent = await contentAt(head);
    const report = path.join(tmp, 'report.json');
    const result = await run(TSX, ['scripts/pr-check.ts', '--content', prContent, '--base-content', 'content', '--author', 'jwc-admin', '--head-sha', head, '--report', report, '--today', '2026-11-21'], { cwd: baseDir }).then(
      (r) => ({ ...r, code: 0 }),
      (e: { stdout: string; code: number }) => e,
    );
    expect(result.code).toBe(1);
    expect(result.stdout).not.toContain('全部通过');
    const parsed = PrReportSchema.parse(JSON.parse(await readFile(report, 'utf8')));
    expect(parsed.ok).toBe(false);
    expect(parsed.headSha).toBe(head);
    expect(parsed.violations.map((v) => `${v.file} ${v.code}`).sort()).toEqual([
      'accounts/jwc/jwc-wechat.mdx pr/deleted-filing',
      'accounts/tw/tw-fake.mdx pr/approval-set',
      'accounts/tw/tw-fake.mdx pr/not-owner',
    ]);
    expect(parsed.errors.map((e) => e.code)).toContain('field/range');
    // The report names fields, never private values.
    const text = await readFile(report, 'utf8');
    for (const v of Object.values(CANARY)) expect(text).not.toContain(v);

    // Run the PR's own "checker" instead and it would have passed: that is what the base checkout prevents.
    const prCode = path.dirname(prContent);
    await symlink(path.join(ROOT, 'node_modules'), path.join(prCode, 'node_modules'));
    expect((await run(TSX, ['scripts/pr-check.ts'], { cwd: prCode })).stdout).toContain('全部通过');
  }, 60_000);
});

describe('checkPrRules() on PR branches', () => {
  const tw = accountText({ id: 'tw-weibo', unit: 'tw', name: '青川理工团委', status: 'applied', tier: 3 });
  const cases: Array<[string, string, (dir: string) => Promise<void>, string[], { office?: boolean }?]> = [
    ['lets a unit owner file for the unit', 'jwc-admin', (d) => put(d, 'content/accounts/jwc/jwc-news.mdx', accountText({ id: 'jwc-news', unit: 'jwc', name: '教务新闻', status: 'applied' })), []],
    ['refuses a filing for another unit', 'jwc-admin', (d) => put(d, 'content/accounts/tw/tw-weibo.mdx', tw), ['accounts/tw/tw-weibo.mdx pr/not-owner']],
    ['lets the supervising unit file for a club under it', 'tw-admin', (d) => put(d, 'content/accounts/robot-club/rc-weibo.mdx', accountText({ id: 'rc-weibo', unit: 'robot-club', name: '机器人协会', status: 'applied', tier: 3 })), []],
    ['lets the office file for any unit', 'xcb-staff', (d) => put(d, 'content/accounts/tw/tw-weibo.mdx', tw), [], { office: true }],
    ['reads owners from the base: a PR cannot make its author an owner', 'jwc-admin', async (d) => {
      await put(d, 'content/units/tw.yaml', UNITS.tw!.replace("['@tw-admin']", "['@tw-admin', '@jwc-admin']"));
      await put(d, 'content/accounts/tw/tw-weibo.mdx', tw);
    }, ['accounts/tw/tw-weibo.mdx pr/not-owner', 'units/tw.yaml pr/office-only']],
    ['refuses deleting a filing (closure is a status change)', 'jwc-admin', (d) => rm(path.join(d, 'content/accounts/jwc/jwc-wechat.mdx')), ['accounts/jwc/jwc-wechat.mdx pr/deleted-filing']],
    ['refuses altering an approval number', 'jwc-admin', async (d) => {
      const f = path.join(d, 'content/accounts/jwc/jwc-wechat.mdx');
      await writeFile(f, (await readFile(f, 'utf8')).replace("'2024-0001'", "'2024-0002'"));
    }, ['accounts/jwc/jwc-wechat.mdx pr/approval-altered']],
    ['refuses removing an approval', 'jwc-admin', async (d) => {
      const f = path.join(d, 'content/accounts/jwc/jwc-wechat.mdx');
      await writeFile(f, (await readFile(f, 'utf8')).replace(/approval:\n(  .*\n)+/, ''));
    }, ['accounts/jwc/jwc-wechat.mdx pr/approval-altered']],
    ['allows a unit to close its own account by a status change', 'jwc-admin', async (d) => {
      const f = path.join(d, 'content/accounts/jwc/jwc-wechat.mdx');
      await writeFile(f, (await readFile(f, 'utf8')).replace('status: active', 'status: closed').replace("  opened: '2020-03-01'", "  opened: '2020-03-01'\n  closed: '2026-11-18'").replace('contacts:', 'closure:\n  reason: 合并到学校官方账号\ncontacts:'));
    }, []],
  ];

  test.each(cases)('%s', async (name, author, change, expected, extra) => {
    const head = await prBranch(name.replace(/[^a-z]+/gi, '-'), change);
    const [b, h] = [await contentAt(baseSha), await contentAt(head)];
    const [base, pr, changes] = await Promise.all([loadRegistry(b, { today: '2026-11-21' }), loadRegistry(h, { today: '2026-11-21' }), diffContentDirs(b, h)]);
    const { violations } = checkPrRules(changes, base.registry, pr.registry, { login: author, ...extra });
    expect(violations.map((v) => `${v.file} ${v.code}`).sort()).toEqual(expected);
  });

  test('refuses reopening a closed account, even with every trace of the closure removed', async () => {
    const closedSha = await prBranch('close-first', async (d) => {
      const f = path.join(d, 'content/accounts/jwc/jwc-wechat.mdx');
      await writeFile(f, (await readFile(f, 'utf8')).replace('status: active', 'status: closed').replace("  opened: '2020-03-01'", "  opened: '2020-03-01'\n  closed: '2026-11-18'").replace('contacts:', 'closure:\n  reason: 停止运营\ncontacts:'));
    });
    await git(repo, 'checkout', '-q', '-b', 'revive', closedSha);
    const f = path.join(repo, 'content/accounts/jwc/jwc-wechat.mdx');
    await writeFile(f, (await readFile(f, 'utf8')).replace('status: closed', 'status: active').replace("\n  closed: '2026-11-18'", '').replace('closure:\n  reason: 停止运营\n', ''));
    await git(repo, 'commit', '-q', '-am', 'revive');
    const revived = await git(repo, 'rev-parse', 'HEAD');
    await git(repo, 'checkout', '-q', '--detach', baseSha);
    const [b, h] = [await contentAt(closedSha), await contentAt(revived)];
    const [base, pr, changes] = await Promise.all([loadRegistry(b, { today: '2026-11-21' }), loadRegistry(h, { today: '2026-11-21' }), diffContentDirs(b, h)]);
    expect(pr.findings.filter((x) => x.severity === 'error')).toEqual([]);
    const { violations } = checkPrRules(changes, base.registry, pr.registry, { login: 'jwc-admin' });
    expect(violations.map((v) => `${v.file} ${v.code}`)).toEqual(['accounts/jwc/jwc-wechat.mdx pr/revived']);
  });

  test('describeChanges() tells a closure from a change, for the bot\'s labels', async () => {
    const head = await prBranch('close-and-review', async (d) => {
      const f = path.join(d, 'content/accounts/jwc/jwc-wechat.mdx');
      await writeFile(f, (await readFile(f, 'utf8')).replace('status: active', 'status: closed').replace("  opened: '2020-03-01'", "  opened: '2020-03-01'\n  closed: '2026-11-18'").replace('contacts:', 'closure:\n  reason: 停止运营\ncontacts:'));
    });
    const [b, h] = [await contentAt(baseSha), await contentAt(head)];
    const [base, pr, changes] = await Promise.all([loadRegistry(b, { today: '2026-11-21' }), loadRegistry(h, { today: '2026-11-21' }), diffContentDirs(b, h)]);
    const described = describeChanges(changes, base.registry, pr.registry);
    expect(described).toEqual([{ file: 'accounts/jwc/jwc-wechat.mdx', kind: 'closure', unit: 'jwc', account: 'jwc-wechat', tier: 2, name: '青川理工学院教务处', platform: '微信公众号' }]);
    expect(labelsFor(described, (l) => `${l}级`)).toEqual(['单位:jwc', '备案:停办', '级别:2级']);
  });
});
