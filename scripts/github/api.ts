/**
 * The GitHub adapter: small functions over the REST API, each taking the client first. They move
 * data; every decision and every message is made by the pure core (src/domain/).
 */
import type { GitHubClient, RepoRef } from './client.ts';

/** The fields of a pull request the scripts use. */
export interface PullRequestInfo {
  number: number;
  author: string;
  headSha: string;
  /** The head branch's name. */
  headRef?: string;
  /** `owner/name` of the head repository (a fork's, for fork PRs). */
  headRepo: string;
  state: string;
  labels: string[];
  requestedUsers: string[];
  requestedTeams: string[];
  htmlUrl: string;
}

type RawPull = {
  number: number;
  state: string;
  html_url: string;
  user: { login: string } | null;
  head: { sha: string; ref?: string; repo: { full_name: string } | null };
  labels?: Array<{ name?: string } | string>;
  requested_reviewers?: Array<{ login: string }> | null;
  requested_teams?: Array<{ slug: string }> | null;
};

function toInfo(p: RawPull): PullRequestInfo {
  return {
    number: p.number,
    author: p.user?.login ?? '',
    headSha: p.head.sha,
    headRef: p.head.ref,
    headRepo: p.head.repo?.full_name ?? '',
    state: p.state,
    labels: (p.labels ?? []).map((l) => (typeof l === 'string' ? l : (l.name ?? ''))),
    requestedUsers: (p.requested_reviewers ?? []).map((u) => u.login),
    requestedTeams: (p.requested_teams ?? []).map((t) => t.slug),
    htmlUrl: p.html_url,
  };
}

/**
 * The open pull request whose head is `sha`. The commit-to-PR lookup misses PRs from forks (and
 * `workflow_run` payloads list none for them), so open PRs are also searched by head SHA.
 */
export async function findPullRequestByHeadSha(client: GitHubClient, repo: RepoRef, sha: string): Promise<PullRequestInfo | undefined> {
  const assoc = await client.rest.repos.listPullRequestsAssociatedWithCommit({ ...repo, commit_sha: sha, per_page: 100 }).catch((err: { status?: number }) => {
    if (err.status === 404 || err.status === 422) return { data: [] as RawPull[] };
    throw err;
  });
  const hit = (assoc.data as RawPull[]).find((p) => p.state === 'open' && p.head.sha === sha);
  if (hit) return toInfo(hit);
  for await (const page of client.paginate.iterator(client.rest.pulls.list, { ...repo, state: 'open', per_page: 100 })) {
    const found = (page.data as RawPull[]).find((p) => p.head.sha === sha);
    if (found) return toInfo(found);
  }
  return undefined;
}

/** A pull request by number. */
export async function getPullRequest(client: GitHubClient, repo: RepoRef, number: number): Promise<PullRequestInfo> {
  const { data } = await client.rest.pulls.get({ ...repo, pull_number: number });
  return toInfo(data as RawPull);
}

/** The files a pull request changes, as `{ path, status }` (paths from the repository root). */
export async function listPullRequestFiles(client: GitHubClient, repo: RepoRef, number: number): Promise<Array<{ path: string; status: string; previousPath?: string }>> {
  const files = await client.paginate(client.rest.pulls.listFiles, { ...repo, pull_number: number, per_page: 100 });
  return files.map((f) => ({ path: f.filename, status: f.status, ...(f.previous_filename ? { previousPath: f.previous_filename } : {}) }));
}

/**
 * Keeps exactly one comment carrying `marker` on an issue or PR: creates it the first time,
 * updates it afterwards, and does nothing when the text is unchanged. Only comments by a bot
 * account count, so nobody can hijack the marker.
 */
export async function upsertMarkedComment(client: GitHubClient, repo: RepoRef, issueNumber: number, marker: string, body: string): Promise<'created' | 'updated' | 'unchanged'> {
  const comments = await client.paginate(client.rest.issues.listComments, { ...repo, issue_number: issueNumber, per_page: 100 });
  const mine = comments.find((c) => c.user?.type === 'Bot' && (c.body ?? '').includes(marker));
  if (!mine) {
    await client.rest.issues.createComment({ ...repo, issue_number: issueNumber, body });
    return 'created';
  }
  if ((mine.body ?? '').replace(/\r\n/g, '\n') === body) return 'unchanged';
  try {
    await client.rest.issues.updateComment({ ...repo, comment_id: mine.id, body });
  } catch (err) {
    // Another bot's comment (e.g. written earlier with the workflow token): write our own.
    if ((err as { status?: number }).status !== 403) throw err;
    await client.rest.issues.createComment({ ...repo, issue_number: issueNumber, body });
    return 'created';
  }
  return 'updated';
}

/**
 * Makes the labels with one of `managedPrefixes` equal `desired`, leaving other labels alone.
 * No call when nothing changes.
 */
export async function syncLabels(client: GitHubClient, repo: RepoRef, issueNumber: number, current: string[], desired: string[], managedPrefixes: string[]): Promise<{ added: string[]; removed: string[] }> {
  const managed = (l: string) => managedPrefixes.some((p) => l.startsWith(p));
  const added = desired.filter((l) => !current.includes(l));
  const removed = current.filter((l) => managed(l) && !desired.includes(l));
  if (added.length) await client.rest.issues.addLabels({ ...repo, issue_number: issueNumber, labels: added });
  for (const name of removed) await client.rest.issues.removeLabel({ ...repo, issue_number: issueNumber, name });
  return { added, removed };
}

/** Logins that have reviewed a PR (any state), lower-cased. */
export async function listReviewers(client: GitHubClient, repo: RepoRef, number: number): Promise<string[]> {
  const reviews = await client.paginate(client.rest.pulls.listReviews, { ...repo, pull_number: number, per_page: 100 });
  return [...new Set(reviews.map((r) => (r.user?.login ?? '').toLowerCase()).filter(Boolean))];
}

/**
 * Requests reviews from the users among CODEOWNERS-style owners (`@user`), skipping the author,
 * those already requested and those who already reviewed. Teams (`@org/team`) are never requested
 * here: a workflow token cannot read the organisation's teams, so GitHub answers 422 ("Reviews may
 * only be requested from collaborators", e.g. peter-evans/create-pull-request#4138); CODEOWNERS
 * already requests the teams. A 422 (a user without access) never fails the run: the users are
 * then asked one by one and the refused ones reported.
 */
export async function requestOwnerReviews(
  client: GitHubClient,
  repo: RepoRef,
  pr: PullRequestInfo,
  owners: string[],
  reviewed: string[] = [],
): Promise<{ users: string[]; teams: string[]; refused: string[] }> {
  const lower = (s: string) => s.toLowerCase();
  // GitHub logins are case-insensitive: one request per person, however the owners list spells it.
  const seen = new Set<string>();
  const logins = owners.filter((o) => !o.includes('/')).map((o) => o.slice(1)).filter((u) => !seen.has(lower(u)) && !!seen.add(lower(u)));
  const users = logins.filter(
    (u) => lower(u) !== lower(pr.author) && !pr.requestedUsers.some((r) => lower(r) === lower(u)) && !reviewed.includes(lower(u)),
  );
  if (users.length === 0) return { users: [], teams: [], refused: [] };
  try {
    await client.rest.pulls.requestReviewers({ ...repo, pull_number: pr.number, reviewers: users });
    return { users, teams: [], refused: [] };
  } catch (err) {
    if ((err as { status?: number }).status !== 422) throw err;
    if (users.length === 1) return { users: [], teams: [], refused: users };
  }
  const ok: string[] = [];
  const refused: string[] = [];
  for (const u of users) {
    try {
      await client.rest.pulls.requestReviewers({ ...repo, pull_number: pr.number, reviewers: [u] });
      ok.push(u);
    } catch (err) {
      if ((err as { status?: number }).status !== 422) throw err;
      refused.push(u);
    }
  }
  return { users: ok, teams: [], refused };
}

/** Open issues (not PRs) carrying `label`. */
export async function listOpenIssues(client: GitHubClient, repo: RepoRef, label: string): Promise<Array<{ number: number; title: string; body: string }>> {
  const issues = await client.paginate(client.rest.issues.listForRepo, { ...repo, state: 'open', labels: label, per_page: 100 });
  return issues.filter((i) => !i.pull_request).map((i) => ({ number: i.number, title: i.title, body: i.body ?? '' }));
}

/** Whether `login` may be assigned issues in the repository (GET /repos/{owner}/{repo}/assignees/{assignee}: 204 yes, 404 no). */
export async function canBeAssigned(client: GitHubClient, repo: RepoRef, login: string): Promise<boolean> {
  try {
    await client.rest.issues.checkUserCanBeAssigned({ ...repo, assignee: login });
    return true;
  } catch (err) {
    if ((err as { status?: number }).status === 404) return false;
    throw err;
  }
}

/** Creates an issue. */
export async function createIssue(client: GitHubClient, repo: RepoRef, issue: { title: string; body: string; labels: string[]; assignees?: string[] }): Promise<number> {
  const { data } = await client.rest.issues.create({ ...repo, ...issue });
  return data.number;
}

/** Updates an issue's title and body. */
export async function updateIssue(client: GitHubClient, repo: RepoRef, number: number, fields: { title?: string; body?: string }): Promise<void> {
  await client.rest.issues.update({ ...repo, issue_number: number, ...fields });
}

/** Closes an issue as completed. */
export async function closeIssue(client: GitHubClient, repo: RepoRef, number: number): Promise<void> {
  await client.rest.issues.update({ ...repo, issue_number: number, state: 'closed', state_reason: 'completed' });
}

/** Comments on an issue. */
export async function commentOnIssue(client: GitHubClient, repo: RepoRef, number: number, body: string): Promise<void> {
  await client.rest.issues.createComment({ ...repo, issue_number: number, body });
}

/** The PR numbers GitHub associates with a commit (merged PRs included). */
export async function pullRequestsOfCommit(client: GitHubClient, repo: RepoRef, sha: string): Promise<Array<{ number: number; mergedAt: string | null }>> {
  const { data } = await client.rest.repos.listPullRequestsAssociatedWithCommit({ ...repo, commit_sha: sha, per_page: 100 });
  return data.map((p) => ({ number: p.number, mergedAt: p.merged_at }));
}

/** The default branch and its head commit. */
export async function getBranchHead(client: GitHubClient, repo: RepoRef, branch: string): Promise<string> {
  const { data } = await client.rest.git.getRef({ ...repo, ref: `heads/${branch}` });
  return data.object.sha;
}

/**
 * Makes `path` on `branch` hold `content`: creates the branch from `baseBranch` when missing,
 * then creates or updates the file through the contents API (an update names the file's current
 * `sha`, as GitHub requires). Returns false when the file already held that content.
 */
export async function putFileOnBranch(
  client: GitHubClient,
  repo: RepoRef,
  args: { branch: string; baseBranch: string; path: string; content: string; message: string },
): Promise<boolean> {
  const exists = await client.rest.git.getRef({ ...repo, ref: `heads/${args.branch}` }).then(
    () => true,
    (err: { status?: number }) => {
      if (err.status === 404) return false;
      throw err;
    },
  );
  let sha: string | undefined;
  if (!exists) await client.rest.git.createRef({ ...repo, ref: `refs/heads/${args.branch}`, sha: await getBranchHead(client, repo, args.baseBranch) });
  else {
    const cur = await client.rest.repos.getContent({ ...repo, path: args.path, ref: args.branch }).catch((err: { status?: number }) => {
      if (err.status === 404) return undefined;
      throw err;
    });
    const file = cur && !Array.isArray(cur.data) && cur.data.type === 'file' && 'content' in cur.data ? cur.data : undefined;
    if (file && Buffer.from(file.content, 'base64').toString('utf8') === args.content) return false;
    sha = file?.sha;
  }
  await client.rest.repos.createOrUpdateFileContents({
    ...repo,
    path: args.path,
    branch: args.branch,
    message: args.message,
    content: Buffer.from(args.content, 'utf8').toString('base64'),
    ...(sha ? { sha } : {}),
  });
  return true;
}

/** Opens a pull request; returns its number and address. */
export async function openPullRequest(client: GitHubClient, repo: RepoRef, args: { head: string; base: string; title: string; body: string }): Promise<{ number: number; url: string }> {
  const { data } = await client.rest.pulls.create({ ...repo, ...args, maintainer_can_modify: true });
  return { number: data.number, url: data.html_url };
}

/** An open PR from `branch`, if any (so a re-run does not open a second one). */
export async function findOpenPullRequestFromBranch(client: GitHubClient, repo: RepoRef, branch: string): Promise<{ number: number; url: string } | undefined> {
  const { data } = await client.rest.pulls.list({ ...repo, state: 'open', head: `${repo.owner}:${branch}`, per_page: 10 });
  const p = data[0];
  return p ? { number: p.number, url: p.html_url } : undefined;
}

export interface LabelSpec {
  name: string;
  color: string;
  description: string;
}

/** Creates or updates a repository label; no call when it already matches. */
export async function ensureLabel(client: GitHubClient, repo: RepoRef, existing: Map<string, LabelSpec>, label: LabelSpec): Promise<'created' | 'updated' | 'unchanged'> {
  const cur = existing.get(label.name);
  if (!cur) {
    await client.rest.issues.createLabel({ ...repo, ...label });
    return 'created';
  }
  if (cur.color.toLowerCase() === label.color.toLowerCase() && (cur.description ?? '') === label.description) return 'unchanged';
  await client.rest.issues.updateLabel({ ...repo, name: label.name, color: label.color, description: label.description });
  return 'updated';
}

/** Every label of the repository. */
export async function listLabels(client: GitHubClient, repo: RepoRef): Promise<Map<string, LabelSpec>> {
  const labels = await client.paginate(client.rest.issues.listLabelsForRepo, { ...repo, per_page: 100 });
  return new Map(labels.map((l) => [l.name, { name: l.name, color: l.color, description: l.description ?? '' }]));
}

/** The body of a repository ruleset (POST /repos/{owner}/{repo}/rulesets). */
type CreateRulesetParams = NonNullable<Parameters<GitHubClient['rest']['repos']['createRepoRuleset']>[0]>;
export type RulesetSpec = Omit<CreateRulesetParams, 'owner' | 'repo'> & { name: string; enforcement: 'active' | 'disabled' | 'evaluate' };

/** Creates the repository ruleset named `ruleset.name`, or replaces it when it exists. */
export async function upsertRuleset(client: GitHubClient, repo: RepoRef, ruleset: RulesetSpec): Promise<'created' | 'updated'> {
  const { data } = await client.request('GET /repos/{owner}/{repo}/rulesets', { ...repo, per_page: 100 });
  const found = (data as Array<{ id: number; name: string }>).find((r) => r.name === ruleset.name);
  if (found) {
    await client.rest.repos.updateRepoRuleset({ ...repo, ruleset_id: found.id, ...ruleset });
    return 'updated';
  }
  await client.rest.repos.createRepoRuleset({ ...repo, ...ruleset } as CreateRulesetParams);
  return 'created';
}
