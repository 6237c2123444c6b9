/**
 * Benchmarks the verify command's start-up on the demo registry, as users run it: `--help`, one
 * answer with a cold index cache (first run after a change), one answer with a warm cache, and
 * `--batch` with 1,000 inputs, each run as `npm run verify` runs it (node with the compile-cache preload). Each figure is the median of several fresh processes. Targets
 * (issue 12): one answer ≤ 0.5 s, `--help` ≤ 0.3 s, 1,000 batch inputs < 1 s.
 * Run: npm run bench:verify   (results also written to bench-results/verify.json)
 */
import { spawnSync } from 'node:child_process';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const NODE = process.execPath;
const RUNS = 5;

function timeRun(args: string[], input?: string): number {
  const t = performance.now();
  const r = spawnSync(NODE, ['--import', './scripts/lib/compile-cache.mjs', 'scripts/verify.ts', ...args], { cwd: ROOT, encoding: 'utf8', input, maxBuffer: 1 << 28 });
  const ms = performance.now() - t;
  if (r.status !== 0) throw new Error(`verify ${args.join(' ')} 退出码 ${r.status}：${r.stderr}`);
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;

async function main(): Promise<void> {
  const cache = path.join(ROOT, 'node_modules/.cache/verify-index');
  const help = median(Array.from({ length: RUNS }, () => timeRun(['--help'])));
  const cold: number[] = [];
  for (let i = 0; i < 3; i++) {
    await rm(cache, { recursive: true, force: true });
    cold.push(timeRun(['--json', 'qclgqn']));
  }
  const warm = median(Array.from({ length: RUNS }, () => timeRun(['--json', 'qclgqn'])));
  const base = ['gh_3a1b2c3d4e5f', 'qclgqn', '青川理工學院', 'https://weibo.com/u/5555555555', '北京大学图书馆', 'https://v.douyin.com/iRNBho6u/'];
  const lines = Array.from({ length: 1000 }, (_, i) => base[i % base.length]!).join('\n');
  const batch = median(Array.from({ length: 3 }, () => timeRun(['--batch', '-'], lines)));
  const result = { helpMs: Math.round(help), coldMs: Math.round(median(cold)), warmMs: Math.round(warm), batch1000Ms: Math.round(batch) };
  console.log('verify 启动耗时（演示数据，中位数）：');
  console.log(`  --help                      ${result.helpMs} ms（目标 ≤ 300 ms）`);
  console.log(`  单次核验，首次（建索引）    ${result.coldMs} ms`);
  console.log(`  单次核验，索引已缓存        ${result.warmMs} ms（目标 ≤ 500 ms）`);
  console.log(`  --batch 1,000 条            ${result.batch1000Ms} ms（目标 < 1,000 ms）`);
  await mkdir(path.join(ROOT, 'bench-results'), { recursive: true });
  await writeFile(path.join(ROOT, 'bench-results/verify.json'), `${JSON.stringify(result, null, 2)}\n`);
}

await main();
