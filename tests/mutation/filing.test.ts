// The strict loader of one filing file (src/domain/filing.ts): which paths are filings, what a file
// of each kind must look like, and the exact Chinese finding (file, line, column, field, code) for
// each way a file can be wrong. Every input is built inside its test.
import { describe, expect, test } from 'vitest';
import { classifyPath, isIgnoredPath, parseFile, type ParseResult } from '../../src/domain/filing.ts';
import type { Finding } from '../../src/domain/findings.ts';

type Fields = Record<string, string | null>;

/** YAML lines `key: value` from base fields with overrides (null drops a field). */
function yamlOf(base: Fields, over: Fields): string {
  return Object.entries({ ...base, ...over })
    .filter((e): e is [string, string] => e[1] !== null)
    .map(([k, v]) => `${k}: ${v}`)
    .join('\n');
}

const GROUP: Fields = {
  id: 'jsj-teachers',
  platform: 'qq-group',
  number: "'765432109'",
  name: '计算机学院教职工群',
  scope: '计算机学院全体教职工',
  members: '86',
  memberTypes: '[教职工]',
  admins: "\n  - { name: 吴敏, mobile: '13800000012' }",
  email: 'jsj-office@example.edu.cn',
  unit: 'jsj',
  head: "{ name: 李强, title: 党总支书记, officePhone: '0000-6120010' }",
  created: "'2023-09-01'",
};
const groupText = (over: Fields = {}) => `${yamlOf(GROUP, over)}\n`;
const GROUP_FILE = 'groups/jsj/jsj-teachers.yaml';

const ACCOUNT: Fields = {
  id: 'jsj-weibo',
  name: '青川理工计算机学院',
  platform: 'weibo',
  keys: "\n  - { kind: uid, value: '5123456789' }",
  link: 'https://weibo.com/u/5123456789',
  unit: 'jsj',
  tier: '2',
  status: 'active',
  filing: 'new',
  purpose: '计算机学院官方微博。',
  reason: '服务学院师生。',
  dates: "{ applied: '2024-09-01', plannedOpening: '2024-09-15', opened: '2024-09-16' }",
  approval: "{ number: '2024-0002', date: '2024-09-05', pr: 2 }",
  contacts:
    "\n  head: { name: 李强, title: 党总支书记, mobile: '13800000011' }\n  leader: { name: 周华, title: 副院长, officePhone: '0000-6120011' }\n  admins:\n    - { name: 吴敏, mobile: '13800000012' }\n    - { name: 郑洁, officePhone: '0000-6120012' }",
};
// Lines: 1 ---, 2 id, 3 name, 4 platform, 5 keys, 6 key item, 7 link, 8 unit, 9 tier, 10 status,
// 11 filing, 12 purpose, 13 reason, 14 dates, 15 approval, 16 contacts, 17 head, 18 leader,
// 19 admins, 20-21 admin items, 22 ---, 23 body.
const accountText = (over: Fields = {}, body = '\n简介。\n') => `---\n${yamlOf(ACCOUNT, over)}\n---${body}`;
const ACCOUNT_FILE = 'accounts/jsj/jsj-weibo.mdx';

const UNIT: Fields = { id: 'jsj', name: '计算机学院', kind: 'college', parent: 'school', status: 'active', headTitle: '党总支书记', owners: "['@qclg/jsj']" };
const unitText = (over: Fields = {}) => `${yamlOf(UNIT, over)}\n`;

const REVIEW: Fields = {
  account: 'qclg-wechat',
  year: '2025',
  submitted: "'2025-12-10'",
  pushes: '412',
  followers: '86000',
  bestPost: '{ title: 开学典礼, views: 52000, shares: 3100 }',
  violations: '{ any: false }',
  head: "{ name: 赵文, mobile: '13800000001' }",
  result: "{ outcome: pass, date: '2025-12-15' }",
};
const reviewText = (over: Fields = {}) => `${yamlOf(REVIEW, over)}\n`;

const err = (file: string, line: number, column: number, field: string, code: string, message: string): Finding => ({
  file,
  line,
  column,
  field,
  code,
  message,
  severity: 'error',
});
const findingsOf = (r: ParseResult) => r.findings;
const onlyCode = (r: ParseResult, code: string) => r.findings.filter((f) => f.code === code);

describe('isIgnoredPath()', () => {
  test('skips README.md at the top of the content folder only', () => {
    expect(isIgnoredPath('README.md')).toBe(true);
    expect(isIgnoredPath('accounts/README.md')).toBe(false);
    expect(isIgnoredPath('readme.md')).toBe(false);
  });

  test('skips .gitkeep files in any folder, and nothing merely ending in gitkeep', () => {
    expect(isIgnoredPath('.gitkeep')).toBe(true);
    expect(isIgnoredPath('units/.gitkeep')).toBe(true);
    expect(isIgnoredPath('units/x.gitkeep')).toBe(false);
    expect(isIgnoredPath('.gitkeep/units.yaml')).toBe(false);
    expect(isIgnoredPath('')).toBe(false);
    expect(isIgnoredPath('units/')).toBe(false);
  });
});

describe('classifyPath()', () => {
  test.each([
    ['policy.yaml', { kind: 'policy', id: 'policy' }],
    ['units/jsj.yaml', { kind: 'unit', id: 'jsj' }],
    ['accounts/jsj/jsj-weibo.mdx', { kind: 'account', scope: 'jsj', id: 'jsj-weibo' }],
    ['reviews/2025/qclg-wechat.yaml', { kind: 'review', scope: '2025', id: 'qclg-wechat' }],
    ['reviews/2025/qclg-wechat.pushes.csv', { kind: 'pushList', scope: '2025', id: 'qclg-wechat' }],
    ['groups/jsj/jsj-teachers.yaml', { kind: 'group', scope: 'jsj', id: 'jsj-teachers' }],
    ['impostors/fake-weibo.yaml', { kind: 'impostor', id: 'fake-weibo' }],
    ['pages/guide.mdx', { kind: 'page', id: 'guide' }],
  ])('%s is a filing of its kind, with the id (and scope) its path gives', (rel, role) => {
    expect(classifyPath(rel)).toEqual(role);
  });

  const fail = (file: string, code: string, message: string) => ({ file, line: 1, column: 1, field: '', code, message, severity: 'error' });
  const NAME = '文件名和文件夹名只能使用小写英文字母、数字和连字符 -（不能有中文、大写字母、空格）';
  const UNEXPECTED = '这个位置不应有此文件：账号放在 accounts/<单位编号>/<账号编号>.mdx，单位放在 units/<单位编号>.yaml（详见填报指南）';

  test.each([
    ['units/JSJ.yaml', 'file/name', NAME],
    ['units/计算机.yaml', 'file/name', NAME],
    ['units/a b.yaml', 'file/name', NAME],
    ['', 'file/name', NAME],
    ['units/jsj.yml', 'file/extension', '扩展名请用 .yaml（不是 .yml）'],
    ['accounts/jsj/jsj-weibo.md', 'file/extension', '账号备案文件的扩展名应为 .mdx'],
    ['pages/guide.md', 'file/unexpected', UNEXPECTED],
    ['units/jsj.yaml.bak', 'file/unexpected', UNEXPECTED],
    ['units/jsj/x.yaml', 'file/unexpected', UNEXPECTED],
    ['notes/jsj.yaml', 'file/unexpected', UNEXPECTED],
  ])('%s is refused with %s', (rel, code, message) => {
    expect(classifyPath(rel)).toEqual(fail(rel, code, message));
  });

  test('an unexpected path is reported once, on the file itself', () => {
    expect(parseFile('notes/x.yaml', 'a: 1\n')).toEqual({ findings: [fail('notes/x.yaml', 'file/unexpected', UNEXPECTED)] });
  });
});

describe('parseFile(): never throws', () => {
  const policy = 'extends: base\n';
  const message = (why: string) => `无法读取这个文件（${why}），请简化内容后重试；如仍有问题请联系管理部门`;
  const throwing = (e: Error) =>
    new Proxy({} as Record<string, string>, {
      get() {
        throw e;
      },
    });

  test('an exception while reading becomes one error finding on the file', () => {
    expect(parseFile('policy.yaml', policy, { presets: throwing(new Error('boom')) })).toEqual({
      findings: [err('policy.yaml', 1, 1, '', 'file/internal', message('内容无法处理'))],
    });
  });

  test('a stack overflow (RangeError) is reported as content nested too deep', () => {
    expect(parseFile('policy.yaml', policy, { presets: throwing(new RangeError('deep')) })).toEqual({
      findings: [err('policy.yaml', 1, 1, '', 'file/internal', message('内容嵌套过深或过于复杂'))],
    });
  });
});

describe('parseFile(): a clean file', () => {
  test('a unit is parsed with its data and the position of every field', () => {
    expect(parseFile('units/jsj.yaml', unitText())).toEqual({
      role: { kind: 'unit', id: 'jsj' },
      findings: [],
      parsed: {
        kind: 'unit',
        filing: {
          file: 'units/jsj.yaml',
          id: 'jsj',
          pos: { id: [1, 1], name: [2, 1], kind: [3, 1], parent: [4, 1], status: [5, 1], headTitle: [6, 1], owners: [7, 1], 'owners[0]': [7, 10] },
          data: { id: 'jsj', name: '计算机学院', kind: 'college', parent: 'school', status: 'active', headTitle: '党总支书记', owners: ['@qclg/jsj'] },
        },
      },
    });
  });

  test('a BOM at the start is not part of the text', () => {
    const r = parseFile('units/jsj.yaml', `\uFEFF${unitText()}`);
    expect(r.findings).toEqual([]);
    expect(r.parsed?.kind).toBe('unit');
  });

  test('an account keeps its unit as scope and its sanitised description', () => {
    const r = parseFile(ACCOUNT_FILE, accountText());
    expect(r.findings).toEqual([]);
    expect(r.parsed?.kind).toBe('account');
    const filing = r.parsed!.filing as { file: string; id: string; scope?: string; html: string; pos: Record<string, unknown> };
    expect([filing.file, filing.id, filing.scope, filing.html]).toEqual([ACCOUNT_FILE, 'jsj-weibo', 'jsj', '<p>简介。</p>']);
    // Positions are counted in the whole file: the frontmatter starts on line 2.
    expect(filing.pos.id).toEqual([2, 1]);
    expect(filing.pos['keys[0].value']).toEqual([6, 18]);
  });

  test('a page keeps its body', () => {
    expect(parseFile('pages/guide.mdx', '---\ntitle: 指南\n---\n正文\n')).toEqual({
      role: { kind: 'page', id: 'guide' },
      findings: [],
      parsed: { kind: 'page', filing: { file: 'pages/guide.mdx', id: 'guide', pos: { title: [2, 1] }, data: { title: '指南', order: 100 }, body: '正文\n' } },
    });
  });

  test('a review is scoped by its year folder', () => {
    const r = parseFile('reviews/2025/qclg-wechat.yaml', reviewText());
    expect(r.findings).toEqual([]);
    expect(r.parsed?.kind).toBe('review');
    expect((r.parsed!.filing as { scope?: string }).scope).toBe('2025');
  });
});

describe('parseFile(): frontmatter and YAML', () => {
  test('an account without --- frontmatter is refused at line 1', () => {
    expect(parseFile(ACCOUNT_FILE, 'id: jsj-weibo\n')).toEqual({
      role: { kind: 'account', scope: 'jsj', id: 'jsj-weibo' },
      findings: [err(ACCOUNT_FILE, 1, 1, '', 'frontmatter/missing', '文件开头应为 --- 包围的备案信息（YAML），正文写在第二个 --- 之后')],
    });
  });

  test('an empty frontmatter is not a mapping, reported on its first line', () => {
    expect(parseFile('pages/guide.mdx', '---\n---\n正文\n')).toEqual({
      role: { kind: 'page', id: 'guide' },
      findings: [err('pages/guide.mdx', 2, 1, '', 'yaml/not-mapping', '文件内容应为“字段: 值”形式的列表')],
    });
  });

  test('a YAML syntax error names the line inside the frontmatter, with no field', () => {
    expect(findingsOf(parseFile(ACCOUNT_FILE, '---\nid: [\n---\n'))).toEqual([
      err(ACCOUNT_FILE, 3, 1, '', 'yaml/syntax', 'YAML 格式错误：缩进有误，请检查这一行的空格（不能用 Tab）'),
    ]);
  });

  test('a YAML problem on a field names the field', () => {
    expect(onlyCode(parseFile('units/jsj.yaml', unitText({ name: '&a 计算机学院' })), 'yaml/anchor')).toEqual([
      err('units/jsj.yaml', 2, 10, 'name', 'yaml/anchor', '不允许使用 YAML 锚点（&name）'),
    ]);
  });

  test('invisible characters are reported where they are', () => {
    expect(findingsOf(parseFile('units/jsj.yaml', unitText({ headTitle: '党总支\u200B书记' })))).toEqual([
      err('units/jsj.yaml', 6, 15, '', 'text/invisible', '含有不可见字符或方向控制字符（U+200B），请删除后重新输入'),
    ]);
  });
});

describe('parseFile(): odd spaces in names', () => {
  test('an odd space in a field name is reported on that field', () => {
    expect(findingsOf(parseFile('units/jsj.yaml', `${unitText()}head\u00A0Title: x\n`))).toEqual([
      err('units/jsj.yaml', 8, 1, 'head\u00A0Title', 'text/odd-space', '字段名中有特殊空格（U+00A0），请删除后用普通字符重新输入'),
      err('units/jsj.yaml', 8, 1, 'head\u00A0Title', 'field/unknown', '不认识的字段「head\u00A0Title」：请检查拼写（区分大小写），或删除该字段'),
    ]);
  });

  test('an odd space in a name is reported; the same space in free text is not', () => {
    const msg = '编号、名称和账号标识中不能有特殊空格（U+3000，看起来像空格但与普通空格不同），请删除后重新输入';
    expect(findingsOf(parseFile('units/jsj.yaml', unitText({ name: '计算机\u3000学院' })))).toEqual([err('units/jsj.yaml', 2, 1, 'name', 'text/odd-space', msg)]);
    expect(findingsOf(parseFile('units/jsj.yaml', unitText({ headTitle: '党总支\u3000书记' })))).toEqual([]);
  });

  test('an odd space in a list item of a name field is reported on that item', () => {
    const list = `[${Array.from({ length: 11 }, (_, i) => `旧名${i}`).join(', ')}, 旧\u00A0名]`;
    expect(onlyCode(parseFile('units/jsj.yaml', unitText({ formerNames: list })), 'text/odd-space')).toEqual([
      err('units/jsj.yaml', 8, 71, 'formerNames[11]', 'text/odd-space', '编号、名称和账号标识中不能有特殊空格（U+00A0，看起来像空格但与普通空格不同），请删除后重新输入'),
    ]);
  });

  test('an odd space in a key value is reported on the key', () => {
    expect(onlyCode(parseFile(ACCOUNT_FILE, accountText({ keys: "\n  - { kind: uid, value: '51234\u00A056789' }" })), 'text/odd-space')).toEqual([
      err(ACCOUNT_FILE, 6, 18, 'keys[0].value', 'text/odd-space', '编号、名称和账号标识中不能有特殊空格（U+00A0，看起来像空格但与普通空格不同），请删除后重新输入'),
    ]);
  });

  test('only the last named part of a field decides: a text under name is not a name', () => {
    expect(onlyCode(parseFile('units/jsj.yaml', unitText({ name: '{ a1: "x\u00A0y", 1a: "x\u00A0y" }' })), 'text/odd-space')).toEqual([]);
  });

  test('a name field holding a list is looked into item by item, never as a whole', () => {
    const r = parseFile('units/jsj.yaml', unitText({ name: '[计算机\u00A0学院]' }));
    expect(onlyCode(r, 'text/odd-space').map((f) => f.field)).toEqual(['name[0]']);
    expect(onlyCode(r, 'file/internal')).toEqual([]);
  });
});

describe('parseFile(): schema errors in Chinese, on the field', () => {
  const G = GROUP_FILE;
  test.each([
    ['members', '0', [err(G, 6, 1, 'members', 'field/range', '「群成员数量」不能小于 1')]],
    ['members', '1.5', [err(G, 6, 1, 'members', 'field/type', '「群成员数量」类型不正确')]],
    ['members', "'86'", [err(G, 6, 1, 'members', 'field/type', '「群成员数量」应为数字（不加引号）')]],
    ['memberTypes', '[]', [err(G, 7, 1, 'memberTypes', 'field/range', '「覆盖人员类型」至少需要 1 项')]],
    ['memberTypes', 'x', [err(G, 7, 1, 'memberTypes', 'field/type', '「覆盖人员类型」应为列表（每一项以“- ”开头）')]],
    ['admins', '[]', [err(G, 8, 1, 'admins', 'field/range', '至少填写一名管理员')]],
    [
      'admins',
      "\n  - { name: a, mobile: '13800000012' }\n  - { name: b, mobile: '13800000012' }\n  - { name: c, mobile: '13800000012' }",
      [err(G, 8, 1, 'admins', 'field/range', '登记表最多填写两名管理员')],
    ],
    ['name', "''", [err(G, 4, 1, 'name', 'field/range', '「群名称」不能为空')]],
    ['name', '"a\\nb"', [err(G, 4, 1, 'name', 'field/invalid', '「群名称」不能换行')]],
    ['number', "'1'", [err(G, 3, 1, 'number', 'field/format', '群号格式不正确（加引号写成文本）')]],
    ['email', 'x', [err(G, 10, 1, 'email', 'field/format', '「Email」电子邮箱格式不正确')]],
    ['platform', 'qq', [err(G, 2, 1, 'platform', 'field/value', '群平台应为以下之一：other, qq-group, wechat-group, wecom-group, dingtalk-group')]],
    ['created', "'2023-02-30'", [err(G, 13, 1, 'created', 'date/invalid', '「建群日期」不是真实存在的日期')]],
    [
      'created',
      "'2023-2-3'",
      [err(G, 13, 1, 'created', 'date/format', "「建群日期」日期格式应为 'YYYY-MM-DD'（加引号）"), err(G, 13, 1, 'created', 'date/invalid', '「建群日期」不是真实存在的日期')],
    ],
    ['created', null, [err(G, 1, 1, 'created', 'field/required', '缺少必填项「建群日期」')]],
    ['head', '{ name: 李强 }', [err(G, 12, 1, 'head.mobile', 'field/invalid', '至少填写手机号码或办公电话之一')]],
    ['head', 'x', [err(G, 12, 1, 'head', 'field/type', '「部门负责人」应为包含子字段的一组内容')]],
    ['id', 'jsj-other', [err(G, 1, 1, 'id', 'file/id-mismatch', 'id 应与文件名一致（jsj-teachers）')]],
    ['unit', 'tw', [err(G, 11, 1, 'unit', 'file/unit-folder', '文件所在文件夹（jsj）应与主办单位 unit 一致')]],
  ] as Array<[string, string | null, Finding[]]>)('a work group with %s: %s', (field, value, expected) => {
    expect(parseFile(G, groupText({ [field]: value }))).toEqual({ role: { kind: 'group', scope: 'jsj', id: 'jsj-teachers' }, findings: expected });
  });

  test('a schema error points at the field name, not its value', () => {
    expect(findingsOf(parseFile('units/jsj.yaml', 'id: jsj\nname:   1\nkind: college\nstatus: active\nheadTitle: x\n'))).toEqual([
      err('units/jsj.yaml', 2, 1, 'name', 'field/type', '「单位名称」应为文字（数字、电话号码、日期请用引号括起来）'),
    ]);
  });

  test('a missing enum field is a missing field, pointed at the top of the file', () => {
    expect(findingsOf(parseFile('units/jsj.yaml', 'id: jsj\nname: 计算机学院\nstatus: active\nheadTitle: x\n'))).toEqual([
      err('units/jsj.yaml', 1, 1, 'kind', 'field/required', '缺少必填项「单位类型」'),
    ]);
  });

  test('a true/false field given text says so', () => {
    expect(onlyCode(parseFile('reviews/2025/qclg-wechat.yaml', reviewText({ violations: '{ any: x }' })), 'field/type')).toEqual([
      err('reviews/2025/qclg-wechat.yaml', 7, 15, 'violations.any', 'field/type', '「有无违规发布」应为 true 或 false'),
    ]);
  });

  test('a list item without a title of its own is named by its path', () => {
    expect(findingsOf(parseFile('units/jsj.yaml', unitText({ owners: '[1]' })))).toEqual([
      err('units/jsj.yaml', 7, 10, 'owners[0]', 'field/type', '「owners[0]」应为文字（数字、电话号码、日期请用引号括起来）'),
    ]);
  });

  test('an unknown field is named, at its own line', () => {
    expect(findingsOf(parseFile('units/jsj.yaml', unitText({ colour: 'red' })))).toEqual([
      err('units/jsj.yaml', 8, 1, 'colour', 'field/unknown', '不认识的字段「colour」：请检查拼写（区分大小写），或删除该字段'),
    ]);
  });

  test('numbers below and above their range name the bound', () => {
    const R = 'reviews/2025/qclg-wechat.yaml';
    expect(onlyCode(parseFile(R, reviewText({ year: '2101' })), 'field/range')).toEqual([err(R, 2, 1, 'year', 'field/range', '「年度」不能大于 2100')]);
    expect(onlyCode(parseFile(R, reviewText({ year: '1999' })), 'field/range')).toEqual([err(R, 2, 1, 'year', 'field/range', '「年度」不能小于 2000')]);
  });

  test('an empty key kind or value is named by its title', () => {
    const r = parseFile('impostors/x.yaml', "id: x\nkeys:\n  - { kind: '', value: '' }\n");
    expect(onlyCode(r, 'field/range')).toEqual([
      err('impostors/x.yaml', 3, 7, 'keys[0].kind', 'field/range', '「标识类型」不能为空'),
      err('impostors/x.yaml', 3, 17, 'keys[0].value', 'field/range', '「标识值」不能为空'),
    ]);
  });

  test('a missing field inside a list item points at the item', () => {
    const r = parseFile('impostors/x.yaml', 'id: x\nkeys:\n  - { kind: uid }\n');
    expect(r.findings.filter((f) => f.field.startsWith('keys'))).toEqual([err('impostors/x.yaml', 3, 5, 'keys[0].value', 'field/required', '缺少必填项「标识值」')]);
  });

  test('rules of the schema keep their own code; one about a missing field points where it is required', () => {
    const U = 'units/jsj.yaml';
    expect(findingsOf(parseFile(U, unitText({ parent: null, status: 'merged', statusDate: "'2025-01-01'" })))).toEqual([
      err(U, 4, 1, 'successor', 'unit/successor-missing', '合并或更名的单位必须填写承继单位 successor'),
    ]);
    expect(findingsOf(parseFile(U, unitText({ parent: null, successor: 'xcb' })))).toEqual([
      err(U, 7, 1, 'successor', 'unit/successor-unexpected', '正常状态的单位不应填写承继单位'),
    ]);
  });

  test('a policy value outside a list of choices, or of the wrong form, gets the generic message', () => {
    const r = parseFile('policy.yaml', "preset: '000'\nschool: { domains: [BAD] }\ntiers:\n  - { unitKinds: [bogus] }\n");
    expect(r.findings.filter((f) => f.code === 'field/value' || f.code === 'field/format')).toEqual([
      err('policy.yaml', 2, 21, 'school.domains[0]', 'field/format', '「school.domains[0]」格式不正确'),
      err('policy.yaml', 4, 19, 'tiers[0].unitKinds[0]', 'field/value', '「tiers[0].unitKinds[0]」的取值不在允许范围内'),
    ]);
  });

  test('a review year must match its folder', () => {
    const R = 'reviews/2025/qclg-wechat.yaml';
    expect(findingsOf(parseFile(R, reviewText({ year: '2024' })))).toEqual([err(R, 2, 1, 'year', 'file/year-folder', '年度 year 应与所在文件夹（2025）一致')]);
    expect(findingsOf(parseFile(R, reviewText({ account: 'other' })))).toEqual([err(R, 1, 1, 'account', 'file/id-mismatch', 'account 应与文件名一致（qclg-wechat）')]);
  });

  test('the file-name check points at the id field wherever it is', () => {
    expect(findingsOf(parseFile('units/jsj.yaml', `headTitle: x\n${yamlOf(UNIT, { id: 'xyz', headTitle: null })}\n`))).toEqual([
      err('units/jsj.yaml', 2, 1, 'id', 'file/id-mismatch', 'id 应与文件名一致（jsj）'),
    ]);
  });
});

describe('parseFile(): a policy extending a preset', () => {
  test('an unknown preset is reported on extends, listing the presets there are', () => {
    const text = "preset: '000'\nextends:   '000'\n";
    expect(findingsOf(parseFile('policy.yaml', text, { presets: { '002': 'a: 1\n', '001': 'a: 1\n' } }))).toEqual([
      err('policy.yaml', 2, 1, 'extends', 'policy/preset-unknown', '找不到预设 000（presets/000.yaml）；可用的预设：001、002'),
    ]);
    expect(findingsOf(parseFile('policy.yaml', text))).toEqual([
      err('policy.yaml', 2, 1, 'extends', 'policy/preset-unknown', '找不到预设 000（presets/000.yaml）；可用的预设：无'),
    ]);
  });

  test('a preset other than the one extended is reported on preset', () => {
    const r = parseFile('policy.yaml', "preset:   '001'\nextends: '000'\n", { presets: { '000': 'a: 1\n' } });
    expect(onlyCode(r, 'policy/preset-mismatch')).toEqual([
      err('policy.yaml', 1, 1, 'preset', 'policy/preset-mismatch', 'preset（001）与继承的预设 extends（000）不一致，请删除 preset 或改为一致'),
    ]);
    // The merged rulebook is validated: the preset's own field is unknown to the schema.
    expect(onlyCode(r, 'field/unknown')).toEqual([err('policy.yaml', 1, 1, 'a', 'field/unknown', '不认识的字段「a」：请检查拼写（区分大小写），或删除该字段')]);
  });

  test('no preset field, or the same preset, is no mismatch', () => {
    expect(onlyCode(parseFile('policy.yaml', "extends: '000'\n", { presets: { '000': 'a: 1\n' } }), 'policy/preset-mismatch')).toEqual([]);
    expect(onlyCode(parseFile('policy.yaml', "preset: '000'\nextends: '000'\n", { presets: { '000': 'a: 1\n' } }), 'policy/preset-mismatch')).toEqual([]);
  });
});

describe('parseFile(): account checks', () => {
  const A = ACCOUNT_FILE;
  const ROLE = { kind: 'account', scope: 'jsj', id: 'jsj-weibo' };

  test('a key kind the platform does not have lists the kinds it has', () => {
    expect(parseFile(A, accountText({ keys: "\n  - { kind: qq, value: '5123456789' }" }))).toEqual({
      role: ROLE,
      findings: [err(A, 6, 7, 'keys[0].kind', 'key/kind', '微博的账号标识类型只能是：uid（微博UID）、domain（个性域名）、short（登记的短链接）')],
    });
  });

  test('a platform without keys says no key can be filed', () => {
    expect(findingsOf(parseFile(A, accountText({ platform: 'wechat-group', link: null, keys: "\n  - { kind: wxid, value: 'ab' }" })))).toEqual([
      err(A, 6, 7, 'keys[0].kind', 'key/kind', '微信群的账号标识类型只能是：无（该平台没有可登记的账号标识）'),
    ]);
  });

  test('a key not in canonical form gives the canonical form, and nothing else about that key', () => {
    expect(findingsOf(parseFile(A, accountText({ keys: "\n  - { kind: uid, value: ' 5123456789' }" })))).toEqual([
      err(A, 6, 18, 'keys[0].value', 'key/not-canonical', '微博UID请写成规范形式：5123456789'),
    ]);
  });

  test('a key of the wrong format is an error on a strict kind', () => {
    expect(parseFile(A, accountText({ keys: "\n  - { kind: uid, value: '0123' }" }))).toEqual({
      role: ROLE,
      findings: [err(A, 6, 18, 'keys[0].value', 'key/format', '微博UID的格式不正确，请对照填报指南中的账号标识说明')],
    });
  });

  test('a key of the wrong format is only a warning on a kind that is not strict, and the file is used', () => {
    const r = parseFile(A, accountText({ platform: 'wechat-mp', link: null, keys: "\n  - { kind: gh, value: 'gh_0123456789ab' }\n  - { kind: wxid, value: 'ab' }" }));
    expect(r.findings).toEqual([
      { ...err(A, 7, 19, 'keys[1].value', 'key/format', '微信号的格式不正确，请对照填报指南中的账号标识说明'), severity: 'warning' },
    ]);
    expect(r.parsed?.kind).toBe('account');
  });

  test('one admin is a warning on contacts.admins, not an error', () => {
    const contacts =
      "\n  head: { name: 李强, title: 党总支书记, mobile: '13800000011' }\n  leader: { name: 周华, title: 副院长, officePhone: '0000-6120011' }\n  admins:\n    - { name: 吴敏, mobile: '13800000012' }";
    const r = parseFile(A, accountText({ contacts }));
    expect(r.findings).toEqual([{ ...err(A, 19, 3, 'contacts.admins', 'contacts/admins-few', '只登记了一名管理员，建议至少两名，以便人员变动时有人接替'), severity: 'warning' }]);
    expect(r.parsed?.kind).toBe('account');
  });

  test('a body link off the allowed hosts is an error on its body line; the policy hosts allow it', () => {
    const body = '\n\n[链接](https://example.org/x)\n';
    expect(findingsOf(parseFile(A, accountText({}, body)))).toEqual([
      err(A, 24, 1, '(正文)', 'body/link', '简介中的链接必须以 https:// 开头，并指向学校网站或所在平台'),
    ]);
    const r = parseFile(A, accountText({}, body), { linkHosts: ['example.org'] });
    expect(r.findings).toEqual([]);
    expect((r.parsed!.filing as { html: string }).html).toBe('<p><a href="https://example.org/x" rel="nofollow noopener noreferrer">链接</a></p>');
  });

  test('a phone number in the body is reported on its line and column', () => {
    expect(findingsOf(parseFile(A, accountText({}, '\n\n第二行 电话 13800000099\n')))).toEqual([
      err(A, 24, 8, '(正文)', 'privacy/contact', '公开简介中像是写了手机号码：这是公开内容，会发布到网站、开放数据和搜索中。个人的电话和邮箱请只填在联系人（contacts）的对应字段里，这里请删除'),
    ]);
  });

  test('a phone number in a public field is named by its title, or by its path when it has none', () => {
    expect(findingsOf(parseFile(A, accountText({ purpose: '电话 13800000099 联系。' })))).toEqual([
      err(A, 12, 1, 'purpose', 'privacy/contact', '「功能定位」中像是写了手机号码：这是公开内容，会发布到网站、开放数据和搜索中。个人的电话和邮箱请只填在联系人（contacts）的对应字段里，这里请删除'),
    ]);
    expect(findingsOf(parseFile(A, accountText({ formerNames: '[电话13800000099]' })))).toEqual([
      err(A, 22, 15, 'formerNames[0]', 'privacy/contact', '「formerNames[0]」中像是写了手机号码：这是公开内容，会发布到网站、开放数据和搜索中。个人的电话和邮箱请只填在联系人（contacts）的对应字段里，这里请删除'),
    ]);
  });

  test('an account whose unit is not its folder is refused', () => {
    expect(findingsOf(parseFile(A, accountText({ unit: 'tw' })))).toEqual([err(A, 8, 1, 'unit', 'file/unit-folder', '文件所在文件夹（jsj）应与主办单位 unit 一致')]);
  });
});

describe('parseFile(): push lists', () => {
  const P = 'reviews/2025/qclg-wechat.pushes.csv';
  const ROLE = { kind: 'pushList', scope: '2025', id: 'qclg-wechat' };
  const list = (rows: number) => ({ kind: 'pushList', filing: { file: P, account: 'qclg-wechat', year: 2025, rows } });
  const rowErr = (line: number, code: string, message: string) => err(P, line, 1, `row ${line}`, code, message);

  test('a list as Excel saves it (CRLF, slashes in dates, quoted commas, empty rows and columns) is read', () => {
    expect(parseFile(P, 'date,title,url\r\n2025-09-01,开学典礼,https://mp.weixin.qq.com/s/abc\r\n2025/10/1,"国庆，安排",\r\n,,,,\r\n')).toEqual({
      role: ROLE,
      findings: [],
      parsed: list(2),
    });
  });

  test('Chinese or upper-case headers and trailing empty columns are accepted', () => {
    expect(parseFile(P, '日期,标题,链接\n2025-09-01,a,\n').parsed).toEqual(list(1));
    expect(parseFile(P, 'DATE,Title,URL,,\n2025-09-01,a,\n').parsed).toEqual(list(1));
    expect(parseFile(P, 'date,title,url\r2025-09-01,a,\r').parsed).toEqual(list(1));
  });

  test('a wrong header is reported on its line, and the list is not used', () => {
    const header = err(P, 1, 1, 'header', 'pushlist/header', '推送清单第一行应为表头：date,title,url（或 日期,标题,链接）');
    expect(parseFile(P, 'date,title\n2025-09-01,a,\n')).toEqual({ role: ROLE, findings: [header] });
    expect(parseFile(P, 'date,title,url,x\n')).toEqual({ role: ROLE, findings: [header] });
    expect(parseFile(P, 'date,titles,url\n')).toEqual({ role: ROLE, findings: [header] });
    expect(parseFile(P, '\n\ndate,url,title\n')).toEqual({ role: ROLE, findings: [{ ...header, line: 3 }] });
  });

  test('each bad row is reported with its line number', () => {
    const text = '\n\ndate,title,url\n2024-09-01,a,\n2025-13-01,b,\n2025-09-01,c\n2025-09-01,d,http://x\n2025-09-01,e,https://a b\n2025-09-01,f,g,h\n2025-09-01,i,\n';
    expect(parseFile(P, text)).toEqual({
      role: ROLE,
      findings: [
        rowErr(4, 'pushlist/year', '第 4 行的推送日期 2024-09-01 不在 2025 年度内，请核对或移到对应年度的清单'),
        rowErr(5, 'pushlist/date', '第 5 行的推送日期不是真实日期，请写成 2025-01-14 或 2025/1/14 这样的格式'),
        rowErr(6, 'pushlist/row', '第 6 行应有 3 列：日期,标题,链接（含逗号的标题请用双引号括起来；在 Excel 中每项各占一格即可）'),
        rowErr(7, 'pushlist/url', '第 7 行的链接应以 https:// 开头（可留空）'),
        rowErr(8, 'pushlist/url', '第 8 行的链接应以 https:// 开头（可留空）'),
        rowErr(9, 'pushlist/row', '第 9 行应有 3 列：日期,标题,链接（含逗号的标题请用双引号括起来；在 Excel 中每项各占一格即可）'),
      ],
    });
  });

  test('an invisible character makes the list unusable', () => {
    expect(parseFile(P, 'date,title,url\n2025-09-01,a\u200B,\n')).toEqual({
      role: ROLE,
      findings: [err(P, 2, 13, '', 'text/invisible', '含有不可见字符或方向控制字符（U+200B），请删除后重新输入')],
    });
  });

  test('quoting follows CSV: doubled quotes inside quotes, a quote mid-cell is a character', () => {
    // A doubled quote inside a quoted cell is one quote, and the comma after it stays in the cell.
    expect(parseFile(P, 'date,title,url\n2025-09-01,"a"",b",\n').parsed).toEqual(list(1));
    // The doubled quote is kept: the date cell is then not a date.
    expect(findingsOf(parseFile(P, 'date,title,url\n"2025-09-01""",a,\n'))).toEqual([
      rowErr(2, 'pushlist/date', '第 2 行的推送日期不是真实日期，请写成 2025-01-14 或 2025/1/14 这样的格式'),
    ]);
    // A quote after other characters does not open quoting.
    expect(parseFile(P, 'date,title,url\n2025-09-01,ab"c,\n').parsed).toEqual(list(1));
    expect(parseFile(P, 'date,title,url\n2025-09-01," a ",\n').parsed).toEqual(list(1));
  });
});

describe('parseFile(): checks that apply to some kinds only', () => {
  test('frontmatter with CRLF, trailing blanks and no line end after the closing --- is read', () => {
    expect(parseFile('pages/guide.mdx', '---  \r\ntitle: 指南\r\n---\t')).toEqual({
      role: { kind: 'page', id: 'guide' },
      findings: [],
      parsed: { kind: 'page', filing: { file: 'pages/guide.mdx', id: 'guide', pos: { title: [2, 1] }, data: { title: '指南', order: 100 }, body: '' } },
    });
  });

  test('pages and the policy have no id to match the file name', () => {
    expect(findingsOf(parseFile('pages/guide.mdx', '---\ntitle: 指南\nid: other\n---\n'))).toEqual([
      err('pages/guide.mdx', 3, 1, 'id', 'field/unknown', '不认识的字段「id」：请检查拼写（区分大小写），或删除该字段'),
    ]);
    expect(onlyCode(parseFile('policy.yaml', 'id: other\n'), 'file/id-mismatch')).toEqual([]);
  });

  test('an id, unit or year of the wrong type is a type error only, never a mismatch with the path', () => {
    expect(findingsOf(parseFile('units/jsj.yaml', unitText({ id: '5' })))).toEqual([
      err('units/jsj.yaml', 1, 1, 'id', 'field/type', '「单位编号」应为文字（数字、电话号码、日期请用引号括起来）'),
    ]);
    expect(findingsOf(parseFile(GROUP_FILE, groupText({ unit: '5' })))).toEqual([
      err(GROUP_FILE, 11, 1, 'unit', 'field/type', '「所属部门」应为文字（数字、电话号码、日期请用引号括起来）'),
    ]);
    expect(findingsOf(parseFile('reviews/2025/qclg-wechat.yaml', reviewText({ year: "'2025'" })))).toEqual([
      err('reviews/2025/qclg-wechat.yaml', 2, 1, 'year', 'field/type', '「年度」应为数字（不加引号）'),
    ]);
  });

  test('extends in a file that is not the policy is just an unknown field', () => {
    expect(findingsOf(parseFile('units/jsj.yaml', unitText({ extends: 'base' })))).toEqual([
      err('units/jsj.yaml', 8, 1, 'extends', 'field/unknown', '不认识的字段「extends」：请检查拼写（区分大小写），或删除该字段'),
    ]);
  });

  test('an account that fails the schema gets schema findings only (no key, contact or privacy check on half-read data)', () => {
    expect(findingsOf(parseFile(ACCOUNT_FILE, accountText({ tier: 'x', purpose: '电话 13800000099', keys: "\n  - { kind: qq, value: '1' }" })))).toEqual([
      err(ACCOUNT_FILE, 9, 1, 'tier', 'field/type', '「平台级别」应为数字（不加引号）'),
    ]);
    expect(findingsOf(parseFile(ACCOUNT_FILE, accountText({ contacts: null })))).toEqual([
      err(ACCOUNT_FILE, 2, 1, 'contacts', 'field/required', '缺少必填项「管理队伍」'),
    ]);
  });

  test('body links to the platforms’ own hosts are allowed by default', () => {
    const r = parseFile(ACCOUNT_FILE, accountText({}, '\n[主页](https://weibo.com/u/5123456789)\n'));
    expect(r.findings).toEqual([]);
    expect((r.parsed!.filing as { html: string }).html).toBe('<p><a href="https://weibo.com/u/5123456789" rel="nofollow noopener noreferrer">主页</a></p>');
  });

  test('a push-list link must start with https://, not merely contain it', () => {
    const P = 'reviews/2025/qclg-wechat.pushes.csv';
    expect(findingsOf(parseFile(P, 'date,title,url\n2025-09-01,a,xhttps://a\n'))).toEqual([
      err(P, 2, 1, 'row 2', 'pushlist/url', '第 2 行的链接应以 https:// 开头（可留空）'),
    ]);
  });
});

describe('parseFile(): edges found by mutation testing', () => {
  const UNEXPECTED = '这个位置不应有此文件：账号放在 accounts/<单位编号>/<账号编号>.mdx，单位放在 units/<单位编号>.yaml（详见填报指南）';

  test('the extension rules look at the end of the path and at the accounts folder only', () => {
    expect(classifyPath('units/a.yml.yaml')).toEqual(err('units/a.yml.yaml', 1, 1, '', 'file/unexpected', UNEXPECTED));
    expect(classifyPath('pages/accounts/x.md')).toEqual(err('pages/accounts/x.md', 1, 1, '', 'file/unexpected', UNEXPECTED));
  });

  test('frontmatter must open the file', () => {
    expect(findingsOf(parseFile('pages/guide.mdx', '前言\n---\ntitle: 指南\n---\n'))).toEqual([
      err('pages/guide.mdx', 1, 1, '', 'frontmatter/missing', '文件开头应为 --- 包围的备案信息（YAML），正文写在第二个 --- 之后'),
    ]);
  });

  test('a preset mismatch points at the preset line wherever it is', () => {
    const r = parseFile('policy.yaml', "extends: '000'\npreset: '001'\n", { presets: { '000': 'a: 1\n' } });
    expect(onlyCode(r, 'policy/preset-mismatch')).toEqual([
      err('policy.yaml', 2, 1, 'preset', 'policy/preset-mismatch', 'preset（001）与继承的预设 extends（000）不一致，请删除 preset 或改为一致'),
    ]);
  });

  test('unit and year fields are compared with the folder only for the kinds that have them', () => {
    expect(findingsOf(parseFile('units/jsj.yaml', unitText({ unit: 'tw', year: '2025' })))).toEqual([
      err('units/jsj.yaml', 8, 1, 'unit', 'field/unknown', '不认识的字段「unit」：请检查拼写（区分大小写），或删除该字段'),
      err('units/jsj.yaml', 9, 1, 'year', 'field/unknown', '不认识的字段「year」：请检查拼写（区分大小写），或删除该字段'),
    ]);
    expect(findingsOf(parseFile('reviews/2025/qclg-wechat.yaml', reviewText({ year: "'2024'" })))).toEqual([
      err('reviews/2025/qclg-wechat.yaml', 2, 1, 'year', 'field/type', '「年度」应为数字（不加引号）'),
    ]);
  });

  test('a push list: the last row needs no line end, cells are trimmed, a quoted comma stays in its cell', () => {
    const P = 'reviews/2025/qclg-wechat.pushes.csv';
    const list = (rows: number) => ({ kind: 'pushList', filing: { file: P, account: 'qclg-wechat', year: 2025, rows } });
    expect(parseFile(P, 'date,title,url\n2025-09-01,a,').parsed).toEqual(list(1));
    expect(parseFile(P, ' date , title , url \n 2025-09-01 ,a, https://a.cn/x \n').parsed).toEqual(list(1));
    expect(parseFile(P, 'date,title,url\n2025-09-01,"a,b",\n').parsed).toEqual(list(1));
  });
});
