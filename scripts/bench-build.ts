/**
 * Benchmarks the site build on synthetic registries (1,000 and 10,000 accounts): build time
 * (Astro + Pagefind), peak memory of the whole build process tree, dist size, and the bytes a
 * first search downloads in a real browser (Debian Chromium, if installed).
 * Run: npm run bench:build -- [--sizes 1000,10000] [--keep] [--json FILE]
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, readdir, rm, stat, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { EXIT, UsageError, parseCli, run } from './lib/cli.ts';
import { writeSyntheticRegistry } from './lib/synth.ts';
import { startServer } from './serve-site.ts';

const USAGE = `用法：npm run bench:build -- [--sizes 1000,10000] [--keep] [--json 文件]
  --sizes  账号数量，逗号分隔（默认 1000,10000）
  --keep   保留生成的登记数据和网站（默认删除）
  --json   把结果写入该 JSON 文件`;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const TARGET = { seconds: 45, memoryMb: 1536, firstSearchKb: 200 };

interface BenchResult {
  accounts: number;
  pages: number;
  seconds: { total: number; validate: number; astro: number; pagefind: number };
  peakMemoryMb: number;
  distMb: number;
  distFiles: number;
  firstSearch: { query: string; requests: number; rawKb: number; transferKb: number } | null;
}

/** Sum of resident memory (kB) of `pid` and all its descendants, from /proc. */
async function treeRssKb(pid: number): Promise<number> {
  const children = new Map<number, number[]>();
  const rss = new Map<number, number>();
  for (const name of await readdir('/proc').catch(() => [] as string[])) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const status = await readFile(`/proc/${name}/status`, 'utf8');
      const ppid = Number(/^PPid:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      const kb = Number(/^VmRSS:\s+(\d+)/m.exec(status)?.[1] ?? 0);
      rss.set(Number(name), kb);
      const list = children.get(ppid) ?? [];
      list.push(Number(name));
      children.set(ppid, list);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length) {
    const p = stack.pop()!;
    total += rss.get(p) ?? 0;
    stack.push(...(children.get(p) ?? []));
  }
  return total;
}

/** Runs the build in a child process, sampling the memory of its process tree. */
async function timedBuild(content: string, out: string, statsFile: string): Promise<{ code: number; log: string; peakKb: number; wallMs: number }> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', 'build-site.ts'), '--content', content, '--out', out, '--stats', statsFile], {
    cwd: ROOT,
    env: { ...process.env, ASTRO_TELEMETRY_DISABLED: '1', ASTRO_CACHE_DIR: path.join(path.dirname(out), 'cache') },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let log = '';
  child.stdout.on('data', (d: Buffer) => (log += d.toString()));
  child.stderr.on('data', (d: Buffer) => (log += d.toString()));
  let peakKb = 0;
  let sampling = true;
  const sampler = (async () => {
    while (sampling) {
      peakKb = Math.max(peakKb, await treeRssKb(child.pid!));
      await new Promise((r) => setTimeout(r, 150));
    }
  })();
  const code = await new Promise<number>((resolve) => child.on('close', (c) => resolve(c ?? 1)));
  sampling = false;
  await sampler;
  return { code, log, peakKb, wallMs: performance.now() - started };
}

async function dirSize(dir: string): Promise<{ bytes: number; files: number }> {
  let bytes = 0;
  let files = 0;
  const walk = async (d: string) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else {
        bytes += (await stat(p)).size;
        files++;
      }
    }
  };
  await walk(dir);
  return { bytes, files };
}

/**
 * Loads the search page in Chromium, runs one query and counts every byte fetched: raw, and as a
 * static host would send it (text gzip-compressed; Pagefind's own files are already compressed).
 */
async function measureFirstSearch(dist: string, query: string): Promise<BenchResult['firstSearch']> {
  const chromium = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
  if (!existsSync(chromium)) return null;
  const { chromium: pw } = await import('playwright-core');
  const server = await startServer({ dir: dist, port: 0 });
  const profile = await mkdtemp(path.join(os.tmpdir(), 'bench-profile-'));
  const context = await pw.launchPersistentContext(profile, {
    executablePath: chromium,
    headless: true,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'],
  });
  try {
    const page = await context.newPage();
    // Raw = decoded bytes; transfer = bytes on the wire from serve-site (which gzips text like a
    // static host; Pagefind's own files are compressed already).
    const sizes: Array<Promise<{ raw: number; transfer: number }>> = [];
    page.on('requestfinished', (req) => {
      sizes.push(
        Promise.all([req.response().then((r) => r?.body()), req.sizes()]).then(
          ([body, s]) => ({ raw: body?.length ?? 0, transfer: s.responseBodySize + s.responseHeadersSize }),
          () => ({ raw: 0, transfer: 0 }),
        ),
      );
    });
    await page.goto(`${server.url}search/?q=${encodeURIComponent(query)}`);
    await page.waitForFunction(() => /找到|没有找到/.test(document.getElementById('search-status')?.textContent ?? ''), null, { timeout: 60_000 });
    await page.waitForLoadState('networkidle');
    const all = await Promise.all(sizes);
    return {
      query,
      requests: all.length,
      rawKb: Math.round(all.reduce((s, x) => s + x.raw, 0) / 102.4) / 10,
      transferKb: Math.round(all.reduce((s, x) => s + x.transfer, 0) / 102.4) / 10,
    };
  } finally {
    await context.close();
    await server.close();
    await rm(profile, { recursive: true, force: true });
  }
}

async function benchOne(accounts: number, keep: boolean): Promise<BenchResult> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), `bench-${accounts}-`));
  let outRoot: string | undefined;
  try {
    const content = path.join(tmp, 'content');
    // The output stays inside the project so Astro builds it in place (see build-site.ts).
    await mkdir(path.join(ROOT, 'node_modules', '.cache'), { recursive: true });
    outRoot = await mkdtemp(path.join(ROOT, 'node_modules', '.cache', `bench-${accounts}-`));
    const out = path.join(outRoot, 'dist');
    const statsFile = path.join(tmp, 'stats.json');
    console.log(`\n== ${accounts} 个账号：生成合成登记数据 …`);
    await writeSyntheticRegistry(content, { accounts, seed: 7 });
    console.log('   构建中（校验 + Astro + Pagefind）…');
    const b = await timedBuild(content, out, statsFile);
    if (b.code !== 0) throw new Error(`构建失败：\n${b.log.slice(-4000)}`);
    const stats = JSON.parse(await readFile(statsFile, 'utf8')) as { times: Record<string, number>; pages: number };
    const size = await dirSize(out);
    console.log('   在浏览器中测量首次搜索的下载量 …');
    const firstSearch = await measureFirstSearch(out, '计算机');
    const s = (ms: number | undefined) => Math.round((ms ?? 0) / 100) / 10;
    const result: BenchResult = {
      accounts,
      pages: stats.pages,
      seconds: { total: s(b.wallMs), validate: s(stats.times.validate), astro: s(stats.times.astro), pagefind: s(stats.times.pagefind) },
      peakMemoryMb: Math.round(b.peakKb / 1024),
      distMb: Math.round(size.bytes / 104857.6) / 10,
      distFiles: size.files,
      firstSearch,
    };
    if (keep) console.log(`   保留在 ${tmp} 和 ${outRoot}`);
    return result;
  } finally {
    if (!keep) {
      await rm(tmp, { recursive: true, force: true });
      if (outRoot) await rm(outRoot, { recursive: true, force: true });
    }
  }
}

function report(r: BenchResult): string {
  const ok = (cond: boolean) => (cond ? '✓' : '✗ 超出目标');
  const lines = [
    `${r.accounts} 个账号（Pagefind 索引 ${r.pages} 个账号页面；dist 共 ${r.distFiles} 个文件）`,
    `  构建用时   ${r.seconds.total} 秒（校验 ${r.seconds.validate}，Astro ${r.seconds.astro}，Pagefind ${r.seconds.pagefind}）${r.accounts >= 10_000 ? ` ${ok(r.seconds.total <= TARGET.seconds)}` : ''}`,
    `  内存峰值   ${r.peakMemoryMb} MB（构建进程树合计）${r.accounts >= 10_000 ? ` ${ok(r.peakMemoryMb <= TARGET.memoryMb)}` : ''}`,
    `  dist 大小  ${r.distMb} MB`,
  ];
  if (r.firstSearch)
    lines.push(
      `  首次搜索   ${r.firstSearch.transferKb} KB 实际传输（含响应头，文本经 gzip 压缩；解压后 ${r.firstSearch.rawKb} KB，${r.firstSearch.requests} 个请求，查询“${r.firstSearch.query}”）${ok(r.firstSearch.transferKb <= TARGET.firstSearchKb)}`,
    );
  else lines.push('  首次搜索   未测量（找不到 /usr/bin/chromium）');
  return lines.join('\n');
}

async function main(): Promise<number> {
  const { values } = parseCli(
    process.argv.slice(2),
    { sizes: { type: 'string' }, keep: { type: 'boolean', default: false }, json: { type: 'string' } },
    USAGE,
  );
  const sizes = (values.sizes ?? '1000,10000').split(',').map((s) => Number(s.trim()));
  if (sizes.some((n) => !Number.isInteger(n) || n < 1)) throw new UsageError('--sizes 应为正整数，逗号分隔');
  const results: BenchResult[] = [];
  for (const n of sizes) results.push(await benchOne(n, values.keep));
  console.log(`\n构建基准（${os.cpus().length} 核，${Math.round(os.totalmem() / 2 ** 30)} GB 内存；目标：1 万账号 ≤ ${TARGET.seconds} 秒、≤ ${TARGET.memoryMb / 1024} GB，首次搜索 ≤ ${TARGET.firstSearchKb} KB）\n`);
  for (const r of results) console.log(report(r));
  if (values.json) await writeFile(values.json, JSON.stringify(results, null, 2));
  return EXIT.ok;
}

await run(main);
