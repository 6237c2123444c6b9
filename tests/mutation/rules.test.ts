// Rules across files (src/domain/rules.ts) on small in-memory registries: references resolve,
// ids, keys, names, links and approval numbers are unique, dates are in order and not in the
// future, dissolved and merged units hold nothing live. Each test builds its registry and asserts
// the exact findings (file, line, column, field, code, message, severity).
import { describe, expect, test } from 'vitest';
import type { AccountFiling, Filing, PushList } from '../../src/domain/filing.ts';
import type { Finding, Severity } from '../../src/domain/findings.ts';
import { emptyRegistry, type Registry } from '../../src/domain/registry.ts';
import { checkRegistry, normalizeName } from '../../src/domain/rules.ts';
import { checkAccountNames } from '../../src/domain/verify/name-rules.ts';
import type { Account } from '../../src/domain/schema/account.ts';
import type { Group } from '../../src/domain/schema/group.ts';
import type { Impostor } from '../../src/domain/schema/impostor.ts';
import type { Policy } from '../../src/domain/schema/policy.ts';
import type { Review } from '../../src/domain/schema/review.ts';
import type { Unit } from '../../src/domain/schema/unit.ts';

const TODAY = '2026-11-21';

/** Positions: each listed field on its own line (line = index + 2), column 3. */
const lines = (fields: string[]): Record<string, [number, number]> => Object.fromEntries(fields.map((f, i) => [f, [i + 2, 3]]));

function unit(id: string, over: Partial<Unit> = {}): Filing<Unit> {
  return {
    file: `units/${id}.yaml`,
    id,
    data: { id, name: `单位${id}`, kind: 'college', status: 'active', headTitle: '书记', owners: [], ...over } as Unit,
    pos: lines(['id', 'name', 'kind', 'parent', 'status', 'successor']),
  };
}

const ACCOUNT_POS = lines([
  'id',
  'name',
  'platform',
  'keys',
  'keys[0].value',
  'keys[1].value',
  'link',
  'unit',
  'units',
  'tier',
  'status',
  'dates',
  'dates.applied',
  'dates.plannedOpening',
  'dates.opened',
  'dates.closed',
  'approval',
  'approval.number',
  'approval.date',
  'history',
  'history[0].date',
  'dormant.since',
  'campusData',
  'campusData.servers',
  'campusData.approval.by',
]);

let uidSeq = 0;
function account(id: string, over: Partial<Account> = {}, unitId = 'jsj'): AccountFiling {
  uidSeq++;
  return {
    file: `accounts/${unitId}/${id}.mdx`,
    id,
    scope: unitId,
    html: '',
    data: {
      id,
      name: `账号${id}`,
      formerNames: [],
      platform: 'weibo',
      keys: [{ kind: 'uid', value: String(5000000000 + uidSeq) }],
      unit: unitId,
      units: [],
      tier: 2,
      status: 'active',
      filing: 'new',
      purpose: '用途',
      dates: {},
      history: [],
      orders: [],
      exemptions: [],
      ...over,
    } as unknown as Account,
    pos: ACCOUNT_POS,
  };
}

function review(account: string, year: number, over: Partial<Review> = {}): Filing<Review> {
  return {
    file: `reviews/${year}/${account}.yaml`,
    id: account,
    scope: String(year),
    data: { account, year, submitted: `${year}-12-10`, pushes: 10, followers: 1, result: { outcome: 'pending' }, ...over } as unknown as Review,
    pos: lines(['account', 'year', 'submitted', 'pushes', 'pushList', 'result', 'result.date']),
  };
}

const pushList = (account: string, year: number): PushList => ({ file: `reviews/${year}/${account}.pushes.csv`, account, year, rows: 1 });

function group(id: string, over: Partial<Group> = {}): Filing<Group> {
  return {
    file: `groups/jsj/${id}.yaml`,
    id,
    scope: 'jsj',
    data: { id, platform: 'qq-group', number: '12345', name: '群', scope: '全体', members: 10, memberTypes: ['学生'], unit: 'jsj', created: '2024-01-01', ...over } as unknown as Group,
    pos: lines(['id', 'unit', 'members', 'created', 'lastUsed', 'dissolved', 'dissolutionReported']),
  };
}

function impostor(id: string, over: Partial<Impostor> = {}): Filing<Impostor> {
  return {
    file: `impostors/${id}.yaml`,
    id,
    data: { id, name: '假账号', platform: 'weibo', keys: [], reported: '2025-04-01', confirmed: '2025-04-03', description: '冒用', ...over } as unknown as Impostor,
    pos: lines(['id', 'imitates', 'reported', 'confirmed', 'keys', 'keys[0].value', 'keys[1].value']),
  };
}

function policy(over: Record<string, unknown> = {}): Filing<Policy> {
  return {
    file: 'policy.yaml',
    id: 'policy',
    data: {
      school: { name: '青川理工学院', shortNames: [], domains: ['qclg.edu.cn'] },
      office: { name: '党委宣传部', unit: 'xcb' },
      tiers: [
        { level: 1, name: '一级平台', description: '学校官方新媒体', unitKinds: ['school'] },
        { level: 2, name: '二级平台', description: '校内各单位的新媒体', unitKinds: ['office', 'college'] },
      ],
      annualReview: { required: true, tiers: [1, 2], pushListRequired: false, warnNoPushes: false },
      groups: { maxMembers: null },
      ...over,
    } as unknown as Policy,
    pos: lines(['office', 'office.unit']),
  };
}

/** A clean registry: the school, its office and a college, and a policy. */
function registry(over: Partial<Registry> = {}): Registry {
  return {
    ...emptyRegistry(),
    policy: policy(),
    units: [unit('school', { kind: 'school' }), unit('xcb', { kind: 'office', parent: 'school' }), unit('jsj', { parent: 'school' })],
    ...over,
  };
}

/** The findings of these rules (the look-alike name screening of name-rules.ts is tested on its own). */
const check = (reg: Registry, today = TODAY) => checkRegistry(reg, { today }).filter((f) => f.code !== 'name/look-alike' && f.code !== 'name/similar');

const at = (f: { file: string; pos: Record<string, [number, number]> }, field: string, code: string, message: string, severity: Severity = 'error', where = field): Finding => {
  const p = f.pos[where] ?? [1, 1];
  return { file: f.file, line: p[0], column: p[1], field, code, message, severity };
};

describe('normalizeName()', () => {
  test('folds width and case and drops every space', () => {
    expect(normalizeName('Ｑｃｌｇ 计算机\u3000学院\t A')).toBe('qclg计算机学院a');
    expect(normalizeName('')).toBe('');
  });
});

describe('checkRegistry(): the policy and the units', () => {
  test('a clean registry has no finding', () => {
    expect(check(registry())).toEqual([]);
  });

  test('a missing policy is reported on policy.yaml; an unreadable one is not reported again', () => {
    const missing = { file: 'policy.yaml', line: 1, column: 1, field: '', code: 'policy/missing', message: '缺少管理办法配置文件 policy.yaml', severity: 'error' };
    expect(check(registry({ policy: undefined }))).toEqual([missing]);
    expect(check(registry({ policy: undefined, unreadable: { policy: ['policy'] } }))).toEqual([]);
    expect(check(registry({ policy: undefined, unreadable: { policy: ['other'] } }))).toEqual([missing]);
  });

  test('the office unit must exist (or be unreadable)', () => {
    const p = policy({ office: { name: '办公室', unit: 'bgs' } });
    expect(check(registry({ policy: p }))).toEqual([at(p, 'office.unit', 'ref/office-unit', '归口管理部门的单位编号 bgs 不存在')]);
    expect(check(registry({ policy: p, unreadable: { unit: ['bgs'] } }))).toEqual([]);
    expect(check(registry({ policy: policy({ office: { name: '办公室' } }) }))).toEqual([]);
  });

  test('a parent or successor that does not exist is reported on its field', () => {
    const u = unit('club', { parent: 'tw', status: 'merged', successor: 'tw2', kind: 'club' });
    expect(check(registry({ units: [...registry().units, u] }))).toEqual([
      at(u, 'parent', 'ref/parent', '上级单位 tw 不存在（units/tw.yaml）'),
      at(u, 'successor', 'ref/successor', '承继单位 tw2 不存在（units/tw2.yaml）'),
    ]);
    expect(check(registry({ units: [...registry().units, u], unreadable: { unit: ['tw', 'tw2'] } }))).toEqual([]);
  });

  test('a cycle of parents is reported on each unit in it, once', () => {
    const a = unit('a', { parent: 'b' });
    const b = unit('b', { parent: 'a' });
    const self = unit('s', { parent: 's' });
    expect(check(registry({ units: [...registry().units, a, b, self] }))).toEqual([
      at(a, 'parent', 'unit/cycle', '上级单位形成了循环（A 的上级是 B，B 的上级又是 A）'),
      at(b, 'parent', 'unit/cycle', '上级单位形成了循环（A 的上级是 B，B 的上级又是 A）'),
      at(self, 'parent', 'unit/cycle', '上级单位形成了循环（A 的上级是 B，B 的上级又是 A）'),
    ]);
  });

  test('a chain of parents up to the top is no cycle', () => {
    const units = [unit('school', { kind: 'school' }), unit('xcb', { parent: 'school' }), unit('jsj', { parent: 'xcb' }), unit('cls', { parent: 'jsj' })];
    expect(check(registry({ units }))).toEqual([]);
  });

  test('two active units of one name (width, case and spaces aside) are reported on the second', () => {
    const a = unit('a', { name: 'AB 学院' });
    const b = unit('b', { name: 'ａｂ学院' });
    const gone = unit('c', { name: 'AB学院', status: 'dissolved' });
    expect(check(registry({ units: [...registry().units, a, gone, b] }))).toEqual([at(b, 'name', 'unit/duplicate-name', '单位名称与 units/a.yaml 重复')]);
  });
});

describe('checkRegistry(): accounts', () => {
  test('an account id filed twice is reported on the second', () => {
    const a = account('x');
    const b = account('x', { name: '另一个账号' }, 'xcb');
    expect(check(registry({ accounts: [a, b] }))).toEqual([at(b, 'id', 'account/duplicate-id', '账号编号 x 在其他单位文件夹中已存在')]);
  });

  test('the unit and co-units must exist, unless unreadable', () => {
    const a = account('x', { units: ['xcb', 'zz'] }, 'nope');
    expect(check(registry({ accounts: [a] }))).toEqual([
      at(a, 'unit', 'ref/unit', '主办单位 nope 不存在（units/nope.yaml）'),
      at(a, 'units', 'ref/unit', '联合主办单位 zz 不存在（units/zz.yaml）'),
    ]);
    expect(check(registry({ accounts: [a], unreadable: { unit: ['nope', 'zz'] } }))).toEqual([]);
  });

  test('a dormant date after today is refused; today itself is fine', () => {
    const late = account('x', { dormant: { since: '2026-11-22' } } as Partial<Account>);
    expect(check(registry({ accounts: [late] }))).toEqual([at(late, 'dormant.since', 'date/future', `停更日期不能晚于今天（${TODAY}）`)]);
    expect(check(registry({ accounts: [account('y', { dormant: { since: TODAY } } as Partial<Account>)] }))).toEqual([]);
  });

  test('an account of a dissolved unit must be closed; of a merged or renamed unit, handed over (warning)', () => {
    const units = [
      ...registry().units,
      unit('gone', { status: 'dissolved' }),
      unit('old', { status: 'merged', successor: 'jsj' }),
      unit('ren', { status: 'renamed', successor: 'jsj' }),
    ];
    const a = account('a', {}, 'gone');
    const b = account('b', {}, 'old');
    const c = account('c', { status: 'applied' }, 'ren');
    const closed = account('d', { status: 'closed' }, 'gone');
    expect(check(registry({ units, accounts: [a, b, c, closed] }))).toEqual([
      at(a, 'status', 'unit/dissolved-active', '主办单位已撤销，其账号须停办或移交其他单位'),
      at(b, 'unit', 'unit/not-reassigned', '主办单位已合并，请把账号移交承继单位 jsj', 'warning'),
      at(c, 'unit', 'unit/not-reassigned', '主办单位已更名，请把账号移交承继单位 jsj', 'warning'),
    ]);
  });

  test('a tier the policy does not define, or one not for the unit kind, is refused', () => {
    const a = account('a', { tier: 3 });
    const b = account('b', { tier: 1 });
    expect(check(registry({ accounts: [a, b] }))).toEqual([
      at(a, 'tier', 'tier/undefined', '管理办法中没有第 3 级平台'),
      at(b, 'tier', 'tier/unit-kind', '一级平台只适用于：学校官方新媒体；该单位的类型不符，请核对平台级别'),
    ]);
    // Without the unit, only the tier's existence can be checked.
    expect(check(registry({ accounts: [account('c', { tier: 1 }, 'nope')], unreadable: { unit: ['nope'] } }))).toEqual([]);
    // Without a policy, no tier rule.
    expect(check(registry({ policy: undefined, unreadable: { policy: ['policy'] }, accounts: [account('d', { tier: 3 })] }))).toEqual([]);
  });
});

describe('checkRegistry(): campus data services (002 第十八条)', () => {
  const campus = { serversOnCampus: true, approver: '信息中心', article: '第十八条' };
  const withCampus = (over: Record<string, unknown> = {}) => policy({ campusData: { ...campus, ...over } });

  test('servers off campus and a missing approval are reported', () => {
    const a = account('a', { campusData: { servers: 'external' } } as Partial<Account>);
    expect(check(registry({ policy: withCampus(), accounts: [a] }))).toEqual([
      at(a, 'campusData.servers', 'account/campus-servers', '涉及校内数据服务的，服务器必须设置在校内（第十八条），请改为 campus 或停止校内数据服务'),
      at(a, 'campusData', 'account/campus-approval', '涉及校内数据服务的，须报信息中心审批（第十八条），请填写 campusData.approval（审批部门、文号、日期）'),
    ]);
  });

  test('servers anywhere are fine when the policy does not require campus servers', () => {
    const a = account('a', { campusData: { servers: 'external', approval: { by: '信息中心', reference: '1', date: '2025-01-01' } } } as Partial<Account>);
    expect(check(registry({ policy: withCampus({ serversOnCampus: false }), accounts: [a] }))).toEqual([]);
  });

  test('an approval by another body is reported; width and spaces do not matter', () => {
    const a = account('a', { campusData: { servers: 'campus', approval: { by: '网络中心', reference: '1', date: '2025-01-01' } } } as Partial<Account>);
    const b = account('b', { campusData: { servers: 'campus', approval: { by: '信息 中心', reference: '2', date: '2025-01-01' } } } as Partial<Account>);
    expect(check(registry({ policy: withCampus(), accounts: [a, b] }))).toEqual([
      at(a, 'campusData.approval.by', 'account/campus-approver', '校内数据服务应由信息中心审批（第十八条），不是网络中心'),
    ]);
  });

  test('an application not yet approved needs no approval; a closed account and a policy without the rule are not checked', () => {
    const applied = account('a', { status: 'applied', campusData: { servers: 'campus' } } as Partial<Account>);
    const closed = account('b', { status: 'closed', campusData: { servers: 'external' } } as Partial<Account>);
    expect(check(registry({ policy: withCampus(), accounts: [applied, closed] }))).toEqual([]);
    expect(check(registry({ accounts: [account('c', { campusData: { servers: 'external' } } as Partial<Account>)] }))).toEqual([]);
  });
});

describe('checkRegistry(): dates of accounts', () => {
  test('a new filing: applied ≤ approval ≤ opened ≤ closed, each against the latest date before it', () => {
    const a = account('a', {
      status: 'closed',
      dates: { applied: '2025-03-01', opened: '2025-02-01', closed: '2025-01-01' },
      approval: { number: 'N1', date: '2025-02-15' },
    } as Partial<Account>);
    expect(check(registry({ accounts: [a] }))).toEqual([
      at(a, 'approval.date', 'date/order', '审批日期不能早于申请时间'),
      at(a, 'dates.opened', 'date/order', '开通时间不能早于审批日期'),
      at(a, 'dates.closed', 'date/order', '停办时间不能早于开通时间'),
    ]);
  });

  test('equal dates are in order; a missing date is skipped', () => {
    const a = account('a', { dates: { applied: '2025-03-01', opened: '2025-03-01' }, approval: { number: 'N1', date: '2025-03-01' } } as Partial<Account>);
    const b = account('b', { status: 'closed', dates: { applied: '2025-03-01', closed: '2025-02-01' } } as Partial<Account>);
    expect(check(registry({ accounts: [a, b] }))).toEqual([at(b, 'dates.closed', 'date/order', '停办时间不能早于申请时间')]);
  });

  test('a backfill checks opened ≤ closed, and approval against applied', () => {
    const a = account('a', {
      filing: 'backfill',
      status: 'closed',
      dates: { applied: '2025-03-01', opened: '2025-02-01', closed: '2025-01-01' },
      approval: { number: 'N1', date: '2025-02-15' },
    } as Partial<Account>);
    expect(check(registry({ accounts: [a] }))).toEqual([
      at(a, 'approval.date', 'date/order', '审批日期不能早于申请时间'),
      at(a, 'dates.closed', 'date/order', '停办时间不能早于开通时间'),
    ]);
    const same = account('b', { filing: 'backfill', dates: { applied: '2025-03-01', opened: '2020-01-01' }, approval: { number: 'N2', date: '2025-03-01' } } as Partial<Account>);
    expect(check(registry({ accounts: [same] }))).toEqual([]);
  });

  test('a planned opening before the application is refused on a new filing only', () => {
    const a = account('a', { dates: { applied: '2025-03-01', plannedOpening: '2025-02-28' } } as Partial<Account>);
    const ok = account('b', { dates: { applied: '2025-03-01', plannedOpening: '2025-03-01' } } as Partial<Account>);
    const backfill = account('c', { filing: 'backfill', dates: { applied: '2025-03-01', plannedOpening: '2025-02-28' } } as Partial<Account>);
    expect(check(registry({ accounts: [a, ok, backfill] }))).toEqual([at(a, 'dates.plannedOpening', 'date/order', '拟开通时间不能早于申请时间')]);
  });

  test('dates after today are refused, each on its field; today is fine', () => {
    const a = account('a', {
      status: 'closed',
      dates: { applied: '2026-11-22', opened: '2026-11-23', closed: '2026-11-24' },
      approval: { number: 'N1', date: '2026-11-22' },
      history: [{ date: '2026-11-25', kind: 'rename', summary: '改名' }],
    } as Partial<Account>);
    const late = `不能晚于今天（${TODAY}）`;
    expect(check(registry({ accounts: [a] }))).toEqual([
      at(a, 'dates.applied', 'date/future', `申请时间${late}`),
      at(a, 'dates.opened', 'date/future', `开通时间${late}`),
      at(a, 'dates.closed', 'date/future', `停办时间${late}`),
      at(a, 'approval.date', 'date/future', `审批日期${late}`),
      at(a, 'history[0].date', 'date/future', `变更日期${late}`),
    ]);
    const today = account('b', { dates: { applied: TODAY, opened: TODAY }, approval: { number: 'N2', date: TODAY }, history: [{ date: TODAY, kind: 'rename', summary: 'x' }] } as Partial<Account>);
    expect(check(registry({ accounts: [today] }))).toEqual([]);
  });

  test('a change dated before the opening is a warning, except a change of keys', () => {
    const a = account('a', {
      dates: { opened: '2025-03-01' },
      history: [
        { date: '2025-02-28', kind: 'rename', summary: 'x' },
        { date: '2025-02-28', kind: 'keys', summary: 'y' },
        { date: '2025-03-01', kind: 'rename', summary: 'z' },
      ],
    } as Partial<Account>);
    expect(check(registry({ accounts: [a] }))).toEqual([at(a, 'history[0].date', 'date/order', '变更日期不能早于开通时间', 'warning')]);
    const never = account('b', { history: [{ date: '2025-02-28', kind: 'rename', summary: 'x' }] } as Partial<Account>);
    expect(check(registry({ accounts: [never] }))).toEqual([]);
  });
});

describe('checkRegistry(): uniqueness among active accounts', () => {
  test('a key held by two active accounts is reported on both, the first told once', () => {
    const key = [{ kind: 'uid', value: '5123456789' }];
    const a = account('a', { keys: key });
    const b = account('b', { keys: [{ kind: 'uid', value: '5000000001' }, ...key] });
    const c = account('c', { keys: key });
    expect(check(registry({ accounts: [a, b, c] }))).toEqual([
      at(b, 'keys[1].value', 'key/duplicate', '该账号标识已被正常运营的账号 accounts/jsj/a.mdx 登记，同一账号只能备案一次'),
      at(a, 'keys[0].value', 'key/duplicate', '该账号标识又被 accounts/jsj/b.mdx 登记，同一账号只能备案一次'),
      at(c, 'keys[0].value', 'key/duplicate', '该账号标识已被正常运营的账号 accounts/jsj/a.mdx 登记，同一账号只能备案一次'),
    ]);
  });

  test('the same key on another platform, or on an account not active, is no duplicate', () => {
    const key = [{ kind: 'uid', value: '5123456789' }];
    const a = account('a', { keys: key });
    const b = account('b', { keys: key, status: 'closed' });
    const c = account('c', { keys: [{ kind: 'mid', value: '5123456789' }, { kind: 'uid', value: '5123456789' }], platform: 'bilibili' });
    expect(check(registry({ accounts: [a, b, c] }))).toEqual([]);
  });

  test('two active accounts of one name on one platform are reported on both; other platforms and closed ones are not', () => {
    const a = account('a', { name: 'Qclg 计算机' });
    const b = account('b', { name: 'ｑｃｌｇ计算机' });
    const c = account('c', { name: 'qclg计算机', platform: 'bilibili', keys: [{ kind: 'mid', value: '123' }] } as Partial<Account>);
    const d = account('d', { name: 'qclg计算机', status: 'closed' });
    expect(check(registry({ accounts: [a, b, c, d] }))).toEqual([
      at(b, 'name', 'name/duplicate', '同一平台上已有同名的正常运营账号 accounts/jsj/a.mdx'),
      at(a, 'name', 'name/duplicate', '同一平台上的 accounts/jsj/b.mdx 与本账号同名'),
    ]);
  });

  test('on "other" platforms the name is unique per named platform', () => {
    const other = (id: string, platformOther: string | undefined) =>
      account(id, { name: '青川', platform: 'other', platformOther, keys: [], link: `https://example.org/${id}` } as Partial<Account>);
    const a = other('a', '某平台');
    const b = other('b', '另一平台');
    const c = other('c', '某 平台');
    expect(check(registry({ accounts: [a, b, c] }))).toEqual([
      at(c, 'name', 'name/duplicate', '同一平台上已有同名的正常运营账号 accounts/jsj/a.mdx'),
      at(a, 'name', 'name/duplicate', '同一平台上的 accounts/jsj/c.mdx 与本账号同名'),
    ]);
    const d = other('d', undefined);
    const e = other('e', undefined);
    expect(check(registry({ accounts: [d, e] }))).toEqual([
      at(e, 'name', 'name/duplicate', '同一平台上已有同名的正常运营账号 accounts/jsj/d.mdx'),
      at(d, 'name', 'name/duplicate', '同一平台上的 accounts/jsj/e.mdx 与本账号同名'),
    ]);
  });

  test('a link held by two active accounts is reported on both', () => {
    const a = account('a', { link: 'https://weibo.com/u/5123456789' });
    const b = account('b', { link: 'https://weibo.com/u/5123456789' });
    const c = account('c', { link: 'https://weibo.com/u/5123456780' });
    expect(check(registry({ accounts: [a, b, c] }))).toEqual([
      at(b, 'link', 'link/duplicate', '该链接已被账号 accounts/jsj/a.mdx 登记'),
      at(a, 'link', 'link/duplicate', '该链接又被账号 accounts/jsj/b.mdx 登记'),
    ]);
  });

  test('an approval number used twice is reported on both, whatever the status', () => {
    const a = account('a', { approval: { number: '2024-0002', date: '2024-09-05' } } as Partial<Account>);
    const b = account('b', { status: 'closed', approval: { number: '2024-0002', date: '2024-09-05' } } as Partial<Account>);
    const c = account('c', { approval: { number: '2024-0003', date: '2024-09-05' } } as Partial<Account>);
    expect(check(registry({ accounts: [a, b, c] }))).toEqual([
      at(b, 'approval.number', 'approval/duplicate', '审批号 2024-0002 已被 accounts/jsj/a.mdx 使用，审批号不能重复'),
      at(a, 'approval.number', 'approval/duplicate', '审批号 2024-0002 又被 accounts/jsj/b.mdx 使用，审批号不能重复'),
    ]);
  });
});

describe('checkRegistry(): keys and links of active accounts', () => {
  test('an active account without the platform’s visible id is warned, or refused when the policy says so', () => {
    const a = account('a', { keys: [{ kind: 'short', value: 'https://t.cn/abc' }], link: 'https://weibo.com/u/5123456789' } as Partial<Account>);
    const msg = '正常运营的账号应登记微博UID（keys 中 kind 为 uid 或 domain）：学生核验时粘贴的是它，未登记会被告知“未找到”';
    expect(check(registry({ accounts: [a] }))).toEqual([at(a, 'keys', 'account/visible-id', msg, 'warning')]);
    expect(check(registry({ policy: policy({ verify: { requireVisibleId: 'error' } }), accounts: [a] }))).toEqual([at(a, 'keys', 'account/visible-id', msg, 'error')]);
    expect(check(registry({ policy: policy({ verify: { requireVisibleId: 'warning' } }), accounts: [a] }))).toEqual([at(a, 'keys', 'account/visible-id', msg, 'warning')]);
    expect(check(registry({ accounts: [account('b', { keys: [{ kind: 'domain', value: 'qclg' }] })] }))).toEqual([]);
    expect(check(registry({ accounts: [account('c', { status: 'applied', keys: [] })] }))).toEqual([]);
  });

  test('an active account needs a key or a link, except on a platform that has no key', () => {
    const bare = account('a', { platform: 'bilibili', keys: [] });
    expect(check(registry({ accounts: [bare] }))).toEqual([
      at(bare, 'keys', 'account/visible-id', '正常运营的账号应登记B站 UID（keys 中 kind 为 mid）：学生核验时粘贴的是它，未登记会被告知“未找到”', 'warning'),
      at(bare, 'keys', 'account/no-key', '正常运营的账号须至少登记一个账号标识（keys）或链接（link），以便公众核验'),
    ]);
    const linked = account('b', { platform: 'other', platformOther: '某平台', keys: [], link: 'https://example.org/x' } as Partial<Account>);
    const chat = account('c', { platform: 'wechat-group', keys: [] });
    const otherBare = account('d', { platform: 'other', platformOther: '另一平台', keys: [] } as Partial<Account>);
    expect(check(registry({ accounts: [linked, chat, otherBare] }))).toEqual([
      at(otherBare, 'keys', 'account/no-key', '正常运营的账号须至少登记一个账号标识（keys）或链接（link），以便公众核验'),
    ]);
  });

  test('a website or APP link and URL keys must be on the school’s domains', () => {
    const site = account('a', {
      platform: 'website',
      keys: [{ kind: 'domain', value: 'news.qclg.edu.cn' }, { kind: 'url', value: 'https://evil.example/x' }],
      link: 'https://evil.example/',
    } as Partial<Account>);
    expect(check(registry({ accounts: [site] }))).toEqual([
      at(site, 'link', 'link/domain', '网站的链接必须在学校域名（qclg.edu.cn）之下，evil.example 不是'),
      at(site, 'keys[1].value', 'link/domain', '网站的链接必须在学校域名（qclg.edu.cn）之下，evil.example 不是'),
    ]);
    const app = account('b', {
      platform: 'app',
      keys: [{ kind: 'package', value: 'cn.edu.qclg.app' }, { kind: 'short', value: 'https://evil.example/s' }],
      link: 'https://apps.apple.com/cn/app/id123456',
    } as Partial<Account>);
    expect(check(registry({ accounts: [app] }))).toEqual([
      at(app, 'keys[1].value', 'link/domain', '链接的域名 evil.example 不属于移动客户端（APP）（应为 apps.apple.com、itunes.apple.com、play.google.com、app.mi.com、sj.qq.com、a.app.qq.com、android.myapp.com、appgallery.huawei.com、appgallery.cloud.huawei.com、wandoujia.com，或学校域名 qclg.edu.cn 下的下载页）'),
    ]);
    const ok = account('c', { platform: 'website', keys: [{ kind: 'domain', value: 'qclg.edu.cn' }, { kind: 'url', value: 'https://www.qclg.edu.cn/' }], link: 'https://qclg.edu.cn/' } as Partial<Account>);
    expect(check(registry({ accounts: [ok] }))).toEqual([]);
    // Other platforms' hosts are the schema's business; without a policy there are no domains.
    const weibo = account('d', { link: 'https://evil.example/' });
    expect(check(registry({ accounts: [weibo] }))).toEqual([]);
    expect(check(registry({ policy: undefined, unreadable: { policy: ['policy'] }, accounts: [site] }))).toEqual([]);
  });
});

describe('checkRegistry(): annual reviews and push lists', () => {
  const withReview = (over: Record<string, unknown>) => policy({ annualReview: { required: true, tiers: [2], pushListRequired: false, warnNoPushes: false, ...over } });

  test('a review of an unknown account is reported; of an unreadable one it is not', () => {
    const r = review('ghost', 2025);
    expect(check(registry({ reviews: [r] }))).toEqual([at(r, 'account', 'ref/account', '年审对应的账号 ghost 不存在')]);
    expect(check(registry({ reviews: [r], unreadable: { account: ['ghost'] } }))).toEqual([]);
  });

  test('submitted after today, before the year reviewed, or after the result is reported', () => {
    const a = account('a');
    const future = review('a', 2026, { submitted: '2026-11-22' });
    const early = review('a', 2025, { submitted: '2024-12-31' });
    const result = review('a', 2024, { submitted: '2024-12-10', result: { outcome: 'pass', date: '2024-12-09' } } as Partial<Review>);
    expect(check(registry({ accounts: [a], reviews: [future, early, result] }))).toEqual([
      at(future, 'submitted', 'date/future', `提交日期不能晚于今天（${TODAY}）`),
      at(early, 'submitted', 'date/order', '年审提交日期不能早于所审年度'),
      at(result, 'result.date', 'date/order', '审核日期不能早于提交日期'),
    ]);
    const edge = review('a', 2025, { submitted: '2025-01-01', result: { outcome: 'pass', date: '2025-01-01' } } as Partial<Review>);
    const today = review('a', 2026, { submitted: TODAY });
    expect(check(registry({ accounts: [a], reviews: [edge, today] }))).toEqual([]);
  });

  test('the push list must be named after the account and exist, unless it is unreadable', () => {
    const a = account('a');
    const wrong = review('a', 2024, { pushList: 'b.pushes.csv' });
    const missing = review('a', 2025, { pushList: 'a.pushes.csv' });
    expect(check(registry({ accounts: [a], reviews: [wrong, missing] }))).toEqual([
      at(wrong, 'pushList', 'ref/pushlist', '推送清单文件名应为 a.pushes.csv'),
      at(missing, 'pushList', 'ref/pushlist', '找不到推送清单文件 reviews/2025/a.pushes.csv'),
    ]);
    expect(check(registry({ accounts: [a], reviews: [missing], unreadable: { pushList: ['a'] } }))).toEqual([]);
    expect(check(registry({ accounts: [a], reviews: [missing], pushLists: [pushList('a', 2025)] }))).toEqual([]);
  });

  test('a push list without its review is an orphan, unless the review is unreadable', () => {
    const p = pushList('a', 2025);
    const orphan = { file: p.file, line: 1, column: 1, field: '', code: 'pushlist/orphan', message: '没有与该推送清单对应的年审表 reviews/2025/a.yaml', severity: 'error' };
    expect(check(registry({ pushLists: [p] }))).toEqual([orphan]);
    expect(check(registry({ pushLists: [p], unreadable: { review: ['a'] } }))).toEqual([]);
    // A review of another year does not adopt it.
    expect(check(registry({ accounts: [account('a')], reviews: [review('a', 2024)], pushLists: [p] }))).toEqual([orphan]);
  });

  test('a missing push list is reported when the policy requires one for the account’s tier (002 第八条)', () => {
    const a = account('a');
    const r = review('a', 2025);
    const msg = '管理办法要求以电子文档报送年度推送内容清单，缺清单的年审材料不完整：请附 <账号编号>.pushes.csv 并填写 pushList';
    expect(check(registry({ policy: withReview({ pushListRequired: true }), accounts: [a], reviews: [r] }))).toEqual([at(r, 'pushList', 'review/pushlist-missing', msg)]);
    expect(check(registry({ policy: withReview({ pushListRequired: true, tiers: [1] }), accounts: [a], reviews: [r] }))).toEqual([]);
    expect(check(registry({ policy: withReview({ pushListRequired: false }), accounts: [a], reviews: [r] }))).toEqual([]);
    expect(check(registry({ policy: withReview({ pushListRequired: true }), reviews: [r], unreadable: { account: ['a'] } }))).toEqual([]);
  });

  test('an active account whose latest review records no pushes is warned (定期更新), citing the article', () => {
    const a = account('a');
    const old = review('a', 2024, { pushes: 0 });
    const latest = review('a', 2025, { pushes: 0 });
    const p = withReview({ warnNoPushes: true });
    expect(check(registry({ policy: p, accounts: [a], reviews: [old, latest] }))).toEqual([
      at(latest, 'pushes', 'review/no-pushes', '2025 年度全年推送 0 条：管理办法要求平台信息定期及时更新，不再使用的应及时关闭并报备（登记系统默认）', 'warning'),
    ]);
    const cited = policy({ annualReview: { required: true, tiers: [2], pushListRequired: false, warnNoPushes: true }, articles: { updates: '第十二条' } });
    expect(check(registry({ policy: cited, accounts: [a], reviews: [latest] }))).toEqual([
      at(latest, 'pushes', 'review/no-pushes', '2025 年度全年推送 0 条：管理办法要求平台信息定期及时更新，不再使用的应及时关闭并报备（第十二条）', 'warning'),
    ]);
    // Pushes recorded, a closed account, or the policy not asking: nothing.
    expect(check(registry({ policy: p, accounts: [a], reviews: [review('a', 2025, { pushes: 1 })] }))).toEqual([]);
    expect(check(registry({ policy: p, accounts: [account('a', { status: 'closed' })], reviews: [latest] }))).toEqual([]);
    expect(check(registry({ accounts: [a], reviews: [latest] }))).toEqual([]);
  });
});

describe('checkRegistry(): work groups', () => {
  test('the unit must exist; dates in order and not in the future', () => {
    const g = group('g', { unit: 'nope', created: '2025-03-01', dissolved: '2025-02-01', dissolutionReported: '2025-01-01' } as Partial<Group>);
    expect(check(registry({ groups: [g] }))).toEqual([
      at(g, 'unit', 'ref/unit', '所属部门 nope 不存在（units/nope.yaml）'),
      at(g, 'dissolved', 'date/order', '解散日期不能早于建群日期'),
      at(g, 'dissolutionReported', 'date/order', '解散报备日期不能早于解散日期'),
    ]);
    const future = group('h', { created: '2026-11-22', dissolved: '2026-11-23', dissolutionReported: '2026-11-24' } as Partial<Group>);
    expect(check(registry({ groups: [future] }))).toEqual([
      at(future, 'created', 'date/future', `日期不能晚于今天（${TODAY}）`),
      at(future, 'dissolved', 'date/future', `日期不能晚于今天（${TODAY}）`),
      at(future, 'dissolutionReported', 'date/future', `日期不能晚于今天（${TODAY}）`),
    ]);
    const edge = group('i', { created: '2025-01-01', dissolved: '2025-01-01', dissolutionReported: '2025-01-01' } as Partial<Group>);
    expect(check(registry({ groups: [edge, group('j', { created: TODAY })] }))).toEqual([]);
  });

  test('a dissolution reported for a group never dissolved is out of order', () => {
    const g = group('g', { dissolutionReported: '2025-01-01' } as Partial<Group>);
    expect(check(registry({ groups: [g] }))).toEqual([at(g, 'dissolutionReported', 'date/order', '解散报备日期不能早于解散日期')]);
  });

  test('a group idle longer than the policy allows is warned (003 第十三条); the day it falls due is not', () => {
    const p = policy({ groups: { maxMembers: null, idleAfter: { months: 6 } }, articles: { groups: '第十三条' } });
    const idle = group('g', { lastUsed: '2026-05-20' } as Partial<Group>);
    expect(check(registry({ policy: p, groups: [idle] }))).toEqual([
      at(idle, 'lastUsed', 'group/idle', '工作群自 2026-05-20 起未使用，超过 6 个月：长期不使用的工作群应及时解散并报备（第十三条）', 'warning'),
    ]);
    expect(check(registry({ policy: p, groups: [group('h', { lastUsed: '2026-05-21' } as Partial<Group>)] }))).toEqual([]);
    expect(check(registry({ policy: p, groups: [group('i', { lastUsed: '2026-01-01', dissolved: '2026-02-01' } as Partial<Group>)] }))).toEqual([]);
    const days = policy({ groups: { maxMembers: null, idleAfter: { days: 30 } } });
    const d = group('j', { lastUsed: '2026-10-21' } as Partial<Group>);
    expect(check(registry({ policy: days, groups: [d] }))).toEqual([
      at(d, 'lastUsed', 'group/idle', '工作群自 2026-10-21 起未使用，超过 30 天：长期不使用的工作群应及时解散并报备（登记系统默认）', 'warning'),
    ]);
    expect(check(registry({ groups: [d] }))).toEqual([]);
  });

  test('a live group of a merged, renamed or dissolved unit must be handed over or dissolved (warning)', () => {
    const units = [...registry().units, unit('old', { status: 'merged', successor: 'jsj' }), unit('ren', { status: 'renamed', successor: 'xcb' }), unit('gone', { status: 'dissolved' })];
    const a = group('a', { unit: 'old' });
    const b = group('b', { unit: 'ren' });
    const c = group('c', { unit: 'gone' });
    const done = group('d', { unit: 'gone', dissolved: '2025-01-01' } as Partial<Group>);
    expect(check(registry({ units, groups: [a, b, c, done] }))).toEqual([
      at(a, 'unit', 'unit/group-not-reassigned', '所属部门已合并，请把工作群移交承继单位 jsj 或解散', 'warning'),
      at(b, 'unit', 'unit/group-not-reassigned', '所属部门已更名，请把工作群移交承继单位 xcb 或解散', 'warning'),
      at(c, 'unit', 'unit/group-not-reassigned', '所属部门已撤销，工作群须移交其他部门或解散', 'warning'),
    ]);
  });

  test('a live group above the policy’s size limit is warned; at the limit or dissolved it is not', () => {
    const p = policy({ groups: { maxMembers: 200 } });
    const big = group('a', { members: 201 });
    expect(check(registry({ policy: p, groups: [big, group('b', { members: 200 }), group('c', { members: 500, dissolved: '2025-01-01' } as Partial<Group>)] }))).toEqual([
      at(big, 'members', 'group/too-large', '群成员数量超过管理办法规定的上限 200 人', 'warning'),
    ]);
    expect(check(registry({ groups: [group('d', { members: 5000 })] }))).toEqual([]);
  });
});

describe('checkRegistry(): impostors', () => {
  test('the imitated account must exist; dates in order and not in the future', () => {
    const i = impostor('i', { imitates: 'ghost', reported: '2026-11-23', confirmed: '2026-11-22' });
    expect(check(registry({ impostors: [i] }))).toEqual([
      at(i, 'imitates', 'ref/account', '仿冒的官方账号 ghost 不存在'),
      at(i, 'confirmed', 'date/order', '确认日期不能早于发现日期'),
      at(i, 'confirmed', 'date/future', `确认日期不能晚于今天（${TODAY}）`),
    ]);
    const ok = impostor('j', { imitates: 'a', reported: TODAY, confirmed: TODAY });
    expect(check(registry({ accounts: [account('a')], impostors: [ok, impostor('k', { imitates: 'gone' })], unreadable: { account: ['gone'] } }))).toEqual([]);
  });

  test('a key of an active registered account cannot be listed as an impostor', () => {
    const a = account('a', { keys: [{ kind: 'uid', value: '5123456789' }] });
    const closed = account('b', { status: 'closed', keys: [{ kind: 'uid', value: '5123456780' }] });
    const i = impostor('i', { keys: [{ kind: 'uid', value: '5123456780' }, { kind: 'uid', value: '5123456789' }] });
    expect(check(registry({ accounts: [a, closed], impostors: [i] }))).toEqual([
      at(i, 'keys[1].value', 'impostor/registered', '该账号标识属于已备案的正常运营账号 accounts/jsj/a.mdx，不能同时列为冒用账号'),
    ]);
  });
});

describe('checkRegistry(): where a finding points', () => {
  test('a field without a position falls back to its parent field, then to line 1', () => {
    const a = account('a', { dates: { applied: '2026-11-22' } } as Partial<Account>);
    a.pos = { dates: [7, 2], 'keys[0]': [9, 4] };
    expect(check(registry({ accounts: [a] }))).toEqual([
      { file: a.file, line: 7, column: 2, field: 'dates.applied', code: 'date/future', message: `申请时间不能晚于今天（${TODAY}）`, severity: 'error' },
    ]);
    const r = review('ghost', 2025);
    r.pos = {};
    expect(check(registry({ reviews: [r] }))).toEqual([{ file: r.file, line: 1, column: 1, field: 'account', code: 'ref/account', message: '年审对应的账号 ghost 不存在', severity: 'error' }]);
  });

  test('a list item field falls back to the item', () => {
    const i = impostor('i', { keys: [{ kind: 'uid', value: '5123456789' }] });
    i.pos = { 'keys[0]': [9, 4], keys: [8, 1] };
    expect(check(registry({ accounts: [account('a', { keys: [{ kind: 'uid', value: '5123456789' }] })], impostors: [i] }))).toEqual([
      { file: i.file, line: 9, column: 4, field: 'keys[0].value', code: 'impostor/registered', message: '该账号标识属于已备案的正常运营账号 accounts/jsj/a.mdx，不能同时列为冒用账号', severity: 'error' },
    ]);
    const h = account('h', { dates: { opened: '2025-03-01' }, history: [{ date: '2025-01-01', kind: 'rename', summary: 'x' }] } as Partial<Account>);
    h.pos = { 'history[0]': [5, 1], history: [4, 1] };
    expect(check(registry({ accounts: [h] }))).toEqual([
      { file: h.file, line: 5, column: 1, field: 'history[0].date', code: 'date/order', message: '变更日期不能早于开通时间', severity: 'warning' },
    ]);
  });
});

describe('checkRegistry(): optional parts absent', () => {
  test('an account without co-units, of an unknown platform, with no policy: only what applies', () => {
    const a = account('a', { units: undefined, platform: 'nowhere', keys: [] } as unknown as Partial<Account>);
    expect(check(registry({ accounts: [a] }))).toEqual([
      at(a, 'keys', 'account/no-key', '正常运营的账号须至少登记一个账号标识（keys）或链接（link），以便公众核验'),
    ]);
    const b = account('b', { keys: [{ kind: 'short', value: 'https://t.cn/x' }] });
    expect(check(registry({ policy: undefined, unreadable: { policy: ['policy'] }, accounts: [b] }))).toEqual([
      at(b, 'keys', 'account/visible-id', '正常运营的账号应登记微博UID（keys 中 kind 为 uid 或 domain）：学生核验时粘贴的是它，未登记会被告知“未找到”', 'warning'),
    ]);
  });

  test('groups and reviews without a policy, and a group never used, raise nothing', () => {
    const idle = policy({ groups: { maxMembers: null, idleAfter: { days: 1 } } });
    expect(check(registry({ policy: idle, groups: [group('g')] }))).toEqual([]);
    const noPolicy = { policy: undefined, unreadable: { policy: ['policy'] } };
    expect(check(registry({ ...noPolicy, groups: [group('h', { lastUsed: '2020-01-01', members: 9999 } as Partial<Group>)] }))).toEqual([]);
    expect(check(registry({ ...noPolicy, accounts: [account('a')], reviews: [review('a', 2025, { pushes: 0 })] }))).toEqual([]);
  });

  test('a nested field without a position falls back one level: the approval of campus data', () => {
    const p = policy({ campusData: { serversOnCampus: true, approver: '信息中心', article: '第十八条' } });
    const a = account('a', { campusData: { servers: 'campus', approval: { by: '网络中心', reference: '1', date: '2025-01-01' } } } as Partial<Account>);
    a.pos = { 'campusData.approval': [6, 5], campusData: [5, 3] };
    expect(check(registry({ policy: p, accounts: [a] }))).toEqual([
      { file: a.file, line: 6, column: 5, field: 'campusData.approval.by', code: 'account/campus-approver', message: '校内数据服务应由信息中心审批（第十八条），不是网络中心', severity: 'error' },
    ]);
  });
});

describe('checkRegistry(): what it passes on', () => {
  test('the look-alike name screening of name-rules.ts is part of the findings', () => {
    const a = account('a', { name: '青川理工计算机学院' });
    const b = account('b', { name: '靑川理工计算机学院' }, 'xcb');
    const reg = registry({ accounts: [a, b] });
    const names = checkAccountNames(reg);
    expect(names.map((f) => [f.file, f.code])).toEqual([[b.file, 'name/look-alike']]);
    expect(checkRegistry(reg, { today: TODAY })).toEqual(names);
  });

  test('a review of an unreadable account is not checked for pushes', () => {
    const p = policy({ annualReview: { required: true, tiers: [2], pushListRequired: false, warnNoPushes: true } });
    expect(check(registry({ policy: p, reviews: [review('a', 2025, { pushes: 0 })], unreadable: { account: ['a'] } }))).toEqual([]);
  });
});

describe('checkRegistry(): a unit below a cycle', () => {
  test('a unit whose parent is in a cycle does not stop the check; the units in the cycle are reported', () => {
    const a = unit('a', { parent: 'b' });
    const b = unit('b', { parent: 'a' });
    const below = unit('c', { parent: 'a' });
    const found = check(registry({ units: [...registry().units, below, a, b] })).filter((f) => f.file !== below.file);
    expect(found).toEqual([
      at(a, 'parent', 'unit/cycle', '上级单位形成了循环（A 的上级是 B，B 的上级又是 A）'),
      at(b, 'parent', 'unit/cycle', '上级单位形成了循环（A 的上级是 B，B 的上级又是 A）'),
    ]);
  });
});
