/** The public projection (src/domain/public.ts): whitelist, states, shaping and open-data text. */
import { describe, expect, test } from 'vitest';
import {
  accountEvents,
  atomFeed,
  badgeText,
  buildPublicSite,
  csvField,
  openDataCsv,
  publicStateOf,
  searchFacets,
  toPublicAccount,
  toPublicUnit,
  unitPath,
  unitTree,
  type SiteInput,
} from '../src/domain/public.ts';
import type { Account } from '../src/domain/schema/account.ts';
import type { Policy } from '../src/domain/schema/policy.ts';
import type { Unit } from '../src/domain/schema/unit.ts';

const person = { name: '张三', mobile: '13800000001', email: 'z@example.edu.cn', officePhone: '0571-88880000', title: '主任' };

function account(over: Partial<Account> = {}): Account {
  return {
    id: 'jsj-wechat',
    name: '计算机学院团委',
    formerNames: [],
    platform: 'wechat-mp',
    keys: [{ kind: 'gh', value: 'gh_0123456789ab' }],
    link: 'https://mp.weixin.qq.com/mp/profile_ext?action=home&__biz=MzA3MDM3NjE5NQ==',
    unit: 'jsj-tw',
    tier: 3,
    status: 'active',
    filing: 'new',
    purpose: '团学活动通知',
    reason: '申请理由（内部）',
    note: '备注（内部）',
    dates: { applied: '2024-08-01', plannedOpening: '2024-09-01', opened: '2024-09-01' },
    approval: { number: '2024-0002', date: '2024-08-10', pr: 12 },
    history: [
      { date: '2025-01-02', kind: 'admins', summary: '管理员由张三改为李四' },
      { date: '2025-03-04', kind: 'rename', summary: '由“计算机团委”更名' },
    ],
    contacts: { head: person, leader: person, admins: [person] },
    ...over,
  } as Account;
}

const units: Unit[] = [
  { id: 'school', name: '青川理工学院', kind: 'school', status: 'active', headTitle: '书记', owners: ['@qclg/xcb'] },
  { id: 'jsj', name: '计算机学院', kind: 'college', parent: 'school', status: 'active', headTitle: '书记', owners: ['@qclg/jsj'] },
  { id: 'jsj-tw', name: '计算机学院团委', kind: 'student-org', parent: 'jsj', status: 'active', headTitle: '书记', owners: [] },
] as Unit[];

const policy = {
  school: { name: '青川理工学院', shortNames: ['青理工'], domains: [] },
  office: { name: '党委宣传部', reportEmail: 'report@example.edu.cn' },
  document: { title: '《办法》', published: '2024-05-27' },
  tiers: [
    { level: 1, name: '一级平台', description: '学校', unitKinds: ['school'], manager: '宣传部', approvers: ['宣传部'] },
    { level: 2, name: '二级平台', description: '单位', unitKinds: ['college'], manager: '单位', approvers: ['单位'] },
    { level: 3, name: '三级平台', description: '学生', unitKinds: ['student-org'], manager: '团委', approvers: ['团委'] },
  ],
  annualReview: { required: true, due: '12-20' },
} as unknown as Policy;

const ctx = { unitNames: new Map(units.map((u) => [u.id, u.name])), tierNames: new Map([[3, '三级平台']]) };

describe('toPublicAccount()', () => {
  test('copies only whitelisted fields: no contacts, reason, note or approving PR', () => {
    const pub = toPublicAccount(account(), '<p>简介</p>', ctx);
    const text = JSON.stringify(pub);
    for (const secret of ['张三', '13800000001', 'z@example.edu.cn', '0571-88880000', '申请理由', '备注（内部）', '"pr"', 'contacts'])
      expect(text).not.toContain(secret);
    expect(pub.approval).toEqual({ number: '2024-0002', date: '2024-08-10' });
    expect(pub.unitName).toBe('计算机学院团委');
    expect(pub.tierName).toBe('三级平台');
    expect(pub.keys).toEqual([{ kind: 'gh', label: '原始ID', value: 'gh_0123456789ab' }]);
  });

  test('keeps public changes (rename) and drops staffing changes (admins)', () => {
    const pub = toPublicAccount(account(), '', ctx);
    expect(pub.history.map((h) => h.kind)).toEqual(['rename']);
  });

  test('reports the latest annual review year and outcome', () => {
    const pub = toPublicAccount(account(), '', {
      ...ctx,
      reviews: [
        { year: 2024, result: { outcome: 'pass' } },
        { year: 2025, result: { outcome: 'pending' } },
      ],
    });
    expect(pub.lastReview).toEqual({ year: 2025, outcome: 'pending' });
  });
});

describe('publicStateOf() and badgeText()', () => {
  test.each([
    ['active', null, 'active'],
    ['approved', null, 'approved'],
    ['active', { state: 'suspended' }, 'suspended'],
    ['active', { state: 'overdue' }, 'overdue'],
    ['closed', { state: 'suspended' }, 'closed'],
  ] as const)('stored %s with derived %o shows %s', (status, derived, expected) => {
    expect(publicStateOf(status, derived)).toBe(expected);
  });

  test('a closed account reads 已停办 with its date; a derived state uses its own label and reason', () => {
    const closed = toPublicAccount(account({ status: 'closed', dates: { opened: '2020-01-01', closed: '2025-03-01' }, closure: { reason: '合并' } }), '', ctx);
    expect(badgeText(closed)).toBe('已停办（2025-03-01）');
    const suspended = toPublicAccount(account(), '', { ...ctx, derived: { state: 'suspended', label: '暂停运行', reason: '2025 年度年审材料未按期提交' } });
    expect(badgeText(suspended)).toBe('暂停运行');
    expect(suspended.stateReason).toBe('2025 年度年审材料未按期提交');
  });
});

describe('units', () => {
  test('toPublicUnit() leaves out owners and the head title', () => {
    const pub = toPublicUnit(units[1]!);
    expect(JSON.stringify(pub)).not.toContain('@qclg');
    expect(JSON.stringify(pub)).not.toContain('书记');
  });

  test('unitTree() nests units and sums accounts; unitPath() walks up to the root', () => {
    const pubUnits = units.map(toPublicUnit);
    const accounts = [toPublicAccount(account(), '', ctx), toPublicAccount(account({ id: 'jsj-weibo', unit: 'jsj', platform: 'weibo', keys: [] }), '', ctx)];
    const [root] = unitTree(pubUnits, accounts);
    expect(root!.unit.id).toBe('school');
    expect(root!.total).toBe(2);
    expect(root!.children[0]!.accounts).toBe(1);
    expect(root!.children[0]!.children[0]!.accounts).toBe(1);
    expect(unitPath(pubUnits, 'jsj-tw').map((u) => u.id)).toEqual(['school', 'jsj', 'jsj-tw']);
  });
});

describe('buildPublicSite() and events', () => {
  const input: SiteInput = {
    policy,
    units,
    accounts: [
      { data: account(), html: '' },
      { data: account({ id: 'old-weibo', name: '计算机学院微博', platform: 'weibo', keys: [], status: 'closed', dates: { opened: '2012-01-01', closed: '2025-03-01' }, closure: { reason: '停用' } }), html: '' },
    ],
    reviews: [],
    impostors: [],
  };
  const site = buildPublicSite(input, { asOf: '2026-11-21' });

  test('lists live accounts before closed ones in the same tier', () => {
    expect(site.accounts.map((a) => a.id)).toEqual(['jsj-wechat', 'old-weibo']);
  });

  test('accountEvents() lists approvals and closures, newest first', () => {
    expect(accountEvents(site.accounts).map((e) => [e.kind, e.date])).toEqual([
      ['closure', '2025-03-01'],
      ['approval', '2024-08-10'],
      ['approval', '2024-08-10'],
    ]);
  });

  test('searchFacets() gives the exact filter values the pages carry', () => {
    const f = searchFacets(site.accounts);
    expect(f.platform.map(([v]) => v).sort()).toEqual(['微信公众号', '微博']);
    expect(f.status.map(([v]) => v).sort()).toEqual(['已停办', '正常运营'].sort());
    expect(f.unit).toEqual([['计算机学院团委', 2]]);
  });

  test('atomFeed() escapes text and uses absolute links', () => {
    const xml = atomFeed(
      { ...site, policy: { ...site.policy, school: { ...site.policy.school, name: 'A&B<学院>' } } },
      { feedUrl: 'https://x.edu.cn/feed.xml', siteUrl: 'https://x.edu.cn/', pageUrl: (a) => `https://x.edu.cn/accounts/${a.id}/` },
    );
    expect(xml).toContain('A&amp;B&lt;学院&gt;');
    expect(xml).toContain('<link rel="alternate" type="text/html" href="https://x.edu.cn/accounts/old-weibo/"/>');
    expect(xml.match(/<entry>/g)).toHaveLength(3);
  });
});

describe('csvField() and openDataCsv()', () => {
  test.each([
    ['plain', 'plain'],
    ['a,b', '"a,b"'],
    ['say "hi"', '"say ""hi"""'],
    ['=HYPERLINK("x")', `"'=HYPERLINK(""x"")"`],
    ['+1', "'+1"],
    ['@cmd', "'@cmd"],
  ])('csvField(%j) is %j', (input, expected) => {
    expect(csvField(input)).toBe(expected);
  });

  test('starts with a BOM and a Chinese header, CRLF line ends', () => {
    const csv = openDataCsv([toPublicAccount(account(), '', ctx)], (a) => `https://x/${a.id}/`);
    expect(csv.startsWith('\uFEFF编号,名称,平台,')).toBe(true);
    expect(csv.split('\r\n')).toHaveLength(3);
  });
});
