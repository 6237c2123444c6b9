// verifyInput(): the nine verdicts on a small fixture registry (tests/fixtures/verify/registry),
// the verify index (public data only, slices), the same verdicts through the in-memory source (CLI)
// and the sliced-files source (browser), the report links, and the validator's look-alike rule.
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildVerifyIndex, verifyIndexFiles } from '../src/domain/verify/build-index.ts';
import { verifyIndexFromRegistry, publicSiteOf } from '../src/domain/verify/from-registry.ts';
import { reportFieldsFor, reportIssueUrl, reportMailto } from '../src/domain/verify/report.ts';
import { VERDICTS, toVerifyJson, verifyInput, type Verdict } from '../src/domain/verify/verdict.ts';
import { fetchSource, memorySource, sliceOf, type VerifyIndex } from '../src/domain/verify/verify-index.ts';
import type { PublicSite } from '../src/domain/public.ts';
import { loadRegistry } from '../src/registry/load.ts';

const FIXTURE = fileURLToPath(new URL('./fixtures/verify/registry/', import.meta.url));
const TODAY = '2026-11-21';
let index: VerifyIndex;

beforeAll(async () => {
  const { registry, findings } = await loadRegistry(FIXTURE, { today: TODAY });
  expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  index = verifyIndexFromRegistry(registry, TODAY, { reportRepo: 'https://github.com/qclg/media-registry' })!;
});

const SEC = 'MS4wLjABAAAAjsjTestSecUid_0123456789abcdef';

// [behaviour, input, verdict, account id (or similar ids for ambiguous / risky)]
const VERDICT_CASES: Array<[string, string, Verdict, string | null, string[]?]> = [
  ['official by 微博 link with tracking parameters', 'https://weibo.com/u/1234567890?refer_flag=1001030103_', 'official', 'qclg-weibo'],
  ['official by 原始ID', 'gh_3a1b2c3d4e5f', 'official', 'qclg-wechat'],
  ['official by __biz in an article link', 'https://mp.weixin.qq.com/s?__biz=MzA3MDM3NjE5NQ==&mid=1&idx=1&sn=x', 'official', 'qclg-wechat'],
  ['official by B站 space link', 'https://space.bilibili.com/1234567890/dynamic', 'official', 'qclg-bilibili'],
  ['official by 抖音 user link in share text', `看看这个主页 https://www.douyin.com/user/${SEC}?vid=1 快来`, 'official', 'jsj-douyin'],
  ['official by labelled 抖音号 in full-width', '抖音号：ｑｃｌｇ＿ｊｓｊ', 'official', 'jsj-douyin'],
  ['official by a registered short link (exact alias)', '长按复制 http://t.cn/A6abcDEF 打开微博', 'official', 'qclg-weibo'],
  ['official by QQ群号 (bare digits, one hit)', '87654321', 'official', 'rj-qqgroup'],
  ['same-name: a name-only match is amber and names the account', '青川理工计算机', 'same-name', 'jsj-douyin'],
  ['suspended (2025 年审不合格)', 'gh_aaaabbbbcccc', 'suspended', 'tw-wechat'],
  ['dormant (停更未注销), distinct from closed and suspended', 'https://weibo.com/u/2222222222', 'dormant', 'tw-weibo'],
  ['pending (applied, not yet open)', '微信号：qclg_jsjtx', 'pending', 'jsj-wechat'],
  ['same-name: a pending account by name only', '计算机学院团学', 'same-name', 'jsj-wechat'],
  ['closed, with its date', `https://www.toutiao.com/c/user/token/MS4wLjABAAAAtwToutiaoToken_abcdef/`, 'closed', 'tw-toutiao'],
  ['impostor by link', 'https://m.weibo.cn/u/7138973247', 'impostor', null, ['qclg-weibo']],
  ['impostor by exact name', '青川理工学院官方', 'impostor', null, ['qclg-weibo']],
  ['ambiguous: bare digits on two platforms', '1234567890', 'ambiguous', null, ['qclg-bilibili', 'qclg-weibo']],
  ['ambiguous: one name on three platforms', '青川理工学院', 'ambiguous', null, ['qclg-bilibili', 'qclg-wechat', 'qclg-weibo']],
  ['ambiguous: one handle on two platforms', 'qclg1958', 'ambiguous', null, ['qclg-wechat', 'qclg-weibo']],
  ['risky: traditional + emoji + stuffing look-alike', '靑川理エ學院官微🎓', 'risky', null, ['qclg-bilibili', 'qclg-wechat', 'qclg-weibo']],
  ['risky: homophone', '清川理工学院', 'risky', null, ['qclg-bilibili', 'qclg-wechat', 'qclg-weibo']],
  ['risky: zero-width look-alike of a registered name', '青川理工计\u200b算机', 'risky', null, ['jsj-douyin']],
  ['risky: uses the school short name', '青理工表白墙', 'risky', null, []],
  ['unregistered: a unit name without the school name (another school\'s 学生会)', '计算机学院学生会', 'unregistered', null, []],
  ['risky: a unit name together with the school name', '青川理工计算机学院学生会', 'risky', null, ['jsj-douyin']],
  ['unregistered: an unknown handle with the school initials is not red', 'qclg_ershou', 'unregistered', null, ['qclg-wechat', 'jsj-douyin']],
  ['unregistered: the issue\'s plausible 抖音号 qclgqn', 'qclgqn', 'unregistered', null, ['jsj-douyin']],
  ['risky: a weibo nickname link looking like the school', 'https://weibo.com/n/青川理工学院官方号', 'risky', null],
  ['unregistered: unknown 微博 uid lists the 微博 accounts to compare', 'https://weibo.com/u/5555555555', 'unregistered', null, ['qclg-weibo']],
  ['unregistered: an unrelated name', '北京大学', 'unregistered', null, []],
  ['unregistered: an unknown 原始ID lists the 公众号 to compare', 'gh_000000000000', 'unregistered', null, ['qclg-wechat', 'tw-wechat', 'jsj-wechat']],
  ['unresolvable: 抖音 short link in share text', '7.43 复制打开抖音，看看【青川理工学院的作品】 https://v.douyin.com/iRNBho6u/ MWz:/', 'unresolvable', null],
  ['unresolvable: b23.tv', 'https://b23.tv/AbCdEfG', 'unresolvable', null],
  ['unresolvable: xhslink', 'http://xhslink.com/a/AbCdEf，复制本条信息', 'unresolvable', null],
];

describe('verifyInput()', () => {
  test.each(VERDICT_CASES)('%s', async (_l, input, verdict, account, similar) => {
    const r = await verifyInput(input, memorySource(index));
    expect(r.verdict).toBe(verdict);
    expect(r.account?.id ?? null).toBe(account);
    if (similar) expect(r.similar.map((s) => s.id).sort()).toEqual(expect.arrayContaining(similar));
    if (similar && similar.length === 0) expect(r.similar).toEqual([]);
    expect(r.advice).toMatch(/[\u4e00-\u9fff]/);
  });

  test('covers every verdict', () => {
    expect(new Set(VERDICT_CASES.map((c) => c[2]))).toEqual(new Set(VERDICTS));
  });

  test('names the closure date and the platform of an unresolvable link', async () => {
    const closed = await verifyInput('MS4wLjABAAAAtwToutiaoToken_abcdef', memorySource(index));
    expect(closed.verdict).toBe('closed');
    expect(closed.advice).toContain('2025-04-30');
    const short = await verifyInput('https://v.douyin.com/iRNBho6u/', memorySource(index));
    expect(short.platform).toBe('douyin');
    expect(short.advice).toContain('抖音号');
  });

  test('a co-run account run by an outside operator says so: lead and co-running units, 由…运营, since when dormant', async () => {
    const r = await verifyInput('2222222222', memorySource(index));
    expect(r.verdict).toBe('dormant');
    expect(r.advice).toContain('共青团青川理工学院委员会（牵头）与计算机学院联合备案');
    expect(r.advice).toContain('由青川星火文化传媒有限公司运营');
    expect(r.advice).toContain('自 2026-03-01 起停止更新，但没有注销');
    // A name that points to a co-running unit lists the account among that unit's.
    const unit = await verifyInput('青川理工计算机学院', memorySource(index));
    expect(unit.similar.map((x) => x.id)).toContain('tw-weibo');
  });

  test('labels each hit of ambiguous digits with its platform', async () => {
    const r = await verifyInput('1234567890', memorySource(index));
    expect(r.similar.map((s) => s.reason).join('|')).toMatch(/微博UID.*\|.*UID（mid）|UID（mid）.*\|.*微博UID/);
  });

  test('prints exactly the JSON fields of the CLI contract', async () => {
    const r = toVerifyJson(await verifyInput('gh_3a1b2c3d4e5f', memorySource(index)));
    expect(Object.keys(r)).toEqual(['input', 'verdict', 'platform', 'keys', 'account', 'similar', 'advice']);
    expect(Object.keys(r.account!)).toEqual(['id', 'name', 'platform', 'unit', 'status']);
    expect(r).toMatchInlineSnapshot(`
      {
        "account": {
          "id": "qclg-wechat",
          "name": "青川理工学院",
          "platform": "wechat-mp",
          "status": "active",
          "unit": "qclg",
        },
        "advice": "这是青川理工学院备案的微信公众号账号“青川理工学院”，正常运营。",
        "input": "gh_3a1b2c3d4e5f",
        "keys": [
          "wechat-mp:gh:gh_3a1b2c3d4e5f",
        ],
        "platform": "wechat-mp",
        "similar": [],
        "verdict": "official",
      }
    `);
  });
});

describe('verifyInput() on one key filed twice', () => {
  test('an impostor that took over a closed account\'s key wins over the closed filing', async () => {
    const { registry } = await loadRegistry(FIXTURE, { today: TODAY });
    const site = publicSiteOf(registry, TODAY)!;
    const closed = site.accounts.find((a) => a.id === 'tw-toutiao')!;
    const taken: PublicSite = {
      ...site,
      impostors: [
        ...site.impostors,
        { id: 'fake-tw-toutiao', name: '青川理工青年', platform: 'toutiao', platformLabel: '今日头条', keys: closed.keys, link: null, imitates: { id: 'tw-toutiao', name: closed.name }, reported: '2025-06-01', confirmed: '2025-06-02', description: '接手停办账号', action: null },
      ],
    };
    const r = await verifyInput(closed.keys[0]!.value, memorySource(buildVerifyIndex(taken)));
    expect(r.verdict).toBe('impostor');
    expect(r.similar.map((x) => x.id)).toContain('tw-toutiao');
  });
});

describe('the verify index', () => {
  test('holds no private data (contacts, phones, emails, review heads)', () => {
    const text = JSON.stringify(verifyIndexFiles(index));
    for (const canary of ['金丝雀', '13900001111', '13900002222', 'canary-private', 'canary-admin', '测试用账号', '不合格。'])
      expect(text).not.toContain(canary);
  });

  test('puts each key in the slice its hash names, and lists only non-empty slices', () => {
    expect(index.manifest.prefix).toBe(1);
    for (const [id, s] of Object.entries(index.slices)) {
      expect(index.manifest.slices).toContain(id);
      for (const key of Object.keys(s.keys)) expect(sliceOf(key, 1)).toBe(id);
    }
  });

  test('keeps the report email from the policy and the repository from the options', () => {
    expect(index.manifest.report).toEqual({ repo: 'https://github.com/qclg/media-registry', email: 'xcb-report@example.edu.cn', office: '党委宣传部' });
  });

  test('splits a 10,000-account registry into 256 small slices', async () => {
    const { registry } = await loadRegistry(FIXTURE, { today: TODAY });
    const site = publicSiteOf(registry, TODAY)!;
    const base = site.accounts[0]!;
    const big: PublicSite = {
      ...site,
      accounts: Array.from({ length: 10_000 }, (_, i) => ({
        ...base,
        id: `acct-${i}`,
        name: `测试账号${i}`,
        formerNames: [],
        platform: 'weibo',
        keys: [
          { kind: 'uid', label: '微博UID', value: String(1_000_000_000 + i) },
          { kind: 'domain', label: '个性域名', value: `acct${i}` },
        ],
        link: null,
      })),
    };
    const idx = buildVerifyIndex(big);
    expect(idx.manifest.prefix).toBe(2);
    const sizes = Object.values(idx.slices).map((s) => JSON.stringify(s).length);
    expect(sizes.length).toBe(256);
    expect(Math.max(...sizes)).toBeLessThan(60_000);
    const r = await verifyInput('https://weibo.com/u/1000004321', memorySource(idx));
    expect(r.account?.id).toBe('acct-4321');
  });
});

describe('CLI and browser read the same index the same way', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'verify-index-'));
    for (const [file, data] of Object.entries(verifyIndexFiles(index))) await writeFile(path.join(dir, file), JSON.stringify(data));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('the sliced JSON files (as the page fetches them) give the same verdicts as the in-memory index', async () => {
    const fetched: string[] = [];
    const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'));
    const source = fetchSource(manifest, async (file) => {
      fetched.push(file);
      return JSON.parse(await readFile(path.join(dir, file), 'utf8'));
    });
    for (const [, input] of VERDICT_CASES) {
      const a = toVerifyJson(await verifyInput(input, memorySource(index)));
      const b = toVerifyJson(await verifyInput(input, source));
      expect(b).toEqual(a);
    }
    // Key lookups fetch only the slices they need, each at most once.
    expect(new Set(fetched).size).toBe(fetched.length);
  });

  test('a link lookup fetches one or a few slices, not the names', async () => {
    const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8'));
    const fetched: string[] = [];
    const source = fetchSource(manifest, async (file) => {
      fetched.push(file);
      return JSON.parse(await readFile(path.join(dir, file), 'utf8'));
    });
    await verifyInput('https://weibo.com/u/1234567890', source);
    expect(fetched).not.toContain('names.json');
    expect(fetched.length).toBeLessThanOrEqual(2);
  });

  test('the browser-side modules import neither OpenCC, pinyin-pro nor zod', async () => {
    const root = fileURLToPath(new URL('../src/domain/verify/', import.meta.url));
    const seen = new Set<string>();
    const visit = async (file: string) => {
      if (seen.has(file)) return;
      seen.add(file);
      const src = await readFile(file, 'utf8');
      for (const m of src.matchAll(/^import\s+(?!type\b)[^;]*?from\s+'([^']+)'/gm)) {
        const spec = m[1]!;
        expect(spec, `${path.basename(file)} imports ${spec}`).toMatch(/^\./);
        await visit(path.resolve(path.dirname(file), spec));
      }
    };
    for (const f of ['verdict.ts', 'report.ts', 'verify-index.ts', 'normalize.ts', 'names.ts']) await visit(path.join(root, f));
    const files = [...seen].map((f) => path.relative(path.join(root, '..'), f)).sort();
    expect(files).not.toContain('verify/tables.ts');
    expect(files.some((f) => f.startsWith('schema/'))).toBe(false);
  });
});

describe('report links', () => {
  test('pre-fill the issue form with the verdict fields', async () => {
    const r = await verifyInput('https://weibo.com/u/5555555555?from=x', memorySource(index));
    const f = reportFieldsFor(r);
    expect(f).toEqual({ platform: '微博', link: 'https://weibo.com/u/5555555555?from=x' });
    const url = new URL(reportIssueUrl('https://github.com/qclg/media-registry/', f));
    expect(url.origin + url.pathname).toBe('https://github.com/qclg/media-registry/issues/new');
    expect(url.searchParams.get('template')).toBe('report-impersonation.yml');
    expect(url.searchParams.get('platform')).toBe('微博');
    expect(url.searchParams.get('link')).toBe('https://weibo.com/u/5555555555?from=x');
    expect(url.searchParams.get('title')).toBe('[冒用举报] https://weibo.com/u/5555555555?from=x');
  });

  test('pre-fill the name of a risky name', async () => {
    const r = await verifyInput('青理工表白墙', memorySource(index));
    const url = new URL(reportIssueUrl('https://github.com/o/r', reportFieldsFor(r)));
    expect(url.searchParams.get('name')).toBe('青理工表白墙');
    expect(url.searchParams.get('title')).toBe('[冒用举报] 青理工表白墙');
  });

  test('use the ids of the issue form, which asks for platform, link, name, where seen and a screenshot', async () => {
    const { parse } = await import('yaml');
    const form = parse(await readFile(fileURLToPath(new URL('../.github/ISSUE_TEMPLATE/report-impersonation.yml', import.meta.url)), 'utf8'));
    const ids = form.body.filter((b: { id?: string }) => b.id).map((b: { id: string }) => b.id);
    expect(ids).toEqual(['platform', 'link', 'name', 'seen', 'screenshot']);
    expect(form.labels).toEqual(['冒用举报']);
    const url = new URL(reportIssueUrl('https://github.com/o/r', { platform: 'p', link: 'l', name: 'n', seen: 's' }));
    for (const k of ['platform', 'link', 'name', 'seen']) expect(ids).toContain(k);
    expect([...url.searchParams.keys()]).toEqual(['template', 'labels', 'title', 'platform', 'link', 'name', 'seen']);
  });

  test('fall back to a mailto link with the same fields', () => {
    const m = reportMailto('xcb-report@example.edu.cn', { platform: '抖音', name: '青理工表白墙' });
    expect(m.startsWith('mailto:xcb-report@example.edu.cn?subject=')).toBe(true);
    expect(decodeURIComponent(m)).toContain('账号名称：青理工表白墙');
  });
});

describe('the validator look-alike rule', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(tmpdir(), 'verify-names-'));
    await cp(FIXTURE, dir, { recursive: true });
    const base = await readFile(path.join(dir, 'accounts/rj/rj-qqgroup.mdx'), 'utf8');
    const copy = (id: string, name: string, group: string, opened: string) =>
      base.replace('id: rj-qqgroup', `id: ${id}`).replace("name: '软工2201班级群'", `name: '${name}'`).replace("'87654321'", `'${group}'`).replace("opened: '2026-04-01'", `opened: '${opened}'`);
    // 青川理工學院 (traditional) from another unit: a look-alike of 青川理工学院.
    await writeFile(path.join(dir, 'accounts/rj/rj-lookalike.mdx'), copy('rj-lookalike', '青川理工學院', '11112222', '2026-05-01'));
    // 青川理工外院: one character from 青川理工学院.
    await writeFile(path.join(dir, 'accounts/rj/rj-similar.mdx'), copy('rj-similar', '青川理工外院', '33334444', '2026-05-02'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('reports a look-alike as an error and a similar name as a warning, on the newer file, naming the other', async () => {
    const { findings } = await loadRegistry(dir, { today: TODAY });
    const names = findings.filter((f) => f.code.startsWith('name/')).map(({ file, code, severity, message }) => ({ file, code, severity, message }));
    expect(names).toMatchInlineSnapshot(`
      [
        {
          "code": "name/look-alike",
          "file": "accounts/rj/rj-lookalike.mdx",
          "message": "名称“青川理工學院”与 accounts/qclg/qclg-bilibili.mdx 等 3 个账号 的“青川理工学院”名称去掉形近字、繁简、全角、零宽字符、表情和“官方/发布”等字样后相同，公众无法区分，也会被当成仿冒账号；请改用能区分的名称",
          "severity": "error",
        },
        {
          "code": "name/similar",
          "file": "accounts/rj/rj-similar.mdx",
          "message": "名称“青川理工外院”与 accounts/qclg/qclg-bilibili.mdx 等 3 个账号 的“青川理工学院”相似（名称只差一两个字），请确认不会混淆",
          "severity": "warning",
        },
      ]
    `);
  });

  test('the demo registry has no look-alike errors', async () => {
    const { findings } = await loadRegistry(fileURLToPath(new URL('../content/', import.meta.url)), { today: TODAY });
    expect(findings.filter((f) => f.code === 'name/look-alike')).toEqual([]);
  });
});

describe('the demo registry (content/)', () => {
  test('every account link and key resolves to its own account', async () => {
    const { registry } = await loadRegistry(fileURLToPath(new URL('../content/', import.meta.url)), { today: TODAY });
    const idx = verifyIndexFromRegistry(registry, TODAY)!;
    const misses: string[] = [];
    for (const a of registry.accounts) {
      const d = a.data;
      // A bare 吧名 is a name; the forum is checked by its link.
      const keyInput = (k: { kind: string; value: string }) => (k.kind === 'kw' ? `https://tieba.baidu.com/f?kw=${encodeURIComponent(k.value)}` : k.value);
      const inputs = [...(d.link ? [d.link] : []), ...d.keys.filter((k) => k.kind !== 'url').map(keyInput)];
      for (const input of inputs) {
        const r = await verifyInput(input, memorySource(idx));
        const ids = r.account ? [r.account.id] : r.similar.map((s) => s.id);
        if (!ids.includes(d.id) && !(r.verdict === 'unresolvable' && d.keys.every((k) => k.value !== input))) misses.push(`${d.id}: ${input} → ${r.verdict}`);
      }
    }
    expect(misses).toEqual([]);
  });
});
