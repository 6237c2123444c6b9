// The public projection (src/domain/public.ts) called in process, every result compared whole: the
// whitelist of each record (nothing private, every public field with its fallback), the badge state,
// the directory order, counts and search facets, the unit tree, events, and the exact text of
// accounts.json, accounts.csv and the Atom feed.
import { describe, expect, test } from 'vitest';
import {
  AccountSchema,
  ImpostorSchema,
  UnitSchema,
  deriveAccountStatuses,
  type Account,
  type Impostor,
  type Policy,
  type Unit,
} from '../../src/domain/index.ts';
import {
  CSV_COLUMNS,
  PUBLIC_DATA_VERSION,
  PUBLIC_STATES,
  PUBLIC_STATE_LABELS,
  PUBLIC_STATE_TONES,
  accountEvents,
  atomFeed,
  badgeText,
  buildPublicSite,
  buildPublicSiteOn,
  compareAccounts,
  countAccounts,
  csvField,
  findUnitNode,
  groupBy,
  openDataCsv,
  openDataJson,
  platformLabel,
  publicStateOf,
  reviewOutcomeLabel,
  searchFacets,
  toPublicAccount,
  toPublicImpostor,
  toPublicPolicy,
  toPublicUnit,
  unitPath,
  unitTree,
  verificationText,
  type PublicAccount,
  type PublicSite,
  type PublicUnit,
  type SiteInput,
} from '../../src/domain/public.ts';
import { presetPolicy } from '../obligations-fixtures.ts';

const PERSON = { name: '张三', mobile: '13800000001', email: 'z@example.edu.cn', officePhone: '0571-88880000', title: '主任' };

function acct(over: Record<string, unknown> = {}): Account {
  return AccountSchema.parse({
    id: 'jwc-mp',
    name: '青川教务',
    platform: 'wechat-mp',
    keys: [{ kind: 'gh', value: 'gh_0123456789ab' }],
    unit: 'jwc',
    tier: 2,
    status: 'active',
    filing: 'new',
    purpose: '发布教务通知',
    reason: '申请理由（内部）',
    note: '备注（内部）',
    dates: { applied: '2024-08-01', opened: '2024-09-01' },
    contacts: { head: PERSON, leader: PERSON, admins: [PERSON] },
    ...over,
  });
}

function unit(id: string, name: string, over: Record<string, unknown> = {}): Unit {
  return UnitSchema.parse({ id, name, kind: 'office', status: 'active', headTitle: '处长', owners: ['@qclg/x'], ...over });
}

function minimalPublic(over: Partial<PublicAccount> = {}): PublicAccount {
  return {
    id: 'a', name: '甲', formerNames: [], platform: 'wechat-mp', platformLabel: '微信公众号', keys: [], link: null, unit: 'u', unitName: '单位', coUnits: [],
    operator: null, dormant: null, tier: 2, tierName: '二级平台', status: 'active', state: 'active', stateLabel: '正常运营', stateReason: null, filing: 'new',
    purpose: '用途', contentScope: null, verification: null, approval: null, dates: { applied: null, plannedOpening: null, opened: null, closed: null },
    closureReason: null, lastReview: null, history: [], descriptionHtml: '', ...over,
  };
}

const CTX = { unitNames: new Map([['jwc', '教务处'], ['jsj', '计算机学院']]), tierNames: new Map([[1, '校级平台'], [2, '部门平台']]) };

describe('labels and constants', () => {
  test('every public state has its badge text, tone and place in the filters', () => {
    expect(PUBLIC_DATA_VERSION).toBe(1);
    expect(PUBLIC_STATE_LABELS).toEqual({ active: '正常运营', approved: '待开通', applied: '申请中', closed: '已停办', overdue: '年审逾期', suspended: '暂停运行', dormant: '停更未注销' });
    expect(PUBLIC_STATE_TONES).toEqual({ active: 'active', approved: 'pending', applied: 'pending', closed: 'closed', overdue: 'bad', suspended: 'bad', dormant: 'pending' });
    expect(PUBLIC_STATES).toEqual(['active', 'dormant', 'approved', 'applied', 'overdue', 'suspended', 'closed']);
  });

  test('platformLabel() uses the filed name only for `other`, and the id for an unknown platform', () => {
    expect(platformLabel('wechat-mp')).toBe('微信公众号');
    expect(platformLabel('wechat-mp', '别的')).toBe('微信公众号');
    expect(platformLabel('other', '校园APP')).toBe('校园APP');
    expect(platformLabel('other')).toBe('其他');
    expect(platformLabel('other', null)).toBe('其他');
    expect(platformLabel('no-such')).toBe('no-such');
  });

  test('reviewOutcomeLabel() in Chinese', () => {
    expect([reviewOutcomeLabel('pass'), reviewOutcomeLabel('fail'), reviewOutcomeLabel('pending')]).toEqual(['合格', '不合格', '审核中']);
  });
});

describe('toPublicPolicy()', () => {
  test('copies the public part of a full policy', () => {
    const base = presetPolicy('000');
    const p = {
      ...base,
      school: { name: '青川理工学院', shortNames: ['青理工', '青川理工'], englishName: 'Qingchuan Tech', protectedNames: [{ name: '青理', match: 'prefix', notWithin: ['青理想'], article: '第三条' }, { name: '青川工', match: 'anywhere', notWithin: [] }], domains: ['qclg.edu.cn'] },
      office: { ...base.office, name: '党委宣传部', reportEmail: 'report@qclg.edu.cn' },
      document: { ...base.document, title: '《办法》', number: '青理工〔2024〕1号', published: '2024-05-27' },
      tiers: [{ level: 1, name: '一级平台', description: '学校', unitKinds: ['school'], manager: '宣传部', approvers: ['宣传部'], responsible: '分管校领导' }, { level: 2, name: '二级平台', description: '单位', unitKinds: ['office'], manager: '单位', approvers: ['单位', '宣传部'] }],
      annualReview: { ...base.annualReview, required: true, due: '12-20' },
      personalAccounts: '个人账号不得冒用学校名义（第十条）',
      platforms: ['wechat-mp', 'weibo'],
      specialRules: [{ article: '第九条', text: '不得委托校外公司运营', extra: 'x' }],
    } as unknown as Policy;
    expect(toPublicPolicy(p)).toEqual({
      school: { name: '青川理工学院', shortNames: ['青理工', '青川理工'], englishName: 'Qingchuan Tech', protectedNames: ['青理', '青川工'], protectedPrefixes: ['青理'], domains: ['qclg.edu.cn'] },
      office: { name: '党委宣传部', reportEmail: 'report@qclg.edu.cn' },
      document: { title: '《办法》', number: '青理工〔2024〕1号', published: '2024-05-27' },
      tiers: [
        { level: 1, name: '一级平台', description: '学校', manager: '宣传部', approvers: ['宣传部'], responsible: '分管校领导' },
        { level: 2, name: '二级平台', description: '单位', manager: '单位', approvers: ['单位', '宣传部'], responsible: null },
      ],
      annualReview: { required: true, due: '12-20' },
      personalAccounts: '个人账号不得冒用学校名义（第十条）',
      platforms: ['wechat-mp', 'weibo'],
      specialRules: [{ article: '第九条', text: '不得委托校外公司运营' }],
    });
  });

  test('gives null, empty lists and an empty text where a policy leaves things out', () => {
    const p = {
      school: { name: '学校', shortNames: [] },
      office: { name: '宣传部' },
      document: { title: '《办法》', published: null },
      tiers: [],
      annualReview: { required: false, due: '12-31' },
    } as unknown as Policy;
    expect(toPublicPolicy(p)).toEqual({
      school: { name: '学校', shortNames: [], englishName: null, protectedNames: [], protectedPrefixes: [], domains: [] },
      office: { name: '宣传部', reportEmail: null },
      document: { title: '《办法》', number: null, published: null },
      tiers: [],
      annualReview: { required: false, due: '12-31' },
      personalAccounts: '',
      platforms: [],
      specialRules: [],
    });
  });
});

describe('toPublicUnit()', () => {
  test('copies the public fields, without owners or the head title', () => {
    expect(toPublicUnit(unit('jsj-old', '计算机系', { kind: 'college', parent: 'school', shortName: '计系', status: 'merged', statusDate: '2024-07-01', successor: 'jsj' }))).toEqual({
      id: 'jsj-old', name: '计算机系', shortName: '计系', kind: 'college', kindLabel: '学院（系部）', parent: 'school', status: 'merged', statusLabel: '已合并', statusDate: '2024-07-01', successor: 'jsj',
    });
    expect(toPublicUnit(unit('jwc', '教务处'))).toEqual({ id: 'jwc', name: '教务处', shortName: null, kind: 'office', kindLabel: '党政职能部门', parent: null, status: 'active', statusLabel: '正常', statusDate: null, successor: null });
    expect(['renamed', 'dissolved'].map((status) => toPublicUnit({ ...unit('x', 'x'), status } as Unit).statusLabel)).toEqual(['已更名', '已撤销']);
  });
});

describe('publicStateOf()', () => {
  test.each([
    ['closed', { state: 'suspended' }, true, 'closed'],
    ['active', { state: 'overdue' }, true, 'overdue'],
    ['approved', { state: 'suspended' }, false, 'suspended'],
    ['active', null, true, 'dormant'],
    ['active', undefined, false, 'active'],
    ['approved', null, true, 'approved'],
    ['applied', null, false, 'applied'],
  ] as const)('stored %s with derived %o and dormant=%s shows %s', (status, derived, dormant, expected) => {
    expect(publicStateOf(status, derived, dormant)).toBe(expected);
  });

  test('is not dormant unless told', () => {
    expect(publicStateOf('active')).toBe('active');
  });
});

describe('toPublicAccount()', () => {
  const full = () =>
    acct({
      formerNames: ['教务在线'],
      keys: [{ kind: 'gh', value: 'gh_0123456789ab' }, { kind: 'zz', value: 'x1' }],
      link: 'https://mp.weixin.qq.com/s/abcdefgh',
      units: ['jsj', 'lab'],
      operator: { name: '某某文化传媒有限公司', since: '2024-01-01' },
      dormant: { since: '2025-06-01', reason: '岗位调整' },
      contentScope: '教学安排',
      verification: { status: 'verified', subject: '青川理工学院', note: '内部说明' },
      approval: { number: '2024-0002', date: '2024-08-10', pr: 12 },
      dates: { applied: '2024-08-01', plannedOpening: '2024-08-20', opened: '2024-09-01' },
      history: [
        { date: '2025-01-02', kind: 'admins', summary: '管理员变更' },
        { date: '2024-10-01', kind: 'rename', summary: '由“教务在线”更名' },
        { date: '2025-03-04', kind: 'keys', summary: '补报微信号' },
        { date: '2025-03-04', kind: 'scope', summary: '调整内容范围' },
        { date: '2025-02-01', kind: 'head', summary: '负责人变更' },
        { date: '2025-02-02', kind: 'leader', summary: '分管领导变更' },
        { date: '2025-02-03', kind: 'other', summary: '其他' },
        { date: '2025-04-01', kind: 'verification', summary: '完成认证' },
        { date: '2025-04-02', kind: 'maintenance', summary: '改为自主维护' },
        { date: '2025-04-03', kind: 'handover', summary: '移交计算机学院' },
      ],
    });

  test('a full account: every public field, in order, and nothing private', () => {
    const pub = toPublicAccount(full(), '<p>简介</p>', {
      ...CTX,
      reviews: [{ year: 2024, result: { outcome: 'pass' } }, { year: 2025, result: { outcome: 'fail', date: '2026-01-05' } }, { year: 2023, result: { outcome: 'pending' } }],
    });
    expect(pub).toEqual({
      id: 'jwc-mp',
      name: '青川教务',
      formerNames: ['教务在线'],
      platform: 'wechat-mp',
      platformLabel: '微信公众号',
      keys: [{ kind: 'gh', label: '原始ID', value: 'gh_0123456789ab' }, { kind: 'zz', label: 'zz', value: 'x1' }],
      link: 'https://mp.weixin.qq.com/s/abcdefgh',
      unit: 'jwc',
      unitName: '教务处',
      coUnits: [{ id: 'jsj', name: '计算机学院' }, { id: 'lab', name: 'lab' }],
      operator: '某某文化传媒有限公司',
      dormant: { since: '2025-06-01', reason: '岗位调整' },
      tier: 2,
      tierName: '部门平台',
      status: 'active',
      state: 'dormant',
      stateLabel: '停更未注销',
      stateReason: null,
      filing: 'new',
      purpose: '发布教务通知',
      contentScope: '教学安排',
      verification: { status: 'verified', subject: '青川理工学院' },
      approval: { number: '2024-0002', date: '2024-08-10' },
      dates: { applied: '2024-08-01', plannedOpening: '2024-08-20', opened: '2024-09-01', closed: null },
      closureReason: null,
      lastReview: { year: 2025, outcome: 'fail' },
      history: [
        { date: '2025-04-03', kind: 'handover', label: '移交其他单位', summary: '移交计算机学院' },
        { date: '2025-04-02', kind: 'maintenance', label: '维护方式变更', summary: '改为自主维护' },
        { date: '2025-04-01', kind: 'verification', label: '认证信息变更', summary: '完成认证' },
        { date: '2025-03-04', kind: 'keys', label: '账号信息补报或变更', summary: '补报微信号' },
        { date: '2025-03-04', kind: 'scope', label: '功能定位或内容范围变更', summary: '调整内容范围' },
        { date: '2024-10-01', kind: 'rename', label: '名称变更', summary: '由“教务在线”更名' },
      ],
      descriptionHtml: '<p>简介</p>',
    });
  });

  test('a sparse account: nulls, the unit id for an unknown unit, the fallback tier names', () => {
    const a = acct({ unit: 'lab', tier: 3, dates: { applied: '2024-08-01', opened: '2024-09-01' }, verification: { status: 'pending', subject: '青川理工学院' } });
    expect(toPublicAccount(a, '', { unitNames: new Map(), tierNames: new Map() })).toEqual({
      id: 'jwc-mp', name: '青川教务', formerNames: [], platform: 'wechat-mp', platformLabel: '微信公众号', keys: [{ kind: 'gh', label: '原始ID', value: 'gh_0123456789ab' }], link: null,
      unit: 'lab', unitName: 'lab', coUnits: [], operator: null, dormant: null, tier: 3, tierName: '三级平台', status: 'active', state: 'active', stateLabel: '正常运营', stateReason: null,
      filing: 'new', purpose: '发布教务通知', contentScope: null, verification: { status: 'pending', subject: '青川理工学院' }, approval: null,
      dates: { applied: '2024-08-01', plannedOpening: null, opened: '2024-09-01', closed: null }, closureReason: null, lastReview: null, history: [], descriptionHtml: '',
    });
    const none = { unitNames: new Map(), tierNames: new Map() };
    expect(toPublicAccount(acct({ tier: 1 }), '', none).tierName).toBe('一级平台');
    expect(toPublicAccount(acct({ tier: 2 }), '', none).tierName).toBe('二级平台');
    expect(toPublicAccount({ ...acct(), tier: 4 }, '', none).tierName).toBe('4级');
    expect(toPublicAccount(acct({ verification: { status: 'none' } }), '', none).verification).toEqual({ status: 'none', subject: null });
    expect(toPublicAccount(acct({ dormant: { since: '2025-06-01' } }), '', none).dormant).toEqual({ since: '2025-06-01', reason: null });
    expect(toPublicAccount(acct(), '', { ...none, reviews: [] }).lastReview).toBeNull();
  });

  test('keys of a platform the registry does not know keep their kind as label', () => {
    const raw = { ...acct(), platform: 'no-such', keys: [{ kind: 'gh', value: 'v' }] } as unknown as Account;
    expect(toPublicAccount(raw, '', CTX)).toMatchObject({ platformLabel: 'no-such', keys: [{ kind: 'gh', label: 'gh', value: 'v' }] });
  });

  test('a link off the platform (the schema refuses it) is never published', () => {
    const raw = { ...acct(), link: 'https://evil.example.com/mp' } as Account;
    expect(toPublicAccount(raw, '', CTX).link).toBeNull();
  });

  test('a derived state overrides with its own label and reason; without a label it uses the state\'s', () => {
    const dormant = acct({ dormant: { since: '2025-06-01' } });
    expect(toPublicAccount(dormant, '', { ...CTX, derived: { state: 'suspended', label: '暂停运行（年审不合格）', reason: '2025 年度年审不合格', since: '2026-01-05' } })).toMatchObject({
      state: 'suspended', stateLabel: '暂停运行（年审不合格）', stateReason: '2025 年度年审不合格',
    });
    expect(toPublicAccount(acct(), '', { ...CTX, derived: { state: 'overdue' } })).toMatchObject({ state: 'overdue', stateLabel: '年审逾期', stateReason: null });
    const closed = acct({ status: 'closed', dates: { applied: '2020-01-01', opened: '2020-02-01', closed: '2025-03-01' }, closure: { reason: '合并' }, history: [{ date: '2025-03-01', kind: 'closure', summary: '停办' }] });
    expect(toPublicAccount(closed, '', { ...CTX, derived: { state: 'overdue', label: '年审逾期', reason: '未提交' } })).toMatchObject({
      state: 'closed', stateLabel: '已停办', stateReason: null, closureReason: '合并',
      dates: { applied: '2020-01-01', plannedOpening: null, opened: '2020-02-01', closed: '2025-03-01' },
      history: [{ date: '2025-03-01', kind: 'closure', label: '停办', summary: '停办' }],
    });
  });
});

describe('toPublicImpostor()', () => {
  const imp = (over: Record<string, unknown> = {}): Impostor =>
    ImpostorSchema.parse({ id: 'fake-1', name: '青川教务处', platform: 'weibo', keys: [{ kind: 'uid', value: '7654321' }, { kind: 'yy', value: 'y' }], link: 'https://weibo.com/u/7654321', imitates: 'jwc-mp', reported: '2026-01-02', confirmed: '2026-01-05', description: '冒用校徽', action: '已投诉', ...over });

  test('publishes the whole warning, naming the official account it imitates', () => {
    expect(toPublicImpostor(imp(), new Map([['jwc-mp', '青川教务']]))).toEqual({
      id: 'fake-1', name: '青川教务处', platform: 'weibo', platformLabel: '微博', keys: [{ kind: 'uid', label: '微博UID', value: '7654321' }, { kind: 'yy', label: 'yy', value: 'y' }],
      link: 'https://weibo.com/u/7654321', imitates: { id: 'jwc-mp', name: '青川教务' }, reported: '2026-01-02', confirmed: '2026-01-05', description: '冒用校徽', action: '已投诉',
    });
  });

  test('an unknown imitated account keeps its id; missing parts are null', () => {
    expect(toPublicImpostor(imp(), new Map()).imitates).toEqual({ id: 'jwc-mp', name: 'jwc-mp' });
    expect(toPublicImpostor(imp({ imitates: undefined, link: undefined, action: undefined, platform: 'other', keys: [] }), new Map())).toEqual({
      id: 'fake-1', name: '青川教务处', platform: 'other', platformLabel: '其他', keys: [], link: null, imitates: null, reported: '2026-01-02', confirmed: '2026-01-05', description: '冒用校徽', action: null,
    });
  });
});

function siteInput(): SiteInput {
  const base = presetPolicy('000');
  return {
    policy: base,
    units: [unit('jwc', '教务处'), unit('jsj2', '计算机学院', { kind: 'college', status: 'dissolved', statusDate: '2020-01-01' }), unit('jsj', '计算机学院', { kind: 'college' }), unit('aa', '保卫处')],
    accounts: [
      { data: acct({ id: 'jwc-weibo', name: '青川教务微博', platform: 'weibo', keys: [{ kind: 'uid', value: '1234567' }], approval: { number: '2024-0003', date: '2024-08-10' } }), html: '<p>b</p>' },
      { data: acct({ id: 'jwc-mp', approval: { number: '2024-0002', date: '2024-08-10' } }), html: '<p>a</p>' },
      { data: acct({ id: 'jsj-old', unit: 'jsj', name: '阿计算机', status: 'closed', dates: { applied: '2020-01-01', opened: '2020-02-01', closed: '2025-03-01' }, closure: { reason: '合并' } }), html: '' },
      { data: acct({ id: 'jsj-mp', unit: 'jsj', name: '计算机学院', tier: 3 }), html: '' },
      { data: acct({ id: 'aa-mp', unit: 'aa', name: '保卫处', tier: 1 }), html: '' },
      { data: acct({ id: 'jwc-mp2', name: '青川教务' }), html: '' },
    ],
    reviews: [
      { account: 'jwc-mp', year: 2024, result: { outcome: 'pass', date: '2024-12-30' } },
      { account: 'jwc-mp', year: 2025, result: { outcome: 'pending' } },
      { account: 'jsj-mp', year: 2025, result: { outcome: 'fail', date: '2025-12-30' } },
    ],
    impostors: [
      ImpostorSchema.parse({ id: 'b-fake', name: '假2', platform: 'weibo', imitates: 'jwc-weibo', reported: '2026-01-01', confirmed: '2026-02-01', description: '仿冒' }),
      ImpostorSchema.parse({ id: 'c-fake', name: '假3', platform: 'weibo', reported: '2026-01-01', confirmed: '2026-03-01', description: '仿冒' }),
      ImpostorSchema.parse({ id: 'a-fake', name: '假1', platform: 'weibo', imitates: 'gone', reported: '2026-01-01', confirmed: '2026-02-01', description: '仿冒' }),
    ],
  };
}

describe('buildPublicSite()', () => {
  test('orders accounts by tier, live before closed, name, id; units by name then id; impostors newest first then id', () => {
    const input = siteInput();
    const site = buildPublicSite(input, { asOf: '2026-11-21', derived: new Map([['jwc-weibo', { state: 'overdue', reason: '2025 年度年审未提交' }], ['jwc-mp', null]]) });
    expect(site.asOf).toBe('2026-11-21');
    expect(site.policy).toEqual(toPublicPolicy(input.policy));
    expect(site.accounts.map((a) => a.id)).toEqual(['aa-mp', 'jwc-mp', 'jwc-mp2', 'jwc-weibo', 'jsj-old', 'jsj-mp']);
    expect(site.accounts.map((a) => [a.id, a.state, a.stateReason, a.lastReview, a.descriptionHtml])).toEqual([
      ['aa-mp', 'active', null, null, ''],
      ['jwc-mp', 'active', null, { year: 2025, outcome: 'pending' }, '<p>a</p>'],
      ['jwc-mp2', 'active', null, null, ''],
      ['jwc-weibo', 'overdue', '2025 年度年审未提交', null, '<p>b</p>'],
      ['jsj-old', 'closed', null, null, ''],
      ['jsj-mp', 'active', null, { year: 2025, outcome: 'fail' }, ''],
    ]);
    expect(site.accounts[1]).toEqual(toPublicAccount(input.accounts[1]!.data, '<p>a</p>', { unitNames: new Map(input.units.map((u) => [u.id, u.name])), tierNames: new Map(input.policy.tiers.map((t) => [t.level, t.name])), reviews: input.reviews.slice(0, 2) }));
    expect(site.units.map((u) => u.id)).toEqual(['aa', 'jsj', 'jsj2', 'jwc']);
    expect(site.impostors.map((i) => [i.id, i.imitates])).toEqual([
      ['c-fake', null],
      ['a-fake', { id: 'gone', name: 'gone' }],
      ['b-fake', { id: 'jwc-weibo', name: '青川教务微博' }],
    ]);
  });

  test('without derived states every account shows its stored status', () => {
    const site = buildPublicSite(siteInput(), { asOf: '2026-11-21' });
    expect(site.accounts.map((a) => a.state)).toEqual(['active', 'active', 'active', 'active', 'closed', 'active']);
  });

  test('buildPublicSiteOn() takes the derived states of the deadline rules on that day', () => {
    const input = siteInput();
    const today = '2026-12-25';
    const derived = deriveAccountStatuses(input.accounts.map((a) => a.data), input.reviews, input.policy, today, input.units);
    const site = buildPublicSiteOn(input, today);
    expect(site).toEqual(buildPublicSite(input, { asOf: today, derived }));
    expect(site.accounts.some((a) => a.state === 'overdue' || a.state === 'suspended')).toBe(true);
  });
});

describe('compareAccounts()', () => {
  test.each([
    [{ tier: 1 }, { tier: 2 }, -1],
    [{ tier: 3 }, { tier: 2 }, 1],
    [{ status: 'active' }, { status: 'closed' }, -1],
    [{ status: 'closed' }, { status: 'active' }, 1],
    [{ name: '阿' }, { name: '波' }, -1],
    [{ name: '波' }, { name: '阿' }, 1],
    [{ id: 'a' }, { id: 'b' }, -1],
    [{ id: 'b' }, { id: 'a' }, 1],
    [{}, {}, 0],
  ] as const)('%o against %o → sign %d', (a, b, sign) => {
    expect(Math.sign(compareAccounts(minimalPublic(a as Partial<PublicAccount>), minimalPublic(b as Partial<PublicAccount>)))).toBe(sign);
  });

  test('the tier difference is the difference of levels', () => {
    expect(compareAccounts(minimalPublic({ tier: 1 }), minimalPublic({ tier: 3 }))).toBe(-2);
  });
});

describe('countAccounts() and searchFacets()', () => {
  const list = () => [
    minimalPublic({ id: '4', platform: 'wechat-mp', unitName: '保卫处', tier: 2 }),
    minimalPublic({ id: '6', platform: 'other', platformLabel: '校园APP', unitName: '阿单位', tier: 2, state: 'closed', stateLabel: '已停办' }),
    minimalPublic({ id: '1', platform: 'weibo', platformLabel: '微博', unitName: '教务处', tier: 3, tierName: '三级平台', state: 'overdue', stateLabel: '年审逾期' }),
    minimalPublic({ id: '2', platform: 'douyin', platformLabel: '抖音', unitName: '保卫处', tier: 1, tierName: '一级平台' }),
    minimalPublic({ id: '3', platform: 'weibo', platformLabel: '微博', unitName: '教务处', tier: 2, state: 'closed', stateLabel: '已停办' }),
    minimalPublic({ id: '5', platform: 'wechat-mp', unitName: '阿单位', tier: 2, state: 'dormant', stateLabel: '停更未注销' }),
  ];

  test('countAccounts(): platforms most first then by name, tiers by level, states in filter order', () => {
    expect(countAccounts(list())).toEqual({
      platform: [
        { value: 'weibo', label: '微博', count: 2 },
        { value: 'wechat-mp', label: '微信公众号', count: 2 },
        { value: 'douyin', label: '抖音', count: 1 },
        { value: 'other', label: '其他', count: 1 },
      ],
      tier: [{ value: '1', label: '一级平台', count: 1 }, { value: '2', label: '二级平台', count: 4 }, { value: '3', label: '三级平台', count: 1 }],
      state: [
        { value: 'active', label: '正常运营', count: 2 },
        { value: 'dormant', label: '停更未注销', count: 1 },
        { value: 'overdue', label: '年审逾期', count: 1 },
        { value: 'closed', label: '已停办', count: 2 },
      ],
    });
    expect(countAccounts([])).toEqual({ platform: [], tier: [], state: [] });
  });

  test('searchFacets(): platforms and states most first, units by name, tiers by level', () => {
    expect(searchFacets(list())).toEqual({
      platform: [['微博', 2], ['微信公众号', 2], ['抖音', 1], ['校园APP', 1]],
      unit: [['阿单位', 2], ['保卫处', 2], ['教务处', 2]],
      tier: [['一级平台', 1], ['二级平台', 4], ['三级平台', 1]],
      status: [['已停办', 2], ['正常运营', 2], ['年审逾期', 1], ['停更未注销', 1]],
    });
  });
});

describe('the unit tree', () => {
  const pu = (id: string, name: string, parent?: string): PublicUnit => ({ ...toPublicUnit(unit(id, name)), parent: parent ?? null });
  const units = () => [pu('school', '学校'), pu('jsj', '计算机学院', 'school'), pu('bwc', '保卫处', 'school'), pu('jsj-tw', '计算机学院团委', 'jsj'), pu('lost', '阿单位', 'gone'), pu('aa', '保卫部')];
  const accounts = () => ['jsj', 'jsj', 'jsj-tw', 'school', 'bwc', 'lost', 'nowhere'].map((u, i) => minimalPublic({ id: `a${i}`, unit: u }));

  test('unitTree() nests children in pinyin order and sums each subtree', () => {
    const tree = unitTree(units(), accounts());
    const shape = (n: ReturnType<typeof unitTree>[number]): unknown => [n.unit.id, n.accounts, n.total, n.children.map(shape)];
    expect(tree.map(shape)).toEqual([
      ['lost', 1, 1, []],
      ['aa', 0, 0, []],
      ['school', 1, 5, [['bwc', 1, 1, []], ['jsj', 2, 3, [['jsj-tw', 1, 1, []]]]]],
    ]);
    expect(unitTree([], accounts())).toEqual([]);
  });

  test('a chain deeper than 50 levels stops summing below the 51st', () => {
    const chain = Array.from({ length: 53 }, (_, i) => pu(`u${i}`, `单位${i}`, i ? `u${i - 1}` : undefined));
    const tree = unitTree(chain, chain.map((u) => minimalPublic({ id: u.id, unit: u.id })));
    expect(tree).toHaveLength(1);
    expect(tree[0]!.total).toBe(52);
    expect(findUnitNode(tree, 'u50')!.total).toBe(2);
    expect(findUnitNode(tree, 'u51')!.total).toBe(1);
  });

  test('findUnitNode() finds a root or a nested node, and nothing for an unknown id', () => {
    const tree = unitTree(units(), accounts());
    expect(findUnitNode(tree, 'school')!.unit.id).toBe('school');
    expect(findUnitNode(tree, 'jsj-tw')!.unit.name).toBe('计算机学院团委');
    expect(findUnitNode(tree, 'bwc')!.total).toBe(1);
    expect(findUnitNode(tree, 'nowhere')).toBeUndefined();
    expect(findUnitNode([], 'school')).toBeUndefined();
  });

  test('unitPath() walks up to the root, stops at a loop and after 50 levels', () => {
    expect(unitPath(units(), 'jsj-tw').map((u) => u.id)).toEqual(['school', 'jsj', 'jsj-tw']);
    expect(unitPath(units(), 'school').map((u) => u.id)).toEqual(['school']);
    expect(unitPath(units(), 'lost').map((u) => u.id)).toEqual(['lost']);
    expect(unitPath(units(), 'nowhere')).toEqual([]);
    expect(unitPath([pu('a', 'A', 'b'), pu('b', 'B', 'a')], 'a').map((u) => u.id)).toEqual(['b', 'a']);
    const chain = Array.from({ length: 60 }, (_, i) => pu(`u${i}`, `单位${i}`, i ? `u${i - 1}` : undefined));
    const path = unitPath(chain, 'u59');
    expect(path).toHaveLength(50);
    expect([path[0]!.id, path[49]!.id]).toEqual(['u10', 'u59']);
  });
});

describe('verificationText() and badgeText()', () => {
  test('verification in one line', () => {
    expect(verificationText(minimalPublic())).toBeNull();
    expect(verificationText(minimalPublic({ verification: { status: 'none', subject: '学校' } }))).toBe('未认证');
    expect(verificationText(minimalPublic({ verification: { status: 'verified', subject: '青川理工学院' } }))).toBe('已认证（认证主体：青川理工学院）');
    expect(verificationText(minimalPublic({ verification: { status: 'pending', subject: null } }))).toBe('认证中');
    expect(verificationText(minimalPublic({ verification: { status: 'verified', subject: null } }))).toBe('已认证');
  });

  test('the closing date follows 已停办 only for a closed account with a date', () => {
    expect(badgeText(minimalPublic({ state: 'closed', stateLabel: '已停办', dates: { applied: null, plannedOpening: null, opened: null, closed: '2025-03-01' } }))).toBe('已停办（2025-03-01）');
    expect(badgeText(minimalPublic({ state: 'closed', stateLabel: '已停办' }))).toBe('已停办');
    expect(badgeText(minimalPublic({ state: 'suspended', stateLabel: '暂停运行', dates: { applied: null, plannedOpening: null, opened: null, closed: '2025-03-01' } }))).toBe('暂停运行');
  });
});

describe('accountEvents()', () => {
  const closedDates = (closed: string | null) => ({ applied: null, plannedOpening: null, opened: null, closed });
  const list = () => [
    minimalPublic({ id: 'b', name: '乙', approval: { number: '2024-0002', date: '2024-08-10' }, unitName: '教务处' }),
    minimalPublic({ id: 'a', name: '甲', filing: 'backfill', platformLabel: '微博', approval: { number: '2024-0001', date: '2024-08-10' }, unitName: '保卫处', status: 'closed', dates: closedDates('2024-08-10'), closureReason: '合并' }),
    minimalPublic({ id: 'c', name: '丙', status: 'closed', dates: closedDates('2025-01-01') }),
    minimalPublic({ id: 'd', name: '丁', status: 'closed' }),
    minimalPublic({ id: 'e', name: '戊', status: 'active', dates: closedDates('2026-01-01') }),
  ];

  test('approvals and closures newest first; same day: approval before closure, then by account id', () => {
    expect(accountEvents(list()).map(({ account, ...e }) => ({ ...e, account: account.id }))).toEqual([
      { kind: 'closure', date: '2025-01-01', account: 'c', title: '停办：丙（微信公众号）', detail: '主办单位 单位' },
      { kind: 'approval', date: '2024-08-10', account: 'a', title: '备案通过：甲（微博）', detail: '审批号 2024-0001，主办单位 保卫处' },
      { kind: 'approval', date: '2024-08-10', account: 'b', title: '批准开设：乙（微信公众号）', detail: '审批号 2024-0002，主办单位 教务处' },
      { kind: 'closure', date: '2024-08-10', account: 'a', title: '停办：甲（微博）', detail: '停办理由：合并' },
    ]);
  });

  test('a limit keeps the newest events', () => {
    expect(accountEvents(list(), 2).map((e) => `${e.kind} ${e.account.id}`)).toEqual(['closure c', 'approval a']);
    expect(accountEvents(list(), 0)).toEqual([]);
    expect(accountEvents([])).toEqual([]);
  });
});

const URL_OF = (a: PublicAccount) => `https://x.edu.cn/accounts/${a.id}/`;

describe('open data', () => {
  const rich = () =>
    minimalPublic({
      id: 'jwc-mp', name: '青川"教务"', keys: [{ kind: 'gh', label: '原始ID', value: 'gh_1' }, { kind: 'wxid', label: '微信号', value: 'qc' }], link: 'https://mp.weixin.qq.com/s/x',
      unit: 'jwc', unitName: '教务处', tierName: '二级平台', stateLabel: '年审逾期', approval: { number: '2024-0002', date: '2024-08-10' },
      dates: { applied: '2024-08-01', plannedOpening: null, opened: '2024-09-01', closed: '2025-03-01' }, lastReview: { year: 2025, outcome: 'pass' }, purpose: '=通知,公告',
      history: [{ date: '2025-01-01', kind: 'rename', label: '名称变更', summary: 's' }], descriptionHtml: '<p>x</p>',
    });

  test('accounts.json: version, school, office, date, count and each account without its description or history', () => {
    const site = { asOf: '2026-11-21', policy: toPublicPolicy(presetPolicy('000')), accounts: [rich()], units: [], impostors: [] } as PublicSite;
    const { descriptionHtml: _d, history: _h, ...rest } = rich();
    expect(openDataJson(site, URL_OF)).toEqual({ version: 1, school: '菏泽职业学院', office: '党委宣传部', asOf: '2026-11-21', count: 1, accounts: [{ ...rest, url: 'https://x.edu.cn/accounts/jwc-mp/' }] });
    expect(openDataJson({ ...site, accounts: [] }, URL_OF)).toEqual({ version: 1, school: '菏泽职业学院', office: '党委宣传部', asOf: '2026-11-21', count: 0, accounts: [] });
  });

  test('accounts.csv: the columns in order, each value, quoted where needed, formulas neutralised', () => {
    expect(CSV_COLUMNS.map(([h]) => h)).toEqual(['编号', '名称', '平台', '账号标识', '链接', '主办单位', '单位编号', '级别', '状态', '审批号', '审批日期', '开通日期', '停办日期', '最近年审年度', '功能定位', '详情页']);
    expect(openDataCsv([rich(), minimalPublic()], URL_OF)).toBe(
      '\uFEFF编号,名称,平台,账号标识,链接,主办单位,单位编号,级别,状态,审批号,审批日期,开通日期,停办日期,最近年审年度,功能定位,详情页\r\n' +
      'jwc-mp,"青川""教务""",微信公众号,原始ID:gh_1; 微信号:qc,https://mp.weixin.qq.com/s/x,教务处,jwc,二级平台,年审逾期,2024-0002,2024-08-10,2024-09-01,2025-03-01,2025,"\'=通知,公告",https://x.edu.cn/accounts/jwc-mp/\r\n' +
      'a,甲,微信公众号,,,单位,u,二级平台,正常运营,,,,,,用途,https://x.edu.cn/accounts/a/\r\n',
    );
    expect(openDataCsv([], URL_OF)).toBe('\uFEFF编号,名称,平台,账号标识,链接,主办单位,单位编号,级别,状态,审批号,审批日期,开通日期,停办日期,最近年审年度,功能定位,详情页\r\n');
  });

  test.each([
    ['', ''],
    ['plain', 'plain'],
    ['a=b', 'a=b'],
    ['-1', "'-1"],
    ['+1', "'+1"],
    ['@x', "'@x"],
    ['=1', "'=1"],
    ['\tx', "'\tx"],
    ['\rx', `"'\rx"`],
    ['a\nb', '"a\nb"'],
    ['a\rb', '"a\rb"'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['x-y', 'x-y'],
  ])('csvField(%j) is %j', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });
});

describe('atomFeed()', () => {
  test('the exact feed: escaped text, forbidden characters dropped, newest events first', () => {
    const a = minimalPublic({ id: 'a', name: `A&B<'x'>\u0000\u0001\u0008\u000b\u000c\u000e\u001f\t`, platformLabel: '微博', approval: { number: '2024-0001', date: '2024-08-10' }, unitName: '教务"处"' });
    const b = minimalPublic({ id: 'b', name: '乙', status: 'closed', state: 'closed', dates: { applied: null, plannedOpening: null, opened: null, closed: '2025-03-01' }, closureReason: '合并' });
    const site = { asOf: '2026-11-21', policy: toPublicPolicy(presetPolicy('000')), accounts: [a, b], units: [], impostors: [] } as PublicSite;
    expect(atomFeed(site, { feedUrl: 'https://x.edu.cn/feed.xml?a=1&b=2', siteUrl: 'https://x.edu.cn/', pageUrl: URL_OF })).toBe(
      [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
        '  <id>https://x.edu.cn/feed.xml?a=1&amp;b=2</id>',
        '  <title>菏泽职业学院新媒体备案：审批与停办</title>',
        '  <subtitle>党委宣传部发布的校园新媒体账号审批与停办记录</subtitle>',
        '  <link rel="self" type="application/atom+xml" href="https://x.edu.cn/feed.xml?a=1&amp;b=2"/>',
        '  <link rel="alternate" type="text/html" href="https://x.edu.cn/"/>',
        '  <author><name>菏泽职业学院党委宣传部</name></author>',
        '  <updated>2025-03-01T00:00:00+08:00</updated>',
        '  <entry>',
        '    <id>https://x.edu.cn/accounts/b/#closure-2025-03-01</id>',
        '    <title>停办：乙（微信公众号）</title>',
        '    <link rel="alternate" type="text/html" href="https://x.edu.cn/accounts/b/"/>',
        '    <updated>2025-03-01T00:00:00+08:00</updated>',
        '    <category term="closure" label="停办"/>',
        '    <summary type="text">停办理由：合并</summary>',
        '  </entry>',
        '  <entry>',
        '    <id>https://x.edu.cn/accounts/a/#approval-2024-08-10</id>',
        '    <title>批准开设：A&amp;B&lt;&apos;x&apos;&gt;\t（微博）</title>',
        '    <link rel="alternate" type="text/html" href="https://x.edu.cn/accounts/a/"/>',
        '    <updated>2024-08-10T00:00:00+08:00</updated>',
        '    <category term="approval" label="审批"/>',
        '    <summary type="text">审批号 2024-0001，主办单位 教务&quot;处&quot;</summary>',
        '  </entry>',
        '</feed>',
        '',
      ].join('\n'),
    );
  });

  test('without events the feed is dated by the site; a limit keeps the newest', () => {
    const site = { asOf: '2026-11-21', policy: toPublicPolicy(presetPolicy('000')), accounts: [], units: [], impostors: [] } as PublicSite;
    const empty = atomFeed(site, { feedUrl: 'https://x/f', siteUrl: 'https://x/', pageUrl: URL_OF });
    expect(empty).toContain('\n  <updated>2026-11-21T00:00:00+08:00</updated>\n</feed>\n');
    const many = Array.from({ length: 102 }, (_, i) => minimalPublic({ id: `a${String(i).padStart(3, '0')}`, approval: { number: '2024-0001', date: `2024-01-01` } }));
    expect(atomFeed({ ...site, accounts: many }, { feedUrl: 'https://x/f', siteUrl: 'https://x/', pageUrl: URL_OF }).match(/<entry>/g)).toHaveLength(100);
    const two = atomFeed({ ...site, accounts: many }, { feedUrl: 'https://x/f', siteUrl: 'https://x/', pageUrl: URL_OF, limit: 2 });
    expect(two.match(/<id>https:\/\/x\.edu\.cn\/accounts\/(a\d+)\//g)).toEqual(['<id>https://x.edu.cn/accounts/a000/', '<id>https://x.edu.cn/accounts/a001/']);
  });
});

describe('groupBy()', () => {
  test('groups by key in first-seen order, keeping item order in each group', () => {
    expect([...groupBy([3, 1, 4, 1, 5, 9, 2, 6], (n) => n % 2)]).toEqual([[1, [3, 1, 1, 5, 9]], [0, [4, 2, 6]]]);
    expect(groupBy([], (n: number) => n).size).toBe(0);
  });
});
