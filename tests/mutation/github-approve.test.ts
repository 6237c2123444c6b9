// The approval job with an in-process fake of git (node:child_process mocked: no process is
// started): the history's numbers are never reused (blobs parsed from `git cat-file --batch`
// output), merge order decides the numbers, the approving PR comes from the merge message or the
// API, the commit is made as the bot, and a lost push race is retried from the new remote head.
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { EventEmitter } from 'node:events';
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';

const git = vi.hoisted(() => ({
  calls: [] as string[][],
  history: '',
  blobs: new Map<string, string>(),
  lastChange: new Map<string, string>(),
  revList: '',
  pushFailures: 0,
  pushStderr: '',
  catFileCode: 0,
  /** What `git reset --hard` to the remote head restores: absolute path → text. */
  remote: new Map<string, string>(),
}));

vi.mock('node:child_process', async () => {
  const { writeFileSync } = await import('node:fs');
  const respond = (args: string[]): string => {
    const cmd = args.filter((a, i) => a !== '-c' && args[i - 1] !== '-c');
    if (cmd[0] === 'log' && cmd.includes('--format=@%H')) return git.history;
    if (cmd[0] === 'log') return `${git.lastChange.get(cmd.at(-1)!) ?? ''}\n`;
    if (cmd[0] === 'rev-list') return git.revList;
    return '';
  };
  return {
    execFile: (_cmd: string, args: string[], _opts: unknown, cb: (err: unknown, out?: { stdout: string; stderr: string }) => void) => {
      git.calls.push(args);
      if (args[0] === 'reset') for (const [file, text] of git.remote) writeFileSync(file, text);
      if (args[0] === 'push' && git.pushFailures > 0) {
        git.pushFailures--;
        return cb(Object.assign(new Error('push failed'), { stderr: git.pushStderr }));
      }
      cb(null, { stdout: respond(args), stderr: '' });
    },
    spawn: (_cmd: string, args: string[]) => {
      git.calls.push(args);
      const p = new EventEmitter() as EventEmitter & { stdout: EventEmitter; stdin: { end: (s: string) => void } };
      p.stdout = new EventEmitter();
      p.stdin = {
        end: (input: string) => {
          const parts: Buffer[] = [];
          for (const name of input.split('\n').filter(Boolean)) {
            const text = git.blobs.get(name);
            if (text === undefined) parts.push(Buffer.from(`${name} missing\n`));
            else parts.push(Buffer.from(`${'0'.repeat(40)} blob ${Buffer.byteLength(text)}\n`), Buffer.from(text), Buffer.from('\n'));
          }
          setImmediate(() => {
            p.stdout.emit('data', Buffer.concat(parts));
            p.emit('close', git.catFileCode);
          });
        },
      };
      return p;
    },
  };
});

import { approveMergedFilings, historicApprovalNumbers, pushAuthEnv } from '../../scripts/github/approve.ts';
import { createClient } from '../../scripts/github/client.ts';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.ts';
import { accountText, put } from '../helpers/github-fixture.ts';

const S1 = '1'.repeat(40);
const S2 = '2'.repeat(40);
const S3 = '3'.repeat(40);
const filing = (id: string, approval?: string) => accountText({ id, unit: 'jwc', name: `名称${id}`, status: 'applied', approval });

let dir: string;
const ENV = { ...process.env };
beforeEach(async () => {
  git.calls = [];
  git.history = '';
  git.blobs = new Map();
  git.lastChange = new Map();
  git.revList = '';
  git.pushFailures = 0;
  git.pushStderr = '';
  git.catFileCode = 0;
  git.remote = new Map();
  dir = await mkdtemp(path.join(tmpdir(), 'approve-mut-'));
  delete process.env.REGISTRY_BOT_LOGIN;
  delete process.env.REGISTRY_BOT_ID;
});
afterEach(() => {
  process.env.REGISTRY_BOT_LOGIN = ENV.REGISTRY_BOT_LOGIN;
  process.env.REGISTRY_BOT_ID = ENV.REGISTRY_BOT_ID;
  if (ENV.REGISTRY_BOT_LOGIN === undefined) delete process.env.REGISTRY_BOT_LOGIN;
  if (ENV.REGISTRY_BOT_ID === undefined) delete process.env.REGISTRY_BOT_ID;
});
const commitCall = () => git.calls.find((a) => a.includes('commit'))!;
const commands = () => git.calls.map((a) => a.find((x, i) => x !== '-c' && a[i - 1] !== '-c'));

describe('historicApprovalNumbers()', () => {
  test('reads every .mdx version on the history, skipping missing blobs, and parses each blob exactly', async () => {
    git.history = [`@${S1}`, '', 'content/accounts/jwc/a.mdx', 'content/accounts/jwc/notes.txt', `@${S2}`, '', 'content/accounts/jwc/b.mdx', 'content/accounts/jwc/gone.mdx', 'content/accounts/jwc/c.mdx', ''].join('\n');
    git.blobs.set(`${S1}:content/accounts/jwc/a.mdx`, filing('a', '2026-0007'));
    git.blobs.set(`${S2}:content/accounts/jwc/b.mdx`, filing('b', '2025-0003'));
    git.blobs.set(`${S2}:content/accounts/jwc/c.mdx`, filing('c'));
    git.blobs.set(`${S1}:content/accounts/jwc/notes.txt`, filing('n', '2026-0099'));
    expect([...(await historicApprovalNumbers(dir))].sort()).toEqual(['2025-0003', '2026-0007']);
    expect(git.calls.at(-1)).toEqual(['cat-file', '--batch']);
  });

  test('a file name before any commit line is not read; no versions means no cat-file at all', async () => {
    git.history = 'content/accounts/jwc/a.mdx\n';
    expect([...(await historicApprovalNumbers(dir))]).toEqual([]);
    expect(git.calls.map((a) => a[0])).toEqual(['log']);
  });

  test('the content folder is the one given', async () => {
    await historicApprovalNumbers(dir, 'data');
    expect(git.calls[0]!.at(-1)).toBe('data/accounts');
  });

  test('a failing cat-file fails the run', async () => {
    git.history = `@${S1}\ncontent/accounts/jwc/a.mdx\n`;
    git.catFileCode = 128;
    await expect(historicApprovalNumbers(dir)).rejects.toThrow('git cat-file 退出码 128');
  });
});

describe('approveMergedFilings()', () => {
  async function twoPending() {
    await put(dir, 'content/accounts/jwc/jwc-a.mdx', filing('jwc-a'));
    await put(dir, 'content/accounts/jwc/jwc-b.mdx', filing('jwc-b'));
    await put(dir, 'content/accounts/jwc/jwc-old.mdx', filing('jwc-old', '2026-0001'));
    await put(dir, 'content/accounts/jwc/readme.txt', 'x');
    git.history = `@${S3}\ncontent/accounts/jwc/jwc-old.mdx\n`;
    git.blobs.set(`${S3}:content/accounts/jwc/jwc-old.mdx`, filing('jwc-old', '2026-0004'));
    // b merged first (older on the first-parent history), a later; a's merge names its PR.
    git.lastChange.set('content/accounts/jwc/jwc-a.mdx', `${S2}\t2026-11-20T17:00:00Z\tMerge pull request #12 from x/y`);
    git.lastChange.set('content/accounts/jwc/jwc-b.mdx', `${S1}\t2026-11-19T01:00:00Z\t新开备案`);
    git.revList = `${S2}\n${S1}\n`;
    for (const id of ['jwc-a', 'jwc-b']) git.remote.set(path.join(dir, `content/accounts/jwc/${id}.mdx`), filing(id));
  }

  test('numbers follow the history\'s highest number in merge order; dates are Beijing days; the PR comes from the merge message', async () => {
    await twoPending();
    const done = await approveMergedFilings({ cwd: dir });
    expect(done).toEqual([
      { file: 'content/accounts/jwc/jwc-b.mdx', number: '2026-0005', date: '2026-11-19' },
      { file: 'content/accounts/jwc/jwc-a.mdx', number: '2026-0006', date: '2026-11-21', pr: 12 },
    ]);
    expect(await readFile(path.join(dir, 'content/accounts/jwc/jwc-a.mdx'), 'utf8')).toContain("number: '2026-0006'");
    expect(git.calls.find((a) => a[0] === 'add')).toEqual(['add', '--', 'content/accounts/jwc/jwc-b.mdx', 'content/accounts/jwc/jwc-a.mdx']);
    const c = commitCall();
    expect(c.slice(c.indexOf('commit'))).toEqual(['commit', '--quiet', '-m', '登记审批号：2026-0005、2026-0006\n\n2026-0005 content/accounts/jwc/jwc-b.mdx\n2026-0006 content/accounts/jwc/jwc-a.mdx（#12）']);
    expect(commands()).not.toContain('push');
  });

  test('the commit is made as the Actions bot by default, or as the registry bot App when its login and id are valid', async () => {
    await twoPending();
    await approveMergedFilings({ cwd: dir });
    expect(commitCall().slice(0, 4)).toEqual(['-c', 'user.name=github-actions[bot]', '-c', 'user.email=41898282+github-actions[bot]@users.noreply.github.com']);
    const cases: Array<[string | undefined, string | undefined, string[]]> = [
      ['registry-bot[bot]', '424242', ['user.name=registry-bot[bot]', 'user.email=424242+registry-bot[bot]@users.noreply.github.com']],
      ['registry-bot[bot]', undefined, ['user.name=registry-bot[bot]', 'user.email=registry-bot[bot]@users.noreply.github.com']],
      ['registry-bot[bot]', '42x', ['user.name=registry-bot[bot]', 'user.email=registry-bot[bot]@users.noreply.github.com']],
      ['someone', '424242', ['user.name=github-actions[bot]', 'user.email=424242+github-actions[bot]@users.noreply.github.com']],
      ['x[bot]y', undefined, ['user.name=github-actions[bot]', 'user.email=41898282+github-actions[bot]@users.noreply.github.com']],
      ['ab[bot]', 'x1', ['user.name=ab[bot]', 'user.email=ab[bot]@users.noreply.github.com']],
      ['ab[bot]', '1x', ['user.name=ab[bot]', 'user.email=ab[bot]@users.noreply.github.com']],
    ];
    for (const [login, id, want] of cases) {
      if (login === undefined) delete process.env.REGISTRY_BOT_LOGIN;
      else process.env.REGISTRY_BOT_LOGIN = login;
      if (id === undefined) delete process.env.REGISTRY_BOT_ID;
      else process.env.REGISTRY_BOT_ID = id;
      git.calls = [];
      await put(dir, 'content/accounts/jwc/jwc-c.mdx', filing('jwc-c'));
      await approveMergedFilings({ cwd: dir });
      const c = commitCall();
      expect([login, id, c[1], c[3]]).toEqual([login, id, ...want]);
    }
  });

  test('without a PR in the merge message the API names it: the merged PR first, else the first', async () => {
    const fake: FakeGitHub = await startFakeGitHub();
    try {
      const github = { client: createClient({ token: 'test-token', baseUrl: fake.url, retryBaseMs: 1 }), repo: { owner: fake.owner, repo: fake.repo } };
      const pr = (number: number, merged_at: string | null) => ({ number, merged_at });
      await put(dir, 'content/accounts/jwc/jwc-a.mdx', filing('jwc-a'));
      git.lastChange.set('content/accounts/jwc/jwc-a.mdx', `${S2}\t2026-11-20T01:00:00Z\t新开备案`);
      fake.fail('GET', /\/commits\/.+\/pulls$/, { status: 200, body: [pr(5, null), pr(7, '2026-11-20T01:00:00Z')] });
      expect((await approveMergedFilings({ cwd: dir, github }))[0]!.pr).toBe(7);
      await put(dir, 'content/accounts/jwc/jwc-a.mdx', filing('jwc-a'));
      fake.fail('GET', /\/commits\/.+\/pulls$/, { status: 200, body: [pr(5, null), pr(6, null)] });
      expect((await approveMergedFilings({ cwd: dir, github }))[0]!.pr).toBe(5);
      await put(dir, 'content/accounts/jwc/jwc-a.mdx', filing('jwc-a'));
      fake.fail('GET', /\/commits\/.+\/pulls$/, { status: 200, body: [] });
      expect((await approveMergedFilings({ cwd: dir, github }))[0]).toEqual({ file: 'content/accounts/jwc/jwc-a.mdx', number: '2026-0001', date: '2026-11-20' });
      // A PR named in the message is not looked up.
      await put(dir, 'content/accounts/jwc/jwc-a.mdx', filing('jwc-a'));
      git.lastChange.set('content/accounts/jwc/jwc-a.mdx', `${S2}\t2026-11-20T01:00:00Z\t新开备案 (#9)`);
      fake.requests = [];
      expect((await approveMergedFilings({ cwd: dir, github }))[0]!.pr).toBe(9);
      expect(fake.requests).toEqual([]);
    } finally {
      await fake.stop();
    }
  });

  test('nothing pending: nothing is committed; with push, the remote head is fetched but nothing is pushed', async () => {
    await put(dir, 'content/accounts/jwc/jwc-old.mdx', filing('jwc-old', '2026-0001'));
    expect(await approveMergedFilings({ cwd: dir, push: true })).toEqual([]);
    expect(git.calls).toEqual([
      ['fetch', '--quiet', 'origin', 'main'],
      ['reset', '--quiet', '--hard', 'origin/main'],
    ]);
  });

  test('a lost push race starts over from the new remote head; the remote and branch are the ones given', async () => {
    await twoPending();
    git.pushFailures = 2;
    const done = await approveMergedFilings({ cwd: dir, push: true, remote: 'up', branch: 'trunk' });
    expect(done.map((d) => d.number)).toEqual(['2026-0005', '2026-0006']);
    expect(commands().filter((c) => ['fetch', 'reset', 'push', 'commit'].includes(c!))).toEqual(['fetch', 'reset', 'commit', 'push', 'fetch', 'reset', 'commit', 'push', 'fetch', 'reset', 'commit', 'push']);
    expect(git.calls.filter((a) => a[0] === 'push').at(-1)).toEqual(['push', '--quiet', 'up', 'HEAD:refs/heads/trunk']);
    expect(git.calls.filter((a) => a[0] === 'reset').at(-1)).toEqual(['reset', '--quiet', '--hard', 'up/trunk']);
  });

  test('after the last attempt the push failure is reported with git\'s first line', async () => {
    await twoPending();
    git.pushFailures = 5;
    git.pushStderr = 'rejected: fetch first\nhint: x';
    await expect(approveMergedFilings({ cwd: dir, push: true, attempts: 2 })).rejects.toThrow(/^推送审批记录失败（已尝试 2 次）：rejected: fetch first$/);
    expect(commands().filter((c) => c === 'push')).toHaveLength(2);
    git.pushFailures = 5;
    git.pushStderr = '';
    await put(dir, 'content/accounts/jwc/jwc-a.mdx', filing('jwc-a'));
    await expect(approveMergedFilings({ cwd: dir, push: true })).rejects.toThrow(/^推送审批记录失败（已尝试 5 次）：$/);
  });
});

describe('pushAuthEnv()', () => {
  test('no token, no environment', () => {
    expect(pushAuthEnv(undefined)).toEqual({});
    expect(pushAuthEnv('')).toEqual({});
  });

  test('a token becomes a basic auth header for the server only', () => {
    const basic = Buffer.from('x-access-token:tok').toString('base64');
    expect(pushAuthEnv('tok')).toEqual({ GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: 'http.https://github.com/.extraheader', GIT_CONFIG_VALUE_0: `AUTHORIZATION: basic ${basic}` });
    expect(pushAuthEnv('tok', 'https://ghe.test').GIT_CONFIG_KEY_0).toBe('http.https://ghe.test/.extraheader');
  });
});
