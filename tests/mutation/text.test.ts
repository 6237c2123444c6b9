// Invisible and bidi-control characters are how a unit hides a look-alike name or a reversed link:
// each kind is reported with its exact index and code point, and emoji sequences are not.
import { describe, expect, test } from 'vitest';
import { findInvisibleChars, lineStarts, positionAt } from '../../src/domain/text.ts';

describe('findInvisibleChars()', () => {
  test.each([
    ['a\u200Bb', [{ index: 1, codePoint: 'U+200B' }], 'a zero-width space is found'],
    ['ab\u00AD', [{ index: 2, codePoint: 'U+00AD' }], 'a soft hyphen is found, code point padded to four digits'],
    ['\uFEFFx', [{ index: 0, codePoint: 'U+FEFF' }], 'a byte-order mark inside text is found'],
    ['com.\u202Egnp', [{ index: 4, codePoint: 'U+202E' }], 'a right-to-left override is found'],
    ['a\u0007', [{ index: 1, codePoint: 'U+0007' }], 'a C0 control (bell) is found'],
    ['a\u0085', [{ index: 1, codePoint: 'U+0085' }], 'a C1 control is found'],
    ['x\u{E0041}', [{ index: 1, codePoint: 'U+E0041' }], 'a tag character beyond the BMP is found with five digits'],
    ['a\u2060b\u200Cc', [{ index: 1, codePoint: 'U+2060' }, { index: 3, codePoint: 'U+200C' }], 'every hit is reported, in order'],
    ['a\u00A0b', [], 'a no-break space is visible and allowed'],
    ['line1\nline2\r\n\tx', [], 'newline, carriage return and tab are allowed'],
    ['plain 文字', [], 'ordinary text has no hits'],
    ['\u2764\uFE0F', [], 'VS16 after a pictograph (❤️) is allowed'],
    ['a\uFE0F', [{ index: 1, codePoint: 'U+FE0F' }], 'VS16 after a letter is hidden text'],
    ['\uFE0F', [{ index: 0, codePoint: 'U+FE0F' }], 'VS16 at the start is hidden text'],
    ['\u{1F468}\u200D\u{1F469}', [], 'a ZWJ between two pictographs (👨‍👩) is allowed'],
    ['\u2764\uFE0F\u200D\u{1F525}', [], 'a ZWJ after pictograph + VS16 (❤️‍🔥) is allowed'],
    ['a\u200D\u{1F469}', [{ index: 1, codePoint: 'U+200D' }], 'a ZWJ after a letter is hidden text'],
    ['\u{1F468}\u200Db', [{ index: 2, codePoint: 'U+200D' }], 'a ZWJ before a letter is hidden text'],
    ['\u{1F468}\u200D', [{ index: 2, codePoint: 'U+200D' }], 'a ZWJ at the end is hidden text'],
    ['\u{1F468}ab\u200D\u{1F469}', [{ index: 4, codePoint: 'U+200D' }], 'the pictograph must be right before the ZWJ'],
    ['\u{1F468}\u200B\u{1F469}', [{ index: 2, codePoint: 'U+200B' }], 'only the ZWJ is allowed between pictographs'],
    ['\u{1F468}\u200D\u200B\u{1F469}', [{ index: 2, codePoint: 'U+200D' }, { index: 3, codePoint: 'U+200B' }], 'the pictograph must be right after the ZWJ'],
  ])('%j gives %j: %s', (text, hits) => expect(findInvisibleChars(text)).toEqual(hits));
});

describe('lineStarts() and positionAt()', () => {
  test('lineStarts() gives the offset after each newline, starting at 0', () => {
    expect(lineStarts('')).toEqual([0]);
    expect(lineStarts('ab\ncd\n\ne')).toEqual([0, 3, 6, 7]);
    expect(lineStarts('a\r\nb')).toEqual([0, 3]);
  });

  const text = 'ab\ncd\n\nefg\nh';
  test.each([
    [0, 1, 1, 'the first character'],
    [1, 1, 2, 'inside the first line'],
    [2, 1, 3, 'the newline belongs to its line'],
    [3, 2, 1, 'the first character of line 2'],
    [5, 2, 3, 'the end of line 2'],
    [6, 3, 1, 'an empty line'],
    [7, 4, 1, 'the start of line 4'],
    [9, 4, 3, 'inside line 4'],
    [11, 5, 1, 'the last line'],
    [12, 5, 2, 'one past the end'],
  ])('offset %i is line %i, column %i (%s)', (offset, line, column) => expect(positionAt(lineStarts(text), offset)).toEqual({ line, column }));

  test('positionAt() works for one line and for many lines', () => {
    expect(positionAt([0], 4)).toEqual({ line: 1, column: 5 });
    const many = lineStarts('x\n'.repeat(100));
    for (const i of [0, 1, 2, 50, 99, 100]) expect(positionAt(many, i * 2)).toEqual({ line: i + 1, column: 1 });
    expect(positionAt(many, 99 * 2 + 1)).toEqual({ line: 100, column: 2 });
  });
});
