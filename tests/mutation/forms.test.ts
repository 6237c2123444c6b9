// Printable forms (src/domain/forms/tables.ts and render.ts) called in process: which form serves
// which paperwork, every value a form is filled from, the signature rows each tier needs, and the
// exact HTML of a small form (grid widths, row spans, check boxes, administrators' sub-tables).
import { describe, expect, test } from 'vitest';
import { AccountSchema, GroupSchema, ReviewSchema, type Account, type Group, type Policy, type Review, type Unit } from '../../src/domain/index.ts';
import { FORM_CSS, formValues, opinionRows, renderForm } from '../../src/domain/forms/render.ts';
import { FORM_KINDS, FORM_KIND_LABELS, FORM_TABLES, formFor, formTitles, type FormDef } from '../../src/domain/forms/tables.ts';
import { presetPolicy } from '../obligations-fixtures.ts';

const HEAD = { name: '王五', title: '处长', officePhone: '0571-88880001', mobile: '13800000001', email: 'w@example.edu.cn' };
const LEADER = { name: '赵六', mobile: '13800000002' };
const ADMIN = { name: '李四', mobile: '13800000003', officePhone: '0571-88880002', email: 'l@example.edu.cn' };
const UNIT = { id: 'jwc', name: '教务处', kind: 'office', status: 'active', headTitle: '处长', owners: [] } as unknown as Unit;

/** An application (申请中) of 教务处 with every optional field the forms print. */
function acct(over: Record<string, unknown> = {}): Account {
  return AccountSchema.parse({
    id: 'jwc-mp',
    name: '青川教务',
    formerNames: ['教务在线'],
    platform: 'wechat-mp',
    keys: [{ kind: 'gh', value: 'gh_0123456789ab' }, { kind: 'zz', value: 'x1' }],
    link: 'https://mp.weixin.qq.com/s/abcdefgh',
    unit: 'jwc',
    tier: 2,
    status: 'applied',
    filing: 'new',
    purpose: '发布教务通知',
    contentScope: '教学安排',
    reason: '方便学生',
    dates: { applied: '2026-03-01', plannedOpening: '2026-03-20' },
    followers: { count: 1200, asOf: '2026-02-01' },
    verification: { status: 'verified', subject: '青川理工学院', note: '年检' },
    history: [
      { date: '2026-01-05', kind: 'rename', summary: '由“教务在线”更名' },
      { date: '2026-02-10', kind: 'admins', summary: '管理员由甲改为李四' },
    ],
    contacts: { head: HEAD, leader: LEADER, admins: [ADMIN] },
    note: '备注一',
    ...over,
  });
}

function rev(over: Record<string, unknown> = {}): Review {
  return ReviewSchema.parse({
    account: 'jwc-mp',
    year: 2025,
    submitted: '2025-12-15',
    pushes: 320,
    followers: 5000,
    bestPost: { title: '开学第一课', url: 'https://mp.weixin.qq.com/s/best', views: 900, shares: 40 },
    violations: { any: true, details: '转载未注明来源' },
    head: HEAD,
    result: { outcome: 'pass', date: '2026-01-05' },
    ...over,
  });
}

function grp(over: Record<string, unknown> = {}): Group {
  return GroupSchema.parse({
    id: 'jwc-ms',
    platform: 'wechat-group',
    number: '123456789',
    name: '教务秘书群',
    scope: '各学院教学秘书',
    members: 40,
    memberTypes: ['教职工', '学生'],
    admins: [{ name: '甲', mobile: '13900000001' }, { name: '乙', mobile: '13900000002' }],
    email: 'g@example.edu.cn',
    unit: 'jwc',
    head: { name: '丙', mobile: '13900000003' },
    created: '2026-01-05',
    note: '每学期清理',
    ...over,
  });
}

const HEAD_VALUES = {
  'head.name': '王五',
  'head.title': '处长',
  'head.officePhone': '0571-88880001',
  'head.mobile': '13800000001',
  'head.email': 'w@example.edu.cn',
  'head.phone': '13800000001 / 0571-88880001',
  'head.contact': '姓名：王五　手机：13800000001　座机：0571-88880001',
};
const LEADER_VALUES = {
  'leader.name': '赵六',
  'leader.mobile': '13800000002',
  'leader.phone': '13800000002',
  'leader.contact': '姓名：赵六　手机：13800000002　座机：',
};
const ADMIN_VALUES = {
  'admin1.name': '李四',
  'admin1.officePhone': '0571-88880002',
  'admin1.mobile': '13800000003',
  'admin1.email': 'l@example.edu.cn',
  'admin1.phone': '13800000003 / 0571-88880002',
  'admin1.contact': '姓名：李四　手机：13800000003　座机：0571-88880002',
};
const ACCOUNT_VALUES = {
  unit: '教务处',
  name: '青川教务',
  platform: '微信公众号',
  keys: '原始ID：gh_0123456789ab；zz：x1',
  link: 'https://mp.weixin.qq.com/s/abcdefgh',
  linkOrKeys: 'https://mp.weixin.qq.com/s/abcdefgh；原始ID：gh_0123456789ab；zz：x1',
  tier: '二级平台',
  purpose: '发布教务通知',
  contentScope: '教学安排',
  reason: '方便学生',
  applied: '2026-03-01',
  plannedOpening: '2026-03-20',
  opened: '',
  closed: '',
  closureReason: '',
  followers: '1200（2026-02-01）',
  verification: '已认证，认证主体：青川理工学院；年检',
  status: '申请中',
  ...HEAD_VALUES,
  ...LEADER_VALUES,
  ...ADMIN_VALUES,
};

describe('tables: which form serves which paperwork', () => {
  test('the five kinds of paperwork and their Chinese names', () => {
    expect(FORM_KINDS).toEqual(['approval', 'change', 'closure', 'review', 'group']);
    expect(FORM_KIND_LABELS).toEqual({ approval: '开通申请（审批、备案）', change: '信息变更', closure: '停办', review: '年审', group: '网络工作群备案' });
  });

  test('formFor() picks the 登记表 for an account already running only where the preset has one', () => {
    expect((formFor('001', 'approval', true) as FormDef).id).toBe('001-backfill');
    expect((formFor('001', 'approval', false) as FormDef).id).toBe('001-approval');
    expect((formFor('001', 'approval') as FormDef).id).toBe('001-approval');
    expect((formFor('003', 'approval', true) as FormDef).id).toBe('003-backfill');
    // 000 has one form for both, and a backfill flag on other kinds changes nothing.
    expect((formFor('000', 'approval', true) as FormDef).id).toBe('000-approval');
    expect((formFor('001', 'change', true) as FormDef).id).toBe('001-change');
    expect((formFor('003', 'closure', true) as FormDef).id).toBe('003-closure');
  });

  test('formFor() falls back to preset 000 for an unknown preset, and explains a kind the preset lacks', () => {
    expect((formFor('999', 'review') as FormDef).id).toBe('000-review');
    expect(formFor('999', 'group')).toEqual({ none: '第七条：工作群实行创建人负责制，纳入创建人所在单位自主管理，办法未设备案表' });
    expect(formFor('001', 'review')).toEqual({ none: '办法未规定年审' });
    FORM_TABLES['zz-test'] = { approval: FORM_TABLES['000']!.approval! };
    try {
      expect(formFor('zz-test', 'change')).toEqual({ none: '该管理办法未规定此表' });
      expect(formFor('zz-test', 'approval', true)).toBe(FORM_TABLES['000']!.approval);
    } finally {
      delete FORM_TABLES['zz-test'];
    }
  });

  test('formTitles() lists labels, check-box options and sub-table headers once each, in form order', () => {
    expect(formTitles(formFor('000', 'approval') as FormDef)).toEqual([
      '审批类型', '申请开通', '已开通备案', '变更/停办', '主办单位', '媒体类型', '拟用名称', '拟开通时间', '认证说明', '媒体名称', '账号ID',
      '开通时间', '粉丝量', '主要负责人', '办公电话', '手机号码', '管理员信息', '姓名', '电子邮箱',
    ]);
    expect(formTitles(formFor('003', 'approval') as FormDef)).toEqual(['名称', '平台', '申请单位', '申请时间', '管理员', '姓名', '职务', '联系电话', '邮箱', '负责人', '申请理由', '功能定位']);
    expect(formTitles(formFor('002', 'change') as FormDef)).toEqual([
      '新媒体名称', '所属部门', '新媒体类型', '开通时间', '备案类型', '信息变更', '停办', '信息变更/停办原因', '信息变更内容', '负责人', '手机', '邮箱',
    ]);
    expect(formTitles({ ...(formFor('000', 'approval') as FormDef), rows: [] })).toEqual([]);
  });

  test('the registry\'s default 年审表 names its source and the office that keeps a copy', () => {
    const def = formFor('004', 'review') as FormDef;
    expect(def).toMatchObject({
      id: '004-review',
      source: '登记系统默认格式（第七条规定年审，办法未附表样；栏目参照上海海关学院年审表）',
      unitOpinion: { label: '主办部门意见' },
      notes: ['此表一式两份，宣传统战部、主办部门各一份。'],
      pushList: true,
      yearLine: true,
    });
  });
});

describe('formValues(): what each field is filled with', () => {
  test('an application fills every account field, the people and 拟用名称 from the name before the rename', () => {
    expect(formValues('approval', { account: acct(), unit: UNIT }, presetPolicy('000'))).toEqual({
      ...ACCOUNT_VALUES,
      proposedName: '教务在线',
      filingType: '申请开通',
      note001: '备注一',
    });
  });

  test('拟用名称 is the name itself without a rename on record, and only on an application', () => {
    const policy = presetPolicy('000');
    expect(formValues('approval', { account: acct({ history: [] }) }, policy).proposedName).toBe('青川教务');
    expect(formValues('approval', { account: acct({ formerNames: [] }) }, policy).proposedName).toBe('青川教务');
    const backfill = formValues('approval', { account: acct({ filing: 'backfill', status: 'active', dates: { applied: '2026-03-01', opened: '2020-01-01' } }) }, policy);
    expect(backfill.proposedName).toBeUndefined();
    expect(backfill.filingType).toBe('已开通备案');
    expect(formValues('review', { account: acct() }, policy).proposedName).toBeUndefined();
  });

  test('a sparse account prints empty strings, the 级 number of an unknown tier, and 其他 platforms by their filed name', () => {
    const policy = presetPolicy('000');
    const a = acct({
      formerNames: [], keys: [], link: undefined, platform: 'other', platformOther: '校园APP', tier: 3, contentScope: undefined, reason: undefined,
      followers: undefined, verification: { status: 'pending', subject: '青川理工学院' }, history: [], note: undefined,
      contacts: { head: { name: '王五', mobile: '13800000001' }, admins: [{ name: '李四', officePhone: '0571-88880002' }] },
    });
    expect(formValues('approval', { account: a }, { ...policy, tiers: policy.tiers.slice(0, 2) })).toEqual({
      name: '青川教务', platform: '校园APP', keys: '', link: '', linkOrKeys: '', tier: '3级', purpose: '发布教务通知', contentScope: '', reason: '',
      applied: '2026-03-01', plannedOpening: '2026-03-20', opened: '', closed: '', closureReason: '', followers: '', verification: '认证中，认证主体：青川理工学院',
      status: '申请中', proposedName: '青川教务',
      'head.name': '王五', 'head.mobile': '13800000001', 'head.phone': '13800000001', 'head.contact': '姓名：王五　手机：13800000001　座机：',
      'admin1.name': '李四', 'admin1.officePhone': '0571-88880002', 'admin1.phone': '0571-88880002', 'admin1.contact': '姓名：李四　手机：　座机：0571-88880002',
      filingType: '申请开通', note001: '',
    });
    expect(formValues('approval', { account: acct({ verification: { status: 'none' } }) }, policy).verification).toBe('未认证');
    expect(formValues('approval', { account: acct({ keys: [], link: undefined }) }, policy).linkOrKeys).toBe('');
    expect(formValues('approval', { account: acct({ keys: [] }) }, policy).linkOrKeys).toBe('https://mp.weixin.qq.com/s/abcdefgh');
    expect(formValues('approval', { account: acct({ link: undefined }) }, policy).linkOrKeys).toBe('原始ID：gh_0123456789ab；zz：x1');
    // A raw `other` record without its name (the schema refuses it) still prints 其他.
    expect(formValues('approval', { account: { ...a, platformOther: undefined } }, policy).platform).toBe('其他');
  });

  test('a change form takes the latest change that is not the closure', () => {
    const policy = presetPolicy('000');
    expect(formValues('change', { account: acct(), unit: UNIT }, policy)).toEqual({
      ...ACCOUNT_VALUES,
      filingType: '变更/停办',
      changeType: '信息变更',
      changeDate: '2026-02-10',
      changeKind: '管理员变更',
      changeReason: '管理员由甲改为李四',
      changeContent: '管理员变更：管理员由甲改为李四（2026-02-10）',
      changeOrClosure: '管理员变更（2026-02-10）：管理员由甲改为李四',
      note001: '管理员变更：管理员由甲改为李四（2026-02-10）',
    });
    const closed = acct({
      status: 'closed', dates: { applied: '2026-03-01', opened: '2026-03-20', closed: '2026-06-01' }, closure: { reason: '并入学院号' },
      history: [{ date: '2026-04-01', kind: 'rename', summary: '更名' }, { date: '2026-06-01', kind: 'closure', summary: '停办' }],
    });
    const v = formValues('change', { account: closed }, policy);
    expect([v.changeDate, v.changeKind, v.changeReason]).toEqual(['2026-04-01', '名称变更', '更名']);
    const none = formValues('change', { account: acct({ history: [] }) }, policy);
    expect([none.filingType, none.changeType, none.changeDate, none.changeContent, none.changeOrClosure, none.note001]).toEqual(['变更/停办', '信息变更', undefined, undefined, undefined, '']);
  });

  test('a closure form states the closing date and reason, in 000\'s box and 001\'s 备注', () => {
    const policy = presetPolicy('000');
    const closed = acct({ status: 'closed', dates: { applied: '2026-03-01', opened: '2026-03-20', closed: '2026-06-01' }, closure: { reason: '并入学院号' }, history: [{ date: '2026-06-01', kind: 'closure', summary: '停办' }] });
    expect(formValues('closure', { account: closed, unit: UNIT }, policy)).toEqual({
      ...ACCOUNT_VALUES,
      plannedOpening: '',
      opened: '2026-03-20',
      closed: '2026-06-01',
      closureReason: '并入学院号',
      status: '已停办',
      filingType: '变更/停办',
      changeType: '停办',
      changeReason: '并入学院号',
      changeOrClosure: '停办（2026-06-01）：并入学院号',
      note001: '停办（2026-06-01）：并入学院号',
    });
    const open = formValues('closure', { account: acct() }, policy);
    expect([open.changeReason, open.changeOrClosure, open.note001]).toEqual(['', '', '']);
  });

  test('a 年审表 is filled from the review on file and names the push list filed with it', () => {
    const policy = presetPolicy('002');
    expect(formValues('review', { review: rev(), pushListRows: 12 }, policy)).toEqual({
      'review.pushes': '320',
      'review.followers': '5000',
      'review.bestPost': '《开学第一课》 点击量 900，转发量 40（https://mp.weixin.qq.com/s/best）',
      'review.violations': '有：转载未注明来源',
      ...HEAD_VALUES,
      'review.pushList': '已以电子文档报送，共 12 条（reviews/2025/.pushes.csv）',
      year: '2025',
    });
    const v = formValues('review', { account: acct(), review: rev({ bestPost: { title: '开学', views: 0, shares: 0 }, violations: { any: false } }), pushListRows: 0 }, policy);
    expect([v['review.bestPost'], v['review.violations'], v['review.pushList'], v.year]).toEqual(['《开学》 点击量 0，转发量 0', '无', '已以电子文档报送，共 0 条（reviews/2025/jwc-mp.pushes.csv）', '2025']);
    expect(formValues('review', { review: rev({ bestPost: undefined }) }, policy)['review.bestPost']).toBe('');
  });

  test('the review\'s 负责人 replaces the account\'s head whole: no phone, title or email of the other person is kept', () => {
    const v = formValues('review', { account: acct(), review: rev({ head: { name: '钱七', mobile: '13900000000' } }) }, presetPolicy('002'));
    expect(Object.fromEntries(Object.entries(v).filter(([k]) => k.startsWith('head.')))).toEqual({
      'head.name': '钱七',
      'head.mobile': '13900000000',
      'head.phone': '13900000000',
      'head.contact': '姓名：钱七　手机：13900000000　座机：',
    });
  });

  test('without a push list the 年审表 asks for one where the rulebook does, and takes the year asked for', () => {
    expect(formValues('review', { year: 2026 }, presetPolicy('002'))).toEqual({ 'review.pushList': '须以电子文档形式报送年度推送内容清单（CSV：日期,标题,链接）', year: '2026' });
    expect(formValues('review', { year: 2026, pushListRows: 3 }, presetPolicy('002'))['review.pushList']).toBe('已以电子文档报送，共 3 条（reviews/2026/.pushes.csv）');
    expect(formValues('review', {}, presetPolicy('000'))).toEqual({ 'review.pushList': '', year: '' });
    expect(formValues('approval', { review: rev() }, presetPolicy('000'))['review.pushList']).toBeUndefined();
    expect(formValues('approval', {}, presetPolicy('000'))).toEqual({});
  });

  test('a work group fills its number, both administrators and the department head', () => {
    expect(formValues('group', { group: grp(), unit: UNIT }, presetPolicy('003'))).toEqual({
      unit: '教务处',
      'group.number': '123456789',
      'group.name': '教务秘书群',
      'group.nameAndNumber': '教务秘书群（群号 123456789）',
      'group.scope': '各学院教学秘书',
      'group.email': 'g@example.edu.cn',
      'group.members': '40',
      'group.memberTypes': '教职工、学生',
      'group.note': '每学期清理',
      'group.admin1.name': '甲',
      'group.admin1.mobile': '13900000001',
      'group.admin1.contact': '姓名：甲　手机：13900000001',
      'group.admin2.name': '乙',
      'group.admin2.mobile': '13900000002',
      'group.admin2.contact': '姓名：乙　手机：13900000002',
      'head.name': '丙',
      'head.mobile': '13900000003',
      'head.phone': '13900000003',
      'head.contact': '姓名：丙　手机：13900000003　座机：',
    });
    const v = formValues('group', { group: grp({ number: null, note: undefined, admins: [{ name: '甲', mobile: '13900000001' }] }) }, presetPolicy('003'));
    expect([v['group.number'], v['group.nameAndNumber'], v['group.note'], v['group.admin2.name']]).toEqual(['（无群号）', '教务秘书群', '', undefined]);
  });
});

describe('opinionRows(): one signature row per approval the tier needs', () => {
  test('000: the host unit signs its own row; tier 3 adds the managing body; the office always signs last', () => {
    const policy = presetPolicy('000');
    const def = formFor('000', 'approval') as FormDef;
    expect(opinionRows(def, policy, 1)).toEqual(['主办单位意见', '党委宣传部意见']);
    expect(opinionRows(def, policy, 2)).toEqual(['主办单位意见', '党委宣传部意见']);
    expect(opinionRows(def, policy, 3)).toEqual(['主办单位意见', '学生工作部、团委或所在系部意见', '党委宣传部意见']);
    expect(opinionRows(def, policy, undefined)).toEqual(['主办单位意见', '党委宣传部意见']);
    expect(opinionRows(def, policy, 7)).toEqual(['主办单位意见', '党委宣传部意见']);
  });

  test('each preset\'s own words for the host unit are its row, but 所在系部或校团委 is a body of its own', () => {
    expect(opinionRows(formFor('001', 'approval') as FormDef, presetPolicy('001'), 2)).toEqual(['所在单位意见', '党委宣传部意见']);
    expect(opinionRows(formFor('001', 'approval') as FormDef, presetPolicy('001'), 3)).toEqual(['所在单位意见', '所在学院（班级）或校团委（团学组织、社团）意见', '党委宣传部意见']);
    expect(opinionRows(formFor('002', 'approval') as FormDef, presetPolicy('002'), 2)).toEqual(['所在部门意见', '办公室意见']);
    expect(opinionRows(formFor('002', 'approval') as FormDef, presetPolicy('002'), 3)).toEqual(['所在部门意见', '所在系部或校团委意见', '办公室（报备）意见']);
    expect(opinionRows(formFor('003', 'approval') as FormDef, presetPolicy('003'), 2)).toEqual(['申请单位意见', '党委宣传统战部意见']);
    expect(opinionRows(formFor('004', 'approval') as FormDef, presetPolicy('004'), 2)).toEqual(['主办部门意见', '宣传统战部意见']);
  });

  test('归口管理部门 becomes the office\'s name; a unit word not at the start or followed by 或 is another body; duplicates print once', () => {
    const base = presetPolicy('000');
    const policy = { ...base, tiers: [{ ...base.tiers[0]!, level: 1, approvers: ['保卫处', '归口管理部门', '校团委或主办单位', '所在部门或校团委', '主办部门', '保卫处', '学院党总支书记或职能部门主要负责人'] }] };
    expect(opinionRows(formFor('000', 'approval') as FormDef, policy, 1)).toEqual(['主办单位意见', '保卫处意见', '党委宣传部意见', '校团委或主办单位意见', '所在部门或校团委意见']);
    const noOffice = { ...base, tiers: [{ ...base.tiers[0]!, level: 1, approvers: ['保卫处'] }] };
    expect(opinionRows(formFor('000', 'approval') as FormDef, noOffice, 1)).toEqual(['主办单位意见', '保卫处意见', '党委宣传部意见']);
    const suffixOnly = { ...base, tiers: [{ ...base.tiers[0]!, level: 1, approvers: ['校办党委宣传部'] }] };
    expect(opinionRows(formFor('000', 'approval') as FormDef, suffixOnly, 1)).toEqual(['主办单位意见', '校办党委宣传部意见', '党委宣传部意见']);
  });
});

/** A small form exercising every kind of cell. */
const DEF: FormDef = {
  id: 't-1',
  title: '{school}测试表',
  source: '附件一（第八条）',
  number: 'approval',
  yearLine: true,
  rows: [
    [{ l: '名称' }, { f: 'name' }, { l: '单位' }, { f: 'unit' }],
    [{ l: '负责人', rows: 2 }, { f: 'head.name', span: 1 }, { l: '手机' }, { f: 'head.mobile' }],
    [{ text: '', span: 1 }, { l: '邮箱' }, { f: 'head.email' }],
    [{ l: '类型' }, { checks: ['申请开通', '已开通备案'], f: 'filingType', span: 3 }],
    [{ l: '说明' }, { f: 'purpose', tall: true }],
    { label: '管理员', admins: [['姓名', 'name'], ['电话', 'phone'], ['邮箱', 'email']], min: 2 },
    [{ text: '<注>' }, { f: 'keys', span: 2 }],
    { label: '联系人', admins: [['姓名', 'name'], ['职务', 'title']], min: 1 },
  ],
  unitOpinion: { label: '主办单位意见', text: '承诺<遵守>' },
  notes: ['本表一式两份，{office}存一份。'],
};

const SIGN = '<p class="sign">负责人签字（加盖公章）：<span class="blank"></span></p><p class="date">年　　月　　日</p>';

describe('renderForm(): the exact page', () => {
  test('a filled form: grid of 4 columns, row spans, ticked box, administrators\' sub-tables, signature rows, notes and source', () => {
    const r = renderForm(DEF, 'approval', { account: acct(), unit: UNIT }, presetPolicy('000'), { generated: '2026-11-21' });
    expect(r.title).toBe('菏泽职业学院测试表');
    expect(r.titles).toEqual(['名称', '单位', '负责人', '手机', '邮箱', '类型', '申请开通', '已开通备案', '说明', '管理员', '姓名', '电话', '联系人', '职务', '主办单位意见', '党委宣传部意见']);
    expect(r.html).toBe(`<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>菏泽职业学院测试表：青川教务</title>
<meta name="robots" content="noindex">
<style>${FORM_CSS}</style>
</head>
<body>
<main class="form" data-form="t-1">
<p class="number">审批号：<span class="fill"></span></p>
<h1>菏泽职业学院测试表</h1>
<p class="year">（　　　）年度</p>
<table>
<colgroup><col class="c-label"><col class="c-value"><col class="c-label"><col class="c-value"></colgroup>
<tr><th>名称</th><td class="value">青川教务</td><th>单位</th><td class="value">教务处</td></tr>
<tr><th rowspan="2">负责人</th><td class="value">王五</td><th>手机</th><td class="value">13800000001</td></tr>
<tr><td class="fixed"></td><th>邮箱</th><td class="value">w@example.edu.cn</td></tr>
<tr><th>类型</th><td colspan="3"><span class="check">☑ 申请开通</span> <span class="check">☐ 已开通备案</span></td></tr>
<tr><th>说明</th><td class="value tall" colspan="3">发布教务通知</td></tr>
<tr><th colspan="4" class="sub">管理员</th></tr>
<tr><th>姓名</th><th>电话</th><th colspan="2">邮箱</th></tr>
<tr><td class="value">李四</td><td class="value">13800000003 / 0571-88880002</td><td class="value" colspan="2">l@example.edu.cn</td></tr>
<tr><td class="value"></td><td class="value"></td><td class="value" colspan="2"></td></tr>
<tr><td class="fixed">&lt;注&gt;</td><td class="value" colspan="3">原始ID：gh_0123456789ab；zz：x1</td></tr>
<tr><th colspan="4" class="sub">联系人</th></tr>
<tr><th colspan="2">姓名</th><th colspan="2">职务</th></tr>
<tr><td class="value" colspan="2">李四</td><td class="value" colspan="2"></td></tr>
<tr class="opinion"><th>主办单位意见</th><td colspan="3"><p class="pledge">承诺&lt;遵守&gt;</p>${SIGN}</td></tr>
<tr class="opinion"><th>党委宣传部意见</th><td colspan="3">${SIGN}</td></tr>
</table>
<ol class="notes"><li>本表一式两份，党委宣传部存一份。</li></ol>
<p class="source">表样依据：《菏泽职业学院校园新媒体管理办法》 附件一（第八条）　·　2026-11-21由登记系统生成</p>
</main>
</body>
</html>
`);
  });

  test('more administrators than the minimum each get a row; the 审批号 and the review year print when known', () => {
    const a = acct({ status: 'approved', approval: { number: '2024-0053', date: '2024-05-01' }, contacts: { head: HEAD, admins: [ADMIN, { name: '周八', title: '干事', mobile: '13800000004' }, { name: '吴九', officePhone: '0571-88880003' }] } });
    const html = renderForm(DEF, 'review', { account: a, review: rev() }, presetPolicy('000')).html;
    expect(html).toContain('<p class="number">审批号：<span class="fill">2024-0053</span></p>');
    expect(html).toContain('<p class="year">（2025）年度</p>');
    expect(html).toContain(`<tr><th>姓名</th><th>电话</th><th colspan="2">邮箱</th></tr>
<tr><td class="value">李四</td><td class="value">13800000003 / 0571-88880002</td><td class="value" colspan="2">l@example.edu.cn</td></tr>
<tr><td class="value">周八</td><td class="value">13800000004</td><td class="value" colspan="2"></td></tr>
<tr><td class="value">吴九</td><td class="value">0571-88880003</td><td class="value" colspan="2"></td></tr>
<tr><td class="fixed">`);
    expect(html).toContain(`<tr><th colspan="2">姓名</th><th colspan="2">职务</th></tr>
<tr><td class="value" colspan="2">李四</td><td class="value" colspan="2"></td></tr>
<tr><td class="value" colspan="2">周八</td><td class="value" colspan="2">干事</td></tr>
<tr><td class="value" colspan="2">吴九</td><td class="value" colspan="2"></td></tr>
<tr class="opinion">`);
    expect(html).not.toContain('<p class="source">表样依据：《菏泽职业学院校园新媒体管理办法》 附件一（第八条）　·');
    expect(html).toContain('<p class="source">表样依据：《菏泽职业学院校园新媒体管理办法》 附件一（第八条）</p>');
  });

  test('a blank form prints no value, no 审批号, no person and only the signature rows every tier shares', () => {
    const a = acct({ tier: 3, status: 'approved', approval: { number: '2024-0053', date: '2024-05-01' } });
    const r = renderForm(DEF, 'approval', { account: a, unit: UNIT }, presetPolicy('000'), { blank: true });
    expect(r.html).toContain('<title>菏泽职业学院测试表</title>');
    expect(r.html).toContain('<p class="number">审批号：<span class="fill"></span></p>');
    expect(r.html).toContain(`<tr><th>名称</th><td class="value"></td><th>单位</th><td class="value"></td></tr>
<tr><th rowspan="2">负责人</th><td class="value"></td><th>手机</th><td class="value"></td></tr>`);
    expect(r.html).toContain('<td colspan="3"><span class="check">☐ 申请开通</span> <span class="check">☐ 已开通备案</span></td>');
    expect(r.html).toContain(`<tr><th>姓名</th><th>电话</th><th colspan="2">邮箱</th></tr>
<tr><td class="value"></td><td class="value"></td><td class="value" colspan="2"></td></tr>
<tr><td class="value"></td><td class="value"></td><td class="value" colspan="2"></td></tr>
<tr><td class="fixed">`);
    expect(r.html).toContain(`<tr><th colspan="2">姓名</th><th colspan="2">职务</th></tr>
<tr><td class="value" colspan="2"></td><td class="value" colspan="2"></td></tr>
<tr class="opinion">`);
    expect(r.html).not.toContain('青川教务');
    expect(r.html).not.toContain('李四');
    expect(r.titles.slice(-2)).toEqual(['主办单位意见', '党委宣传部意见']);
    // Filled, the same tier-3 account needs the managing body's signature too.
    expect(renderForm(DEF, 'approval', { account: a }, presetPolicy('000')).titles.slice(-3)).toEqual(['主办单位意见', '学生工作部、团委或所在系部意见', '党委宣传部意见']);
  });

  test('a label spanning two rows widens the grid of the row under it, and the last cell takes the rest', () => {
    const def: FormDef = {
      id: 't-2', title: '表', source: '附表', number: 'none',
      rows: [[{ l: '甲', rows: 2 }, { f: 'name' }], [{ l: '乙' }, { f: 'unit' }, { l: '丙' }, { f: 'purpose' }], [{ l: '丁' }, { f: 'x' }]],
      unitOpinion: { label: '单位意见' }, notes: [],
    };
    const html = renderForm(def, 'approval', { unit: { ...UNIT, name: `A&B<"'>` } }, presetPolicy('000')).html;
    expect(html).toContain(`<main class="form" data-form="t-2">

<h1>表</h1>

<table>
<colgroup><col class="c-label"><col class="c-value"><col class="c-label"><col class="c-value"><col class="c-label"></colgroup>
<tr><th rowspan="2">甲</th><td class="value" colspan="4"></td></tr>
<tr><th>乙</th><td class="value">A&amp;B&lt;&quot;&#39;&gt;</td><th>丙</th><td class="value"></td></tr>
<tr><th>丁</th><td class="value" colspan="4"></td></tr>
<tr class="opinion"><th>单位意见</th><td colspan="4">${SIGN}</td></tr>
<tr class="opinion"><th>党委宣传部意见</th><td colspan="4">${SIGN}</td></tr>
</table>

<p class="source">表样依据：《菏泽职业学院校园新媒体管理办法》 附表</p>
</main>`);
  });

  test('a row after an administrators\' sub-table is never under a label spanning two rows above it', () => {
    const def: FormDef = {
      id: 't-3', title: '表', source: '附表', number: 'none',
      rows: [[{ l: '甲', rows: 2 }, { f: 'name' }, { l: '乙' }, { f: 'unit' }], { label: '管理员', admins: [['姓名', 'name'], ['邮箱', 'email']], min: 1 }, [{ l: '丙' }, { f: 'x' }]],
      unitOpinion: { label: '单位意见' }, notes: [],
    };
    expect(renderForm(def, 'approval', {}, presetPolicy('000'), { blank: true }).html).toContain(`<tr><th colspan="4" class="sub">管理员</th></tr>
<tr><th colspan="2">姓名</th><th colspan="2">邮箱</th></tr>
<tr><td class="value" colspan="2"></td><td class="value" colspan="2"></td></tr>
<tr><th>丙</th><td class="value" colspan="3"></td></tr>`);
  });

  test('001\'s 年 第 号 line takes the 审批号 apart, and leaves blanks without one', () => {
    const def = formFor('001', 'approval') as FormDef;
    const policy = presetPolicy('001');
    const a = acct({ status: 'approved', approval: { number: '2024-0053', date: '2024-05-01' } });
    expect(renderForm(def, 'approval', { account: a }, policy).html).toContain('\n<p class="number">2024 年 第 0053 号（党委宣传部填写）</p>\n<h1>曲靖师范学院新媒体备案申请表</h1>\n\n<table>');
    expect(renderForm(def, 'approval', { account: acct() }, policy).html).toContain('\n<p class="number">　　　 年 第 　　　 号（党委宣传部填写）</p>\n');
    expect(renderForm(def, 'approval', {}, policy).html).toContain('<ol class="notes"><li>媒体名称指微博、微信等新媒体名称，QQ群群名及群号，请将所属单位、负责人及联系电话、分管领导信息填完整。</li></ol>');
  });
});
