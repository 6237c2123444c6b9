/**
 * No private data leaves: the demo registry with every private field set to a canary is built
 * (Astro + Pagefind) and all of dist/ is scanned, decoding gzip, HTML entities, JSON escapes and
 * URL encoding. A deliberately leaking fixture proves the scan finds what it looks for.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { buildPublicSite, openDataCsv, openDataJson, toPublicAccount } from '../src/domain/public.ts';
import { loadRegistry } from '../src/registry/load.ts';
import { Canaries, scanForCanaries, writeCanaryRegistry } from './helpers/canary.ts';
import { ROOT, TEST_TODAY, buildSite, type BuiltSite } from './helpers/site-build.ts';

describe('the public site built from a registry full of canaries', () => {
  let tmp: string;
  let canaries: string[];
  let site: BuiltSite;

  beforeAll(async () => {
    tmp = await mkdtemp(path.join(os.tmpdir(), 'leak-'));
    const content = path.join(tmp, 'content');
    canaries = await writeCanaryRegistry(path.join(ROOT, 'content'), content);
    site = await buildSite({ content });
  });
  afterAll(async () => {
    await site?.cleanup();
    await rm(tmp, { recursive: true, force: true });
  });

  test('the canary registry seeds every kind of private field and still builds', async () => {
    expect(canaries.length).toBeGreaterThan(100);
    expect(new Set(canaries).size).toBe(canaries.length);
    for (const kind of ['Name', 'Title', 'Reason', 'Note', 'Opinion', 'ResultNote', 'GroupName', 'GroupScope', 'GroupAdmin'])
      expect(canaries.some((c) => new RegExp(`^Canary${kind}\\d{4}Zq$`).test(c)), kind).toBe(true);
    expect(canaries.some((c) => c.startsWith('@canary-owner-'))).toBe(true);
    expect(canaries.some((c) => /^1397731\d{4}$/.test(c))).toBe(true);
    expect(canaries.some((c) => c.includes('@leak-test.example.com'))).toBe(true);
  });

  test('the build includes account pages, open data and the Pagefind index', async () => {
    const json = JSON.parse(await readFile(path.join(site.dir, 'accounts.json'), 'utf8')) as { accounts: unknown[] };
    expect(json.accounts.length).toBeGreaterThan(10);
    await expect(readFile(path.join(site.dir, 'pagefind', 'pagefind-entry.json'), 'utf8')).resolves.toContain('zh-cn');
  });

  test('no canary appears anywhere in dist/, Pagefind files included', async () => {
    const hits = await scanForCanaries(site.dir, canaries);
    expect(hits).toEqual([]);
  });

  test('the same scan does find public values, in pages and inside the gzip-compressed Pagefind files', async () => {
    const json = JSON.parse(await readFile(path.join(site.dir, 'accounts.json'), 'utf8')) as { accounts: Array<{ purpose: string; status: string }> };
    const purpose = json.accounts.find((a) => a.status === 'active')!.purpose;
    const hits = await scanForCanaries(site.dir, [purpose]);
    expect(hits.some((h) => h.file.startsWith('accounts/'))).toBe(true);
    expect(hits.some((h) => h.file.startsWith('pagefind/') && h.via.startsWith('gzip'))).toBe(true);
  });
});

describe('scanForCanaries()', () => {
  let dir: string;
  beforeAll(async () => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'leaky-'));
  });
  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  test('finds a canary hidden by HTML entities, JSON escapes, URL encoding, gzip and zero-width spaces', async () => {
    const c = new Canaries();
    const [a, b, d, e, f, g] = [c.text('Name'), c.mobile(), c.email(), c.text('GroupName'), c.text('Title'), '隐私测试员甲乙丙'];
    const entities = [...a].map((ch) => `&#x${ch.codePointAt(0)!.toString(16)};`).join('');
    await writeFile(path.join(dir, 'page.html'), `<html><body><p>${entities}</p></body></html>`);
    const escaped = [...b].map((ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, '0')}`).join('');
    await writeFile(path.join(dir, 'data.json'), `{"x":"${escaped}"}`);
    await writeFile(path.join(dir, 'link.html'), `<a href="/q?x=${encodeURIComponent(d)}">x</a>`);
    await writeFile(path.join(dir, 'frag.pf_fragment'), gzipSync(Buffer.from(JSON.stringify({ content: e }))));
    await writeFile(path.join(dir, 'zw.pf_fragment'), gzipSync(Buffer.from(JSON.stringify({ content: '隐私\u200b测试员\u200b甲乙丙' }))));
    await writeFile(path.join(dir, 'clean.html'), `<p>${f.slice(0, 10)}</p>`);
    const hits = await scanForCanaries(dir, [a, b, d, e, f, g]);
    expect(hits.map((h) => [h.canary, h.file]).sort()).toEqual(
      [
        [a, 'page.html'],
        [b, 'data.json'],
        [d, 'link.html'],
        [e, 'frag.pf_fragment'],
        [g, 'zw.pf_fragment'],
      ].sort(),
    );
  });

  test('finds a canary that a page leaks into a real Pagefind index', async () => {
    const leak = new Canaries().text('Name');
    const site = path.join(dir, 'pf-site');
    await mkdir(site, { recursive: true });
    await writeFile(
      path.join(site, 'index.html'),
      `<!doctype html><html lang="zh-CN"><head><title>泄露示例</title></head><body><main data-pagefind-body><h1>计算机学院</h1><p>管理员 ${leak} 手机</p></main></body></html>`,
    );
    const pagefind = await import('pagefind');
    try {
      const { index } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
      await index!.addDirectory({ path: site });
      await index!.writeFiles({ outputPath: path.join(dir, 'pf-out') });
    } finally {
      await pagefind.close();
    }
    const hits = await scanForCanaries(path.join(dir, 'pf-out'), [leak]);
    expect(hits.length).toBeGreaterThan(0);
    expect(hits.every((h) => h.via.startsWith('gzip'))).toBe(true);
  });
});

describe('the public projection', () => {
  test('toPublicAccount(), accounts.json and accounts.csv carry no private value of the demo registry', async () => {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'leak-proj-'));
    try {
      const content = path.join(tmp, 'content');
      const canaries = await writeCanaryRegistry(path.join(ROOT, 'content'), content);
      const { registry } = await loadRegistry(content, { today: TEST_TODAY });
      expect(registry.accounts.length).toBeGreaterThan(10);
      const site = buildPublicSite(
        {
          policy: registry.policy!.data,
          units: registry.units.map((u) => u.data),
          accounts: registry.accounts.map((a) => ({ data: a.data, html: a.html })),
          reviews: registry.reviews.map((r) => r.data),
          impostors: registry.impostors.map((i) => i.data),
        },
        { asOf: TEST_TODAY },
      );
      const text = [
        JSON.stringify(site),
        JSON.stringify(openDataJson(site, (a) => a.id)),
        openDataCsv(site.accounts, (a) => a.id),
        JSON.stringify(registry.accounts.map((a) => toPublicAccount(a.data, a.html, { unitNames: new Map(), tierNames: new Map() }))),
      ].join('\n').toLowerCase();
      expect(canaries.filter((c) => text.includes(c.toLowerCase()))).toEqual([]);
      expect(text).not.toContain('contacts');
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  });
});
