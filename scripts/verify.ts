/**
 * Answers "is this account official?" for a pasted link, share text, ID or name, from the same
 * verify index and verdict code as the site's verify page.
 * Run: npm run verify -- [--content DIR] [--json] [--today YYYY-MM-DD] "<输入>"
 */
import { loadRegistry } from '../src/registry/load.ts';
import { verifyIndexFromRegistry } from '../src/domain/verify/from-registry.ts';
import { reportFieldsFor, reportIssueUrl } from '../src/domain/verify/report.ts';
import { ENTRY_STATUS_LABELS, VERDICT_LABELS, toVerifyJson, verifyInput, type VerifyResult } from '../src/domain/verify/verdict.ts';
import { memorySource } from '../src/domain/verify/verify-index.ts';
import { findPlatform } from '../src/domain/platforms.ts';
import { EXIT, REGISTRY_OPTIONS, UsageError, parseCli, resolveContentDir, resolveToday, run } from './lib/cli.ts';
import { reportRepoFromEnv } from '../src/registry/report-repo.ts';

const USAGE = `用法：npm run verify -- [--content 文件夹] [--json] [--today YYYY-MM-DD] "<链接、分享文字、账号ID或名称>"
  --content   登记数据文件夹（默认 content）
  --json      以 JSON 输出：{"input","verdict","platform","keys","account","similar","advice"}
  --today     按该日期判断账号状态（默认北京时间今天）
退出码：0 已给出核验结果（无论结果如何）；2 用法或读写错误`;


async function main(): Promise<number> {
  const { values, positionals } = parseCli(
    process.argv.slice(2),
    {
      ...REGISTRY_OPTIONS,
    },
    USAGE,
  );
  if (positionals.length !== 1) throw new UsageError(`请给出一个要核验的输入（含空格时请加引号）\n\n${USAGE}`);
  const input = positionals[0]!;
  if (!input.trim()) throw new UsageError(`输入为空\n\n${USAGE}`);
  const root = await resolveContentDir(values.content);
  const today = resolveToday(values.today);
  const { registry } = await loadRegistry(root, { today });
  const index = verifyIndexFromRegistry(registry, today, { reportRepo: reportRepoFromEnv() });
  if (!index) throw new UsageError('登记数据缺少可读的 policy.yaml，无法核验（请先运行 npm run validate）');
  const result = await verifyInput(input, memorySource(index));
  if (values.json) console.log(JSON.stringify(toVerifyJson(result)));
  else printResult(result, index.manifest.report);
  return EXIT.ok;
}

function printResult(r: VerifyResult, report: { repo: string | null; email: string | null }): void {
  const lines: string[] = [];
  lines.push(`核验结果：${VERDICT_LABELS[r.verdict]}（${r.verdict}）`);
  if (r.platform) lines.push(`平台：${findPlatform(r.platform)?.label ?? r.platform}`);
  if (r.keys.length) lines.push(`识别出的标识：${r.keys.slice(0, 6).join('，')}${r.keys.length > 6 ? ` 等 ${r.keys.length} 个` : ''}`);
  const e = r.entry;
  if (e && e.t === 'a') {
    lines.push(`账号：${e.name}（编号 ${e.id}，${e.platformLabel}）`);
    lines.push(`主办单位：${e.unitName ?? e.unit ?? ''}`);
    lines.push(`状态：${ENTRY_STATUS_LABELS[e.status]}${e.closed ? `（${e.closed} 停办）` : ''}`);
  } else if (e) {
    lines.push(`冒用账号：${e.name}（${e.platformLabel}，警示编号 ${e.id}）`);
  }
  if (r.similar.length) {
    lines.push(r.verdict === 'ambiguous' ? '候选账号：' : '相关的官方账号：');
    for (const s of r.similar) lines.push(`  - ${s.name}（编号 ${s.id}）：${s.reason}`);
  }
  lines.push(`说明：${r.advice}`);
  if (r.verdict === 'risky' || r.verdict === 'unregistered') {
    const f = reportFieldsFor(r);
    if (report.repo) lines.push(`举报：${reportIssueUrl(report.repo, f)}`);
    if (report.email) lines.push(`举报邮箱：${report.email}${report.repo ? '（没有 GitHub 账号时使用）' : ''}`);
    else if (!report.repo) lines.push('举报：请联系学校新媒体归口管理部门');
  }
  console.log(lines.join('\n'));
}

await run(main);
