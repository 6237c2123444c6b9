// The octokit client against a fake GitHub: rate limits (403/429 with headers) and 5xx responses
// are retried; a request that keeps failing ends in one clear Chinese line, without a stack trace.
import { execFile } from 'node:child_process';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createClient, describeGitHubError, runWithGitHub } from '../scripts/github/client.ts';
import { startFakeGitHub, type FakeGitHub } from './helpers/fake-github.ts';
import { ROOT, writeFixtureRegistry } from './helpers/github-fixture.ts';

let fake: FakeGitHub;
beforeAll(async () => {
  fake = await startFakeGitHub();
  fake.addIssue({ title: 'x', body: 'y' });
});
afterAll(() => fake.stop());

const repo = () => ({ owner: fake.owner, repo: fake.repo });
const client = () => createClient({ token: 'test-token', baseUrl: fake.url, retryBaseMs: 1, warn: () => {} });
const hits = (re: RegExp) => fake.requests.filter((r) => re.test(r.path)).length;

describe('createClient()', () => {
  test('retries a primary rate limit (403, x-ratelimit-remaining: 0) after the reset time', async () => {
    const reset = String(Math.floor(Date.now() / 1000));
    fake.fail('GET', /\/issues\/1$/, { status: 403, headers: { 'x-ratelimit-remaining': '0', 'x-ratelimit-reset': reset }, body: { message: 'API rate limit exceeded' } });
    const before = hits(/\/issues\/1$/);
    const { data } = await client().rest.issues.get({ ...repo(), issue_number: 1 });
    expect(data.title).toBe('x');
    expect(hits(/\/issues\/1$/) - before).toBe(2);
  });

  test('retries a secondary rate limit (429 with retry-after)', async () => {
    fake.fail('GET', /\/issues\/1$/, { status: 429, headers: { 'retry-after': '1' }, body: { message: 'You have exceeded a secondary rate limit' } });
    const before = hits(/\/issues\/1$/);
    await client().rest.issues.get({ ...repo(), issue_number: 1 });
    expect(hits(/\/issues\/1$/) - before).toBe(2);
  });

  test('retries 5xx responses until one succeeds', async () => {
    fake.fail('PATCH', /\/issues\/1$/, { status: 502 }, { status: 503 });
    const before = hits(/\/issues\/1$/);
    await client().rest.issues.update({ ...repo(), issue_number: 1, body: 'z' });
    expect(hits(/\/issues\/1$/) - before).toBe(3);
    expect(fake.issues[0]!.body).toBe('z');
  });

  test('reports a request that still fails after the retries in one Chinese line', async () => {
    fake.fail('POST', /\/issues$/, { status: 500 }, { status: 500 }, { status: 500 }, { status: 500 });
    const lines: string[] = [];
    const code = await runWithGitHub(async () => {
      await client().rest.issues.create({ ...repo(), title: 't', body: 'b' });
      return 0;
    }, (l) => lines.push(l));
    expect(code).toBe(1);
    expect(lines).toMatchInlineSnapshot(`
      [
        "::error::GitHub 接口请求失败：POST /repos/qclg/media-registry/issues 返回 500，GitHub 服务暂时不可用（已重试 3 次）。请稍后在 Actions 页面重新运行该工作流。",
      ]
    `);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/^::error::.*返回 500.*已重试 3 次/);
  });

  test('names a permission problem without retrying it', async () => {
    fake.fail('POST', /\/labels$/, { status: 403, body: { message: 'Resource not accessible by integration' } });
    const err = await client().rest.issues.createLabel({ ...repo(), name: 'a', color: 'ffffff' }).catch((e: unknown) => e);
    expect(describeGitHubError(err)).toMatchInlineSnapshot(`"GitHub 接口请求失败：POST /repos/qclg/media-registry/labels 返回 403，没有权限，或接口调用次数已用完。请检查工作流的权限设置（permissions）；如是调用次数用完，请稍后重新运行。"`);
  });

  test('a script run ends with exit 1 and the Chinese line on stderr, no stack trace', async () => {
    fake.fail('GET', /\/issues$/, ...Array.from({ length: 4 }, () => ({ status: 503 })));
    const content = await writeFixtureRegistry();
    const { stdout, stderr, code } = await promisify(execFile)(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/deadline-issues.ts', '--content', content, '--today', '2026-11-21'], {
      cwd: ROOT,
      env: { ...process.env, GITHUB_TOKEN: 't', GITHUB_API_URL: fake.url, GITHUB_REPOSITORY: `${fake.owner}/${fake.repo}`, REGISTRY_RETRY_BASE_MS: '1' },
    }).then((r) => ({ ...r, code: 0 }), (e: { stdout: string; stderr: string; code: number }) => e);
    expect(code).toBe(1);
    expect(stdout).toBe('');
    expect(stderr).toContain('GitHub 接口请求失败：GET /repos/qclg/media-registry/issues');
    expect(stderr).toContain('返回 503');
    expect(stderr).not.toMatch(/\n\s+at /);
  }, 60_000);
});
