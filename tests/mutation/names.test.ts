// Name screening thresholds: how different two names may be and still be flagged. A dropped or
// loosened threshold flags unrelated bodies (or lets a look-alike through); each limit is pinned on
// both sides. ASCII names keep pinyin out of it, so only the edit-distance rule decides.
import { describe, expect, test } from 'vitest';
import { compareNames, editDistance, nameForm } from '../../src/domain/verify/names.ts';

const cmp = (a: string, b: string, strict = false) => compareNames(nameForm(a), nameForm(b), strict);

describe('compareNames(): edit-distance thresholds', () => {
  test.each([
    ['qwrtz', 'qwrtz', false, 'same-skeleton', 'identical names'],
    ['qwrt', 'qwrx', false, 'edit-distance', 'screening: one edit in a 4-character name'],
    ['qwr', 'qwx', false, null, 'REAL BUG (dropped threshold): one edit in a 3-character name is another name'],
    ['qwrtzpkm', 'qwrtzpxy', false, 'edit-distance', 'screening: two edits in an 8-character name'],
    ['qwrtzpk', 'qwrtzxy', false, null, 'screening: two edits in a 7-character name are too many'],
    ['qwrtzpkm', 'qwrtzxyv', false, null, 'screening: three edits in an 8-character name are too many'],
    ['qwrtzpkm', 'qwrtzpkmvb', false, 'edit-distance', 'screening: two added letters to an 8-character name'],
    ['qwrtzpkm', 'qwrtzpkmvbn', false, null, 'screening: three added letters (length differs by more than 2)'],
    ['qwrtz', 'qwrtx', true, 'edit-distance', 'strict: one substituted character in a 5-character name'],
    ['qwrt', 'qwrx', true, null, 'strict: names shorter than 5 need to be equal'],
    ['qwrtz', 'qwrtzx', true, null, 'strict: an added character names a different body'],
    ['qwrtzp', 'qwrtxy', true, null, 'strict: two substitutions are too many'],
    ['class2201', 'class2202', false, null, 'names that differ in their numbers are different bodies'],
    ['class2201', 'klass2201', false, 'edit-distance', 'the same numbers with one letter changed'],
    ['', 'qwrt', false, null, 'an empty name resembles nothing'],
  ])('%j vs %j (strict %s) → %s: %s', (a, b, strict, out, _why) => expect(cmp(a, b, strict)).toBe(out));

  test.each([
    ['', '', 0], ['abc', '', 3], ['', 'ab', 2], ['abc', 'abc', 0], ['abc', 'abd', 1], ['abc', 'ab', 1], ['ab', 'ba', 2], ['kitten', 'sitting', 3], ['青川理工', '青州理工', 1], ['😀a', 'a', 1],
  ])('editDistance(%j, %j) is %i', (a, b, n) => {
    expect(editDistance(a, b)).toBe(n);
    expect(editDistance(b, a)).toBe(n);
  });
});

import {
  compileTables,
  describeProtectedUse,
  EMPTY_TABLES,
  explainDifference,
  latinInitials,
  loosen,
  nameSkeleton,
  RESEMBLANCE_LABELS,
  SCHOOL_TYPES,
  schoolNameVariants,
  splitSchoolName,
  STUFFING_WORDS,
  usesProtectedName,
  type NameTables,
} from '../../src/domain/verify/names.ts';

/** Small hand-made tables: two traditional characters and the readings these tests need. */
const T = (): NameTables => ({
  t2s: '學学發发',
  py: { qing: '青清', qin: '琴', chuan: '川穿', li: '理', gong: '工', xue: '学', yuan: '院', lü: '绿', lu: '路', zhong: '中', zong: '宗', fa: '发', bu: '布' },
});

describe('compileTables()', () => {
  test('pairs traditional and simplified characters and ignores a dangling last character', () => {
    expect(compileTables({ t2s: '學学發发龍', py: {} }).t2s).toEqual(new Map([['學', '学'], ['發', '发']]));
    expect(compileTables({ t2s: '', py: {} }).t2s).toEqual(new Map());
  });

  test('a character read two ways keeps the first syllable listed', () => {
    expect(compileTables({ t2s: '', py: { xing: '行星', hang: '行' } }).py).toEqual(new Map([['行', 'xing'], ['星', 'xing']]));
  });

  test('is memoised per tables object', () => {
    const t = T();
    expect(compileTables(t)).toBe(compileTables(t));
    expect(compileTables(T())).not.toBe(compileTables(t));
  });

  test('the empty tables hold nothing', () => {
    expect(EMPTY_TABLES).toEqual({ t2s: '', py: {} });
  });
});

/** Every look-alike pair: the character and what it folds to ('' = dropped). */
const LOOK_ALIKE_PAIRS =
  'エ工|ェ工|ロ口|囗口|ㅁ口|カ力|タ夕|ハ八|ニ二|ー一|ｰ一|ㅡ一|ト卜|メ乂|チ千|ヒ匕|〇口|ㄖ日|ㄇ冂|ㄒ丁|ㄚ丫|ㄈ匚|已己|巳己|末未|士土|曰日|夭天|戌戊|戍戊|入人|候侯|拆折|壸壶|兔免|荼茶|汨汩|徙徒|羸赢|嬴赢|阮院|靑青|巛川|刂川|丶|亳毫|炙灸|肓盲|冶治|仑仓|аa|вb|еe|ёe|кk|мm|нh|оo|рp|сc|тt|уy|хx|іi|їi|јj|ѕs|ԁd|ԛq|ԝw|ɡg|αa|βb|εe|ιi|κk|νv|οo|ρp|τt|υu|χx|ωw|ıi'
    .split('|')
    .map((p) => [Array.from(p)[0]!, Array.from(p).slice(1).join('')] as const);

describe('nameSkeleton(): folding', () => {
  test.each(LOOK_ALIKE_PAIRS)('the look-alike %s folds to %j', (from, to) => {
    expect(nameSkeleton(`x${from}y`)).toBe(`x${to}y`);
  });

  test('folds width, case, invisible and control characters, punctuation, spaces and emoji', () => {
    expect(nameSkeleton('Ｑｃｌｇ\u200b 青\u0007川·理工😀！')).toBe('qclg青川理工');
    expect(nameSkeleton('青\u00ad川\ufeff2')).toBe('青川2');
  });

  test('folds traditional characters with the tables, not without them', () => {
    expect(nameSkeleton('青川學', T())).toBe('青川学');
    expect(nameSkeleton('青川學')).toBe('青川學');
  });

  test.each(STUFFING_WORDS.map((w) => [w]))('the stuffing word %s is removed', (w) => {
    expect(nameSkeleton(`青川${w}理工`)).toBe('青川理工');
  });

  test('stuffing words are removed longest first', () => {
    const lengths = STUFFING_WORDS.map((w) => Array.from(w).length);
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
    expect(STUFFING_WORDS).toHaveLength(35);
    expect(nameSkeleton('青川公众平台')).toBe('青川');
  });

  test('keeps the stuffing when fewer than two characters would remain', () => {
    expect(nameSkeleton('官方')).toBe('官方');
    expect(nameSkeleton('青官方')).toBe('青官方');
    expect(nameSkeleton('青川官方')).toBe('青川');
    expect(nameSkeleton('')).toBe('');
  });
});

describe('nameForm() and loosen()', () => {
  test('reads Han characters, keeps ASCII runs and unknown characters whole', () => {
    expect(nameForm('绿川2理工ab囧', T())).toEqual({
      name: '绿川2理工ab囧',
      skeleton: '绿川2理工ab囧',
      pinyin: 'lü chuan 2 li gong ab 囧',
      loose: 'lv cuan 2 li gon ab 囧',
      initials: 'lc2lgab囧',
    });
    expect(nameForm('ab青')).toEqual({ name: 'ab青', skeleton: 'ab青', pinyin: 'ab 青', loose: 'ab 青', initials: 'ab青' });
    expect(nameForm('')).toEqual({ name: '', skeleton: '', pinyin: '', loose: '', initials: '' });
  });

  test.each([
    ['zhong', 'zon'], ['chuan', 'cuan'], ['shang', 'san'], ['lü', 'lv'], ['nüe', 'nve'], ['qing', 'qin'], ['hang', 'han'], ['ngo', 'ngo'], ['ahz', 'ahz'], ['zha', 'za'],
  ])('loosen(%j) is %j', (s, out) => expect(loosen(s)).toBe(out));
});

describe('compareNames(): sound', () => {
  const c = (a: string, b: string, strict = false) => compareNames(nameForm(a, T()), nameForm(b, T()), strict);
  test('two names read the same are homophones from two characters on, strict or not', () => {
    expect(c('清川', '青川')).toBe('homophone');
    expect(c('清川', '青川', true)).toBe('homophone');
    expect(c('清', '青')).toBe(null);
  });

  test('near-homophones need three characters and are not used in strict mode', () => {
    expect(c('琴川工', '青川工')).toBe('near-homophone');
    expect(c('琴川', '青川')).toBe(null);
    expect(c('琴川工', '青川工', true)).toBe(null);
    expect(c('琴川理工', '青川理工')).toBe('near-homophone');
  });

  test('sound alone never joins names without Han characters', () => {
    expect(compareNames({ ...nameForm('xy'), pinyin: 'p', loose: 'p' }, { ...nameForm('zw'), pinyin: 'p', loose: 'p' })).toBe(null);
    expect(compareNames({ ...nameForm('xyz'), pinyin: 'p', loose: 'p' }, { ...nameForm('青川工', T()), pinyin: 'q', loose: 'p' })).toBe(null);
    expect(compareNames({ ...nameForm('青川工', T()), pinyin: 'q', loose: 'p' }, { ...nameForm('xyz'), pinyin: 'p', loose: 'p' })).toBe(null);
  });

  test('each resemblance has its Chinese wording', () => {
    expect(RESEMBLANCE_LABELS).toEqual({
      'same-skeleton': '名称去掉形近字、繁简、全角、零宽字符、表情和“官方/发布”等字样后相同',
      homophone: '名称读音（拼音）相同',
      'near-homophone': '名称读音相近（谐音）',
      'edit-distance': '名称只差一两个字',
    });
  });
});

describe('describeProtectedUse()', () => {
  test.each([
    ['contains', '名称中含有学校简称“青川理工”'],
    ['contains-homophone', '名称中含有与学校简称“青川理工”读音相同或相近的字'],
    ['pinyin', '账号名使用了学校简称“青川理工”的拼音'],
    ['initials', '账号名使用了学校简称“青川理工”的拼音首字母缩写'],
    ['resembles', '名称与学校简称“青川理工”相似'],
  ] as const)('%s', (use, text) => expect(describeProtectedUse(use, '学校简称“青川理工”')).toBe(text));
});

describe('usesProtectedName()', () => {
  const use = (input: string, p: string, minChars = 2, initials = true) => usesProtectedName(nameForm(input, T()), nameForm(p, T()), { minChars, initials });

  test('contains the protected skeleton when it is long enough', () => {
    expect(use('青川理工团委', '青川理工', 4)).toBe('contains');
    expect(use('青川理工团委', '青川理工', 5)).toBe('contains-homophone');
  });

  test('contains its reading syllable for syllable, from three syllables on', () => {
    expect(use('清川理工学院', '青川理工', 9)).toBe('contains-homophone');
    expect(use('琴川理学', '青川理', 9)).toBe('contains-homophone');
    expect(use('清川学', '青川', 9)).toBe(null);
    expect(use('学清川理', '青川理工', 9)).toBe(null);
    // Whole syllables only: "qin" is not "qing".
    expect(usesProtectedName({ ...nameForm('x'), skeleton: '中', loose: 'a qing cuan li' }, { ...nameForm('青川理', T()), loose: 'qin cuan li' }, { minChars: 9, initials: false })).toBe(null);
    // A protected name without Han characters has no reading to imitate.
    expect(use('가나다라', '가나다', 9)).toBe(null);
  });

  test('an ASCII handle that spells out the full pinyin, from six letters on', () => {
    expect(use('qingchuanligong', '青川理工', 9)).toBe('pinyin');
    expect(use('ligong', '理工', 9, false)).toBe('pinyin');
    expect(use('lixue', '理学', 9, false)).toBe(null);
    expect(use('lvchuanligong', '绿川理工', 9, false)).toBe('pinyin');
    expect(use('中qingchuanligong', '青川理工', 9)).toBe(null);
    expect(use('qingchuanligong中', '青川理工', 9)).toBe(null);
    expect(use('abcdefgx', 'abcdefg', 99)).toBe(null);
    expect(use('qingchuan2', '青川2', 9, false)).toBe(null);
    expect(use('2qingchuan', '2青川', 9, false)).toBe(null);
  });

  test('an ASCII handle with the initials, four letters or more and only for the school', () => {
    expect(use('qclgxyz', '青川理工', 9)).toBe('initials');
    expect(use('qclgxyz', '青川理工', 9, false)).toBe(null);
    expect(use('qcl', '青川理', 9)).toBe(null);
    expect(use('qclg2', '青川理工2', 9)).toBe(null);
    expect(use('2qclg', '2青川理工', 9)).toBe(null);
  });
});

describe('splitSchoolName() and schoolNameVariants()', () => {
  test.each(SCHOOL_TYPES.map((t) => [t]))('a name ending in %s splits off that type', (t) => {
    expect(splitSchoolName(`青川理工${t}`)).toEqual({ core: '青川理工', type: t });
  });

  test('the longest type wins, and the core keeps at least two characters', () => {
    expect(SCHOOL_TYPES).toHaveLength(21);
    expect(splitSchoolName('青川师范高等专科学校')).toEqual({ core: '青川', type: '师范高等专科学校' });
    expect(splitSchoolName('北京学院')).toEqual({ core: '北京', type: '学院' });
    expect(splitSchoolName('京学院')).toBe(null);
    expect(splitSchoolName('青川理工')).toBe(null);
  });

  test('swaps the type within its family and cuts the name short', () => {
    expect(schoolNameVariants('青川理工学院')).toEqual([
      { name: '青川理工大学', note: '把“学院”换成了“大学”' },
      { name: '青川理工学校', note: '把“学院”换成了“学校”' },
      { name: '青川理工学', note: '截去了“院”' },
    ]);
    expect(schoolNameVariants('北京理学院')).toEqual([
      { name: '北京理大学', note: '把“学院”换成了“大学”' },
      { name: '北京理学校', note: '把“学院”换成了“学校”' },
      { name: '北京理学', note: '截去了“院”' },
    ]);
    expect(schoolNameVariants('曲靖师范学院')).toEqual([
      { name: '曲靖师范大学', note: '把“师范学院”换成了“师范大学”' },
      { name: '曲靖师大', note: '把“师范学院”换成了“师大”' },
      { name: '曲靖师院', note: '把“师范学院”换成了“师院”' },
      { name: '曲靖职业技术师范大学', note: '把“师范学院”换成了“职业技术师范大学”' },
      { name: '曲靖职业技术师范学院', note: '把“师范学院”换成了“职业技术师范学院”' },
      { name: '曲靖师范学', note: '截去了“院”' },
      { name: '曲靖师范', note: '截去了“学院”' },
    ]);
    expect(schoolNameVariants('青川高等专科学校').map((v) => v.name)).toEqual(['青川专科学校', '青川高专', '青川师范高等专科学校', '青川高等专科学', '青川高等专科', '青川高等专', '青川高等']);
    expect(schoolNameVariants('青川开放大学').map((v) => v.name)).toEqual(['青川开大', '青川开放大', '青川开放']);
    expect(schoolNameVariants('青川职业技术学院').map((v) => v.name)).toEqual([
      '青川职业学院', '青川职业大学', '青川职业技术大学', '青川职院', '青川职大', '青川高等职业技术学校', '青川职业技术学', '青川职业技术', '青川职业技', '青川职业',
    ]);
  });

  test('a two-character place plus a plain type has no variants; an unknown type none either', () => {
    expect(schoolNameVariants('北京学院')).toEqual([]);
    expect(schoolNameVariants('青川理工')).toEqual([]);
  });
});

describe('latinInitials()', () => {
  test('the initials when every character has a reading, else empty', () => {
    expect(latinInitials(nameForm('青川理工', T()))).toBe('qclg');
    expect(latinInitials(nameForm('青川囧', T()))).toBe('');
    expect(latinInitials(nameForm('青川2', T()))).toBe('');
  });
});

describe('explainDifference()', () => {
  test.each([
    ['青川理工學院', '青川理工学院', ['“學”是繁体（“学”）']],
    ['青川理工學院', '青川理工學院', []],
    ['Ｑｃｌｇ青川', 'qclg青川', ['含全角字符“Ｑｃｌ”']],
    ['青Ｑ川', '青q川', ['含全角字符“Ｑ”']],
    ['青川\u3000理工', '青川理工', ['多了空格']],
    ['青川 理工', '青川理工', ['多了空格']],
    [' 青川理工 ', '青川理工', []],
    ['青川 理工', '青川 理工', []],
    ['青川\u200b理工', '青川理工', ['含有不可见字符（零宽空格等）']],
    ['清川理工', '青川理工', ['“清”与“青”同音']],
    ['琴川理工', '青川理工', ['“琴”与“青”读音相近']],
    ['中川', '宗川', ['“中”与“宗”读音相近']],
    ['路川理工', '绿川理工', ['“绿”换成了“路”']],
    ['囧川理工', '青川理工', ['“青”换成了“囧”']],
    ['青川囧工', '青川理工', ['“理”换成了“囧”']],
    ['青川理工官方', '青川理工', ['多了“官方”']],
    ['青川理工官方', '青川理工官方', []],
    ['青川發布', '青川', ['“發”是繁体（“发”）', '多了“发布”']],
    ['青川理工★', '青川理工', ['多了符号“★”']],
    ['青川理工★☆♥♦♣', '青川理工', ['多了符号“★☆♥♦”']],
    ['青川★理工', '青川★理工', []],
    ['青川理工学院', '青川理工', ['多了“学院”']],
    ['青川理工', '青川理工学院', ['少了“学院”']],
    ['青川理学院', '青川理工学院', ['少了“工”']],
    ['青青理工', '青理工', ['多了“青”']],
    ['青理工', '青青理工', ['少了“青”']],
    ['青川学院', '青川理工学院', ['少了“理工”']],
    ['青川x学院', '青川理工学院', ['“理工”换成了“x”']],
    ['x青川理工', '青川理工', ['多了“x”']],
    ['青川理工ab', '青川理工', ['多了“ab”']],
    ['青川エ学', '青川工学', ['“エ”是日文假名，形似“工”']],
    ['青川ェ学', '青川工学', ['“ェ”是日文假名，形似“工”']],
    ['青川理工а', '青川理工a', ['“а”是西里尔字母，形似“a”']],
    ['青川理工α', '青川理工a', ['“α”是希腊字母，形似“a”']],
    ['青川巳', '青川己', ['“巳”是形近字，形似“己”']],
    ['青川巳', '青川巳', []],
    ['ABCD', 'abcd', []],
  ] as const)('%j against %j', (input, target, out) => {
    expect(explainDifference(input, target, T())).toEqual(out);
  });

  test('each remark is made once', () => {
    expect(explainDifference('青川學學', '青川学学', T())).toEqual(['“學”是繁体（“学”）']);
    expect(explainDifference('清清', '青青', T())).toEqual(['“清”与“青”同音']);
  });
});

describe('names.ts: remaining edges', () => {
  test('a Han character without a reading stays whole in the initials, even outside the BMP', () => {
    expect(nameForm('青𠀀').initials).toBe('青𠀀');
    expect(nameForm('青𠀀').loose).toBe('青 𠀀');
  });

  test('compareNames() screens (not strict) by default; empty names resemble nothing, not even each other', () => {
    expect(compareNames(nameForm('qwrt'), nameForm('qwrx'))).toBe('edit-distance');
    expect(cmp('', '')).toBe(null);
    expect(cmp('qwr', 'qwrt')).toBe(null);
    expect(cmp('qwrtzpk', 'qwrtzpkmv')).toBe(null);
    expect(compareNames(nameForm('青川工', T()), nameForm('路川工', T()))).toBe(null);
  });

  test('latinInitials() needs letters only, from the first to the last', () => {
    expect(latinInitials(nameForm('2青川', T()))).toBe('');
    expect(latinInitials(nameForm('青川2', T()))).toBe('');
  });
});
