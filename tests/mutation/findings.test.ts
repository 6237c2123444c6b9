// Findings name a field path and come out in a stable order, so reports and tests can rely on them.
import { describe, expect, test } from 'vitest';
import { formatPath, sortFindings, type Finding } from '../../src/domain/findings.ts';

describe('formatPath()', () => {
  test.each([
    [[], ''],
    [['name'], 'name'],
    [['contacts', 'admins', 0, 'mobile'], 'contacts.admins[0].mobile'],
    [['keys', 1], 'keys[1]'],
    [[0, 'a'], '[0].a'],
    [['a', 0, 1, 'b'], 'a[0][1].b'],
  ])('%j renders as %j', (path, out) => expect(formatPath(path)).toBe(out));
});

describe('sortFindings()', () => {
  const f = (file: string, line: number, column: number, code: string): Finding => ({ file, line, column, code, field: '', message: '', severity: 'error' });
  const key = (x: Finding) => `${x.file}:${x.line}:${x.column}:${x.code}`;

  test('orders by file first, then line, then column, then code', () => {
    const sorted = [f('b', 1, 1, 'a'), f('a', 2, 1, 'a'), f('a', 1, 2, 'a'), f('a', 1, 1, 'z'), f('a', 1, 1, 'b'), f('a', 10, 1, 'a')];
    const shuffled = [sorted[3]!, sorted[5]!, sorted[0]!, sorted[2]!, sorted[4]!, sorted[1]!];
    expect(sortFindings(shuffled).map(key)).toEqual(['a:1:1:b', 'a:1:1:z', 'a:1:2:a', 'a:2:1:a', 'a:10:1:a', 'b:1:1:a']);
    expect(sortFindings([...sorted].reverse()).map(key)).toEqual(sortFindings(sorted).map(key));
  });

  test.each([
    [[f('b', 1, 1, 'x'), f('a', 9, 9, 'z')], ['a:9:9:z', 'b:1:1:x'], 'a later file goes after, whatever its line'],
    [[f('a', 1, 1, 'x'), f('b', 9, 9, 'z')], ['a:1:1:x', 'b:9:9:z'], 'an earlier file stays first'],
    [[f('a', 2, 1, 'a'), f('a', 1, 9, 'z')], ['a:1:9:z', 'a:2:1:a'], 'a later line goes after, whatever its column'],
    [[f('a', 1, 2, 'a'), f('a', 1, 1, 'z')], ['a:1:1:z', 'a:1:2:a'], 'a later column goes after, whatever its code'],
    [[f('a', 1, 1, 'z'), f('a', 1, 1, 'a')], ['a:1:1:a', 'a:1:1:z'], 'codes break the last tie'],
    [[f('a', 1, 1, 'a'), f('a', 1, 1, 'z')], ['a:1:1:a', 'a:1:1:z'], 'sorted codes stay'],
  ])('%#: %s', (input, out) => expect(sortFindings(input).map(key)).toEqual(out));

  test('does not reorder the array it was given, and keeps equal findings in their order', () => {
    const a = { ...f('x', 1, 1, 'c'), message: 'first' };
    const b = { ...f('x', 1, 1, 'c'), message: 'second' };
    const input = [f('z', 1, 1, 'c'), a, b];
    const out = sortFindings(input);
    expect(input.map((x) => x.file)).toEqual(['z', 'x', 'x']);
    expect(out.map((x) => x.message)).toEqual(['first', 'second', '']);
  });
});
