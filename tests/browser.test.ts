/**
 * The built demo site in a real browser (Debian Chromium via playwright-core), served on 127.0.0.1
 * under a sub-path: Chinese search, Pagefind filters, status badges, closed accounts, no console
 * errors, axe-core (no serious or critical violations), screenshots at phone and desktop widths.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startServer, type RunningServer } from '../scripts/serve-site.ts';
import { launchBrowser, overflowsHorizontally, screenshot, seriousViolations, type Browser } from './helpers/browser.ts';
import { buildSite, type BuiltSite } from './helpers/site-build.ts';

const BASE = '/xmt/';
const PHONE = { width: 360, height: 780 };
const DESKTOP = { width: 1280, height: 900 };

let site: BuiltSite;
let server: RunningServer;
let browser: Browser;
let accounts: Array<{ id: string; name: string; status: string; state: string; stateLabel: string; platformLabel: string; unitName: string }>;

beforeAll(async () => {
  site = await buildSite({ base: BASE });
  server = await startServer({ dir: site.dir, base: BASE, port: 0 });
  browser = await launchBrowser();
  accounts = (JSON.parse(await readFile(path.join(site.dir, 'accounts.json'), 'utf8')) as { accounts: typeof accounts }).accounts;
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
  await site?.cleanup();
});

const open = async (p: string, viewport = DESKTOP): Promise<Page> => {
  const page = await browser.newPage(viewport);
  const res = await page.goto(server.url + p);
  expect(res?.status(), p).toBe(200);
  return page;
};

/** Waits until the search UI reports a result count, and returns the result titles. */
const results = async (page: Page): Promise<string[]> => {
  await page.waitForFunction(() => /找到|没有找到/.test(document.getElementById('search-status')?.textContent ?? ''), null, { timeout: 15_000 });
  await page.waitForFunction(() => {
    const m = /找到 (\d+) 个/.exec(document.getElementById('search-status')?.textContent ?? '');
    return !m || document.querySelectorAll('#search-results li').length >= Math.min(Number(m[1]), 20);
  });
  return page.locator('#search-results li strong').allTextContents();
};

describe('search', () => {
  test('a partial Chinese query typed on the home page finds the right account', async () => {
    const target = accounts.find((a) => a.id === 'jsj-wechat')!;
    expect(target.name).toContain('计算机');
    const page = await open('');
    await page.fill('#home-search', '计算机');
    await page.press('#home-search', 'Enter');
    await page.waitForURL(/\/xmt\/search\/\?q=/);
    const titles = await results(page);
    expect(titles).toContain(target.name);
    // The result links to the account page under the base path.
    const hrefs = await page.locator('#search-results li a').evaluateAll((as, name) =>
      as.filter((a) => a.textContent === name).map((a) => a.getAttribute('href')), target.name);
    expect(hrefs).toContain(`${BASE}accounts/${target.id}/`);
    await screenshot(page, 'search-desktop');
    await page.close();
  });

  test('a Pagefind filter narrows the results', async () => {
    const page = await open(`search/?q=${encodeURIComponent('青川理工')}`);
    const all = await results(page);
    expect(all.length).toBeGreaterThan(3);
    const before = Number(/找到 (\d+)/.exec((await page.locator('#search-status').textContent()) ?? '')![1]);
    await page.selectOption('#f-platform', '微信公众号');
    await page.waitForFunction((n) => {
      const m = /找到 (\d+)/.exec(document.getElementById('search-status')?.textContent ?? '');
      return m !== null && Number(m[1]) < n;
    }, before);
    const after = Number(/找到 (\d+)/.exec((await page.locator('#search-status').textContent()) ?? '')![1]);
    expect(after).toBeGreaterThan(0);
    expect(after).toBeLessThan(before);
    await results(page);
    const metas = await page.locator('#search-results li .muted').allTextContents();
    expect(metas.length).toBeGreaterThan(0);
    for (const m of metas) expect(m).toContain('微信公众号');
    // The filter is kept in the address, so the filtered list can be shared.
    expect(page.url()).toContain('platform=');
    await page.close();
  });

  test('closed accounts stay findable and their status filter works', async () => {
    const closed = accounts.find((a) => a.status === 'closed')!;
    const page = await open(`search/?q=${encodeURIComponent(closed.name)}&status=${encodeURIComponent('已停办')}`);
    const titles = await results(page);
    expect(titles).toContain(closed.name);
    await page.close();
  });
});

describe('directory', () => {
  test('with JavaScript, the directory offers Pagefind filters: choosing 已停办 lists exactly the closed accounts', async () => {
    const page = await open('directory/');
    // The search script shows the filters once it runs: wait for it (a busy CI machine is slow), then assert.
    await page.locator('#search-filters').waitFor({ state: 'visible', timeout: 60_000 }).catch(() => undefined);
    expect(await page.locator('#search-filters').isVisible()).toBe(true);
    await page.selectOption('#f-status', '已停办');
    const titles = await results(page);
    const closed = accounts.filter((a) => a.status === 'closed');
    expect(titles.length).toBe(Math.min(closed.length, 20));
    for (const t of titles) expect(closed.map((a) => a.name)).toContain(t);
    await page.close();
  }, 150_000);
});

describe('account pages', () => {
  test('an account page shows its status badge', async () => {
    const page = await open('accounts/jsj-wechat/');
    const badge = page.locator('article .badge').first();
    await expect(badge.isVisible()).resolves.toBe(true);
    const account = accounts.find((a) => a.id === 'jsj-wechat')!;
    expect(await badge.textContent()).toBe(account.stateLabel);
    expect(['正常运营', '待开通', '申请中', '年审逾期', '年审不合格', '暂停运行']).toContain(account.stateLabel);
    expect(await page.locator('figure.qr svg').count()).toBe(1);
    await page.close();
  });

  test('a closed account is shown as closed, in its page and in the directory', async () => {
    const closed = accounts.find((a) => a.status === 'closed')!;
    const page = await open(`accounts/${closed.id}/`);
    expect(await page.locator('article .badge').first().textContent()).toMatch(/^已停办（\d{4}-\d{2}-\d{2}）$/);
    expect(await page.locator('[role="note"]').first().textContent()).toContain('停办');
    await screenshot(page, 'account-closed-desktop');
    await page.goto(server.url + 'directory/status/closed/');
    const row = page.locator('.account-list li', { hasText: closed.name }).first();
    expect(await row.locator('.badge').textContent()).toContain('已停办');
    await page.close();
  });
});

describe('print and derived statuses', () => {
  test('an account page prints without the site navigation, search or footer, and with the data date', async () => {
    const page = await open(`accounts/${accounts.find((a) => a.status === 'active')!.id}/`);
    await page.emulateMedia({ media: 'print' });
    for (const sel of ['.site-header', '.site-footer', '.crumbs', '.skip-link']) expect(await page.locator(sel).first().isVisible(), sel).toBe(false);
    expect(await page.locator('h1').isVisible()).toBe(true);
    expect(await page.locator('dl.facts').isVisible()).toBe(true);
    await expect(page.locator('.print-only').first().textContent()).resolves.toContain('本页信息截至');
    const pdf = await page.pdf({ format: 'A4' });
    expect(pdf.length).toBeGreaterThan(1000);
    await page.emulateMedia({ media: 'screen' });
    expect(await page.locator('.site-header').isVisible()).toBe(true);
    expect(await page.locator('.print-only').first().isVisible()).toBe(false);
    await page.close();
  });

  test('the 暂停运行 / 年审逾期 lists show each account\'s reason, as its page does', async () => {
    const derived = accounts.filter((a) => a.state === 'suspended' || a.state === 'overdue') as Array<(typeof accounts)[number] & { stateReason: string }>;
    expect(derived.length).toBeGreaterThan(0);
    for (const state of [...new Set(derived.map((a) => a.state))]) {
      const page = await open(`directory/status/${state}/`);
      for (const a of derived.filter((x) => x.state === state)) {
        const item = page.locator('.account-list li', { has: page.locator(`a[href$="accounts/${a.id}/"]`) });
        await expect(item.locator('.state-reason').textContent()).resolves.toBe(a.stateReason);
      }
      await page.close();
    }
  });
});

describe('layout, accessibility and screenshots', () => {
  const pages: Array<[string, string]> = [
    ['home', ''],
    ['directory', 'directory/'],
    ['account', 'accounts/jsj-wechat/'],
  ];

  test.each(pages)('axe-core finds no serious or critical violations on the %s page', async (_name, p) => {
    const page = await open(p);
    const violations = await seriousViolations(page);
    expect(violations).toEqual([]);
    await page.close();
  });

  test.each(pages)('the %s page fits a 360 px phone screen; screenshots at phone and desktop widths', async (name, p) => {
    const phone = await open(p, PHONE);
    expect(await overflowsHorizontally(phone)).toBe(false);
    await screenshot(phone, `${name}-phone`);
    await phone.close();
    const desktop = await open(p, DESKTOP);
    expect(await overflowsHorizontally(desktop)).toBe(false);
    await screenshot(desktop, `${name}-desktop`);
    await desktop.close();
  });

  test('the search page works at phone width', async () => {
    const page = await open(`search/?q=${encodeURIComponent('学院')}`, PHONE);
    expect((await results(page)).length).toBeGreaterThan(0);
    expect(await overflowsHorizontally(page)).toBe(false);
    await screenshot(page, 'search-phone');
    await page.close();
  });

  test('no page logged a console error', () => {
    expect(browser.errors).toEqual([]);
  });
});
