/** Character-level checks shared by every filing: invisible and bidi-control characters. */

/**
 * Invisible characters (Unicode Default_Ignorable_Code_Point: zero-width spaces, joiners, soft
 * hyphen, BOM, bidi controls …) and C0/C1 controls other than tab and newline. VS16 (U+FE0F) and
 * the zero-width joiner inside emoji sequences are allowed, since emoji use them.
 */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cc}]/gu;
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
    hits.push({ index: i, codePoint: `U+${ch.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}` });
  }
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
