/**
 * Issue 11, "the five rulebooks read exactly": one test per item, named for the article it reads,
 * each on a small registry at the boundary (due day and day after), with the real presets, the
 * real deadline function, the real cross-file rules, the real public projection and the real
 * policy command.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { SHARED } from './helpers/registry.ts';
import { describe, expect, test } from 'vitest';
import {
  PolicySchema,
  PRESET_IDS,
  checkRegistry,
  deriveAccountStatus,
  findLateFilings,
  findObligations,
  policyKnobs,
  protectedNamesOf,
  usesProtectedName,
  type Policy,
  type Registry,
} from '../src/domain/index.ts';
import { checkPrRules } from '../src/domain/pr-report.ts';
import { buildPublicSiteOn } from '../src/domain/public.ts';
import { account, brief, group, presetPolicy, registry, review, unit } from './obligations-fixtures.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const NODE = path.join(ROOT, 'node_modules/.bin/node');
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');

/** The registry with `policy` as its policy file (the cross-file rules read it from there). */
function withPolicy(reg: Registry, policy: Policy): Registry {
  reg.policy = { file: 'policy.yaml', id: 'policy', data: policy, pos: {} } as Registry['policy'];
  return reg;
}
const codes = (reg: Registry, today: string) => checkRegistry(reg, { today }).map((f) => `${f.code} ${f.severity}`);
const GROUP_FILE = 'groups/jwc/g.yaml';

describe('1–2 work groups filed and dissolved through pull requests (003 第七条、第十三条)', () => {
  const pr = (date: string, base: Registry) => ({ prDate: date, prFiles: new Set([GROUP_FILE]), prBase: base });

  test('003 第十三条: a group dissolution reported through a PR counts as reported', () => {
    const head = registry({ groups: [group('g', { dissolved: '2026-03-01' })] });
    const base = registry({ groups: [group('g')] });
    // Due on the 3rd day: a PR that day is on time, the day after is 1 day late.
    expect(findObligations(head, presetPolicy('003'), '2026-03-04', pr('2026-03-04', base)).map(brief)).toEqual([]);
    expect(findObligations(head, presetPolicy('003'), '2026-03-05', pr('2026-03-05', base)).map(brief)).toEqual(['group-dissolution jwc g due=2026-03-04 overdue late=1 第七条、第十三条']);
    // After the merge, the daily job never lists it again.
    expect(findObligations(head, presetPolicy('003'), '2026-09-01')).toEqual([]);
  });

  test('003 第七条: a later edit of an already filed group is not judged as a late group filing', () => {
    const base = registry({ groups: [group('g', { created: '2026-01-05' })] });
    const head = registry({ groups: [group('g', { created: '2026-01-05', members: 45 })] });
    expect(findLateFilings(head, presetPolicy('003'), '2026-04-18', pr('2026-04-18', base))).toEqual([]);
    // The same group filed for the first time that day is late (7-day registry default).
    const fresh = findLateFilings(head, presetPolicy('003'), '2026-04-18', pr('2026-04-18', registry({})));
    expect(fresh.map((f) => f.code)).toEqual(['late/group']);
    expect(fresh[0]!.message).toContain('晚了 96 天');
  });

  test('003 第七条: an old change entry is not reported again by a later pull request', () => {
    const entry = { date: '2026-03-01', kind: 'admins' as const, summary: '更换管理员' };
    const base = registry({ accounts: [account({ id: 'a', history: [entry] })] });
    const head = registry({ accounts: [account({ id: 'a', history: [entry], note: '补充说明' })] });
    expect(findObligations(head, presetPolicy('003'), '2026-06-01', { prDate: '2026-06-01', prFiles: new Set(['accounts/jwc/a.mdx']), prBase: base })).toEqual([]);
  });
});

describe('3 department apps (003 第十三条 原则上不再单独新设)', () => {
  const mini = (over: Parameters<typeof account>[0] extends infer T ? Partial<T> : never = {}) =>
    account({ id: 'm', platform: 'wechat-mini', keys: [{ kind: 'appid', value: 'wx0123456789abcdef' }], dates: { applied: '2026-02-01', opened: '2026-02-20' }, ...over });

  test('003 第十三条: a department 小程序 counts as a new mobile application', () => {
    expect(findObligations(registry({ accounts: [mini()] }), presetPolicy('003'), '2026-03-01').map(brief)).toEqual(['department-app jwc m due=2026-02-01 overdue late=28 第十三条']);
  });

  test('003 第十三条: an exception the office records with its reference clears the obligation from its date', () => {
    const exemptions = [{ rule: 'department-app' as const, date: '2026-03-02', reference: '宣传统战部〔2026〕5号', reason: '教务系统移动端，无可整合的现有应用' }];
    const reg = registry({ accounts: [mini({ exemptions })] });
    expect(findObligations(reg, presetPolicy('003'), '2026-03-01').map((o) => o.kind)).toEqual(['department-app']);
    expect(findObligations(reg, presetPolicy('003'), '2026-03-02')).toEqual([]);
  });

  test('003 第十三条: only the office may record an exception or an order', () => {
    const office = unit('xcb', 'office', { owners: ['@office-staff'] });
    const owned = unit('jwc', 'office', { owners: ['@jwc-staff'] });
    const policy = { ...presetPolicy('003'), office: { name: '党委宣传统战部', unit: 'xcb' } };
    const base = withPolicy(registry({ units: [office], accounts: [mini()] }), policy);
    base.units = base.units.map((u) => (u.data.id === 'jwc' ? owned : u));
    const head = withPolicy(registry({ units: [office], accounts: [mini({ exemptions: [{ rule: 'department-app', date: '2026-03-02', reference: '自批1号', reason: '自己批准' }], orders: [] })] }), policy);
    head.units = base.units;
    const changes = [{ path: 'accounts/jwc/m.mdx', status: 'modified' as const }];
    expect(checkPrRules(changes, base, head, { login: 'jwc-staff' }).violations.map((v) => v.code)).toEqual(['pr/exemption-office-only']);
    expect(checkPrRules(changes, base, head, { login: 'office-staff' }).violations).toEqual([]);
  });
});

describe('4 office orders to stop an account (000 第十四—十六条; 001 第七条; 002 第十五条)', () => {
  const order = { kind: 'suspend' as const, date: '2026-05-10', reason: '发布不实信息，整改期间暂停运行', reference: '党委宣传部〔2026〕7号', lifted: '2026-06-01' };
  const a = account({ id: 'a', orders: [order] });

  test('002 第十五条: 责令停止运行 applies from its date until the day it is lifted', () => {
    const policy = presetPolicy('002');
    expect(deriveAccountStatus(a.data, [], policy, '2026-05-09')).toBeNull();
    expect(deriveAccountStatus(a.data, [], policy, '2026-05-10')).toEqual({ state: 'suspended', label: '责令暂停运行', reason: '发布不实信息，整改期间暂停运行（党委宣传部〔2026〕7号）', since: '2026-05-10', rule: '第十五条' });
    expect(deriveAccountStatus(a.data, [], policy, '2026-05-31')?.state).toBe('suspended');
    expect(deriveAccountStatus(a.data, [], policy, '2026-06-01')).toBeNull();
  });

  test('000 第十六条: the public directory and the verifier show the order, from the one derived status', () => {
    const input = { policy: presetPolicy('000'), units: registry({}).units.map((u) => u.data), accounts: [{ data: a.data, html: '' }], reviews: [], impostors: [] };
    const pub = buildPublicSiteOn(input, '2026-05-20').accounts[0]!;
    expect([pub.state, pub.stateLabel, pub.stateReason]).toEqual(['suspended', '责令暂停运行', '发布不实信息，整改期间暂停运行（党委宣传部〔2026〕7号）']);
    expect(buildPublicSiteOn(input, '2026-06-01').accounts[0]!.state).toBe('active');
  });

  test('001 第七条: an order cannot be lifted before it was made', () => {
    expect(() => account({ id: 'b', orders: [{ ...order, lifted: '2026-05-09' }] })).toThrow(/恢复运行日期不能早于决定日期/);
  });
});

describe('6 campus data services (002 第十八条; 001 第十四条)', () => {
  const approval = { by: '科技处', reference: '科技处〔2026〕2号', date: '2026-01-10' };
  const run = (id: string, campusData: object) => codes(withPolicy(registry({ accounts: [account({ id: 'a', platform: 'app', keys: [{ kind: 'package', value: 'cn.edu.test' }], campusData } as never)] }), presetPolicy(id)), '2026-03-01').filter((c) => c.startsWith('account/campus'));

  test('002 第十八条: servers of a campus data service must be on campus, approved by 科技处', () => {
    expect(run('002', { servers: 'campus', approval })).toEqual([]);
    expect(run('002', { servers: 'external', approval })).toEqual(['account/campus-servers error']);
    expect(run('002', { servers: 'campus' })).toEqual(['account/campus-approval error']);
    expect(run('002', { servers: 'campus', approval: { ...approval, by: '信息与教育技术中心' } })).toEqual(['account/campus-approver error']);
  });

  test('001 第十四条: servers may be anywhere, but 信息与教育技术中心 approves', () => {
    expect(run('001', { servers: 'external', approval: { ...approval, by: '信息与教育技术中心' } })).toEqual([]);
    expect(run('001', { servers: 'external', approval })).toEqual(['account/campus-approver error']);
    expect(run('000', { servers: 'external' })).toEqual([]);
  });
});

describe('7 tier-3 reviews by 系部 and 团委, reported to the office (002 第八条)', () => {
  const reg = (reported?: string) => {
    const r = review('a', 2026, '2026-12-20', 'pass', '2026-12-28');
    Object.assign(r.data, { reviewedBy: 'jsj', ...(reported ? { reportedToOffice: reported } : {}) });
    return registry({ units: [unit('c1', 'class', { parent: 'jsj' })], accounts: [account({ id: 'a', unit: 'c1', tier: 3 })], reviews: [r] });
  };

  test('002 第八条: the 系部 reports a tier-3 review to the office within 7 days of its result (registry default)', () => {
    expect(findObligations(reg(), presetPolicy('002'), '2027-01-04').map(brief)).toEqual(['review-report jsj a due=2027-01-04 due late=0 第八条']);
    expect(findObligations(reg(), presetPolicy('002'), '2027-01-05').map(brief)).toEqual(['review-report jsj a due=2027-01-04 overdue late=1 第八条']);
    expect(findObligations(reg('2027-01-04'), presetPolicy('002'), '2027-01-10')).toEqual([]);
  });
});

describe('8 every policy knob is read and shown', () => {
  test('every field of the policy schema is a knob the policy command prints', () => {
    const listed = new Set(policyKnobs().map((k) => k.path.join('.')));
    const shape = (PolicySchema as unknown as { shape: Record<string, unknown> }).shape;
    for (const key of Object.keys(shape).filter((k) => k !== 'extends' && k !== 'preset'))
      expect([...listed].some((p) => p === key || p.startsWith(`${key}.`)), key).toBe(true);
    for (const knob of ['personalAccounts', 'specialRules', 'platforms', 'tiers', 'campusData', 'school.protectedNames', 'deadlines.changeKinds', 'annualReview.delegated', 'apps.platforms', 'groups.idleAfter'])
      expect(listed, knob).toContain(knob);
  });

  test('policy --explain prints all five presets, every knob with a value, and every preset knob with its article', () => {
    const r = spawnSync(NODE, [TSX, 'scripts/policy.ts', '--explain'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    const blocks = r.stdout.split(/^===== /m).slice(1);
    expect(blocks).toHaveLength(PRESET_IDS.length);
    // Only the school's own facts (English name, office unit, report email, document number, group-robot webhook) may be unfilled.
    const own = /school\.englishName|office\.unit|office\.reportEmail|office\.notify|document\.number/;
    for (const [i, b] of blocks.entries()) {
      expect(b).toContain(`预设 ${PRESET_IDS[i]}`);
      for (const k of policyKnobs()) expect(b, `${PRESET_IDS[i]} ${k.path.join('.')}`).toContain(`（${k.path.join('.')}）：`);
      const knobs = b.split('\n■ ').slice(1);
      for (const k of knobs) if (!own.test(k)) expect(k, k).toMatch(/\n {4}依据：\S/);
      expect(b).not.toContain('※');
    }
    expect(r.stdout).toContain('第八条“每年12月30日之前”');
  });

  test('policy --content shows where the school differs from its preset', () => {
    const r = spawnSync(NODE, [TSX, 'scripts/policy.ts', '--content', path.join(ROOT, 'content')], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('继承预设 000');
    expect(r.stdout).toMatch(/■ 学校名称（school\.name）：青川理工学院\n {4}依据：落款\n {4}※ 本校与预设不同，预设为：菏泽职业学院/);
    expect(r.stdout).toMatch(/■ 年审截止（annualReview\.due）：12-20\n {4}依据：第五条：每年12月中旬（至20日）\n■/);
  });

  test('the public policy carries the personal-account rule, the named platforms, special rules and each tier’s 第一责任人', () => {
    const input = { policy: presetPolicy('003'), units: [], accounts: [], reviews: [], impostors: [] };
    const p = buildPublicSiteOn(input, '2026-03-01').policy;
    expect(p.personalAccounts).toContain('第六条');
    expect(p.platforms).toContain('dingtalk-group');
    expect(p.specialRules.map((r) => r.article)).toContain('第十三条');
    expect(p.tiers.map((t) => t.responsible)).toEqual(['党委宣传统战部主要负责人', '院系党总支（支部）书记或部门正职领导', '校团委或学生工作部']);
  });
});

describe('9 004’s year-end review (004 第七条 各部门、单位新媒体平台)', () => {
  test('004 第七条: tier 3 and students’ own accounts owe no year-end review and are not suspended on 1 January', () => {
    const reg = registry({ units: [unit('stu', 'individual', { parent: 'jsj' })], accounts: [account({ id: 's', unit: 'stu', tier: 3 }), account({ id: 'd' })] });
    const policy = presetPolicy('004');
    expect(findObligations(reg, policy, '2027-01-01').map(brief)).toEqual(['review jwc d due=2026-12-31 overdue late=1 第七条']);
    expect(deriveAccountStatus(reg.accounts[0]!.data, [], policy, '2027-01-01')).toBeNull();
    expect(deriveAccountStatus(reg.accounts[1]!.data, [], policy, '2027-01-01')?.label).toBe('暂停运行');
  });
});

describe('10 change windows by change kind, as each rulebook names them', () => {
  const changed = (kind: string) => account({ id: 'a', history: [{ date: '2026-03-01', kind: kind as 'admins', summary: '变更', reported: '2026-03-09' }] });
  const late = (id: string, kind: string) => findObligations(registry({ accounts: [changed(kind)] }), presetPolicy(id), '2026-03-10').map((o) => o.kind);

  test('001 第七条 and 004 第七条: 账号名、后台管理人员或维护方式 only', () => {
    for (const id of ['001', '004']) {
      for (const kind of ['rename', 'admins', 'maintenance']) expect(late(id, kind), `${id} ${kind}`).toEqual(['change']);
      for (const kind of ['leader', 'scope', 'head']) expect(late(id, kind), `${id} ${kind}`).toEqual([]);
    }
  });

  test('003 第七条: 分管领导或管理员 only', () => {
    expect(late('003', 'leader')).toEqual(['change']);
    expect(late('003', 'admins')).toEqual(['change']);
    expect(late('003', 'rename')).toEqual([]);
  });

  test('000 第四条 and 002 第九条: every kind (their lists end with 等)', () => {
    for (const id of ['000', '002']) for (const kind of ['rename', 'scope', 'leader']) expect(late(id, kind), `${id} ${kind}`).toEqual(['change']);
  });
});

describe('11 002 “12月30日之前” and the push list (002 第八条)', () => {
  const acc = () => account({ id: 'a' });

  test('002 第八条: a review is on time on 12-29 and late on 12-30; the other reading is one line away', () => {
    const on = (submitted: string, policy: Policy) => findObligations(registry({ accounts: [acc()], reviews: [review('a', 2026, submitted, 'pending')] }), policy, '2027-01-05').map(brief);
    expect(on('2026-12-29', presetPolicy('002'))).toEqual([]);
    expect(on('2026-12-30', presetPolicy('002'))).toEqual(['review jwc a due=2026-12-29 overdue late=1 第八条']);
    expect(on('2026-12-30', presetPolicy('002', { annualReview: { due: '12-30' } }))).toEqual([]);
    expect(readFileSync(path.join(ROOT, 'presets/002.yaml'), 'utf8')).toMatch(/另一读法（含当日）改为 due: '12-30'/);
  });

  test('002 第八条: a review without its push list is an error, not a warning', () => {
    const reg = withPolicy(registry({ accounts: [acc()], reviews: [review('a', 2026, '2026-12-20')] }), presetPolicy('002'));
    expect(codes(reg, '2027-01-05')).toContain('review/pushlist-missing error');
    expect(codes(withPolicy(reg, presetPolicy('002', { annualReview: { pushListRequired: false } })), '2027-01-05')).not.toContain('review/pushlist-missing error');
  });
});

describe('12 protected names as each rulebook lists them', () => {
  const forms = (id: string) => protectedNamesOf(presetPolicy(id));
  const flagged = (id: string, name: string) => forms(id).filter((p) => usesProtectedName(name, p)).map((p) => p.name);

  test('001 第六条: “曲师***” catches 曲师 and 曲靖师院/曲靖师大 names, not 歌曲师生合唱团', () => {
    expect(flagged('001', '歌曲师生合唱团')).toEqual([]);
    expect(flagged('001', '曲靖师院学生之声')).toEqual(['曲靖师院']);
    expect(flagged('001', '曲靖师大表白墙')).toEqual(['曲靖师大']);
    expect(flagged('001', '曲师生活')).toEqual(['曲师']);
    expect(flagged('001', '曲靖师范学院招生')).toEqual(['曲靖师范学院']);
  });

  test('003 第六条: 宁职院 and both school names, anywhere', () => {
    expect(flagged('003', '我们的宁职院')).toEqual(['宁职院']);
    expect(forms('003').map((p) => p.name)).toEqual(expect.arrayContaining(['宁夏职业技术学院', '宁夏开放大学', '宁职院']));
  });

  test('002 第十条: “上海海关学院” as a prefix only; 000 第十五条 and 004 第八条 list their names', () => {
    expect(flagged('002', '上海海关学院学生之声')).toEqual(['上海海关学院']);
    expect(flagged('002', '我在上海海关学院')).toEqual([]);
    expect(forms('000').map((p) => p.name)).toContain('菏泽职业学院');
    expect(forms('004').map((p) => p.name)).toContain('永职');
    for (const id of PRESET_IDS) for (const p of presetPolicy(id).school.protectedNames) expect(p.article).toMatch(/^第[一二三四五六七八九十]+条$/);
  });
});

describe('13 merged and dissolved units', () => {
  test('000 第四条: the successor answers for a merged unit’s account, its review included', () => {
    const reg = registry({ units: [unit('old', 'office', { status: 'merged', successor: 'jwc', statusDate: '2026-03-01' })], accounts: [account({ id: 'a', unit: 'old' })] });
    expect(findObligations(reg, presetPolicy('000'), '2026-12-21').map(brief)).toEqual(['reassign jwc a due=2026-03-08 overdue late=288 第四条', 'review jwc a due=2026-12-20 overdue late=1 第五条']);
  });

  test('000 第四条: a dissolved unit’s account is shown as 主办单位已撤销, never plainly official, and its parent owes the handover', () => {
    const units = [unit('old', 'office', { status: 'dissolved', statusDate: '2026-03-01', parent: 'jwc' })];
    const a = account({ id: 'a', unit: 'old' });
    expect(findObligations(registry({ units, accounts: [a] }), presetPolicy('000'), '2026-03-09').map(brief)).toEqual(['reassign jwc a due=2026-03-08 overdue late=1 第四条']);
    const input = { policy: presetPolicy('000'), units: registry({ units }).units.map((u) => u.data), accounts: [{ data: a.data, html: '' }], reviews: [], impostors: [] };
    expect(buildPublicSiteOn(input, '2026-02-28').accounts[0]!.state).toBe('active');
    const pub = buildPublicSiteOn(input, '2026-03-01').accounts[0]!;
    expect([pub.state, pub.stateLabel]).toEqual(['suspended', '主办单位已撤销']);
    expect(pub.stateReason).toContain('2026-03-01 撤销');
  });

  test('003 第七条: a dissolved unit’s live work groups are checked and handed over', () => {
    const reg = registry({ units: [unit('old', 'office', { status: 'dissolved', statusDate: '2026-03-01', parent: 'jsj' })], groups: [group('g', { unit: 'old' }), group('done', { unit: 'old', dissolved: '2026-03-02', dissolutionReported: '2026-03-02' })] });
    expect(findObligations(reg, presetPolicy('003'), '2026-03-08').map(brief)).toEqual(['reassign jsj g due=2026-03-08 due late=0 第七条']);
    expect(codes(withPolicy(reg, presetPolicy('003')), '2026-03-08')).toContain('unit/group-not-reassigned warning');
  });
});

describe('14 optional warnings', () => {
  test('000 第十二条: an active account whose latest review records no pushes is warned', () => {
    const r = review('a', 2026, '2026-12-15');
    r.data.pushes = 0;
    const reg = withPolicy(registry({ accounts: [account({ id: 'a' })], reviews: [r] }), presetPolicy('000'));
    expect(codes(reg, '2026-12-20')).toContain('review/no-pushes warning');
    expect(codes(withPolicy(reg, presetPolicy('003')), '2026-12-20')).not.toContain('review/no-pushes warning');
  });

  test('003 第十三条: a group unused for more than 180 days is warned, on the 181st day', () => {
    const reg = (lastUsed: string) => withPolicy(registry({ groups: [group('g', { lastUsed })] }), presetPolicy('003'));
    expect(codes(reg('2026-01-01'), '2026-06-30')).not.toContain('group/idle warning');
    expect(codes(reg('2026-01-01'), '2026-07-01')).toContain('group/idle warning');
  });
});

test('the seed rulebooks are present (tests reading them fail without ../shared)', () => {
  expect(existsSync(path.join(SHARED, 'seeds'))).toBe(true);
});
