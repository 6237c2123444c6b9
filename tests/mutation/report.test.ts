// The office dashboard (src/domain/report.ts) called in process: the exact SVG of both chart kinds
// (sizes, bar widths, colours, truncated labels, legends), every figure of reportData() on a small
// registry (overdue by unit, pending applications, the campaign, unit × platform, tiers, the
// 24 months), and the exact sections renderReport() prints, empty ones included.
import { describe, expect, test } from 'vitest';
import { barChart, columnChart, renderReport, reportData, type ReportData } from '../../src/domain/report.ts';
import type { Registry } from '../../src/domain/index.ts';
import { account, presetPolicy, registry, review } from '../obligations-fixtures.ts';

const SVG = (w: number, h: number, inner: string) => `<svg class="chart" role="img" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" xmlns="http://www.w3.org/2000/svg">${inner}</svg>`;

describe('barChart()', () => {
  test('stacks the parts in legend colours, skips zero parts, prints totals and truncates long labels', () => {
    const long = '一二三四五六七八九十一二三四五';
    expect(barChart('逾期&事项', [{ label: '甲', parts: [2, 0] }, { label: long, parts: [1, 2] }], ['已逾期', '今天到期'])).toBe(
      SVG(640, 76,
        '<title>逾期&amp;事项</title>' +
        '<rect x="200" y="4" width="12" height="12" fill="#c62828"/><text x="216" y="14">已逾期</text>' +
        '<rect x="300" y="4" width="12" height="12" fill="#ef6c00"/><text x="316" y="14">今天到期</text>' +
        '<text x="194" y="39" text-anchor="end">甲</text>' +
        '<rect x="200.0" y="28" width="266.7" height="14" fill="#c62828"><title>甲 已逾期：2</title></rect>' +
        '<text x="470.7" y="39">2</text>' +
        '<text x="194" y="61" text-anchor="end">一二三四五六七八九十一二三…</text>' +
        `<rect x="200.0" y="50" width="133.3" height="14" fill="#c62828"><title>${long} 已逾期：1</title></rect>` +
        `<rect x="333.3" y="50" width="266.7" height="14" fill="#ef6c00"><title>${long} 今天到期：2</title></rect>` +
        '<text x="604.0" y="61">3</text>'),
    );
  });

  test('one series has no legend; given colours cycle; a label of 14 characters is kept whole; parts beyond the legend are unnamed', () => {
    const label = '一二三四五六七八九十一二三四';
    expect(barChart('级别', [{ label, parts: [3, 1] }], ['账号数'], { colors: ['#1565c0'] })).toBe(
      SVG(640, 30,
        '<title>级别</title>' +
        `<text x="194" y="15" text-anchor="end">${label}</text>` +
        `<rect x="200.0" y="4" width="300.0" height="14" fill="#1565c0"><title>${label} 账号数：3</title></rect>` +
        `<rect x="500.0" y="4" width="100.0" height="14" fill="#1565c0"><title>${label} ：1</title></rect>` +
        '<text x="604.0" y="15">4</text>'),
    );
  });

  test('no data draws an empty chart with its legend; all-zero rows scale against one', () => {
    expect(barChart('空', [], ['甲', '乙'])).toBe(
      SVG(640, 32, '<title>空</title><rect x="200" y="4" width="12" height="12" fill="#c62828"/><text x="216" y="14">甲</text><rect x="300" y="4" width="12" height="12" fill="#ef6c00"/><text x="316" y="14">乙</text>'),
    );
    expect(barChart('零', [{ label: 'a', parts: [0] }], [])).toBe(SVG(640, 30, '<title>零</title><text x="194" y="15" text-anchor="end">a</text><text x="204.0" y="15">0</text>'));
    expect(barChart('小', [{ label: 'a', parts: [0.5] }], [])).toBe(
      SVG(640, 30, '<title>小</title><text x="194" y="15" text-anchor="end">a</text><rect x="200.0" y="4" width="200.0" height="14" fill="#c62828"><title>a ：0.5</title></rect><text x="404.0" y="15">0.5</text>'),
    );
  });

  test('the palette has seven colours and starts over after the seventh part', () => {
    const svg = barChart('色', [{ label: 'a', parts: [1, 1, 1, 1, 1, 1, 1, 1] }], []);
    expect([...svg.matchAll(/fill="(#[0-9a-f]+)"/g)].map((m) => m[1])).toEqual(['#c62828', '#ef6c00', '#2e7d32', '#1565c0', '#6a1b9a', '#00838f', '#8d6e63', '#c62828']);
  });
});

describe('columnChart()', () => {
  test('groups the series per month, scales to the largest value, labels every third month', () => {
    expect(columnChart('趋势', ['2026-01', '2026-02', '2026-03', '2026-04'], [{ name: '审批', values: [0, 2, 1, 4] }, { name: '停办', values: [1] }])).toBe(
      SVG(640, 220,
        '<title>趋势</title>' +
        '<rect x="30" y="4" width="12" height="12" fill="#2e7d32"/><text x="46" y="14">审批</text>' +
        '<rect x="140" y="4" width="12" height="12" fill="#1565c0"/><text x="156" y="14">停办</text>' +
        '<line x1="30" y1="180" x2="640" y2="180" stroke="#999"/><text x="2" y="34" font-size="10">4</text>' +
        '<rect x="106.3" y="142.5" width="73.3" height="37.5" fill="#1565c0"><title>2026-01 停办：1</title></rect>' +
        '<text x="30.0" y="194" font-size="10">2026-01</text>' +
        '<rect x="184.5" y="105.0" width="73.3" height="75.0" fill="#2e7d32"><title>2026-02 审批：2</title></rect>' +
        '<rect x="337.0" y="142.5" width="73.3" height="37.5" fill="#2e7d32"><title>2026-03 审批：1</title></rect>' +
        '<rect x="489.5" y="30.0" width="73.3" height="150.0" fill="#2e7d32"><title>2026-04 审批：4</title></rect>' +
        '<text x="487.5" y="194" font-size="10">2026-04</text>'),
    );
  });

  test('no months draws axes only, scaled to one; crowded columns keep a width of at least 2', () => {
    expect(columnChart('空', [], [])).toBe(SVG(640, 220, '<title>空</title><line x1="30" y1="180" x2="640" y2="180" stroke="#999"/><text x="2" y="34" font-size="10">1</text>'));
    const months = Array.from({ length: 305 }, (_, i) => `m${i}`);
    const svg = columnChart('密', months, [{ name: 'a', values: [1] }]);
    expect(svg).toContain('<rect x="32.0" y="30.0" width="1.0" height="150.0" fill="#2e7d32"><title>m0 a：1</title></rect>');
    expect(svg.match(/<text x="[\d.]+" y="194"/g)).toHaveLength(102);
  });
});

const MONTHS = [
  '2025-01', '2025-02', '2025-03', '2025-04', '2025-05', '2025-06', '2025-07', '2025-08', '2025-09', '2025-10', '2025-11', '2025-12',
  '2026-01', '2026-02', '2026-03', '2026-04', '2026-05', '2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11', '2026-12',
];
/** 24 monthly counts, zero except at the given indexes. */
const series = (at: Record<number, number>) => MONTHS.map((_, i) => at[i] ?? 0);

function withPolicy(reg: Registry, policy = presetPolicy('000')): Registry {
  reg.policy = { file: 'policy.yaml', id: 'policy', data: policy, pos: {} } as unknown as Registry['policy'];
  return reg;
}

/** jwc (教务处-like), jsj, an unregistered unit `lab`, tw and xsh: every section has something. */
function demo(): Registry {
  return withPolicy(
    registry({
      accounts: [
        account({ id: 'jsj-w', unit: 'jsj', platform: 'weibo', keys: [], approval: { number: '2026-0004', date: '2026-12-05' }, dates: { applied: '2026-12-01', opened: '2026-12-08' } }),
        account({ id: 'jwc-a', approval: { number: '2025-0001', date: '2025-01-10' }, dates: { applied: '2025-01-01', opened: '2025-01-20' }, history: [{ date: '2026-03-02', kind: 'rename', summary: '更名', reported: '2026-03-03' }, { date: '2026-11-20', kind: 'scope', summary: '调整范围（报备晚了）', reported: '2026-12-10' }, { date: '2024-12-31', kind: 'rename', summary: '更名', reported: '2025-01-02' }, { date: '2025-01-15', kind: 'keys', summary: '补报', reported: '2025-01-16' }] }),
        account({ id: 'jwc-k', keys: [], approval: { number: '2026-0002', date: '2026-11-20' }, dates: { applied: '2026-11-01', opened: '2026-12-01' } }),
        account({ id: 'lab-f', unit: 'lab', keys: [], approval: { number: '2026-0005', date: '2026-10-15' }, dates: { applied: '2026-10-01', opened: '2026-11-01' } }),
        account({ id: 'jsj-b', unit: 'jsj', platform: 'weibo', keys: [{ kind: 'uid', value: '1234567' }], status: 'applied', dates: { applied: '2026-12-01', plannedOpening: '2026-12-20' } }),
        account({ id: 'tw-c', unit: 'tw', tier: 3, status: 'approved', approval: { number: '2026-0003', date: '2026-11-01' }, dates: { applied: '2026-10-20', plannedOpening: '2026-12-30' } }),
        account({ id: 'xsh-d', unit: 'xsh', tier: 3, status: 'closed', closure: { reason: '停用' }, dates: { applied: '2020-01-01', opened: '2020-02-01', closed: '2025-06-01' }, history: [{ date: '2025-06-01', kind: 'closure', summary: '停办', reported: '2025-06-02' }] }),
        account({ id: 'xsh-e', unit: 'xsh', tier: 3, status: 'closed', closure: { reason: '停用' }, dates: { applied: '2020-01-01', opened: '2020-02-01', closed: '2024-12-31' } }),
        account({ id: 'xsh-g', unit: 'xsh', tier: 3, status: 'closed', closure: { reason: '停用' }, dates: { applied: '2020-01-01', opened: '2020-02-01', closed: '2025-01-05' }, history: [{ date: '2025-01-05', kind: 'closure', summary: '停办', reported: '2025-01-06' }] }),
      ],
      reviews: [review('jwc-a', 2025, '2025-12-15', 'pass'), review('jwc-a', 2026, '2026-12-12', 'pending')],
    }),
  );
}

describe('reportData()', () => {
  test('the figures of a small registry on 2026-12-15 (the review window\'s last week); a change reported late is no longer open', () => {
    expect(reportData(demo(), '2026-12-15')).toEqual({
      asOf: '2026-12-15',
      school: '菏泽职业学院',
      office: '党委宣传部',
      overdueByUnit: [
        { unit: 'jwc', unitName: '单位jwc', overdue: 1, due: 0, upcoming: 1, items: ['账号jwc-k：开通后补报账号ID和链接（2026-12-08）'] },
        { unit: 'lab', unitName: 'lab', overdue: 1, due: 0, upcoming: 1, items: ['账号lab-f：开通后补报账号ID和链接（2026-11-08）'] },
        { unit: 'jsj', unitName: '单位jsj', overdue: 0, due: 1, upcoming: 1, items: ['账号jsj-w：开通后补报账号ID和链接（2026-12-15）'] },
      ],
      pending: [
        { account: 'tw-c', name: '账号tw-c', unitName: '单位tw', status: '已批准、待开通', since: '2026-11-01', days: 44 },
        { account: 'jsj-b', name: '账号jsj-b', unitName: '单位jsj', status: '申请中（待审批）', since: '2026-12-01', days: 14 },
      ],
      campaign: {
        year: 2026,
        phase: '即将截止',
        due: '2026-12-20',
        byUnit: [
          { unitName: '单位jsj', counts: { missing: 1, submitted: 0, pass: 0, fail: 0 } },
          { unitName: '单位jwc', counts: { missing: 1, submitted: 1, pass: 0, fail: 0 } },
          { unitName: 'lab', counts: { missing: 1, submitted: 0, pass: 0, fail: 0 } },
        ],
      },
      unitPlatform: {
        platforms: ['微信公众号', '微博'],
        rows: [
          { unitName: '单位jsj', counts: [0, 2], total: 2 },
          { unitName: '单位jwc', counts: [2, 0], total: 2 },
          { unitName: 'lab', counts: [1, 0], total: 1 },
          { unitName: '单位tw', counts: [1, 0], total: 1 },
        ],
      },
      tiers: [{ name: '一级平台', count: 0 }, { name: '二级平台', count: 5 }, { name: '三级平台', count: 1 }],
      months: MONTHS,
      changes: { approvals: series({ 0: 1, 21: 1, 22: 2, 23: 1 }), closures: series({ 0: 1, 5: 1 }), changes: series({ 0: 1, 14: 1, 22: 1 }) },
    });
  });

  test('the 24 months end with the current one, also on its first day', () => {
    const d = reportData(withPolicy(registry({})), '2026-12-01');
    expect(d.months).toEqual(MONTHS);
    expect(reportData(withPolicy(registry({})), '2026-11-30').months).toEqual(['2024-12', ...MONTHS.slice(0, 23)]);
    expect(d.changes).toEqual({ approvals: series({}), closures: series({}), changes: series({}) });
    expect(d.overdueByUnit).toEqual([]);
    expect(d.pending).toEqual([]);
    expect(d.unitPlatform).toEqual({ platforms: [], rows: [] });
  });

  test('a pending application waits from its application or approval date, never a negative number of days', () => {
    const reg = withPolicy(registry({
      accounts: [
        account({ id: 'a', status: 'applied', dates: { applied: '2026-12-20', plannedOpening: '2027-01-20' } }),
        account({ id: 'b', status: 'applied', filing: 'backfill', dates: {} }),
        account({ id: 'c', status: 'approved', approval: { number: '2026-0009', date: '2026-12-14' }, dates: { applied: '2026-11-15', plannedOpening: '2027-01-20' } }),
      ],
    }));
    expect(reportData(reg, '2026-12-15').pending.map((p) => [p.account, p.since, p.days])).toEqual([['c', '2026-12-14', 1], ['a', '2026-12-20', 0], ['b', '2026-12-15', 0]]);
  });

  test('a unit with only upcoming items is not listed; equal overdue counts go by unit id', () => {
    const reg = withPolicy(registry({
      accounts: [
        account({ id: 'x', unit: 'xsh', keys: [], dates: { applied: '2026-05-01', opened: '2026-06-01' } }),
        account({ id: 'y', unit: 'jsj', keys: [], dates: { applied: '2026-05-01', opened: '2026-06-01' } }),
        account({ id: 'z', unit: 'tw', keys: [], dates: { applied: '2026-06-01', opened: '2026-06-14' } }),
      ],
    }));
    expect(reportData(reg, '2026-06-15').overdueByUnit.map((u) => [u.unit, u.overdue, u.due, u.upcoming])).toEqual([['jsj', 1, 0, 0], ['xsh', 1, 0, 0]]);
  });

  test('units with as many live accounts go by name in the unit × platform table', () => {
    const reg = withPolicy(registry({
      accounts: [
        account({ id: 'p', unit: 'tw' }),
        account({ id: 'q', unit: 'jsj', platform: 'weibo', keys: [{ kind: 'uid', value: '1234567' }] }),
        account({ id: 'r', unit: 'xsh', platform: 'weibo', keys: [{ kind: 'uid', value: '7654321' }] }),
      ],
    }));
    expect(reportData(reg, '2026-06-15').unitPlatform).toEqual({
      platforms: ['微博', '微信公众号'],
      rows: [{ unitName: '单位jsj', counts: [1, 0], total: 1 }, { unitName: '单位tw', counts: [0, 1], total: 1 }, { unitName: '单位xsh', counts: [1, 0], total: 1 }],
    });
  });

  test('without an annual review in the rulebook there is no campaign', () => {
    const policy = presetPolicy('001');
    expect(reportData(withPolicy(registry({}), policy), '2026-12-15').campaign).toBeNull();
  });
});

const DATA: ReportData = {
  asOf: '2026-12-15',
  school: '青川<理工>',
  office: '党委宣传部',
  overdueByUnit: [{ unit: 'jwc', unitName: '教务处', overdue: 2, due: 1, upcoming: 3, items: ['账号A：年审（2026-12-01）', 'B&C：补报（2026-12-15）'] }],
  pending: [{ account: 'jsj-b', name: '计算机', unitName: '计算机学院', status: '申请中（待审批）', since: '2026-12-01', days: 14 }],
  campaign: { year: 2026, phase: '即将截止', due: '2026-12-20', byUnit: [{ unitName: '教务处', counts: { pass: 1, submitted: 0, fail: 2, missing: 1 } }] },
  unitPlatform: { platforms: ['微信公众号', '微博'], rows: [{ unitName: '教务处', counts: [2, 0], total: 2 }] },
  tiers: [{ name: '一级平台', count: 0 }, { name: '二级平台', count: 3 }],
  months: ['2026-11', '2026-12'],
  changes: { approvals: [1, 0], closures: [0, 1], changes: [0, 2] },
};

const body = (html: string) => html.slice(html.indexOf('<body>') + 7, html.indexOf('</body>'));

describe('renderReport()', () => {
  test('prints every section with its table or chart, in order', () => {
    const html = renderReport(DATA);
    expect(html.startsWith('<!doctype html>\n<html lang="zh-CN">\n<head>\n<meta charset="utf-8">\n<meta name="robots" content="noindex, nofollow">\n<meta name="viewport" content="width=device-width, initial-scale=1">\n<title>青川&lt;理工&gt;新媒体备案工作报告（2026-12-15）</title>\n<style>')).toBe(true);
    expect(html).toContain('@media print {\n  @page { size: A4 landscape; margin: 12mm; }');
    expect(html.endsWith('</body>\n</html>\n')).toBe(true);
    expect(body(html)).toBe(
      '<header><h1>青川&lt;理工&gt;新媒体备案工作报告</h1><p>截至 2026-12-15（北京时间）· 党委宣传部内部资料，请勿公开</p></header>\n' +
      '<nav><a href="#overdue">逾期事项</a> <a href="#pending">待处理申请</a> <a href="#review">年审进度</a> <a href="#matrix">账号分布</a> <a href="#tiers">级别</a> <a href="#changes">变化趋势</a></nav>\n' +
      '<section id="overdue"><h2>各单位逾期事项</h2>' + barChart('各单位逾期事项', [{ label: '教务处', parts: [2, 1] }], ['已逾期', '今天到期']) +
      '<table><thead><tr><th>单位</th><th>已逾期</th><th>今天到期</th><th>即将到期</th><th>事项</th></tr></thead><tbody><tr><td>教务处</td><td>2</td><td>1</td><td>3</td><td>账号A：年审（2026-12-01）<br>B&amp;C：补报（2026-12-15）</td></tr></tbody></table></section>\n' +
      '<section id="pending"><h2>待处理的申请</h2><table><thead><tr><th>账号</th><th>主办单位</th><th>状态</th><th>自</th><th>已等待（天）</th></tr></thead><tbody><tr><td>计算机（<code>jsj-b</code>）</td><td>计算机学院</td><td>申请中（待审批）</td><td>2026-12-01</td><td>14</td></tr></tbody></table></section>\n' +
      '<section id="review"><h2>年审进度</h2><p>2026 年度年审：即将截止（截止 2026-12-20）。</p>' +
      barChart('2026 年度年审进度', [{ label: '教务处', parts: [1, 0, 2, 1] }], ['合格', '已提交，待审核', '不合格', '未提交'], { colors: ['#2e7d32', '#1565c0', '#c62828', '#9e9e9e'] }) + '</section>\n' +
      '<section id="matrix"><h2>各单位 × 平台的账号数（不含已停办）</h2><table class="matrix"><thead><tr><th>单位</th><th>微信公众号</th><th>微博</th><th>合计</th></tr></thead><tbody><tr><td>教务处</td><td class="n">2</td><td class="z"></td><td>2</td></tr></tbody></table></section>\n' +
      '<section id="tiers"><h2>各级别账号数（不含已停办）</h2>' + barChart('各级别账号数', [{ label: '一级平台', parts: [0] }, { label: '二级平台', parts: [3] }], ['账号数'], { colors: ['#1565c0'] }) + '</section>\n' +
      '<section id="changes"><h2>近 24 个月的审批、停办与变更</h2>' +
      columnChart('近 24 个月的审批、停办与变更', ['2026-11', '2026-12'], [{ name: '审批', values: [1, 0] }, { name: '停办', values: [0, 1] }, { name: '信息变更', values: [0, 2] }]) + '</section>\n',
    );
    // The charts themselves, as they appear (pinned above against barChart()/columnChart()).
    expect(html).toContain('<rect x="200" y="4" width="12" height="12" fill="#2e7d32"/><text x="216" y="14">合格</text>');
    expect(html).toContain('<title>2026-12 信息变更：2</title>');
  });

  test('says so when nothing is overdue, nothing is pending and the rulebook has no annual review', () => {
    const html = renderReport({ ...DATA, overdueByUnit: [], pending: [], campaign: null, unitPlatform: { platforms: [], rows: [] } });
    expect(html).toContain('<section id="overdue"><h2>各单位逾期事项</h2><p>没有逾期事项。</p></section>');
    expect(html).toContain('<section id="pending"><h2>待处理的申请</h2><p>没有待处理的申请。</p></section>');
    expect(html).toContain('<section id="review"><h2>年审进度</h2><p>管理办法未实行年审。</p></section>');
    expect(html).toContain('<section id="matrix"><h2>各单位 × 平台的账号数（不含已停办）</h2><table class="matrix"><thead><tr><th>单位</th><th>合计</th></tr></thead><tbody></tbody></table></section>');
  });
});
