/**
 * The office-approval check's work, run with the registry bot App's token from the default
 * branch's code (pull_request_target / workflow_run; the PR's code is never run, its files are
 * read as data): find the PR, list its files, read the filings' tiers (base registry and the
 * PR's head version, parsed with the strict YAML reader), list its reviews, resolve team
 * membership through the API (fail closed: an error fails the run, so the check stays unmet),
 * check the author's ownership (issue-ops PRs by the bot are judged by the issue's author), and
 * post the verdict as a check run on the PR's head commit. The ruleset requires that check from
 * this App (`integration_id`), so no workflow token or person can post it instead.
 */
import { reviewersOfUnit, officeOwners } from '../../src/domain/codeowners.ts';
import { frontmatterValue } from '../../src/domain/approval.ts';
import { OFFICE_APPROVAL_CHECK, decideOfficeApproval, type ChangedFile, type OfficeApprovalVerdict, type ReviewInfo } from '../../src/domain/office-approval.ts';
import { owningUnit } from '../../src/domain/pr-report.ts';
import type { Registry } from '../../src/domain/registry.ts';
import { findPullRequestByHeadSha, getPullRequest, listPullRequestFiles, type PullRequestInfo } from './api.ts';
import type { GitHubClient, RepoRef } from './client.ts';

export interface OfficeApprovalOptions {
  /** The PR by number (pull_request_target) or by head commit (workflow_run relay). */
  prNumber?: number;
  headSha?: string;
  /** The default branch's registry (trusted). */
  registry: Registry;
  contentPrefix?: string;
  /** Logins of the registry bot (its issue-ops PRs are judged by the issue's author). */
  botLogins?: string[];
  /** Post the check run (default true). */
  post?: boolean;
}

export interface OfficeApprovalResult {
  pr?: number;
  verdict?: OfficeApprovalVerdict;
  /** The person the ownership rule judged (the issue's author for issue-ops PRs). */
  filedBy?: string;
  ownershipProblems: string[];
}

/** Membership of `login` in owner `@user` / `@org/team`, through the API; memoised per run. */
export function membershipResolver(client: GitHubClient) {
  const cache = new Map<string, Promise<boolean>>();
  return (owner: string, login: string): Promise<boolean> => {
    const key = `${owner}\u0000${login}`.toLowerCase();
    let hit = cache.get(key);
    if (!hit) {
      hit = (async () => {
        const team = /^@([^/]+)\/(.+)$/.exec(owner);
        if (!team) return owner.slice(1).toLowerCase() === login.toLowerCase();
        try {
          // GET /orgs/{org}/teams/{team_slug}/memberships/{username}: 404 = not a member; needs the App's members:read.
          const { data } = await client.rest.teams.getMembershipForUserInOrg({ org: team[1]!, team_slug: team[2]!, username: login });
          return data.state === 'active';
        } catch (err) {
          if ((err as { status?: number }).status === 404) return false;
          throw err; // fail closed: the run fails and the required check stays unmet
        }
      })();
      cache.set(key, hit);
    }
    return hit;
  };
}

async function headTier(client: GitHubClient, repo: RepoRef, path: string, sha: string): Promise<number | undefined> {
  try {
    const { data } = await client.rest.repos.getContent({ ...repo, path, ref: sha });
    if (Array.isArray(data) || data.type !== 'file' || !('content' in data) || data.size > 1_000_000) return undefined;
    const value = frontmatterValue(Buffer.from(data.content, 'base64').toString('utf8'));
    const tier = value && Object.hasOwn(value, 'tier') ? value.tier : undefined;
    return typeof tier === 'number' && Number.isInteger(tier) ? tier : undefined;
  } catch (err) {
    if ((err as { status?: number }).status === 404) return undefined;
    throw err;
  }
}

/** Computes (and by default posts) the office-approval verdict for one PR. */
export async function runOfficeApproval(client: GitHubClient, repo: RepoRef, opts: OfficeApprovalOptions): Promise<OfficeApprovalResult> {
  const pr: PullRequestInfo | undefined = opts.prNumber !== undefined ? await getPullRequest(client, repo, opts.prNumber) : opts.headSha ? await findPullRequestByHeadSha(client, repo, opts.headSha) : undefined;
  if (!pr || pr.state !== 'open') return { ownershipProblems: [] };
  const prefix = `${opts.contentPrefix ?? 'content'}/`;
  const reg = opts.registry;
  const raw = await listPullRequestFiles(client, repo, pr.number);
  const paths = [...new Set(raw.flatMap((f) => [f.path, ...(f.previousPath ? [f.previousPath] : [])]))];
  const files: ChangedFile[] = [];
  for (const path of paths) {
    const rel = path.startsWith(prefix) ? path.slice(prefix.length) : undefined;
    const tiers: number[] = [];
    if (rel?.startsWith('accounts/')) {
      const base = reg.accounts.find((a) => a.file === rel)?.data.tier;
      if (base !== undefined) tiers.push(base);
      const head = await headTier(client, repo, path, pr.headSha);
      if (head !== undefined && !tiers.includes(head)) tiers.push(head);
    }
    files.push({ path, ...(tiers.length ? { tiers } : {}) });
  }

  // Who filed it: the PR's author, or for the bot's issue-ops PR (branch filing/issue-N) the issue's author.
  const bots = (opts.botLogins ?? []).map((b) => b.toLowerCase());
  let filedBy = pr.author;
  if (bots.includes(pr.author.toLowerCase())) {
    const n = /^filing\/issue-(\d+)$/.exec(pr.headRef ?? '')?.[1];
    if (!n) filedBy = '';
    else {
      const { data } = await client.rest.issues.get({ ...repo, issue_number: Number(n) });
      filedBy = data.user?.login ?? '';
    }
  }

  const reviewsRaw = await client.paginate(client.rest.pulls.listReviews, { ...repo, pull_number: pr.number, per_page: 100 });
  const reviews: ReviewInfo[] = reviewsRaw.map((r) => ({ login: r.user?.login ?? '', state: r.state, commitId: r.commit_id ?? '', submittedAt: r.submitted_at ?? '' })).filter((r) => r.login);

  const member = membershipResolver(client);
  const office = officeOwners(reg);
  const isAny = async (owners: string[], login: string) => {
    for (const o of owners) if (login && (await member(o, login))) return true;
    return false;
  };

  // Ownership (fails closed): the filer must own every unit whose files the PR touches, or be office.
  const ownershipProblems: string[] = [];
  if (!filedBy) ownershipProblems.push('无法确定该合并请求的提交人（登记系统生成的合并请求须来自备案表 Issue）');
  else if (!(await isAny(office, filedBy)))
    for (const path of paths) {
      if (!path.startsWith(prefix)) {
        ownershipProblems.push(`${path}：只能由归口管理部门修改`);
        continue;
      }
      const unit = owningUnit(path.slice(prefix.length), [reg]);
      if (!unit || !reg.units.some((u) => u.data.id === unit)) {
        ownershipProblems.push(`${path}：只能由归口管理部门修改`);
        continue;
      }
      if (!(await isAny(reviewersOfUnit(reg, unit), filedBy))) ownershipProblems.push(`${path}：提交人 ${filedBy} 不是单位 ${unit} 的登记负责人`);
    }

  // Resolve every relevant owner × approving reviewer first, then decide (the decision is pure).
  const approving = [...new Set(reviews.filter((r) => r.state === 'APPROVED').map((r) => r.login))];
  const first = decideOfficeApproval({ registry: reg, files, author: filedBy || pr.author, headSha: pr.headSha, reviews, isOwner: () => false, contentPrefix: opts.contentPrefix });
  const known = new Map<string, boolean>();
  for (const owner of new Set(first.required.flatMap((r) => r.owners))) for (const login of approving) known.set(`${owner}\u0000${login}`.toLowerCase(), await member(owner, login));
  let verdict = decideOfficeApproval({
    registry: reg,
    files,
    author: filedBy || pr.author,
    headSha: pr.headSha,
    reviews,
    isOwner: (o, l) => known.get(`${o}\u0000${l}`.toLowerCase()) ?? false,
    contentPrefix: opts.contentPrefix,
  });
  if (ownershipProblems.length)
    verdict = { ...verdict, ok: false, title: `提交人无权提交：${ownershipProblems.length} 个文件`, summary: `${ownershipProblems.map((p) => `- ${escapeText(p)}`).join('\n')}\n\n${verdict.summary}` };

  if (opts.post !== false)
    await client.rest.checks.create({
      ...repo,
      name: OFFICE_APPROVAL_CHECK,
      head_sha: pr.headSha,
      status: 'completed',
      conclusion: verdict.ok ? 'success' : 'failure',
      output: { title: verdict.title.slice(0, 200), summary: verdict.summary.slice(0, 60000) },
    });
  return { pr: pr.number, verdict, filedBy, ownershipProblems };
}

function escapeText(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+!|<>~]/g, (c) => `\\${c}`).replace(/@/g, '@\u200b');
}
