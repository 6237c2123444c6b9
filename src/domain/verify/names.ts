/**
 * Name screening: a skeleton of each name (NFKC, invisible characters removed, traditional →
 * simplified, look-alike characters folded, case, punctuation and emoji folded, stuffing words such
 * as 官方 / 官微 / 发布 removed), its pinyin and initials, and edit distance.
 *
 * Pure and dependency-free so the browser can run it: the traditional → simplified map and the
 * pinyin readings come in as small tables (`NameTables`), computed at build time from the
 * registry's names by ./tables.ts (OpenCC and pinyin-pro, which never reach the browser). The CLI
 * and the browser use the same tables from the verify index, so they give the same answers.
 */

/** Build-time tables shipped with the verify index (only the characters that matter). */
export interface NameTables {
  /** Traditional → simplified, as a string of pairs: "發发髮发…" (even index traditional, odd simplified). */
  t2s: string;
  /** Toneless pinyin syllable → every common character read that way (primary reading). */
  py: Record<string, string>;
}

/** Tables compiled for lookups. */
export interface CompiledTables {
  t2s: Map<string, string>;
  py: Map<string, string>;
}

const compiled = new WeakMap<NameTables, CompiledTables>();

/** Compiles `NameTables` into maps (memoised per tables object). */
export function compileTables(t: NameTables): CompiledTables {
  let c = compiled.get(t);
  if (c) return c;
  const t2s = new Map<string, string>();
  const pairs = Array.from(t.t2s);
  for (let i = 0; i + 1 < pairs.length; i += 2) t2s.set(pairs[i]!, pairs[i + 1]!);
  const py = new Map<string, string>();
  for (const [syl, chars] of Object.entries(t.py)) for (const ch of chars) if (!py.has(ch)) py.set(ch, syl);
  c = { t2s, py };
  compiled.set(t, c);
  return c;
}

/** Empty tables: skeletons still fold width, case, look-alikes and stuffing; no pinyin. */
export const EMPTY_TABLES: NameTables = { t2s: '', py: {} };

/**
 * Look-alike characters folded to one representative (相近文字): kana and Hangul that mimic CJK
 * strokes, CJK pairs that differ by a stroke, Cyrillic and Greek letters that mimic Latin ones,
 * digits that mimic letters. Applied after lower-casing and traditional → simplified.
 */
const LOOK_ALIKES_AS_WRITTEN: Record<string, string> = {
  // Kana / Hangul / symbols that look like CJK characters.
  エ: '工', ェ: '工', ロ: '口', 囗: '口', ㅁ: '口', カ: '力', タ: '夕', ハ: '八', ニ: '二', ー: '一', 'ｰ': '一', 'ㅡ': '一',
  ト: '卜', メ: '乂', チ: '千', ヒ: '匕', 〇: '口', 'ㄖ': '日', 'ㄇ': '冂', 'ㄒ': '丁', 'ㄚ': '丫', 'ㄈ': '匚',
  // CJK pairs that differ by a stroke or a dot.
  已: '己', 巳: '己', 末: '未', 士: '土', 曰: '日', 夭: '天', 戌: '戊', 戍: '戊', 入: '人', 候: '侯', 拆: '折', 壸: '壶',
  兔: '免', 荼: '茶', 汨: '汩', 徙: '徒', 羸: '赢', 嬴: '赢', 阮: '院', 靑: '青', 巛: '川', 刂: '川', 丶: '', 亳: '毫',
  炙: '灸', 肓: '盲', 冶: '治', 仑: '仓',
  // Cyrillic and Greek letters that look like Latin ones (after lower-casing).
  а: 'a', в: 'b', е: 'e', ё: 'e', к: 'k', м: 'm', н: 'h', о: 'o', р: 'p', с: 'c', т: 't', у: 'y', х: 'x', і: 'i', ї: 'i',
  ј: 'j', ѕ: 's', ԁ: 'd', ԛ: 'q', ԝ: 'w', ɡ: 'g', α: 'a', β: 'b', ε: 'e', ι: 'i', κ: 'k', ν: 'v', ο: 'o', ρ: 'p', τ: 't',
  υ: 'u', χ: 'x', ω: 'w', ı: 'i',
};
/**
 * The table keyed as names reach the lookup: NFKC-normalised and lower-cased (NFKC turns the
 * Hangul letters ㅁ and ㅡ, U+3141 and U+3161, into U+1106 and U+1173, so a key written as typed
 * would never match).
 */
const LOOK_ALIKES: Record<string, string> = Object.fromEntries(
  Object.entries(LOOK_ALIKES_AS_WRITTEN).map(([k, v]) => [k.normalize('NFKC').toLowerCase(), v]),
);

/**
 * Stuffing words impostors add to look official (官方 / 官微 / 发布 …), longest first. Removed from
 * the skeleton unless nothing would be left.
 */
export const STUFFING_WORDS: readonly string[] = [
  '官方账号', '官方微博', '官方微信', '官方抖音', '官方平台', '公众平台', '订阅号', '服务号', '公众号', '视频号', '头条号',
  '小红书', '哔哩哔哩', 'official', '官方', '官微', '官博', '官号', '官网', '官抖', '发布', '账号', '帐号', '微信',
  '微博', '抖音', '快手', 'b站', '频道', '平台', '唯一', '正版', '认证', '授权', '总号',
].sort((a, b) => b.length - a.length);

const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cc}]/gu;
const KEEP = /[\p{L}\p{N}]/u;
const HAN = /\p{Script=Han}/u;

/** The skeleton before stuffing words are removed (folded characters, letters and digits only). */
function foldChars(name: string, t: CompiledTables): string[] {
  const out: string[] = [];
  for (let ch of name.normalize('NFKC').replace(INVISIBLE, '').toLowerCase()) {
    ch = t.t2s.get(ch) ?? ch;
    ch = LOOK_ALIKES[ch] ?? ch;
    if (ch && KEEP.test(ch)) out.push(ch);
  }
  return out;
}

/** Removes stuffing words from a folded string (longest first), keeping the original when nothing would remain. */
function removeStuffing(s: string): string {
  let out = s;
  for (const w of STUFFING_WORDS) {
    out = out.split(w).join('');
  }
  return Array.from(out).length >= 2 ? out : s;
}

/**
 * The skeleton of a name: NFKC, invisible characters removed, lower case, traditional →
 * simplified, look-alike characters folded, punctuation, spaces and emoji dropped, stuffing words
 * removed. Two names with the same skeleton look the same to a reader.
 */
export function nameSkeleton(name: string, tables: NameTables = EMPTY_TABLES): string {
  return removeStuffing(foldChars(name, compileTables(tables)).join(''));
}

/** A name with everything needed to compare it: skeleton, pinyin, loose pinyin and initials. */
export interface NameForm {
  name: string;
  skeleton: string;
  /** Toneless pinyin syllables joined by spaces; unknown characters stay as themselves. */
  pinyin: string;
  /** Pinyin folded for 谐音 (zh/ch/sh → z/c/s, -ng → -n, ü → v). */
  loose: string;
  /** First letter of each syllable (ASCII runs kept whole). */
  initials: string;
}

/** Folds a syllable for near-homophones (谐音): zh/ch/sh → z/c/s, -ng → -n, ü → v. */
export function loosen(syl: string): string {
  return syl.replace(/ü/g, 'v').replace(/^([zcs])h/, '$1').replace(/ng$/, 'n');
}

/** Computes the comparable forms of a name with the given tables. */
export function nameForm(name: string, tables: NameTables = EMPTY_TABLES): NameForm {
  const t = compileTables(tables);
  const skeleton = removeStuffing(foldChars(name, t).join(''));
  // Tokens: one per Han character (its reading), ASCII runs kept whole.
  const tokens: Array<{ text: string; han: boolean }> = [];
  let ascii = '';
  const flush = () => {
    if (ascii) tokens.push({ text: ascii, han: false });
    ascii = '';
  };
  for (const ch of skeleton) {
    if (/[a-z0-9]/.test(ch)) {
      ascii += ch;
      continue;
    }
    flush();
    const reading = HAN.test(ch) ? t.py.get(ch) : undefined;
    tokens.push({ text: reading ?? ch, han: reading !== undefined });
  }
  flush();
  return {
    name,
    skeleton,
    pinyin: tokens.map((x) => x.text).join(' '),
    loose: tokens.map((x) => (x.han ? loosen(x.text) : x.text)).join(' '),
    initials: tokens.map((x) => (x.han ? x.text[0]! : x.text)).join(''),
  };
}

/** Levenshtein distance between two strings, by code point. */
export function editDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  if (x.length === 0) return y.length;
  if (y.length === 0) return x.length;
  let prev = Array.from({ length: y.length + 1 }, (_, i) => i);
  for (let i = 1; i <= x.length; i++) {
    const cur = [i];
    for (let j = 1; j <= y.length; j++) {
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (x[i - 1] === y[j - 1] ? 0 : 1));
    }
    prev = cur;
  }
  return prev[y.length]!;
}

/** How two names resemble each other, strongest first. */
export type Resemblance = 'same-skeleton' | 'homophone' | 'near-homophone' | 'edit-distance';

/** Chinese wording of each resemblance, for messages and the verdict card. */
export const RESEMBLANCE_LABELS: Record<Resemblance, string> = {
  'same-skeleton': '名称去掉形近字、繁简、全角、零宽字符、表情和“官方/发布”等字样后相同',
  homophone: '名称读音（拼音）相同',
  'near-homophone': '名称读音相近（谐音）',
  'edit-distance': '名称只差一两个字',
};

/**
 * Whether two names resemble each other, and how. `strict` (the validator, comparing registered
 * names) uses exact pinyin and one substituted character (names of 5 or more); otherwise (screening
 * a pasted name) near-homophones and one edit (4 or more characters), two for 8 or more, count too. Null when they are simply different.
 */
export function compareNames(a: NameForm, b: NameForm, strict = false): Resemblance | null {
  if (!a.skeleton || !b.skeleton) return null;
  if (a.skeleton === b.skeleton) return 'same-skeleton';
  const la = Array.from(a.skeleton).length;
  const lb = Array.from(b.skeleton).length;
  const min = Math.min(la, lb);
  if (min >= 2 && a.pinyin === b.pinyin && hasHan(a.skeleton) && hasHan(b.skeleton)) return 'homophone';
  if (!strict && min >= 3 && a.loose === b.loose && hasHan(a.skeleton) && hasHan(b.skeleton)) return 'near-homophone';
  if (Math.abs(la - lb) > 2) return null;
  // Strict (registered names): one substituted character in names of 5 or more; an added
  // character usually names a different body (研究生 / 研究生会), so it does not count.
  if (strict && la !== lb) return null;
  // Names that differ in their numbers (软件工程2201班 / 2202班) are different bodies.
  if (a.skeleton.replace(/\D/g, '') !== b.skeleton.replace(/\D/g, '')) return null;
  const limit = strict ? (min >= 5 ? 1 : 0) : min >= 8 ? 2 : min >= 4 ? 1 : 0;
  if (limit > 0 && editDistance(a.skeleton, b.skeleton) <= limit) return 'edit-distance';
  return null;
}

function hasHan(s: string): boolean {
  return HAN.test(s);
}

/** How a pasted name uses a protected name (the school's name, its short names, a unit's name). */
export type ProtectedUse = 'contains' | 'contains-homophone' | 'pinyin' | 'initials' | 'resembles';

/** Chinese wording of how a protected name (`what` is e.g. 学校简称“青川理工”) is used. */
export function describeProtectedUse(use: ProtectedUse, what: string): string {
  switch (use) {
    case 'contains':
      return `名称中含有${what}`;
    case 'contains-homophone':
      return `名称中含有与${what}读音相同或相近的字`;
    case 'pinyin':
      return `账号名使用了${what}的拼音`;
    case 'initials':
      return `账号名使用了${what}的拼音首字母缩写`;
    case 'resembles':
      return `名称与${what}相似`;
  }
}

/**
 * Whether `input` uses the protected name `p`: contains its skeleton (at least `minChars`
 * characters), contains its pinyin syllable for syllable (3 syllables or more), or, for an ASCII
 * handle, contains its full pinyin (6 letters or more) or its initials (4 letters or more; only
 * when `initials` is allowed, i.e. for the school's names).
 */
export function usesProtectedName(input: NameForm, p: NameForm, opts: { minChars: number; initials: boolean }): ProtectedUse | null {
  const plen = Array.from(p.skeleton).length;
  if (plen >= opts.minChars && input.skeleton.includes(p.skeleton)) return 'contains';
  const syl = p.loose.split(' ').length;
  if (syl >= 3 && hasHan(p.skeleton) && ` ${input.loose} `.includes(` ${p.loose} `)) return 'contains-homophone';
  if (/^[a-z0-9]+$/.test(input.skeleton) && hasHan(p.skeleton)) {
    const full = p.pinyin.replace(/ /g, '').replace(/ü/g, 'v');
    if (full.length >= 6 && /^[a-z]+$/.test(full) && input.skeleton.includes(full)) return 'pinyin';
    if (opts.initials && p.initials.length >= 4 && /^[a-z]+$/.test(p.initials) && input.skeleton.includes(p.initials)) return 'initials';
  }
  return null;
}

/**
 * School-type suffixes (办学层次/类型), longest first: the part of a school's name that impostors swap
 * (学院 → 大学) or abbreviate (师范大学 → 师大). What precedes it is the school's own core name.
 */
export const SCHOOL_TYPES: readonly string[] = [
  '职业技术师范大学', '职业技术师范学院', '高等职业技术学校', '职业技术大学', '职业技术学院', '高等专科学校', '师范高等专科学校',
  '职业大学', '职业学院', '师范大学', '师范学院', '开放大学', '专科学校', '大学', '学院', '学校', '师大', '师院', '职院', '职大', '高专',
].sort((a, b) => b.length - a.length);

/**
 * Families of school types an impostor swaps within (学院 ↔ 大学 ↔ 学校; 师范学院 ↔ 师院 ↔ 师大;
 * 职业技术学院 ↔ 职院 …). Swaps stay within a family: 宁夏职业技术学院 → 宁夏大学 would name another,
 * real university.
 */
const TYPE_FAMILIES: ReadonlyArray<readonly string[]> = [
  ['大学', '学院', '学校'],
  ['师范大学', '师范学院', '师大', '师院', '职业技术师范大学', '职业技术师范学院'],
  ['职业技术学院', '职业学院', '职业大学', '职业技术大学', '职院', '职大', '高等职业技术学校'],
  ['高等专科学校', '专科学校', '高专', '师范高等专科学校'],
  ['开放大学', '开大'],
];

/** A protected form derived from the school's full name, with what makes it differ. */
export interface SchoolVariant {
  name: string;
  /** Chinese: how it differs from the full name (把“学院”换成了“大学”, 截去了“院”). */
  note: string;
}

/** Splits a school's full name into its core and its type suffix (青川理工 + 学院); null without a known type. */
export function splitSchoolName(full: string): { core: string; type: string } | null {
  for (const t of SCHOOL_TYPES) if (full.endsWith(t) && Array.from(full).length > Array.from(t).length + 1) return { core: full.slice(0, -t.length), type: t };
  return null;
}

/**
 * The look-alike forms of a school's full name that impostors use: the type swapped (青川理工大学,
 * 青川理工学校, 曲靖师大) and truncations (青川理工学: the name cut short by one or more characters,
 * keeping at least the core and 4 characters). The full name itself and the core are not included.
 */
export function schoolNameVariants(full: string): SchoolVariant[] {
  const sp = splitSchoolName(full);
  if (!sp) return [];
  const out: SchoolVariant[] = [];
  const seen = new Set([full]);
  const push = (name: string, note: string) => {
    if (seen.has(name)) return;
    seen.add(name);
    out.push({ name, note });
  };
  const family = TYPE_FAMILIES.find((f) => f.includes(sp.type)) ?? [];
  // A core of two characters is usually a place (北京, 宁夏): 北京 + 学院 would be another school.
  const plain = family === TYPE_FAMILIES[0];
  if (!plain || Array.from(sp.core).length >= 3) for (const t of family) if (t !== sp.type) push(sp.core + t, `把“${sp.type}”换成了“${t}”`);
  const chars = Array.from(full);
  const coreLen = Array.from(sp.core).length;
  for (let n = chars.length - 1; n > coreLen && n >= 4; n--) push(chars.slice(0, n).join(''), `截去了“${chars.slice(n).join('')}”`);
  return out;
}

/** Latin initials of a name by its readings (青川理工 → qclg); '' when a character has no reading. */
export function latinInitials(form: NameForm): string {
  return /^[a-z]+$/.test(form.initials) ? form.initials : '';
}

const FULL_WIDTH = /[\uff01-\uff5e\u3000]/u;
const SCRIPT_NAMES: Array<[RegExp, string]> = [
  [/\p{Script=Katakana}|\p{Script=Hiragana}/u, '日文假名'],
  [/\p{Script=Hangul}/u, '韩文字母'],
  [/\p{Script=Cyrillic}/u, '西里尔字母'],
  [/\p{Script=Greek}/u, '希腊字母'],
];

/**
 * What differs between a pasted name and the protected or official name it imitates, in short
 * Chinese phrases for the verdict (“學”是繁体, 多了“官方”, 含全角字符“Ｑ”, “清”与“青”同音 …).
 * Empty when nothing specific can be said.
 */
export function explainDifference(input: string, target: string, tables: NameTables = EMPTY_TABLES): string[] {
  const t = compileTables(tables);
  const out: string[] = [];
  const add = (s: string) => {
    if (!out.includes(s)) out.push(s);
  };
  if (/[\p{Default_Ignorable_Code_Point}]/u.test(input)) add('含有不可见字符（零宽空格等）');
  const fw = Array.from(input).filter((c) => FULL_WIDTH.test(c) && c !== '\u3000');
  if (fw.length) add(`含全角字符“${fw.slice(0, 3).join('')}”`);
  if (/\s/u.test(input.trim()) && !/\s/u.test(target)) add('多了空格');
  for (const ch of Array.from(input.normalize('NFKC'))) {
    const lower = ch.toLowerCase();
    const simp = t.t2s.get(lower);
    if (simp && simp !== lower && !target.includes(ch)) add(`“${ch}”是繁体（“${simp}”）`);
    const alike = LOOK_ALIKES[simp ?? lower];
    if (alike && !target.includes(ch)) {
      const script = SCRIPT_NAMES.find(([re]) => re.test(ch))?.[1];
      add(`“${ch}”是${script ?? '形近字'}，形似“${alike}”`);
    }
  }
  // Stuffing words in the input that the target lacks.
  const fi = foldChars(input, t).join('');
  const ft = foldChars(target, t).join('');
  let rest = fi;
  for (const w of STUFFING_WORDS) {
    if (rest.includes(w) && !ft.includes(w)) {
      add(`多了“${w}”`);
      rest = rest.split(w).join('');
    }
  }
  const extra = Array.from(input).filter((c) => !KEEP.test(c.normalize('NFKC')) && !/\s|[\p{Default_Ignorable_Code_Point}]/u.test(c) && !target.includes(c));
  if (extra.length) add(`多了符号“${extra.slice(0, 4).join('')}”`);
  // Character differences on the skeletons.
  const a = Array.from(removeStuffing(rest));
  const b = Array.from(removeStuffing(ft));
  const pyOf = (c: string) => t.py.get(c);
  if (a.join('') === b.join('')) return out;
  if (a.length === b.length) {
    for (let i = 0; i < a.length; i++) {
      if (a[i] === b[i]) continue;
      const pa = pyOf(a[i]!);
      const pb = pyOf(b[i]!);
      if (pa && pa === pb) add(`“${a[i]}”与“${b[i]}”同音`);
      else if (pa && pb && loosen(pa) === loosen(pb)) add(`“${a[i]}”与“${b[i]}”读音相近`);
      else add(`“${b[i]}”换成了“${a[i]}”`);
    }
    return out;
  }
  // Insertions and deletions: common prefix and suffix, the middle is what was added or removed.
  let p = 0;
  while (p < a.length && p < b.length && a[p] === b[p]) p++;
  let s = 0;
  while (s < a.length - p && s < b.length - p && a[a.length - 1 - s] === b[b.length - 1 - s]) s++;
  const ma = a.slice(p, a.length - s).join('');
  const mb = b.slice(p, b.length - s).join('');
  if (ma && !mb) add(`多了“${ma}”`);
  else if (mb && !ma) add(`少了“${mb}”`);
  else if (ma && mb) add(`“${mb}”换成了“${ma}”`);
  return out;
}
