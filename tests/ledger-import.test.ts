/**
 * The ledger (台账) both ways: `ledger` writes an xlsx with every sheet, Chinese headers, a frozen
 * header row, filters, real dates and fitted widths; `import` reads it back into an empty registry
 * (same policy and units) and the result validates and equals the original filings; a messy
 * school ledger is reported row by row and nothing is written. Real CLIs, real exceljs files.
 */
import { cp, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { excelSerialToDate, normalizeMobile, normalizeOfficePhone, parseLooseDate, dateToExcelSerial } from '../src/domain/excel-values.ts';
import { platformFromName } from '../src/domain/ledger-import.ts';
import { loadRegistry } from '../src/registry/load.ts';
import { ROOT, runScript } from './helpers/registry.ts';

const TODAY = '2026-11-21';
let tmp: string;
let ledger: string;

/** A registry with the demo's policy, units and pages, and no accounts or groups. */
async function emptyRegistry(name: string): Promise<string> {
  const dir = path.join(tmp, name);
  await mkdir(dir, { recursive: true });
  for (const f of ['policy.yaml', 'units', 'pages']) await cp(path.join(ROOT, 'content', f), path.join(dir, f), { recursive: true });
  return dir;
}

async function write(name: string, text: string): Promise<string> {
  const file = path.join(tmp, name);
  await writeFile(file, text);
  return file;
}

async function listAll(dir: string): Promise<string[]> {
  const out: string[] = [];
  for (const e of await readdir(dir, { withFileTypes: true, recursive: true })) if (e.isFile()) out.push(path.relative(dir, path.join(e.parentPath, e.name)));
  return out.sort();
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'ledger-'));
  ledger = path.join(tmp, 'out', '台账.xlsx');
  const r = await runScript('ledger.ts', ['--today', TODAY, '--out', ledger]);
  expect(r.stderr).toBe('');
  expect(r.code).toBe(0);
}, 60_000);
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('npm run ledger', () => {
  test('writes the five sheets with Chinese headers, a frozen header row, filters and fitted widths', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(ledger);
    expect(wb.worksheets.map((w) => w.name)).toEqual(['账号', '单位', '工作群', '年审', '待办事项']);
    for (const ws of wb.worksheets) {
      expect(ws.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
      expect(ws.autoFilter).toBeTruthy();
      expect(/[\u4e00-\u9fff]/.test(String(ws.getCell(1, 1).value))).toBe(true);
    }
    const acc = wb.getWorksheet('账号')!;
    const headers = (acc.getRow(1).values as unknown[]).slice(1).map(String);
    for (const h of ['账号编号', '媒体名称', '审批号', '开通时间', '主要负责人手机', '管理员1姓名', '当前状态', '状态原因', '最近年审结果']) expect(headers).toContain(h);
    const { registry } = await loadRegistry(path.join(ROOT, 'content'), { today: TODAY });
    expect(acc.rowCount).toBe(registry.accounts.length + 1);
    // The widest column fits its longest value; the name column is at least its header.
    expect(acc.getColumn(headers.indexOf('功能定位') + 1).width).toBeGreaterThan(acc.getColumn(headers.indexOf('账号编号') + 1).width!);
  });

  test('dates are real Excel dates with a date format; contacts and derived states are there', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(ledger);
    const acc = wb.getWorksheet('账号')!;
    const headers = (acc.getRow(1).values as unknown[]).slice(1).map(String);
    const row = [...Array(acc.rowCount - 1).keys()].map((i) => acc.getRow(i + 2)).find((r) => r.getCell(1).value === 'jwc-mini')!;
    const opened = row.getCell(headers.indexOf('开通时间') + 1);
    expect(opened.value).toBeInstanceOf(Date);
    expect((opened.value as Date).toISOString().slice(0, 10)).toBe('2024-11-04');
    expect(opened.numFmt).toBe('yyyy-mm-dd');
    expect(row.getCell(headers.indexOf('主要负责人手机') + 1).value).toBe('13800005412');
    const gbt = [...Array(acc.rowCount - 1).keys()].map((i) => acc.getRow(i + 2)).find((r) => r.getCell(1).value === 'gbt-ximalaya')!;
    expect(gbt.getCell(headers.indexOf('当前状态') + 1).value).toBe('暂停运行');
    expect(String(gbt.getCell(headers.indexOf('状态原因') + 1).value)).toContain('2025 年度年审材料未按期提交');
    const todo = wb.getWorksheet('待办事项')!;
    expect(todo.rowCount).toBeGreaterThan(3);
  });

  test('refuses to write into dist/ (the public site)', async () => {
    const r = await runScript('ledger.ts', ['--out', path.join(ROOT, 'dist', 'ledger.xlsx')]);
    expect(r.code).toBe(2);
    expect(r.stderr).toContain('公开网站');
  });
});

describe('npm run import', () => {
  test('ledger → import into an empty registry validates and equals the original accounts and groups', async () => {
    const dir = await emptyRegistry('roundtrip');
    const dry = await runScript('import.ts', ['--content', dir, ledger, '--dry-run']);
    expect(dry.code, dry.stdout + dry.stderr).toBe(0);
    expect(dry.stdout).toContain('试运行');
    expect((await listAll(dir)).some((f) => f.startsWith('accounts'))).toBe(false);

    const r = await runScript('import.ts', ['--content', dir, ledger, '--json']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const report = JSON.parse(r.stdout) as { ok: boolean; written: unknown[] };
    expect(report.ok).toBe(true);
    const original = await loadRegistry(path.join(ROOT, 'content'), { today: TODAY });
    const filings = original.registry.accounts.length + original.registry.groups.length;
    expect(filings).toBeGreaterThan(80);
    expect(report.written).toHaveLength(filings);

    const imported = await loadRegistry(dir, { today: TODAY });
    expect(imported.findings.filter((f) => f.severity === 'error')).toEqual([]);
    const byId = <T extends { data: { id: string } }>(xs: T[]) => [...xs].sort((a, b) => a.data.id.localeCompare(b.data.id)).map((x) => x.data);
    expect(byId(imported.registry.accounts)).toEqual(byId(original.registry.accounts));
    expect(byId(imported.registry.groups)).toEqual(byId(original.registry.groups));
    expect(imported.registry.accounts.map((a) => a.file).sort()).toEqual(original.registry.accounts.map((a) => a.file).sort());

    // A second import changes nothing.
    const before = await readFile(path.join(dir, 'accounts/jwc/jwc-mini.mdx'), 'utf8');
    const again = await runScript('import.ts', ['--content', dir, ledger, '--json']);
    expect(again.code).toBe(0);
    const second = JSON.parse(again.stdout) as { written: unknown[]; unchanged: unknown[] };
    expect(second.written).toEqual([]);
    expect(second.unchanged).toHaveLength(filings);
    expect(await readFile(path.join(dir, 'accounts/jwc/jwc-mini.mdx'), 'utf8')).toBe(before);
  }, 120_000);

  test('an existing filing that differs is never overwritten silently', async () => {
    const dir = await emptyRegistry('existing');
    await mkdir(path.join(dir, 'accounts/jwc'), { recursive: true });
    const mine = (await readFile(path.join(ROOT, 'content/accounts/jwc/jwc-mini.mdx'), 'utf8')).replace("name: '青川理工教务'", "name: '青川理工教务服务'");
    await writeFile(path.join(dir, 'accounts/jwc/jwc-mini.mdx'), mine);
    const r = await runScript('import.ts', ['--content', dir, ledger]);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/工作表“账号” 第 \d+ 行 A 账号编号 列：已有备案文件 accounts\/jwc\/jwc-mini\.mdx 且内容不同，未覆盖/);
    expect(r.stdout).toContain('未写入任何文件');
    expect(await readFile(path.join(dir, 'accounts/jwc/jwc-mini.mdx'), 'utf8')).toBe(mine);
    expect((await listAll(dir)).filter((f) => f.startsWith('accounts'))).toEqual(['accounts/jwc/jwc-mini.mdx']);
  }, 120_000);

  test('a messy school ledger (title row, merged cells, blank rows, 2024.3.5, 2024年3月5日, spaced phones, unknown platform) is reported row by row and nothing is written', async () => {
    const dir = await emptyRegistry('messy');
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('2024年新媒体台账');
    ws.addRow(['青川理工学院新媒体平台登记台账（2024年）']);
    ws.mergeCells('A1:J1');
    ws.addRow(['序号', '所属单位', '账号名称', '平台', '链接地址', '开通日期', '负责人', '手机号码', '管理员', '管理员电话', '功能定位']);
    ws.addRow([1, '教务处', '青川教务速递', '微博', 'https://weibo.com/u/5678901234', '2024.3.5', '张立新', '138 0000 5412', '李华', '+86 139-0000-1234', '教务通知']);
    ws.addRow([2, null, '教务处抖音', '抖音', '', '2024年3月5日', '张立新', '13800005412', '王五', '13900001235', '教学短视频']);
    ws.mergeCells('B3:B4');
    ws.addRow([]);
    ws.addRow([3, '计算机科学与技术学院', '计科快讯', '快猫', '', '2024/3/5', '赵六', '13800001111', '钱七', '13800002222', '学院新闻']);
    ws.addRow([4, '计算机科学与技术学院', '计科视频', '视频号', '', '2024.2.30', '赵六', '1380000', '', '', '学院视频']);
    ws.addRow([5, '不存在学院', '某某号', '微信公众号', '', '2024-03-05', '孙八', '13800003333', '周九', '13800004444', '宣传']);
    const file = path.join(tmp, 'messy.xlsx');
    await wb.xlsx.writeFile(file);

    const r = await runScript('import.ts', ['--content', dir, file, '--json']);
    expect(r.code, r.stderr).toBe(1);
    const report = JSON.parse(r.stdout) as { ok: boolean; written: unknown[]; problems: Array<{ sheet: string; row: number; column: string; message: string }> };
    expect(report.ok).toBe(false);
    expect(report.written).toEqual([]);
    const at = (row: number) => report.problems.filter((p) => p.row === row).map((p) => `${p.column}：${p.message}`);
    // Rows 3 and 4 (the merged 所属单位, 2024.3.5, 2024年3月5日, spaced and +86 phones) are fine.
    expect(at(3)).toEqual([]);
    expect(at(4)).toEqual([]);
    expect(at(6).join('\n')).toMatch(/^D 平台：不认识的平台“快猫”/);
    expect(at(7).some((m) => m.startsWith('F 开通日期：日期无法识别或不是真实日期'))).toBe(true);
    expect(at(7).some((m) => m.startsWith('H 手机号码：手机号码应为 11 位数字'))).toBe(true);
    expect(at(7).some((m) => m.includes('缺少管理员'))).toBe(true);
    expect(at(8).some((m) => m.startsWith('B 所属单位：找不到单位“不存在学院”'))).toBe(true);
    expect(report.problems.every((p) => p.sheet === '2024年新媒体台账')).toBe(true);
    expect((await listAll(dir)).some((f) => f.startsWith('accounts'))).toBe(false);

    // The human-readable report names sheet, row and column.
    const text = await runScript('import.ts', ['--content', dir, file]);
    expect(text.stdout).toContain('工作表“2024年新媒体台账” 第 6 行 D 平台 列：不认识的平台“快猫”');
  }, 120_000);

  test('the good rows of the messy ledger import once the bad rows are fixed, with dates and phones normalised', async () => {
    const dir = await emptyRegistry('messy-fixed');
    const csv = '\uFEFF所属单位,账号名称,平台,链接地址,开通日期,负责人,手机号码,管理员,管理员电话,功能定位\r\n教务处,青川教务速递,微博,https://weibo.com/u/5678901234,2024.3.5,张立新,138 0000 5412,李华,+86 139-0000-1234,教务通知\r\n\r\n教务处,教务处抖音,抖音,,2024年3月5日,张立新,13800005412,王五,13900001235,教学短视频\r\n';
    // Without a link or ID the douyin row cannot be verified by the public: the validator says so, on its row.
    const first = await runScript('import.ts', ['--content', dir, await write('first.csv', csv)]);
    expect(first.code).toBe(1);
    expect(first.stdout).toContain('工作表“first.csv” 第 4 行 D 链接地址 列：正常运营的账号须至少登记一个账号标识');
    const fixed = csv.replace('抖音,,', '抖音,https://www.douyin.com/user/MS4wLjABAAAAqclgjwc,');
    const r = await runScript('import.ts', ['--content', dir, await write('fixed.csv', fixed)]);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    const { registry, findings } = await loadRegistry(dir, { today: TODAY });
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    const weibo = registry.accounts.find((a) => a.data.platform === 'weibo')!.data;
    expect(weibo).toMatchObject({ unit: 'jwc', tier: 2, status: 'active', filing: 'backfill', dates: { opened: '2024-03-05' }, link: 'https://weibo.com/u/5678901234' });
    expect(weibo.contacts.head.mobile).toBe('13800005412');
    expect(weibo.contacts.admins[0]!.mobile).toBe('13900001234');
    expect(registry.accounts.find((a) => a.data.platform === 'douyin')!.data.dates.opened).toBe('2024-03-05');
  }, 120_000);
});

describe('npm run import --map', () => {
  test('a mapping file names the columns a school calls differently; an unknown field in it is a usage error', async () => {
    const dir = await emptyRegistry('mapped');
    const csv = '所属单位,账号名称,平台,链接地址,开通日期,联系人,联系人手机,运营者,运营者手机,功能定位\n教务处,青川教务速递,微博,https://weibo.com/u/5678901234,2024.3.5,张立新,138 0000 5412,李华,+86 139-0000-1234,教务通知\n';
    const file = await write('mapped.csv', csv);
    const without = await runScript('import.ts', ['--content', dir, file, '--dry-run']);
    expect(without.code).toBe(1);
    expect(without.stdout).toContain('缺少主要负责人');
    const map = await write('map.yaml', '联系人: contacts.head.name\n联系人手机: contacts.head.mobile\n运营者: admins.1.name\n运营者手机: admins.1.mobile\n');
    const r = await runScript('import.ts', ['--content', dir, file, '--map', map, '--dry-run']);
    expect(r.code, r.stdout).toBe(0);
    expect(r.stdout).toContain('将写入 accounts/jwc/jwc-weibo.mdx');
    const bad = await runScript('import.ts', ['--content', dir, file, '--map', await write('bad.yaml', '联系人: contacts.boss\n')]);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toContain('联系人 → contacts.boss');
  }, 120_000);
});

describe('values as staff type them', () => {
  test('dates: 2024.3.5, 2024年3月5日, 2024/3/5, 2024-3-5, Excel serials; 2024.2.30 is refused', () => {
    for (const s of ['2024.3.5', '2024年3月5日', '2024/3/5', '2024-3-5', '2024-03-05', '２０２４/３/５', '2024/3/5 0:00']) expect(parseLooseDate(s), s).toBe('2024-03-05');
    expect(parseLooseDate('2024.2.30')).toBeUndefined();
    expect(parseLooseDate('3/5/2024')).toBeUndefined();
    expect(excelSerialToDate(45356)).toBe('2024-03-05');
    expect(dateToExcelSerial('2024-03-05')).toBe(45356);
  });
  test('phones: spaces, dashes and +86 are removed from mobiles; office phones get 区号-号码', () => {
    expect(normalizeMobile('138 0000 5412')).toBe('13800005412');
    expect(normalizeMobile('+86 139-0000-1234')).toBe('13900001234');
    expect(normalizeMobile('1380000')).toBeUndefined();
    expect(normalizeOfficePhone('0571 8888 0000')).toBe('0571-88880000');
    expect(normalizeOfficePhone('(010)62751234')).toBe('010-62751234');
    expect(normalizeOfficePhone('0571-88880000转123')).toBe('0571-88880000-123');
    expect(normalizeOfficePhone('6137')).toBe('6137');
  });
  test('platform names staff write are recognised; unknown ones are not guessed', () => {
    expect(platformFromName('公众号')).toBe('wechat-mp');
    expect(platformFromName('哔哩哔哩')).toBe('bilibili');
    expect(platformFromName('移动客户端（APP）')).toBe('app');
    expect(platformFromName('快猫')).toBeUndefined();
  });
});
