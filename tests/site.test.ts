/**
 * The built site (the demo registry, under a sub-path): pages exist and say what they must, every
 * internal link is base-aware and resolves, open data has its documented shape, and there are no
 * javascript:/data: links and no inline event handlers anywhere in dist/.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { listFiles, buildSite, runScript, type BuiltSite } from './helpers/site-build.ts';

const BASE = '/media/';
let site: BuiltSite;
let htmlFiles: string[];
const html = new Map<string, string>();

/** The HTML of a page by its site path (`accounts/x/`). */
const page = (p: string) => {
  const text = html.get(path.join(site.dir, p, 'index.html'));
  if (text === undefined) throw new Error(`no page ${p}`);
  return text;
};

beforeAll(async () => {
  site = await buildSite({ base: BASE });
  htmlFiles = (await listFiles(site.dir)).filter((f) => f.endsWith('.html'));
  for (const f of htmlFiles) html.set(f, await readFile(f, 'utf8'));
});
afterAll(async () => {
  await site?.cleanup();
});

interface OpenData {
  version: number;
  school: string;
  count: number;
  accounts: Array<{ id: string; name: string; status: string; state: string; stateLabel: string; unit: string; platform: string; url: string; dates: { closed: string | null } }>;
}
const openData = async () => JSON.parse(await readFile(path.join(site.dir, 'accounts.json'), 'utf8')) as OpenData;

describe('pages', () => {
  test('every page is Chinese (<html lang="zh-CN">) and has a viewport meta tag', () => {
    expect(htmlFiles.length).toBeGreaterThan(50);
    for (const [file, text] of html) {
      expect(text, file).toMatch(/<html lang="zh-CN"/);
      expect(text, file).toContain('name="viewport"');
    }
  });

  test('the home page has the search box, the verify box that GETs verify/?q=, counts and recent events', () => {
    const home = page('');
    expect(home).toContain(`action="${BASE}search/"`);
    expect(home).toMatch(new RegExp(`<form[^>]*action="${BASE}verify/"[^>]*method="get"`));
    expect(home).toContain('name="q"');
    expect(home).toContain('按平台');
    expect(home).toContain('按级别');
    expect(home).toContain('按状态');
    expect(home).toContain('最近审批');
    expect(home).toContain('最近停办');
  });

  test('there is one page per account, closed ones included and marked 已停办 with their date', async () => {
    const data = await openData();
    for (const a of data.accounts) expect(html.has(path.join(site.dir, 'accounts', a.id, 'index.html')), a.id).toBe(true);
    const closed = data.accounts.filter((a) => a.status === 'closed');
    expect(closed.length).toBeGreaterThan(0);
    for (const a of closed) {
      const text = page(`accounts/${a.id}/`);
      expect(text).toContain(`已停办（${a.dates.closed}）`);
      expect(text).toContain('data-state="closed"');
    }
  });

  test('an active account page shows name, platform, keys, link, unit, tier, badge, approval, opening date, review year and a QR code', async () => {
    const data = await openData();
    const a = data.accounts.find((x) => x.state === 'active' && x.platform === 'wechat-mp')!;
    const text = page(`accounts/${a.id}/`);
    expect(text).toContain(`<h1 data-pagefind-meta="title">${a.name}</h1>`);
    for (const label of ['平台', '主办单位', '级别', '审批号', '审批日期', '开通日期', '最近年审', '原始ID', '链接'])
      expect(text).toContain(`<dt>${label}</dt>`);
    expect(text).toMatch(/class="badge badge-active"[^>]*>正常运营</);
    expect(text).toMatch(/<svg role="img" aria-label="[^"]+的链接二维码"/);
    expect(text).toMatch(/年度（(合格|不合格|审核中)）|暂无年审记录/);
  });

  test('the directory is paginated and filterable without JavaScript: per platform, tier, status and unit', async () => {
    const data = await openData();
    const dir = page('directory/');
    expect(dir).toContain(`href="${BASE}directory/platform/wechat-mp/"`);
    expect(dir).toContain(`href="${BASE}directory/status/closed/"`);
    expect(dir).toContain(`href="${BASE}directory/tier/1/"`);
    expect(dir).toContain(`href="${BASE}units/"`);
    const listed = [...dir.matchAll(/<span class="name"><a href="[^"]+accounts\/([^/]+)\/"/g)].length;
    expect(listed).toBe(Math.min(50, data.count));
    const closedList = page('directory/status/closed/');
    const closedIds = data.accounts.filter((a) => a.state === 'closed').map((a) => a.id);
    for (const id of closedIds.slice(0, 50)) expect(closedList).toContain(`${BASE}accounts/${id}/`);
    const wechat = page('directory/platform/wechat-mp/');
    expect(wechat).toContain('微信公众号账号');
    const unit = data.accounts[0]!.unit;
    expect(page(`units/${unit}/`)).toContain(`${BASE}accounts/${data.accounts[0]!.id}/`);
  });

  test('the unit index shows the unit tree; the impostor list and the office pages are rendered', async () => {
    expect(page('units/')).toContain('class="tree"');
    const impostors = page('impostors/');
    expect(impostors).toContain('冒用账号');
    const about = htmlFiles.filter((f) => f.includes(`${path.sep}about${path.sep}`));
    expect(about.length).toBeGreaterThan(0);
    expect(html.get(about[0]!)).toContain('class="prose"');
  });
});

describe('links', () => {
  test('every internal link and asset carries the base path and resolves to a file in dist/', async () => {
    const files = new Set((await listFiles(site.dir)).map((f) => path.relative(site.dir, f).split(path.sep).join('/')));
    const broken: string[] = [];
    for (const [file, text] of html) {
      for (const m of text.matchAll(/\s(?:href|src|action)="([^"]*)"/g)) {
        const link = m[1]!.replace(/&amp;/g, '&');
        if (/^(https?:|mailto:|#)/.test(link)) continue;
        if (!link.startsWith(BASE)) {
          broken.push(`${path.relative(site.dir, file)} → ${link}（缺少子路径）`);
          continue;
        }
        const rel = decodeURI(link.slice(BASE.length).split(/[?#]/)[0]!);
        // verify/ belongs to the verifier; it may not exist yet.
        if (rel === 'verify/') continue;
        const ok = rel === '' ? files.has('index.html') : files.has(rel) || files.has(`${rel.replace(/\/$/, '')}/index.html`);
        if (!ok) broken.push(`${path.relative(site.dir, file)} → ${link}`);
      }
    }
    expect(broken).toEqual([]);
  });

  test('no javascript: or data: links and no inline event handlers anywhere in dist/', async () => {
    const problems: string[] = [];
    for (const file of await listFiles(site.dir)) {
      if (!/\.(html|xml|svg|json|csv|txt|css|js)$/.test(file)) continue;
      const text = await readFile(file, 'utf8');
      const rel = path.relative(site.dir, file);
      if (/\.(html|xml|svg)$/.test(file)) {
        for (const m of text.matchAll(/<[a-zA-Z][^>]*>/g)) {
          const tag = m[0];
          if (/\son[a-z]+\s*=/i.test(tag)) problems.push(`${rel}: inline handler ${tag.slice(0, 80)}`);
          if (/\s(?:href|src|action|formaction|xlink:href|poster|data)\s*=\s*["']?\s*(?:javascript|data|vbscript):/i.test(tag))
            problems.push(`${rel}: unsafe URL ${tag.slice(0, 80)}`);
        }
      }
      // Also in data files and scripts: no URL that would run code when followed.
      if (/\.(json|csv|xml|html)$/.test(file) && /["'(\s]\s*javascript:/i.test(text)) problems.push(`${rel}: javascript: URL`);
    }
    expect(problems).toEqual([]);
  });
});

describe('open data', () => {
  test('accounts.json has the documented, versioned shape and only public fields', async () => {
    const data = await openData();
    expect(data.version).toBe(1);
    expect(data.count).toBe(data.accounts.length);
    expect(data.school).toBe('青川理工学院');
    const keys = Object.keys(data.accounts[0]!).sort();
    expect(keys).toEqual(
      [
        'id', 'name', 'formerNames', 'platform', 'platformLabel', 'keys', 'link', 'unit', 'unitName', 'coUnits', 'operator', 'dormant', 'tier', 'tierName', 'status',
        'state', 'stateLabel', 'stateReason', 'filing', 'purpose', 'contentScope', 'verification', 'approval', 'dates',
        'closureReason', 'lastReview', 'url',
      ].sort(),
    );
    expect(data.accounts[0]!.url).toMatch(new RegExp(`^https?://[^/]+${BASE}accounts/`));
  });

  test('accounts.csv is UTF-8 with a BOM, one row per account', async () => {
    const bytes = await readFile(path.join(site.dir, 'accounts.csv'));
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = bytes.toString('utf8').slice(1);
    expect(text.split('\r\n')[0]).toMatch(/^编号,名称,平台,/);
    const data = await openData();
    // Fields never hold line breaks (names and purposes are single-line or quoted).
    expect(text.trimEnd().split(/\r\n(?=(?:[^"]*"[^"]*")*[^"]*$)/).length).toBe(data.count + 1);
  });

  test('feed.xml is an Atom feed of approvals and closures with absolute links', async () => {
    const xml = await readFile(path.join(site.dir, 'feed.xml'), 'utf8');
    expect(xml).toMatch(/^<\?xml version="1.0" encoding="utf-8"\?>\n<feed xmlns="http:\/\/www.w3.org\/2005\/Atom"/);
    expect(xml).toContain('<category term="approval"');
    expect(xml).toContain('<category term="closure"');
    for (const m of xml.matchAll(/href="([^"]+)"/g)) expect(m[1]).toMatch(/^https?:\/\//);
  });
});

describe('build-site.ts', () => {
  test('stops with a Chinese message and exit 1 on a registry with errors, before Astro runs', async () => {
    const { mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const os = await import('node:os');
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'bad-reg-'));
    try {
      await writeFile(path.join(tmp, 'policy.yaml'), 'school: 1\n');
      const { code, log } = await runScript('build-site.ts', ['--content', tmp, '--out', path.join(tmp, 'dist')]);
      expect(code).toBe(1);
      expect(log).toContain('登记数据有');
      expect(log).toContain('未生成网站');
      expect(log).not.toContain('生成网站（Astro）');
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  });
});

describe('serve-site.ts', () => {
  test('serves the build under its base path on 127.0.0.1: redirects /, 404s outside the site, finds the base by itself', async () => {
    const { startServer, detectBase } = await import('../scripts/serve-site.ts');
    expect(await detectBase(site.dir)).toBe(BASE);
    const server = await startServer({ dir: site.dir, base: BASE, port: 0 });
    try {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/media\/$/);
      const origin = server.url.slice(0, -BASE.length);
      const get = (p: string) => fetch(origin + p, { redirect: 'manual' });
      const root = await get('/');
      expect(root.status).toBe(302);
      expect(root.headers.get('location')).toBe(BASE);
      const home = await get(BASE);
      expect(home.status).toBe(200);
      expect(home.headers.get('content-type')).toContain('text/html');
      expect((await get(`${BASE}accounts.csv`)).headers.get('content-type')).toContain('text/csv');
      expect((await get(`${BASE}directory`)).status).toBe(301);
      expect((await get(`${BASE}no-such-page/`)).status).toBe(404);
      expect((await get(`${BASE}%2e%2e/%2e%2e/etc/passwd`)).status).toBe(404);
      expect((await get('/etc/passwd')).status).toBe(404);
    } finally {
      await server.close();
    }
  });
});
