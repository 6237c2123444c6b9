/**
 * The approval job's work inside a git checkout of the default branch: every account filing without
 * an approval gets the next unused number (from all of git history, so numbers are never reused),
 * the merge date and the approving PR; one commit; pushed with a retry that starts over from the
 * new remote head when another push won the race.
 */
import { execFile } from 'node:child_process';
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { findApprovalNumbers, nextApprovalNumbers, prNumberFromMessage, recordApproval } from '../../src/domain/approval.ts';
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
   * Only filings changed since this commit (the push's `before`) count as newly merged; without
   * it, every filing that lacks an approval does (a manual catch-up run).
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

const BOT = ['-c', 'user.name=github-actions[bot]', '-c', 'user.email=41898282+github-actions[bot]@users.noreply.github.com'];

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
  const pending: Array<{ file: string; text: string }> = [];
  const since = opts.since && !/^0+$/.test(opts.since) ? opts.since : undefined;
  const changed = since
    ? new Set((await git(opts.cwd, ['diff', '--name-only', '--no-renames', `${since}..HEAD`, '--', `${content}/accounts`])).split('\n').filter(Boolean))
    : undefined;
  for (const rel of await listContentFiles(path.join(root, 'accounts'))) {
    if (!rel.endsWith('.mdx')) continue;
    const file = `${content}/accounts/${rel}`;
    if (changed && !changed.has(file)) continue;
    const text = await readFile(path.join(opts.cwd, file), 'utf8');
    const front = /^\uFEFF?---[ \t]*\r?\n([\s\S]*?)\r?\n---/.exec(text)?.[1];
    if (front !== undefined && !/^approval\s*:/m.test(front)) pending.push({ file, text });
  }
  if (pending.length === 0) return [];

  // Every number ever written on this branch's history or present now: never reused.
  const history = await git(opts.cwd, ['log', '-p', '--format=', '--', `${content}/accounts`]);
  const used = new Set([...findApprovalNumbers(history), ...pending.flatMap((p) => findApprovalNumbers(p.text))]);

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
      return { ...p, when, date, pr };
    }),
  );
  info.sort((a, b) => a.when.localeCompare(b.when) || a.file.localeCompare(b.file));

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
  await git(opts.cwd, [...BOT, 'commit', '--quiet', '-m', message]);
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
