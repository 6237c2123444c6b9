/**
 * Benchmarks validation on synthetic registries of 1,000 and 10,000 accounts: full validation time
 * and peak memory, and the time to validate one changed file against the 10,000 (warm cache).
 * Run: npm run bench:validate   (results also written to bench-results/validate.json)
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRegistry } from '../src/registry/load.ts';
import { writeSyntheticRegistry } from './lib/synth.ts';

const TODAY = '2026-11-21';
const here = fileURLToPath(import.meta.url);

/** Child mode: measure one thing in a fresh process and print JSON. */
async function measure(mode: string, dir: string): Promise<void> {
  process.env = { ...process.env };
  if (mode === 'full') {
    const t = performance.now();
    const { findings, files, timings } = await loadRegistry(dir, { today: TODAY });
    const ms = performance.now() - t;
    const errors = findings.filter((f) => f.severity === 'error').length;
    console.log(JSON.stringify({ ms, files: files.length, errors, peakMB: process.resourceUsage().maxRSS / 1024, phases: timings }));
    return;
  }
  // one: warm the cache as a first `validate FILE` run does, change that file, validate it again.
  const rel = 'accounts/unit-5/acct-5.mdx';
  await loadRegistry(dir, { today: TODAY, cache: true, only: new Set([rel]) });
  const file = path.join(dir, rel);
  await writeFile(file, (await readFile(file, 'utf8')).replace('服务师生。', '服务全校师生。'));
  const t = performance.now();
  const { findings, timings } = await loadRegistry(dir, { today: TODAY, cache: true, only: new Set([rel]) });
  const mine = findings.filter((f) => f.file === rel);
  const ms = performance.now() - t;
  console.log(JSON.stringify({ ms, findings: mine.length, peakMB: process.resourceUsage().maxRSS / 1024, phases: timings }));
}

/** The Node flags of `npm run validate` (package.json), so the benchmark measures that command. */
const NODE_FLAGS = ['--max-semi-space-size=64', '--import', 'tsx'];

interface Measured {
  ms: number;
  peakMB: number;
  errors?: number;
  phases: Record<string, number>;
}

/** `list 12 · parse 2300 · …`: where the time went. */
function phases(m: Measured): string {
  return Object.entries(m.phases).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(' · ');
}

function child(mode: string, dir: string): Measured {
  const out = execFileSync(process.execPath, [...NODE_FLAGS, here, '--measure', mode, dir], { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').pop()!) as Measured;
}

async function main(): Promise<void> {
  const base = await mkdtemp(path.join(tmpdir(), 'bench-validate-'));
  const results: Record<string, unknown> = {};
  try {
    for (const n of [1000, 10000]) {
      const dir = path.join(base, String(n));
      await writeSyntheticRegistry(dir, { accounts: n });
      const runs = [child('full', dir), child('full', dir), child('full', dir)];
      const best = runs.reduce((a, b) => (a.ms <= b.ms ? a : b));
      results[`full-${n}`] = best;
      console.log(`${n} 个账号：完整检查 ${(best.ms / 1000).toFixed(2)} 秒（三次取最好），峰值内存 ${best.peakMB.toFixed(0)} MB，错误 ${best.errors}\n  各阶段毫秒：${phases(best)}`);
      if (n === 10000) {
        const one = child('one', dir);
        results['one-of-10000'] = one;
        const t = performance.now();
        execFileSync(process.execPath, [...NODE_FLAGS, path.join(path.dirname(here), 'validate.ts'), '--content', dir, 'accounts/unit-5/acct-5.mdx'], { encoding: 'utf8' });
        results['one-of-10000-cli-wall-ms'] = performance.now() - t;
        console.log(`在 10000 个账号中检查 1 个改动的文件：${one.ms.toFixed(0)} 毫秒（缓存已热）；命令行整体耗时 ${(performance.now() - t).toFixed(0)} 毫秒（含启动）\n  各阶段毫秒：${phases(one)}`);
      }
    }
    const out = path.join(path.dirname(here), '..', 'bench-results');
    await mkdir(out, { recursive: true });
    await writeFile(path.join(out, 'validate.json'), JSON.stringify({ date: new Date().toISOString(), results }, null, 2));
    console.log('目标：10000 个账号 ≤ 3 秒；改动 1 个文件 ≤ 0.5 秒。结果已写入 bench-results/validate.json');
  } finally {
    await rm(base, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--measure') await measure(process.argv[3]!, process.argv[4]!);
else await main();
