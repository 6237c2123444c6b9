/** Character-level checks shared by every filing: invisible and bidi-control characters. */

/**
 * Invisible characters (Unicode Default_Ignorable_Code_Point: zero-width spaces, joiners, soft
 * hyphen, BOM, bidi controls, Hangul fillers …), C0/C1 controls other than tab and newline, the
 * line and paragraph separators U+2028/U+2029 (a line break to JavaScript and JSON readers but not
 * to YAML: text that looks like one field to a regex and another to the parser) and the blank
 * braille pattern U+2800 (renders as a space, used to pad look-alike names). VS16 (U+FE0F) and
 * the zero-width joiner inside emoji sequences are allowed, since emoji use them.
 */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cc}\u2028\u2029\u2800]/gu;
/**
 * Combining marks (accents, enclosing marks): two in a row occur in real text (an emoji keycap is
 * VS16 + U+20E3), three or more stack into "zalgo" text that hides or overprints a name.
 */
const STACKED_MARKS = /(?:[\p{Mn}\p{Me}](?<!\uFE0F)){3,}/gu;
/**
 * Spaces other than the ASCII space: NBSP, U+3000 (ideographic space), the U+2000 block, narrow
 * NBSP … They look like a space but compare unequal, so in ids, names and keys they make two
 * names that look the same differ (a look-alike of a registered name).
 */
const ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\u3000]/gu;

/** `U+XXXX` of a character. */
export function codePointName(ch: string): string {
  return `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;
}

/** Odd spaces (NBSP, U+3000 …) in `text`, for fields where they never belong (ids, names, keys). */
export function findOddSpaces(text: string): CharHit[] {
  return [...text.matchAll(ODD_SPACES)].map((m) => ({ index: m.index, codePoint: codePointName(m[0]) }));
}
const PICTO = /\p{Extended_Pictographic}/u;

export interface CharHit {
  index: number;
  codePoint: string;
}

/** Finds invisible or control characters in `text`, as `U+XXXX` with their index. */
export function findInvisibleChars(text: string): CharHit[] {
  const hits: CharHit[] = [];
  for (const m of text.matchAll(INVISIBLE)) {
    const ch = m[0];
    const i = m.index;
    if (ch === '\n' || ch === '\r' || ch === '\t') continue;
    const before = Array.from(text.slice(Math.max(0, i - 3), i)).filter((c) => c !== '\uFE0F').pop() ?? '';
    const after = Array.from(text.slice(i + 1, i + 3))[0] ?? '';
    if (ch === '\uFE0F' && PICTO.test(before)) continue;
    if (ch === '\u200D' && PICTO.test(before) && PICTO.test(after)) continue;
    hits.push({ index: i, codePoint: codePointName(ch) });
  }
  // Stacked combining marks: the third mark in a row is named.
  for (const m of text.matchAll(STACKED_MARKS)) {
    const marks = Array.from(m[0]);
    const at = m.index + marks.slice(0, 2).join('').length;
    hits.push({ index: at, codePoint: codePointName(marks[2]!) });
  }
  if (hits.length > 1) hits.sort((a, b) => a.index - b.index);
  return hits;
}

/** Line starts of `text`, for turning offsets into 1-based line and column. */
export function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = 0; i < text.length; i++) if (text.charCodeAt(i) === 10) starts.push(i + 1);
  return starts;
}

/** 1-based line and column of `offset` given `lineStarts(text)`. */
export function positionAt(starts: number[], offset: number): { line: number; column: number } {
  let lo = 0;
  let hi = starts.length - 1;
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1;
    if (starts[mid]! <= offset) lo = mid;
    else hi = mid - 1;
  }
  return { line: lo + 1, column: offset - starts[lo]! + 1 };
}

export type ContactKind = 'mobile' | 'phone' | 'email';

/** Chinese labels of what `findContactLike` finds. */
export const CONTACT_KIND_LABELS: Record<ContactKind, string> = { mobile: '手机号码', phone: '电话号码', email: '电子邮箱' };

// Patterns run over a copy with full-width ASCII (０-９, ＠, －, （）…) folded to ASCII, one UTF-16
// unit for one, so indexes still point into the original. Separators people type inside numbers:
// spaces (ASCII, NBSP, U+3000), hyphens and dots.
const SEP = '[ \\u00A0\\u3000.\\-–—]?';
const CONTACT_PATTERNS: Array<[ContactKind, RegExp]> = [
  // Mobiles (MIIT numbering: 13x–19x, 11 digits), optionally with +86 / 0086 / 86 and separators.
  ['mobile', new RegExp(`(?<![0-9])(?:(?:\\+|00)?86${SEP}(?:\\(0\\))?)?1${SEP}[3-9](?:${SEP}[0-9]){9}(?![0-9])`, 'g')],
  // 400 / 800 service numbers: 400-xxx-xxxx.
  ['phone', new RegExp(`(?<![0-9])[48]00${SEP}[0-9]{3}${SEP}[0-9]{4}(?![0-9])`, 'g')],
  // Landlines: area code 0xx / 0xxx (optionally in brackets) and a 7–8 digit number.
  ['phone', new RegExp(`(?<![0-9])(?:\\(0[1-9][0-9]{1,2}\\)|0[1-9][0-9]{1,2})${SEP}[0-9]{3,4}${SEP}[0-9]{4}(?![0-9])`, 'g')],
  // Emails, with @ (full-width folded) or spelled out: " at ", (at), [at], " dot ".
  // Quantifiers are bounded and a match starts only at a word's start, so the scan stays linear on
  // long runs of letters (a 5,000-letter body once took seconds).
  ['email', /(?<![A-Za-z0-9._%+-])[A-Za-z0-9][A-Za-z0-9._%+-]{0,63}\s?(?:@|\s\(?at\)?\s|\(at\)|\[at\])\s?[A-Za-z0-9-]{1,63}(?:(?:\.|\s\(?dot\)?\s|\(dot\)|\[dot\])[A-Za-z0-9-]{1,63}){0,6}(?:\.|\s\(?dot\)?\s|\(dot\)|\[dot\])[A-Za-z]{2,24}(?![A-Za-z])/gi],
];

function foldWidth(text: string): string {
  let out = '';
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    out += c >= 0xff01 && c <= 0xff5e ? String.fromCharCode(c - 0xfee0) : text[i];
  }
  return out;
}

/**
 * Phone numbers, mobiles and email addresses in `text` (public text must not hold them: they
 * belong in a filing's private contact fields). Returns what was found and where, never the value.
 */
export function findContactLike(text: string): Array<{ kind: ContactKind; index: number }> {
  if (text.length < 6) return [];
  const folded = foldWidth(text);
  const out: Array<{ kind: ContactKind; index: number }> = [];
  const taken: Array<[number, number]> = [];
  for (const [kind, re] of CONTACT_PATTERNS) {
    for (const m of folded.matchAll(re)) {
      const end = m.index + m[0].length;
      if (taken.some(([s, e]) => m.index < e && end > s)) continue;
      taken.push([m.index, end]);
      out.push({ kind, index: m.index });
    }
  }
  return out.sort((a, b) => a.index - b.index);
}
