// Calendar arithmetic on Beijing civil dates: every deadline in the rulebooks is computed here,
// so each boundary (first/last valid value, month ends, leap days, the UTC+8 day change) is pinned.
import { describe, expect, test } from 'vitest';
import { DATE_PATTERN, addDays, addMonths, beijingDate, dayNumber, daysBetween, daysInMonth, fromDayNumber, isRealDate } from '../../src/domain/dates.ts';

describe('isRealDate()', () => {
  test.each([
    ['1900-01-01', true, 'the first year accepted is 1900'],
    ['1899-12-31', false, 'years before 1900 are not registry dates'],
    ['2026-01-01', true, 'January 1st exists'],
    ['2026-12-31', true, 'December 31st exists'],
    ['2026-00-10', false, 'there is no month 0'],
    ['2026-13-01', false, 'there is no month 13'],
    ['2026-01-00', false, 'there is no day 0'],
    ['2026-01-31', true, 'January has 31 days'],
    ['2026-01-32', false, 'no month has 32 days'],
    ['2026-04-30', true, 'April has 30 days'],
    ['2026-04-31', false, 'April has no 31st'],
    ['2024-02-29', true, '2024 is a leap year'],
    ['2025-02-29', false, '2025 is not a leap year'],
    ['2000-02-29', true, '2000 is a leap year (divisible by 400)'],
    ['2100-02-29', false, '2100 is not a leap year (divisible by 100)'],
    [' 2026-01-01', false, 'leading text is refused'],
    ['2026-01-01 ', false, 'trailing text is refused'],
    ['x2026-01-01', false, 'a prefix is refused'],
    ['2026-01-01x', false, 'a suffix is refused'],
    ['2026-1-01', false, 'one-digit months are refused'],
    ['2026-01-1', false, 'one-digit days are refused'],
    ['226-01-01', false, 'three-digit years are refused'],
    ['2026/01/01', false, 'slashes are refused'],
    ['２０２６-01-01', false, 'full-width digits are refused'],
  ])('isRealDate(%j) is %s: %s', (text, ok) => expect(isRealDate(text)).toBe(ok));

  test('DATE_PATTERN captures year, month and day', () => {
    expect(DATE_PATTERN.exec('2026-07-09')?.slice(1)).toEqual(['2026', '07', '09']);
    expect(DATE_PATTERN.test('2026-07-09T00:00')).toBe(false);
  });
});

describe('daysInMonth()', () => {
  test.each([
    [2026, 1, 31],
    [2026, 2, 28],
    [2024, 2, 29],
    [2026, 4, 30],
    [2026, 12, 31],
  ])('%i-%i has %i days', (y, m, n) => expect(daysInMonth(y, m)).toBe(n));
});

describe('day numbers', () => {
  test.each([
    ['1970-01-01', 0],
    ['1970-01-02', 1],
    ['1970-02-01', 31],
    ['1969-12-31', -1],
    ['2026-11-30', 20_787],
  ])('dayNumber(%s) is %i and fromDayNumber turns it back', (date, n) => {
    expect(dayNumber(date)).toBe(n);
    expect(fromDayNumber(n)).toBe(date);
  });

  test('dayNumber() refuses a text that is not a date, naming it', () => {
    expect(() => dayNumber('2026-1-1')).toThrow(RangeError);
    expect(() => dayNumber('2026-1-1')).toThrow('not a date: 2026-1-1');
  });
});

describe('addDays() and daysBetween()', () => {
  test.each([
    ['2024-02-28', 1, '2024-02-29'],
    ['2024-02-28', 2, '2024-03-01'],
    ['2025-12-31', 1, '2026-01-01'],
    ['2026-03-01', -1, '2026-02-28'],
    ['2026-03-10', 0, '2026-03-10'],
    ['2026-01-01', 365, '2027-01-01'],
  ])('%s plus %i days is %s', (date, n, out) => {
    expect(addDays(date, n)).toBe(out);
    expect(daysBetween(date, out)).toBe(n);
  });

  test('daysBetween() is negative when the second date is earlier', () => {
    expect(daysBetween('2026-01-05', '2025-12-25')).toBe(-11);
  });
});

describe('addMonths()', () => {
  test.each([
    ['2026-01-15', 1, '2026-02-15', 'the day of month is kept'],
    ['2026-01-31', 1, '2026-02-28', 'clamped to the end of a short month'],
    ['2024-01-31', 1, '2024-02-29', 'clamped to a leap day'],
    ['2026-03-31', 1, '2026-04-30', 'clamped to a 30-day month'],
    ['2026-05-31', 1, '2026-06-30', 'June has 30 days'],
    ['2026-01-30', 2, '2026-03-30', 'clamping only at the target month'],
    ['2025-12-15', 1, '2026-01-15', 'December rolls into the next year'],
    ['2026-11-30', 12, '2027-11-30', 'twelve months is one year'],
    ['2026-06-15', 6, '2026-12-15', 'reaching December does not roll the year'],
    ['2026-03-31', -1, '2026-02-28', 'negative months go back and clamp'],
    ['2026-01-15', -1, '2025-12-15', 'going back over January changes the year'],
    ['2026-05-09', 0, '2026-05-09', 'zero months is the same day'],
    ['0999-12-15', 1, '1000-01-15', 'years keep four digits'],
    ['0099-01-05', 0, '0099-01-05', 'small years are zero-padded'],
  ])('%s plus %i months is %s (%s)', (date, n, out) => expect(addMonths(date, n)).toBe(out));

  test('addMonths() refuses a text that is not a date, naming it', () => {
    expect(() => addMonths('2026-02', 1)).toThrow(RangeError);
    expect(() => addMonths('2026-02', 1)).toThrow('not a date: 2026-02');
  });
});

describe('beijingDate()', () => {
  test.each([
    ['2026-05-31T15:59:59.999Z', '2026-05-31', 'one millisecond before midnight in Beijing'],
    ['2026-05-31T16:00:00.000Z', '2026-06-01', 'midnight in Beijing is 16:00 UTC'],
    ['2026-05-31T00:00:00.000Z', '2026-05-31', 'UTC midnight is 08:00 the same day in Beijing'],
    ['2026-12-31T16:00:00.000Z', '2027-01-01', 'the new year starts at 16:00 UTC'],
  ])('at %s it is %s in Beijing (%s)', (iso, date) => expect(beijingDate(new Date(iso))).toBe(date));
});
