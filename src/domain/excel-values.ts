/**
 * Values as office staff type them into Excel, normalised to the registry's forms: dates
 * (`2024.3.5`, `2024年3月5日`, `2024/3/5`, `2024-3-5`, Excel serial numbers, with or without a
 * time), mobile numbers (spaces, dashes, +86) and office phones (区号 with or without a dash,
 * 转 extensions). Pure.
 */
import { fromDayNumber, isRealDate } from './dates.ts';

/**
 * A date typed or saved by a spreadsheet, as `YYYY-MM-DD`, or undefined when it is not one.
 * Accepts year-first dates with `-`, `/`, `.` or 年月日 separators, one- or two-digit month and day,
 * and a trailing time (`2025/1/14 0:00`, which Excel writes for date cells formatted with time).
 */
export function parseLooseDate(text: string): string | undefined {
  const t = text.trim().replace(/[\uFF10-\uFF19]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const m = /^(\d{4})\s*(?:[-/.]|年)\s*(\d{1,2})\s*(?:[-/.]|月)\s*(\d{1,2})\s*日?(?:[ T]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/.exec(t);
  if (!m) return undefined;
  const iso = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  return isRealDate(iso) ? iso : undefined;
}

/** Excel's day 0 is 1899-12-30 (its 1900 leap-year bug included), as day numbers since 1970. */
const EXCEL_EPOCH_DAY = -25569;

/** An Excel date serial (e.g. 45356 = 2024-03-05) as `YYYY-MM-DD`, for 1950–2100; else undefined. */
export function excelSerialToDate(serial: number): string | undefined {
  if (!Number.isFinite(serial) || serial < 18264 || serial > 73415) return undefined;
  return fromDayNumber(EXCEL_EPOCH_DAY + Math.floor(serial));
}

/** A `YYYY-MM-DD` date as an Excel serial number. */
export function dateToExcelSerial(date: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return Math.round(Date.UTC(y, m - 1, d) / 86_400_000) - EXCEL_EPOCH_DAY;
}

/** A mobile number typed with spaces, dashes, dots, brackets or a +86 / 0086 prefix, as 11 digits; else undefined. */
export function normalizeMobile(text: string): string | undefined {
  const digits = text.trim().replace(/^(?:\+|00)\s*86/, '').replace(/[\s\-.()（）]/g, '');
  return /^1[3-9]\d{9}$/.test(digits) ? digits : undefined;
}

/**
 * An office phone (办公电话 / 座机) as the registry writes it: `区号-号码`, `区号-号码-分机`, a bare
 * 7–8 digit number or a campus short number; else undefined. `0571 8888 0000`, `(0571)88880000`,
 * `0571-8888-0000转123` and `+86 571 88880000` are all understood. A mobile number (with or
 * without +86) is not an office phone: `+86 138 0000 5412` must not become `0138-00005412`.
 */
export function normalizeOfficePhone(text: string): string | undefined {
  if (normalizeMobile(text)) return undefined;
  let t = text.trim().replace(/^(?:\+|00)\s*86[\s-]*/, '0').replace(/[（(]/g, '').replace(/[）)]/g, '-');
  let ext = '';
  const x = /\s*(?:转|分机|ext\.?|x)\s*(\d{1,6})$/i.exec(t);
  if (x) {
    ext = x[1]!;
    t = t.slice(0, x.index);
  }
  const digits = t.replace(/[\s\-.]/g, '');
  if (!/^\d+$/.test(digits)) return undefined;
  let out: string | undefined;
  if (/^0\d{9,11}$/.test(digits)) {
    // 010 and 02X are three-digit area codes; the rest are four digits (0571, 0874 …).
    const area = /^0(?:10|2\d)/.test(digits) ? digits.slice(0, 3) : digits.slice(0, 4);
    const local = digits.slice(area.length);
    if (local.length >= 7 && local.length <= 8) out = `${area}-${local}`;
  } else if (/^\d{7,8}$/.test(digits) || /^\d{4,6}$/.test(digits)) out = digits;
  if (!out) return undefined;
  if (ext) return /^\d{4,8}$/.test(out) ? undefined : `${out}-${ext}`;
  return out;
}
