// The approval job in real git repositories (a bare "origin" and clones in temp folders): numbers
// are unique and never reused, also when two PRs merge at once and when two jobs race to push.
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findApprovalNumbers, nextApprovalNumbers, prNumberFromMessage, recordApproval } from '../src/domain/approval.ts';
import { loadRegistry } from '../src/registry/load.ts';
import { approveMergedFilings } from '../scripts/github/approve.ts';
import { startFakeGitHub, type FakeGitHub } from './helpers/fake-github.ts';
import { ROOT, accountText, put, writeFixtureRegistry } from './helpers/github-fixture.ts';

const run = promisify(execFile);
const DATE = { GIT_AUTHOR_DATE: '2026-11-20T10:00:00+08:00', GIT_COMMITTER_DATE: '2026-11-20T10:00:00+08:00' };
const git = async (cwd: string, ...args: string[]) =>
  (await run('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', '-c', 'init.defaultBranch=main', ...args], { cwd, env: { ...process.env, ...DATE } })).stdout.trim();

let fake: FakeGitHub;
let tmp: string;

/** origin (bare) with the fixture registry, an approved 2026-0003 that was later removed, and two PRs merged at once. */
async function setupOrigin(): Promise<{ origin: string; dev: string }> {
  const origin = path.join(tmp, `origin-${Math.random().toString(36).slice(2)}.git`);
  await git(tmp, 'init', '--bare', '-b', 'main', origin);
  const dev = await mkdtemp(path.join(tmp, 'dev-'));
  await git(dev, 'init', '-b', 'main');
  await git(dev, 'remote', 'add', 'origin', origin);
  await writeFixtureRegistry(path.join(dev, 'content'));
  await put(dev, 'content/accounts/jwc/jwc-old.mdx', accountText({ id: 'jwc-old', unit: 'jwc', name: '旧账号', approval: '2026-0003' }));
  await git(dev, 'add', '-A');
  await git(dev, 'commit', '-m', 'registry');
  await git(dev, 'rm', '-q', 'content/accounts/jwc/jwc-old.mdx');
  await git(dev, 'commit', '-m', 'office removes a filing (its number stays used)');
  await git(dev, 'push', '-q', 'origin', 'main');
  return { origin, dev };
}

/** Merges a branch adding `file` into main the way GitHub's merge button does. */
async function mergePr(dev: string, n: number, file: string, text: string, squash = false): Promise<string> {
  await git(dev, 'checkout', '-q', '-b', `pr-${n}`, 'main');
  await put(dev, file, text);
  await git(dev, 'add', '-A');
  await git(dev, 'commit', '-m', `add ${file}`);
  await git(dev, 'checkout', '-q', 'main');
  if (squash) await git(dev, 'merge', '-q', '--squash', `pr-${n}`).then(() => git(dev, 'commit', '-m', `新开备案 ${path.basename(file)}`));
  else await git(dev, 'merge', '-q', '--no-ff', '-m', `Merge pull request #${n} from unit/pr-${n}`, `pr-${n}`);
  await git(dev, 'push', '-q', 'origin', 'main');
  return git(dev, 'rev-parse', 'HEAD');
}

async function cloneOf(origin: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmp, 'job-'));
  await git(tmp, 'clone', '-q', origin, dir);
  return dir;
}

/** Approval numbers per file on origin's main. */
async function numbersOnOrigin(origin: string): Promise<Record<string, string[]>> {
  const dir = await cloneOf(origin);
  const out: Record<string, string[]> = {};
  for (const f of ['jwc-news', 'jwc-video']) {
    const text = await readFile(path.join(dir, `content/accounts/jwc/${f}.mdx`), 'utf8').catch(() => '');
    out[f] = findApprovalNumbers(text);
  }
  const { findings } = await loadRegistry(path.join(dir, 'content'), { today: '2026-11-21' });
  expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  return out;
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'approve-'));
  fake = await startFakeGitHub();
});
afterAll(async () => {
  await fake.stop();
  await rm(tmp, { recursive: true, force: true });
});

describe('approval numbers', () => {
  test('nextApprovalNumbers() continues after the highest number of the year, across gaps', () => {
    expect(nextApprovalNumbers(['2025-0007', '2026-0002', '2026-0010'], 2026, 2)).toEqual(['2026-0011', '2026-0012']);
    expect(nextApprovalNumbers([], 2027, 1)).toEqual(['2027-0001']);
  });

  test('prNumberFromMessage() reads merge and squash commit subjects', () => {
    expect(prNumberFromMessage('Merge pull request #12 from a/b\n\nx')).toBe(12);
    expect(prNumberFromMessage('新开备案 (#34)')).toBe(34);
    expect(prNumberFromMessage('direct commit')).toBeUndefined();
  });

  test('recordApproval() adds the block before the closing fence and moves applied to approved', () => {
    const text = accountText({ id: 'a-b', unit: 'jwc', name: 'x', status: 'applied' });
    const out = recordApproval(text, { number: '2026-0001', date: '2026-11-20', pr: 5 });
    expect(out).toContain("status: approved\n");
    expect(out.endsWith("approval:\n  number: '2026-0001'\n  date: '2026-11-20'\n  pr: 5\n---\n")).toBe(true);
    expect(() => recordApproval(out, { number: '2026-0002', date: '2026-11-20' })).toThrow();
  });
});

describe('approveMergedFilings()', () => {
  test('three quick merges all get numbers when the middle run is cancelled; a re-run finds nothing to do', async () => {
    const { origin, dev } = await setupOrigin();
    const before1 = await git(dev, 'rev-parse', 'HEAD');
    await mergePr(dev, 11, 'content/accounts/jwc/jwc-news.mdx', accountText({ id: 'jwc-news', unit: 'jwc', name: '教务新闻', status: 'applied' }));
    const before2 = await git(dev, 'rev-parse', 'HEAD');
    await mergePr(dev, 12, 'content/accounts/jwc/jwc-video.mdx', accountText({ id: 'jwc-video', unit: 'jwc', name: '教务视频', status: 'applied' }));
    const before3 = await git(dev, 'rev-parse', 'HEAD');
    await mergePr(dev, 13, 'content/accounts/jwc/jwc-live.mdx', accountText({ id: 'jwc-live', unit: 'jwc', name: '教务直播', status: 'applied' }));
    void before1;
    void before2; // the run for merge 12 was cancelled by the newer queued run
    const done = await approveMergedFilings({ cwd: await cloneOf(origin), push: true, since: before3 });
    expect(done).toEqual([
      { file: 'content/accounts/jwc/jwc-news.mdx', number: '2026-0004', date: '2026-11-20', pr: 11 },
      { file: 'content/accounts/jwc/jwc-video.mdx', number: '2026-0005', date: '2026-11-20', pr: 12 },
      { file: 'content/accounts/jwc/jwc-live.mdx', number: '2026-0006', date: '2026-11-20', pr: 13 },
    ]);
    expect(await numbersOnOrigin(origin)).toEqual({ 'jwc-news': ['2026-0004'], 'jwc-video': ['2026-0005'] });
    expect(await approveMergedFilings({ cwd: await cloneOf(origin), push: true })).toEqual([]);
  });

  test('a revert of an approval record never frees its number', async () => {
    const { origin, dev } = await setupOrigin();
    await mergePr(dev, 41, 'content/accounts/jwc/jwc-news.mdx', accountText({ id: 'jwc-news', unit: 'jwc', name: '教务新闻', status: 'applied' }));
    expect((await approveMergedFilings({ cwd: await cloneOf(origin), push: true })).map((d) => d.number)).toEqual(['2026-0004']);
    await git(dev, 'pull', '-q', 'origin', 'main');
    await git(dev, 'revert', '--no-edit', 'HEAD');
    await git(dev, 'push', '-q', 'origin', 'main');
    // The record is gone from main: the filing is numbered again, with a new number.
    expect((await approveMergedFilings({ cwd: await cloneOf(origin), push: true })).map((d) => d.number)).toEqual(['2026-0005']);
  });

  test('numbers written anywhere but a filing\'s parsed approval (a body, a PR\'s own intermediate commit) are not "used"', async () => {
    const { origin, dev } = await setupOrigin();
    // A body sentence that looks like a number, and a PR commit that forged an approval then removed it.
    await git(dev, 'checkout', '-q', '-b', 'pr-51', 'main');
    await put(dev, 'content/accounts/jwc/jwc-news.mdx', accountText({ id: 'jwc-news', unit: 'jwc', name: '教务新闻', status: 'applied', approval: '2026-9999' }));
    await git(dev, 'add', '-A');
    await git(dev, 'commit', '-m', 'forged');
    await put(dev, 'content/accounts/jwc/jwc-news.mdx', `${accountText({ id: 'jwc-news', unit: 'jwc', name: '教务新闻', status: 'applied' })}\nnumber: 2026-99999\n`);
    await git(dev, 'add', '-A');
    await git(dev, 'commit', '-m', 'clean');
    await git(dev, 'checkout', '-q', 'main');
    await git(dev, 'merge', '-q', '--no-ff', '-m', 'Merge pull request #51 from unit/pr-51', 'pr-51');
    await git(dev, 'push', '-q', 'origin', 'main');
    expect((await approveMergedFilings({ cwd: await cloneOf(origin), push: true })).map((d) => d.number)).toEqual(['2026-0004']);
  });

  test('"already approved" is the strict parser\'s answer: a U+2028 in another field does not hide a missing approval', async () => {
    const { origin, dev } = await setupOrigin();
    const text = accountText({ id: 'jwc-news', unit: 'jwc', name: '教务新闻', status: 'applied' }).replace('purpose: 发布通知', "purpose: \"发布通知\u2028approval: x\"");
    await mergePr(dev, 61, 'content/accounts/jwc/jwc-news.mdx', text);
    expect((await approveMergedFilings({ cwd: await cloneOf(origin), push: true })).map((d) => d.number)).toEqual(['2026-0004']);
  });

  test('two jobs racing to push end with distinct numbers: the loser starts over from the new head', async () => {
    const { origin, dev } = await setupOrigin();
    await mergePr(dev, 21, 'content/accounts/jwc/jwc-news.mdx', accountText({ id: 'jwc-news', unit: 'jwc', name: '教务新闻', status: 'applied' }));
    const early = await cloneOf(origin); // job for PR 21, started before PR 22 merged
    await mergePr(dev, 22, 'content/accounts/jwc/jwc-video.mdx', accountText({ id: 'jwc-video', unit: 'jwc', name: '教务视频', status: 'applied' }));
    const late = await cloneOf(origin); // job for PR 22
    await Promise.all([approveMergedFilings({ cwd: early, push: true }), approveMergedFilings({ cwd: late, push: true })]);
    const numbers = await numbersOnOrigin(origin);
    expect(numbers['jwc-news']).toHaveLength(1);
    expect(numbers['jwc-video']).toHaveLength(1);
    expect(new Set([...numbers['jwc-news']!, ...numbers['jwc-video']!])).toEqual(new Set(['2026-0004', '2026-0005']));
  });

  test('the script finds the approving PR of a squash merge through the GitHub API', async () => {
    const { origin, dev } = await setupOrigin();
    const sha = await mergePr(dev, 31, 'content/accounts/jwc/jwc-news.mdx', accountText({ id: 'jwc-news', unit: 'jwc', name: '教务新闻', status: 'applied' }), true);
    fake.commitPulls.set(sha, [fake.addPull({ author: 'jwc-admin', headSha: '9'.repeat(40) }).number]);
    const prNumber = fake.commitPulls.get(sha)![0]!;
    fake.pulls.find((p) => p.number === prNumber)!.merged_at = '2026-11-20T02:00:00Z';
    const job = await cloneOf(origin);
    const { stdout } = await run(path.join(ROOT, 'node_modules/.bin/tsx'), [path.join(ROOT, 'scripts/approve.ts'), '--push'], {
      cwd: job,
      env: { ...process.env, GITHUB_TOKEN: 'test-token', GITHUB_API_URL: fake.url, GITHUB_REPOSITORY: `${fake.owner}/${fake.repo}`, REGISTRY_RETRY_BASE_MS: '1' },
    });
    expect(stdout).toContain(`2026-0004  2026-11-20  content/accounts/jwc/jwc-news.mdx  #${prNumber}`);
    const text = await readFile(path.join(await cloneOf(origin), 'content/accounts/jwc/jwc-news.mdx'), 'utf8');
    expect(text).toContain(`approval:\n  number: '2026-0004'\n  date: '2026-11-20'\n  pr: ${prNumber}\n`);
    expect(fake.writes()).toEqual([]);
  }, 60_000);
});

