/**
 * A strict fake GitHub REST API on 127.0.0.1 (random port) for testing the adapter with the real
 * octokit over HTTP. Strict like GitHub, never more lenient:
 * - every request is checked against GitHub's published OpenAPI description (@octokit/openapi):
 *   unknown operations get 404, bad parameters or bodies get 422 (and are recorded in
 *   `violations`); every response the fake sends is checked against the documented response
 *   schema too (a mismatch is a 500 and a violation, so the fake cannot drift from GitHub);
 * - tokens carry permissions (GITHUB_TOKEN, an App installation token, an admin's token): a call
 *   outside them is 403 "Resource not accessible by integration";
 * - GitHub's documented refusals: team reviewers requested with a GITHUB_TOKEN (422, it cannot
 *   read the organisation's teams), reviews requested from the PR's author or a non-collaborator
 *   (422), unknown labels on issue creation (422), PR creation by GitHub Actions while the
 *   repository setting is off (403), content updates without the file's `sha` (422) or with a
 *   stale one (409), rulesets naming the GitHub Actions integration (15368) or an app not
 *   installed as bypass actor (422), assignees who are not collaborators (422);
 * - lists are paginated with `per_page` (default 30, max 100) and `Link` headers.
 * State is in memory; every request is logged; failures can be injected (rate limits, 5xx).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createHash } from 'node:crypto';
import { checkRequest, checkResponse, example } from './openapi.ts';

export interface FakeUser {
  login: string;
  type?: 'User' | 'Bot';
}
export interface FakePull {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  user: FakeUser;
  head: { sha: string; ref: string; repo: { full_name: string } };
  base: { ref: string };
  labels: Array<{ name: string }>;
  requested_reviewers: Array<{ login: string }>;
  requested_teams: Array<{ slug: string }>;
  merged_at: string | null;
  files: Array<{ filename: string; status: string }>;
  reviews: FakeReview[];
}
export interface FakeReview {
  id: number;
  user: FakeUser;
  state: 'APPROVED' | 'CHANGES_REQUESTED' | 'COMMENTED' | 'DISMISSED' | 'PENDING';
  commit_id: string;
  submitted_at: string;
}
export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  state_reason?: string | null;
  labels: Array<{ name: string }>;
  assignees: string[];
  user: FakeUser;
}
export interface FakeComment {
  id: number;
  issue_number: number;
  body: string;
  user: FakeUser;
}
export interface FakeCheckRun {
  id: number;
  name: string;
  head_sha: string;
  status: string;
  conclusion: string | null;
  title: string;
  summary: string;
  /** The app the token belonged to (GitHub records it; rulesets can require it). */
  appId: number;
}
export interface LoggedRequest {
  method: string;
  path: string;
  body: unknown;
  token?: string;
}
export interface FakeResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

/** A token's identity and permissions, as GitHub knows them. */
export interface FakeToken {
  kind: 'actions' | 'app' | 'user';
  login: string;
  /** The GitHub App behind the token (15368 for GITHUB_TOKEN). */
  appId?: number;
  /** Fine-grained permissions: `contents`, `issues`, `pull_requests`, `checks`, `statuses`, `administration`, `members`. */
  permissions: Record<string, 'read' | 'write'>;
}

/** The GitHub Actions app: GITHUB_TOKEN acts as it. */
export const ACTIONS_APP_ID = 15368;
/** The registry bot App installed on the fake repository. */
export const BOT_APP_ID = 424242;

const ALL = { contents: 'write', issues: 'write', pull_requests: 'write', checks: 'write', statuses: 'write', administration: 'write', members: 'read', actions: 'read' } as const;

/** The fake server and its state. */
export class FakeGitHub {
  readonly owner = 'qclg';
  readonly repo = 'media-registry';
  pulls: FakePull[] = [];
  issues: FakeIssue[] = [];
  comments: FakeComment[] = [];
  labels = new Map<string, { name: string; color: string; description: string }>();
  refs = new Map<string, string>([['heads/main', 'a'.repeat(40)]]);
  /** Files committed through the contents API: `branch:path` → text. */
  contents = new Map<string, string>();
  commitMessages: string[] = [];
  /** Same-repository PRs GitHub associates with a commit (fork heads are not associated). */
  commitPulls = new Map<string, number[]>();
  rulesets: Array<{ id: number; name: string; [k: string]: unknown }> = [];
  checkRuns: FakeCheckRun[] = [];
  /** Organisation teams `org/slug` → member logins. */
  teams = new Map<string, string[]>();
  /** Users with access to the repository (reviewers and assignees must be among them); teams' members count. */
  collaborators = new Set<string>(['jwc-admin', 'tw-admin', 'robot-admin', 'office-admin']);
  /** Apps installed on the repository (may be ruleset bypass actors). */
  installedApps = new Set<number>([BOT_APP_ID]);
  /** "Allow GitHub Actions to create and approve pull requests" (off by default on GitHub). */
  actionsCanCreatePullRequests = false;
  /** Tokens the fake accepts. `test-token` is a workflow's GITHUB_TOKEN. */
  tokens = new Map<string, FakeToken>([
    ['test-token', { kind: 'actions', login: 'github-actions[bot]', appId: ACTIONS_APP_ID, permissions: { contents: 'write', issues: 'write', pull_requests: 'write', checks: 'write', statuses: 'write', actions: 'read' } }],
    ['app-token', { kind: 'app', login: 'registry-bot[bot]', appId: BOT_APP_ID, permissions: { ...ALL } }],
    ['admin-token', { kind: 'user', login: 'office-admin', permissions: { ...ALL } }],
  ]);
  requests: LoggedRequest[] = [];
  /** Requests or responses that do not match GitHub's description (should stay empty). */
  violations: string[] = [];
  /** The login of the default token (kept for older tests). */
  botLogin = 'github-actions[bot]';
  private faults: Array<{ method: string; path: RegExp; responses: FakeResponse[] }> = [];
  private next = 1;
  private ids = 5000;
  private server?: Server;
  url = '';

  /** Starts listening on 127.0.0.1 at a random port. */
  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => this.server?.close(() => resolve()));
  }

  /** The next `responses.length` requests matching method and path get these responses instead. */
  fail(method: string, path: RegExp, ...responses: FakeResponse[]): void {
    this.faults.push({ method, path, responses });
  }

  /** Requests that change something (everything but GET). */
  writes(): LoggedRequest[] {
    return this.requests.filter((r) => r.method !== 'GET');
  }

  /** Adds a pull request; `fork` puts its head in another repository (not associated with the commit). */
  addPull(p: { author: string; headSha: string; files?: string[]; fork?: string; title?: string; labels?: string[]; authorType?: 'User' | 'Bot' }): FakePull {
    const number = this.next++;
    const pull: FakePull = {
      number,
      title: p.title ?? `PR ${number}`,
      body: '',
      state: 'open',
      user: { login: p.author, type: p.authorType ?? 'User' },
      head: { sha: p.headSha, ref: `branch-${number}`, repo: { full_name: p.fork ?? `${this.owner}/${this.repo}` } },
      base: { ref: 'main' },
      labels: (p.labels ?? []).map((name) => ({ name })),
      requested_reviewers: [],
      requested_teams: [],
      merged_at: null,
      files: (p.files ?? []).map((filename) => ({ filename, status: 'added' })),
      reviews: [],
    };
    this.pulls.push(pull);
    if (!p.fork) this.commitPulls.set(p.headSha, [...(this.commitPulls.get(p.headSha) ?? []), number]);
    return pull;
  }

  /** A review on `pull` (on its current head unless `commit` is given); GitHub clears the user's pending request. */
  addReview(pull: FakePull, user: string, state: FakeReview['state'], commit?: string): FakeReview {
    const r: FakeReview = { id: this.ids++, user: { login: user, type: 'User' }, state, commit_id: commit ?? pull.head.sha, submitted_at: '2026-11-21T02:00:00Z' };
    pull.reviews.push(r);
    pull.requested_reviewers = pull.requested_reviewers.filter((x) => x.login.toLowerCase() !== user.toLowerCase());
    return r;
  }

  /** Adds an issue. */
  addIssue(i: { title: string; body: string; author?: string; labels?: string[]; state?: 'open' | 'closed' }): FakeIssue {
    const issue: FakeIssue = { number: this.next++, title: i.title, body: i.body, state: i.state ?? 'open', labels: (i.labels ?? []).map((name) => ({ name })), assignees: [], user: { login: i.author ?? 'someone', type: 'User' } };
    this.issues.push(issue);
    return issue;
  }

  // ---- JSON shaped like GitHub's (the description's examples, with the state's values) ----

  private userJson(u: FakeUser | string) {
    const login = typeof u === 'string' ? u : u.login;
    const type = typeof u === 'string' ? (login.endsWith('[bot]') ? 'Bot' : 'User') : (u.type ?? 'User');
    return { ...example('pull-request').user, login, type, id: hash(login), html_url: `https://github.test/${encodeURIComponent(login)}` };
  }
  private labelJson(name: string) {
    const l = this.labels.get(name);
    return { ...example('label'), id: hash(name), name, color: l?.color ?? 'ededed', description: l?.description ?? '', default: false };
  }
  private teamJson(slug: string) {
    const t = example('pull-request').requested_teams[0];
    return { ...t, slug, name: slug, id: hash(slug), type: 'organization', parent: null };
  }
  private pullJson(p: FakePull) {
    const ex = example('pull-request');
    return {
      ...ex,
      id: p.number + 10000,
      number: p.number,
      title: p.title,
      body: p.body,
      state: p.state,
      locked: false,
      user: this.userJson(p.user),
      head: { ...ex.head, sha: p.head.sha, ref: p.head.ref, label: `${p.head.repo.full_name.split('/')[0]}:${p.head.ref}`, repo: { ...ex.head.repo, full_name: p.head.repo.full_name, name: p.head.repo.full_name.split('/')[1] } },
      base: { ...ex.base, ref: p.base.ref },
      labels: p.labels.map((l) => this.labelJson(l.name)),
      requested_reviewers: p.requested_reviewers.map((u) => this.userJson(u.login)),
      requested_teams: p.requested_teams.map((t) => this.teamJson(t.slug)),
      assignees: [],
      assignee: null,
      milestone: null,
      merged_at: p.merged_at,
      merged: !!p.merged_at,
      html_url: `https://github.test/${this.owner}/${this.repo}/pull/${p.number}`,
    };
  }
  private issueJson(i: FakeIssue) {
    return {
      ...example('issue'),
      id: i.number + 20000,
      number: i.number,
      title: i.title,
      body: i.body,
      state: i.state,
      state_reason: i.state_reason ?? null,
      locked: false,
      labels: i.labels.map((l) => this.labelJson(l.name)),
      assignees: i.assignees.map((a) => this.userJson(a)),
      assignee: i.assignees[0] ? this.userJson(i.assignees[0]) : null,
      milestone: null,
      user: this.userJson(i.user),
      pull_request: undefined,
      html_url: `https://github.test/${this.owner}/${this.repo}/issues/${i.number}`,
    };
  }
  private commentJson(c: FakeComment) {
    return { ...example('issue-comment'), id: c.id, body: c.body, user: this.userJson(c.user), issue_url: `https://api.github.test/repos/${this.owner}/${this.repo}/issues/${c.issue_number}` };
  }

  // ---- the server ----

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    const path = url.pathname;
    const auth = /^(?:token|bearer)\s+(.+)$/i.exec(req.headers.authorization ?? '')?.[1];
    let body: any;
    const send = (status: number, data?: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(data === undefined ? '' : JSON.stringify(data));
    };
    try {
      body = raw ? JSON.parse(raw) : undefined;
    } catch {
      return send(400, { message: 'Problems parsing JSON' });
    }
    this.requests.push({ method, path: decodeURIComponent(path), body, token: auth });
    const fault = this.faults.find((f) => f.method === method && f.path.test(decodeURIComponent(path)) && f.responses.length);
    if (fault) {
      const r = fault.responses.shift()!;
      return send(r.status, r.body ?? { message: `fake failure ${r.status}` }, r.headers);
    }
    const { match, problems } = checkRequest(method, path, url.searchParams, body);
    if (!match) {
      this.violations.push(problems[0]!);
      return send(404, { message: 'Not Found', documentation_url: 'https://docs.github.com/rest' });
    }
    const token = auth ? this.tokens.get(auth) : undefined;
    if (!token) return send(401, { message: 'Bad credentials' });
    if (problems.length) {
      this.violations.push(...problems);
      return send(422, { message: 'Invalid request.', errors: problems });
    }
    const need = permissionOf(match.operationId);
    if (need) {
      const have = token.permissions[need];
      const ok = method === 'GET' ? have === 'read' || have === 'write' : have === 'write';
      if (!ok) return send(403, { message: 'Resource not accessible by integration', documentation_url: 'https://docs.github.com/rest' });
    }
    let out: [number, unknown, Record<string, string>?] | undefined;
    try {
      out = this.route(method, decodeURIComponent(path), url.searchParams, body, token, match.params);
    } catch (err) {
      return send(500, { message: (err as Error).message });
    }
    if (!out) return send(404, { message: 'Not Found' });
    let [status, data, headers = {}] = out;
    if (method === 'GET' && Array.isArray(data)) {
      const perPage = Math.min(100, Number(url.searchParams.get('per_page') ?? 30) || 30);
      const page = Math.max(1, Number(url.searchParams.get('page') ?? 1) || 1);
      const last = Math.max(1, Math.ceil(data.length / perPage));
      const links: string[] = [];
      const at = (n: number, rel: string) => {
        const u = new URL(url.toString());
        u.searchParams.set('page', String(n));
        u.searchParams.set('per_page', String(perPage));
        links.push(`<${u.toString()}>; rel="${rel}"`);
      };
      if (page < last) at(page + 1, 'next'), at(last, 'last');
      if (page > 1) at(1, 'first'), at(page - 1, 'prev');
      data = data.slice((page - 1) * perPage, page * perPage);
      if (links.length) headers = { ...headers, link: links.join(', ') };
    }
    if (status < 300) {
      const bad = checkResponse(match, status, data === undefined ? undefined : JSON.parse(JSON.stringify(data)));
      if (bad.length) {
        this.violations.push(...bad);
        return send(500, { message: `fake response does not match GitHub's description: ${bad.join('; ')}` });
      }
    }
    send(status, data, headers);
  }

  private route(method: string, path: string, q: URLSearchParams, body: any, token: FakeToken, params: Record<string, string>): [number, unknown, Record<string, string>?] | undefined {
    const org = /^\/orgs\/([^/]+)\/teams\/([^/]+)\/memberships\/([^/]+)$/.exec(path);
    if (org && method === 'GET') {
      const members = this.teams.get(`${org[1]}/${org[2]}`.toLowerCase()) ?? [];
      if (!members.some((m) => m.toLowerCase() === org[3]!.toLowerCase())) return undefined;
      return [200, { ...example('team-membership-response-if-user-is-a-team-maintainer'), role: 'member', state: 'active' }];
    }
    const base = `/repos/${this.owner}/${this.repo}`;
    if (!path.startsWith(base)) return undefined;
    const p = path.slice(base.length);
    let m: RegExpExecArray | null;
    const issueOrPull = (n: number) => this.issues.find((i) => i.number === n) ?? this.pulls.find((x) => x.number === n);
    const who: FakeUser = { login: token.login, type: token.kind === 'user' ? 'User' : 'Bot' };

    if (method === 'GET' && (m = /^\/commits\/([^/]+)\/pulls$/.exec(p)))
      return [200, (this.commitPulls.get(m[1]!) ?? []).map((n) => this.pullJson(this.pulls.find((x) => x.number === n)!))];
    if (method === 'GET' && p === '/pulls') {
      const state = q.get('state') ?? 'open';
      const head = q.get('head');
      return [200, this.pulls.filter((x) => (state === 'all' || x.state === state) && (!head || `${x.head.repo.full_name.split('/')[0]}:${x.head.ref}` === head)).map((x) => this.pullJson(x))];
    }
    if (method === 'POST' && p === '/pulls') {
      // https://docs.github.com/en/repositories/managing-your-repositorys-settings-and-features/enabling-features-for-your-repository/managing-github-actions-settings-for-a-repository
      if (token.kind === 'actions' && !this.actionsCanCreatePullRequests) return [403, { message: 'GitHub Actions is not permitted to create or approve pull requests.' }];
      const sha = this.refs.get(`heads/${body.head}`);
      if (!sha) return [422, { message: 'Validation Failed', errors: [{ resource: 'PullRequest', field: 'head', code: 'invalid' }] }];
      if (this.pulls.some((x) => x.state === 'open' && x.head.ref === body.head)) return [422, { message: `Validation Failed: A pull request already exists for ${this.owner}:${body.head}.` }];
      const pull = this.addPull({ author: token.login, headSha: sha, title: body.title, authorType: who.type });
      pull.body = body.body ?? '';
      pull.head.ref = body.head;
      return [201, this.pullJson(pull)];
    }
    if ((m = /^\/pulls\/(\d+)$/.exec(p))) {
      const pull = this.pulls.find((x) => x.number === Number(m![1]));
      if (!pull) return undefined;
      if (method === 'GET') return [200, this.pullJson(pull)];
      if (method === 'PATCH') {
        if (body.title !== undefined) pull.title = body.title;
        if (body.body !== undefined) pull.body = body.body;
        if (body.state !== undefined) pull.state = body.state;
        return [200, this.pullJson(pull)];
      }
    }
    if ((m = /^\/pulls\/(\d+)\/files$/.exec(p)) && method === 'GET') {
      const pull = this.pulls.find((x) => x.number === Number(m![1]));
      return pull ? [200, pull.files.map((f) => ({ ...f, sha: '0'.repeat(40), additions: 1, deletions: 0, changes: 1, blob_url: 'https://github.test/b', raw_url: 'https://github.test/r', contents_url: 'https://api.github.test/c' }))] : undefined;
    }
    if ((m = /^\/pulls\/(\d+)\/reviews$/.exec(p)) && method === 'GET') {
      const pull = this.pulls.find((x) => x.number === Number(m![1]));
      return pull ? [200, pull.reviews.map((r) => ({ ...example('pull-request-review'), id: r.id, user: this.userJson(r.user), state: r.state, commit_id: r.commit_id, submitted_at: r.submitted_at, body: '' }))] : undefined;
    }
    if ((m = /^\/pulls\/(\d+)\/requested_reviewers$/.exec(p)) && method === 'POST') {
      const pull = this.pulls.find((x) => x.number === Number(m![1]));
      if (!pull) return undefined;
      const users: string[] = body.reviewers ?? [];
      const teams: string[] = body.team_reviewers ?? [];
      if (users.some((u) => u.toLowerCase() === pull.user.login.toLowerCase())) return [422, { message: 'Review cannot be requested from pull request author.' }];
      // GITHUB_TOKEN cannot see the organisation's teams, so every team is "not a collaborator";
      // so is any user without access to the repository.
      const stranger = users.some((u) => !this.collaborators.has(u)) || teams.some((t) => token.kind === 'actions' || !this.teams.has(`${this.owner}/${t}`.toLowerCase()));
      if (stranger)
        return [422, { message: `Reviews may only be requested from collaborators. One or more of the users or teams you specified is not a collaborator of the ${this.owner}/${this.repo} repository.` }];
      for (const login of users) if (!pull.requested_reviewers.some((r) => r.login === login)) pull.requested_reviewers.push({ login });
      for (const slug of teams) if (!pull.requested_teams.some((r) => r.slug === slug)) pull.requested_teams.push({ slug });
      const { requested_reviewers: _r, ...simple } = this.pullJson(pull);
      return [201, { ...simple, requested_reviewers: pull.requested_reviewers.map((u) => this.userJson(u.login)) }];
    }
    if ((m = /^\/issues\/(\d+)\/comments$/.exec(p))) {
      const n = Number(m[1]);
      if (!issueOrPull(n)) return undefined;
      if (method === 'GET') return [200, this.comments.filter((c) => c.issue_number === n).map((c) => this.commentJson(c))];
      if (method === 'POST') {
        const c: FakeComment = { id: 1000 + this.comments.length, issue_number: n, body: body.body, user: who };
        this.comments.push(c);
        return [201, this.commentJson(c)];
      }
    }
    if ((m = /^\/issues\/comments\/(\d+)$/.exec(p)) && method === 'PATCH') {
      const c = this.comments.find((x) => x.id === Number(m![1]));
      if (!c) return undefined;
      if (c.user.login !== token.login) return [403, { message: 'Resource not accessible by integration' }];
      c.body = body.body;
      return [200, this.commentJson(c)];
    }
    if ((m = /^\/issues\/(\d+)\/labels$/.exec(p)) && method === 'POST') {
      const it = issueOrPull(Number(m[1]));
      if (!it) return undefined;
      const names: string[] = Array.isArray(body) ? body : body.labels;
      // Adding labels to an existing issue creates the missing ones (documented behaviour of this endpoint).
      for (const name of names) {
        if (!this.labels.has(name)) this.labels.set(name, { name, color: 'ededed', description: '' });
        if (!it.labels.some((l) => l.name === name)) it.labels.push({ name });
      }
      return [200, it.labels.map((l) => this.labelJson(l.name))];
    }
    if ((m = /^\/issues\/(\d+)\/labels\/(.+)$/.exec(p)) && method === 'DELETE') {
      const it = issueOrPull(Number(m[1]));
      if (!it) return undefined;
      if (!it.labels.some((l) => l.name === m![2])) return [404, { message: 'Label does not exist' }];
      it.labels = it.labels.filter((l) => l.name !== m![2]);
      return [200, it.labels.map((l) => this.labelJson(l.name))];
    }
    if (p === '/issues' && method === 'GET') {
      const state = q.get('state') ?? 'open';
      const labels = (q.get('labels') ?? '').split(',').filter(Boolean);
      const list = [
        ...this.issues.map((i) => ({ n: i.number, state: i.state, labels: i.labels, json: this.issueJson(i) as Record<string, unknown> })),
        ...this.pulls.map((x) => ({ n: x.number, state: x.state, labels: x.labels, json: { ...this.issueJson({ ...x, assignees: [] }), pull_request: { url: 'https://api.github.test/pulls/x', html_url: null, diff_url: null, patch_url: null } } })),
      ].filter((i) => (state === 'all' || i.state === state) && labels.every((l) => i.labels.some((x) => x.name === l)));
      return [200, list.sort((a, b) => b.n - a.n).map((i) => i.json)];
    }
    if (p === '/issues' && method === 'POST') {
      const unknown = (body.labels ?? []).map((l: string | { name: string }) => (typeof l === 'string' ? l : l.name)).filter((l: string) => !this.labels.has(l));
      if (unknown.length) return [422, { message: 'Validation Failed', errors: [{ value: unknown[0], resource: 'Label', field: 'name', code: 'invalid' }] }];
      const badAssignee = (body.assignees ?? []).find((a: string) => !this.collaborators.has(a));
      if (badAssignee) return [422, { message: 'Validation Failed', errors: [{ value: badAssignee, resource: 'Issue', field: 'assignees', code: 'invalid' }] }];
      const issue = this.addIssue({ title: body.title, body: body.body ?? '', labels: body.labels, author: token.login });
      issue.user.type = who.type;
      issue.assignees = body.assignees ?? [];
      return [201, this.issueJson(issue)];
    }
    if ((m = /^\/issues\/(\d+)$/.exec(p))) {
      const issue = this.issues.find((i) => i.number === Number(m![1]));
      if (!issue) return undefined;
      if (method === 'GET') return [200, this.issueJson(issue)];
      if (method === 'PATCH') {
        if (body.assignees) {
          const bad = body.assignees.find((a: string) => !this.collaborators.has(a));
          if (bad) return [422, { message: 'Validation Failed', errors: [{ value: bad, resource: 'Issue', field: 'assignees', code: 'invalid' }] }];
          issue.assignees = body.assignees;
        }
        Object.assign(issue, Object.fromEntries(Object.entries(body).filter(([k]) => ['title', 'body', 'state', 'state_reason'].includes(k))));
        return [200, this.issueJson(issue)];
      }
    }
    if ((m = /^\/assignees\/([^/]+)$/.exec(p)) && method === 'GET') return this.collaborators.has(m[1]!) ? [204, undefined] : [404, { message: 'Not Found' }];
    if (p === '/labels' && method === 'GET') return [200, [...this.labels.keys()].map((n) => this.labelJson(n))];
    if (p === '/labels' && method === 'POST') {
      if (this.labels.has(body.name)) return [422, { message: 'Validation Failed', errors: [{ resource: 'Label', code: 'already_exists', field: 'name' }] }];
      this.labels.set(body.name, { name: body.name, color: body.color, description: body.description ?? '' });
      return [201, this.labelJson(body.name)];
    }
    if ((m = /^\/labels\/(.+)$/.exec(p)) && method === 'PATCH') {
      const l = this.labels.get(m[1]!);
      if (!l) return undefined;
      Object.assign(l, { color: body.color ?? l.color, description: body.description ?? l.description });
      return [200, this.labelJson(l.name)];
    }
    if ((m = /^\/git\/ref\/(.+)$/.exec(p)) && method === 'GET') {
      const sha = this.refs.get(m[1]!);
      return sha ? [200, { ...example('git-ref'), ref: `refs/${m[1]}`, object: { sha, type: 'commit', url: 'https://api.github.test/x' } }] : undefined;
    }
    if (p === '/git/refs' && method === 'POST') {
      const ref = String(body.ref).replace(/^refs\//, '');
      if (this.refs.has(ref)) return [422, { message: 'Reference already exists' }];
      this.refs.set(ref, body.sha);
      return [201, { ...example('git-ref'), ref: body.ref, object: { sha: body.sha, type: 'commit', url: 'https://api.github.test/x' } }];
    }
    if ((m = /^\/git\/refs\/(.+)$/.exec(p)) && method === 'PATCH') {
      if (!this.refs.has(m[1]!)) return [422, { message: 'Reference does not exist' }];
      this.refs.set(m[1]!, body.sha);
      for (const [k] of this.contents) if (k.startsWith(`${m[1]!.replace(/^heads\//, '')}:`) && body.force) this.contents.delete(k);
      return [200, { ...example('git-ref'), ref: `refs/${m[1]}`, object: { sha: body.sha, type: 'commit', url: 'https://api.github.test/x' } }];
    }
    if ((m = /^\/contents\/(.+)$/.exec(p)) && method === 'GET') {
      const ref = q.get('ref') ?? 'main';
      const branch = ([...this.refs].find(([, sha]) => sha === ref)?.[0] ?? ref).replace(/^(refs\/)?heads\//, '');
      const text = this.contents.get(`${branch}:${m[1]}`);
      if (text === undefined) return undefined;
      return [200, { ...example('content-file'), type: 'file', encoding: 'base64', path: m[1], name: m[1]!.split('/').pop(), sha: blobSha(text), size: Buffer.byteLength(text), content: Buffer.from(text).toString('base64') }];
    }
    if ((m = /^\/contents\/(.+)$/.exec(p)) && method === 'PUT') {
      const branch = body.branch ?? 'main';
      if (!this.refs.has(`heads/${branch}`)) return [404, { message: `Branch ${branch} not found` }];
      const key = `${branch}:${m[1]}`;
      const existing = this.contents.get(key);
      if (existing !== undefined && !body.sha) return [422, { message: 'Invalid request.\n\n"sha" wasn\'t supplied.' }];
      if (existing !== undefined && body.sha !== blobSha(existing)) return [409, { message: `${m[1]} does not match ${body.sha}` }];
      const text = Buffer.from(body.content, 'base64').toString('utf8');
      this.contents.set(key, text);
      this.commitMessages.push(body.message);
      const sha = (this.commitMessages.length.toString(16) + 'b'.repeat(40)).slice(0, 40);
      this.refs.set(`heads/${branch}`, sha);
      const ex = example('file-commit');
      return [existing === undefined ? 201 : 200, { ...ex, content: { ...ex.content, path: m[1], name: m[1]!.split('/').pop(), sha: blobSha(text) }, commit: { ...ex.commit, sha, message: body.message } }];
    }
    if (p === '/check-runs' && method === 'POST') {
      const run: FakeCheckRun = { id: this.ids++, name: body.name, head_sha: body.head_sha, status: body.status ?? (body.conclusion ? 'completed' : 'queued'), conclusion: body.conclusion ?? null, title: body.output?.title ?? '', summary: body.output?.summary ?? '', appId: token.appId ?? 0 };
      this.checkRuns.push(run);
      const ex = example('check-run');
      return [201, { ...ex, id: run.id, name: run.name, head_sha: run.head_sha, status: run.status, conclusion: run.conclusion, output: { ...ex.output, title: run.title, summary: run.summary }, app: { ...ex.app, id: run.appId } }];
    }
    if (p === '/rulesets' && method === 'GET') {
      const ex = example('repository-ruleset-items')[0];
      return [200, this.rulesets.map((r) => ({ ...ex, id: r.id, name: r.name, enforcement: r.enforcement, target: r.target ?? 'branch' }))];
    }
    if ((p === '/rulesets' && method === 'POST') || ((m = /^\/rulesets\/(\d+)$/.exec(p)) && method === 'PUT')) {
      const problem = this.rulesetProblem(body);
      if (problem) return [422, { message: 'Validation Failed', errors: [problem] }];
      const ex = example('repository-ruleset');
      if (method === 'POST') {
        const r = { ...body, id: 100 + this.rulesets.length };
        this.rulesets.push(r);
        return [201, { ...ex, ...body, id: r.id, source: `${this.owner}/${this.repo}`, source_type: 'Repository' }];
      }
      const i = this.rulesets.findIndex((r) => r.id === Number(m![1]));
      if (i < 0) return undefined;
      this.rulesets[i] = { ...body, id: Number(m![1]) };
      return [200, { ...ex, ...body, id: Number(m![1]), source: `${this.owner}/${this.repo}`, source_type: 'Repository' }];
    }
    void params;
    return undefined;
  }

  /** GitHub's checks on a ruleset beyond the schema (see setup.ts for the documentation cited). */
  private rulesetProblem(body: any): string | undefined {
    for (const a of body.bypass_actors ?? []) {
      if (a.actor_type === 'Integration' && a.actor_id === ACTIONS_APP_ID) return 'Actor GitHub Actions integration must be part of the ruleset source or owner organization';
      if (a.actor_type === 'Integration' && !this.installedApps.has(a.actor_id)) return `Actor ${a.actor_id} integration must be installed on the repository`;
      if (a.actor_type === 'DeployKey' && a.bypass_mode === 'pull_request') return 'DeployKey actors cannot use pull_request bypass mode';
    }
    for (const rule of body.rules ?? [])
      if (rule.type === 'required_status_checks')
        for (const c of rule.parameters?.required_status_checks ?? []) if (c.integration_id !== undefined && !this.installedApps.has(c.integration_id) && c.integration_id !== ACTIONS_APP_ID) return `Integration ${c.integration_id} is not installed`;
    return undefined;
  }
}

/** The permission an operation needs (GET: read, others: write). */
function permissionOf(operationId: string): string | undefined {
  if (/ruleset/.test(operationId)) return 'administration';
  if (operationId === 'repos/list-pull-requests-associated-with-commit') return 'contents';
  if (/^(repos\/(get-content|create-or-update-file-contents)|git\/)/.test(operationId)) return 'contents';
  if (operationId.startsWith('pulls/')) return 'pull_requests';
  if (operationId.startsWith('issues/')) return 'issues';
  if (operationId.startsWith('checks/')) return 'checks';
  if (operationId === 'repos/create-commit-status') return 'statuses';
  if (operationId.startsWith('teams/')) return 'members';
  return undefined;
}

function hash(s: string): number {
  let h = 7;
  for (const c of s) h = (h * 31 + c.codePointAt(0)!) % 2_000_000_000;
  return h;
}

/** Git's blob id of a text (what GitHub calls a file's `sha`). */
export function blobSha(text: string): string {
  const buf = Buffer.from(text, 'utf8');
  return createHash('sha1').update(`blob ${buf.length}\0`).update(buf).digest('hex');
}

/** Starts a fake GitHub; stop it in afterEach/afterAll. */
export async function startFakeGitHub(): Promise<FakeGitHub> {
  return new FakeGitHub().start();
}
