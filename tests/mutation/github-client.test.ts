// The GitHub client's configuration and its failure messages: one Chinese line naming the request,
// the status and what to do; never a stack trace, a token or a request body.
import { afterEach, beforeEach, describe, expect, test, vi } from 'vitest';
import { GitHubConfigError, clientFromEnv, createClient, describeGitHubError, parseRepo, runWithGitHub } from '../../scripts/github/client.ts';
import { HelpRequested, UsageError } from '../../scripts/lib/cli.ts';
import { GITHUB_ACTIONS_APP_ID, REQUIRED_CHECK, plannedRuleset } from '../../scripts/github/setup.ts';
import { startFakeGitHub, type FakeGitHub } from '../helpers/fake-github.ts';

describe('parseRepo()', () => {
  test.each([
    ['qclg/media-registry', { owner: 'qclg', repo: 'media-registry' }],
    ['Org_1/repo.name', { owner: 'Org_1', repo: 'repo.name' }],
  ])('%s → %j', (s, out) => expect(parseRepo(s)).toEqual(out));
  test.each([[undefined], [''], ['qclg'], ['qclg/repo/x'], ['/repo'], ['qclg/'], ['qc lg/repo'], [' qclg/repo']])('%j is refused with a Chinese configuration error', (s) => {
    expect(() => parseRepo(s)).toThrow(GitHubConfigError);
    expect(() => parseRepo(s)).toThrow('缺少仓库名称：请设置环境变量 GITHUB_REPOSITORY（格式 owner/repo）');
  });
});

describe('clientFromEnv()', () => {
  test('needs a token', () => {
    expect(() => clientFromEnv({ GITHUB_REPOSITORY: 'a/b' })).toThrow('缺少 GITHUB_TOKEN：请在工作流中通过 env 传入');
    expect(() => clientFromEnv({ GITHUB_TOKEN: '', GITHUB_REPOSITORY: 'a/b' })).toThrow(GitHubConfigError);
  });
  test('reads the repository and the API URL', () => {
    const { client, repo } = clientFromEnv({ GITHUB_TOKEN: 't', GITHUB_REPOSITORY: 'qclg/reg', GITHUB_API_URL: 'http://127.0.0.1:9/api/' });
    expect(repo).toEqual({ owner: 'qclg', repo: 'reg' });
    expect(client.request.endpoint.DEFAULTS.baseUrl).toBe('http://127.0.0.1:9/api');
  });
  test('without an API URL it talks to api.github.com', () => {
    expect(clientFromEnv({ GITHUB_TOKEN: 't', GITHUB_REPOSITORY: 'a/b' }).client.request.endpoint.DEFAULTS.baseUrl).toBe('https://api.github.com');
    expect(createClient({ token: 't' }).request.endpoint.DEFAULTS.headers['user-agent']).toContain('campus-media-registry');
  });
});

describe('describeGitHubError()', () => {
  const http = (status: number, url = 'https://api.github.com/repos/a/b/issues?access_token=SECRET&x=1', retryCount?: number) =>
    Object.assign(new Error('boom\n at stack'), { status, request: { method: 'POST', url, ...(retryCount !== undefined ? { request: { retryCount } } : {}) } });
  test.each([
    [http(404), 'GitHub 接口请求失败：POST /repos/a/b/issues?access_token=***&x=1 返回 404，找不到该资源（或令牌无权访问）。请检查工作流的权限设置（permissions）和仓库配置。'],
    [http(401), 'GitHub 接口请求失败：POST /repos/a/b/issues?access_token=***&x=1 返回 401，令牌无效或已过期。请检查工作流的权限设置（permissions）和仓库配置。'],
    [http(403, 'https://api.github.com/x?token=abc'), 'GitHub 接口请求失败：POST /x?token=*** 返回 403，没有权限，或接口调用次数已用完。请检查工作流的权限设置（permissions）；如是调用次数用完，请稍后重新运行。'],
    [http(409, '/y'), 'GitHub 接口请求失败：POST /y 返回 409，与仓库当前状态冲突。请检查工作流的权限设置（permissions）和仓库配置。'],
    [http(422, '/y'), 'GitHub 接口请求失败：POST /y 返回 422，GitHub 拒绝了请求内容。请检查工作流的权限设置（permissions）和仓库配置。'],
    [http(429, '/y', 3), 'GitHub 接口请求失败：POST /y 返回 429，请求过于频繁（已重试 3 次）。请稍后在 Actions 页面重新运行该工作流。'],
    [http(500, '/y', 0), 'GitHub 接口请求失败：POST /y 返回 500，GitHub 服务暂时不可用。请稍后在 Actions 页面重新运行该工作流。'],
    [http(502, '/y', 2), 'GitHub 接口请求失败：POST /y 返回 502，GitHub 服务暂时不可用（已重试 2 次）。请稍后在 Actions 页面重新运行该工作流。'],
    [http(499, '/y'), 'GitHub 接口请求失败：POST /y 返回 499，请求失败。请检查工作流的权限设置（permissions）和仓库配置。'],
    [Object.assign(new Error('x'), { code: 'ECONNREFUSED' }), '无法连接 GitHub（ECONNREFUSED）。请稍后重新运行该工作流。'],
    [new GitHubConfigError('缺少令牌'), '配置错误：缺少令牌'],
    [new Error('first line\nsecond line'), 'GitHub 操作失败：first line'],
    ['plain', 'GitHub 操作失败：plain'],
  ])('%#: → %s', (err, line) => expect(describeGitHubError(err)).toBe(line));

  test('never prints the token', () => expect(describeGitHubError(http(404))).not.toContain('SECRET'));
});

describe('runWithGitHub()', () => {
  test.each([
    [async () => 0, 0, [], 'success keeps the exit code'],
    [async () => 3, 3, [], 'any exit code is passed through'],
    [async () => { throw new UsageError('--x 不认识'); }, 2, ['用法错误：--x 不认识'], 'a usage error exits 2'],
    [async () => { throw new GitHubConfigError('缺少令牌'); }, 1, ['::error::配置错误：缺少令牌'], 'a failure exits 1 with one annotated line'],
  ] as Array<[() => Promise<number>, number, string[], string]>)('%#: %s', async (main, code, lines) => {
    const log: string[] = [];
    expect(await runWithGitHub(main, (l) => log.push(l))).toBe(code);
    expect(log).toEqual(lines);
  });

  test('--help prints the usage and exits 0', async () => {
    const out = vi.spyOn(console, 'log').mockImplementation(() => {});
    const log: string[] = [];
    expect(await runWithGitHub(async () => { throw new HelpRequested('用法：npm run x'); }, (l) => log.push(l))).toBe(0);
    expect(out).toHaveBeenCalledWith('用法：npm run x');
    expect(log).toEqual([]);
    out.mockRestore();
  });
});

describe('plannedRuleset(): only the office approves', () => {
  test('the default branch needs a PR approved by a code owner after the last push, the two required checks, and only the registry App may bypass', () => {
    const r = plannedRuleset(4242);
    expect(r.enforcement).toBe('active');
    expect(r.conditions).toEqual({ ref_name: { include: ['~DEFAULT_BRANCH'], exclude: [] } });
    expect(r.rules).toEqual(expect.arrayContaining([{ type: 'deletion' }, { type: 'non_fast_forward' }]));
    const rules = r.rules as Array<{ type: string }>;
    const pr = rules.find((x) => x.type === 'pull_request') as unknown as { parameters: Record<string, unknown> };
    expect(pr.parameters).toMatchObject({ required_approving_review_count: 1, dismiss_stale_reviews_on_push: true, require_code_owner_review: true, require_last_push_approval: true });
    const checks = rules.find((x) => x.type === 'required_status_checks') as unknown as { parameters: { required_status_checks: Array<{ context: string }> } };
    // 归口管理部门审核 is satisfied only by the App's status (integration_id), never by a workflow.
    expect(checks.parameters.required_status_checks).toEqual([{ context: REQUIRED_CHECK, integration_id: GITHUB_ACTIONS_APP_ID }, { context: '归口管理部门审核', integration_id: 4242 }]);
    expect(r.bypass_actors).toEqual([{ actor_id: 4242, actor_type: 'Integration', bypass_mode: 'always' }]);
  });
});

// ---- round 3: rate limits, retries and the warning sink against the fake GitHub ----

describe('createClient(): rate limits and retries (fake GitHub)', () => {
  let fake: FakeGitHub;
  beforeEach(async () => {
    fake = await startFakeGitHub();
  });
  afterEach(() => fake.stop());
  const repo = () => ({ owner: fake.owner, repo: fake.repo });
  const exhausted = () => ({ status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': String(Math.floor(Date.now() / 1000) - 5) }, body: { message: 'API rate limit exceeded' } });
  const getIssue = (client: ReturnType<typeof createClient>, n: number) => client.rest.issues.get({ ...repo(), issue_number: n });

  test('an exhausted quota is retried at the reset with one Chinese warning per retry, and given up after `retries` retries', async () => {
    const issue = fake.addIssue({ title: 'x', body: '' });
    const lines: string[] = [];
    fake.fail('GET', /\/issues\/\d+$/, exhausted(), exhausted(), exhausted());
    const client = createClient({ token: 'test-token', baseUrl: fake.url, retryBaseMs: 1, retries: 1, warn: (m) => lines.push(m) });
    await expect(getIssue(client, issue.number)).rejects.toMatchObject({ status: 403 });
    expect(fake.requests).toHaveLength(2);
    expect(lines).toEqual(['GitHub 接口调用次数已用完：GET /repos/{owner}/{repo}/issues/{issue_number}，0 秒后第 1 次重试']);
  });

  test('a secondary rate limit waits the Retry-After seconds and succeeds on the retry', async () => {
    const issue = fake.addIssue({ title: '标题', body: '' });
    const lines: string[] = [];
    fake.fail('GET', /\/issues\/\d+$/, { status: 403, headers: { 'retry-after': '2' }, body: { message: 'You have exceeded a secondary rate limit. Please wait a few minutes before you try again.' } });
    const client = createClient({ token: 'test-token', baseUrl: fake.url, retryBaseMs: 1, warn: (m) => lines.push(m) });
    expect((await getIssue(client, issue.number)).data.title).toBe('标题');
    expect(fake.requests).toHaveLength(2);
    expect(lines).toEqual(['GitHub 触发了二级限流：GET /repos/{owner}/{repo}/issues/{issue_number}，2 秒后第 1 次重试']);
  });

  test('without a `warn` option the warnings go to console.warn', async () => {
    const issue = fake.addIssue({ title: 'x', body: '' });
    const spy = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      fake.fail('GET', /\/issues\/\d+$/, exhausted());
      await getIssue(createClient({ token: 'test-token', baseUrl: fake.url, retryBaseMs: 1 }), issue.number);
      expect(spy.mock.calls).toEqual([['GitHub 接口调用次数已用完：GET /repos/{owner}/{repo}/issues/{issue_number}，0 秒后第 1 次重试']]);
    } finally {
      spy.mockRestore();
    }
  });

  test('octokit\'s own warnings and errors go to the `warn` sink as text; debug and info are dropped', () => {
    const lines: string[] = [];
    const client = createClient({ token: 't', warn: (m) => lines.push(m) });
    client.log.debug('d');
    client.log.info('i');
    client.log.warn('注意');
    client.log.error('出错');
    expect(lines).toEqual(['注意', '出错']);
  });

  test('`retries: 0`: a 5xx fails at once, without a retry', async () => {
    const issue = fake.addIssue({ title: 'x', body: '' });
    fake.fail('GET', /\/issues\/\d+$/, { status: 502 });
    const client = createClient({ token: 'test-token', baseUrl: fake.url, retryBaseMs: 1, retries: 0 });
    await expect(getIssue(client, issue.number)).rejects.toMatchObject({ status: 502 });
    expect(fake.requests).toHaveLength(1);
  });

  test('a 5xx is retried (twice here) and then succeeds', async () => {
    const issue = fake.addIssue({ title: '标题', body: '' });
    fake.fail('GET', /\/issues\/\d+$/, { status: 500 }, { status: 503 });
    const client = createClient({ token: 'test-token', baseUrl: fake.url, retryBaseMs: 1, retries: 2 });
    expect((await getIssue(client, issue.number)).data.title).toBe('标题');
    expect(fake.requests).toHaveLength(3);
  });
});

describe('describeGitHubError(): odd errors', () => {
  test.each([
    [Object.assign(new Error('x failed'), { status: 500 }), 'GitHub 操作失败：x failed', 'a status without a request is not an HTTP failure'],
    [Object.assign(new Error('y failed'), { request: { method: 'GET', url: '/z' } }), 'GitHub 操作失败：y failed', 'a request without a status is not an HTTP failure'],
    [null, 'GitHub 操作失败：null', 'null'],
    [undefined, 'GitHub 操作失败：undefined', 'undefined'],
    [{ status: 500, request: {} }, 'GitHub 接口请求失败：  返回 500，GitHub 服务暂时不可用。请稍后在 Actions 页面重新运行该工作流。', 'a request without method and address'],
    [
      { status: 422, request: { method: 'GET', url: '/search/issues?q=https://mp.weixin.qq.com/s/x' } },
      'GitHub 接口请求失败：GET /search/issues?q=https://mp.weixin.qq.com/s/x 返回 422，GitHub 拒绝了请求内容。请检查工作流的权限设置（permissions）和仓库配置。',
      'only a leading scheme and host are removed, not an address inside the query',
    ],
  ])('%#: → %s (%s)', (err, line, _why) => expect(describeGitHubError(err)).toBe(line));
});

describe('runWithGitHub(): default log', () => {
  test('without a log function the line goes to console.error', async () => {
    const spy = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(await runWithGitHub(async () => { throw new GitHubConfigError('缺少令牌'); })).toBe(1);
      expect(spy.mock.calls).toEqual([['::error::配置错误：缺少令牌']]);
    } finally {
      spy.mockRestore();
    }
  });
});

describe('describeGitHubError(): no answer at all', () => {
  // octokit reports a request that got no answer as status 500 with fetch's error as `cause`.
  test('REAL BUG: a refused connection is "无法连接 GitHub", not a 500 that GitHub never sent', async () => {
    const fake = await startFakeGitHub();
    const url = fake.url;
    await fake.stop();
    const client = createClient({ token: 'test-token', baseUrl: url, retryBaseMs: 1, retries: 0 });
    const err = await client.rest.issues.get({ owner: 'qclg', repo: 'media-registry', issue_number: 1 }).catch((e: unknown) => e);
    expect(describeGitHubError(err)).toBe('无法连接 GitHub（ECONNREFUSED）。请稍后重新运行该工作流。');
  });

  test('a 500 whose cause carries no system error stays an HTTP failure', () => {
    const err = Object.assign(new Error('boom'), { status: 500, request: { method: 'GET', url: '/y' }, cause: new Error('inner') });
    expect(describeGitHubError(err)).toBe('GitHub 接口请求失败：GET /y 返回 500，GitHub 服务暂时不可用。请稍后在 Actions 页面重新运行该工作流。');
  });
});

describe('clientFromEnv(): the back-off unit', () => {
  // The fake clock starts when the warning is written, i.e. just before the retry is scheduled,
  // so the first request runs on real timers and the wait before the retry is counted exactly.
  const realSetTimeout = globalThis.setTimeout;
  const realSleep = (ms: number) => new Promise((r) => realSetTimeout(r, ms));
  test.each([
    [{}, '1', 1000],
    [{ REGISTRY_RETRY_BASE_MS: '0' }, '1', 1000],
    [{ REGISTRY_RETRY_BASE_MS: '一秒' }, '1', 1000],
    [{ REGISTRY_RETRY_BASE_MS: '1' }, '60', 60],
  ] as Array<[Record<string, string>, string, number]>)('with %j a Retry-After of %s s is waited %i ms before the retry', async (extra, retryAfter, ms) => {
    const fake = await startFakeGitHub();
    const issue = fake.addIssue({ title: '标题', body: '' });
    let warned = false;
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {
      warned = true;
      vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout'] });
    });
    const fetchSpy = vi.spyOn(globalThis, 'fetch');
    try {
      fake.fail('GET', /\/issues\/\d+$/, { status: 403, headers: { 'retry-after': retryAfter }, body: { message: 'You have exceeded a secondary rate limit.' } });
      const { client } = clientFromEnv({ GITHUB_TOKEN: 'test-token', GITHUB_REPOSITORY: 'qclg/media-registry', GITHUB_API_URL: fake.url, ...extra });
      let settled = false;
      const p = client.rest.issues.get({ owner: fake.owner, repo: fake.repo, issue_number: issue.number }).finally(() => {
        settled = true;
      });
      for (let i = 0; i < 500 && !warned; i++) await realSleep(10);
      expect(warn.mock.calls).toEqual([[`GitHub 触发了二级限流：GET /repos/{owner}/{repo}/issues/{issue_number}，${retryAfter} 秒后第 1 次重试`]]);
      await realSleep(30);
      await vi.advanceTimersByTimeAsync(ms - 1);
      await realSleep(50);
      expect(fetchSpy).toHaveBeenCalledTimes(1);
      for (let i = 0; i < 20 && fetchSpy.mock.calls.length < 2; i++) {
        await vi.advanceTimersByTimeAsync(50);
        await realSleep(20);
      }
      expect(fetchSpy).toHaveBeenCalledTimes(2);
      // Timers created while the clock is fake must run on it: keep it going until the answer.
      for (let i = 0; i < 100 && !settled; i++) {
        await vi.advanceTimersByTimeAsync(50);
        await realSleep(10);
      }
      vi.useRealTimers();
      expect((await p).data.title).toBe('标题');
    } finally {
      vi.useRealTimers();
      warn.mockRestore();
      fetchSpy.mockRestore();
      await fake.stop();
    }
  }, 20_000);
});

describe('createClient(): spacing of writes', () => {
  // Real runs keep octokit's process-wide limiters (writes at least 1 s apart, shared by every
  // client of the process); only a back-off unit below a second (tests) scales the spacing.
  // Measured on a fake clock (Date included) from the moment both writes are submitted.
  const realSetTimeout = globalThis.setTimeout;
  const realSleep = (ms: number) => new Promise((r) => realSetTimeout(r, ms));
  /** The fake-clock milliseconds between the two requests sent by `second` and `first` writing at once. */
  async function gapOfTwoWrites(clients: [ReturnType<typeof createClient>, ReturnType<typeof createClient>], fake: FakeGitHub): Promise<number> {
    const label = (c: ReturnType<typeof createClient>, name: string) => c.rest.issues.createLabel({ owner: fake.owner, repo: fake.repo, name, color: 'ededed' });
    await label(clients[0], '预热'); // the fake compiles the operation's schemas on first use
    const sentAt: number[] = [];
    const realFetch = globalThis.fetch;
    const fetchSpy = vi.spyOn(globalThis, 'fetch').mockImplementation((...args: Parameters<typeof fetch>) => {
      sentAt.push(Date.now());
      return realFetch(...args);
    });
    vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
    try {
      let settled = false;
      const both = Promise.all([label(clients[0], '甲'), label(clients[1], '乙')]).finally(() => {
        settled = true;
      });
      for (let i = 0; i < 600 && !settled; i++) {
        await vi.advanceTimersByTimeAsync(10);
        await realSleep(5);
      }
      vi.useRealTimers();
      expect(settled).toBe(true);
      await both;
      expect([...fake.labels.keys()]).toEqual(['预热', '甲', '乙']);
      expect(sentAt).toHaveLength(2);
      return sentAt[1]! - sentAt[0]!;
    } finally {
      vi.useRealTimers();
      fetchSpy.mockRestore();
    }
  }

  test('with a back-off unit of 10 s two writes are still 1 s apart (octokit\'s spacing), not 10 s', async () => {
    const fake = await startFakeGitHub();
    try {
      const client = createClient({ token: 'app-token', baseUrl: fake.url, retryBaseMs: 10_000 });
      const gap = await gapOfTwoWrites([client, client], fake);
      expect(gap).toBeGreaterThanOrEqual(1000);
      expect(gap).toBeLessThan(5000);
    } finally {
      await fake.stop();
    }
  }, 30_000);

  test('with the default unit two clients of one process share the spacing: their writes are 1 s apart too', async () => {
    const fake = await startFakeGitHub();
    try {
      const gap = await gapOfTwoWrites([createClient({ token: 'app-token', baseUrl: fake.url }), createClient({ token: 'admin-token', baseUrl: fake.url })], fake);
      expect(gap).toBeGreaterThanOrEqual(1000);
      expect(gap).toBeLessThan(5000);
    } finally {
      await fake.stop();
    }
  }, 30_000);

  test('a back-off unit below a second scales the spacing: 1 ms a second, so writes follow at once', async () => {
    const fake = await startFakeGitHub();
    try {
      const client = createClient({ token: 'app-token', baseUrl: fake.url, retryBaseMs: 1 });
      expect(await gapOfTwoWrites([client, client], fake)).toBeLessThan(1000);
    } finally {
      await fake.stop();
    }
  }, 30_000);
});
