/**
 * A fake GitHub REST API on 127.0.0.1 (random port) for testing the adapter with the real octokit
 * over HTTP: pull requests, issues, comments, labels, reviewers, refs, contents and rulesets, an
 * in-memory state, a log of every request, and injectable failures (rate limits, 5xx).
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

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
}
export interface FakeIssue {
  number: number;
  title: string;
  body: string;
  state: 'open' | 'closed';
  state_reason?: string | null;
  labels: Array<{ name: string }>;
  user: FakeUser;
}
export interface FakeComment {
  id: number;
  issue_number: number;
  body: string;
  user: FakeUser;
}
export interface LoggedRequest {
  method: string;
  path: string;
  body: unknown;
}
export interface FakeResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
}

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
  requests: LoggedRequest[] = [];
  /** The login the token belongs to (comments are written as this bot). */
  botLogin = 'github-actions[bot]';
  private faults: Array<{ method: string; path: RegExp; responses: FakeResponse[] }> = [];
  private next = 1;
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
  addPull(p: { author: string; headSha: string; files?: string[]; fork?: string; title?: string; labels?: string[] }): FakePull {
    const number = this.next++;
    const pull: FakePull = {
      number,
      title: p.title ?? `PR ${number}`,
      body: '',
      state: 'open',
      user: { login: p.author, type: 'User' },
      head: { sha: p.headSha, ref: `branch-${number}`, repo: { full_name: p.fork ?? `${this.owner}/${this.repo}` } },
      base: { ref: 'main' },
      labels: (p.labels ?? []).map((name) => ({ name })),
      requested_reviewers: [],
      requested_teams: [],
      merged_at: null,
      files: (p.files ?? []).map((filename) => ({ filename, status: 'added' })),
    };
    this.pulls.push(pull);
    if (!p.fork) this.commitPulls.set(p.headSha, [...(this.commitPulls.get(p.headSha) ?? []), number]);
    return pull;
  }

  /** Adds an issue. */
  addIssue(i: { title: string; body: string; author?: string; labels?: string[]; state?: 'open' | 'closed' }): FakeIssue {
    const issue: FakeIssue = { number: this.next++, title: i.title, body: i.body, state: i.state ?? 'open', labels: (i.labels ?? []).map((name) => ({ name })), user: { login: i.author ?? 'someone', type: 'User' } };
    this.issues.push(issue);
    return issue;
  }

  private pullJson(p: FakePull) {
    return { ...p, html_url: `https://github.test/${this.owner}/${this.repo}/pull/${p.number}`, files: undefined };
  }
  private issueJson(i: FakeIssue) {
    return { ...i, html_url: `https://github.test/${this.owner}/${this.repo}/issues/${i.number}` };
  }

  private async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const raw = Buffer.concat(chunks).toString('utf8');
    const body = raw ? JSON.parse(raw) : undefined;
    const url = new URL(req.url ?? '/', this.url);
    const method = req.method ?? 'GET';
    const path = decodeURIComponent(url.pathname);
    this.requests.push({ method, path, body });
    const send = (status: number, data?: unknown, headers: Record<string, string> = {}) => {
      res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
      res.end(data === undefined ? '' : JSON.stringify(data));
    };
    const fault = this.faults.find((f) => f.method === method && f.path.test(path) && f.responses.length);
    if (fault) {
      const r = fault.responses.shift()!;
      return send(r.status, r.body ?? { message: `fake failure ${r.status}` }, r.headers);
    }
    try {
      const out = this.route(method, path, url.searchParams, body);
      if (!out) return send(404, { message: 'Not Found' });
      send(out[0], out[1]);
    } catch (err) {
      send(500, { message: (err as Error).message });
    }
  }

  private route(method: string, path: string, q: URLSearchParams, body: any): [number, unknown] | undefined {
    const base = `/repos/${this.owner}/${this.repo}`;
    if (!path.startsWith(base)) return undefined;
    const p = path.slice(base.length);
    let m: RegExpExecArray | null;
    const issueOrPull = (n: number) => this.issues.find((i) => i.number === n) ?? this.pulls.find((x) => x.number === n);

    if (method === 'GET' && (m = /^\/commits\/([0-9a-f]+)\/pulls$/.exec(p)))
      return [200, (this.commitPulls.get(m[1]!) ?? []).map((n) => this.pullJson(this.pulls.find((x) => x.number === n)!))];
    if (method === 'GET' && p === '/pulls') {
      const state = q.get('state') ?? 'open';
      const head = q.get('head');
      return [200, this.pulls.filter((x) => (state === 'all' || x.state === state) && (!head || `${x.head.repo.full_name.split('/')[0]}:${x.head.ref}` === head)).map((x) => this.pullJson(x))];
    }
    if (method === 'POST' && p === '/pulls') {
      const pull = this.addPull({ author: this.botLogin, headSha: this.refs.get(`heads/${body.head}`) ?? '0'.repeat(40), title: body.title });
      pull.body = body.body;
      pull.head.ref = body.head;
      pull.user.type = 'Bot';
      return [201, this.pullJson(pull)];
    }
    if ((m = /^\/pulls\/(\d+)$/.exec(p)) && method === 'GET') {
      const pull = this.pulls.find((x) => x.number === Number(m![1]));
      return pull ? [200, this.pullJson(pull)] : undefined;
    }
    if ((m = /^\/pulls\/(\d+)\/files$/.exec(p)) && method === 'GET') {
      const pull = this.pulls.find((x) => x.number === Number(m![1]));
      return pull ? [200, pull.files.map((f) => ({ ...f, sha: 'x', additions: 1, deletions: 0, changes: 1 }))] : undefined;
    }
    if ((m = /^\/pulls\/(\d+)\/requested_reviewers$/.exec(p)) && method === 'POST') {
      const pull = this.pulls.find((x) => x.number === Number(m![1]));
      if (!pull) return undefined;
      for (const login of body.reviewers ?? []) if (!pull.requested_reviewers.some((r) => r.login === login)) pull.requested_reviewers.push({ login });
      for (const slug of body.team_reviewers ?? []) if (!pull.requested_teams.some((r) => r.slug === slug)) pull.requested_teams.push({ slug });
      return [201, this.pullJson(pull)];
    }
    if ((m = /^\/issues\/(\d+)\/comments$/.exec(p))) {
      const n = Number(m[1]);
      if (!issueOrPull(n)) return undefined;
      if (method === 'GET') return [200, this.comments.filter((c) => c.issue_number === n)];
      if (method === 'POST') {
        const c: FakeComment = { id: 1000 + this.comments.length, issue_number: n, body: body.body, user: { login: this.botLogin, type: 'Bot' } };
        this.comments.push(c);
        return [201, c];
      }
    }
    if ((m = /^\/issues\/comments\/(\d+)$/.exec(p)) && method === 'PATCH') {
      const c = this.comments.find((x) => x.id === Number(m![1]));
      if (!c) return undefined;
      if (c.user.login !== this.botLogin) return [403, { message: 'Forbidden' }];
      c.body = body.body;
      return [200, c];
    }
    if ((m = /^\/issues\/(\d+)\/labels$/.exec(p)) && method === 'POST') {
      const it = issueOrPull(Number(m[1]));
      if (!it) return undefined;
      for (const name of body.labels) if (!it.labels.some((l) => l.name === name)) it.labels.push({ name });
      return [200, it.labels];
    }
    if ((m = /^\/issues\/(\d+)\/labels\/(.+)$/.exec(p)) && method === 'DELETE') {
      const it = issueOrPull(Number(m[1]));
      if (!it) return undefined;
      it.labels = it.labels.filter((l) => l.name !== m![2]);
      return [200, it.labels];
    }
    if (p === '/issues' && method === 'GET') {
      const state = q.get('state') ?? 'open';
      const labels = (q.get('labels') ?? '').split(',').filter(Boolean);
      const list = [
        ...this.issues.map((i) => this.issueJson(i)),
        ...this.pulls.map((x) => ({ ...this.pullJson(x), pull_request: { url: 'x' } })),
      ].filter((i) => (state === 'all' || i.state === state) && labels.every((l) => i.labels.some((x) => x.name === l)));
      return [200, list.sort((a, b) => b.number - a.number)];
    }
    if (p === '/issues' && method === 'POST') {
      const issue = this.addIssue({ title: body.title, body: body.body, labels: body.labels, author: this.botLogin });
      return [201, this.issueJson(issue)];
    }
    if ((m = /^\/issues\/(\d+)$/.exec(p))) {
      const issue = this.issues.find((i) => i.number === Number(m![1]));
      if (!issue) return undefined;
      if (method === 'GET') return [200, this.issueJson(issue)];
      if (method === 'PATCH') {
        Object.assign(issue, Object.fromEntries(Object.entries(body).filter(([k]) => ['title', 'body', 'state', 'state_reason'].includes(k))));
        return [200, this.issueJson(issue)];
      }
    }
    if (p === '/labels' && method === 'GET') return [200, [...this.labels.values()]];
    if (p === '/labels' && method === 'POST') {
      this.labels.set(body.name, { name: body.name, color: body.color, description: body.description ?? '' });
      return [201, this.labels.get(body.name)];
    }
    if ((m = /^\/labels\/(.+)$/.exec(p)) && method === 'PATCH') {
      const l = this.labels.get(m[1]!);
      if (!l) return undefined;
      Object.assign(l, { color: body.color, description: body.description });
      return [200, l];
    }
    if ((m = /^\/git\/ref\/(.+)$/.exec(p)) && method === 'GET') {
      const sha = this.refs.get(m[1]!);
      return sha ? [200, { ref: `refs/${m[1]}`, object: { sha, type: 'commit' } }] : undefined;
    }
    if (p === '/git/refs' && method === 'POST') {
      const ref = String(body.ref).replace(/^refs\//, '');
      if (this.refs.has(ref)) return [422, { message: 'Reference already exists' }];
      this.refs.set(ref, body.sha);
      return [201, { ref: body.ref, object: { sha: body.sha } }];
    }
    if ((m = /^\/contents\/(.+)$/.exec(p)) && method === 'PUT') {
      this.contents.set(`${body.branch}:${m[1]}`, Buffer.from(body.content, 'base64').toString('utf8'));
      this.commitMessages.push(body.message);
      const sha = (this.contents.size.toString(16) + 'b'.repeat(40)).slice(0, 40);
      this.refs.set(`heads/${body.branch}`, sha);
      return [201, { content: { path: m[1] }, commit: { sha, message: body.message } }];
    }
    if (p === '/rulesets' && method === 'GET') return [200, this.rulesets.map(({ id, name }) => ({ id, name }))];
    if (p === '/rulesets' && method === 'POST') {
      const r = { ...body, id: 100 + this.rulesets.length };
      this.rulesets.push(r);
      return [201, r];
    }
    if ((m = /^\/rulesets\/(\d+)$/.exec(p)) && method === 'PUT') {
      const i = this.rulesets.findIndex((r) => r.id === Number(m![1]));
      if (i < 0) return undefined;
      this.rulesets[i] = { ...body, id: Number(m[1]) };
      return [200, this.rulesets[i]];
    }
    return undefined;
  }
}

/** Starts a fake GitHub; stop it in afterEach/afterAll. */
export async function startFakeGitHub(): Promise<FakeGitHub> {
  return new FakeGitHub().start();
}
