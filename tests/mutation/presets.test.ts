/**
 * Policy presets, function by function: merging a school's file over its preset, resolving
 * `extends`, the schema's knobs, knob values in Chinese and the explained rulebook. Small inline
 * policies only (no presets/ or ../shared reads).
 */
import { describe, expect, test } from 'vitest';
import {
  PRESET_IDS,
  SCHOOL_OWN_BLOCKS,
  explainPolicy,
  formatKnobValue,
  mergePolicyData,
  policyKnobs,
  renderExplanation,
  resolvePolicyValue,
  type KnobExplained,
} from '../../src/domain/presets.ts';

describe('mergePolicyData', () => {
  test('the preset ids and the school-own blocks are the five seed rulebooks and school/document', () => {
    expect(PRESET_IDS).toEqual(['000', '001', '002', '003', '004']);
    expect(SCHOOL_OWN_BLOCKS).toEqual(['school', 'document']);
  });

  test('anything that is not a plain object on either side is replaced by the override', () => {
    expect(mergePolicyData({ a: 1 }, 5)).toBe(5);
    expect(mergePolicyData(5, { a: 1 })).toEqual({ a: 1 });
    expect(mergePolicyData(null, { a: 1 })).toEqual({ a: 1 });
    expect(mergePolicyData({ a: 1 }, null)).toBeNull();
    expect(mergePolicyData([1, 2], { a: 1 })).toEqual({ a: 1 });
    expect(mergePolicyData({ a: 1 }, [3])).toEqual([3]);
    expect(mergePolicyData({ a: 1 }, undefined)).toBeUndefined();
  });

  test('objects merge key by key at every depth, lists and scalars replace, new keys are added', () => {
    const base = { deadlines: { change: { days: 5 }, closure: { days: 7 } }, platforms: ['微信', '微博'], verify: true };
    const over = { deadlines: { change: { months: 1 } }, platforms: ['抖音'], extra: 'x' };
    expect(mergePolicyData(base, over)).toEqual({
      deadlines: { change: { days: 5, months: 1 }, closure: { days: 7 } },
      platforms: ['抖音'],
      verify: true,
      extra: 'x',
    });
    // The inputs are not changed.
    expect(base).toEqual({ deadlines: { change: { days: 5 }, closure: { days: 7 } }, platforms: ['微信', '微博'], verify: true });
  });

  test('a school that writes its own school or document block replaces the preset block outright', () => {
    const base = { school: { name: '甲大学', shortNames: ['甲大'] }, document: { title: '甲办法', number: '甲〔2020〕1号' }, office: { name: '宣传部', unit: 'xcb' } };
    const over = { school: { name: '乙大学' }, document: { title: '乙办法' }, office: { name: '党委宣传部' } };
    expect(mergePolicyData(base, over)).toEqual({
      school: { name: '乙大学' },
      document: { title: '乙办法' },
      office: { name: '党委宣传部', unit: 'xcb' },
    });
  });

  test('school and document nested below the top level merge like any other object', () => {
    const base = { a: { school: { x: 1, y: 2 }, document: { t: 1 } } };
    const over = { a: { school: { x: 3 }, document: { n: 2 } } };
    expect(mergePolicyData(base, over)).toEqual({ a: { school: { x: 3, y: 2 }, document: { t: 1, n: 2 } } });
    // An explicit depth other than 0 merges them too.
    expect(mergePolicyData({ school: { x: 1, y: 2 } }, { school: { x: 3 } }, 1)).toEqual({ school: { x: 3, y: 2 } });
    expect(mergePolicyData({ a: { school: { x: 1, y: 2 } } }, { a: { school: { x: 3 } } }, 1)).toEqual({ a: { school: { x: 3, y: 2 } } });
    expect(mergePolicyData({ a: { b: { school: { x: 1, y: 2 } } } }, { a: { b: { school: { x: 3 } } } })).toEqual({ a: { b: { school: { x: 3, y: 2 } } } });
  });
});

describe('resolvePolicyValue', () => {
  test('a value that extends nothing is returned unchanged', () => {
    expect(resolvePolicyValue(null)).toEqual({ ok: true, value: null });
    expect(resolvePolicyValue([1])).toEqual({ ok: true, value: [1] });
    expect(resolvePolicyValue({ a: 1 }, { '000': 'a: 2\n' })).toEqual({ ok: true, value: { a: 1 } });
    expect(resolvePolicyValue({ extends: 3 }, { '3': 'a: 2\n' })).toEqual({ ok: true, value: { extends: 3 } });
  });

  test('an unknown preset names the ids that exist, sorted, or 无 when there are none', () => {
    expect(resolvePolicyValue({ extends: '009' })).toEqual({
      ok: false,
      code: 'policy/preset-unknown',
      message: '找不到预设 009（presets/009.yaml）；可用的预设：无',
    });
    expect(resolvePolicyValue({ extends: '009' }, { '003': 'a: 1\n', '001': 'a: 1\n' })).toEqual({
      ok: false,
      code: 'policy/preset-unknown',
      message: '找不到预设 009（presets/009.yaml）；可用的预设：001、003',
    });
  });

  test('a preset file that is not valid YAML or not a mapping is refused', () => {
    const invalid = { ok: false, code: 'policy/preset-invalid', message: '预设 001 的文件格式有误，请联系系统维护人员' };
    expect(resolvePolicyValue({ extends: '001' }, { '001': 'a: 1\na: 2\n' })).toEqual(invalid);
    expect(resolvePolicyValue({ extends: '001' }, { '001': '- 1\n- 2\n' })).toEqual(invalid);
  });

  test('a preset that itself extends another preset is refused', () => {
    expect(resolvePolicyValue({ extends: '001' }, { '001': "extends: '000'\na: 1\n", '000': 'a: 2\n' })).toEqual({
      ok: false,
      code: 'policy/preset-invalid',
      message: '预设 001 不能再继承其他预设',
    });
  });

  test('a preset whose extends is not a string is still usable', () => {
    expect(resolvePolicyValue({ extends: '001' }, { '001': 'extends: 5\na: 1\n' })).toEqual({ ok: true, value: { extends: '001', a: 1 }, preset: '001' });
  });

  test('the preset is merged under the school file and its id is returned', () => {
    const preset = 'school:\n  name: 甲大学\n  shortNames: [甲大]\ndeadlines:\n  change:\n    days: 5\n  closure:\n    days: 7\n';
    const value = { extends: '002', school: { name: '乙大学' }, deadlines: { change: { days: 10 } } };
    expect(resolvePolicyValue(value, { '002': preset })).toEqual({
      ok: true,
      value: { extends: '002', school: { name: '乙大学' }, deadlines: { change: { days: 10 }, closure: { days: 7 } } },
      preset: '002',
    });
  });
});

describe('policyKnobs', () => {
  test('every knob of the schema in schema order, block fields one by one, with their Chinese titles', () => {
    const k = (path: string, title: string) => ({ path: path.split('.'), title });
    expect(policyKnobs()).toEqual([
      k('school.name', '学校名称'),
      k('school.shortNames', '学校简称'),
      k('school.protectedNames', '受保护名称'),
      k('school.englishName', '英文名称'),
      k('school.domains', '学校域名'),
      k('office.name', '归口管理部门'),
      k('office.unit', '归口管理部门单位编号'),
      k('office.reportEmail', '举报邮箱'),
      k('office.notify', '群机器人通知'),
      k('document.title', '办法名称'),
      k('document.number', '文号'),
      k('document.published', '发布日期'),
      k('tiers', '分级管理'),
      k('deadlines.applyLeadDays', '开通前申请天数'),
      k('deadlines.backfill', '补办备案期限'),
      k('deadlines.change', '变更报备期限'),
      k('deadlines.changeKinds', '变更报备适用的变更类型'),
      k('deadlines.closure', '停办报备期限'),
      k('deadlines.openAfterApproval', '批准后开通期限'),
      k('deadlines.keysAfterOpening', '开通后补报账号期限'),
      k('annualReview.required', '实行年审'),
      k('annualReview.tiers', '年审范围'),
      k('annualReview.opens', '年审开始'),
      k('annualReview.due', '年审截止'),
      k('annualReview.failureSuspends', '不合格停止运行'),
      k('annualReview.pushListRequired', '须报送推送清单'),
      k('annualReview.delegated', '下放年审'),
      k('annualReview.warnNoPushes', '提示全年无推送'),
      k('groups.mustFile', '工作群须备案'),
      k('groups.maxMembers', '群人数上限'),
      k('groups.dissolution', '解散报备期限'),
      k('groups.fileWithin', '建群备案期限'),
      k('groups.responsible', '群责任人'),
      k('groups.idleAfter', '闲置提示期限'),
      k('apps.departmentsMayOpenNew', '部门可新设APP'),
      k('apps.platforms', '适用平台'),
      k('campusData', '校内数据服务'),
      k('personalAccounts', '个人账号规定'),
      k('platforms', '办法列举的平台'),
      k('verify', '核验'),
      k('allowedLinkHosts', '允许链接的网站'),
      k('specialRules', '特别规定'),
      k('articles.apply', '开通申请条款'),
      k('articles.backfill', '补办备案条款'),
      k('articles.change', '变更报备条款'),
      k('articles.closure', '停办报备条款'),
      k('articles.openAfterApproval', '批准后开通条款'),
      k('articles.keysAfterOpening', '补报账号标识条款'),
      k('articles.review', '年审条款'),
      k('articles.groups', '工作群条款'),
      k('articles.apps', '移动应用条款'),
      k('articles.reassign', '账号移交条款'),
      k('articles.order', '责令停止运行条款'),
      k('articles.updates', '定期更新条款'),
    ]);
  });
});

describe('formatKnobValue', () => {
  test('missing, null, booleans, numbers and strings', () => {
    expect(formatKnobValue(['school', 'name'], undefined)).toBe('（未填写）');
    expect(formatKnobValue(['deadlines', 'changeKinds'], null)).toBe('全部变更类型');
    expect(formatKnobValue(['deadlines', 'change'], null)).toBe('未规定');
    expect(formatKnobValue(['changeKinds'], null)).toBe('未规定');
    expect(formatKnobValue(['verify'], true)).toBe('是');
    expect(formatKnobValue(['verify'], false)).toBe('否');
    expect(formatKnobValue(['groups', 'maxMembers'], 0)).toBe('0');
    expect(formatKnobValue(['groups', 'maxMembers'], 200)).toBe('200');
    expect(formatKnobValue(['school', 'name'], '甲大学')).toBe('甲大学');
    expect(formatKnobValue(['school', 'name'], '')).toBe('');
  });

  test('an empty list is 无, a plain list joins its items formatted', () => {
    expect(formatKnobValue(['tiers'], [])).toBe('（无）');
    expect(formatKnobValue(['platforms'], ['微信', 3, true, null])).toBe('微信、3、是、未规定');
    expect(formatKnobValue(['platforms'], ['微信'])).toBe('微信');
  });

  test('tiers are one indented line each, with the approvers chain and the responsible person', () => {
    const tiers = [
      { name: '一级', level: 1, description: '学校官方账号', manager: '宣传部', approvers: ['单位', '宣传部'], responsible: '主要负责人' },
      { name: '二级', level: 2, description: '部门账号', manager: '单位', approvers: ['单位'] },
    ];
    expect(formatKnobValue(['tiers'], tiers)).toBe(
      '\n      一级（1 级）：学校官方账号；管理：宣传部；审批：单位 → 宣传部；第一责任人：主要负责人' +
        '\n      二级（2 级）：部门账号；管理：单位；审批：单位；第一责任人：未规定',
    );
  });

  test('special rules are one indented line each: article and text', () => {
    expect(formatKnobValue(['specialRules'], [{ article: '第九条', text: '甲' }, { article: '第十条', text: '乙' }])).toBe('\n      第九条：甲\n      第十条：乙');
  });

  test('protected names say whether they match at the start or anywhere, with their article', () => {
    const names = [
      { name: '甲大', match: 'prefix', article: '第三条' },
      { name: '甲大学', match: 'contains', article: '第四条' },
    ];
    expect(formatKnobValue(['school', 'protectedNames'], names)).toBe('甲大（以其开头，第三条）、甲大学（任意位置，第四条）');
  });

  test('change kinds are named in Chinese, unknown kinds as written', () => {
    const all = ['rename', 'admins', 'head', 'leader', 'maintenance', 'handover', 'keys', 'scope', 'verification', 'closure', 'other', 'novel'];
    expect(formatKnobValue(['deadlines', 'changeKinds'], all)).toBe('账号名称、管理员、主要负责人、分管领导、维护方式、移交、账号标识、内容范围、认证信息、停办、其他、novel');
    // Elsewhere the same words are not translated.
    expect(formatKnobValue(['platforms'], ['rename'])).toBe('rename');
  });

  test('periods are months when given, else days', () => {
    expect(formatKnobValue(['deadlines', 'change'], { days: 5 })).toBe('5 天');
    expect(formatKnobValue(['deadlines', 'change'], { months: 2 })).toBe('2 个月');
    expect(formatKnobValue(['deadlines', 'change'], { days: 5, months: 2 })).toBe('2 个月');
    expect(formatKnobValue(['deadlines', 'change'], { days: 0, workdays: true })).toBe('0 天');
  });

  test('other objects list their fields with Chinese labels where known, values formatted', () => {
    const v = { tiers: [1, 2], reviewer: '宣传部', reportWithin: { days: 3 }, serversOnCampus: true, approver: null, article: '第七条', note: 'x', changeKinds: null };
    expect(formatKnobValue(['campusData'], v)).toBe('级别：1、2；年审主体：宣传部；报备期限：3 天；服务器须在校内：是；审批部门：未规定；条款：第七条；note：x；changeKinds：全部变更类型');
    expect(formatKnobValue(['campusData'], {})).toBe('');
    expect(formatKnobValue(['x'], { changeKinds: ['rename'] })).toBe('changeKinds：账号名称');
  });
});

describe('explainPolicy', () => {
  const PRESET = [
    'office:',
    '  name: 宣传部 # 第二条 “党委宣传部”   ',
    '  # 说明一',
    '  #   说明二  ',
    '  unit: xcb # 第三条',
    '    # 续',
    '  reportEmail:',
    '    a@b.cn',
    '  notify: # 第四条 通知',
    '    x: 1',
    'document: 文件 # 第一条',
    'tiers:',
    '  - name: 一级 # 第五条 “一级”',
    '    level: 1',
    '    approvers: [单位]',
    '  - name: 二级',
    '    level: 2',
    '    approvers: [单位]',
    '  - name: 三级 # 第五条 “一级”',
    '    level: 3',
    '    approvers: [单位]',
    '  - name: 四级 # 第六条',
    '    level: 4',
    '    approvers: [单位]',
    'specialRules:',
    '  # 第九条 特别  ',
    '  - article: 第九条',
    '    text: 甲',
    'platforms:',
    '  # 第八条 平台',
    '  - 微信',
    '  - 微博',
    'personalAccounts:',
    '  - a: 1 # 第十四条',
    '  - 纯文本',
    'verify: # 第十二条',
    '  true',
    '#    ',
    'allowedLinkHosts: [a.cn] # 第十三条',
    'deadlines:',
    '  closure:',
    '    # 第十一条 停办',
    '    days: 7',
    '  change: 5',
    '',
  ].join('\n');

  const pick = (all: KnobExplained[], path: string) => all.find((k) => k.path.join('.') === path);

  test('without a preset every knob shows its value, no source and no preset difference', () => {
    const all = explainPolicy({ school: { name: '乙大学' }, verify: false, office: '宣传部', document: null });
    expect(all.map((k) => k.path.join('.'))).toEqual(policyKnobs().map((k) => k.path.join('.')));
    expect(all[0]).toEqual({ path: ['school', 'name'], title: '学校名称', value: '乙大学', source: '', presetValue: null });
    expect(pick(all, 'verify')).toEqual({ path: ['verify'], title: '核验', value: '否', source: '', presetValue: null });
    // A scalar or null where a block is expected has no fields.
    expect(pick(all, 'office.name')!.value).toBe('（未填写）');
    expect(pick(all, 'document.title')!.value).toBe('（未填写）');
    expect(all.filter((k) => k.source !== '' || k.presetValue !== null)).toEqual([]);
    expect(explainPolicy({ verify: true }, '').filter((k) => k.source !== '' || k.presetValue !== null)).toEqual([]);
  });

  test('each knob cites the comment its preset writes beside it, with a note written above the key', () => {
    const all = explainPolicy({}, PRESET);
    const sources = Object.fromEntries(all.filter((k) => k.source).map((k) => [k.path.join('.'), k.source]));
    expect(sources).toEqual({
      'office.name': '第二条 “党委宣传部”',
      'office.unit': '第三条续\n    说明：说明一说明二',
      'office.notify': '第四条 通知',
      tiers: '第五条 “一级”；第六条',
      specialRules: '第九条 特别',
      'deadlines.closure': '第十一条 停办',
      platforms: '第八条 平台',
      verify: '第十二条',
      allowedLinkHosts: '第十三条',
    });
  });

  test('the preset value is shown where the school differs, null where it is the same', () => {
    const effective = {
      office: { name: '宣传部', unit: 'xxb' },
      platforms: ['微信', '微博'],
      verify: true,
      deadlines: { closure: { days: 7 } },
    };
    const all = explainPolicy(effective, PRESET);
    expect(pick(all, 'office.name')).toEqual({ path: ['office', 'name'], title: '归口管理部门', value: '宣传部', source: '第二条 “党委宣传部”', presetValue: null });
    expect(pick(all, 'office.unit')).toEqual({ path: ['office', 'unit'], title: '归口管理部门单位编号', value: 'xxb', source: '第三条续\n    说明：说明一说明二', presetValue: 'xcb' });
    expect(pick(all, 'office.reportEmail')).toEqual({ path: ['office', 'reportEmail'], title: '举报邮箱', value: '（未填写）', source: '', presetValue: 'a@b.cn' });
    expect(pick(all, 'platforms')).toEqual({ path: ['platforms'], title: '办法列举的平台', value: '微信、微博', source: '第八条 平台', presetValue: null });
    expect(pick(all, 'deadlines.change')).toEqual({ path: ['deadlines', 'change'], title: '变更报备期限', value: '（未填写）', source: '', presetValue: '5' });
    expect(pick(all, 'specialRules')).toEqual({ path: ['specialRules'], title: '特别规定', value: '（未填写）', source: '第九条 特别', presetValue: '\n      第九条：甲' });
    // A list mixing blocks and plain items cites no item comment.
    expect(pick(all, 'personalAccounts')).toEqual({ path: ['personalAccounts'], title: '个人账号规定', value: '（未填写）', source: '', presetValue: 'a：1、纯文本' });
    expect(pick(all, 'document.title')).toEqual({ path: ['document', 'title'], title: '办法名称', value: '（未填写）', source: '', presetValue: null });
    expect(pick(all, 'school.name')).toEqual({ path: ['school', 'name'], title: '学校名称', value: '（未填写）', source: '', presetValue: null });
  });
});

describe('renderExplanation', () => {
  test('one block a knob: value, then the basis and the preset value only when there are any', () => {
    const knobs: KnobExplained[] = [
      { path: ['school', 'name'], title: '学校名称', value: '乙大学', source: '第二条', presetValue: '甲大学' },
      { path: ['verify'], title: '核验', value: '是', source: '', presetValue: null },
      { path: ['platforms'], title: '平台', value: '', source: '第八条', presetValue: '' },
    ];
    expect(renderExplanation('本校规则', knobs)).toBe(
      [
        '本校规则',
        '',
        '■ 学校名称（school.name）：乙大学',
        '    依据：第二条',
        '    ※ 本校与预设不同，预设为：甲大学',
        '■ 核验（verify）：是',
        '■ 平台（platforms）：',
        '    依据：第八条',
        '    ※ 本校与预设不同，预设为：',
        '',
      ].join('\n'),
    );
    expect(renderExplanation('空', [])).toBe('空\n\n');
  });
});
