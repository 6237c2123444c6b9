/**
 * The one place that builds the GitHub client: octokit with throttling (rate limits, 403/429 with
 * headers) and retry (5xx), configured from the environment, plus a clear Chinese message for a
 * request that still fails. Every adapter function takes this client as its first argument.
 */
import Bottleneck from 'bottleneck';
import { Octokit } from 'octokit';
import { EXIT, HelpRequested, UsageError } from '../lib/cli.ts';
import { systemErrorCode } from '../lib/system-error.ts';

export type GitHubClient = InstanceType<typeof Octokit>;

export interface ClientOptions {
  token: string;
  /** REST base URL: $GITHUB_API_URL on Actions, the fake server in tests. */
  baseUrl?: string;
  /** Retries after a rate limit or a 5xx response (default 3). */
  retries?: number;
  /** Milliseconds per "second" of back-off; tests shrink it (default 1000). */
  retryBaseMs?: number;
  /** Where octokit's warnings go (default: console.warn, without request bodies). */
  warn?: (message: string) => void;
}

/** Builds the client. Rate-limited requests are retried up to `retries` times, as are 5xx responses. */
export function createClient(opts: ClientOptions): GitHubClient {
  const retries = opts.retries ?? 3;
  const base = opts.retryBaseMs ?? 1000;
  const warn = opts.warn ?? ((m: string) => console.warn(m));
  const onLimit = (kind: string) => (retryAfter: number, options: { method: string; url: string }, _o: unknown, retryCount: number) => {
    if (retryCount >= retries) return false;
    warn(`GitHub ${kind}：${options.method} ${options.url}，${retryAfter} 秒后第 ${retryCount + 1} 次重试`);
    return true;
  };
  // GitHub's guidance for integrators (octokit's defaults): writes at least 1 s apart, requests
  // that notify people (comments, issues) 3 s, searches 2 s. Tests that shrink the back-off shrink
  // this spacing by the same factor; real runs keep octokit's process-wide limiters.
  const spacing = base < 1000 ? scaledLimiters(base / 1000) : {};
  return new Octokit({
    auth: opts.token,
    ...(opts.baseUrl ? { baseUrl: opts.baseUrl.replace(/\/$/, '') } : {}),
    userAgent: 'campus-media-registry',
    // Not `request.retries`: that would retry every status, 4xx included.
    retry: { retries, retryAfterBaseValue: base },
    throttle: {
      retryAfterBaseValue: base,
      fallbackSecondaryRateRetryAfter: 60,
      onRateLimit: onLimit('接口调用次数已用完'),
      onSecondaryRateLimit: onLimit('触发了二级限流'),
      ...spacing,
    },
    log: { debug: () => {}, info: () => {}, warn: (m: string) => warn(String(m)), error: (m: string) => warn(String(m)) },
  });
}

function scaledLimiters(factor: number) {
  const group = (id: string, ms: number) => new Bottleneck.Group({ id: `campus-registry-${id}`, maxConcurrent: 1, minTime: Math.round(ms * factor), timeout: 120_000 });
  return { write: group('write', 1000), notifications: group('notifications', 3000), search: group('search', 2000) };
}

/** The repository `owner/name` the scripts act on. */
export interface RepoRef {
  owner: string;
  repo: string;
}

/** Reads `owner/name` (e.g. $GITHUB_REPOSITORY). */
export function parseRepo(full: string | undefined): RepoRef {
  const m = /^([A-Za-z0-9-_.]+)\/([A-Za-z0-9-_.]+)$/.exec(full ?? '');
  if (!m) throw new GitHubConfigError('缺少仓库名称：请设置环境变量 GITHUB_REPOSITORY（格式 owner/repo）');
  return { owner: m[1]!, repo: m[2]! };
}

/** A missing token or repository: a setup problem, not a GitHub failure. */
export class GitHubConfigError extends Error {}

/** The client for a script run: $GITHUB_TOKEN, $GITHUB_API_URL, $GITHUB_REPOSITORY. */
export function clientFromEnv(env: NodeJS.ProcessEnv = process.env): { client: GitHubClient; repo: RepoRef } {
  const token = env.GITHUB_TOKEN;
  if (!token) throw new GitHubConfigError('缺少 GITHUB_TOKEN：请在工作流中通过 env 传入');
  const base = Number(env.REGISTRY_RETRY_BASE_MS);
  return { client: createClient({ token, baseUrl: env.GITHUB_API_URL, ...(base > 0 ? { retryBaseMs: base } : {}) }), repo: parseRepo(env.GITHUB_REPOSITORY) };
}

const STATUS_TEXT: Record<number, string> = {
  401: '令牌无效或已过期',
  403: '没有权限，或接口调用次数已用完',
  404: '找不到该资源（或令牌无权访问）',
  409: '与仓库当前状态冲突',
  422: 'GitHub 拒绝了请求内容',
  429: '请求过于频繁',
};

/**
 * One Chinese line for a failed GitHub request: what was asked, the status, the retries done, and
 * what to do. No stack trace, no token, no request body.
 */
export function describeGitHubError(err: unknown): string {
  const e = err as { status?: number; request?: { method?: string; url?: string; request?: { retryCount?: number } }; message?: string };
  if (err instanceof GitHubConfigError) return `配置错误：${err.message}`;
  // octokit reports a request that got no answer (refused, DNS, reset) as status 500 with fetch's
  // TypeError as `cause`, whose own cause is the system error: GitHub never answered.
  const unanswered = systemErrorCode((err as { cause?: unknown } | undefined)?.cause, 1);
  if (unanswered) return `无法连接 GitHub（${unanswered}）。请稍后重新运行该工作流。`;
  if (typeof e?.status === 'number' && e.request) {
    const url = (e.request.url ?? '').replace(/^https?:\/\/[^/]+/, '').replace(/([?&](?:access_token|token)=)[^&]+/g, '$1***');
    const retried = e.request.request?.retryCount ? `（已重试 ${e.request.request.retryCount} 次）` : '';
    const what = e.status >= 500 ? 'GitHub 服务暂时不可用' : (STATUS_TEXT[e.status] ?? '请求失败');
    const hint =
      e.status >= 500 || e.status === 429
        ? '请稍后在 Actions 页面重新运行该工作流。'
        : e.status === 403
          ? '请检查工作流的权限设置（permissions）；如是调用次数用完，请稍后重新运行。'
          : '请检查工作流的权限设置（permissions）和仓库配置。';
    return `GitHub 接口请求失败：${e.request.method ?? ''} ${url} 返回 ${e.status}，${what}${retried}。${hint}`;
  }
  const code = (err as NodeJS.ErrnoException)?.code;
  if (code) return `无法连接 GitHub（${code}）。请稍后重新运行该工作流。`;
  return `GitHub 操作失败：${String(e?.message ?? err).split('\n')[0]}`;
}

/**
 * Runs a script's main with a GitHub client, mapping a failure to exit code 1 and one Chinese
 * line on stderr (no stack trace).
 */
export async function runWithGitHub(main: () => Promise<number>, log: (line: string) => void = (l) => console.error(l)): Promise<number> {
  try {
    return await main();
  } catch (err) {
    if (err instanceof HelpRequested) {
      console.log(err.message);
      return EXIT.ok;
    }
    if (err instanceof UsageError) {
      log(`用法错误：${err.message}`);
      return EXIT.usage;
    }
    log(`::error::${describeGitHubError(err)}`);
    return 1;
  }
}
