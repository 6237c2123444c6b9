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
