// Name screening: nameSkeleton(), nameForm(), compareNames(), usesProtectedName() with build-time
// tables. Homophones, traditional/simplified, look-alike characters, full-width, zero-width, emoji
// and stuffing words must collide; genuinely different names must stay distinct.
import { describe, expect, test } from 'vitest';
import { compareNames, editDistance, nameForm, nameSkeleton, usesProtectedName, type Resemblance } from '../src/domain/verify/names.ts';
import { buildNameTables } from '../src/domain/verify/tables.ts';

const REGISTERED = [
  '青川理工学院', '青川理工', '青理工', 'QCLG新闻', 'qclgnews', '未来学院', '土木工程学院', '日新书院', '人文学院', '计算机学院',
  '青川理工图书馆', '青川理工学生会', '青川理工学院招生办', '化学化工学院', '经济管理学院', '青年志愿者协会', '数学学院',
  '电子信息学院', '法学院', '美术学院', '招生办', '软件工程2201班', '青川理工青年', '青川理工研究生', '外国语学院', '团委',
  '图书馆', '青川理工外院',
];
const tables = buildNameTables(REGISTERED);
const form = (s: string) => nameForm(s, tables);

// [behaviour, pasted name, registered name, expected resemblance]
const COLLIDE: Array<[string, string, string, Resemblance]> = [
  ['traditional characters', '青川理工學院', '青川理工学院', 'same-skeleton'],
  ['traditional 圖書館', '青川理工圖書館', '青川理工图书馆', 'same-skeleton'],
  ['traditional 學生會', '青川理工學生會', '青川理工学生会', 'same-skeleton'],
  ['a zero-width space', '青川理工\u200b学院', '青川理工学院', 'same-skeleton'],
  ['a zero-width joiner and traditional', '青\u200d川理工學院', '青川理工学院', 'same-skeleton'],
  ['a left-to-right mark', '\u200e青川理工学院', '青川理工学院', 'same-skeleton'],
  ['a soft hyphen', '青川\u00ad理工学院', '青川理工学院', 'same-skeleton'],
  ['a variation selector', '青川理工学院\ufe0f', '青川理工学院', 'same-skeleton'],
  ['a Hangul filler', '青川理工学院\u3164', '青川理工学院', 'same-skeleton'],
  ['a BOM', '\ufeff青川理工学院', '青川理工学院', 'same-skeleton'],
  ['full-width Latin letters', 'ＱＣＬＧ新闻', 'QCLG新闻', 'same-skeleton'],
  ['ASCII case', 'qclg新闻', 'QCLG新闻', 'same-skeleton'],
  ['a Kangxi radical for 工', '青川理\u2f2f学院', '青川理工学院', 'same-skeleton'],
  ['an emoji', '青川理工学院🎓', '青川理工学院', 'same-skeleton'],
  ['emoji padding on both sides', '✨青川理工学院✨', '青川理工学院', 'same-skeleton'],
  ['an emoji ZWJ sequence', '👩‍🎓青川理工学院', '青川理工学院', 'same-skeleton'],
  ['punctuation', '「青川·理工学院」', '青川理工学院', 'same-skeleton'],
  ['spaces and a full-width space', '青 川 理 工　学 院', '青川理工学院', 'same-skeleton'],
  ['stuffing 官方', '青川理工学院官方', '青川理工学院', 'same-skeleton'],
  ['stuffing 官微', '青川理工学院官微', '青川理工学院', 'same-skeleton'],
  ['stuffing 发布', '青川理工学院发布', '青川理工学院', 'same-skeleton'],
  ['stuffing 官方微博', '青川理工学院官方微博', '青川理工学院', 'same-skeleton'],
  ['stuffing 官博 in front', '官博青川理工学院', '青川理工学院', 'same-skeleton'],
  ['stuffing 公众号 and 官方账号', '青川理工学院公众号官方账号', '青川理工学院', 'same-skeleton'],
  ['stuffing in traditional (發佈)', '青川理工學院發佈', '青川理工学院', 'same-skeleton'],
  ['katakana エ for 工', '青川理エ学院', '青川理工学院', 'same-skeleton'],
  ['the variant 靑 for 青', '靑川理工学院', '青川理工学院', 'same-skeleton'],
  ['末 for 未', '末来学院', '未来学院', 'same-skeleton'],
  ['士 for 土', '士木工程学院', '土木工程学院', 'same-skeleton'],
  ['曰 for 日', '曰新书院', '日新书院', 'same-skeleton'],
  ['入 for 人', '入文学院', '人文学院', 'same-skeleton'],
  ['阮 for 院', '青川理工学阮', '青川理工学院', 'same-skeleton'],
  ['Cyrillic с for Latin c', 'Qсlg新闻', 'QCLG新闻', 'same-skeleton'],
  ['Cyrillic ѕ and о', 'qclgnewѕ', 'qclgnews', 'same-skeleton'],
  ['everything at once', '靑川理エ學院官方🎓\u200b', '青川理工学院', 'same-skeleton'],
  ['homophone 清', '清川理工学院', '青川理工学院', 'homophone'],
  ['homophone 轻', '轻川理工学院', '青川理工学院', 'homophone'],
  ['homophone 传', '青传理工学院', '青川理工学院', 'homophone'],
  ['homophone 里', '青川里工学院', '青川理工学院', 'homophone'],
  ['homophone 攻', '青川理攻学院', '青川理工学院', 'homophone'],
  ['homophone 园', '青川理工学园', '青川理工学院', 'homophone'],
  ['homophone and traditional', '清川理工學園', '青川理工学院', 'homophone'],
  ['near-homophone (谐音) 亲 for 青', '亲川理工学院', '青川理工学院', 'near-homophone'],
  ['near-homophone 晴川 with 官方 stuffing', '晴川里工学院官方', '青川理工学院', 'homophone'],
  ['one inserted character', '青川理工大学院', '青川理工学院', 'edit-distance'],
  ['one changed character in a longer name', '青川理工学院招生处', '青川理工学院招生办', 'edit-distance'],
];

// [behaviour, pasted name, registered name]
const DISTINCT: Array<[string, string, string]> = [
  ['another school', '北京大学', '青川理工学院'],
  ['another college', '计算机学院', '外国语学院'],
  ['a different short name', '青川大学', '青川理工学院'],
  ['two different libraries', '档案馆', '图书馆'],
  ['团委 and 学生会', '学生会', '团委'],
  ['different colleges two characters apart', '材料化工学院', '化学化工学院'],
  ['a college and its parent name', '经济学院', '经济管理学院'],
  ['different associations', '青年创业者协会', '青年志愿者协会'],
  ['different departments', '电子商务学院', '电子信息学院'],
  ['different subjects', 'qclg体育', 'QCLG新闻'],
  ['short names one character apart', '医学院', '法学院'],
  ['美术 and 音乐', '音乐学院', '美术学院'],
  ['different offices', '就业办', '招生办'],
  ['classes that differ by number', '软件工程2202班', '软件工程2201班'],
  ['an empty name after folding', '🎓🎓', '青川理工学院'],
];

// Registered names compared by the validator (strict): must stay distinct.
const STRICT_DISTINCT: Array<[string, string, string]> = [
  ['an added 会 names another body', '青川理工研究生会', '青川理工研究生'],
  ['two characters apart', '青川理工青年', '青川理工学院'],
  ['short names one character apart', '文学学院', '数学学院'],
  ['near-homophones are not flagged between registered names', '亲川理攻学院', '青川理工学院'],
];

describe('compareNames()', () => {
  test.each(COLLIDE)('collides: %s', (_l, pasted, registered, how) => {
    expect(compareNames(form(pasted), form(registered))).toBe(how);
  });
  test.each(DISTINCT)('stays distinct: %s', (_l, pasted, registered) => {
    expect(compareNames(form(pasted), form(registered))).toBeNull();
  });
  test.each(STRICT_DISTINCT)('strict mode stays distinct: %s', (_l, a, b) => {
    expect(compareNames(form(a), form(b), true)).toBeNull();
  });
  test('strict mode flags one substituted character in a name of 5 or more', () => {
    expect(compareNames(form('青川理工外院'), form('青川理工学院'), true)).toBe('edit-distance');
    expect(compareNames(form('青川理工學院'), form('青川理工学院'), true)).toBe('same-skeleton');
    expect(compareNames(form('清川理工学院'), form('青川理工学院'), true)).toBe('homophone');
  });
  test('has at least 40 name cases', () => {
    expect(COLLIDE.length + DISTINCT.length + STRICT_DISTINCT.length).toBeGreaterThanOrEqual(40);
    expect(COLLIDE.length).toBeGreaterThanOrEqual(40);
  });
});

describe('nameSkeleton()', () => {
  test.each([
    ['靑川理エ學院官方🎓', '青川理工学院'],
    ['ＱＣＬＧ新闻', 'qclg新闻'],
    ['官方', '官方'],
    ['「青川发布」', '青川'],
  ])('%s → %s', (input, out) => {
    expect(nameSkeleton(input, tables)).toBe(out);
  });
});

describe('nameForm()', () => {
  test('gives pinyin, loose pinyin and initials', () => {
    const f = form('青川理工学院');
    expect(f.pinyin).toBe('qing chuan li gong xue yuan');
    expect(f.loose).toBe('qin cuan li gon xue yuan');
    expect(f.initials).toBe('qclgxy');
  });
  test('keeps ASCII runs whole', () => {
    expect(form('QCLG新闻').initials).toBe('qclgxw');
  });
});

describe('usesProtectedName()', () => {
  const school = { minChars: 2, initials: true };
  test.each([
    ['contains the short name', '青理工表白墙', '青理工', 'contains'],
    ['contains the full name behind emoji', '🎓青川理工学院二手群', '青川理工学院', 'contains'],
    ['contains a homophone of the name', '清川理工吐槽君', '青川理工', 'contains-homophone'],
    ['uses the full pinyin as a handle', 'qingchuanligong_2024', '青川理工', 'pinyin'],
    ['uses the initials as a handle', 'qclg_ershou', '青川理工', 'initials'],
  ])('%s', (_l, input, prot, use) => {
    expect(usesProtectedName(form(input), form(prot), school)).toBe(use);
  });
  test('does not flag unrelated names', () => {
    expect(usesProtectedName(form('北京大学学生会'), form('青川理工学院'), school)).toBeNull();
    expect(usesProtectedName(form('xcb2024'), form('宣传部'), { minChars: 3, initials: false })).toBeNull();
  });
});

describe('editDistance()', () => {
  test.each([
    ['', 'abc', 3],
    ['青川理工学院', '青川理工学院', 0],
    ['青川理工学院', '青川理工大学院', 1],
    ['kitten', 'sitting', 3],
  ] as const)('%s ↔ %s = %i', (a, b, d) => {
    expect(editDistance(a, b)).toBe(d);
  });
});
