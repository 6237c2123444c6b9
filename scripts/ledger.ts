/**
 * Writes the internal ledger (台账) as an Excel workbook: accounts (every field, contacts included,
 * current state and reason, last review), units, work groups, reviews and open obligations.
 * PRIVATE: holds staff names, phones and emails; write it only where asked, never into dist/.
 * Run: npm run ledger -- [--content DIR] [--today YYYY-MM-DD] --out FILE.xlsx
 */
import { pathToFileURL } from 'node:url';
import { mkdir } from 'node:fs/promises';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { buildLedger, fittedWidths, type LedgerSheet } from '../src/domain/ledger.ts';
import { EXIT, UsageError, parseCli, run } from './lib/cli.ts';
import { assertPrivateOutput, loadOfficeRegistry } from './lib/private-output.ts';

const USAGE = `用法：npm run ledger -- [--content 文件夹] [--today YYYY-MM-DD] --out 台账.xlsx
  --content   登记数据文件夹（默认 content）
  --today     按该日期计算状态和待办事项（默认北京时间今天）
  --out       输出的 Excel 文件（.xlsx）。台账含联系人电话和邮箱，仅供内部使用，请勿公开
退出码：0 已写出；1 管理办法配置文件有错误；2 用法或读写错误`;

/** Writes `sheets` to `file` with exceljs: frozen header, filters, real dates, fitted widths. */
export async function writeWorkbook(sheets: LedgerSheet[], file: string, title: string): Promise<void> {
  const wb = new ExcelJS.Workbook();
  wb.creator = '校园新媒体备案登记系统';
  wb.title = title;
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name, { views: [{ state: 'frozen', xSplit: 0, ySplit: 1 }] });
    const widths = fittedWidths(s);
    ws.columns = s.columns.map((c, i) => ({ header: c.header, width: widths[i], style: c.type === 'date' ? { numFmt: 'yyyy-mm-dd' } : {} }));
    ws.getRow(1).font = { bold: true };
    for (const row of s.rows)
      ws.addRow(row.map((v, i) => (v !== null && s.columns[i]!.type === 'date' && typeof v === 'string' ? new Date(`${v}T00:00:00Z`) : v)));
    // Multi-line cells (变更记录) wrap.
    s.columns.forEach((c, i) => {
      if (s.rows.some((r) => typeof r[i] === 'string' && (r[i] as string).includes('\n'))) ws.getColumn(i + 1).alignment = { wrapText: true, vertical: 'top' };
    });
    ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: Math.max(1, s.rows.length + 1), column: s.columns.length } };
  }
  await mkdir(path.dirname(path.resolve(file)), { recursive: true });
  await wb.xlsx.writeFile(file);
}

async function main(): Promise<number> {
  const { values } = parseCli(process.argv.slice(2), { content: { type: 'string' }, today: { type: 'string' }, out: { type: 'string' } }, USAGE);
  if (!values.out) throw new UsageError(`请用 --out 指定输出文件\n\n${USAGE}`);
  if (!values.out.endsWith('.xlsx')) throw new UsageError('--out 应为 .xlsx 文件');
  const out = path.resolve(values.out);
  assertPrivateOutput(out);
  const loaded = await loadOfficeRegistry(values.content, values.today, { task: '生成台账', leftOut: '未写入台账' });
  if (!loaded) return EXIT.findings;
  const { registry, policy, today } = loaded;
  const sheets = buildLedger(registry, policy, today);
  await writeWorkbook(sheets, out, `${policy.school.name}新媒体台账`);
  console.log(`已写出台账 ${path.relative(process.cwd(), out) || out}（截至 ${today}）：${sheets.map((s) => `${s.name} ${s.rows.length} 行`).join('，')}。`);
  console.log('台账含联系人姓名、电话和邮箱，仅供内部使用，请勿上传到公开位置。');
  return EXIT.ok;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await run(main);
