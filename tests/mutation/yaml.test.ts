// Strict YAML (filings are data): the 1.2 core schema, one document, no anchors, aliases, tags or
// merge keys, no duplicate keys, quoted dates; every problem has an offset, every field a position.
import { describe, expect, test } from 'vitest';
import { parseStrictYaml } from '../../src/domain/yaml.ts';

const codes = (text: string) => parseStrictYaml(text).problems.map((p) => p.code);

describe('parseStrictYaml(): what is refused', () => {
  test.each([
    ['a: &x 1\nb: 2\n', ['yaml/anchor'], 'an anchor'],
    ['a: &x 1\nb: *x\n', ['yaml/anchor', 'yaml/alias'], 'an alias (and its anchor)'],
    ['a: !!str 1\n', ['yaml/tag'], 'a tag'],
    ['a: !custom x\n', ['yaml/tag'], 'a custom tag'],
    ['<<: {a: 1}\n', ['yaml/merge-key'], 'a merge key'],
    ['a: 1\na: 2\n', ['yaml/duplicate-key'], 'a duplicate key'],
    ['a: 1\n---\nb: 2\n', ['yaml/multiple-documents'], 'a second document'],
    ['- a\n- b\n', ['yaml/not-mapping'], 'a list at the top'],
    ['just text\n', ['yaml/not-mapping'], 'a scalar at the top'],
    ['', ['yaml/not-mapping'], 'an empty file'],
    ['d: 2024-05-01\n', ['date/unquoted'], 'an unquoted date'],
    ['d: 2024-5-1\n', ['date/unquoted'], 'an unquoted short date'],
    ['d: 2024-05-01T10:00:00\n', ['date/unquoted'], 'an unquoted timestamp'],
    ['d: 2024-05-01 10:00\n', ['date/unquoted'], 'an unquoted date with a time'],
    ['list:\n  - 2024-05-01\n', ['date/unquoted'], 'an unquoted date in a list'],
    ['? [a, b]\n: 1\n', ['yaml/key'], 'a key that is not text'],
    ['1: x\n', ['yaml/key'], 'a number as a key'],
    ['a: [1\n', ['yaml/syntax'], 'an unclosed bracket'],
  ])('%j → %j (%s)', (text, out) => expect(codes(text)).toEqual(out));

  test.each([
    ["d: '2024-05-01'\n", 'a quoted date'],
    ['d: "2024-05-01"\n', 'a double-quoted date'],
    ['"<<": 1\n', 'a quoted << is an ordinary key'],
    ['d: 20240501\n', 'a number'],
    ['d: 2024-05\n', 'a year-month is text, not a date'],
    ['d: v2024-05-01\n', 'text that merely contains a date'],
  ])('%j is accepted (%s)', (text) => expect(codes(text)).toEqual([]));

  test('reads the 1.2 core schema: yes/no/on stay text, 010 is ten, ~ is null', () => {
    const y = parseStrictYaml("a: yes\nb: on\nc: '2024-05-01'\nd: 010\ne: ~\nf: true\ng: 1.5\nh:\n");
    expect(y.value).toEqual({ a: 'yes', b: 'on', c: '2024-05-01', d: 10, e: null, f: true, g: 1.5, h: null });
  });

  test('anchors, tags, merge keys and unquoted dates are all reported at once, and the value is still read', () => {
    const y = parseStrictYaml('a: !!str x\nb: 2024-05-01\nc: &k 1\n');
    expect(y.problems.map((p) => p.code)).toEqual(['yaml/tag', 'date/unquoted', 'yaml/anchor']);
    expect(y.value).toEqual({ a: 'x', b: '2024-05-01', c: 1 });
  });

  test.each([
    ['a: &x 1\nb: *x\n', 'an alias'],
    ['1: x\n', 'a key that is not text'],
    ['a: 1\na: 2\n', 'a syntax-level problem'],
  ])('%j (%s) stops reading: no value, and locate() points at the start', (text) => {
    const y = parseStrictYaml(text);
    expect(y.value).toBeUndefined();
    expect(y.locate(['a'])).toBe(0);
    expect([...y.offsets().keys()].length).toBeGreaterThanOrEqual(0);
  });

  test('each problem carries its offset and field path', () => {
    const y = parseStrictYaml('x: 1\nlist:\n  - ok\n  - 2024-05-01\n');
    expect(y.problems).toEqual([{ code: 'date/unquoted', message: "日期须用引号括起来，写成 'YYYY-MM-DD'", offset: 22, path: ['list', 1] }]);
    const dup = parseStrictYaml('a: 1\na: 2\n').problems[0]!;
    expect(dup).toMatchObject({ code: 'yaml/duplicate-key', message: '同一层级出现了重复的字段名', offset: 5 });
  });
});

describe('parseStrictYaml(): messages', () => {
  test.each([
    ['a: 1\n---\nb: 2\n', '一个文件只能有一份数据（不要使用第二个 ---）'],
    ['a: &x 1\n', '不允许使用 YAML 锚点（&name）'],
    ['a: !!str 1\n', '不允许使用 YAML 标签（!tag）'],
    ['1: x\n', '字段名必须是文字'],
    ['<<: {a: 1}\n', '不允许使用 YAML 合并键（<<）'],
    ['- a\n', '文件内容应为“字段: 值”形式的列表'],
    ['a:\n\tb: 1\n', 'YAML 格式错误：不能用 Tab 缩进，请改用空格'],
    ['a: "x\n', 'YAML 格式错误：缺少引号、括号或冒号'],
    ['a: b: c\n', 'YAML 格式错误：字段名写法有误，冒号后要有一个空格'],
  ])('%j → %s', (text, message) => expect(parseStrictYaml(text).problems[0]?.message).toBe(message));

  test('an alias is named as such', () => {
    expect(parseStrictYaml('a: &x 1\nb: *x\n').problems.map((p) => p.message)).toContain('不允许使用 YAML 别名（*name）');
  });

  test('an empty key is refused, not a crash', () => {
    expect(codes('? \n: 1\n')).toEqual(['yaml/key']);
  });

  test('every syntax message is Chinese and starts with YAML 格式错误', () => {
    for (const t of ['a: [1\n', 'a: }\n', 'a:\n  b: 1\n c: 2\n', ': x\n']) {
      const p = parseStrictYaml(t).problems;
      for (const x of p.filter((x) => x.code === 'yaml/syntax')) expect(x.message).toMatch(/^YAML 格式错误：[\u4e00-\u9fff]/);
    }
  });
});

describe('positions: offsets() and locate()', () => {
  const text = 'id: a\ncontacts:\n  admins:\n    - name: 张三\n      mobile: x\n    - name: 李四\nkeys: []\n';
  const y = { offsets: () => parseStrictYaml(text).offsets(), locate: (p: Array<string | number>) => parseStrictYaml(text).locate(p) };

  test('offsets() gives the key offset of each map field and the item offset of each list item', () => {
    const o = y.offsets();
    expect(o.get('id')).toBe(0);
    expect(o.get('contacts')).toBe(text.indexOf('contacts'));
    expect(o.get('contacts.admins')).toBe(text.indexOf('admins'));
    expect(o.get('contacts.admins[0]')).toBe(text.indexOf('name: 张三'));
    expect(o.get('contacts.admins[0].mobile')).toBe(text.indexOf('mobile'));
    expect(o.get('contacts.admins[1].name')).toBe(text.indexOf('name: 李四'));
    expect(o.get('keys')).toBe(text.indexOf('keys'));
  });

  test.each([
    [['contacts', 'admins', 0, 'mobile'], 'mobile', 'an existing field'],
    [['contacts', 'admins', 1], 'name: 李四', 'a list item'],
    [['contacts', 'admins', 1, 'mobile'], 'name: 李四', 'a missing field: its nearest existing ancestor'],
    [['contacts', 'head', 'name'], 'contacts', 'a missing branch: the existing root field'],
    [['nowhere'], 'id', 'a missing top-level field: the start of the document'],
    [[], 'id', 'the whole file'],
  ] as Array<[Array<string | number>, string, string]>)('locate(%j) points at %j (%s)', (path, at) => expect(y.locate(path)).toBe(text.indexOf(at)));

  test('the document may start after comments: locate() of a missing field points at the first field', () => {
    const t = '# 说明\n\nid: a\n';
    expect(parseStrictYaml(t).locate(['x'])).toBe(t.indexOf('id'));
  });

  test('a null value is kept as null and still has a position', () => {
    const t = 'a: 1\nb:\nc: 3\n';
    const v = parseStrictYaml(t);
    expect(v.value).toEqual({ a: 1, b: null, c: 3 });
    expect(v.locate(['b'])).toBe(t.indexOf('b:'));
  });
});
