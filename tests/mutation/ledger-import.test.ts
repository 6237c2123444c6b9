// Importing a school's ledger (src/domain/ledger-import.ts) in process: sheets of cells in, planned
// filings and row problems out. An exported ledger reads back to the same filing text; every
// header variant, value form and problem message is pinned on a one-row sheet.
import { parse as parseYaml } from 'yaml';
import { describe, expect, test } from 'vitest';
import { buildLedger, type Cell } from '../../src/domain/ledger.ts';
import {
  columnForField,
  columnLetter,
  importLedger,
  knownFieldKeys,
  normalizeHeader,
  platformFromName,
  toYaml,
  type ImportResult,
  type InputSheet,
  type PlannedFiling,
} from '../../src/domain/ledger-import.ts';
import { account, group, presetPolicy, registry, unit } from '../obligations-fixtures.ts';

const POLICY = presetPolicy('000');
const units = () => [
  unit('jwc', 'office', { name: '教务处', shortName: '教务' }).data,
  unit('jsj', 'college', { name: '青川理工学院计算机学院' }).data,
  unit('tw', 'student-org', { name: '团委' }).data,
  unit('gr', 'individual', { name: '个人' }).data,
];

function run(sheets: InputSheet[], opts: { mapping?: Record<string, string>; accounts?: string[]; groups?: string[] } = {}): ImportResult {
  return importLedger({
    sheets,
    policy: POLICY,
    units: units(),
    existing: { accounts: new Map((opts.accounts ?? []).map((id) => [id, `accounts/x/${id}.mdx`])), groups: new Map((opts.groups ?? []).map((id) => [id, `groups/x/${id}.yaml`])) },
    mapping: opts.mapping,
  });
}

/** Problems as `row column：message`. */
const problems = (r: ImportResult) => r.problems.map((p) => `${p.sheet} ${p.row} ${p.column}：${p.message}`);
/** A planned filing's data (the front matter of an account, the YAML of a group). */
const data = (f: PlannedFiling) => parseYaml(f.kind === 'account' ? f.text.replace(/^---\n/, '').replace(/---\n$/, '') : f.text) as Record<string, unknown>;

const BASE: Record<string, Cell> = {
  所属单位: '教务处',
  账号名称: '教务速递',
  平台: '微博',
  链接地址: 'https://weibo.com/u/5678901234',
  开通日期: '2024.3.5',
  负责人: '张立新',
  手机号码: '13800005412',
  管理员: '李华',
  管理员电话: '13900001234',
};
/** A one-row account sheet: BASE with some columns changed, added, or (undefined) left out. */
function accountSheet(over: Record<string, Cell | undefined> = {}, name = '台账'): InputSheet {
  const cols = { ...BASE, ...over };
  const headers = Object.keys(cols).filter((h) => cols[h] !== undefined);
  return { name, rows: [headers, headers.map((h) => cols[h] as Cell)] };
}
const one = (over: Record<string, Cell | undefined> = {}, opts: Parameters<typeof run>[1] = {}) => run([accountSheet(over)], opts);
const BASE_DATA = {
  id: 'jwc-weibo',
  name: '教务速递',
  platform: 'weibo',
  link: 'https://weibo.com/u/5678901234',
  unit: 'jwc',
  tier: 2,
  status: 'active',
  filing: 'backfill',
  dates: { opened: '2024-03-05' },
  contacts: { head: { name: '张立新', mobile: '13800005412' }, admins: [{ name: '李华', mobile: '13900001234' }] },
};
/** The one filing of a clean one-row import. */
function ok(over: Record<string, Cell | undefined> = {}, opts: Parameters<typeof run>[1] = {}) {
  const r = one(over, opts);
  expect(problems(r)).toEqual([]);
  expect(r.filings).toHaveLength(1);
  return data(r.filings[0]!);
}
/** The problems of a one-row import (which then plans no filing). */
function bad(over: Record<string, Cell | undefined>, opts: Parameters<typeof run>[1] = {}) {
  const r = one(over, opts);
  expect(r.filings).toEqual([]);
  return problems(r);
}

const GBASE: Record<string, Cell> = {
  群名称: '教务工作群',
  群平台: 'QQ群',
  群号: '1234 5678',
  所属部门: '教务处',
  建群日期: '2026-01-05',
  部门负责人: '张立新',
  部门负责人手机: '13800005412',
};
function groupSheet(over: Record<string, Cell | undefined> = {}): InputSheet {
  const cols = { ...GBASE, ...over };
  const headers = Object.keys(cols).filter((h) => cols[h] !== undefined);
  return { name: '工作群登记', rows: [headers, headers.map((h) => cols[h] as Cell)] };
}

describe('normalizeHeader()', () => {
  test.each([
    ['媒体名称', '媒体名称'],
    [' 媒体\n名称 ', '媒体名称'],
    ['媒体\t名称', '媒体名称'],
    ['*媒体名称', '媒体名称'],
    ['＊媒体名称：', '媒体名称'],
    ['媒体名称:', '媒体名称'],
    ['媒体名称(必填)', '媒体名称'],
    ['媒体名称（必填）', '媒体名称'],
    ['链接（选填）', '链接'],
    ['链接(可选)', '链接'],
    ['链接（如有，请填写）', '链接'],
    ['链接（请填写，必填项）', '链接'],
    ['群二维码(号)', '群二维码(号)'],
    ['群二维码（号）', '群二维码(号)'],
    ['手机（备注）', '手机(备注)'],
    ['Email', 'email'],
    ['ＥＭＡＩＬ', 'email'],
    ['B站UID', 'b站uid'],
  ])('%j → %j', (h, out) => expect(normalizeHeader(h)).toBe(out));
});

describe('columnLetter()', () => {
  test.each([
    [0, 'A'],
    [1, 'B'],
    [25, 'Z'],
    [26, 'AA'],
    [27, 'AB'],
    [51, 'AZ'],
    [52, 'BA'],
    [701, 'ZZ'],
    [702, 'AAA'],
  ])('%i → %s', (i, s) => expect(columnLetter(i)).toBe(s));
});

describe('knownFieldKeys()', () => {
  test('every account and group field once, sorted', () => {
    const keys = knownFieldKeys();
    expect(keys).toHaveLength(153);
    expect(new Set(keys).size).toBe(keys.length);
    expect(keys.slice(0, 3)).toEqual(['admins.1.email', 'admins.1.mobile', 'admins.1.name']);
    expect(keys.at(-1)).toBe('verification.subject');
    expect([...keys].sort()).toEqual(keys);
    for (const k of ['admins.20.email', 'contacts.head.mobile', 'contacts.leader.officePhone', 'memberTypes', 'head.name', 'dissolutionReported', 'history', 'unitName']) expect(keys).toContain(k);
  });
});

describe('platformFromName()', () => {
  test.each([
    ['weibo', 'weibo', 'the id'],
    ['WEIBO', 'weibo', 'the id in capitals'],
    ['wechat-mp', 'wechat-mp', 'an id with a dash'],
    ['微信公众号', 'wechat-mp', 'the label'],
    ['哔哩哔哩（B站）', 'bilibili', 'a label with full-width brackets'],
    ['QQ群', 'qq-group', 'a label in capitals'],
    ['公众号', 'wechat-mp', 'a common name'],
    ['B站', 'bilibili', 'a common name in capitals'],
    ['微 信', 'wechat-mp', 'spaces inside'],
    [' 抖音 ', 'douyin', 'spaces around'],
    ['微博账号', 'weibo', '账号 after a name'],
    ['抖音官方号', 'douyin', '官方号 after a name'],
    ['易班平台', 'yiban', '平台 after a name'],
    ['钉钉工作群', 'dingtalk-group', 'a group platform'],
    ['其他', 'other', 'the label of other'],
  ])('%j → %s (%s)', (text, id) => expect(platformFromName(text)).toBe(id));

  test.each([[''], ['  '], ['快猫'], ['快猫账号'], ['账号'], ['平台微博']])('%j is no platform', (text) => expect(platformFromName(text)).toBeUndefined());
});

describe('toYaml()', () => {
  test('strings single-quoted (dates and numbers-as-text stay strings), numbers plain, long lines unwrapped', () => {
    const long = '很长的文字'.repeat(30);
    expect(toYaml({ id: 'a', tier: 2, date: '2024-03-05', mobile: '13800005412', list: ['x'], long })).toBe(
      `id: 'a'\ntier: 2\ndate: '2024-03-05'\nmobile: '13800005412'\nlist:\n  - 'x'\nlong: '${long}'\n`,
    );
  });
});

describe('columnForField()', () => {
  const p = (columns: Record<string, string>): PlannedFiling => ({ kind: 'account', file: 'f', id: 'i', text: '', sheet: 's', row: 2, columns });
  const cols = { name: 'B 名称', unitName: 'A 所属单位', 'dates.opened': 'E 开通日期', 'admins.1.name': 'H 管理员', 'admins.2.mobile': 'J 管理员2手机', 'contacts.head.name': 'F 负责人', link: 'D 链接', 'verification.status': 'K 认证' };
  test.each([
    ['name', 'B 名称', 'a mapped field'],
    ['dates.opened', 'E 开通日期', 'a mapped sub-field'],
    ['dates.closed', 'E 开通日期', 'an unmapped date: the nearest mapped sibling'],
    ['dates', 'E 开通日期', 'a parent: its first mapped child'],
    ['contacts.head', 'F 负责人', 'a person: its name column'],
    ['contacts.head.mobile', 'F 负责人', 'an unmapped person field: the person'],
    ['contacts.admins[1].mobile', 'J 管理员2手机', 'the second admin (validator index 1 is admin 2)'],
    ['contacts.admins[0]', 'H 管理员', 'the first admin as a whole'],
    ['admins[1].mobile', 'J 管理员2手机', 'a group admin'],
    ['unit', 'A 所属单位', 'unit without a 单位编号 column: the unit name'],
    ['keys', 'D 链接', 'keys without a key column: the link'],
    ['keys[0].value', 'D 链接', 'one key without a key column: the link'],
    ['verification.subject', 'K 认证', 'a verification field: the verification column'],
    ['platform', '', 'nothing near: no column'],
    ['tier.level', '', 'nothing near a dotted field: no column'],
  ])('%s → %j (%s)', (field, out) => expect(columnForField(p(cols), field)).toBe(out));

  test('unit and keys go to their own columns when present', () => {
    const q = p({ unit: 'C 单位编号', unitName: 'A 所属单位', keys: 'G 账号标识', link: 'D 链接' });
    expect(columnForField(q, 'unit')).toBe('C 单位编号');
    expect(columnForField(q, 'keys[0].value')).toBe('G 账号标识');
    expect(columnForField(q, 'link')).toBe('D 链接');
  });
});

describe('importLedger(): an exported ledger reads back', () => {
  test('accounts and groups of buildLedger become the same filings; the reference sheets are skipped', () => {
    const reg = registry({
      accounts: [
        account({
          id: 'jwc-wechat',
          formerNames: ['教务在线'],
          keys: [{ kind: 'gh', value: 'gh_0123456789ab' }, { kind: 'biz', value: 'MzA3NjIwMjQ0Mg==' }],
          link: 'https://mp.weixin.qq.com/x',
          verification: { status: 'verified', subject: '青川理工学院' },
          followers: { count: 1200, asOf: '2025-12-01' },
          approval: { number: '2024-0001', date: '2024-01-15', pr: 42 },
          history: [{ date: '2025-03-01', kind: 'rename', summary: '改名', reported: '2025-03-02' }, { date: '2025-04-01', kind: 'admins', summary: '换人' }],
          contacts: {
            head: { name: '张主任', title: '处长', officePhone: '0571-88880000', mobile: '13800000001', email: 'head@example.edu.cn' },
            leader: { name: '李书记', mobile: '13800000002' },
            admins: [{ name: '王一', mobile: '13800000003' }, { name: '赵二', officePhone: '6137' }],
          },
          note: '备注',
        }),
      ],
      groups: [group('jwc-qq', { platform: 'qq-group', number: '12345678', admins: [{ name: '甲', mobile: '13800000001' }, { name: '乙', mobile: '13800000002' }], memberTypes: ['教职工', '学生'], dissolved: '2026-02-01', dissolutionReported: '2026-02-02', note: '说明' })],
    });
    const sheets = buildLedger(reg, POLICY, '2026-03-01').map((s) => ({ name: s.name, rows: [s.columns.map((c) => c.header), ...s.rows] }));
    const r = importLedger({ sheets, policy: POLICY, units: reg.units.map((u) => u.data), existing: { accounts: new Map(), groups: new Map() } });
    expect(r.problems).toEqual([]);
    const reason = '台账的单位、年审和待办事项表只供查阅，导入时不读取（单位请在 units/ 中维护，年审请提交年审表）';
    expect(r.skipped).toEqual([{ sheet: '单位', reason }, { sheet: '年审', reason }, { sheet: '待办事项', reason }]);
    expect(r.filings.map(({ kind, file, id, sheet, row }) => ({ kind, file, id, sheet, row }))).toEqual([
      { kind: 'account', file: 'accounts/jwc/jwc-wechat.mdx', id: 'jwc-wechat', sheet: '账号', row: 2 },
      { kind: 'group', file: 'groups/jwc/jwc-qq.yaml', id: 'jwc-qq', sheet: '工作群', row: 2 },
    ]);
    expect(r.filings[0]!.text).toBe(
      [
        '---',
        "id: 'jwc-wechat'",
        "name: '账号jwc-wechat'",
        'formerNames:',
        "  - '教务在线'",
        "platform: 'wechat-mp'",
        'keys:',
        "  - kind: 'gh'",
        "    value: 'gh_0123456789ab'",
        "  - kind: 'biz'",
        "    value: 'MzA3NjIwMjQ0Mg=='",
        "link: 'https://mp.weixin.qq.com/x'",
        "unit: 'jwc'",
        'tier: 2',
        "status: 'active'",
        "filing: 'new'",
        "purpose: '发布工作信息'",
        'verification:',
        "  status: 'verified'",
        "  subject: '青川理工学院'",
        'dates:',
        "  applied: '2026-01-01'",
        "  opened: '2026-01-20'",
        'followers:',
        '  count: 1200',
        "  asOf: '2025-12-01'",
        'approval:',
        "  number: '2024-0001'",
        "  date: '2024-01-15'",
        '  pr: 42',
        'history:',
        "  - date: '2025-03-01'",
        "    kind: 'rename'",
        "    summary: '改名'",
        "    reported: '2025-03-02'",
        "  - date: '2025-04-01'",
        "    kind: 'admins'",
        "    summary: '换人'",
        'contacts:',
        '  head:',
        "    name: '张主任'",
        "    title: '处长'",
        "    officePhone: '0571-88880000'",
        "    mobile: '13800000001'",
        "    email: 'head@example.edu.cn'",
        '  leader:',
        "    name: '李书记'",
        "    mobile: '13800000002'",
        '  admins:',
        "    - name: '王一'",
        "      mobile: '13800000003'",
        "    - name: '赵二'",
        "      officePhone: '6137'",
        "note: '备注'",
        '---',
        '',
      ].join('\n'),
    );
    expect(r.filings[1]!.text).toBe(
      [
        "id: 'jwc-qq'",
        "platform: 'qq-group'",
        "number: '12345678'",
        "name: '工作群jwc-qq'",
        "scope: '本部门教职工'",
        'members: 30',
        'memberTypes:',
        "  - '教职工'",
        "  - '学生'",
        'admins:',
        "  - name: '甲'",
        "    mobile: '13800000001'",
        "  - name: '乙'",
        "    mobile: '13800000002'",
        "email: 'group@example.edu.cn'",
        "unit: 'jwc'",
        'head:',
        "  name: '张三'",
        "  mobile: '13800000000'",
        "created: '2026-01-05'",
        "dissolved: '2026-02-01'",
        "dissolutionReported: '2026-02-02'",
        "note: '说明'",
        '',
      ].join('\n'),
    );
    expect(r.filings[0]!.columns).toMatchObject({ id: 'A 账号编号', name: 'B 媒体名称', 'approval.date': 'AA 审批日期', note: 'AX 备注' });
    expect(r.filings[0]!.columns.approval).toBeUndefined();
    expect(Object.keys(r.filings[0]!.columns)).toHaveLength(50);
    expect(r.filings[1]!.columns).toMatchObject({ id: 'A 群编号', number: 'C 群号', note: 'W 备注' });
  });
});

describe('importLedger(): sheets and header rows', () => {
  test('a sheet without a recognisable header in its first 10 rows is skipped with why', () => {
    const r = run([{ name: '说明', rows: [['本表说明'], ['媒体名称', '备注说明文字']] }, { name: '空', rows: [] }]);
    const reason = '前 10 行中找不到可识别的表头（至少需要“媒体名称”或“群名称”等两列）；如表头不同，请用 --map 提供表头对照文件';
    expect(r.skipped).toEqual([{ sheet: '说明', reason }, { sheet: '空', reason }]);
    expect(r.filings).toEqual([]);
    expect(r.problems).toEqual([]);
  });

  test('the header may be the 10th row (title rows above it), not the 11th', () => {
    const s = accountSheet();
    const titles = (n: number): Cell[][] => Array.from({ length: n }, (_, i) => [`标题${i}`]);
    const tenth = run([{ name: 't', rows: [...titles(9), ...s.rows] }]);
    expect(tenth.skipped).toEqual([]);
    expect(tenth.filings.map((f) => f.row)).toEqual([11]);
    const eleventh = run([{ name: 't', rows: [...titles(10), ...s.rows] }]);
    expect(eleventh.skipped.map((x) => x.sheet)).toEqual(['t']);
    expect(eleventh.filings).toEqual([]);
  });

  test('an account header needs two known columns, one of them the name', () => {
    expect(run([{ name: 'a', rows: [['媒体名称', '随便'], ['x', 'y']] }]).skipped.map((x) => x.sheet)).toEqual(['a']);
    expect(run([{ name: 'b', rows: [['平台', '链接'], ['微博', 'https://weibo.com/u/1']] }]).skipped.map((x) => x.sheet)).toEqual(['b']);
    const two = run([{ name: 'c', rows: [['媒体名称', '平台'], ['x', '微博']] }]);
    expect(two.skipped).toEqual([]);
    expect(two.problems.length).toBeGreaterThan(0);
  });

  test('a group header needs a group-only column and two known columns', () => {
    for (const h of ['群名称', '群号', '群编号', '群二维码（号）']) {
      const r = run([{ name: 'g', rows: [[h, '群平台'], ['x', 'QQ群']] }]);
      expect(r.skipped, h).toEqual([]);
      expect(r.problems.length, h).toBeGreaterThan(0);
    }
    expect(run([{ name: 'g', rows: [['群名称', '随便'], ['x', 'y']] }]).skipped.map((x) => x.sheet)).toEqual(['g']);
  });

  test('blank rows are skipped and rows keep their spreadsheet numbers; a short row reads as empty cells', () => {
    const s = accountSheet();
    const r = run([{ name: 'b', rows: [s.rows[0]!, [], [null, '', '  '], s.rows[1]!, ['教务处', '短行']] }]);
    expect(r.filings.map((f) => [f.row, f.id])).toEqual([[4, 'jwc-weibo']]);
    expect(problems(r)).toEqual([
      'b 5 C 平台：缺少媒体类型（平台），也无法从链接识别',
      'b 5 F 负责人：缺少主要负责人（姓名和手机或办公电话）',
      'b 5 H 管理员：缺少管理员（至少一名，含姓名和手机或办公电话）',
    ]);
  });

  test('the first of two columns for one field wins; labels name the column letter and header', () => {
    const r = one({ '账号名称 ': undefined, 名称: '第二个名称' });
    expect(data(r.filings[0]!).name).toBe('教务速递');
    expect(r.filings[0]!.columns).toEqual({
      unitName: 'A 所属单位', name: 'B 账号名称', platform: 'C 平台', link: 'D 链接地址', 'dates.opened': 'E 开通日期', 'contacts.head.name': 'F 负责人',
      'contacts.head.mobile': 'G 手机号码', 'admins.1.name': 'H 管理员', 'admins.1.mobile': 'I 管理员电话',
    });
  });

  test('a mapping names columns a school calls differently, and overrides the built-in meaning', () => {
    const over = { 负责人: undefined, 手机号码: undefined, 联系人: '张立新', 联系人手机: '13800005412' };
    expect(bad(over)).toEqual(['台账 2 ：缺少主要负责人（姓名和手机或办公电话）']);
    expect(ok(over, { mapping: { 联系人: 'contacts.head.name', '联系人 手机': 'contacts.head.mobile' } })).toEqual(BASE_DATA);
    expect(ok({ 备注: '真名' }, { mapping: { 备注: 'name', 账号名称: 'note' } })).toMatchObject({ name: '真名', note: '教务速递' });
  });
});

describe('importLedger(): one account row', () => {
  test('a plain row: unit by name, platform by name, tier from the policy, state from the dates', () => {
    expect(ok()).toEqual(BASE_DATA);
  });

  test('the unit by id, short name, spaced name, or the name without the school prefix', () => {
    expect(ok({ 所属单位: undefined, 单位编号: 'jwc' }).unit).toBe('jwc');
    expect(ok({ 所属单位: '教务' }).unit).toBe('jwc');
    expect(ok({ 所属单位: '教 务 处' }).unit).toBe('jwc');
    expect(ok({ 所属单位: '计算机学院' })).toMatchObject({ id: 'jsj-weibo', unit: 'jsj', tier: 2 });
    expect(ok({ 所属单位: '青川理工学院计算机学院' }).unit).toBe('jsj');
    expect(ok({ 单位编号: 'nope', 所属单位: '团委' })).toMatchObject({ unit: 'tw', tier: 3 });
  });

  test('unit problems: missing, or not registered (named by id when given)', () => {
    expect(bad({ 所属单位: '' })).toEqual(['台账 2 A 所属单位：缺少主办单位']);
    expect(bad({ 所属单位: undefined })).toEqual(['台账 2 ：缺少主办单位']);
    expect(bad({ 所属单位: undefined, 单位编号: '' })).toEqual(['台账 2 I 单位编号：缺少主办单位']);
    expect(bad({ 所属单位: '学院' })).toEqual(['台账 2 A 所属单位：找不到单位“学院”：请先在 units/ 中登记该单位，或改用已登记单位的名称或编号']);
    expect(bad({ 单位编号: 'nope', 所属单位: '无此单位' })).toEqual(['台账 2 J 单位编号：找不到单位“nope”：请先在 units/ 中登记该单位，或改用已登记单位的名称或编号']);
  });

  test('tier: 1, 2, 3 or 一级, 二级平台, 三级; anything else is refused', () => {
    expect(ok({ 平台级别: '1' }).tier).toBe(1);
    expect(ok({ 平台级别: 3 }).tier).toBe(3);
    expect(ok({ 平台级别: '一级' }).tier).toBe(1);
    expect(ok({ 平台级别: '二级平台' }).tier).toBe(2);
    expect(ok({ 平台级别: '三级' }).tier).toBe(3);
    for (const t of ['4', '0', '12', '一', '2级', '四级']) expect(bad({ 平台级别: t }), t).toEqual(['台账 2 J 平台级别：平台级别应为 1、2、3 或 一级、二级、三级']);
  });

  test('a unit kind the policy gives no tier needs the tier column', () => {
    expect(bad({ 所属单位: '个人' })).toEqual(['台账 2 A 所属单位：管理办法没有为“个人”这类单位规定平台级别，请填写“平台级别”列']);
    expect(ok({ 所属单位: '个人', 平台级别: '3' })).toMatchObject({ unit: 'gr', tier: 3, id: 'gr-weibo' });
  });

  test('the platform from the link or an ID when the platform cell is empty', () => {
    expect(ok({ 平台: '' })).toEqual(BASE_DATA);
    expect(ok({ 平台: undefined })).toEqual(BASE_DATA);
    expect(ok({ 平台: '', 链接地址: 'gh_0123456789ab' })).toEqual({ ...BASE_DATA, id: 'jwc-wechat', platform: 'wechat-mp', link: undefined, keys: [{ kind: 'gh', value: 'gh_0123456789ab' }] });
  });

  test('platform problems: unknown, or missing with nothing to go by', () => {
    expect(bad({ 平台: '快猫', 链接地址: '' })).toEqual([
      '台账 2 C 平台：不认识的平台“快猫”：请写成登记系统支持的平台名称（如 微信公众号、微博、抖音、B站、视频号），其他平台请写“其他”并在“其他平台名称”列注明',
    ]);
    expect(bad({ 平台: '', 链接地址: '' })).toEqual(['台账 2 C 平台：缺少媒体类型（平台），也无法从链接识别']);
    expect(bad({ 平台: undefined, 链接地址: '' })).toEqual(['台账 2 C 链接地址：缺少媒体类型（平台），也无法从链接识别']);
  });

  test('其他 / other platforms, with or without 其他平台名称', () => {
    const link = 'https://kuaimao.example.com/u/1';
    expect(ok({ 平台: '其他', 链接地址: link })).toEqual({ ...BASE_DATA, id: 'jwc-other', platform: 'other', link });
    expect(ok({ 平台: 'OTHER', 链接地址: link }).platform).toBe('other');
    expect(ok({ 平台: '快猫', 链接地址: '', 其他平台名称: '快猫App' })).toEqual({ ...BASE_DATA, id: 'jwc-other', platform: 'other', platformOther: '快猫App', link: undefined });
    expect(ok({ 平台: '其他', 链接地址: link, 其他平台名称: '快猫' })).toMatchObject({ platform: 'other', platformOther: '快猫' });
    // A platform name other than 其他 is not kept as platformOther for a known platform.
    expect(ok({ 其他平台名称: '快猫' }).platformOther).toBeUndefined();
  });

  test('keys: kind:value pairs and bare IDs, separated by ；, ; or line breaks', () => {
    const wechat = { 平台: '微信公众号', 链接地址: '' };
    expect(ok({ ...wechat, 账号标识: 'gh: gh_0123456789ab ；biz:MzA3NjIwMjQ0Mg==' }).keys).toEqual([{ kind: 'gh', value: 'gh_0123456789ab' }, { kind: 'biz', value: 'MzA3NjIwMjQ0Mg==' }]);
    expect(ok({ ...wechat, 账号标识: 'gh_0123456789ab;MzA3NjIwMjQ0Mg==' }).keys).toEqual([{ kind: 'gh', value: 'gh_0123456789ab' }, { kind: 'biz', value: 'MzA3NjIwMjQ0Mg==' }]);
    expect(ok({ ...wechat, 账号标识: 'gh_0123456789ab\n\n' }).keys).toEqual([{ kind: 'gh', value: 'gh_0123456789ab' }]);
    expect(ok({ ...wechat, 账号标识: '' }).keys).toBeUndefined();
  });

  test('a key that is not the platform’s is reported, long ones shortened', () => {
    expect(bad({ 账号标识: 'gh_0123456789ab' })).toEqual(['台账 2 J 账号标识：无法识别账号标识“gh_0123456789ab”为微博的账号ID；请写成“类型:值”（如 gh:gh_0123456789ab）或留空']);
    expect(bad({ 账号标识: 'gh:gh_0123456789ab' })).toEqual(['台账 2 J 账号标识：无法识别账号标识“gh:gh_0123456789ab”为微博的账号ID；请写成“类型:值”（如 gh:gh_0123456789ab）或留空']);
    const long = `gh_${'0'.repeat(38)}`;
    expect(long).toHaveLength(41);
    expect(bad({ 账号标识: long })).toEqual([`台账 2 J 账号标识：无法识别账号标识“${long.slice(0, 40)}…”为微博的账号ID；请写成“类型:值”（如 gh:gh_0123456789ab）或留空`]);
    const forty = `gh_${'0'.repeat(37)}`;
    expect(bad({ 账号标识: forty })).toEqual([`台账 2 J 账号标识：无法识别账号标识“${forty}”为微博的账号ID；请写成“类型:值”（如 gh:gh_0123456789ab）或留空`]);
    expect(bad({ 平台: '快猫', 其他平台名称: undefined, 链接地址: '', 账号标识: 'gh_0123456789ab' })).toContain('台账 2 J 账号标识：无法识别账号标识“gh_0123456789ab”为该平台的账号ID；请写成“类型:值”（如 gh:gh_0123456789ab）或留空');
  });

  test('links: https kept, http upgraded, bare domains get https, an ID in the link column becomes a key', () => {
    expect(ok({ 链接地址: 'HTTPS://weibo.com/u/5678901234' }).link).toBe('HTTPS://weibo.com/u/5678901234');
    expect(ok({ 链接地址: 'http://weibo.com/u/5678901234' }).link).toBe('https://weibo.com/u/5678901234');
    expect(ok({ 链接地址: 'HTTP://weibo.com/u/5678901234' }).link).toBe('https://weibo.com/u/5678901234');
    expect(ok({ 平台: '网站', 链接地址: 'www.example.com/path' })).toMatchObject({ platform: 'website', keys: [{ kind: 'domain', value: 'example.com' }] });
    expect(ok({ 链接地址: 'weibo.com/u/5678901234' })).toEqual({ ...BASE_DATA, link: undefined, keys: [{ kind: 'uid', value: '5678901234' }] });
    // A key from the link is not added twice.
    expect(ok({ 链接地址: 'weibo.com/u/5678901234', 账号标识: 'uid:42' }).keys).toEqual([{ kind: 'uid', value: '42' }]);
    expect(ok({ 平台: '快猫', 其他平台名称: '快猫', 链接地址: 'kuaimao.cn' })).toMatchObject({ platform: 'other', link: 'https://kuaimao.cn' });
    expect(ok({ 链接地址: 'kuaimao.cn/u/1' }).link).toBe('https://kuaimao.cn/u/1');
  });

  test('a link without https that names no ID of the row’s platform is kept as a link, not dropped', () => {
    // 'kuaimao.cn' reads as a website domain or an app package, never as a weibo or douyin ID:
    // it once vanished from the filing without a problem being reported.
    expect(ok({ 链接地址: 'kuaimao.cn' }).link).toBe('https://kuaimao.cn');
    expect(ok({ 平台: '抖音', 链接地址: 'www.kuaimao.cn/u/1' })).toMatchObject({ platform: 'douyin', link: 'https://www.kuaimao.cn/u/1' });
  });

  test('a link that is neither a URL nor an ID is reported', () => {
    expect(bad({ 平台: '快猫', 其他平台名称: '快猫', 链接地址: '快猫上的教务' })).toEqual(['台账 2 D 链接地址：链接应以 https:// 开头（或填写账号ID）']);
    expect(bad({ 平台: '快猫', 其他平台名称: '快猫', 链接地址: 'ftp://kuaimao.cn' })).toEqual(['台账 2 D 链接地址：链接应以 https:// 开头（或填写账号ID）']);
  });

  test('dates in every form staff type, and Excel serials as numbers or text', () => {
    expect(ok({ 开通日期: '2024年3月5日' }).dates).toEqual({ opened: '2024-03-05' });
    expect(ok({ 开通日期: 45356 }).dates).toEqual({ opened: '2024-03-05' });
    expect(ok({ 开通日期: '45356' }).dates).toEqual({ opened: '2024-03-05' });
    expect(ok({ 开通日期: ' 45356.5 ' }).dates).toEqual({ opened: '2024-03-05' });
    expect(ok({ 开通日期: '', 申请日期: '2024-1-2' })).toMatchObject({ dates: { applied: '2024-01-02' }, status: 'applied', filing: 'new' });
  });

  test('dates that are not dates are reported', () => {
    const msg = '日期无法识别或不是真实日期，请写成 2024-03-05、2024/3/5、2024.3.5 或 2024年3月5日';
    for (const d of ['2024.2.30', '4535', '453560', '45356x', 'x45356', '45356.', '昨天'] as Cell[]) expect(bad({ 开通日期: d }), String(d)).toEqual([`台账 2 E 开通日期：${msg}`]);
    expect(bad({ 开通日期: 100 })).toEqual([`台账 2 E 开通日期：${msg}`]);
    expect(bad({ 停办日期: '2024.2.30' })).toEqual([`台账 2 J 停办日期：${msg}`]);
  });

  test('status: ids, labels and the words staff use; from the dates when empty', () => {
    const cases: Array<[string, string]> = [
      ['active', 'active'], ['closed', 'closed'], ['approved', 'approved'], ['applied', 'applied'],
      ['正常运营', 'active'], ['已停办', 'closed'], ['申请中', 'applied'], ['已批准待开通', 'approved'],
      ['注销', 'closed'], ['已关闭', 'closed'], ['停用', 'closed'], ['运行中', 'active'], ['正常', 'active'], ['在用', 'active'], ['运营', 'active'],
      ['待审批申请', 'applied'], ['已批准', 'approved'], ['待开通', 'approved'],
    ];
    for (const [text, status] of cases) expect(ok({ 状态: text }).status, text).toBe(status);
    expect(ok({ 停办日期: '2025-01-01' })).toMatchObject({ status: 'closed', dates: { opened: '2024-03-05', closed: '2025-01-01' } });
    expect(ok({ 开通日期: '' })).toMatchObject({ status: 'applied', filing: 'backfill' });
    expect(ok({ 开通日期: undefined }).dates).toBeUndefined();
    expect(bad({ 状态: '暂停' })).toEqual(['台账 2 J 状态：不认识的状态“暂停”：请写 正常运营、已停办、申请中 或 已批准待开通']);
    expect(bad({ 状态: 'Active' })).toEqual(['台账 2 J 状态：不认识的状态“Active”：请写 正常运营、已停办、申请中 或 已批准待开通']);
  });

  test('filing type: ids, labels and words; from the applied date when empty', () => {
    const cases: Array<[string, string]> = [['new', 'new'], ['申请开通', 'new'], ['新申请', 'new'], ['backfill', 'backfill'], ['已开通备案', 'backfill'], ['补备案', 'backfill'], ['已开通', 'backfill']];
    for (const [text, filing] of cases) expect(ok({ 审批类型: text }).filing, text).toBe(filing);
    expect(ok({ 申请日期: '2024-01-02' }).filing).toBe('new');
    expect(bad({ 审批类型: '其他' })).toEqual(['台账 2 J 审批类型：审批类型应为“申请开通”或“已开通备案”']);
    expect(bad({ 审批类型: 'New' })).toEqual(['台账 2 J 审批类型：审批类型应为“申请开通”或“已开通备案”']);
  });

  test('verification: labels and yes/no words, with subject and note', () => {
    const cases: Array<[string, string]> = [['已认证', 'verified'], ['认证中', 'pending'], ['未认证', 'none'], ['否', 'none'], ['无', 'none'], ['审核中', 'pending'], ['是', 'verified'], ['已通过', 'verified']];
    for (const [text, status] of cases) expect(ok({ 认证状态: text }).verification, text).toEqual({ status });
    expect(ok({ 认证状态: '已认证', 认证主体: '青川理工学院', 认证说明: '蓝V' }).verification).toEqual({ status: 'verified', subject: '青川理工学院', note: '蓝V' });
    expect(ok({ 认证主体: '青川理工学院' }).verification).toBeUndefined();
    expect(bad({ 认证状态: 'V' })).toEqual(['台账 2 J 认证状态：认证状态应为 已认证、认证中 或 未认证']);
  });

  test('follower counts: thousands separators, 万, zero; negative and fractional counts are refused', () => {
    const count = (c: Cell) => (ok({ 粉丝数: c }).followers as { count: number }).count;
    expect(count('1,200')).toBe(1200);
    expect(count('1，200')).toBe(1200);
    expect(count('1 200')).toBe(1200);
    expect(count(1200)).toBe(1200);
    expect(count('1.5万')).toBe(15000);
    expect(count('3万')).toBe(30000);
    expect(count('1.23456万')).toBe(12346);
    expect(count('0')).toBe(0);
    expect(ok({ 粉丝数: '', 统计日期: '2025-12-01' }).followers).toEqual({ asOf: '2025-12-01' });
    expect(ok({ 粉丝数: '' }).followers).toBeUndefined();
    for (const c of ['-1', '1.5', '多', '1.5千']) expect(bad({ 粉丝数: c }), c).toEqual(['台账 2 J 粉丝数：应为不小于 0 的整数']);
  });

  test('approval: number or date make the record; the pull request number alone does not', () => {
    expect(ok({ 审批号: '2024-0001' }).approval).toEqual({ number: '2024-0001' });
    expect(ok({ 审批日期: '2024/1/15', 审批合并请求编号: '42' }).approval).toEqual({ date: '2024-01-15', pr: 42 });
    expect(ok({ 审批合并请求编号: '42' }).approval).toBeUndefined();
    expect(bad({ 审批合并请求编号: '#42' })).toEqual(['台账 2 J 审批合并请求编号：应为不小于 0 的整数']);
  });

  test('text fields: purpose, scope, reason, closure reason, note, former names in any list form', () => {
    expect(
      ok({ 功能定位: ' 教务通知 ', 发布内容范围: '教学安排', 申请理由: '服务师生', 停办理由: '合并', 备注: '内部', 曾用名: '教务在线、教务通；教务网;\n教务' }),
    ).toEqual({
      ...BASE_DATA,
      purpose: '教务通知',
      contentScope: '教学安排',
      reason: '服务师生',
      closure: { reason: '合并' },
      note: '内部',
      formerNames: ['教务在线', '教务通', '教务网', '教务'],
    });
    expect(ok({ 曾用名: ' ；、' }).formerNames).toBeUndefined();
  });

  test('people: title, office phone and email; phones normalised; a mobile typed as office phone kept as mobile', () => {
    const head = (over: Record<string, Cell>) => (ok({ 手机号码: '', ...over }).contacts as { head: unknown }).head;
    expect(head({ 负责人职务: '处长', 负责人办公电话: '0571-88880000', 手机号码: '138 0000 5412', 负责人邮箱: 'a@example.edu.cn' })).toEqual({
      name: '张立新', title: '处长', officePhone: '0571-88880000', mobile: '13800005412', email: 'a@example.edu.cn',
    });
    expect(head({ 负责人办公电话: '0571 8888 0000转12' })).toEqual({ name: '张立新', officePhone: '0571-88880000-12' });
    expect(head({ 负责人办公电话: '6137' })).toEqual({ name: '张立新', officePhone: '6137' });
    expect(head({ 负责人办公电话: '010-62751234-5' })).toEqual({ name: '张立新', officePhone: '010-62751234-5' });
    expect(head({ 负责人办公电话: '138 0000 5412' })).toEqual({ name: '张立新', mobile: '13800005412' });
    expect(head({ 负责人办公电话: '+86 138 0000 5412' })).toEqual({ name: '张立新', mobile: '13800005412' });
    expect(head({ 负责人办公电话: '13900001111', 手机号码: '13800005412' })).toEqual({ name: '张立新', mobile: '13800005412' });
    expect(head({ 负责人: '', 负责人邮箱: 'a@example.edu.cn', 手机号码: '13800005412' })).toEqual({ mobile: '13800005412', email: 'a@example.edu.cn' });
  });

  test('phone problems are reported on their column', () => {
    expect(bad({ 手机号码: '1380000' })).toEqual(['台账 2 G 手机号码：手机号码应为 11 位数字（可带空格、横线或 +86）']);
    expect(bad({ 负责人办公电话: '办公室' })).toEqual(['台账 2 J 负责人办公电话：办公电话格式不正确（如 0571-88880000，或校内短号）']);
  });

  test('head, leader and admins: missing ones are reported; up to 20 admins are read', () => {
    expect(bad({ 负责人: '', 手机号码: '' })).toEqual(['台账 2 F 负责人：缺少主要负责人（姓名和手机或办公电话）']);
    expect(bad({ 负责人: undefined, 手机号码: undefined })).toEqual(['台账 2 ：缺少主要负责人（姓名和手机或办公电话）']);
    expect(bad({ 管理员: '', 管理员电话: '' })).toEqual(['台账 2 H 管理员：缺少管理员（至少一名，含姓名和手机或办公电话）']);
    expect(bad({ 管理员: undefined, 管理员电话: undefined })).toEqual(['台账 2 B 账号名称：缺少管理员（至少一名，含姓名和手机或办公电话）']);
    const many = ok({ 管理员: undefined, 管理员电话: undefined, 管理员2姓名: '乙', 管理员2手机: '13900000002', 管理员20姓名: '癸', 管理员20办公电话: '6137' }).contacts;
    expect(many).toEqual({ head: { name: '张立新', mobile: '13800005412' }, admins: [{ name: '乙', mobile: '13900000002' }, { name: '癸', officePhone: '6137' }] });
    expect(ok({ 分管领导: '李书记', 分管领导手机: '13900000009', 分管领导职务: '副校长' }).contacts).toMatchObject({ leader: { name: '李书记', title: '副校长', mobile: '13900000009' } });
  });

  test('history lines: date｜kind｜summary｜reported, kinds by label or id', () => {
    expect(ok({ 变更记录: '2025.3.1｜名称变更｜改名｜2025/3/2\n\n 2025-04-01 ｜ admins ｜ 换人 ' }).history).toEqual([
      { date: '2025-03-01', kind: 'rename', summary: '改名', reported: '2025-03-02' },
      { date: '2025-04-01', kind: 'admins', summary: '换人' },
    ]);
    expect(ok({ 变更记录: '2025-03-01｜停办｜停止运营｜' }).history).toEqual([{ date: '2025-03-01', kind: 'closure', summary: '停止运营' }]);
    const msg = '台账 2 J 变更记录：变更记录每行应为“日期｜变更类型｜变更内容｜报备日期（可空）”';
    for (const line of ['2025-03-01｜改名啦｜改名', '2025-02-30｜名称变更｜改名', '｜名称变更｜改名', '2025-03-01｜名称变更｜', '2025-03-01｜名称变更', '2025-03-01｜名称变更｜改名｜昨天']) expect(bad({ 变更记录: line }), line).toEqual([msg]);
  });

  test('ids: given, generated from unit and platform, unique against the registry and this import', () => {
    expect(ok({ 编号: 'my-id' }).id).toBe('my-id');
    expect(ok({}, { accounts: ['jwc-weibo'] }).id).toBe('jwc-weibo-2');
    expect(ok({}, { accounts: ['jwc-weibo', 'jwc-weibo-2'], groups: ['jwc-weibo-3'] }).id).toBe('jwc-weibo-4');
    expect(ok({ 平台: '微信公众号', 链接地址: 'gh_0123456789ab' }).id).toBe('jwc-wechat');
    expect(ok({ 平台: '微信小程序', 链接地址: '' }).id).toBe('jwc-mini');
    expect(ok({ 平台: '视频号', 链接地址: '' }).id).toBe('jwc-channels');
    expect(ok({ 平台: 'B站', 链接地址: '' }).id).toBe('jwc-bilibili');
    const s = accountSheet();
    const r = run([{ name: 'x', rows: [...s.rows, s.rows[1]!] }, { name: 'y', rows: s.rows }]);
    expect(r.filings.map((f) => [f.sheet, f.row, f.id, f.file])).toEqual([
      ['x', 2, 'jwc-weibo', 'accounts/jwc/jwc-weibo.mdx'],
      ['x', 3, 'jwc-weibo-2', 'accounts/jwc/jwc-weibo-2.mdx'],
      ['y', 2, 'jwc-weibo-3', 'accounts/jwc/jwc-weibo-3.mdx'],
    ]);
  });

  test('the same given id twice in one import is reported on the second row, which is left out', () => {
    const s = accountSheet({ 编号: 'dup' });
    const r = run([{ name: 'x', rows: [...s.rows, s.rows[1]!, [...s.rows[1]!.slice(0, 9), 'other']] }]);
    expect(r.filings.map((f) => [f.row, f.id])).toEqual([[2, 'dup'], [4, 'other']]);
    expect(problems(r)).toEqual(['x 3 J 编号：编号 dup 在本次导入中重复（同一编号只能出现一行）']);
  });

  test('a row with any problem plans no filing; the next row still does', () => {
    const s = accountSheet();
    const badRow = [...s.rows[1]!];
    badRow[6] = '123';
    const r = run([{ name: 'x', rows: [s.rows[0]!, badRow, s.rows[1]!] }]);
    expect(problems(r)).toEqual(['x 2 G 手机号码：手机号码应为 11 位数字（可带空格、横线或 +86）']);
    expect(r.filings.map((f) => [f.row, f.id])).toEqual([[3, 'jwc-weibo']]);
  });

  test('a row without a name is reported and planned no filing', () => {
    expect(bad({ 账号名称: '' })).toEqual(['台账 2 B 账号名称：缺少媒体名称']);
  });
});

describe('importLedger(): one work-group row', () => {
  const gRun = (over: Record<string, Cell | undefined> = {}, opts: Parameters<typeof run>[1] = {}) => run([groupSheet(over)], opts);
  const gOk = (over: Record<string, Cell | undefined> = {}, opts: Parameters<typeof run>[1] = {}) => {
    const r = gRun(over, opts);
    expect(problems(r)).toEqual([]);
    expect(r.filings).toHaveLength(1);
    return r.filings[0]!;
  };
  const gBad = (over: Record<string, Cell | undefined>) => {
    const r = gRun(over);
    expect(r.filings).toEqual([]);
    return problems(r);
  };

  test('a plain group row: platform, number without spaces, unit, head, created; file and id', () => {
    const f = gOk();
    expect([f.kind, f.file, f.id, f.sheet, f.row]).toEqual(['group', 'groups/jwc/jwc-group.yaml', 'jwc-group', '工作群登记', 2]);
    expect(f.text.startsWith('---')).toBe(false);
    expect(data(f)).toEqual({ id: 'jwc-group', platform: 'qq-group', number: '12345678', name: '教务工作群', memberTypes: [], admins: [], unit: 'jwc', head: { name: '张立新', mobile: '13800005412' }, created: '2026-01-05' });
  });

  test('every group field', () => {
    const f = gOk({
      群编号: 'g1', 建群范围: '教职工', 群人数: '1,200', 覆盖人员类型: '教职工、学生', 管理员1姓名: '甲', 管理员1手机: '13900000001', 管理员2姓名: '乙', 手机2: '139 0000 0002',
      email: 'g@example.edu.cn', 部门负责人职务: '处长', 部门负责人办公电话: '6137', 部门负责人邮箱: 'h@example.edu.cn', 解散日期: '2026/2/1', 解散报备日期: '2026年2月2日', 备注: '说明',
    });
    expect(data(f)).toEqual({
      id: 'g1', platform: 'qq-group', number: '12345678', name: '教务工作群', scope: '教职工', members: 1200, memberTypes: ['教职工', '学生'],
      admins: [{ name: '甲', mobile: '13900000001' }, { name: '乙', mobile: '13900000002' }], email: 'g@example.edu.cn', unit: 'jwc',
      head: { name: '张立新', title: '处长', officePhone: '6137', mobile: '13800005412', email: 'h@example.edu.cn' }, created: '2026-01-05', dissolved: '2026-02-01',
      dissolutionReported: '2026-02-02', note: '说明',
    });
  });

  test('an admin with only a name or only a mobile is kept; an empty number is null', () => {
    expect(data(gOk({ 群号: ' ', 管理员2姓名: '乙', 管理员1手机: '13900000001' }))).toMatchObject({ number: null, admins: [{ mobile: '13900000001' }, { name: '乙' }] });
  });

  test('platforms: the group platforms and 其他; not account platforms', () => {
    expect(data(gOk({ 群平台: '微信群' })).platform).toBe('wechat-group');
    expect(data(gOk({ 群平台: '钉钉群' })).platform).toBe('dingtalk-group');
    expect(data(gOk({ 群平台: '其他' })).platform).toBe('other');
    expect(data(gOk({ 群平台: 'Other' })).platform).toBe('other');
    const msg = (p: string) => `工作群登记 2 B 群平台：不认识的群平台“${p}”：请写 QQ群、微信群、企业微信群、钉钉群 或 其他`;
    expect(gBad({ 群平台: '微博' })).toEqual([msg('微博')]);
    expect(gBad({ 群平台: '飞书群' })).toEqual([msg('飞书群')]);
    expect(gBad({ 群平台: '' })).toEqual(['工作群登记 2 B 群平台：缺少群平台（QQ群、微信群、企业微信群、钉钉群）']);
  });

  test('missing name, unit, head, created and bad values are reported by column', () => {
    expect(gBad({ 群名称: '' })).toEqual(['工作群登记 2 A 群名称：缺少群名称']);
    expect(gBad({ 所属部门: '' })).toEqual(['工作群登记 2 D 所属部门：缺少主办单位']);
    expect(gBad({ 部门负责人: '', 部门负责人手机: '' })).toEqual(['工作群登记 2 F 部门负责人：缺少部门负责人']);
    expect(gBad({ 建群日期: '' })).toEqual(['工作群登记 2 E 建群日期：缺少建群日期']);
    expect(gBad({ 建群日期: '2026-02-30' })).toEqual([
      '工作群登记 2 E 建群日期：日期无法识别或不是真实日期，请写成 2024-03-05、2024/3/5、2024.3.5 或 2024年3月5日',
      '工作群登记 2 E 建群日期：缺少建群日期',
    ]);
    expect(gBad({ 管理员1手机: '123' })).toEqual(['工作群登记 2 H 管理员1手机：手机号码应为 11 位数字（可带空格、横线或 +86）']);
    expect(gBad({ 群人数: '-3' })).toEqual(['工作群登记 2 H 群人数：应为不小于 0 的整数']);
    expect(gBad({ 解散日期: '昨天' })).toEqual(['工作群登记 2 H 解散日期：日期无法识别或不是真实日期，请写成 2024-03-05、2024/3/5、2024.3.5 或 2024年3月5日']);
  });

  test('group ids are unique against the registry', () => {
    expect(gOk({}, { groups: ['jwc-group'] }).id).toBe('jwc-group-2');
    expect(gOk({}, { accounts: ['jwc-group', 'jwc-group-2'] }).file).toBe('groups/jwc/jwc-group-3.yaml');
  });
});
