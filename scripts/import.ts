/**
 * Imports a school's existing ledger (台账, .xlsx or .csv) into filings. Columns are matched by their
 * Chinese headers (or a mapping file), dates and phones are normalised, platforms recognised from
 * names and links. Every bad row is reported by sheet, row and column; nothing is written unless
 * the whole result passes the real validator (run on a temporary copy of the registry); an
 * existing filing is never overwritten unless --overwrite is given, and then each one is listed.
 * Run: npm run import -- [--content DIR] FILE.xlsx|FILE.csv [--map 对照.yaml] [--dry-run] [--overwrite] [--json]
 */
import { cp, mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { parse as parseYaml } from 'yaml';
import { columnForField, importLedger, knownFieldKeys, type ImportProblem, type InputSheet, type PlannedFiling } from '../src/domain/ledger-import.ts';
import type { Cell } from '../src/domain/ledger.ts';
import { loadRegistry } from '../src/registry/load.ts';
import { EXIT, REGISTRY_OPTIONS, UsageError, parseCli, resolveContentDir, resolveToday, run } from './lib/cli.ts';

const USAGE = `用法：npm run import -- [--content 文件夹] 台账.xlsx|台账.csv [--map 表头对照.yaml] [--dry-run] [--overwrite] [--json] [--today YYYY-MM-DD]
  --content    登记数据文件夹（默认 content）
  --map        表头对照文件（YAML：表头: 字段，如 "联系人手机: contacts.head.mobile"）
  --dry-run    只列出将要写入的文件，不写入
  --overwrite  允许覆盖已有的同编号备案文件（逐个列出）；不加时已有文件不会被改动
  --json       以 JSON 输出：{"ok","written","unchanged","problems":[{"sheet","row","column","message"}],"skipped"}
退出码：0 已导入（或试运行通过）；1 有不能导入的行（未写入任何文件）；2 用法或读写错误`;

/** A cell of an exceljs sheet as a plain value (merged cells read their master's value). */
function plainCell(cell: ExcelJS.Cell): Cell {
  let v: unknown = cell.isMerged ? cell.master.value : cell.value;
  if (v && typeof v === 'object' && 'formula' in (v as object)) v = (v as { result?: unknown }).result;
  if (v && typeof v === 'object' && 'sharedFormula' in (v as object)) v = (v as { result?: unknown }).result;
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (v && typeof v === 'object' && 'richText' in (v as object)) return (v as { richText: Array<{ text: string }> }).richText.map((t) => t.text).join('');
  if (v && typeof v === 'object' && 'hyperlink' in (v as object)) {
    const h = v as { text?: unknown; hyperlink: string };
    const text = typeof h.text === 'string' ? h.text : '';
    return /^https?:\/\//.test(text) || !text ? h.hyperlink : text;
  }
  if (v && typeof v === 'object' && 'error' in (v as object)) return null;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number' || typeof v === 'string') return v;
  return null;
}

/** Reads every worksheet of an xlsx file. */
async function readXlsx(file: string): Promise<InputSheet[]> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(file);
  return wb.worksheets.map((ws) => {
    const rows: Cell[][] = [];
    for (let r = 1; r <= ws.rowCount; r++) {
      const row: Cell[] = [];
      for (let c = 1; c <= ws.columnCount; c++) row.push(plainCell(ws.getCell(r, c)));
      rows.push(row);
    }
    return { name: ws.name, rows };
  });
}

/** Reads a CSV file (UTF-8 with or without BOM, or GBK as zh-CN Excel saves it); quoted cells may span lines. */
async function readCsv(file: string): Promise<{ sheet: InputSheet; note?: string }> {
  const buf = await readFile(file);
  let text: string;
  let note: string | undefined;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(buf);
  } catch {
    text = new TextDecoder('gbk').decode(buf);
    note = `${path.basename(file)} 是 GBK 编码（Excel“CSV（逗号分隔）”格式），已按 GBK 读取`;
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const rows: Cell[][] = [];
  let row: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cur += '"'), i++;
      else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"' && cur === '') quoted = true;
    else if (c === ',') row.push(cur), (cur = '');
    else if (c === '\r' || c === '\n') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(cur), rows.push(row), (row = []), (cur = '');
    } else cur += c;
  }
  if (cur !== '' || row.length) row.push(cur), rows.push(row);
  return { sheet: { name: path.basename(file), rows }, note };
}

interface Report {
  ok: boolean;
  dryRun: boolean;
  written: Array<{ file: string; sheet: string; row: number; overwritten: boolean }>;
  unchanged: Array<{ file: string; sheet: string; row: number }>;
  problems: ImportProblem[];
  skipped: Array<{ sheet: string; reason: string }>;
}

async function main(): Promise<number> {
  const { values, positionals } = parseCli(
    process.argv.slice(2),
    { ...REGISTRY_OPTIONS, map: { type: 'string' }, 'dry-run': { type: 'boolean', default: false }, overwrite: { type: 'boolean', default: false } },
    USAGE,
  );
  if (positionals.length !== 1) throw new UsageError(`请给出一个台账文件（.xlsx 或 .csv）\n\n${USAGE}`);
  const file = path.resolve(positionals[0]!);
  const ext = path.extname(file).toLowerCase();
  if (ext !== '.xlsx' && ext !== '.csv') throw new UsageError(`只能导入 .xlsx 或 .csv 文件（旧版 .xls 请先在 Excel 中另存为 .xlsx）\n\n${USAGE}`);
  const root = await resolveContentDir(values.content);
  let mapping: Record<string, string> = {};
  if (values.map) {
    const m = parseYaml(await readFile(values.map, 'utf8')) as unknown;
    if (!m || typeof m !== 'object' || Object.values(m).some((v) => typeof v !== 'string')) throw new UsageError('表头对照文件应为“表头: 字段”的 YAML 映射');
    mapping = m as Record<string, string>;
    const known = new Set(knownFieldKeys());
    const bad = Object.entries(mapping).filter(([, k]) => !known.has(k));
    if (bad.length) throw new UsageError(`表头对照文件中有不认识的字段：${bad.map(([h, k]) => `${h} → ${k}`).join('；')}。可用的字段：${[...known].join('、')}`);
  }
  const notes: string[] = [];
  let sheets: InputSheet[];
  if (ext === '.csv') {
    const r = await readCsv(file);
    sheets = [r.sheet];
    if (r.note) notes.push(r.note);
  } else sheets = await readXlsx(file).catch((e: Error) => {
    throw new UsageError(`无法读取 ${path.basename(file)}：不是有效的 .xlsx 文件（${e.message.split('\n')[0]}）`);
  });

  const today = resolveToday(values.today);
  const { registry } = await loadRegistry(root, { today });
  if (!registry.policy) {
    console.error('无法导入：管理办法配置文件 policy.yaml 缺失或有错误，请先运行 npm run validate。');
    return EXIT.findings;
  }
  const existing = {
    accounts: new Map(registry.accounts.map((a) => [a.data.id, a.file])),
    groups: new Map(registry.groups.map((g) => [g.data.id, g.file])),
  };
  const planned = importLedger({ sheets, policy: registry.policy.data, units: registry.units.map((u) => u.data), existing, mapping });
  const report: Report = { ok: false, dryRun: values['dry-run'], written: [], unchanged: [], problems: [...planned.problems], skipped: planned.skipped };

  // Existing files: identical → unchanged; different → refused unless --overwrite.
  const toWrite: Array<PlannedFiling & { overwritten: boolean }> = [];
  for (const p of planned.filings) {
    const other = p.kind === 'account' ? existing.accounts.get(p.id) : existing.groups.get(p.id);
    const current = await readFile(path.join(root, p.file), 'utf8').catch(() => undefined);
    if (other && other !== p.file) {
      report.problems.push({ sheet: p.sheet, row: p.row, column: p.columns.id ?? '', message: `编号 ${p.id} 已被 ${other} 使用，请换一个编号` });
      continue;
    }
    if (current !== undefined) {
      if (await sameFiling(root, p, current)) {
        report.unchanged.push({ file: p.file, sheet: p.sheet, row: p.row });
        continue;
      }
      if (!values.overwrite) {
        report.problems.push({ sheet: p.sheet, row: p.row, column: p.columns.id ?? '', message: `已有备案文件 ${p.file} 且内容不同，未覆盖；确需以台账为准时加 --overwrite` });
        continue;
      }
    }
    toWrite.push({ ...p, overwritten: current !== undefined });
  }

  // The real validator on a temporary copy with the new files in place.
  if (report.problems.length === 0 && toWrite.length > 0) {
    const tmp = await mkdtemp(path.join(os.tmpdir(), 'registry-import-'));
    try {
      await cp(root, tmp, { recursive: true, filter: (s) => path.basename(s) !== '.git' });
      const before = await loadRegistry(root, { today });
      const known = new Set(before.findings.filter((f) => f.severity === 'error').map((f) => `${f.file}|${f.code}|${f.message}`));
      for (const p of toWrite) {
        await mkdir(path.dirname(path.join(tmp, p.file)), { recursive: true });
        await writeFile(path.join(tmp, p.file), p.text);
      }
      const after = await loadRegistry(tmp, { today });
      const byFile = new Map(toWrite.map((p) => [p.file, p]));
      for (const f of after.findings) {
        if (f.severity !== 'error' || known.has(`${f.file}|${f.code}|${f.message}`)) continue;
        const p = byFile.get(f.file);
        if (p) report.problems.push({ sheet: p.sheet, row: p.row, column: columnForField(p, f.field), message: f.message });
        else report.problems.push({ sheet: '', row: 0, column: '', message: `导入后 ${f.file} 出现错误：${f.message}` });
      }
    } finally {
      await rm(tmp, { recursive: true, force: true });
    }
  }

  report.problems.sort((a, b) => a.sheet.localeCompare(b.sheet) || a.row - b.row || a.column.localeCompare(b.column));
  report.ok = report.problems.length === 0;
  if (report.ok && !values['dry-run'])
    for (const p of toWrite) {
      await mkdir(path.dirname(path.join(root, p.file)), { recursive: true });
      await writeFile(path.join(root, p.file), p.text);
    }
  report.written = report.ok ? toWrite.map((p) => ({ file: p.file, sheet: p.sheet, row: p.row, overwritten: p.overwritten })) : [];

  if (values.json) console.log(JSON.stringify(report, null, 2));
  else {
    for (const n of notes) console.log(`提示：${n}`);
    for (const s of report.skipped) console.log(`跳过工作表“${s.sheet}”：${s.reason}`);
    if (!report.ok) {
      console.log(`有 ${report.problems.length} 处问题，未写入任何文件。请在台账中改正后重新导入：`);
      for (const p of report.problems) console.log(`  ${p.sheet ? `工作表“${p.sheet}” ` : ''}${p.row ? `第 ${p.row} 行` : ''}${p.column ? ` ${p.column} 列` : ''}：${p.message}`);
    } else {
      const verb = values['dry-run'] ? '将写入' : '已写入';
      for (const w of report.written) console.log(`${verb} ${w.file}${w.overwritten ? '（覆盖已有文件）' : ''}  ← 工作表“${w.sheet}”第 ${w.row} 行`);
      for (const u of report.unchanged) console.log(`未改动 ${u.file}（与台账一致）`);
      console.log(`${values['dry-run'] ? '试运行：' : ''}${verb} ${report.written.length} 个文件，${report.unchanged.length} 个已一致${values['dry-run'] ? '；未写入任何文件' : '；请运行 npm run validate 后提交合并请求'}。`);
    }
  }
  return report.ok ? EXIT.ok : EXIT.findings;
}

/** True when the planned filing parses to the same data as the file already there. */
async function sameFiling(root: string, p: PlannedFiling, current: string): Promise<boolean> {
  if (current === p.text) return true;
  const { parseFile } = await import('../src/domain/filing.ts');
  const a = parseFile(p.file, current);
  const b = parseFile(p.file, p.text);
  const data = (r: typeof a) => (r.parsed && 'data' in r.parsed.filing ? JSON.stringify(r.parsed.filing.data) : undefined);
  return data(a) !== undefined && data(a) === data(b);
}

await run(main);
