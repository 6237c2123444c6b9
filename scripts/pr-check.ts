/**
 * Checks a pull request's filings with this (base) checkout's code: validates the PR's content folder, applies the PR rules (owner, approval fields, no deletion), flags late reports, writes a report without private data.
 * Run: npx tsx scripts/pr-check.ts --content ../pr/content --base-content content [--author LOGIN] [--report pr-report.json] [--today YYYY-MM-DD]
 */
import { lstat, mkdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import type { Finding } from '../src/domain/index.ts';
import { findLateFilings } from '../src/domain/obligations.ts';
import { frontmatterValue } from '../src/domain/approval.ts';
import { beijingDate } from '../src/domain/dates.ts';
import { checkPrRules, describeChanges, PrReportSchema, type PrReport } from '../src/domain/pr-report.ts';
import { loadRegistry } from '../src/registry/load.ts';
import { diffContentDirs } from './lib/content-diff.ts';
import { EXIT, escapeAnnotation, parseCli, resolveContentDir, resolveToday, run } from './lib/cli.ts';

const USAGE = `用法：npx tsx scripts/pr-check.ts --content PR的content文件夹 --base-content 基准分支的content文件夹 [--author GitHub用户名] [--report 报告文件] [--today YYYY-MM-DD]
  --author            PR 提交人（不填则不检查单位归属，例如合并队列）
  --trusted-authors   可代为提交的自动化账号，逗号分隔（默认 github-actions[bot]）
  --office-members    归口管理部门成员的 GitHub 用户名，逗号分隔（默认取环境变量 OFFICE_MEMBERS）
  --head-sha          PR 最新提交，写入报告
  --pr-date           合并请求的提交日期（YYYY-MM-DD 或 ISO 时间，按北京时间取日期；默认今天）：
                      报备日期 reported、申请时间 dates.applied 不得早于此日期
退出码：0 通过；1 有问题；2 用法错误`;

const MAX = 200;

async function main(): Promise<number> {
  const { values } = parseCli(
    process.argv.slice(2),
    {
      content: { type: 'string' },
      'base-content': { type: 'string' },
      author: { type: 'string' },
      'trusted-authors': { type: 'string', default: 'github-actions[bot]' },
      'office-members': { type: 'string', default: process.env.OFFICE_MEMBERS ?? '' },
      'head-sha': { type: 'string' },
      'pr-date': { type: 'string' },
      report: { type: 'string' },
      today: { type: 'string' },
    },
    USAGE,
  );
  const headDir = await resolveContentDir(values.content);
  const baseDir = await resolveContentDir(values['base-content']);
  const today = resolveToday(values.today);
  const [head, base, changes] = await Promise.all([loadRegistry(headDir, { today }), loadRegistry(baseDir, { today }), diffContentDirs(baseDir, headDir)]);

  // Findings the PR is answerable for: those in files it changes, plus new ones anywhere else.
  const changed = new Set(changes.map((c) => c.path));
  const key = (f: Finding) => `${f.file}\u0000${f.code}\u0000${f.field}`;
  const before = new Set(base.findings.map(key));
  const mine = head.findings.filter((f) => changed.has(f.file) || !before.has(key(f)));
  // The report has a strict shape (the bot distrusts it): clip and clean what goes in.
  const clip = (t: string, n: number) => t.replace(/[\r\n`|<>\u0000-\u001f]/g, ' ').slice(0, n);
  const strip = ({ file, line, column, field, code, message }: Finding) => ({ file: clip(file, 300) || '?', line, column, field: clip(field, 500), code: /^[a-z0-9/-]{1,60}$/.test(code) ? code : 'field/invalid', message: message.slice(0, 500) });
  const errors = mine.filter((f) => f.severity === 'error');
  const warnings = mine.filter((f) => f.severity === 'warning');

  const trusted = values['trusted-authors']!.split(',').map((s) => s.trim().toLowerCase()).filter(Boolean);
  const officeMembers = values['office-members']!.split(',').map((s) => s.trim().replace(/^@/, '').toLowerCase()).filter(Boolean);
  const author = values.author
    ? { login: values.author, trusted: trusted.includes(values.author.toLowerCase()), office: officeMembers.includes(values.author.toLowerCase()) }
    : { login: '', trusted: true };
  const raw = { base: await approvalsOf(baseDir, changes), head: await approvalsOf(headDir, changes) };
  const prDateRaw = values['pr-date'];
  const prDate = prDateRaw && /^\d{4}-\d{2}-\d{2}T/.test(prDateRaw) && !Number.isNaN(Date.parse(prDateRaw)) ? beijingDate(new Date(prDateRaw)) : prDateRaw && /^\d{4}-\d{2}-\d{2}$/.test(prDateRaw) ? prDateRaw : today;
  const rules = checkPrRules(changes, base.registry, head.registry, author, { base: (p) => raw.base.get(p), head: (p) => raw.head.get(p) }, prDate);
  // Late reports, judged by the same deadline function as the daily job, as of the PR's date.
  const policy = head.registry.policy?.data ?? base.registry.policy?.data;
  const late = policy
    ? findLateFilings(head.registry, policy, today, { prDate: today, prFiles: changed, prBase: base.registry })
        .filter((f) => changed.has(f.file))
        .map((f) => ({ file: clip(f.file, 300), code: f.code, message: f.message.slice(0, 500) }))
    : [];

  const report: PrReport = PrReportSchema.parse({
    version: 1,
    ok: errors.length === 0 && rules.violations.length === 0,
    ...(values['head-sha'] && /^[0-9a-f]{40}$/.test(values['head-sha']) ? { headSha: values['head-sha'] } : {}),
    errors: errors.slice(0, MAX).map(strip),
    warnings: [...rules.notices, ...warnings.map(strip)].slice(0, MAX),
    truncated: Math.max(0, errors.length - MAX) + Math.max(0, warnings.length + rules.notices.length - MAX),
    changes: describeChanges(changes, base.registry, head.registry).slice(0, MAX),
    violations: rules.violations.slice(0, MAX),
    late: late.slice(0, MAX),
  });
  if (values.report) {
    await mkdir(path.dirname(path.resolve(values.report)), { recursive: true });
    await writeFile(values.report, `${JSON.stringify(report, null, 2)}\n`);
  }

  const problems = [...report.violations, ...report.errors];
  if (process.env.GITHUB_ACTIONS === 'true')
    for (const p of problems)
      console.log(`::error file=${escapeAnnotation(`content/${p.file}`, true)},line=${p.line},col=${p.column},title=${escapeAnnotation(p.code, true)}::${escapeAnnotation(p.message)}`);
  console.log(`本次修改 ${changes.length} 个文件：${report.errors.length} 个错误，${report.violations.length} 个不符合提交规则，${report.warnings.length} 条提示，${report.late.length} 项逾期报备。`);
  for (const p of problems) console.log(`  ${p.file}:${p.line}  ${p.message}${p.field ? `（${p.field}）` : ''}  [${p.code}]`);
  for (const l of report.late) console.log(`  逾期：${l.file}  ${l.message}`);
  return report.ok ? EXIT.ok : EXIT.findings;
}

/**
 * The `approval` field of each changed account file, read with the same strict reader as the
 * loader (own keys only: a `__proto__` key cannot supply an inherited one). A file that does not
 * parse has no usable approval here; the validator reports it and the PR fails on that error.
 */
async function approvalsOf(dir: string, changes: { path: string }[]): Promise<Map<string, unknown>> {
  const out = new Map<string, unknown>();
  for (const c of changes) {
    if (!c.path.startsWith('accounts/')) continue;
    // Regular files only, never followed: a symlink to /dev/zero would never finish reading.
    const file = path.join(dir, c.path);
    const st = await lstat(file).catch(() => undefined);
    if (!st?.isFile() || st.size > 1024 * 1024) continue;
    const text = await readFile(file, 'utf8').catch(() => undefined);
    const data = text === undefined ? undefined : frontmatterValue(text);
    if (data && Object.hasOwn(data, 'approval')) out.set(c.path, data.approval);
  }
  return out;
}

await run(main);
