// Unit tests of the pure core: dates, strict YAML, file roles, body rendering, the shared zod.
import { describe, expect, test } from 'vitest';
import * as astroZod from 'astro/zod';
import * as zod from 'zod';
import { addDays, addMonths, beijingDate, checkBody, classifyPath, daysBetween, isRealDate, parseFile } from '../src/domain/index.ts';
import { parseStrictYaml } from '../src/domain/yaml.ts';

describe('dates', () => {
  test.each([
    ['2024-02-29', true],
    ['2023-02-29', false],
    ['2024-02-30', false],
    ['2026-04-31', false],
    ['2026-12-31', true],
    ['2026-1-05', false],
    ['20261105', false],
  ])('isRealDate(%s) is %s', (d, ok) => expect(isRealDate(d)).toBe(ok));

  test('addMonths clamps to the month end and handles leap years', () => {
    expect(addMonths('2024-01-31', 1)).toBe('2024-02-29');
    expect(addMonths('2025-01-31', 1)).toBe('2025-02-28');
    expect(addMonths('2025-12-15', 1)).toBe('2026-01-15');
    expect(addDays('2024-02-28', 2)).toBe('2024-03-01');
    expect(daysBetween('2025-12-25', '2026-01-05')).toBe(11);
  });

  test('a filing made at 23:30 Beijing time is dated that Beijing day, though it is 15:30 UTC', () => {
    expect(beijingDate(new Date('2026-05-31T15:30:00Z'))).toBe('2026-05-31');
    expect(beijingDate(new Date('2026-05-31T16:30:00Z'))).toBe('2026-06-01');
  });
});

describe('parseStrictYaml()', () => {
  test.each([
    ['a: &x 1\nb: *x\n', 'yaml/alias'],
    ['a: !!str 1\n', 'yaml/tag'],
    ['a: 1\na: 2\n', 'yaml/duplicate-key'],
    ['<<: {a: 1}\n', 'yaml/merge-key'],
    ['d: 2024-05-01\n', 'date/unquoted'],
    ['- a\n- b\n', 'yaml/not-mapping'],
    ['a: 1\n---\nb: 2\n', 'yaml/multiple-documents'],
    ['a: [1\n', 'yaml/syntax'],
  ])('%j is rejected as %s', (text, code) => {
    expect(parseStrictYaml(text).problems.map((p) => p.code)).toContain(code);
  });

  test('reads the 1.2 core schema: yes/no/on stay text, dates stay text', () => {
    const y = parseStrictYaml("a: yes\nb: on\nc: '2024-05-01'\nd: 010\ne: ~\n");
    expect(y.problems).toEqual([]);
    expect(y.value).toEqual({ a: 'yes', b: 'on', c: '2024-05-01', d: 10, e: null });
  });
});

describe('classifyPath()', () => {
  test.each([
    ['accounts/jsj/jsj-weibo.mdx', 'account'],
    ['reviews/2025/jsj-weibo.yaml', 'review'],
    ['reviews/2025/jsj-weibo.pushes.csv', 'pushList'],
    ['groups/jsj/teachers.yaml', 'group'],
    ['impostors/fake.yaml', 'impostor'],
    ['pages/guide.mdx', 'page'],
    ['policy.yaml', 'policy'],
  ])('%s is a %s', (p, kind) => expect(classifyPath(p)).toMatchObject({ kind }));

  test.each([
    ['accounts/jsj/JSJ.mdx', 'file/name'],
    ['accounts/jsj/计算机.mdx', 'file/name'],
    ['units/a b.yaml', 'file/name'],
    ['units/jsj.yml', 'file/extension'],
    ['accounts/jsj/x.md', 'file/extension'],
    ['accounts/x.mdx', 'file/unexpected'],
    ['secrets.txt', 'file/unexpected'],
  ])('%s is refused with %s', (p, code) => expect(classifyPath(p)).toMatchObject({ code }));
});

describe('checkBody()', () => {
  test('renders Markdown to escaped, whitelisted HTML', () => {
    const r = checkBody('**重要** & <通知>\n\n- [主页](https://www.qclg.edu.cn/)\n', ['qclg.edu.cn']);
    expect(r.problems.map((p) => p.code)).toEqual(['body/syntax']);
    const ok = checkBody('**重要** &amp; 通知\n\n- [主页](https://www.qclg.edu.cn/a?b=1&c=2)\n', ['qclg.edu.cn']);
    expect(ok.problems).toEqual([]);
    expect(ok.html).toBe(
      '<p><strong>重要</strong> &amp; 通知</p><ul><li><a href="https://www.qclg.edu.cn/a?b=1&amp;c=2" rel="nofollow noopener noreferrer">主页</a></li></ul>',
    );
  });

  test('gives the line of each problem within the body', () => {
    const r = checkBody('第一行\n\n{x}\n\n![a](https://weibo.com/a.png)\n', []);
    expect(r.problems.map((p) => [p.code, p.line])).toEqual([
      ['body/expression', 3],
      ['body/image', 5],
    ]);
  });
});

describe('parseFile()', () => {
  test('points body findings at their line in the file', () => {
    const text = "---\nid: a\n---\n\n第一段\n\n<b>粗</b>\n";
    const f = parseFile('accounts/u/a.mdx', text).findings.find((x) => x.code === 'body/html');
    expect(f?.line).toBe(7);
  });
  test('accepts a leading byte-order mark and still counts lines from 1', () => {
    const r = parseFile('units/u.yaml', '\uFEFFid: u\nname: 单位\nkind: office\nstatus: active\nheadTitle: 部长\n');
    expect(r.findings).toEqual([]);
    expect(r.parsed?.kind).toBe('unit');
  });
});

test('the core and astro/zod share one zod instance', () => {
  expect(astroZod.z.string).toBe(zod.string);
  expect(astroZod.ZodType).toBe(zod.ZodType);
});
