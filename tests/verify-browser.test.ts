/**
 * The verify page in a real browser (Debian Chromium via playwright-core), built from the fixture
 * registry under a sub-path: paste → verdict card, ?q= sharing, the report button's pre-filled
 * issue link and email fallback, the page script's size, and the same verdicts as `npm run verify`
 * on a shared list of inputs.
 */
import { spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type RunningServer } from '../scripts/serve-site.ts';
import { launchBrowser, seriousViolations, type Browser } from './helpers/browser.ts';
import { ROOT, TEST_TODAY, buildSite, listFiles, type BuiltSite } from './helpers/site-build.ts';

const BASE = '/xmt/';
const FIXTURE = path.join(ROOT, 'tests/fixtures/verify/registry');
const REPO = 'https://github.com/qclg/media-registry';

let site: BuiltSite;
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  site = await buildSite({ content: FIXTURE, base: BASE, env: { REPORT_REPO: REPO } });
  server = await startServer({ dir: site.dir, base: BASE, port: 0 });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.cleanup();
});

/** Opens the verify page (optionally with ?q=), returning the page. */
async function open(q?: string): Promise<Page> {
  const page = await browser.newPage();
  const res = await page.goto(`${server.url}verify/${q === undefined ? '' : `?q=${encodeURIComponent(q)}`}`);
  expect(res?.status()).toBe(200);
  return page;
}

/** Waits for the verdict card and returns its JSON result. */
async function verdictOf(page: Page): Promise<Record<string, unknown>> {
  await page.waitForSelector('#verify-card[data-verdict]', { timeout: 15_000 });
  return JSON.parse((await page.getAttribute('#verify-card', 'data-result'))!);
}

/** `npm run verify -- --batch -` on the same registry and day: one JSON object per input. */
function cliBatch(inputs: string[]): Array<Record<string, unknown>> {
  const r = spawnSync(path.join(ROOT, 'node_modules/.bin/node'), ['--import', './scripts/lib/compile-cache.mjs', 'scripts/verify.ts', '--content', FIXTURE, '--today', TEST_TODAY, '--batch', '-'], {
    cwd: ROOT,
    encoding: 'utf8',
    input: inputs.join('\n'),
    env: { ...process.env, REPORT_REPO: REPO },
  });
  expect(r.status, r.stderr).toBe(0);
  return r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l));
}

describe('verify page', () => {
  test('paste share text → official verdict card linking the account page, shareable as ?q=', async () => {
    const page = await open();
    const text = '长按复制此条消息 https://weibo.com/u/1234567890?refer_flag=1001030103_ 打开微博';
    await page.fill('#verify-input', text);
    await page.press('#verify-input', 'Enter');
    const r = await verdictOf(page);
    expect(r.verdict).toBe('official');
    expect(await page.textContent('#verify-verdict')).toBe('是本校备案的官方账号');
    expect(await page.getAttribute('#verify-card a[href$="/accounts/qclg-weibo/"]', 'href')).toBe(`${BASE}accounts/qclg-weibo/`);
    expect(new URL(page.url()).searchParams.get('q')).toBe(text);
    // The account page the card links to exists.
    const res = await page.goto(`${server.url}accounts/qclg-weibo/`);
    expect(res?.status()).toBe(200);
    await page.close();
  });

  test('a shared ?q= link with a look-alike name shows risky, the similar official accounts and a pre-filled report', async () => {
    const page = await open('靑川理エ學院官微🎓');
    const r = await verdictOf(page);
    expect(r.verdict).toBe('risky');
    const similar = await page.locator('#verify-similar a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    expect(similar).toEqual(expect.arrayContaining([`${BASE}accounts/qclg-weibo/`, `${BASE}accounts/qclg-wechat/`]));
    const issue = new URL((await page.getAttribute('#report-issue', 'href'))!);
    expect(issue.origin + issue.pathname).toBe(`${REPO}/issues/new`);
    expect(issue.searchParams.get('template')).toBe('report-impersonation.yml');
    expect(issue.searchParams.get('name')).toBe('靑川理エ學院官微🎓');
    expect(issue.searchParams.get('title')).toBe('[冒用举报] 靑川理エ學院官微🎓');
    const mail = (await page.getAttribute('#report-email', 'href'))!;
    expect(mail.startsWith('mailto:xcb-report@example.edu.cn?subject=')).toBe(true);
    expect(decodeURIComponent(mail)).toContain('账号名称：靑川理エ學院官微🎓');
    expect(await seriousViolations(page)).toEqual([]);
    await page.close();
  });

  test('an unregistered link pre-fills platform and link in the report', async () => {
    const page = await open('https://weibo.com/u/5555555555');
    expect((await verdictOf(page)).verdict).toBe('unregistered');
    const issue = new URL((await page.getAttribute('#report-issue', 'href'))!);
    expect(issue.searchParams.get('platform')).toBe('微博');
    expect(issue.searchParams.get('link')).toBe('https://weibo.com/u/5555555555');
    await page.close();
  });

  test('every non-green verdict has a visible 举报 button; the card is styled by its tone', async () => {
    for (const [q, verdict] of [
      ['青川理工计算机', 'same-name'],
      ['qclgqn', 'unregistered'],
      ['MS4wLjABAAAAtwToutiaoToken_abcdef', 'closed'],
      ['2222222222', 'dormant'],
      ['https://b23.tv/AbCdEfG', 'unresolvable'],
      ['青川理工大学', 'risky'],
    ] as const) {
      const page = await open(q);
      expect((await verdictOf(page)).verdict, q).toBe(verdict);
      const button = page.locator('#report-issue');
      expect(await button.textContent(), q).toBe('举报');
      expect(await button.isVisible(), q).toBe(true);
      // The design's rules reach the script-built markup (global styles, not scoped ones).
      const style = await page.evaluate(() => {
        const h2 = getComputedStyle(document.getElementById('verify-verdict')!);
        const card = getComputedStyle(document.getElementById('verify-card')!);
        const btn = getComputedStyle(document.getElementById('report-issue')!);
        return { h2Size: h2.fontSize, h2Margin: h2.marginTop, cardBg: card.backgroundColor, btnBg: btn.backgroundColor };
      });
      expect(style.h2Size, q).toBe('20px');
      expect(style.h2Margin, q).toBe('0px');
      expect(style.cardBg, q).not.toBe('rgba(0, 0, 0, 0)');
      expect(style.btnBg, q).toBe('rgb(180, 35, 24)');
      await page.close();
    }
  });

  test('a name-only match shows the official ID to compare; an unknown ID lists the accounts to compare', async () => {
    const page = await open('青川理工计算机');
    expect((await verdictOf(page)).verdict).toBe('same-name');
    expect(await page.textContent('#verify-card')).toContain('抖音号：qclg_jsj');
    await page.close();
    const p2 = await open('抖音号：qclgqn');
    expect((await verdictOf(p2)).verdict, await p2.textContent('#verify-card') ?? '').toBe('unregistered');
    expect(await p2.textContent('#verify-similar')).toContain('qclg_jsj');
    expect(await p2.textContent('#verify-advice')).toMatch(/^未找到/);
    await p2.close();
  });

  test('a shared ?q= link carries generic og: tags for crawlers and the verdict in the title once opened', async () => {
    const html = await readFile(path.join(site.dir, 'verify/index.html'), 'utf8');
    expect(html).toMatch(/<meta property="og:title" content="账号核验：这个账号是青川理工学院的官方账号吗？"/);
    expect(html).toMatch(/<meta property="og:description" content="[^"]+"/);
    const page = await open('青川理工大学');
    await verdictOf(page);
    expect(await page.title()).toBe('核验结果：未备案，疑似仿冒（高风险）｜青川理工大学');
    expect(await page.getAttribute('meta[property="og:title"]', 'content')).toBe('核验结果：未备案，疑似仿冒（高风险）｜青川理工大学');
    await page.close();
  });

  test('an official verdict has no report button; a short link names its platform', async () => {
    const page = await open('gh_3a1b2c3d4e5f');
    expect((await verdictOf(page)).verdict).toBe('official');
    expect(await page.locator('#report-issue').count()).toBe(0);
    await page.close();
    const p2 = await open('https://v.douyin.com/iRNBho6u/');
    expect((await verdictOf(p2)).verdict).toBe('unresolvable');
    expect(await p2.textContent('#verify-advice')).toContain('抖音号');
    await p2.close();
  });

  test('gives the same verdicts as npm run verify on a shared list of inputs', async () => {
    const inputs = [
      'https://weibo.com/u/1234567890?from=feed',
      '1234567890',
      '87654321',
      '青川理工学院',
      '清川理工学院',
      '青理工表白墙',
      'gh_aaaabbbbcccc',
      '计算机学院团学',
      'MS4wLjABAAAAtwToutiaoToken_abcdef',
      'https://m.weibo.cn/u/7138973247',
      'http://xhslink.com/a/AbCdEf，复制本条信息',
      '北京大学',
      'qclgqn',
      '青川理工大学',
      '2222222222',
      '计算机学院学生会',
    ];
    const page = await open();
    const expected = cliBatch(inputs);
    for (const [i, input] of inputs.entries()) {
      await page.evaluate(() => document.getElementById('verify-card')!.removeAttribute('data-verdict'));
      await page.fill('#verify-input', input);
      await page.click('#verify-submit');
      const browserResult = await verdictOf(page);
      expect(browserResult, input).toEqual(expected[i]);
    }
    await page.close();
    expect(browser.errors).toEqual([]);
  });

  test('the page script stays under 60 KB gzipped and ships no zod, pinyin or OpenCC', async () => {
    const html = await readFile(path.join(site.dir, 'verify/index.html'), 'utf8');
    const srcs = [...html.matchAll(/<script[^>]*src="([^"]+)"/g)].map((m) => m[1]!);
    expect(srcs.length).toBeGreaterThan(0);
    let total = 0;
    for (const src of srcs) {
      const js = await readFile(path.join(site.dir, src.slice(BASE.length)), 'utf8');
      total += gzipSync(js).length;
      expect(js).not.toMatch(/pinyin-pro|opencc|ZodError|\$ZodType/i);
    }
    expect(total).toBeLessThanOrEqual(60 * 1024);
  });

  test('search: IDs are indexed, a link or ID is handed to the verifier, a miss never says "not official", closed and suspended rank last', async () => {
    const page = await browser.newPage();
    await page.goto(`${server.url}search/?q=${encodeURIComponent('gh_3a1b2c3d4e5f')}`);
    const waitStatus = (re: RegExp) =>
      page.waitForFunction((src) => new RegExp(src).test(document.getElementById('search-status')!.textContent ?? ''), re.source, { timeout: 20_000 }).catch(async (e: Error) => {
        throw new Error(`${e.message}; status: ${await page.textContent('#search-status')}; errors: ${browser.errors.join(' | ')}`);
      });
    await waitStatus(/找到|失败/);
    expect(await page.textContent('#search-status'), browser.errors.join('\n')).toMatch(/找到 \d+ 个结果/);
    expect(await page.isVisible('#search-verify')).toBe(true);
    expect(await page.getAttribute('#search-verify-link', 'href')).toBe(`${BASE}verify/?q=gh_3a1b2c3d4e5f`);
    expect(await page.locator('#search-results a').evaluateAll((as) => as.map((a) => a.getAttribute('href')))).toContain(`${BASE}accounts/qclg-wechat/`);
    // A miss.
    await page.fill('#search-q', 'xyzzyplugh');
    await waitStatus(/没有找到/);
    const miss = (await page.textContent('#search-status'))!;
    expect(miss).not.toMatch(/不是官方/);
    expect(miss).toContain('搜不到不能说明账号是否官方');
    // Ranking: live accounts before the closed and suspended ones.
    await page.fill('#search-q', '青川');
    await waitStatus(/找到 \d+ 个结果/);
    await page.waitForFunction(() => document.querySelectorAll('#search-results li').length > 0);
    const states = await page.locator('#search-results li .muted').allTextContents();
    const low = states.map((t) => /已停办|暂停运行/.test(t));
    expect(low).toContain(true);
    expect(low.indexOf(true)).toBeGreaterThan(0);
    expect(low.slice(low.indexOf(true)).every(Boolean)).toBe(true);
    // A pasted link goes to the verifier.
    await page.fill('#search-q', 'https://weibo.com/u/1234567890');
    await Promise.all([page.waitForURL(/\/verify\/\?q=/), page.press('#search-q', 'Enter')]);
    expect((await verdictOf(page)).verdict).toBe('official');
    await page.close();
  });

  test('the verify index files hold no private data', async () => {
    const files = (await listFiles(path.join(site.dir, 'verify-index'))).filter((f) => f.endsWith('.json'));
    expect(files.map((f) => path.basename(f))).toEqual(expect.arrayContaining(['manifest.json', 'names.json']));
    for (const f of files) {
      const text = await readFile(f, 'utf8');
      for (const canary of ['金丝雀', '13900001111', '13900002222', 'canary-private', 'canary-admin']) expect(text).not.toContain(canary);
    }
  });
});
