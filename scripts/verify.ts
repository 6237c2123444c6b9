/**
 * Answers "is this account official?" for a pasted link, share text, ID or name, from the same
 * verify index and verdict code as the site's verify page.
 * Run: npm run verify -- [--content DIR] [--json] [--today YYYY-MM-DD] "<输入>"
 *      npm run verify -- [--content DIR] [--today YYYY-MM-DD] --batch FILE|-   (JSON lines)
 *
 * Start-up is most of a single answer's cost, so this script runs under Node's own type stripping
 * (no tsx; `npm run verify` preloads scripts/lib/compile-cache.mjs so even this file comes from
 * Node's compile cache), imports the loader only when it must, and keeps the built verify index in
 * node_modules/.cache/verify-index/, keyed by a hash of every registry file, the presets, the
 * code that builds the index, the day and the report settings: any change builds afresh.
 */
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rename, rm, stat, writeFile } from 'node:fs/promises';
import { enableCompileCache } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { VerifyIndex } from '../src/domain/verify/verify-index.ts';
import type { VerifyResult } from '../src/domain/verify/verdict.ts';

const USAGE = `用法：npm run verify -- [--content 文件夹] [--json] [--today YYYY-MM-DD] "<链接、分享文字、账号ID或名称>"
      npm run verify -- [--content 文件夹] [--today YYYY-MM-DD] --batch 文件|-
  --content   登记数据文件夹（默认 content）
  --json      以 JSON 输出：{"input","verdict","platform","keys","account","similar","advice"}
  --batch     逐行核验文件中的输入（- 表示标准输入），每行输出一个 JSON 对象（字段同 --json）；空行跳过
  --today     按该日期判断账号状态（默认北京时间今天）
核验结果（verdict）：official 官方账号；dormant 停更未注销；same-name 同名，请核对账号ID；suspended 暂停运行；pending 尚未开通；
  closed 已停办；impostor 已确认冒用；risky 疑似仿冒；unregistered 未找到；unresolvable 链接无法离线解析；ambiguous 多个可能
退出码：0 已给出核验结果（无论结果如何）；2 用法或读写错误`;

const ROOT = fileURLToPath(new URL('..', import.meta.url));
// Node's compile cache keeps the type-stripped and compiled modules between runs (it halves a
// single answer's start-up); modules are imported below, after it is on.
enableCompileCache?.(path.join(ROOT, 'node_modules/.cache/node-compile'));
const { EXIT, REGISTRY_OPTIONS, UsageError, parseCli, resolveContentDir, resolveToday, run } = await import('./lib/cli.ts');
const CACHE_DIR = path.join(ROOT, 'node_modules/.cache/verify-index');
/** Code whose change changes the index: the core (projection, verify, schemas) and the loader. */
const CODE_DIRS = ['src/domain', 'src/registry', 'presets'];
const KEEP_CACHED = 6;

/** Every file under `dir` (sorted, relative), with its bytes fed to `hash`. */
async function hashTree(hash: ReturnType<typeof createHash>, dir: string): Promise<void> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const files = entries
    .filter((e) => e.isFile() || e.isSymbolicLink())
    .map((e) => path.join(e.parentPath, e.name))
    .sort();
  const bodies = await Promise.all(files.map((f) => readFile(f).catch(() => Buffer.from('\0unreadable'))));
  files.forEach((f, i) => {
    hash.update(`\0${path.relative(dir, f)}\0${bodies[i]!.length}\0`);
    hash.update(bodies[i]!);
  });
}

/** The cache key of an index: registry files, presets and index code, the day, the report settings. */
async function indexKey(root: string, today: string, reportRepo: string | null): Promise<string> {
  const h = createHash('sha256');
  h.update(`verify-index\0${process.version}\0${today}\0${reportRepo ?? ''}\0`);
  await hashTree(h, root);
  for (const d of CODE_DIRS) {
    h.update(`\0code:${d}\0`);
    await hashTree(h, path.join(ROOT, d));
  }
  // Library versions (OpenCC, pinyin-pro, yaml, zod) shape the index too.
  h.update(await readFile(path.join(ROOT, 'package-lock.json')).catch(() => Buffer.from('no lockfile')));
  return h.digest('hex').slice(0, 32);
}

/** The verify index of the registry on `today`: from the cache when nothing changed, else built (and cached). */
async function loadIndex(root: string, today: string): Promise<VerifyIndex> {
  const { reportRepoFromEnv } = await import('../src/registry/report-repo.ts');
  const reportRepo = reportRepoFromEnv();
  const key = await indexKey(root, today, reportRepo);
  const file = path.join(CACHE_DIR, `${key}.json`);
  try {
    return JSON.parse(await readFile(file, 'utf8')) as VerifyIndex;
  } catch {
    // Not cached (or unreadable): build below.
  }
  const [{ loadRegistry }, { verifyIndexFromRegistry }] = await Promise.all([import('../src/registry/load.ts'), import('../src/domain/verify/from-registry.ts')]);
  const { registry } = await loadRegistry(root, { today });
  const index = verifyIndexFromRegistry(registry, today, { reportRepo });
  if (!index) throw new UsageError('登记数据缺少可读的 policy.yaml，无法核验（请先运行 npm run validate）');
  await saveIndex(file, index).catch(() => undefined); // a read-only checkout still answers
  return index;
}

/** Writes the cache file atomically and keeps only the newest few. */
async function saveIndex(file: string, index: VerifyIndex): Promise<void> {
  await mkdir(CACHE_DIR, { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  await writeFile(tmp, JSON.stringify(index));
  await rename(tmp, file);
  const names = (await readdir(CACHE_DIR)).filter((n) => n.endsWith('.json'));
  if (names.length <= KEEP_CACHED) return;
  const dated = await Promise.all(names.map(async (n) => ({ n, t: (await stat(path.join(CACHE_DIR, n)).catch(() => null))?.mtimeMs ?? 0 })));
  dated.sort((a, b) => b.t - a.t);
  await Promise.all(dated.slice(KEEP_CACHED).map((d) => rm(path.join(CACHE_DIR, d.n), { force: true })));
}

/** The lines of the batch input (a file, or standard input for `-`), blank lines left out. */
async function batchInputs(from: string): Promise<string[]> {
  let text: string;
  if (from === '-') {
    const chunks: Buffer[] = [];
    for await (const c of process.stdin) chunks.push(c as Buffer);
    text = Buffer.concat(chunks).toString('utf8');
  } else {
    text = await readFile(path.resolve(from), 'utf8').catch((e: NodeJS.ErrnoException) => {
      throw new UsageError(`读不到批量输入文件 ${from}（${e.code ?? e.message}）`);
    });
  }
  return text
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/)
    .filter((l) => l.trim() !== '');
}

async function main(): Promise<number> {
  const { values, positionals } = parseCli(process.argv.slice(2), { ...REGISTRY_OPTIONS, batch: { type: 'string' } }, USAGE);
  const batch = values.batch;
  if (batch !== undefined) {
    if (positionals.length) throw new UsageError(`--batch 与单个输入不能同时使用\n\n${USAGE}`);
    if (!batch.trim()) throw new UsageError(`--batch 需要文件名，或 - 表示标准输入\n\n${USAGE}`);
  } else {
    if (positionals.length !== 1) throw new UsageError(`请给出一个要核验的输入（含空格时请加引号）\n\n${USAGE}`);
    if (!positionals[0]!.trim()) throw new UsageError(`输入为空\n\n${USAGE}`);
  }
  const root = await resolveContentDir(values.content);
  const today = resolveToday(values.today);
  const inputs = batch !== undefined ? await batchInputs(batch) : [positionals[0]!];
  const [index, { toVerifyJson, verifyInput }, { memorySource }] = await Promise.all([
    loadIndex(root, today),
    import('../src/domain/verify/verdict.ts'),
    import('../src/domain/verify/verify-index.ts'),
  ]);
  const source = memorySource(index);
  if (batch !== undefined) {
    const out: string[] = [];
    for (const input of inputs) out.push(JSON.stringify(toVerifyJson(await verifyInput(input, source))));
    if (out.length) process.stdout.write(`${out.join('\n')}\n`);
    return EXIT.ok;
  }
  const result = await verifyInput(inputs[0]!, source);
  if (values.json) console.log(JSON.stringify(toVerifyJson(result)));
  else await printResult(result, index.manifest.report);
  return EXIT.ok;
}

async function printResult(r: VerifyResult, report: { repo: string | null; email: string | null }): Promise<void> {
  const [{ ENTRY_STATUS_LABELS, VERDICT_LABELS, unitsText }, { findPlatform }, { reportFieldsFor, reportIssueUrl }] = await Promise.all([
    import('../src/domain/verify/verdict.ts'),
    import('../src/domain/platforms.ts'),
    import('../src/domain/verify/report.ts'),
  ]);
  const lines: string[] = [];
  lines.push(`核验结果：${VERDICT_LABELS[r.verdict]}（${r.verdict}）`);
  if (r.platform) lines.push(`平台：${findPlatform(r.platform)?.label ?? r.platform}`);
  if (r.keys.length) lines.push(`识别出的标识：${r.keys.slice(0, 6).join('，')}${r.keys.length > 6 ? ` 等 ${r.keys.length} 个` : ''}`);
  const e = r.entry;
  if (e && e.t === 'a') {
    lines.push(`账号：${e.name}（编号 ${e.id}，${e.platformLabel}）`);
    if (e.ids?.length) lines.push(`账号ID：${e.ids.join('，')}`);
    lines.push(`主办单位：${unitsText(e) || e.unit || ''}`);
    if (e.operator) lines.push(`运营：由${e.operator}运营（委托第三方运营）`);
    lines.push(`状态：${ENTRY_STATUS_LABELS[e.status]}${e.closed ? `（${e.closed} 停办）` : ''}${e.dormantSince ? `（自 ${e.dormantSince} 起停更）` : ''}`);
  } else if (e) {
    lines.push(`冒用账号：${e.name}（${e.platformLabel}，警示编号 ${e.id}）`);
  }
  if (r.similar.length) {
    lines.push(r.verdict === 'ambiguous' ? '候选账号：' : r.verdict === 'unregistered' ? '可对照的官方账号：' : '相关的官方账号：');
    for (const s of r.similar) lines.push(`  - ${s.name}（编号 ${s.id}）：${s.reason}`);
  }
  lines.push(`说明：${r.advice}`);
  if (r.verdict !== 'official') {
    const f = reportFieldsFor(r);
    if (report.repo) lines.push(`举报：${reportIssueUrl(report.repo, f)}`);
    if (report.email) lines.push(`举报邮箱：${report.email}${report.repo ? '（没有 GitHub 账号时使用）' : ''}`);
    else if (!report.repo) lines.push('举报：请联系学校新媒体归口管理部门');
  }
  console.log(lines.join('\n'));
}

await run(main);
