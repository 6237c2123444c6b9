// The approval job in real git repositories in temp folders (a bare "origin" and clones), with the
// approving PR looked up on the strict fake GitHub on 127.0.0.1: the commit's bot identity, which
// numbers the history counts, a corrupt history, local runs and pushes, the retry after a refused
// push, where the PR number comes from, and the exact files and commit message written.
import { execFile } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, truncate, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from 'vitest';
import { approveMergedFilings, historicApprovalNumbers, pushAuthEnv } from '../../scripts/github/approve.ts';
import { createClient } from '../../scripts/github/client.ts';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.ts';
import { accountText, put } from '../helpers/github-fixture.ts';

const run = promisify(execFile);
const DATE = { GIT_AUTHOR_DATE: '2026-11-20T10:00:00+08:00', GIT_COMMITTER_DATE: '2026-11-20T10:00:00+08:00' };
/** git as a person would run it (fixed identity and dates), not as the job. */
const git = async (cwd: string, ...args: string[]) =>
  (await run('git', ['-c', 'user.name=t', '-c', 'user.email=t@example.com', ...args], { cwd, env: { ...process.env, ...DATE } })).stdout.trim();

const NEWS = 'content/accounts/jwc/jwc-news.mdx';
const VIDEO = 'content/accounts/jwc/jwc-video.mdx';
const applied = (id: string, name: string) => accountText({ id, unit: 'jwc', name, status: 'applied' });
const BOT_ENV = ['REGISTRY_BOT_LOGIN', 'REGISTRY_BOT_ID'] as const;

let fake: FakeGitHub;
let tmp: string;
let saved: Record<string, string | undefined>;
beforeAll(async () => {
  fake = await startFakeGitHub();
});
afterAll(() => fake.stop());
// One temp folder per test, removed after it even when a run stops at its first failing test.
beforeEach(async () => {
  tmp = await mkdtemp(path.join(tmpdir(), 'approve-mut-'));
  saved = Object.fromEntries(BOT_ENV.map((k) => [k, process.env[k]]));
  for (const k of BOT_ENV) delete process.env[k];
  fake.requests = [];
  fake.commitPulls = new Map();
});
afterEach(async () => {
  await rm(tmp, { recursive: true, force: true });
  for (const k of BOT_ENV) {
    if (saved[k] === undefined) delete process.env[k];
    else process.env[k] = saved[k];
  }
  vi.useRealTimers();
  expect(fake.violations).toEqual([]);
});

const client = () => createClient({ token: 'test-token', baseUrl: fake.url, retryBaseMs: 1 });
const github = () => ({ client: client(), repo: { owner: fake.owner, repo: fake.repo } });

/** A work tree on `main` with one approved filing (2024-0001) committed. */
async function newRepo(): Promise<string> {
  const dir = await mkdtemp(path.join(tmp, 'repo-'));
  await git(dir, 'init', '-q', '-b', 'main');
  await put(dir, 'content/accounts/jwc/jwc-wechat.mdx', accountText({ id: 'jwc-wechat', unit: 'jwc', name: '教务处', approval: '2024-0001' }));
  await git(dir, 'add', '-A');
  await git(dir, 'commit', '-q', '-m', 'registry');
  return dir;
}

/** Commits `text` at `file` straight on the current branch; returns the commit. */
async function commitFile(dir: string, file: string, text: string, message = `add ${file}`): Promise<string> {
  await put(dir, file, text);
  await git(dir, 'add', '-A');
  await git(dir, 'commit', '-q', '-m', message);
  return git(dir, 'rev-parse', 'HEAD');
}

/** Merges a branch adding `file` the way GitHub's merge button does (merge commit or squash); returns the new head. */
async function mergePr(dir: string, n: number, file: string, text: string, squashSubject?: string): Promise<string> {
  await git(dir, 'checkout', '-q', '-b', `pr-${n}`, 'main');
  await commitFile(dir, file, text);
  await git(dir, 'checkout', '-q', 'main');
  if (squashSubject !== undefined) {
    await git(dir, 'merge', '-q', '--squash', `pr-${n}`);
    await git(dir, 'commit', '-q', '-m', squashSubject);
  } else await git(dir, 'merge', '-q', '--no-ff', '-m', `Merge pull request #${n} from unit/pr-${n}`, `pr-${n}`);
  return git(dir, 'rev-parse', 'HEAD');
}

/** A bare origin holding `dev`'s main, and a fresh clone of it (the job's checkout). */
async function withOrigin(dev: string): Promise<{ origin: string; job: string }> {
  const origin = path.join(tmp, `origin-${Math.random().toString(36).slice(2)}.git`);
  await git(tmp, 'init', '-q', '--bare', '-b', 'main', origin);
  await git(dev, 'remote', 'add', 'origin', origin);
  await git(dev, 'push', '-q', 'origin', 'main');
  const job = await mkdtemp(path.join(tmp, 'job-'));
  await git(tmp, 'clone', '-q', origin, job);
  return { origin, job };
}

/** A pre-receive hook on `origin` that refuses the first `refusals` pushes (two lines on stderr); returns the counter file. */
async function refusePushes(origin: string, refusals: number): Promise<string> {
  const counter = path.join(tmp, `count-${Math.random().toString(36).slice(2)}`);
  const hook = path.join(origin, 'hooks/pre-receive');
  await writeFile(
    hook,
    `#!/bin/sh\ncat >/dev/null\nn=$(( $(cat '${counter}' 2>/dev/null || echo 0) + 1 ))\necho $n > '${counter}'\nif [ $n -le ${refusals} ]; then\n  echo "push $n refused by the branch rule" >&2\n  echo "second line" >&2\n  exit 1\nfi\n`,
  );
  await chmod(hook, 0o755);
  return counter;
}
const pushesSeen = async (counter: string) => Number((await readFile(counter, 'utf8').catch(() => '0')).trim());

/** The job's commit author and committer of `rev`. */
const identity = (dir: string, rev = 'HEAD') => git(dir, 'log', '-1', '--format=%an <%ae>|%cn <%ce>', rev);

describe('the commit identity', () => {
  /** Runs the job on one freshly committed filing with the bot variables `env`; returns the new commit's identity. */
  async function identityWith(env: Partial<Record<(typeof BOT_ENV)[number], string>>): Promise<string> {
    const dir = await newRepo();
    await commitFile(dir, NEWS, applied('jwc-news', '教务新闻'));
    Object.assign(process.env, env);
    expect((await approveMergedFilings({ cwd: dir })).map((d) => d.number)).toEqual(['2026-0001']);
    return identity(dir);
  }
  const ACTIONS = 'github-actions[bot] <41898282+github-actions[bot]@users.noreply.github.com>';

  test('without a registry bot the commit is by the Actions bot, with its user id in the noreply address', async () => {
    expect(await identityWith({})).toBe(`${ACTIONS}|${ACTIONS}`);
  });

  test('the registry bot App signs with its login and id when both are well-formed', async () => {
    const me = 'registry-bot[bot] <424242+registry-bot[bot]@users.noreply.github.com>';
    expect(await identityWith({ REGISTRY_BOT_LOGIN: 'registry-bot[bot]', REGISTRY_BOT_ID: '424242' })).toBe(`${me}|${me}`);
  });

  test('the registry bot without an id uses the plain noreply address (never the Actions bot id)', async () => {
    const me = 'registry-bot[bot] <registry-bot[bot]@users.noreply.github.com>';
    expect(await identityWith({ REGISTRY_BOT_LOGIN: 'registry-bot[bot]' })).toBe(`${me}|${me}`);
  });

  test.each([
    ['empty', ''],
    ['not a bot login', 'registry-bot'],
    ['text before the login', 'evil bot[bot]'],
    ['text after [bot]', 'registry-bot[bot]x'],
  ])('a malformed REGISTRY_BOT_LOGIN (%s) falls back to the Actions bot', async (_why, login) => {
    expect(await identityWith({ REGISTRY_BOT_LOGIN: login })).toBe(`${ACTIONS}|${ACTIONS}`);
  });

  test.each([
    ['letters', 'abc'],
    ['digits then letters', '424242x'],
    ['letters then digits', 'x424242'],
  ])('a REGISTRY_BOT_ID that is not a number (%s) is left out of the address', async (_why, id) => {
    const me = 'registry-bot[bot] <registry-bot[bot]@users.noreply.github.com>';
    expect(await identityWith({ REGISTRY_BOT_LOGIN: 'registry-bot[bot]', REGISTRY_BOT_ID: id })).toBe(`${me}|${me}`);
  });
});

describe('historicApprovalNumbers()', () => {
  test('reads every first-parent version of every filing under content/ by default, only real numbers', async () => {
    const dir = await newRepo();
    await commitFile(dir, 'content/accounts/jwc/jwc-old.mdx', accountText({ id: 'jwc-old', unit: 'jwc', name: '旧号', approval: '2026-0003' }));
    await git(dir, 'rm', '-q', 'content/accounts/jwc/jwc-old.mdx');
    await git(dir, 'commit', '-q', '-m', 'removed (its number stays used)');
    await commitFile(dir, NEWS, applied('jwc-news', '教务新闻')); // a version with no number at all
    const numbers = await historicApprovalNumbers(dir);
    expect([...numbers].sort()).toEqual(['2024-0001', '2026-0003']);
    expect(numbers.size).toBe(2);
  });

  test('a file under accounts/ that is not an .mdx filing neither counts as used nor gets a number', async () => {
    const dir = await newRepo();
    // A note with a filing-like frontmatter: one version with a number, the current one without.
    await commitFile(dir, 'content/accounts/jwc/notes.md', accountText({ id: 'notes', unit: 'jwc', name: '笔记', approval: '2026-0050' }));
    await commitFile(dir, 'content/accounts/jwc/notes.md', applied('notes', '笔记'));
    await commitFile(dir, NEWS, applied('jwc-news', '教务新闻'));
    expect([...(await historicApprovalNumbers(dir))]).toEqual(['2024-0001']);
    const done = await approveMergedFilings({ cwd: dir });
    expect(done).toStrictEqual([{ file: NEWS, number: '2026-0001', date: '2026-11-20' }]);
    expect(await readFile(path.join(dir, 'content/accounts/jwc/notes.md'), 'utf8')).toBe(applied('notes', '笔记'));
  });

  test('a history git cannot read fails the job instead of counting fewer numbers', async () => {
    const dir = await newRepo();
    // A large old version (streamed by git), then replaced: its loose object is cut short.
    const big = accountText({ id: 'jwc-old', unit: 'jwc', name: '旧号', approval: '2026-0007' }) + '正文。\n'.repeat(3000);
    await commitFile(dir, 'content/accounts/jwc/jwc-old.mdx', big);
    const blob = await git(dir, 'rev-parse', 'HEAD:content/accounts/jwc/jwc-old.mdx');
    await commitFile(dir, 'content/accounts/jwc/jwc-old.mdx', accountText({ id: 'jwc-old', unit: 'jwc', name: '旧号', approval: '2026-0007' }));
    const object = path.join(dir, '.git/objects', blob.slice(0, 2), blob.slice(2));
    await chmod(object, 0o644);
    await truncate(object, 200);
    await expect(historicApprovalNumbers(dir)).rejects.toThrow(/^git cat-file 退出码 128$/);
  });
});

describe('approveMergedFilings(): local runs, pushes and retries', () => {
  test('without push it numbers what the checkout holds, commits locally and leaves the remote alone', async () => {
    const dev = await newRepo();
    const { origin, job } = await withOrigin(dev);
    const remoteHead = await git(origin, 'rev-parse', 'main');
    await commitFile(job, NEWS, applied('jwc-news', '教务新闻')); // only in the checkout
    const done = await approveMergedFilings({ cwd: job });
    expect(done).toStrictEqual([{ file: NEWS, number: '2026-0001', date: '2026-11-20' }]);
    expect(await git(origin, 'rev-parse', 'main')).toBe(remoteHead);
    expect(await git(job, 'log', '-1', '--format=%s')).toBe('登记审批号：2026-0001');
    expect(await git(job, 'status', '--porcelain')).toBe('');
  });

  test('with push it starts from the remote head (a stale checkout misses nothing) and pushes one commit', async () => {
    const dev = await newRepo();
    const { origin, job } = await withOrigin(dev);
    await mergePr(dev, 11, NEWS, applied('jwc-news', '教务新闻'));
    await git(dev, 'push', '-q', 'origin', 'main'); // merged after the job's checkout
    const done = await approveMergedFilings({ cwd: job, push: true });
    expect(done).toStrictEqual([{ file: NEWS, number: '2026-0001', date: '2026-11-20', pr: 11 }]);
    expect(await git(origin, 'log', '-1', '--format=%s', 'main')).toBe('登记审批号：2026-0001');
    expect(await git(origin, 'rev-parse', 'main^')).toBe(await git(dev, 'rev-parse', 'main'));
  });

  test('with nothing to record it never pushes (a push would fail here)', async () => {
    const dev = await newRepo();
    const { job } = await withOrigin(dev);
    await git(job, 'remote', 'set-url', '--push', 'origin', path.join(tmp, 'no-such-remote.git'));
    expect(await approveMergedFilings({ cwd: job, push: true, attempts: 1 })).toStrictEqual([]);
  });

  test('the extra git environment (the push credential) is used to fetch and to push', async () => {
    const dev = await newRepo();
    const { origin, job } = await withOrigin(dev);
    await mergePr(dev, 12, NEWS, applied('jwc-news', '教务新闻'));
    await git(dev, 'push', '-q', 'origin', 'main');
    // The checkout's remote URL only leads to origin through configuration passed in gitEnv.
    const alias = path.join(tmp, 'only-through-git-env.git');
    await git(job, 'remote', 'set-url', 'origin', alias);
    const gitEnv = { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: `url.${origin}.insteadOf`, GIT_CONFIG_VALUE_0: alias };
    const done = await approveMergedFilings({ cwd: job, push: true, gitEnv, attempts: 1 });
    expect(done.map((d) => d.number)).toEqual(['2026-0001']);
    expect(await git(origin, 'log', '-1', '--format=%s', 'main')).toBe('登记审批号：2026-0001');
  });

  test('a refused push is retried up to `attempts` times, then fails with the count and git\'s first error line', async () => {
    const dev = await newRepo();
    const { origin, job } = await withOrigin(dev);
    await mergePr(dev, 13, NEWS, applied('jwc-news', '教务新闻'));
    await git(dev, 'push', '-q', 'origin', 'main');
    const counter = await refusePushes(origin, 2); // a third push would be accepted
    const head = await git(origin, 'rev-parse', 'main');
    await expect(approveMergedFilings({ cwd: job, push: true, attempts: 2 })).rejects.toThrow(/^推送审批记录失败（已尝试 2 次）：remote: push 2 refused by the branch rule\s*$/);
    expect(await pushesSeen(counter)).toBe(2);
    expect(await git(origin, 'rev-parse', 'main')).toBe(head);
  });

  test('by default a push is tried five times: five refusals fail the job', async () => {
    const dev = await newRepo();
    const { origin, job } = await withOrigin(dev);
    await mergePr(dev, 14, NEWS, applied('jwc-news', '教务新闻'));
    await git(dev, 'push', '-q', 'origin', 'main');
    const counter = await refusePushes(origin, 5);
    await expect(approveMergedFilings({ cwd: job, push: true })).rejects.toThrow(/^推送审批记录失败（已尝试 5 次）：remote: push 5 refused by the branch rule\s*$/);
    expect(await pushesSeen(counter)).toBe(5);
  });

  test('by default four refusals are survived: the fifth push lands the record', async () => {
    const dev = await newRepo();
    const { origin, job } = await withOrigin(dev);
    await mergePr(dev, 15, NEWS, applied('jwc-news', '教务新闻'));
    await git(dev, 'push', '-q', 'origin', 'main');
    const counter = await refusePushes(origin, 4);
    const done = await approveMergedFilings({ cwd: job, push: true });
    expect(done).toStrictEqual([{ file: NEWS, number: '2026-0001', date: '2026-11-20', pr: 15 }]);
    expect(await pushesSeen(counter)).toBe(5);
    expect(await git(origin, 'log', '-1', '--format=%s', 'main')).toBe('登记审批号：2026-0001');
  });
});

describe('approveMergedFilings(): the approving PR', () => {
  test('a merge commit names the PR: no API request, even with a client', async () => {
    const dir = await newRepo();
    await mergePr(dir, 21, NEWS, applied('jwc-news', '教务新闻'));
    const done = await approveMergedFilings({ cwd: dir, github: github() });
    expect(done).toStrictEqual([{ file: NEWS, number: '2026-0001', date: '2026-11-20', pr: 21 }]);
    expect(fake.requests).toEqual([]);
  });

  test('a merge commit names the PR without any client', async () => {
    const dir = await newRepo();
    await mergePr(dir, 22, NEWS, applied('jwc-news', '教务新闻'));
    expect(await approveMergedFilings({ cwd: dir })).toStrictEqual([{ file: NEWS, number: '2026-0001', date: '2026-11-20', pr: 22 }]);
  });

  test('a squash commit without (#n) asks GitHub once and takes the merged PR over an open one listed first', async () => {
    const dir = await newRepo();
    const sha = await mergePr(dir, 23, NEWS, applied('jwc-news', '教务新闻'), '新开备案 jwc-news（一）');
    const open = fake.addPull({ author: 'jwc-admin', headSha: '7'.repeat(40) });
    const merged = fake.addPull({ author: 'jwc-admin', headSha: '6'.repeat(40) });
    merged.merged_at = '2026-11-20T02:00:00Z';
    fake.commitPulls.set(sha, [open.number, merged.number]);
    const done = await approveMergedFilings({ cwd: dir, github: github() });
    expect(done).toStrictEqual([{ file: NEWS, number: '2026-0001', date: '2026-11-20', pr: merged.number }]);
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([`GET /repos/${fake.owner}/${fake.repo}/commits/${sha}/pulls`]);
    expect(await readFile(path.join(dir, NEWS), 'utf8')).toContain(`approval:\n  number: '2026-0001'\n  date: '2026-11-20'\n  pr: ${merged.number}\n---\n`);
  });

  test('with no merged PR among them, the first PR GitHub lists is taken', async () => {
    const dir = await newRepo();
    const sha = await mergePr(dir, 24, NEWS, applied('jwc-news', '教务新闻'), '新开备案 jwc-news（二）');
    const first = fake.addPull({ author: 'jwc-admin', headSha: '5'.repeat(40) });
    const second = fake.addPull({ author: 'jwc-admin', headSha: '4'.repeat(40) });
    fake.commitPulls.set(sha, [first.number, second.number]);
    expect(await approveMergedFilings({ cwd: dir, github: github() })).toStrictEqual([{ file: NEWS, number: '2026-0001', date: '2026-11-20', pr: first.number }]);
  });

  test('with no PR on GitHub the filing is recorded without one', async () => {
    const dir = await newRepo();
    await mergePr(dir, 25, NEWS, applied('jwc-news', '教务新闻'), '新开备案 jwc-news（三）');
    expect(await approveMergedFilings({ cwd: dir, github: github() })).toStrictEqual([{ file: NEWS, number: '2026-0001', date: '2026-11-20' }]);
    expect(fake.requests).toHaveLength(1);
    expect(await readFile(path.join(dir, NEWS), 'utf8')).toContain("approval:\n  number: '2026-0001'\n  date: '2026-11-20'\n---\n");
  });

  test('a filing no commit has brought yet (a local run) is dated today (Beijing) and looked up nowhere', async () => {
    const dir = await newRepo();
    await put(dir, NEWS, applied('jwc-news', '教务新闻')); // not committed
    vi.useFakeTimers({ toFake: ['Date'], now: new Date('2026-12-31T17:00:00Z') }); // 2027-01-01 01:00 in Beijing
    const done = await approveMergedFilings({ cwd: dir, github: github() });
    vi.useRealTimers();
    expect(done).toStrictEqual([{ file: NEWS, number: '2027-0001', date: '2027-01-01' }]);
    expect(fake.requests).toEqual([]);
    expect(await git(dir, 'show', '--name-only', '--format=%s', 'HEAD')).toBe(`登记审批号：2027-0001\n\n${NEWS}`);
  });
});

describe('approveMergedFilings(): what is written', () => {
  test('each filing gets its record in merge order and one commit lists them, PR only where there is one', async () => {
    const dir = await newRepo();
    await mergePr(dir, 7, NEWS, applied('jwc-news', '教务新闻'));
    await commitFile(dir, VIDEO, applied('jwc-video', '教务视频'), 'office adds a filing directly');
    const before = await git(dir, 'rev-parse', 'HEAD');
    const done = await approveMergedFilings({ cwd: dir });
    expect(done).toStrictEqual([
      { file: NEWS, number: '2026-0001', date: '2026-11-20', pr: 7 },
      { file: VIDEO, number: '2026-0002', date: '2026-11-20' },
    ]);
    expect(await git(dir, 'log', '-1', '--format=%B')).toBe(`登记审批号：2026-0001、2026-0002\n\n2026-0001 ${NEWS}（#7）\n2026-0002 ${VIDEO}`);
    expect(await git(dir, 'rev-parse', 'HEAD^')).toBe(before);
    expect(await git(dir, 'diff', '--name-only', 'HEAD^', 'HEAD')).toBe(`${NEWS}\n${VIDEO}`);
    const news = applied('jwc-news', '教务新闻').replace('status: applied\n', 'status: approved\n');
    expect(await readFile(path.join(dir, NEWS), 'utf8')).toBe(news.replace(/---\n$/, "approval:\n  number: '2026-0001'\n  date: '2026-11-20'\n  pr: 7\n---\n"));
    const video = applied('jwc-video', '教务视频').replace('status: applied\n', 'status: approved\n');
    expect(await readFile(path.join(dir, VIDEO), 'utf8')).toBe(video.replace(/---\n$/, "approval:\n  number: '2026-0002'\n  date: '2026-11-20'\n---\n"));
  });
});

describe('pushAuthEnv()', () => {
  test('no token, no environment', () => {
    expect(pushAuthEnv(undefined)).toStrictEqual({});
    expect(pushAuthEnv('')).toStrictEqual({});
  });

  test('a token becomes a basic extra header for github.com, or for the given server', () => {
    const basic = Buffer.from('x-access-token:ghs_abc').toString('base64');
    expect(pushAuthEnv('ghs_abc')).toStrictEqual({ GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'http.https://github.com/.extraheader', GIT_CONFIG_VALUE_0: `AUTHORIZATION: basic ${basic}` });
    expect(pushAuthEnv('ghs_abc', 'https://ghe.example.edu')).toStrictEqual({ GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'http.https://ghe.example.edu/.extraheader', GIT_CONFIG_VALUE_0: `AUTHORIZATION: basic ${basic}` });
    expect(basic).toBe('eC1hY2Nlc3MtdG9rZW46Z2hzX2FiYw==');
  });
});
