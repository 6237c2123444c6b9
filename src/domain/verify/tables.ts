/**
 * Build-time name tables: the traditional → simplified map (OpenCC) and pinyin readings
 * (pinyin-pro), limited to the characters that matter for a registry's names. Used by the verify
 * index builder and the validator; NEVER imported by browser code (the page gets the tables from
 * the verify index instead).
 */
import * as OpenCC from 'opencc-js/t2cn';
import { pinyin } from 'pinyin-pro';
import { STUFFING_WORDS, loosen, nameSkeleton, type NameTables } from './names.ts';

let fullT2s: Map<string, string> | undefined;

/** Every single-character traditional → simplified mapping OpenCC knows (t, tw, hk variants). */
function allT2s(): Map<string, string> {
  if (fullT2s) return fullT2s;
  const convs = (['t', 'tw', 'hk'] as const).map((from) => OpenCC.Converter({ from, to: 'cn' }));
  const map = new Map<string, string>();
  const ranges: Array<[number, number]> = [
    [0x3400, 0x4dbf],
    [0x4e00, 0x9fff],
  ];
  const chars: string[] = [];
  for (const [lo, hi] of ranges) for (let c = lo; c <= hi; c++) chars.push(String.fromCodePoint(c));
  // One conversion per converter over all characters, one per line (no phrase spans a newline):
  // the same result as converting each character alone, at a fraction of the cost.
  const converted = convs.map((conv) => conv(chars.join('\n')).split('\n'));
  chars.forEach((ch, i) => {
    for (const out of converted) {
      const s = out[i]!;
      if (s !== ch && Array.from(s).length === 1) {
        map.set(ch, s);
        break;
      }
    }
  });
  fullT2s = map;
  return map;
}

let common: string[] | undefined;

/** The 6,763 hanzi of GB 2312: the characters an impostor's homophone will almost surely use. */
function commonHanzi(): string[] {
  if (common) return common;
  // Every two-byte code of GB2312's hanzi rows, decoded at once.
  const bytes: number[] = [];
  for (let a = 0xb0; a <= 0xf7; a++) for (let b = 0xa1; b <= 0xfe; b++) bytes.push(a, b);
  const out = Array.from(new TextDecoder('gb2312').decode(new Uint8Array(bytes))).filter((ch) => /^\p{Script=Han}$/u.test(ch));
  common = out;
  return out;
}

const readings = new Map<string, string>();

/** The primary toneless reading of one character (`ü` kept), or '' when pinyin-pro has none. */
export function readingOf(ch: string): string {
  let r = readings.get(ch);
  if (r === undefined) {
    r = pinyin(ch, { toneType: 'none', type: 'array', v: false })[0] ?? '';
    if (!/^[a-zü]+$/.test(r)) r = '';
    readings.set(ch, r);
  }
  return r;
}

/**
 * Tables for `names`: traditional characters whose simplified form occurs in a name, and, for
 * every syllable read in a name, the common characters (GB 2312) read the same way.
 */
export function buildNameTables(names: Iterable<string>): NameTables {
  const t2s = allT2s();
  const chars = new Set<string>();
  // Stuffing words are removed from skeletons: their traditional forms (發佈, 官網 …) must fold too.
  const list = [...names, ...STUFFING_WORDS];
  const han = (ch: string) => /\p{Script=Han}/u.test(ch);
  for (const name of list)
    for (const ch of name.normalize('NFKC').toLowerCase()) {
      const s = t2s.get(ch) ?? ch;
      if (han(s)) chars.add(s);
    }
  // Readings are looked up on the skeleton, after look-alike folding: add the folded characters.
  const direct = pairsFor(t2s, chars);
  for (const name of list) for (const ch of nameSkeleton(name, { t2s: direct, py: {} })) if (han(ch)) chars.add(ch);
  // Syllables read in the names, and their near-homophones (谐音: qing ~ qin, chuan ~ cuan).
  const loose = new Set<string>();
  for (const ch of chars) {
    const r = readingOf(ch);
    if (r) loose.add(loosen(r));
  }
  const py: Record<string, string> = {};
  const wanted = new Set<string>(chars);
  const add = (ch: string) => {
    const r = readingOf(ch);
    if (!r || !loose.has(loosen(r))) return;
    if (!(py[r] ?? '').includes(ch)) py[r] = (py[r] ?? '') + ch;
    wanted.add(ch);
  };
  for (const ch of chars) add(ch);
  for (const ch of commonHanzi()) add(ch);
  const sorted: Record<string, string> = {};
  for (const k of Object.keys(py).sort()) sorted[k] = py[k]!;
  // Traditional forms of every character that matters: in a name, or read like one.
  return { t2s: pairsFor(t2s, wanted), py: sorted };
}

/** The traditional → simplified pairs whose simplified character is in `wanted`, as one string. */
function pairsFor(t2s: Map<string, string>, wanted: ReadonlySet<string>): string {
  let pairs = '';
  for (const [t, s] of [...t2s].sort((a, b) => (a[0] < b[0] ? -1 : 1))) if (wanted.has(s)) pairs += t + s;
  return pairs;
}

