// The defences of issue 13 one by one, at the core: prototype keys, odd characters, contact data
// in public text (with the public fields read off the projection), body depth and length, the
// bounded name check, and browsers that cannot start failing instead of skipping.
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { checkBody, parseFile, type AccountFiling } from '../src/domain/index.ts';
import { findContactsInPublicFields } from '../src/domain/privacy.ts';
import { toPublicAccount } from '../src/domain/public.ts';
import { findContactLike, findInvisibleChars, findOddSpaces } from '../src/domain/text.ts';
import { checkAccountNames } from '../src/domain/verify/name-rules.ts';
import { emptyRegistry } from '../src/domain/registry.ts';
import { parseStrictYaml } from '../src/domain/yaml.ts';
import { launchBrowser } from './helpers/browser.ts';
import { FIXTURES } from './helpers/registry.ts';

const ACCOUNT = await readFile(path.join(FIXTURES, 'base/accounts/jsj/jsj-weibo.mdx'), 'utf8');
const REL = 'accounts/jsj/jsj-weibo.mdx';
const withField = (line: string) => ACCOUNT.replace('filing: new\n', `filing: new\n${line}\n`);

describe('prototype keys (13.1)', () => {
  test.each(['__proto__', 'constructor', 'prototype'])('a %s key is refused with its line and never becomes data', (key) => {
    const y = parseStrictYaml(`id: a\n${key}: { approval: { number: '2020-00001' } }\n`);
    expect(y.problems).toEqual([expect.objectContaining({ code: 'yaml/forbidden-key', path: [key] })]);
    const v = y.value as Record<string, unknown>;
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(v.approval).toBeUndefined();
    expect(Object.keys(v)).toEqual(['id']);
  });

  test('an account that sets its approval through __proto__ is not parsed, and the finding names file, line and key', () => {
    const r = parseFile(REL, withField("__proto__: { approval: { number: '2020-00001', date: '2020-01-01', pr: 1 } }"));
    expect(r.parsed).toBeUndefined();
    expect(r.findings).toContainEqual(expect.objectContaining({ file: REL, line: 12, field: '__proto__', code: 'yaml/forbidden-key' }));
  });

  test('nesting deeper than any filing needs is a finding, not a stack overflow', () => {
    const block = parseStrictYaml(Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}a:`).join('\n') + ' 1\n');
    expect(block.value).toBeUndefined();
    expect(block.problems.map((p) => p.code)).toEqual(['yaml/too-deep']);
    const flow = parseStrictYaml(`a: ${'['.repeat(5000)}${']'.repeat(5000)}\n`);
    expect(flow.value).toBeUndefined();
    expect(flow.problems.length).toBeGreaterThan(0);
  });
});

describe('odd characters (13.9)', () => {
  test.each([
    ['\u2028', 'U+2028'],
    ['\u2029', 'U+2029'],
    ['\u2800', 'U+2800'],
    ['\u3164', 'U+3164'],
  ])('%j is invisible and named as %s', (ch, name) => {
    expect(findInvisibleChars(`青川${ch}理工`)).toEqual([{ index: 2, codePoint: name }]);
  });

  test('three stacked combining marks are flagged (the third named); one accent and an emoji keycap are not', () => {
    expect(findInvisibleChars('e\u0301\u0302\u0303x')).toEqual([{ index: 3, codePoint: 'U+0303' }]);
    expect(findInvisibleChars('café e\u0301')).toEqual([]);
    expect(findInvisibleChars('#\u20e3')).toEqual([]);
  });

  test('NBSP and U+3000 are odd spaces; the ASCII space is not', () => {
    expect(findOddSpaces('a\u00a0b\u3000c d')).toEqual([
      { index: 1, codePoint: 'U+00A0' },
      { index: 3, codePoint: 'U+3000' },
    ]);
  });

  test('an odd space in a name or key value is an error on that field; in the purpose it is allowed', () => {
    const named = parseFile(REL, ACCOUNT.replace('name: 青川理工计算机学院', 'name: 青川理工\u3000计算机学院'));
    expect(named.findings).toContainEqual(expect.objectContaining({ code: 'text/odd-space', field: 'name', line: 3 }));
    expect(named.findings.find((f) => f.code === 'text/odd-space')!.message).toContain('U+3000');
    const purpose = parseFile(REL, ACCOUNT.replace('发布学院新闻', '发布学院新闻\u3000'));
    expect(purpose.findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});

describe('contact data in public text (13.5)', () => {
  test.each([
    ['13805312468', 'mobile'],
    ['138 0531 2468', 'mobile'],
    ['138-0531-2468', 'mobile'],
    ['+86 139 1234 5678', 'mobile'],
    ['＋８６１３９１２３４５６７８', 'mobile'],
    ['0531-87654321', 'phone'],
    ['(0531)88886666', 'phone'],
    ['010 6275 1234', 'phone'],
    ['400-820-1234', 'phone'],
    ['wang.li@example.edu.cn', 'email'],
    ['wang.li＠example.edu.cn', 'email'],
    ['wang at example.com', 'email'],
    ['wang at example dot com', 'email'],
    ['wang(at)example.com', 'email'],
  ])('%s is found as a %s', (value, kind) => {
    expect(findContactLike(`请联系 ${value} 谢谢`)).toEqual([{ kind, index: 4 }]);
  });

  test.each(['审批号 2024-0002', '2026-11-21', 'UID 5123456789', '学号 20231234567', 'QQ群 765432109', '成立于 1958 年，共 12000 名学生', 'meet at noon'])('%s is not contact data', (text) => {
    expect(findContactLike(text)).toEqual([]);
  });

  test('every string field of the public projection is checked: a new public field is covered without a list to update', () => {
    const parsed = parseFile(REL, ACCOUNT);
    const account = (parsed.parsed!.filing as AccountFiling).data;
    // Put a mobile into every string of the filing; each string the projection shows must be found.
    const poison = (v: unknown): unknown =>
      typeof v === 'string' ? `${v} 13912345678` : Array.isArray(v) ? v.map(poison) : v && typeof v === 'object' ? Object.fromEntries(Object.entries(v).map(([k, x]) => [k, poison(x)])) : v;
    const bad = { ...(poison(account) as typeof account), history: [{ date: '2025-01-01', kind: 'scope', summary: '调整 13912345678' }], closure: { reason: '合并 13912345678' }, contentScope: '新闻 13912345678', verification: { status: 'verified', subject: '学院 13912345678' } } as typeof account;
    const projected = toPublicAccount(bad, '', { unitNames: new Map(), tierNames: new Map() });
    const shown = new Set<string>();
    const walk = (v: unknown, p: string) => {
      if (typeof v === 'string' && v.includes('13912345678')) shown.add(p);
      else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${p}[${i}]`));
      else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) walk(x, p ? `${p}.${k}` : k);
    };
    walk(projected, '');
    for (const exempt of [...shown].filter((p) => /^(keys|link)\b/.test(p))) shown.delete(exempt);
    const found = findContactsInPublicFields('account', bad);
    expect(shown.size).toBeGreaterThanOrEqual(8);
    expect(found).toHaveLength(shown.size);
    expect(found.map((f) => f.path.join('.'))).toEqual(expect.arrayContaining(['purpose', 'contentScope', 'verification.subject', 'history.0.summary', 'closure.reason', 'name']));
    // Private fields (contacts, the application reason) are where the numbers belong: never flagged.
    expect(found.some((f) => f.path[0] === 'contacts' || f.path[0] === 'reason')).toBe(false);
  });

  test('the finding names file, line and field and never echoes the value', () => {
    const r = parseFile(REL, ACCOUNT.replace('发布学院新闻和学生活动。', '投稿请发 wang.li＠example.edu.cn'));
    const f = r.findings.find((x) => x.code === 'privacy/contact')!;
    expect(f).toMatchObject({ file: REL, line: 12, field: 'purpose', severity: 'error' });
    expect(f.message).toContain('功能定位');
    expect(f.message).toContain('联系人');
    expect(f.message).not.toContain('wang.li');
    expect(r.parsed).toBeUndefined();
  });

  test('in the body, the line is named; numbers inside an allowed link are not contact data', () => {
    const r = parseFile(REL, `${ACCOUNT}欢迎关注\n\n电话 0531-87654321\n\n[主页](https://weibo.com/u/13912345678)\n`);
    const hits = r.findings.filter((x) => x.code === 'privacy/contact');
    expect(hits).toEqual([expect.objectContaining({ line: 28, field: '(正文)' })]);
  });

  test('the policy\'s report email is public on purpose and not flagged', () => {
    expect(findContactsInPublicFields('policy', { school: { name: '学校', shortNames: [] }, office: { name: '宣传部', reportEmail: 'report@example.edu.cn' }, document: { title: '办法', published: '2024-01-01' }, tiers: [], annualReview: { required: true, due: '01-31' } })).toEqual([]);
  });

  test('work groups are never published, so nothing in them is public text', () => {
    expect(findContactsInPublicFields('group', { name: '群 13912345678' })).toEqual([]);
  });
});

describe('bodies (13.4)', () => {
  test.each([
    ['nested >', '>'.repeat(3000)],
    ['nested emphasis', `${'*a _b '.repeat(200)}x${' b_ a*'.repeat(200)}`],
    ['nested lists', Array.from({ length: 40 }, (_, i) => `${'  '.repeat(i)}- a`).join('\n')],
    ['nested links', '['.repeat(3000)],
  ])('%s: a finding or a clean render, never a thrown error, in under 2 s', (_name, body) => {
    const t0 = performance.now();
    const r = checkBody(body, ['weibo.com']);
    expect(performance.now() - t0).toBeLessThan(2000);
    expect(r.problems.every((p) => p.line >= 1 && /[\u4e00-\u9fff]/.test(p.message))).toBe(true);
  });

  test('3,000 nested > is body/too-deep; a 16 KB body is body/too-long without being parsed', () => {
    expect(checkBody('>'.repeat(3000), []).problems.map((p) => p.code)).toEqual(['body/too-deep']);
    const t0 = performance.now();
    expect(checkBody(`${'- *[x](\n'.repeat(2000)}`, []).problems.map((p) => p.code)).toEqual(['body/too-long']);
    expect(performance.now() - t0).toBeLessThan(100);
  });

  test('ordinary nesting (a quote in a list, three list levels, bold in italics) still renders', () => {
    const r = checkBody('- 一\n  - 二\n    - 三 ***粗斜***\n\n> - 引用中的列表\n', []);
    expect(r.problems).toEqual([]);
    expect(r.html).toContain('<strong>粗斜</strong>');
    expect(r.html).toContain('<blockquote><ul><li>');
  });

  test('a thematic break of many dashes or stars is not nesting', () => {
    expect(checkBody(`正文\n\n${'-'.repeat(40)}\n\n${'* '.repeat(20)}\n`, []).problems).toEqual([]);
  });
});

describe('the name check is blocked per unit (13.4; the floods are in tests/name-flood.test.ts)', () => {
  const account = (i: number, name: string, unit: string, platform = 'weibo'): AccountFiling =>
    ({
      file: `accounts/${unit}/a${String(i).padStart(5, '0')}.mdx`,
      id: `a${i}`,
      pos: { name: [3, 1] },
      html: '',
      data: { id: `a${i}`, name, platform, unit, status: 'active', filing: 'backfill', dates: { opened: '2024-01-01' }, history: [] },
    }) as unknown as AccountFiling;

  test('blocked per unit: a unit that floods a key with look-alikes first cannot hide another unit\'s look-alike', () => {
    const reg = emptyRegistry();
    // u-flood files 400 names one character apart, all before anyone else (file order and dates).
    for (let i = 0; i < 400; i++) reg.accounts.push(account(i, `青川理工大学宣传部${String.fromCodePoint(0x4e00 + i)}号`, 'flood'));
    // (Of two identical names, the finding goes on the later file: see checkAccountNames.)
    reg.accounts.push(account(1000, '青川理工大学宣传部馆号', 'xcb'));
    const late = account(1001, '青川理工大学宣传部馆号', 'zz-impostor', 'douyin');
    (late.data as { dates: { opened: string } }).dates.opened = '2025-01-01';
    reg.accounts.push(late);
    const out = checkAccountNames(reg);
    const told = out.filter((f) => f.file === late.file);
    // The impostor's account is told about xcb's identical name, not only about the flood.
    expect(told.some((f) => f.code === 'name/look-alike' && f.message.includes(reg.accounts[400]!.file))).toBe(true);
  });

  test('a unit\'s own accounts of one name are never paired with each other, however many', () => {
    const reg = emptyRegistry();
    for (let i = 0; i < 3000; i++) reg.accounts.push(account(i, '青川理工大学团委', 'tw', ['weibo', 'douyin', 'bilibili'][i % 3]));
    reg.accounts.push(account(5000, '青川理工大学团委', 'zz-other'));
    const out = checkAccountNames(reg);
    expect(out.filter((f) => f.file.startsWith('accounts/tw/'))).toEqual([]);
    const other = out.filter((f) => f.file === 'accounts/zz-other/a05000.mdx');
    expect(other).toHaveLength(1);
    expect(other[0]!.message).toMatch(/等至少 \d+ 个账号/);
  });
});

describe('browser prerequisites', () => {
  test('a missing Chromium makes browser tests fail with a Chinese reason, never skip', async () => {
    const b = await launchBrowser('/nonexistent/chromium');
    await expect(b.newPage()).rejects.toThrow(/找不到 Chromium/);
    await b.close();
  });
});
