/**
 * Validates a registry folder: every file strictly parsed, every rule across files checked.
 * Run: npm run validate -- [--content DIR] [--json] [--today YYYY-MM-DD] [FILE…]
 */
import { lstat, realpath } from 'node:fs/promises';
import path from 'node:path';
import type { Finding } from '../src/domain/index.ts';
import { loadRegistry } from '../src/registry/load.ts';
import { EXIT, REGISTRY_OPTIONS, UsageError, escapeAnnotation, parseCli, resolveContentDir, resolveToday, run } from './lib/cli.ts';

const USAGE = `用法：npm run validate -- [--content 文件夹] [--json] [--today YYYY-MM-DD] [--no-cache] [文件…]
  --content   登记数据文件夹（默认 content）
  --json      以 JSON 输出：{"ok","errors":[…],"warnings":[…]}
  --today     按该日期检查（默认北京时间今天）；PR 检查时传入 PR 日期，逾期报备会以警告列出
  --no-cache  不使用上次检查的缓存
  文件…       只报告这些文件的问题（仍结合整个登记库检查）
退出码：0 无错误；1 有错误；2 用法或读写错误`;

async function main(): Promise<number> {
  const { values, positionals } = parseCli(
    process.argv.slice(2),
    {
      ...REGISTRY_OPTIONS,
      'no-cache': { type: 'boolean', default: false },
    },
    USAGE,
  );
  const root = await resolveContentDir(values.content);
  const today = resolveToday(values.today);
  const only = await resolveFiles(root, positionals);
  // PR time: late filings are warnings with the days late; in the listed files, filings without
  // their own report date (a history entry without `reported`) count as made today.
  const { findings, files } = await loadRegistry(root, { today, cache: only !== undefined && !values['no-cache'], prDate: today, prFiles: only, only });
  const shown = only ? findings.filter((f) => only.has(f.file)) : findings;
  const errors = shown.filter((f) => f.severity === 'error');
  const warnings = shown.filter((f) => f.severity === 'warning');

  if (process.env.GITHUB_ACTIONS === 'true') printAnnotations(root, shown);
  if (values.json) {
    const strip = ({ file, line, column, field, code, message }: Finding) => ({ file, line, column, field, code, message });
    console.log(JSON.stringify({ ok: errors.length === 0, errors: errors.map(strip), warnings: warnings.map(strip) }, null, 2));
  } else {
    printReport(shown, only ? only.size : files.length, errors.length, warnings.length);
  }
  return errors.length > 0 ? EXIT.findings : EXIT.ok;
}

/** The FILE arguments as paths relative to the content folder; undefined when none were given. */
async function resolveFiles(root: string, args: string[]): Promise<Set<string> | undefined> {
  if (args.length === 0) return undefined;
  const realRoot = await realpath(root);
  const out = new Set<string>();
  for (const arg of args) {
    const candidates = [path.resolve(arg), path.resolve(root, arg)];
    let found: string | undefined;
    for (const c of candidates) {
      // The folder is resolved, the file itself is not followed: a FILE that is a symlink is
      // reported as that symlink (file/symlink), never as whatever it points to.
      const dir = await realpath(path.dirname(c)).catch(() => undefined);
      const real = dir && (await lstat(path.join(dir, path.basename(c))).then(() => path.join(dir, path.basename(c)), () => undefined));
      if (real) {
        found = real;
        break;
      }
    }
    if (!found) throw new UsageError(`找不到文件：${arg}`);
    const rel = path.relative(realRoot, found);
    if (rel.startsWith('..') || path.isAbsolute(rel)) throw new UsageError(`文件不在登记数据文件夹内：${arg}`);
    out.add(rel.split(path.sep).join('/'));
  }
  return out;
}

function printReport(findings: Finding[], fileCount: number, errors: number, warnings: number): void {
  let last = '';
  for (const f of findings) {
    if (f.file !== last) {
      console.log(`\n${f.file}`);
      last = f.file;
    }
    const tag = f.severity === 'error' ? '错误' : '警告';
    console.log(`  ${f.line}:${f.column}  ${tag}  ${f.message}${f.field ? `（${f.field}）` : ''}  [${f.code}]`);
  }
  console.log(`\n检查了 ${fileCount} 个文件：${errors} 个错误，${warnings} 个警告。${errors === 0 ? '全部通过。' : ''}`);
}

function printAnnotations(root: string, findings: Finding[]): void {
  const base = path.relative(process.cwd(), root).split(path.sep).join('/');
  for (const f of findings) {
    const file = base ? `${base}/${f.file}` : f.file;
    const props = `file=${escapeAnnotation(file, true)},line=${f.line},col=${f.column},title=${escapeAnnotation(f.code, true)}`;
    console.log(`::${f.severity === 'error' ? 'error' : 'warning'} ${props}::${escapeAnnotation(`${f.message}${f.field ? `（${f.field}）` : ''}`)}`);
  }
}

await run(main);
