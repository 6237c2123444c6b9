/**
 * The approval job's work inside a git checkout of the default branch: every account filing without
 * an approval gets the next unused number (from all of git history, so numbers are never reused),
 * the merge date and the approving PR; one commit; pushed with a retry that starts over from the
 * new remote head when another push won the race.
 */
import { execFile, spawn } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { hasApprovalRecord, nextApprovalNumbers, parsedApprovalNumber, prNumberFromMessage, recordApproval } from '../../src/domain/approval.ts';
import { beijingDate } from '../../src/domain/dates.ts';
import { listContentFiles } from '../lib/content-diff.ts';
import { pullRequestsOfCommit } from './api.ts';
import type { GitHubClient, RepoRef } from './client.ts';

const exec = promisify(execFile);

export interface ApproveOptions {
  /** The git work tree (repository root). */
  cwd: string;
  /** Content folder relative to the root (default `content`). */
  content?: string;
  /** Push to `remote`/`branch`, retrying after a lost race (default false: commit only). */
  push?: boolean;
  remote?: string;
  branch?: string;
  /** Used to find the approving PR when the merge commit's message does not name it. */
  github?: { client: GitHubClient; repo: RepoRef };
  /**
   * Accepted for compatibility and ignored: every run catches up every filing on the branch that
   * lacks its approval record, so a cancelled queued run loses nothing (three quick merges, one
   * run cancelled: the next run numbers all three).
   */
  since?: string;
  /** Extra environment for git (e.g. the push credential header). */
  gitEnv?: NodeJS.ProcessEnv;
  attempts?: number;
}

export interface ApprovalDone {
  file: string;
  number: string;
  date: string;
  pr?: number;
}

async function git(cwd: string, args: string[], env?: NodeJS.ProcessEnv): Promise<string> {
  const { stdout } = await exec('git', args, { cwd, env: { ...process.env, ...env }, maxBuffer: 256 * 1024 * 1024 });
  return stdout;
}

/** The commit identity: the registry bot App (REGISTRY_BOT_LOGIN / REGISTRY_BOT_ID), else the Actions bot. */
function botIdentity(env: NodeJS.ProcessEnv = process.env): string[] {
  const login = env.REGISTRY_BOT_LOGIN && /^[a-z0-9-]+\[bot\]$/i.test(env.REGISTRY_BOT_LOGIN) ? env.REGISTRY_BOT_LOGIN : 'github-actions[bot]';
  const id = env.REGISTRY_BOT_ID && /^\d+$/.test(env.REGISTRY_BOT_ID) ? env.REGISTRY_BOT_ID : login === 'github-actions[bot]' ? '41898282' : '';
  return ['-c', `user.name=${login}`, '-c', `user.email=${id ? `${id}+` : ''}${login}@users.noreply.github.com`];
}

/**
 * Approval numbers of every version of every account filing on the first-parent history of HEAD,
 * read with the strict parser (blobs streamed through one `git cat-file --batch`).
 */
export async function historicApprovalNumbers(cwd: string, content = 'content'): Promise<Set<string>> {
  const log = await git(cwd, ['log', '--first-parent', '--diff-merges=first-parent', '--format=@%H', '--name-only', '--diff-filter=AMR', '--', `${content}/accounts`]);
  const wanted: string[] = [];
  let sha = '';
  for (const line of log.split('\n')) {
    if (line.startsWith('@')) sha = line.slice(1);
    else if (line.endsWith('.mdx') && sha) wanted.push(`${sha}:${line}`);
  }
  const out = new Set<string>();
  if (wanted.length === 0) return out;
  const buf = await new Promise<Buffer>((resolve, reject) => {
    const p = spawn('git', ['cat-file', '--batch'], { cwd });
    const chunks: Buffer[] = [];
    p.stdout.on('data', (c: Buffer) => chunks.push(c));
    p.on('error', reject);
    p.on('close', (code) => (code === 0 ? resolve(Buffer.concat(chunks)) : reject(new Error(`git cat-file 退出码 ${code}`))));
    p.stdin.end(`${wanted.join('\n')}\n`);
  });
  let at = 0;
  while (at < buf.length) {
    const nl = buf.indexOf(0x0a, at);
    const header = buf.subarray(at, nl).toString('utf8');
    at = nl + 1;
    const m = /^[0-9a-f]+ blob (\d+)$/.exec(header);
    if (!m) continue; // "<name> missing"
    const size = Number(m[1]);
    const n = parsedApprovalNumber(buf.subarray(at, at + size).toString('utf8'));
    if (n) out.add(n);
    at += size + 1;
  }
  return out;
}

/** Records approvals for every newly merged filing; returns what it recorded (empty: nothing to do). */
export async function approveMergedFilings(opts: ApproveOptions): Promise<ApprovalDone[]> {
  const remote = opts.remote ?? 'origin';
  const branch = opts.branch ?? 'main';
  const attempts = opts.attempts ?? 5;
  for (let attempt = 1; ; attempt++) {
    if (opts.push) {
      await git(opts.cwd, ['fetch', '--quiet', remote, branch], opts.gitEnv);
      await git(opts.cwd, ['reset', '--quiet', '--hard', `${remote}/${branch}`]);
    }
    const done = await recordOnce(opts);
    if (done.length === 0 || !opts.push) return done;
    try {
      await git(opts.cwd, ['push', '--quiet', remote, `HEAD:refs/heads/${branch}`], opts.gitEnv);
      return done;
    } catch (err) {
      if (attempt >= attempts) throw new Error(`推送审批记录失败（已尝试 ${attempt} 次）：${String((err as { stderr?: string }).stderr ?? '').split('\n')[0]}`);
    }
  }
}

async function recordOnce(opts: ApproveOptions): Promise<ApprovalDone[]> {
  const content = opts.content ?? 'content';
  const root = path.join(opts.cwd, content);
  // Catch-up: every filing on the branch without an approval record, whatever push brought it
  // (a cancelled or failed run loses nothing). `since` is accepted for compatibility only.
  const pending: Array<{ file: string; text: string }> = [];
  for (const rel of await listContentFiles(path.join(root, 'accounts'))) {
    if (!rel.endsWith('.mdx')) continue;
    const file = `${content}/accounts/${rel}`;
    const text = await readFile(path.join(opts.cwd, file), 'utf8');
    // The strict reader decides (the loader's own): an own `approval` key means "recorded".
    if (!hasApprovalRecord(text)) pending.push({ file, text });
  }
  if (pending.length === 0) return [];

  // Every number ever recorded on the branch: parsed `approval.number` values of every version
  // of every filing on its first-parent history (what the branch really held; a PR's own
  // intermediate commits and any text outside the frontmatter do not count), plus those now.
  const used = new Set([...(await historicApprovalNumbers(opts.cwd, content)), ...pending.map((p) => parsedApprovalNumber(p.text)).filter((n): n is string => !!n)]);

  // Merge order: the last first-parent commit (the merge) that changed each file.
  const info = await Promise.all(
    pending.map(async (p) => {
      const line = (await git(opts.cwd, ['log', '--first-parent', '-n', '1', '--format=%H%x09%cI%x09%s', '--', p.file])).trim();
      const [sha = '', when = '', subject = ''] = line.split('\t');
      let pr = prNumberFromMessage(subject);
      if (pr === undefined && sha && opts.github) {
        const prs = await pullRequestsOfCommit(opts.github.client, opts.github.repo, sha);
        pr = prs.find((x) => x.mergedAt)?.number ?? prs[0]?.number;
      }
      const date = when ? beijingDate(new Date(when)) : beijingDate(new Date());
      return { ...p, sha, when, date, pr };
    }),
  );
  // Merge order: position on the first-parent history (oldest first), then time, then name.
  const order = new Map((await git(opts.cwd, ['rev-list', '--first-parent', 'HEAD'])).split('\n').filter(Boolean).reverse().map((sha, i) => [sha, i]));
  info.sort((a, b) => (order.get(a.sha) ?? 0) - (order.get(b.sha) ?? 0) || a.when.localeCompare(b.when) || a.file.localeCompare(b.file));

  const done: ApprovalDone[] = [];
  for (const p of info) {
    const year = Number(p.date.slice(0, 4));
    const [number] = nextApprovalNumbers(used, year, 1);
    used.add(number!);
    await writeFile(path.join(opts.cwd, p.file), recordApproval(p.text, { number: number!, date: p.date, ...(p.pr !== undefined ? { pr: p.pr } : {}) }));
    done.push({ file: p.file, number: number!, date: p.date, ...(p.pr !== undefined ? { pr: p.pr } : {}) });
  }
  await git(opts.cwd, ['add', '--', ...done.map((d) => d.file)]);
  const message = [`登记审批号：${done.map((d) => d.number).join('、')}`, '', ...done.map((d) => `${d.number} ${d.file}${d.pr ? `（#${d.pr}）` : ''}`)].join('\n');
  await git(opts.cwd, [...botIdentity(), 'commit', '--quiet', '-m', message]);
  return done;
}

/**
 * Git environment that authenticates pushes to github.com with `token` for this process only
 * (checkout runs with persist-credentials: false, so nothing is stored on disk).
 */
export function pushAuthEnv(token: string | undefined, serverUrl = 'https://github.com'): NodeJS.ProcessEnv {
  if (!token) return {};
  const basic = Buffer.from(`x-access-token:${token}`).toString('base64');
  return { GIT_CONFIG_COUNT: '1', GIT_CONFIG_KEY_0: `http.${serverUrl}/.extraheader`, GIT_CONFIG_VALUE_0: `AUTHORIZATION: basic ${basic}` };
}
