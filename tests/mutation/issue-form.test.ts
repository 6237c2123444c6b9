// The "file an account" issue form read in process: GitHub's rendered body (`### 标签` + value)
// becomes the filing text, dates and phones typed the usual ways are normalised, bad answers are
// named field by field, private answers are removed from the issue, and the unit dropdown is
// generated from the active units.
import { describe, expect, test } from 'vitest';
import {
  FORM_LABELS,
  ISSUE_LABELS,
  PRIVATE_FIELDS,
  dropdownValue,
  filingFromIssueForm,
  normalizeFormDate,
  normalizeFormPhone,
  parseIssueForm,
  redactIssueForm,
  unitOptions,
  withUnitDropdown,
  type FormField,
} from '../../src/domain/issue-form.ts';

/** The issue body GitHub renders from the form (every field, unanswered ones as _No response_). */
const formBody = (answers: Partial<Record<FormField, string>>) =>
  Object.entries(FORM_LABELS)
    .map(([k, label]) => `### ${label}\n\n${answers[k as FormField] ?? '_No response_'}`)
    .join('\n\n');

const MIN: Partial<Record<FormField, string>> = {
  unit: 'tw',
  id: 'tw-weibo',
  name: '校团委',
  platform: '新浪微博（weibo）',
  filing: '补办备案（backfill）',
  tier: '三级平台（3）',
  opened: '2020/3/1',
  purpose: '青年工作',
  headName: '张书记',
  headOffice: '0571-86660003',
  adminName: '钱老师',
  adminMobile: '13600000000',
};
const MIN_TEXT = [
  '---',
  "id: 'tw-weibo'",
  "name: '校团委'",
  "platform: 'weibo'",
  "unit: 'tw'",
  'tier: 3',
  "status: 'active'",
  "filing: 'backfill'",
  "purpose: '青年工作'",
  'dates:',
  "  opened: '2020-03-01'",
  'contacts:',
  '  head:',
  "    name: '张书记'",
  "    officePhone: '0571-86660003'",
  '  admins:',
  "    - name: '钱老师'",
  "      mobile: '13600000000'",
  '---',
  '',
].join('\n');

const FULL: Partial<Record<FormField, string>> = {
  unit: '教务处（jwc）',
  id: 'JWC-News',
  name: '青川理工教务处',
  platform: '微信公众号（wechat-mp）',
  filing: '申请开通（new）',
  tier: '二级平台（2）',
  plannedOpening: '2026年12月5日',
  opened: '2020-01-01',
  link: 'https://mp.weixin.qq.com/s/x',
  accountId: '@gh_0123456789ab',
  purpose: '发布通知',
  headName: '王主任',
  headTitle: '处长',
  headMobile: '139 1234 5678',
  headOffice: '(0571)86660002',
  adminName: '李老师',
  adminMobile: '+86 13912340000',
  adminEmail: 'li@example.edu.cn',
  admin2Name: '赵老师',
  admin2Mobile: '13800000002',
  admin2Email: 'zhao@example.edu.cn',
  contentScope: '教学通知',
  reason: '工作需要',
  verification: '已认证（verified）',
  verificationSubject: '青川理工学院',
  leaderName: '陈校长',
  leaderTitle: '副校长',
  leaderMobile: '13700000000',
};
const FULL_TEXT = [
  '---',
  "id: 'jwc-news'",
  "name: '青川理工教务处'",
  "platform: 'wechat-mp'",
  "link: 'https://mp.weixin.qq.com/s/x'",
  'keys:',
  "  - kind: 'gh'",
  "    value: 'gh_0123456789ab'",
  "unit: 'jwc'",
  'tier: 2',
  "status: 'applied'",
  "filing: 'new'",
  "purpose: '发布通知'",
  "contentScope: '教学通知'",
  "reason: '工作需要'",
  'verification:',
  "  status: 'verified'",
  "  subject: '青川理工学院'",
  'dates:',
  "  applied: '2026-11-21'",
  "  plannedOpening: '2026-12-05'",
  'contacts:',
  '  head:',
  "    name: '王主任'",
  "    title: '处长'",
  "    officePhone: '0571-86660002'",
  "    mobile: '13912345678'",
  '  leader:',
  "    name: '陈校长'",
  "    title: '副校长'",
  "    mobile: '13700000000'",
  '  admins:',
  "    - name: '李老师'",
  "      mobile: '13912340000'",
  "      email: 'li@example.edu.cn'",
  "    - name: '赵老师'",
  "      mobile: '13800000002'",
  "      email: 'zhao@example.edu.cn'",
  '---',
  '',
].join('\n');

const problemsOf = (answers: Partial<Record<FormField, string>>) => {
  const r = filingFromIssueForm(formBody(answers), '2026-11-21');
  return r.ok ? [] : r.problems;
};

describe('labels', () => {
  test('the issue labels and the private fields are the documented ones', () => {
    expect(Object.values(ISSUE_LABELS).map((l) => [l.name, l.color])).toEqual([
      ['备案表', '0e8a16'],
      ['变更停办', 'fbca04'],
      ['年审材料', '5319e7'],
      ['冒用举报', 'b60205'],
    ]);
    expect(PRIVATE_FIELDS).toEqual(['headMobile', 'headOffice', 'adminMobile', 'adminEmail', 'admin2Mobile', 'admin2Email', 'leaderMobile']);
    expect(ISSUE_LABELS).toEqual({
      filing: { name: '备案表', color: '0e8a16', description: '通过 Issue 表单提交的新开备案' },
      change: { name: '变更停办', color: 'fbca04', description: '通过 Issue 表单报告的变更或停办' },
      review: { name: '年审材料', color: '5319e7', description: '通过 Issue 表单报送的年审材料' },
      impostor: { name: '冒用举报', color: 'b60205', description: '举报仿冒学校或单位名义的账号' },
    });
    // The labels exactly as .github/ISSUE_TEMPLATE/file-account.yml writes them (GitHub renders them as headings).
    expect(FORM_LABELS).toEqual({
      unit: '单位编号',
      id: '账号编号',
      name: '媒体名称（拟用名称）',
      platform: '媒体类型',
      filing: '审批类型',
      tier: '平台级别',
      plannedOpening: '拟开通时间',
      opened: '开通时间',
      link: '账号链接',
      accountId: '账号ID',
      purpose: '功能定位',
      headName: '主要负责人姓名',
      headTitle: '主要负责人职务',
      headMobile: '主要负责人手机号码',
      headOffice: '主要负责人办公电话',
      adminName: '管理员姓名',
      adminMobile: '管理员手机号码',
      adminEmail: '管理员电子邮箱',
      admin2Name: '第二管理员姓名',
      admin2Mobile: '第二管理员手机号码',
      admin2Email: '第二管理员电子邮箱',
      contentScope: '发布内容范围',
      reason: '申请理由',
      verification: '认证情况',
      verificationSubject: '认证主体',
      leaderName: '分管领导姓名',
      leaderTitle: '分管领导职务',
      leaderMobile: '分管领导手机号码',
    });
  });
});

describe('parseIssueForm()', () => {
  test('reads every answered field by its label; unanswered, empty and unknown fields are left out', () => {
    const body = [
      '前言不是字段',
      '### 账号编号',
      '',
      '  jwc-news  ',
      '',
      '### 媒体名称（拟用名称）  ',
      '第一行',
      '#### 小标题不是字段',
      '行内 ### 账号ID 也不是',
      '',
      '### 功能定位',
      '',
      '_No response_',
      '',
      '### 不认识的标签',
      '',
      '值',
      '###\t申请理由',
      '理由',
      '### 发布内容范围',
      '',
      '',
      '###管理员姓名',
      '没有空格的标题不算',
      '### 认证主体',
    ].join('\r\n');
    // '###管理员姓名' (no blank after ###) is no heading: it stays in the previous answer.
    expect(parseIssueForm(body)).toEqual({ id: 'jwc-news', name: '第一行\n#### 小标题不是字段\n行内 ### 账号ID 也不是', reason: '理由', contentScope: '###管理员姓名\n没有空格的标题不算' });
  });

  test('a label on the last line with a value after it on the same part', () => {
    expect(parseIssueForm('### 账号编号\nabc')).toEqual({ id: 'abc' });
    expect(parseIssueForm('### 账号编号')).toEqual({});
    expect(parseIssueForm('')).toEqual({});
    expect(parseIssueForm(formBody({}))).toEqual({});
  });
});

describe('normalizeFormDate()', () => {
  test.each([
    [undefined, undefined],
    ['2026年12月5日', '2026-12-05'],
    ['2026 年 1 月 2 日', '2026-01-02'],
    ['2026年12月5', '2026-12-05'],
    ['2026/12/5', '2026-12-05'],
    ['2026.12.05', '2026-12-05'],
    [' 2026-1-2 ', '2026-01-02'],
    ['2026-12-05', '2026-12-05'],
    ['２０１９年０９月０９日', '2019-09-09'],
    ['2026-12-5日', '2026-12-05'],
    [' 明年 ', '明年'],
    ['26-12-5', '26-12-5'],
    ['2026-123-5', '2026-123-5'],
    ['2026-12-123', '2026-12-123'],
    ['x2026-12-05', 'x2026-12-05'],
    ['2026-12-05x', '2026-12-05x'],
    ['2026年12月5日日', '2026年12月5日日'],
    ['2026 12 5', '2026 12 5'],
  ])('normalizeFormDate(%j) is %j', (answer, out) => expect(normalizeFormDate(answer)).toBe(out));
});

describe('normalizeFormPhone()', () => {
  test.each([
    [undefined, undefined],
    ['13912345678', '13912345678'],
    [' 139 1234 5678 ', '13912345678'],
    ['139-1234-5678', '13912345678'],
    ['+86 139 1234 5678', '13912345678'],
    ['86-13912345678', '13912345678'],
    ['+8613912345678', '13912345678'],
    ['１３９１２３４５６７８', '13912345678'],
    ['(0571)86660002', '0571-86660002'],
    ['（0571）86660002', '0571-86660002'],
    ['0571－86660002', '0571-86660002'],
    ['0571—86660002', '0571-86660002'],
    ['0571 8666 0002', '0571-86660002'],
    ['+86 0571 86660002', '0571-86660002'],
    ['010-12345678', '010-12345678'],
    ['0101234567', '010-1234567'],
    ['02112345678', '021-12345678'],
    ['02912345678', '029-12345678'],
    ['03111234567', '0311-1234567'],
    ['09991234567', '0999-1234567'],
    ['0201234567', '020-1234567'],
    ['011123456789', '011123456789'],
    ['1391234567', '1391234567'],
    ['139123456789', '139123456789'],
    ['23912345678', '23912345678'],
    [' 139 1234 567 ', '139 1234 567'],
    ['86 2345678', '86 2345678'],
    ['010123456', '010123456'],
    ['0571123456789', '0571123456789'],
  ])('normalizeFormPhone(%j) is %j', (answer, out) => expect(normalizeFormPhone(answer)).toBe(out));
});

describe('dropdownValue()', () => {
  test.each([
    [undefined, undefined],
    ['', undefined],
    ['微信公众号（wechat-mp）', 'wechat-mp'],
    ['微信公众号(wechat-mp)', 'wechat-mp'],
    ['微信公众号（wechat-mp)', 'wechat-mp'],
    ['二级平台（2）  ', '2'],
    ['学院（a）（b）', 'b'],
    ['（a） 说明', '（a） 说明'],
    ['（Wechat）', '（Wechat）'],
    ['（）', '（）'],
    [' jwc ', 'jwc'],
  ])('dropdownValue(%j) is %j', (answer, out) => expect(dropdownValue(answer)).toBe(out));
});

describe('filingFromIssueForm()', () => {
  test('a new filing with every field: the whole filing text, dates and phones normalised, ids lower-cased', () => {
    expect(filingFromIssueForm(formBody(FULL), '2026-11-21')).toEqual({ ok: true, unit: 'jwc', id: 'jwc-news', path: 'accounts/jwc/jwc-news.mdx', text: FULL_TEXT });
  });

  test('a backfill with only the required fields: active, dated by its opening, no optional keys', () => {
    expect(filingFromIssueForm(formBody(MIN), '2026-11-21')).toEqual({ ok: true, unit: 'tw', id: 'tw-weibo', path: 'accounts/tw/tw-weibo.mdx', text: MIN_TEXT });
  });

  test('the head mobile alone is enough; the admin e-mail alone is kept', () => {
    const r = filingFromIssueForm(formBody({ ...MIN, headOffice: undefined, headMobile: '13912345678', adminEmail: 'q@example.edu.cn' }), '2026-11-21');
    expect(r.ok && r.text).toBe(
      MIN_TEXT.replace("    officePhone: '0571-86660003'", "    mobile: '13912345678'").replace("      mobile: '13600000000'", "      mobile: '13600000000'\n      email: 'q@example.edu.cn'"),
    );
  });

  test('an empty form names every required field, in form order', () => {
    const r = filingFromIssueForm('', '2026-11-21');
    expect(r).toEqual({
      ok: false,
      problems: [
        { field: '单位编号', message: '必填' },
        { field: '账号编号', message: '必填' },
        { field: '媒体类型', message: '必填' },
        { field: '审批类型', message: '必填' },
        { field: '平台级别', message: '必填' },
        { field: '媒体名称（拟用名称）', message: '必填' },
        { field: '功能定位', message: '必填' },
        { field: '主要负责人姓名', message: '必填' },
        { field: '管理员姓名', message: '必填' },
        { field: '主要负责人手机号码', message: '手机号码和办公电话至少填写一项' },
        { field: '管理员手机号码', message: '必填' },
      ],
    });
  });

  test.each([
    ['jwc_x', '单位编号'],
    ['-jwc', '单位编号'],
    ['jwc-', '单位编号'],
    ['j--wc', '单位编号'],
    ['教务处', '单位编号'],
  ])('unit %j is refused', (unit, field) => expect(problemsOf({ ...MIN, unit })).toEqual([{ field, message: '只能使用小写英文字母、数字和连字符 -' }]));

  test.each(['tw weibo', 'tw_weibo', '-tw', 'tw-', 'tw--weibo', '账号'])('account id %j is refused', (id) =>
    expect(problemsOf({ ...MIN, id })).toEqual([{ field: '账号编号', message: '只能使用小写英文字母、数字和连字符 -' }]),
  );

  test('upper-case unit and account ids are lower-cased, not refused', () => {
    const r = filingFromIssueForm(formBody({ ...MIN, unit: 'TW', id: 'TW-Weibo2' }), '2026-11-21');
    expect(r.ok && [r.unit, r.id, r.path]).toEqual(['tw', 'tw-weibo2', 'accounts/tw/tw-weibo2.mdx']);
  });

  test.each([
    ['platform', '火星号（mars）', '媒体类型'],
    ['filing', '其他（other）', '审批类型'],
    ['tier', '四级（4）', '平台级别'],
    ['tier', '零级（0）', '平台级别'],
    ['tier', '二级', '平台级别'],
    ['verification', '待定（maybe）', '认证情况'],
  ] as const)('a %s answer not in the list (%j) is refused', (field, value, label) =>
    expect(problemsOf({ ...MIN, [field]: value })).toEqual([{ field: label, message: '请从列表中选择' }]),
  );

  test.each([
    ['none', undefined],
    ['pending', undefined],
    ['verified', '学院'],
  ])('verification %s is filed (subject %s)', (status, subject) => {
    const r = filingFromIssueForm(formBody({ ...MIN, verification: `情况（${status}）`, verificationSubject: subject }), '2026-11-21');
    expect(r.ok && r.text).toBe(MIN_TEXT.replace("dates:\n", `verification:\n  status: '${status}'\n${subject ? `  subject: '${subject}'\n` : ''}dates:\n`));
  });

  test('tiers 1 and 3 pass; the tier is filed as a number', () => {
    for (const tier of ['1', '3']) {
      const r = filingFromIssueForm(formBody({ ...MIN, tier: `级（${tier}）` }), '2026-11-21');
      expect(r.ok && r.text.split('\n')[5]).toBe(`tier: ${tier}`);
    }
  });

  test('a new filing needs the planned opening date; a backfill needs the opening date', () => {
    expect(problemsOf({ ...MIN, filing: '（new）', opened: undefined })).toEqual([{ field: '拟开通时间', message: '必填' }]);
    expect(problemsOf({ ...MIN, opened: undefined })).toEqual([{ field: '开通时间', message: '必填' }]);
    expect(problemsOf({ ...MIN, opened: undefined, plannedOpening: '2026-12-01' })).toEqual([{ field: '开通时间', message: '必填' }]);
    expect(problemsOf({ ...MIN, filing: '（new）', opened: undefined, plannedOpening: '2026-12-01' })).toEqual([]);
  });

  test('contact rules: a phone for the head, a mobile for the admin, mobiles for a second admin and a leader', () => {
    expect(problemsOf({ ...MIN, headOffice: undefined })).toEqual([{ field: '主要负责人手机号码', message: '手机号码和办公电话至少填写一项' }]);
    expect(problemsOf({ ...MIN, adminMobile: undefined })).toEqual([{ field: '管理员手机号码', message: '必填' }]);
    expect(problemsOf({ ...MIN, admin2Name: '赵老师' })).toEqual([{ field: '第二管理员手机号码', message: '填写第二管理员时必填' }]);
    expect(problemsOf({ ...MIN, admin2Mobile: '13800000002' })).toEqual([]);
    expect(problemsOf({ ...MIN, leaderName: '陈校长' })).toEqual([{ field: '分管领导手机号码', message: '填写分管领导时必填' }]);
    expect(problemsOf({ ...MIN, leaderMobile: '13700000000' })).toEqual([]);
  });

  test('a leader without title and a second admin without e-mail are filed with what was given', () => {
    const r = filingFromIssueForm(formBody({ ...MIN, leaderName: '陈校长', leaderMobile: '137 0000 0000', admin2Name: '赵老师', admin2Mobile: '138-0000-0002' }), '2026-11-21');
    expect(r.ok && r.text).toBe(
      MIN_TEXT.replace(
        "  admins:\n    - name: '钱老师'\n      mobile: '13600000000'\n",
        "  leader:\n    name: '陈校长'\n    mobile: '13700000000'\n  admins:\n    - name: '钱老师'\n      mobile: '13600000000'\n    - name: '赵老师'\n      mobile: '13800000002'\n",
      ),
    );
  });

  test('an account ID on a platform without a user-visible ID is refused', () => {
    expect(problemsOf({ ...MIN, platform: '其他（other）', accountId: 'abc' })).toEqual([{ field: '账号ID', message: '该平台没有可填写的账号ID，请填写账号链接' }]);
    expect(problemsOf({ ...MIN, platform: '其他（other）', accountId: ' @ ' })).toEqual([]);
  });

  test.each([
    ['@gh_0123456789ab', 'gh', 'gh_0123456789ab', 'the strict 原始ID wins over the loose 微信号 it also fits'],
    ['GH_0123456789AB', 'gh', 'GH_0123456789AB', 'fit is tested lower-cased; the value is kept as typed'],
    [' qclg_jwc ', 'wxid', 'qclg_jwc', 'a 微信号'],
    ['12', 'wxid', '12', 'fits no kind: the first kind, for the loader to report'],
  ])('account ID %j is filed as kind %s', (accountId, kind, value, _why) => {
    const r = filingFromIssueForm(formBody({ ...MIN, platform: '（wechat-mp）', accountId }), '2026-11-21');
    expect(r.ok && r.text).toBe(MIN_TEXT.replace("platform: 'weibo'\n", `platform: 'wechat-mp'\nkeys:\n  - kind: '${kind}'\n    value: '${value}'\n`));
  });

  test('only a leading @ is dropped from the account ID', () => {
    const r = filingFromIssueForm(formBody({ ...MIN, accountId: 'qclg@tw' }), '2026-11-21');
    expect(r.ok && r.text).toContain("keys:\n  - kind: 'uid'\n    value: 'qclg@tw'\n");
  });

  test('long answers stay on one line (no folding)', () => {
    const purpose = Array.from({ length: 30 }, (_, i) => `第${i}项工作`).join(' ');
    const r = filingFromIssueForm(formBody({ ...MIN, purpose }), '2026-11-21');
    expect(r.ok && r.text).toBe(MIN_TEXT.replace("purpose: '青年工作'", `purpose: '${purpose}'`));
  });

  test('a second kind is chosen when only it fits (微博 个性域名)', () => {
    const r = filingFromIssueForm(formBody({ ...MIN, accountId: 'qclg_tw' }), '2026-11-21');
    expect(r.ok && r.text).toContain("keys:\n  - kind: 'domain'\n    value: 'qclg_tw'\n");
    const uid = filingFromIssueForm(formBody({ ...MIN, accountId: '1234567890' }), '2026-11-21');
    expect(uid.ok && uid.text).toContain("keys:\n  - kind: 'uid'\n    value: '1234567890'\n");
  });
});

describe('redactIssueForm()', () => {
  const GONE = '（已写入备案文件，已从本 Issue 删除）';

  test('filled private answers are replaced; public, empty and unanswered fields are kept byte for byte', () => {
    const body = [
      '### 账号编号',
      '',
      'jwc-x',
      '',
      '### 主要负责人手机号码',
      '',
      '13912345678',
      '',
      '### 管理员电子邮箱',
      '',
      '_No response_',
      '',
      '### 第二管理员手机号码',
      '',
      '',
      '### 管理员姓名',
      '李老师',
      '### 分管领导手机号码',
      '',
      '13700000000',
    ].join('\n');
    expect(redactIssueForm(body)).toBe(
      ['### 账号编号', '', 'jwc-x', '', `### 主要负责人手机号码\n\n${GONE}\n\n### 管理员电子邮箱`, '', '_No response_', '', '### 第二管理员手机号码', '', '', '### 管理员姓名', '李老师', `### 分管领导手机号码\n\n${GONE}\n\n`].join('\n'),
    );
  });

  test('CRLF bodies and labels with trailing blanks are redacted too', () => {
    expect(redactIssueForm('### 主要负责人办公电话  \r\n\r\n0571-86660002\r\n### 管理员姓名\r\n李老师')).toBe(`### 主要负责人办公电话\n\n${GONE}\n\n### 管理员姓名\r\n李老师`);
    expect(redactIssueForm('###\t管理员电子邮箱\nli@example.edu.cn')).toBe(`### 管理员电子邮箱\n\n${GONE}\n\n`);
  });

  test('every private field is redacted and nothing else', () => {
    const answers = Object.fromEntries(Object.keys(FORM_LABELS).map((k) => [k, `值-${k}`])) as Record<FormField, string>;
    const out = redactIssueForm(formBody(answers));
    for (const k of Object.keys(FORM_LABELS) as FormField[]) expect(out.includes(`值-${k}`), k).toBe(!PRIVATE_FIELDS.includes(k));
    expect(out.split(GONE)).toHaveLength(PRIVATE_FIELDS.length + 1);
    expect(redactIssueForm('无标题的正文 13912345678')).toBe('无标题的正文 13912345678');
  });
});

describe('unitOptions()', () => {
  test('active units only (status missing counts as active), sorted by id, as 名称（id） with brackets and line breaks blanked', () => {
    const units = [
      { data: { id: 'tw', name: '校团委' } },
      { data: { id: 'old', name: '旧单位', status: 'dissolved' } },
      { data: { id: 'jwc', name: '（筹）教务处(新)\r\n', status: 'active' } },
      { data: { id: 'a', name: '甲', status: 'merged' } },
    ];
    expect(unitOptions(units)).toEqual(['筹 教务处 新（jwc）', '校团委（tw）']);
    expect(units.map((u) => u.data.id)).toEqual(['tw', 'old', 'jwc', 'a']);
    expect(unitOptions([])).toEqual([]);
  });
});

describe('withUnitDropdown()', () => {
  const TEMPLATE = [
    'name: 新开备案',
    'labels: [备案表]',
    'body:',
    '  - type: markdown',
    '    attributes:',
    '      value: 说明',
    '  - 纯文本项',
    '  - type: input',
    '    id: unit',
    '    attributes:',
    '      label: 单位编号',
    '      description: 旧说明',
    '      placeholder: jwc',
    '    validations:',
    '      required: true',
    '  - type: input',
    '    id: name',
    '    attributes:',
    '      label: 名称',
    '      placeholder: 名称',
    '',
  ].join('\n');

  test('the unit field becomes a dropdown of the options; every other field is left as it was', () => {
    expect(withUnitDropdown(TEMPLATE, ['教务处（jwc）', '校团委（tw）'])).toBe(
      [
        'name: 新开备案',
        'labels: [ 备案表 ]',
        'body:',
        '  - type: markdown',
        '    attributes:',
        '      value: 说明',
        '  - 纯文本项',
        '  - type: dropdown',
        '    id: unit',
        '    attributes:',
        '      label: 单位编号',
        '      description: 请选择本单位（只能为本单位备案）。列表由登记系统根据 content/units/ 自动生成。',
        '      options:',
        '        - 教务处（jwc）',
        '        - 校团委（tw）',
        '    validations:',
        '      required: true',
        '  - type: input',
        '    id: name',
        '    attributes:',
        '      label: 名称',
        '      placeholder: 名称',
        '',
      ].join('\n'),
    );
  });

  test('a unit field without attributes only changes its type; a template without a body list is returned unchanged', () => {
    expect(withUnitDropdown('body:\n  - type: input\n    id: unit\n', ['a（a）'])).toBe('body:\n  - type: dropdown\n    id: unit\n');
    const long = Array.from({ length: 20 }, (_, i) => `单位 ${i}`).join(' ');
    expect(withUnitDropdown('body:\n  - id: unit\n    attributes:\n      label: x\n', [long])).toBe(`body:\n  - id: unit\n    attributes:\n      label: x\n      description: 请选择本单位（只能为本单位备案）。列表由登记系统根据 content/units/ 自动生成。\n      options:\n        - ${long}\n    type: dropdown\n`);
    expect(withUnitDropdown('body:   {a: 1}\n', ['a（a）'])).toBe('body:   {a: 1}\n');
    expect(withUnitDropdown('name:    x\n', ['a（a）'])).toBe('name:    x\n');
  });
});
