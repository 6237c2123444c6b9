// Approval numbers (审批号) are unique and never reused (seed 001 "年 第 号"): the next number is
// one past the highest ever seen in that year, wherever it was seen — including in the history
// of an account that was later closed.
import { describe, expect, test } from 'vitest';
import { APPROVAL_NUMBER_IN_TEXT, findApprovalNumbers, nextApprovalNumbers, prNumberFromMessage, recordApproval } from '../../src/domain/approval.ts';

describe('findApprovalNumbers()', () => {
  test.each([
    ["approval:\n  number: '2026-0007'\n", ['2026-0007'], 'single-quoted'],
    ['approval:\n  number: "2026-0008"\n', ['2026-0008'], 'double-quoted'],
    ['  number: 2026-0009\n', ['2026-0009'], 'unquoted'],
    ['number:2026-10000', ['2026-10000'], 'five-digit sequence, no space after the colon'],
    ["- number: '2025-0001'\n- number: '2026-0002'\n", ['2025-0001', '2026-0002'], 'every number in a text, in order'],
    ["-  number: '2025-0001'\n+  number: '2025-0003'\n", ['2025-0001', '2025-0003'], 'both sides of a diff'],
    ["phone: '2026-0001'\n", [], 'another field that looks like a number is not an approval number'],
    ["renumber: '2026-0001'\n", [], 'a key ending in "number" is not the number field'],
    ["number: '2026-001'\n", [], 'three-digit sequences are not approval numbers'],
    ["number: '26-0001'\n", [], 'two-digit years are not approval numbers'],
  ])('%j → %j (%s)', (text, out) => expect(findApprovalNumbers(text)).toEqual(out));

  test('the shared pattern is global, so it finds every match', () => {
    expect(APPROVAL_NUMBER_IN_TEXT.flags).toContain('g');
  });
});

describe('nextApprovalNumbers()', () => {
  test.each([
    [[], 2027, 1, ['2027-0001'], 'the first number of a year is 0001'],
    [['2026-0002', '2026-0010', '2026-0007'], 2026, 2, ['2026-0011', '2026-0012'], 'continues after the highest, not the last, across gaps'],
    [['2025-0099'], 2026, 1, ['2026-0001'], 'other years do not count'],
    [['2026-0003', '2027-0050'], 2026, 1, ['2026-0004'], 'a later year does not count either'],
    [['2026-9999'], 2026, 2, ['2026-10000', '2026-10001'], 'past 9999 the sequence grows a digit'],
    [['2026-10000'], 2026, 1, ['2026-10001'], 'five-digit numbers are counted'],
    [['x2026-0040', '2026-0040x', '2026-004', ' 2026-0040'], 2026, 1, ['2026-0001'], 'malformed numbers are not counted'],
    [['2026-0005'], 2026, 0, [], 'zero numbers asked, none given'],
  ])('%j in %i, %i wanted → %j (%s)', (used, year, count, out) => expect(nextApprovalNumbers(used, year, count)).toEqual(out));

  test('REAL BUG: a closed account\'s approval number is never handed out again', () => {
    // The account closed and its file was later deleted: its number survives only in the history.
    const history = "commit 1\n+approval:\n+  number: '2026-0003'\n+  date: '2026-03-01'\ncommit 2\n-  number: '2026-0003'\n";
    const used = findApprovalNumbers(history);
    expect(used).toContain('2026-0003');
    expect(nextApprovalNumbers(used, 2026, 1)).toEqual(['2026-0004']);
    expect(nextApprovalNumbers(new Set(used), 2026, 3)).not.toContain('2026-0003');
  });
});

describe('recordApproval()', () => {
  const filing = "---\nid: jsj-weibo\nstatus: applied\nname: 计算机学院\n---\n正文\n";

  test('writes the approval block before the closing fence and moves applied to approved, keeping every other byte', () => {
    expect(recordApproval(filing, { number: '2026-0001', date: '2026-11-20', pr: 5 })).toBe(
      "---\nid: jsj-weibo\nstatus: approved\nname: 计算机学院\napproval:\n  number: '2026-0001'\n  date: '2026-11-20'\n  pr: 5\n---\n正文\n",
    );
  });

  test('leaves out pr when there is none, and keeps a pr of 0', () => {
    expect(recordApproval(filing, { number: '2026-0002', date: '2026-11-21' })).not.toContain('pr:');
    expect(recordApproval(filing, { number: '2026-0002', date: '2026-11-21', pr: 0 })).toContain('\n  pr: 0\n');
  });

  test.each([
    ["status: 'applied'", 'single-quoted'],
    ['status: "applied"', 'double-quoted'],
    ['status: applied # 申请中', 'with a comment'],
    ['status:  applied  ', 'with extra spaces'],
  ])('moves %j (%s) to approved', (line) => {
    const out = recordApproval(`---\nid: a\n${line}\n---\n`, { number: '2026-0003', date: '2026-11-20' });
    expect(out).toContain('\nstatus: approved\n');
    expect(out).not.toContain('applied');
  });

  test.each([
    ['status: active', 'an active account stays active'],
    ['status: appliedx', 'a different word is not touched'],
    ['oldstatus: applied', 'another key is not touched'],
  ])('does not rewrite %j (%s)', (line) => {
    expect(recordApproval(`---\n${line}\n---\n`, { number: '2026-0003', date: '2026-11-20' })).toContain(`\n${line}\n`);
  });

  test('keeps CRLF line ends in a CRLF file', () => {
    const out = recordApproval('---\r\nid: a\r\nstatus: applied\r\n---\r\nbody\r\n', { number: '2026-0004', date: '2026-11-20', pr: 9 });
    expect(out).toBe("---\r\nid: a\r\nstatus: approved\r\napproval:\r\n  number: '2026-0004'\r\n  date: '2026-11-20'\r\n  pr: 9\r\n---\r\nbody\r\n");
  });

  test('keeps a byte-order mark and a fence followed by spaces', () => {
    const out = recordApproval('\uFEFF--- \nid: a\n---  \nbody', { number: '2026-0005', date: '2026-11-20' });
    expect(out).toBe("\uFEFF--- \nid: a\napproval:\n  number: '2026-0005'\n  date: '2026-11-20'\n---  \nbody");
  });

  test('refuses an empty frontmatter (not a filing: the approval job fails closed and leaves it to the validator)', () => {
    expect(() => recordApproval('---\n---\nbody', { number: '2026-0007', date: '2026-11-20' })).toThrow('already approved');
  });

  test('works on a file whose frontmatter ends the file', () => {
    expect(recordApproval('---\nid: a\n---', { number: '2026-0006', date: '2026-11-20' })).toBe("---\nid: a\napproval:\n  number: '2026-0006'\n  date: '2026-11-20'\n---");
  });

  test.each([
    ["---\nid: a\napproval:\n  number: '2026-0001'\n---\n", 'already approved', 'a filing that already has an approval (numbers are never replaced)'],
    ['---\nid: a\napproval :\n  number: x\n---\n', 'already approved', 'an approval key with a space before the colon'],
    ['id: a\n', 'no frontmatter', 'a file without frontmatter'],
    ['x---\nid: a\n---\n', 'no frontmatter', 'a fence that does not start the file'],
  ])('throws %j → %s (%s)', (text, message) => {
    expect(() => recordApproval(text, { number: '2026-0009', date: '2026-11-20' })).toThrow(message);
  });

  test('an approval mentioned inside another field\'s value does not count as approved', () => {
    expect(recordApproval("---\nnote: 'approval: pending'\n---\n", { number: '2026-0010', date: '2026-11-20' })).toContain("number: '2026-0010'");
  });
});

describe('prNumberFromMessage()', () => {
  test.each([
    ['Merge pull request #12 from unit/branch\n\nbody', 12, 'a merge commit'],
    ['新开备案 (#34)', 34, 'a squash commit subject'],
    ['新开备案 (#34)  \n\nsecond line', 34, 'trailing spaces on the subject'],
    ['subject\n\nsee (#77)', undefined, 'a PR mentioned only in the body of a squash message'],
    ['fix (#5) later words', undefined, 'a (#n) that does not end the subject'],
    ['direct commit', undefined, 'a direct commit'],
    ['Merge branch main', undefined, 'a merge of branches'],
    ['x\nMerge pull request #8 from a/b', 8, 'a merge line further down'],
    ['Revert "Merge pull request #8 from a/b"', undefined, 'a revert names the merge only inside its text'],
  ])('%j → %s (%s)', (message, n, _why) => expect(prNumberFromMessage(message)).toBe(n));
});
