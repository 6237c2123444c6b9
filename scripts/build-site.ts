/**
 * Builds the public site: checks the registry first (stops with the validator's Chinese messages),
 * then runs the Astro build, then indexes the result with Pagefind (zh-CN).
 * Run: npm run build -- [--content DIR] [--base /sub/path/] [--out DIR] [--site URL] [--today YYYY-MM-DD]
 */
import { chmod, cp, mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { fork } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Finding } from '../src/domain/index.ts';
import { loadRegistry } from '../src/registry/load.ts';
import { EXIT, UsageError, parseCli, resolveContentDir, resolveToday, run } from './lib/cli.ts';
import { lockBuilds } from './lib/build-lock.ts';

const USAGE = `用法：npm run build -- [--content 文件夹] [--base 子路径] [--out 输出文件夹] [--site 网址] [--today YYYY-MM-DD]
  --content   登记数据文件夹（默认 content，或环境变量 REGISTRY_CONTENT）
  --base      网站部署的子路径，如 /media/（默认 /，或环境变量 SITE_BASE）
  --out       输出文件夹（默认 dist）
  --site      网站的完整网址，用于订阅和开放数据中的链接（默认环境变量 SITE_URL）
  --today     按该日期计算账号状态（默认北京时间今天）
  --stats     把各阶段耗时写入该 JSON 文件（供 bench:build 使用）
退出码：0 成功；1 登记数据有错误或构建失败；2 用法错误`;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
/** Set in the child process that runs validation and Astro (its job, as JSON). */
const CHILD_ENV = 'CAMPUS_SITE_BUILD_JOB';
/**
 * Where the child leaves the registry it has just checked, for the Astro content loader
 * (src/registry/astro-loader.ts) to reuse instead of parsing every file a second time.
 */
const PRELOADED_REGISTRY = Symbol.for('campus-registry.preloaded');

/** Normalises a base path to `/x/y/` form (or `/`). */
export function normalizeBase(base: string): string {
  const trimmed = base.trim().replace(/^\/+|\/+$/g, '');
  if (trimmed && !/^[A-Za-z0-9._~\-/]+$/.test(trimmed)) throw new UsageError('--base 只能包含英文字母、数字和 - _ . ~ /');
  return trimmed ? `/${trimmed}/` : '/';
}

async function main(): Promise<number> {
  const { values } = parseCli(
    process.argv.slice(2),
    {
      content: { type: 'string' },
      base: { type: 'string' },
      out: { type: 'string' },
      site: { type: 'string' },
      today: { type: 'string' },
      stats: { type: 'string' },
    },
    USAGE,
  );
  const content = await resolveContentDir(values.content);
  const today = resolveToday(values.today ?? process.env.REGISTRY_TODAY);
  const base = normalizeBase(values.base ?? process.env.SITE_BASE ?? '/');
  const outDir = path.resolve(values.out ?? path.join(ROOT, 'dist'));
  const job: AstroJob = { content, today, base, outDir, site: values.site };
  const t0 = performance.now();

  // 1–2. Validate and run Astro in a child process, so its memory is returned before Pagefind runs.
  const child = await runAstroPhase(job);
  if (child.code !== EXIT.ok) return child.code;
  const times: Record<string, number> = { ...child.times };

  // 3. Pagefind (zh-CN) over the account pages.
  const t2 = performance.now();
  console.log('建立搜索索引（Pagefind，中文）');
  const indexed = await indexSite(outDir);
  if (!indexed.ok) {
    console.error(`\n搜索索引生成失败：${indexed.errors.join('；')}`);
    return EXIT.findings;
  }
  times.pagefind = performance.now() - t2;
  times.total = performance.now() - t0;
  console.log(`  已索引 ${indexed.pages} 个页面。`);
  console.log(`完成，用时 ${(times.total / 1000).toFixed(1)} 秒。运行 npm run serve 预览。`);
  if (values.stats) {
    await mkdir(path.dirname(path.resolve(values.stats)), { recursive: true });
    await writeFile(
      values.stats,
      JSON.stringify({ times, pages: indexed.pages, maxRssKb: { astro: child.maxRssKb, pagefindPhase: process.resourceUsage().maxRSS } }),
    );
  }
  return EXIT.ok;
}

interface AstroJob {
  content: string;
  today: string;
  base: string;
  outDir: string;
  site?: string;
}

interface AstroPhaseResult {
  code: number;
  times: Record<string, number>;
  maxRssKb: number;
}

/** Runs `astroPhase` in a child Node process (same loader flags) and waits for its report. */
function runAstroPhase(job: AstroJob): Promise<AstroPhaseResult> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [], {
      execArgv: process.execArgv,
      env: { ...process.env, [CHILD_ENV]: JSON.stringify(job) },
      stdio: 'inherit',
    });
    let report: AstroPhaseResult | undefined;
    child.on('message', (m) => (report = m as AstroPhaseResult));
    child.on('error', reject);
    child.on('exit', (code) => resolve(report && code === 0 ? report : { code: code || EXIT.findings, times: {}, maxRssKb: 0 }));
  });
}

/**
 * The child process: validates the registry (stops with the validator's Chinese messages), then
 * hands the checked registry to the Astro content loader (so it is parsed once) and builds.
 */
async function astroPhase(job: AstroJob): Promise<AstroPhaseResult> {
  const times: Record<string, number> = {};
  const t0 = performance.now();
  // 1. Validate: a registry with errors never reaches the site.
  console.log(`检查登记数据：${job.content}`);
  const result = await loadRegistry(job.content, { today: job.today });
  const errors = result.findings.filter((f) => f.severity === 'error');
  times.validate = performance.now() - t0;
  if (errors.length > 0) {
    printErrors(errors);
    console.error(`\n登记数据有 ${errors.length} 个错误，未生成网站。请按提示修改，或运行 npm run validate 查看详情。`);
    return { code: EXIT.findings, times, maxRssKb: 0 };
  }
  console.log(`  ${result.files.length} 个文件，全部通过。`);
  (globalThis as Record<symbol, unknown>)[PRELOADED_REGISTRY] = { dir: job.content, today: job.today, result };

  // 2. Astro. The config and the content loader read these variables.
  process.env.REGISTRY_CONTENT = job.content;
  process.env.REGISTRY_TODAY = job.today;
  process.env.SITE_BASE = job.base;
  if (job.site) process.env.SITE_URL = job.site;
  process.env.ASTRO_TELEMETRY_DISABLED = '1';
  const t1 = performance.now();
  console.log(`生成网站（Astro）→ ${job.outDir}${job.base === '/' ? '' : `，子路径 ${job.base}`}`);
  const { build } = await import('astro');
  // Astro keeps its prerender bundle inside outDir only when outDir is under the project (the
  // bundle must resolve node_modules); otherwise it uses <project>/.astro/, where two builds at
  // once (tests, benchmarks) would overwrite each other. So an outDir elsewhere is built in a
  // private staging folder under node_modules/.cache and copied out.
  process.chdir(ROOT);
  const inRoot = !path.relative(ROOT, job.outDir).startsWith('..');
  // node_modules/.cache does not exist yet on a fresh clone.
  if (!inRoot) await mkdir(path.join(ROOT, 'node_modules', '.cache'), { recursive: true });
  const stage = inRoot ? job.outDir : await mkdtemp(path.join(ROOT, 'node_modules', '.cache', 'site-build-'));
  // Astro writes <project>/.astro/content-modules.mjs (the office pages' MDX imports) for every
  // build: two builds of different registries at once would read each other's. One at a time.
  const unlock = await lockBuilds();
  try {
    await build({
      root: ROOT,
      outDir: stage,
      base: job.base,
      // Separate caches let tests build several registries at once.
      ...(process.env.ASTRO_CACHE_DIR ? { cacheDir: path.resolve(process.env.ASTRO_CACHE_DIR) } : {}),
      logLevel: process.env.BUILD_LOG_LEVEL === 'info' ? 'info' : 'warn',
      vite: {
        build: {
          rollupOptions: {
            // @astrojs/mdx marks the office pages with a directive the bundler cannot keep; harmless noise.
            onwarn(warning, warn) {
              if (warning.code === 'MODULE_LEVEL_DIRECTIVE' && String(warning.message).includes('astro:head-inject')) return;
              warn(warning);
            },
          },
        },
      },
    });
    if (!inRoot) {
      await rm(job.outDir, { recursive: true, force: true });
      await mkdir(path.dirname(job.outDir), { recursive: true });
      await cp(stage, job.outDir, { recursive: true });
      await chmod(job.outDir, 0o755);
    }
  } catch (err) {
    console.error(`\n网站生成失败：${(err as Error).message}`);
    return { code: EXIT.findings, times, maxRssKb: 0 };
  } finally {
    await unlock();
    if (!inRoot) await rm(stage, { recursive: true, force: true });
  }
  times.astro = performance.now() - t1;
  return { code: EXIT.ok, times, maxRssKb: process.resourceUsage().maxRSS };
}

/** Indexes `outDir` with the Pagefind node API and writes `outDir/pagefind/`. */
async function indexSite(outDir: string): Promise<{ ok: boolean; pages: number; errors: string[] }> {
  const pagefind = await import('pagefind');
  try {
    const { index, errors } = await pagefind.createIndex({ forceLanguage: 'zh-cn' });
    if (!index) return { ok: false, pages: 0, errors };
    // Only account pages carry data-pagefind-body; skipping the list pages saves time and memory.
    const added = await index.addDirectory({ path: outDir, glob: 'accounts/*/index.html' });
    if (added.errors.length) return { ok: false, pages: 0, errors: added.errors };
    const written = await index.writeFiles({ outputPath: path.join(outDir, 'pagefind') });
    if (written.errors.length) return { ok: false, pages: 0, errors: written.errors };
    return { ok: true, pages: added.page_count, errors: [] };
  } finally {
    await pagefind.close();
  }
}

function printErrors(errors: Finding[]): void {
  let last = '';
  for (const f of errors.slice(0, 100)) {
    if (f.file !== last) {
      console.error(`\n${f.file}`);
      last = f.file;
    }
    console.error(`  ${f.line}:${f.column}  错误  ${f.message}${f.field ? `（${f.field}）` : ''}  [${f.code}]`);
  }
  if (errors.length > 100) console.error(`\n  … 另有 ${errors.length - 100} 个错误`);
}

const childJob = process.env[CHILD_ENV];
if (childJob) {
  // The Astro phase, started by runAstroPhase(): report to the parent and exit.
  delete process.env[CHILD_ENV];
  const result = await astroPhase(JSON.parse(childJob) as AstroJob).catch((err: Error) => {
    console.error(`\n网站生成失败：${err.message}`);
    return { code: EXIT.findings, times: {}, maxRssKb: 0 };
  });
  await new Promise<void>((resolve) => (process.send ? process.send(result, () => resolve()) : resolve()));
  process.exit(result.code);
} else if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await run(main);
}
