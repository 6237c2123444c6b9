// Values as office staff type them into Excel (src/domain/excel-values.ts): every accepted form
// and its nearest refused neighbour, so a changed separator, bound or prefix fails a row here.
import { describe, expect, test } from 'vitest';
import { dateToExcelSerial, excelSerialToDate, normalizeMobile, normalizeOfficePhone, parseLooseDate } from '../../src/domain/excel-values.ts';

describe('parseLooseDate()', () => {
  test.each([
    ['2024-03-05', '2024-03-05', 'the registry form itself'],
    ['2024-3-5', '2024-03-05', 'one-digit month and day are padded'],
    ['2024/3/5', '2024-03-05', 'slashes'],
    ['2024.3.5', '2024-03-05', 'dots'],
    ['2024年3月5日', '2024-03-05', '年月日'],
    ['2024年3月5', '2024-03-05', '日 may be left out'],
    ['2024-3-5日', '2024-03-05', 'a trailing 日 after dashes'],
    ['2024 - 3 - 5', '2024-03-05', 'spaces around the separators'],
    ['2024 年 3 月 5 日', '2024-03-05', 'spaces around 年月日'],
    [' 2024-3-5 ', '2024-03-05', 'surrounding spaces are trimmed on both sides'],
    ['2024-12-31', '2024-12-31', 'two-digit month and day stay'],
    ['2024/10/19', '2024-10-19', 'two-digit month and day with slashes'],
    ['２０２４/３/５', '2024-03-05', 'full-width digits'],
    ['２０１９/１０/０９', '2019-10-09', 'full-width 0 and 9 (both ends of the range)'],
    ['2024/3/5 0:00', '2024-03-05', 'Excel’s date-with-time form'],
    ['2024/3/5T08:30:15', '2024-03-05', 'ISO T and seconds'],
    ['2024-3-5  T 10:00', '2024-03-05', 'several spaces and T before the time'],
    ['2024-03-05 08:30:15.123', '2024-03-05', 'fractional seconds'],
    ['2024年3月5日 10:00', '2024-03-05', '年月日 with a time'],
  ])('%j → %s (%s)', (text, out) => expect(parseLooseDate(text)).toBe(out));

  test.each([
    ['2024.2.30', 'February 30th does not exist'],
    ['2024-13-01', 'there is no month 13'],
    ['2024-00-10', 'there is no month 0'],
    ['3/5/2024', 'day-first dates are not guessed'],
    ['24-3-5', 'two-digit years are refused'],
    ['20244-3-5', 'five-digit years are refused'],
    ['2024-123-5', 'three-digit months are refused'],
    ['2024-3-123', 'three-digit days are refused'],
    ['2024-3', 'a month without a day'],
    ['2024--3-5', 'a doubled separator'],
    ['2024_3_5', 'underscores are not separators'],
    ['2024-3-5x', 'trailing text'],
    ['x2024-3-5', 'leading text'],
    ['2024-3-5 8:30:1', 'one-digit seconds'],
    ['2024-3-5 100:00', 'three-digit hours'],
    ['2024-3-5 10:0', 'one-digit minutes'],
    ['2024-3-5 10:00:00.', 'a dot without fraction digits'],
    ['2024-3-5 :00', 'a time without hours'],
    ['2024-3-5 10', 'an hour without minutes'],
    ['', 'an empty cell'],
    ['45356', 'a serial number is not text date (dateOf handles serials)'],
  ])('%j is not a date (%s)', (text) => expect(parseLooseDate(text)).toBeUndefined());
});

describe('excelSerialToDate() and dateToExcelSerial()', () => {
  test.each([
    [45356, '2024-03-05', 'the doc comment’s example'],
    [45356.99, '2024-03-05', 'the time of day is dropped, not rounded up'],
    [45356.01, '2024-03-05', 'a little after midnight'],
    [18264, '1950-01-01', 'the first day accepted'],
    [73415, '2100-12-31', 'the last day accepted'],
    [25569, '1970-01-01', 'the Unix epoch'],
    [61, undefined, 'before 1950: not a ledger date'],
    [18263, undefined, 'the day before the first accepted day'],
    [18263.5, undefined, 'a fraction just below the first day'],
    [73416, undefined, 'the day after the last accepted day'],
    [73415.5, undefined, 'a fraction past the last whole day'],
    [Number.NaN, undefined, 'NaN'],
    [Number.POSITIVE_INFINITY, undefined, 'infinity'],
    [Number.NEGATIVE_INFINITY, undefined, 'minus infinity'],
    [0, undefined, 'zero'],
    [-45356, undefined, 'a negative number'],
  ])('serial %s → %s (%s)', (serial, out, _why) => expect(excelSerialToDate(serial)).toBe(out));

  test.each([
    ['2024-03-05', 45356],
    ['1950-01-01', 18264],
    ['2100-12-31', 73415],
    ['1970-01-01', 25569],
    ['2024-12-01', 45627],
    ['1900-03-01', 61],
  ])('dateToExcelSerial(%s) is %i, and the serial reads back as the same date', (date, serial) => {
    expect(dateToExcelSerial(date)).toBe(serial);
    if (serial >= 18264) expect(excelSerialToDate(serial)).toBe(date);
  });
});

describe('normalizeMobile()', () => {
  test.each([
    ['13800005412', '13800005412', 'eleven digits as they are'],
    ['138 0000 5412', '13800005412', 'spaces'],
    ['138-0000-5412', '13800005412', 'dashes'],
    ['138.0000.5412', '13800005412', 'dots'],
    ['(138)00005412', '13800005412', 'ASCII brackets'],
    ['（138）00005412', '13800005412', 'full-width brackets'],
    ['+86 139-0000-1234', '13900001234', '+86 with a space'],
    ['+8613900001234', '13900001234', '+86 without a space'],
    ['0086 13900001234', '13900001234', '0086'],
    ['+86-13900001234', '13900001234', '+86 and a dash'],
    [' +86 13900001234 ', '13900001234', 'surrounding spaces before the prefix'],
    ['\t13800005412\n', '13800005412', 'tabs and line breaks'],
    ['19900001234', '19900001234', 'second digit 9'],
    ['13000001234', '13000001234', 'second digit 3'],
  ])('%j → %s (%s)', (text, out) => expect(normalizeMobile(text)).toBe(out));

  test.each([
    ['1380000', 'seven digits'],
    ['1380000541', 'ten digits'],
    ['138000054123', 'twelve digits'],
    ['12800005412', 'second digit 2'],
    ['10800005412', 'second digit 0'],
    ['23800005412', 'not starting with 1'],
    ['8613800005412', '86 without + or 00 is not a prefix'],
    ['a13800005412', 'a letter before'],
    ['13800005412a', 'a letter after'],
    ['138/0000/5412', 'slashes are not separators'],
    ['', 'empty'],
    ['0571-88880000', 'an office phone'],
  ])('%j is not a mobile (%s)', (text) => expect(normalizeMobile(text)).toBeUndefined());
});

describe('normalizeOfficePhone()', () => {
  test.each([
    ['0571-88880000', '0571-88880000', 'the registry form'],
    ['0571 8888 0000', '0571-88880000', 'spaces'],
    ['0571.8888.0000', '0571-88880000', 'dots'],
    ['057188880000', '0571-88880000', 'no separator: a four-digit area code'],
    ['(0571)88880000', '0571-88880000', 'ASCII brackets round the area code'],
    ['（0571）88880000', '0571-88880000', 'full-width brackets'],
    ['(0571)8888-0000', '0571-88880000', 'brackets and a dash'],
    ['(010)62751234', '010-62751234', '010 is a three-digit area code'],
    ['02112345678', '021-12345678', '02X is a three-digit area code'],
    ['0201234567', '020-1234567', 'three-digit area code and seven digits'],
    ['010-1234567', '010-1234567', 'seven local digits are enough'],
    ['05711234567', '0571-1234567', 'four-digit area code and seven digits'],
    ['057112345678', '0571-12345678', 'eight local digits'],
    ['+86 571 88880000', '0571-88880000', '+86 becomes the trunk 0'],
    ['+86-571-88880000', '0571-88880000', '+86 and dashes'],
    ['0086 571 8888 0000', '0571-88880000', '0086'],
    ['+8610 62751234', '010-62751234', '+86 before Beijing'],
    [' +86 571 88880000', '0571-88880000', 'a leading space before +86'],
    ['0571-88880000转123', '0571-88880000-123', '转 extension'],
    ['0571-88880000转123 ', '0571-88880000-123', 'a trailing space after the extension'],
    ['0571-88880000 分机 123', '0571-88880000-123', '分机 extension'],
    ['0571 8888 0000 EXT.12', '0571-88880000-12', 'EXT. in capitals'],
    ['0571-88880000ext12', '0571-88880000-12', 'ext without a dot'],
    ['0571-88880000 x 9', '0571-88880000-9', 'x extension'],
    ['0571-88880000X123456', '0571-88880000-123456', 'six extension digits'],
    ['010-62751234转5', '010-62751234-5', 'an extension after a three-digit area code'],
    ['1234567', '1234567', 'a bare seven-digit number'],
    ['62751234', '62751234', 'a bare eight-digit number'],
    ['6137', '6137', 'a four-digit campus short number'],
    ['123456', '123456', 'a six-digit campus short number'],
    ['6 137', '6137', 'a short number typed with a space'],
  ])('%j → %s (%s)', (text, out) => expect(normalizeOfficePhone(text)).toBe(out));

  test.each([
    ['', 'empty'],
    ['abc', 'letters'],
    ['123', 'three digits'],
    ['123456789', 'nine digits without an area code'],
    ['13800005412', 'a mobile number'],
    ['010123456', 'a three-digit area code and six digits'],
    ['0571123456', 'a four-digit area code and six digits'],
    ['010123456789', 'a three-digit area code and nine digits'],
    ['0571123456789', 'a four-digit area code and nine digits'],
    ['0571-88880000转1234567', 'a seven-digit extension'],
    ['6137转12', 'a campus short number takes no extension'],
    ['0571-8888/0000', 'a slash'],
  ])('%j is not an office phone (%s)', (text) => expect(normalizeOfficePhone(text)).toBeUndefined());

  test('a mobile number with +86 or 0086 is not turned into an area code and number', () => {
    // '+86 138 0000 5412' once became '0138-00005412': no area code starts 01 except 010.
    expect(normalizeOfficePhone('+86 138 0000 5412')).toBeUndefined();
    expect(normalizeOfficePhone('+8613800005412')).toBeUndefined();
    expect(normalizeOfficePhone('0086 13900001234')).toBeUndefined();
  });
});
