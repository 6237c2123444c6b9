// The internal ledger (src/domain/ledger.ts) in process: the account columns import reads back,
// every cell of the account and group sheets, the five sheets of buildLedger on a small registry
// (sorting, derived states, latest review, open obligations only) and the fitted column widths.
import { describe, expect, test } from 'vitest';
import {
  ACCOUNT_DERIVED_COLUMNS,
  GROUP_COLUMNS,
  accountCell,
  accountColumns,
  buildLedger,
  fittedWidths,
  groupCell,
  historyLine,
  textWidth,
  type Cell,
  type LedgerSheet,
} from '../../src/domain/ledger.ts';
import type { Account } from '../../src/domain/schema/account.ts';
import type { Group } from '../../src/domain/schema/group.ts';
import { account, group, presetPolicy, registry, review, unit } from '../obligations-fixtures.ts';

/** A sheet's rows as header → value records, empty cells left out (an extra or missing value fails toEqual). */
function records(sheet: LedgerSheet): Array<Record<string, Cell | undefined>> {
  return sheet.rows.map((r) => Object.fromEntries(sheet.columns.map((c, i) => [c.header, r[i]] as const).filter(([, v]) => v !== null)));
}

const PERSON_KEYS = (prefix: string, label: string) => [
  [`${prefix}.name`, `${label}姓名`],
  [`${prefix}.title`, `${label}职务`],
  [`${prefix}.officePhone`, `${label}办公电话`],
  [`${prefix}.mobile`, `${label}手机`],
  [`${prefix}.email`, `${label}邮箱`],
];

const OWN_COLUMNS = [
  ['id', '账号编号', 'text'],
  ['name', '媒体名称', 'text'],
  ['formerNames', '曾用名', 'text'],
  ['platform', '媒体类型', 'text'],
  ['platformOther', '其他平台名称', 'text'],
  ['keys', '账号标识', 'text'],
  ['link', '媒体链接地址', 'text'],
  ['unit', '单位编号', 'text'],
  ['unitName', '主办单位', 'text'],
  ['tier', '平台级别', 'int'],
  ['status', '备案状态', 'text'],
  ['filing', '审批类型', 'text'],
  ['purpose', '功能定位', 'text'],
  ['contentScope', '发布内容范围', 'text'],
  ['reason', '申请理由', 'text'],
  ['verification.status', '认证状态', 'text'],
  ['verification.subject', '认证主体', 'text'],
  ['verification.note', '认证说明', 'text'],
  ['dates.applied', '申请时间', 'date'],
  ['dates.plannedOpening', '拟开通时间', 'date'],
  ['dates.opened', '开通时间', 'date'],
  ['dates.closed', '停办时间', 'date'],
  ['closure.reason', '停办理由', 'text'],
  ['followers.count', '粉丝量', 'int'],
  ['followers.asOf', '粉丝统计日期', 'date'],
  ['approval.number', '审批号', 'text'],
  ['approval.date', '审批日期', 'date'],
  ['approval.pr', '审批合并请求编号', 'int'],
];

function expectedColumns(admins: number) {
  const persons = [
    ...PERSON_KEYS('contacts.head', '主要负责人'),
    ...PERSON_KEYS('contacts.leader', '分管领导'),
    ...Array.from({ length: admins }, (_, i) => PERSON_KEYS(`admins.${i + 1}`, `管理员${i + 1}`)).flat(),
  ].map(([key, header]) => ({ key, header, type: 'text' }));
  return [
    ...OWN_COLUMNS.map(([key, header, type]) => ({ key, header, type })),
    ...persons,
    { key: 'history', header: '变更记录', type: 'text' },
    { key: 'note', header: '备注', type: 'text' },
  ];
}

describe('accountColumns()', () => {
  test('every field in order, with at least two admins', () => {
    expect(accountColumns(0)).toEqual(expectedColumns(2));
    expect(accountColumns(1)).toEqual(expectedColumns(2));
    expect(accountColumns(2)).toEqual(expectedColumns(2));
  });

  test('more admins get more columns', () => {
    expect(accountColumns(3)).toEqual(expectedColumns(3));
    expect(accountColumns(3)).toHaveLength(OWN_COLUMNS.length + 5 * 5 + 2);
  });
});

describe('historyLine()', () => {
  test('date｜kind｜summary｜reported', () => {
    expect(historyLine({ date: '2026-03-01', kind: 'rename', summary: '改名为新名', reported: '2026-03-05' })).toBe('2026-03-01｜名称变更｜改名为新名｜2026-03-05');
  });
  test('no reported date leaves the last part empty; separators and line breaks in the summary become spaces', () => {
    expect(historyLine({ date: '2026-03-01', kind: 'closure', summary: '第一行\n第二｜三' })).toBe('2026-03-01｜停办｜第一行 第二 三｜');
  });
  test('each change kind has its Chinese label', () => {
    const kinds = ['rename', 'admins', 'head', 'leader', 'maintenance', 'handover', 'keys', 'scope', 'verification', 'closure', 'other'] as const;
    expect(kinds.map((kind) => historyLine({ date: '2026-01-02', kind, summary: 's' }).split('｜')[1])).toEqual([
      '名称变更', '管理员变更', '主要负责人变更', '分管领导变更', '维护方式变更', '移交其他单位', '账号信息补报或变更', '功能定位或内容范围变更', '认证信息变更', '停办', '其他变更',
    ]);
  });
});

function richAccount(): Account {
  return account({
    id: 'jwc-wechat',
    name: '青川教务',
    formerNames: ['教务在线', '教务通'],
    keys: [{ kind: 'gh', value: 'gh_0123456789ab' }, { kind: 'wxid', value: 'qcjwc' }],
    link: 'https://mp.weixin.qq.com/x',
    tier: 2,
    status: 'closed',
    filing: 'backfill',
    purpose: '教务通知',
    contentScope: '教学安排',
    reason: '服务师生',
    verification: { status: 'verified', subject: '青川理工学院', note: '年审通过' },
    dates: { applied: '2024-01-01', plannedOpening: '2024-01-10', opened: '2024-01-20', closed: '2026-02-01' },
    closure: { reason: '合并' },
    followers: { count: 1200, asOf: '2025-12-01' },
    approval: { number: '2024-0001', date: '2024-01-15', pr: 42 },
    history: [
      { date: '2025-03-01', kind: 'rename', summary: '改名', reported: '2025-03-02' },
      { date: '2025-04-01', kind: 'admins', summary: '换人' },
    ],
    contacts: {
      head: { name: '张主任', title: '处长', officePhone: '0571-88880000', mobile: '13800000001', email: 'head@example.edu.cn' },
      leader: { name: '李书记', mobile: '13800000002' },
      admins: [{ name: '王一', mobile: '13800000003' }, { name: '赵二', officePhone: '6137', email: 'zhao@example.edu.cn' }],
    },
    note: '内部备注',
  }).data;
}

describe('accountCell()', () => {
  test.each([
    ['id', 'jwc-wechat'],
    ['name', '青川教务'],
    ['formerNames', '教务在线；教务通'],
    ['platform', '微信公众号'],
    ['platformOther', null],
    ['keys', 'gh:gh_0123456789ab；wxid:qcjwc'],
    ['link', 'https://mp.weixin.qq.com/x'],
    ['unit', 'jwc'],
    ['unitName', '教务处'],
    ['tier', 2],
    ['status', '已停办'],
    ['filing', '已开通备案'],
    ['purpose', '教务通知'],
    ['contentScope', '教学安排'],
    ['reason', '服务师生'],
    ['verification.status', '已认证'],
    ['verification.subject', '青川理工学院'],
    ['verification.note', '年审通过'],
    ['dates.applied', '2024-01-01'],
    ['dates.plannedOpening', '2024-01-10'],
    ['dates.opened', '2024-01-20'],
    ['dates.closed', '2026-02-01'],
    ['closure.reason', '合并'],
    ['followers.count', 1200],
    ['followers.asOf', '2025-12-01'],
    ['approval.number', '2024-0001'],
    ['approval.date', '2024-01-15'],
    ['approval.pr', 42],
    ['history', '2025-03-01｜名称变更｜改名｜2025-03-02\n2025-04-01｜管理员变更｜换人｜'],
    ['note', '内部备注'],
    ['contacts.head.name', '张主任'],
    ['contacts.head.title', '处长'],
    ['contacts.head.officePhone', '0571-88880000'],
    ['contacts.head.mobile', '13800000001'],
    ['contacts.head.email', 'head@example.edu.cn'],
    ['contacts.leader.name', '李书记'],
    ['contacts.leader.mobile', '13800000002'],
    ['contacts.leader.title', null],
    ['admins.1.name', '王一'],
    ['admins.1.mobile', '13800000003'],
    ['admins.1.email', null],
    ['admins.2.name', '赵二'],
    ['admins.2.officePhone', '6137'],
    ['admins.2.email', 'zhao@example.edu.cn'],
    ['admins.3.name', null],
    ['admins.x.name', null],
    ['nonsense', null],
    ['contacts.head', null],
  ])('a full account: %s → %j', (key, value) => expect(accountCell(richAccount(), key, '教务处')).toEqual(value));

  test.each([
    ['formerNames'], ['platformOther'], ['keys'], ['link'], ['contentScope'], ['reason'], ['verification.status'], ['verification.subject'], ['verification.note'],
    ['dates.plannedOpening'], ['dates.closed'], ['closure.reason'], ['followers.count'], ['followers.asOf'], ['approval.number'], ['approval.date'], ['approval.pr'],
    ['history'], ['note'], ['contacts.leader.name'], ['contacts.leader.mobile'], ['contacts.head.email'], ['admins.2.name'],
  ])('a minimal account: %s is empty', (key) => {
    const a = account({ id: 'm', keys: [] }).data;
    expect(accountCell(a, key, '教务处')).toBeNull();
  });

  test('the other labels: pending and unverified, 申请开通, other platform, unknown platform id as is', () => {
    // Built without the schema: only the cells are under test here.
    const a: Account = { ...account({ id: 'o', keys: [] }).data, platform: 'other', platformOther: '某平台', filing: 'new', status: 'applied', verification: { status: 'pending' } };
    expect(accountCell(a, 'platform', '')).toBe('其他');
    expect(accountCell(a, 'platformOther', '')).toBe('某平台');
    expect(accountCell(a, 'filing', '')).toBe('申请开通');
    expect(accountCell(a, 'status', '')).toBe('申请中');
    expect(accountCell(a, 'verification.status', '')).toBe('认证中');
    expect(accountCell(a, 'verification.subject', '')).toBeNull();
    expect(accountCell({ ...a, verification: { status: 'none' } }, 'verification.status', '')).toBe('未认证');
    expect(accountCell({ ...a, status: 'approved' }, 'status', '')).toBe('已批准待开通');
    expect(accountCell({ ...a, status: 'closed' }, 'status', '')).toBe('已停办');
    expect(accountCell({ ...a, platform: 'no-such-platform' as Account['platform'] }, 'platform', '')).toBe('no-such-platform');
  });
});

describe('groupCell()', () => {
  const g = (): Group =>
    group('g1', {
      platform: 'qq-group',
      number: '12345678',
      admins: [{ name: '甲', mobile: '13800000001' }, { name: '乙', mobile: '13800000002' }],
      memberTypes: ['教职工', '学生'],
      head: { name: '主任', title: '处长', mobile: '13800000003' },
      dissolved: '2026-02-01',
      note: '备注',
    }).data;

  test.each([
    ['id', 'g1'],
    ['platform', 'QQ群'],
    ['number', '12345678'],
    ['name', '工作群g1'],
    ['scope', '本部门教职工'],
    ['members', 30],
    ['memberTypes', '教职工；学生'],
    ['admins.1.name', '甲'],
    ['admins.1.mobile', '13800000001'],
    ['admins.2.name', '乙'],
    ['admins.2.mobile', '13800000002'],
    ['admins.3.name', null],
    ['email', 'group@example.edu.cn'],
    ['unit', 'jwc'],
    ['unitName', '教务处'],
    ['head.name', '主任'],
    ['head.title', '处长'],
    ['head.mobile', '13800000003'],
    ['head.email', null],
    ['created', '2026-01-05'],
    ['dissolved', '2026-02-01'],
    ['dissolutionReported', null],
    ['note', '备注'],
    ['admins', null],
    ['head', null],
    ['nonsense', null],
  ])('%s → %j', (key, value) => expect(groupCell(g(), key, '教务处')).toEqual(value));

  test('a group without a number, a second admin or a note', () => {
    const h = group('g2').data;
    expect(GROUP_COLUMNS.map((c) => groupCell(h, c.key, '单位'))).toEqual([
      'g2', '微信群', null, '工作群g2', '本部门教职工', 30, '教职工', '张三', '13800000000', null, null, 'group@example.edu.cn', 'jwc', '单位',
      '张三', null, null, '13800000000', null, '2026-01-05', null, null, null,
    ]);
  });

  test('an unknown platform id is written as is', () => {
    expect(groupCell({ ...group('g3').data, platform: 'nope' as Group['platform'] }, 'platform', '')).toBe('nope');
  });
});

describe('buildLedger()', () => {
  const POLICY = presetPolicy('000');

  function sample() {
    return registry({
      units: [
        unit('old', 'office', { status: 'merged', statusDate: '2025-07-01', successor: 'jwc', shortName: '旧处', parent: 'jwc', owners: ['@alice', '@org/team'] }),
        unit('kid', 'college', { parent: 'nowhere' }),
      ],
      accounts: [
        account({ id: 'b', unit: 'jwc', dates: { applied: '2024-01-01', opened: '2024-01-20' }, contacts: { head: { name: '甲', mobile: '13800000001' }, admins: [{ name: '乙', mobile: '13800000002' }, { name: '丙', mobile: '13800000003' }, { name: '丁', officePhone: '6137' }] } }),
        account({ id: 'a', unit: 'jwc', dates: { applied: '2024-01-01', opened: '2024-01-20' }, history: [{ date: '2026-02-01', kind: 'rename', summary: '改名', reported: '2026-02-20' }] }),
        account({ id: 'z', unit: 'ghost', dates: { applied: '2026-01-01', opened: '2026-01-20' } }),
        account({ id: 'x', unit: 'jsj', status: 'closed', dates: { applied: '2024-01-01', opened: '2024-01-20', closed: '2025-10-10' }, closure: { reason: '停止运营' } }),
      ],
      reviews: [review('a', 2025, '2025-12-12', 'fail'), review('a', 2024, '2024-12-15'), review('b', 2024, '2024-12-15'), review('b', 2025, '2025-12-15', 'pending'), review('gone', 2025, '2025-12-14')],
      groups: [group('g2', { unit: 'jsj' }), group('g1', { unit: 'jsj', dissolved: '2026-02-01' }), group('g0', { unit: 'ghost' })],
    });
  }

  test('five sheets in order with their headers and column types', () => {
    const sheets = buildLedger(sample(), POLICY, '2026-03-01');
    expect(sheets.map((s) => s.name)).toEqual(['账号', '单位', '工作群', '年审', '待办事项']);
    expect(sheets[0]!.columns).toEqual([...accountColumns(3).map(({ header, type }) => ({ header, type })), ...ACCOUNT_DERIVED_COLUMNS]);
    expect(ACCOUNT_DERIVED_COLUMNS).toEqual([
      { header: '当前状态', type: 'text' },
      { header: '状态原因', type: 'text' },
      { header: '最近年审年度', type: 'int' },
      { header: '最近年审结果', type: 'text' },
    ]);
    expect(sheets[1]!.columns.map((c) => `${c.header}:${c.type}`)).toEqual([
      '单位编号:text', '单位名称:text', '简称:text', '单位类型:text', '上级单位:text', '状态:text', '状态变更日期:date', '承继单位:text', '第一责任人职务:text', '维护账号（GitHub）:text', '账号数:int',
    ]);
    expect(sheets[2]!.columns).toEqual(GROUP_COLUMNS.map(({ header, type }) => ({ header, type })));
    expect(sheets[3]!.columns.map((c) => `${c.header}:${c.type}`)).toEqual([
      '年度:int', '账号编号:text', '媒体名称:text', '主办单位:text', '提交日期:date', '全年推送条数:int', '总粉丝数:int', '全年最佳图文:text', '最佳图文链接:text', '点击量:int', '转发量:int',
      '有无违规发布:text', '违规情况说明:text', '推送清单:text', '负责人姓名:text', '负责人职务:text', '负责人办公电话:text', '负责人手机:text', '负责人邮箱:text', '所在部门意见:text', '年审结果:text',
      '审核日期:date', '审核意见:text',
    ]);
    expect(sheets[4]!.columns.map((c) => `${c.header}:${c.type}`)).toEqual([
      '单位编号:text', '单位名称:text', '对象:text', '名称:text', '事项:text', '截止日期:date', '状态:text', '逾期天数:int', '依据:text', '说明:text',
    ]);
    for (const s of sheets) for (const r of s.rows) expect(r).toHaveLength(s.columns.length);
  });

  test('account rows: sorted by unit then id, unit names, derived state and reason, latest review', () => {
    const [accounts] = buildLedger(sample(), POLICY, '2026-03-01');
    const base = { 媒体类型: '微信公众号', 账号标识: 'gh:gh_0123456789ab', 平台级别: 2, 备案状态: '正常运营', 审批类型: '申请开通', 功能定位: '发布工作信息', 申请时间: '2024-01-01', 开通时间: '2024-01-20' };
    const zhang = { 主要负责人姓名: '张三', 主要负责人手机: '13800000000', 管理员1姓名: '张三', 管理员1手机: '13800000000' };
    expect(records(accounts!)).toEqual([
      { ...base, ...zhang, 账号编号: 'z', 媒体名称: '账号z', 单位编号: 'ghost', 主办单位: 'ghost', 申请时间: '2026-01-01', 开通时间: '2026-01-20', 当前状态: '正常运营' },
      {
        ...base, ...zhang, 账号编号: 'x', 媒体名称: '账号x', 单位编号: 'jsj', 主办单位: '单位jsj', 备案状态: '已停办', 停办时间: '2025-10-10', 停办理由: '停止运营', 当前状态: '已停办',
      },
      {
        ...base, ...zhang, 账号编号: 'a', 媒体名称: '账号a', 单位编号: 'jwc', 主办单位: '单位jwc', 变更记录: '2026-02-01｜名称变更｜改名｜2026-02-20',
        当前状态: '暂停运行', 状态原因: '2025 年度年审不合格（自 2025-12-12 起，依据第五条）', 最近年审年度: 2025, 最近年审结果: '不合格',
      },
      {
        ...base, 账号编号: 'b', 媒体名称: '账号b', 单位编号: 'jwc', 主办单位: '单位jwc', 主要负责人姓名: '甲', 主要负责人手机: '13800000001',
        管理员1姓名: '乙', 管理员1手机: '13800000002', 管理员2姓名: '丙', 管理员2手机: '13800000003', 管理员3姓名: '丁', 管理员3办公电话: '6137',
        当前状态: '正常运营', 最近年审年度: 2025, 最近年审结果: '审核中',
      },
    ]);
  });

  test('with at most one admin per account the sheet still has two admin column groups', () => {
    const reg = registry({ accounts: [account({ id: 'a' })] });
    const [accounts] = buildLedger(reg, POLICY, '2026-03-01');
    expect(accounts!.columns.filter((c) => c.header.startsWith('管理员')).map((c) => c.header)).toEqual([
      '管理员1姓名', '管理员1职务', '管理员1办公电话', '管理员1手机', '管理员1邮箱', '管理员2姓名', '管理员2职务', '管理员2办公电话', '管理员2手机', '管理员2邮箱',
    ]);
  });

  test('unit rows: sorted by id, kinds and states in Chinese, parent by name, owners, account counts', () => {
    const [, units] = buildLedger(sample(), POLICY, '2026-03-01');
    expect(units!.rows).toEqual([
      ['jsj', '单位jsj', null, '学院（系部）', null, '正常', null, null, '主要负责人', null, 1],
      ['jwc', '单位jwc', null, '党政职能部门', null, '正常', null, null, '主要负责人', null, 2],
      ['kid', '单位kid', null, '学院（系部）', 'nowhere（nowhere）', '正常', null, null, '主要负责人', null, 0],
      ['old', '单位old', '旧处', '党政职能部门', '单位jwc（jwc）', '已合并', '2025-07-01', 'jwc', '主要负责人', '@alice；@org/team', 0],
      ['tw', '单位tw', null, '团学组织', null, '正常', null, null, '主要负责人', null, 0],
      ['xsh', '单位xsh', null, '团学组织', null, '正常', null, null, '主要负责人', null, 0],
    ]);
  });

  test('unit states renamed and dissolved', () => {
    const reg = registry({ units: [unit('r1', 'office', { status: 'renamed', statusDate: '2025-01-01', successor: 'jwc' }), unit('d1', 'office', { status: 'dissolved', statusDate: '2025-01-01' })] });
    const [, units] = buildLedger(reg, POLICY, '2026-03-01');
    expect(units!.rows.filter((r) => r[0] === 'r1' || r[0] === 'd1').map((r) => r[5])).toEqual(['已撤销', '已更名']);
  });

  test('group rows: sorted by unit then id, with the unit’s name (or its id when unknown)', () => {
    const [, , groups] = buildLedger(sample(), POLICY, '2026-03-01');
    expect(groups!.rows.map((r) => [r[0], r[12], r[13], r[20]])).toEqual([
      ['g0', 'ghost', 'ghost', null],
      ['g1', 'jsj', '单位jsj', '2026-02-01'],
      ['g2', 'jsj', '单位jsj', null],
    ]);
  });

  test('review rows: newest year first, then by account; unknown accounts have no name or unit', () => {
    const reg = sample();
    reg.reviews[0]!.data = {
      ...reg.reviews[0]!.data,
      bestPost: { title: '最佳', url: 'https://mp.weixin.qq.com/s/a', views: 900, shares: 30 },
      violations: { any: true, details: '转载未注明' },
      pushList: 'reviews/2025/a.pushes.csv',
      head: { name: '张三', title: '处长', officePhone: '6137', mobile: '13800000000', email: 'a@example.edu.cn' },
      unitOpinion: '同意',
      result: { outcome: 'fail', date: '2025-12-12', note: '整改' },
    } as (typeof reg.reviews)[number]['data'];
    const [, , , reviews] = buildLedger(reg, POLICY, '2026-03-01');
    const tail = ['张三', null, null, '13800000000', null, null];
    expect(reviews!.rows).toEqual([
      [2025, 'a', '账号a', '单位jwc', '2025-12-12', 100, 1000, '最佳', 'https://mp.weixin.qq.com/s/a', 900, 30, '有', '转载未注明', 'reviews/2025/a.pushes.csv', '张三', '处长', '6137', '13800000000', 'a@example.edu.cn', '同意', '不合格', '2025-12-12', '整改'],
      [2025, 'b', '账号b', '单位jwc', '2025-12-15', 100, 1000, null, null, null, null, '无', null, null, ...tail, '审核中', null, null],
      [2025, 'gone', null, null, '2025-12-14', 100, 1000, null, null, null, null, '无', null, null, ...tail, '合格', '2025-12-14', null],
      [2024, 'a', '账号a', '单位jwc', '2024-12-15', 100, 1000, null, null, null, null, '无', null, null, ...tail, '合格', '2024-12-15', null],
      [2024, 'b', '账号b', '单位jwc', '2024-12-15', 100, 1000, null, null, null, null, '无', null, null, ...tail, '合格', '2024-12-15', null],
    ]);
  });

  test('obligation rows: only open ones (a late but filed change is not listed)', () => {
    const [, , , , todo] = buildLedger(sample(), POLICY, '2026-03-01');
    expect(todo!.rows).toEqual([
      ['jwc', '单位jwc', 'a', '账号a', '年审不合格，须整改', '2025-12-12', '已逾期', 79, '第五条', '账号 a（2025 年度）：年审不合格（2025-12-12 审核），请整改后重新提交年审（依据：第五条）'],
    ]);
  });

  test('a group obligation names the group and no account name; an unknown answering unit is shown by its id', () => {
    // The group's unit merged into 'ghost', a unit not in the registry: the group must be handed over.
    const reg = registry({ units: [unit('old', 'office', { status: 'merged', statusDate: '2026-02-01', successor: 'ghost' })], groups: [group('g9', { unit: 'old' })] });
    const [, , , , todo] = buildLedger(reg, POLICY, '2026-03-01');
    expect(todo!.rows).toEqual([
      ['ghost', 'ghost', 'g9', null, '撤并单位的账号移交承继单位', '2026-02-08', '已逾期', 21, '第四条', '工作群 g9：撤并单位的账号移交承继单位，期限为 2026-02-08，已逾期 21 天（依据：第四条）'],
    ]);
  });
});

describe('textWidth()', () => {
  test.each([
    ['', 0],
    ['abc', 3],
    ['中文', 4],
    ['a中b', 4],
    ['ＡＢ', 4],
    ['（）', 4],
    ['한', 2],
    ['\u1100', 2],
    ['\u10ff', 1],
    ['\u115f', 2],
    ['\u1160', 1],
    ['\u2e80', 2],
    ['\u2e7f', 1],
    ['\ua4cf', 2],
    ['\ua4d0', 1],
    ['\uff60', 2],
    ['\uff61', 1],
    ['\uffe0', 2],
    ['\uffe6', 2],
    ['\uffe7', 1],
    ['\ufe30', 2],
    ['\ufe4f', 2],
    ['\ufe50', 1],
    ['\uf900', 2],
    ['\ud7a3', 2],
    ['\ud7a4', 1],
    ['😀', 1],
  ])('%j is %i wide', (text, w) => expect(textWidth(text)).toBe(w));
});

describe('fittedWidths()', () => {
  const sheet = (columns: LedgerSheet['columns'], rows: Cell[][]): LedgerSheet => ({ name: 's', columns, rows });

  test('header plus two, at least 6', () => {
    expect(fittedWidths(sheet([{ header: 'a', type: 'text' }, { header: 'abcd', type: 'text' }, { header: 'abcde', type: 'text' }, { header: '媒体名称', type: 'text' }], []))).toEqual([6, 6, 7, 10]);
  });

  test('the longest value or line wins; empty cells are skipped', () => {
    const s = sheet(
      [{ header: 'h', type: 'text' }, { header: 'h', type: 'text' }, { header: 'h', type: 'int' }, { header: 'h', type: 'text' }],
      [
        ['abcdefgh', 'abc\nabcdefghij\nab', 1234567, null],
        ['ab', null, 12, null],
      ],
    );
    expect(fittedWidths(s)).toEqual([10, 12, 9, 6]);
  });

  test('a date column is as wide as a date, whatever the stored text', () => {
    expect(fittedWidths(sheet([{ header: 'd', type: 'date' }], [['2024-1-1'], [null]]))).toEqual([12]);
    expect(fittedWidths(sheet([{ header: 'd', type: 'date' }], [[null]]))).toEqual([6]);
  });

  test('at most 60, even for a long header or value', () => {
    expect(fittedWidths(sheet([{ header: 'x'.repeat(58), type: 'text' }], []))).toEqual([60]);
    expect(fittedWidths(sheet([{ header: 'x'.repeat(59), type: 'text' }], []))).toEqual([60]);
    expect(fittedWidths(sheet([{ header: 'h', type: 'text' }], [['中'.repeat(40)]]))).toEqual([60]);
    expect(fittedWidths(sheet([{ header: 'h', type: 'text' }], [['x'.repeat(57)]]))).toEqual([59]);
  });

  test('short rows (a missing cell) are skipped like empty cells', () => {
    expect(fittedWidths(sheet([{ header: 'h', type: 'text' }, { header: 'h', type: 'text' }], [['abcdefgh']]))).toEqual([10, 6]);
  });
});
