/**
 * Browser helpers: Debian's Chromium (/usr/bin/chromium) driven by playwright-core with a fresh
 * profile, console-error capture, axe-core checks and screenshots. Never downloads a browser.
 */
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { ROOT } from './site-build.ts';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
export const SCREENSHOT_DIR = path.join(ROOT, 'test-results', 'screenshots');

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

export interface Browser {
  context: BrowserContext;
  /** Console errors and page errors seen on any page, with the page URL. */
  errors: string[];
  /** A new page whose console errors are collected. */
  newPage(viewport?: { width: number; height: number }): Promise<Page>;
  close(): Promise<void>;
}

/**
 * A browser that could not start: every page it is asked for fails with `error`. Thrown from a
 * beforeAll instead, vitest would report the file's tests as skipped, and a machine without
 * Chromium would look like a pass; this way each browser test fails, saying why.
 */
function failingBrowser(error: Error): Browser {
  return {
    context: undefined as unknown as BrowserContext,
    errors: [],
    newPage: () => Promise.reject(error),
    close: async () => {},
  };
}

/** Launches Chromium with a fresh --user-data-dir; when it cannot start, a browser whose every page fails. */
export async function launchBrowser(executable = CHROMIUM): Promise<Browser> {
  if (!existsSync(executable)) return failingBrowser(new Error(`找不到 Chromium：${executable}（Debian 上运行 apt-get install -y chromium）；浏览器测试不能跳过`));
  try {
    return await launch(executable);
  } catch (err) {
    return failingBrowser(new Error(`Chromium 无法启动：${(err as Error).message}`));
  }
}

async function launch(executable: string): Promise<Browser> {
  const profile = await mkdtemp(path.join(os.tmpdir(), 'chromium-profile-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: executable,
    headless: true,
    args: FLAGS,
    locale: 'zh-CN',
    viewport: { width: 1280, height: 900 },
  });
  const errors: string[] = [];
  const watch = (page: Page) => {
    page.on('console', (m) => {
      if (m.type() === 'error') errors.push(`${page.url()}: ${m.text()}`);
    });
    page.on('pageerror', (e) => errors.push(`${page.url()}: ${e.message}`));
  };
  context.pages().forEach(watch);
  return {
    context,
    errors,
    async newPage(viewport) {
      const page = await context.newPage();
      watch(page);
      if (viewport) await page.setViewportSize(viewport);
      return page;
    },
    async close() {
      await context.close();
      await rm(profile, { recursive: true, force: true });
    },
  };
}

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: number;
  targets: string[];
}

let axeSource: string | undefined;

/** Runs axe-core on the page and returns violations of at least `serious` impact. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  axeSource ??= await readFile(path.join(ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');
  await page.addScriptTag({ content: axeSource });
  const violations = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: Array<{ id: string; impact: string | null; help: string; nodes: Array<{ target: string[] }> }> }> } }).axe;
    const res = await axe.run(document, { resultTypes: ['violations'] });
    return res.violations.map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length, targets: v.nodes.slice(0, 5).map((n) => n.target.join(' ')) }));
  });
  return violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
}

/** Saves a full-page screenshot under test-results/screenshots/. */
export async function screenshot(page: Page, name: string): Promise<string> {
  await mkdir(SCREENSHOT_DIR, { recursive: true });
  const file = path.join(SCREENSHOT_DIR, `${name}.png`);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}

/** True when the page's content is wider than its viewport (a layout break at phone width). */
export async function overflowsHorizontally(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
}
