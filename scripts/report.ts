/**
 * The office dashboard: a private static report (index.html, with hand-made SVG charts, printable)
 * of overdue obligations by unit, pending applications, the annual-review campaign, accounts per
 * unit × platform and per tier, and changes over time. Uploaded as a workflow artifact, never
 * deployed; refuses to write into the public site's folders.
 * Run: npm run report -- [--content DIR] [--today YYYY-MM-DD] --out DIR
 */
import { pathToFileURL } from 'node:url';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { renderReport, reportData } from '../src/domain/report.ts';
import { EXIT, UsageError, parseCli, run } from './lib/cli.ts';
import { assertPrivateOutput, loadOfficeRegistry } from './lib/private-output.ts';

const USAGE = `用法：npm run report -- [--content 文件夹] [--today YYYY-MM-DD] --out 文件夹
  --content   登记数据文件夹（默认 content）
  --today     按该日期统计（默认北京时间今天）
  --out       输出文件夹（写入 index.html 和 report.json）。报告为内部资料，请勿部署到公开网站
退出码：0 已写出；1 管理办法配置文件有错误；2 用法或读写错误`;

async function main(): Promise<number> {
  const { values } = parseCli(process.argv.slice(2), { content: { type: 'string' }, today: { type: 'string' }, out: { type: 'string' } }, USAGE);
  if (!values.out) throw new UsageError(`请用 --out 指定输出文件夹\n\n${USAGE}`);
  const out = path.resolve(values.out);
  assertPrivateOutput(out);
  const loaded = await loadOfficeRegistry(values.content, values.today, { task: '生成报告', leftOut: '未计入报告' });
  if (!loaded) return EXIT.findings;
  const { registry, today } = loaded;
  const data = reportData(registry, today);
  await mkdir(out, { recursive: true });
  await writeFile(path.join(out, 'index.html'), renderReport(data));
  await writeFile(path.join(out, 'report.json'), `${JSON.stringify(data, null, 2)}\n`);
  const overdue = data.overdueByUnit.reduce((n, u) => n + u.overdue, 0);
  console.log(`已写出报告 ${path.join(path.relative(process.cwd(), out) || '.', 'index.html')}（截至 ${today}）：逾期事项 ${overdue} 项（${data.overdueByUnit.length} 个单位），待处理申请 ${data.pending.length} 个${data.campaign ? `，${data.campaign.year} 年度年审${data.campaign.phase}` : ''}。`);
  return EXIT.ok;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await run(main);
