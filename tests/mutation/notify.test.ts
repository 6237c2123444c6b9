// Group-robot notices (企业微信 / 钉钉): one message per unit with overdue obligations, plain text
// only (no markup or contact detail from unit-written names), cut to the robots' byte limits.
import { describe, expect, test } from 'vitest';
import type { ObligationLike } from '../../src/domain/deadline-issues.ts';
import { DINGTALK_MAX_BYTES, WECOM_MAX_BYTES, fitBytes, maskContacts, renderUnitNotices, robotPayload } from '../../src/domain/notify.ts';

const ob = (o: Partial<ObligationLike> & Pick<ObligationLike, 'kind' | 'unit' | 'due'>): ObligationLike => ({ account: null, group: null, state: 'overdue', rule: '第四条', filed: null, ...o });
const bytes = (s: string) => new TextEncoder().encode(s).length;
const tail = (n: number) => `……另有 ${n} 行，请查看仓库中的“逾期提醒” Issue。`;
const FOOTER = (office: string) => `请尽快通过合并请求补报；详情见仓库中的“逾期提醒” Issue。如有疑问请联系${office}。`;

describe('maskContacts()', () => {
  test.each([
    ['13912345678', '（已隐去）', 'a mobile'],
    ['手机13912345678。', '手机（已隐去）。', 'a mobile inside text'],
    ['+8613912345678', '（已隐去）', 'a mobile with +86'],
    ['86-139-1234-5678', '（已隐去）', 'a mobile with 86 and dashes'],
    ['+86 139 1234 5678', '（已隐去）', 'a mobile with spaces'],
    ['12912345678', '12912345678', 'a second digit below 3 is no mobile'],
    ['1391234567', '1391234567', 'ten digits are no mobile'],
    ['0571-86660001', '（已隐去）', 'a landline with a four-digit area code'],
    ['010 1234567', '（已隐去）', 'a landline with a three-digit area code and seven digits'],
    ['05718666000', '（已隐去）', 'a landline without separator'],
    ['057186', '057186', 'too short for a landline'],
    ['li@example.edu.cn', '（已隐去）', 'an email'],
    ['a.b_c%d+e-f@x-y.z.org', '（已隐去）', 'an email with every allowed character'],
    ['li@example.c', 'li@example.c', 'a one-letter top-level domain is no email'],
    ['li@localhost', 'li@localhost', 'no dot after @ is no email'],
    ['@教务处', '@教务处', 'a mention is no email'],
    ['电话 0571-86660001，手机 +86 139 1234 5678', '电话 （已隐去），手机 （已隐去）', 'every match is masked'],
    ['教务处官方微信', '教务处官方微信', 'a name without contacts is unchanged'],
  ])('maskContacts(%j) is %j (%s)', (text, out, _why) => expect(maskContacts(text)).toBe(out));
});

describe('renderUnitNotices()', () => {
  const obs = () => [
    ob({ kind: 'review', unit: 'tw', account: 'tw-weibo', due: '2025-12-15' }),
    ob({ kind: 'change', unit: 'jwc', account: 'jwc-b', due: '2026-11-10' }),
    ob({ kind: 'keys', unit: 'jwc', account: 'jwc-a', due: '2026-11-10' }),
    ob({ kind: 'group-filing', unit: 'jwc', group: 'teachers', due: '2026-11-01' }),
    ob({ kind: 'reassign', unit: 'jwc', due: '2026-11-10' }),
    ob({ kind: 'group-dissolution', unit: 'jwc', group: 'alpha', due: '2026-11-10' }),
    ob({ kind: 'keys', unit: 'aa', account: 'aa-x', due: '2026-11-01', state: 'upcoming' }),
    ob({ kind: 'keys', unit: 'ab', account: 'ab-x', due: '2026-11-01', state: 'due' }),
    ob({ kind: 'closure', unit: 'ac', account: 'ac-x', due: '2026-10-01', filed: '2026-10-05' }),
  ];
  const unitName = (u: string) => ({ jwc: ' 教务处\r\n<i>[主页](http://x)</i> ', tw: '校\n团委' })[u] ?? `?${u}`;
  const accountName = (a: string) => ({ 'jwc-b': '教务|号 13912345678 `code` *b* _i_ #h @m \\ a\tb' })[a];

  test('one notice per unit with overdue, unfiled obligations, sorted by unit id', () => {
    expect(renderUnitNotices(obs(), unitName, accountName, '党委宣传部').map((n) => n.unit)).toEqual(['jwc', 'tw']);
  });

  test('items are sorted by due date, then by account or group id; names are plain text without contacts', () => {
    const [jwc, tw] = renderUnitNotices(obs(), unitName, accountName, ' 党委<b>宣传部 ');
    expect(jwc).toEqual({
      unit: 'jwc',
      title: '【逾期提醒】教务处 i 主页 http://x /i：5 项备案事项逾期',
      lines: [
        '### 【逾期提醒】教务处 i 主页 http://x /i：5 项备案事项逾期',
        '- 工作群 teachers：网络工作群备案，截止 2026-11-01',
        '- 本单位：撤并单位的账号移交承继单位，截止 2026-11-10',
        '- 工作群 alpha：网络工作群解散报备，截止 2026-11-10',
        '- 账号 jwc-a：开通后补报账号ID和链接，截止 2026-11-10',
        '- 账号 jwc-b（教务 号 （已隐去） code b i h m a\tb）：信息变更报备，截止 2026-11-10',
        '',
        FOOTER('党委 b 宣传部'),
      ],
    });
    expect(tw).toEqual({
      unit: 'tw',
      title: '【逾期提醒】校 团委：1 项备案事项逾期',
      lines: ['### 【逾期提醒】校 团委：1 项备案事项逾期', '- 账号 tw-weibo：提交年审材料，截止 2025-12-15', '', FOOTER('党委 b 宣传部')],
    });
  });

  test('accounts of one day are ordered by id whatever the input order; the account name is asked only for accounts', () => {
    const asked: string[] = [];
    const name = (a: string) => (asked.push(a), a === 'u-b' ? '乙' : '');
    const [n] = renderUnitNotices(
      [ob({ kind: 'change', unit: 'u', account: 'u-c', due: '2026-01-02' }), ob({ kind: 'change', unit: 'u', account: 'u-b', due: '2026-01-02' }), ob({ kind: 'change', unit: 'u', account: 'u-a', due: '2026-01-03' }), ob({ kind: 'change', unit: 'u', group: 'g', due: '2026-01-03' })],
      () => '单位',
      name,
      '办',
    );
    expect(n!.lines.slice(1, 5)).toEqual(['- 账号 u-b（乙）：信息变更报备，截止 2026-01-02', '- 账号 u-c：信息变更报备，截止 2026-01-02', '- 工作群 g：信息变更报备，截止 2026-01-03', '- 账号 u-a：信息变更报备，截止 2026-01-03']);
    expect(asked.sort()).toEqual(['u-a', 'u-b', 'u-c']);
  });

  test('nothing overdue: no notice', () => {
    expect(renderUnitNotices([], unitName, accountName, '办')).toEqual([]);
    expect(renderUnitNotices(obs().filter((o) => o.unit.startsWith('a')), unitName, accountName, '办')).toEqual([]);
  });
});

describe('fitBytes()', () => {
  test('lines that fit, to the byte, are joined unchanged', () => {
    expect(fitBytes(['ab', 'cd'], 5)).toBe('ab\ncd');
    expect(fitBytes(['一', '二'], 7)).toBe('一\n二');
    expect(fitBytes([], 0)).toBe('');
    // Exactly at the limit: the whole text, not a shorter one with a count.
    const lines = ['x'.repeat(100), 'y'.repeat(200)];
    expect(fitBytes(lines, 301)).toBe(lines.join('\n'));
    expect(fitBytes(lines, 300)).toBe(`${lines[0]}\n${tail(1)}`);
  });

  test('lines that do not fit are replaced from the end by a count of the lines left out', () => {
    const lines = ['x'.repeat(100), 'y'.repeat(100), 'z'.repeat(100)];
    const keep2 = `${lines[0]}\n${lines[1]}\n${tail(1)}`;
    const keep1 = `${lines[0]}\n${tail(2)}`;
    expect(fitBytes(lines, bytes(lines.join('\n')) - 1)).toBe(keep2);
    expect(fitBytes(lines, bytes(keep2))).toBe(keep2);
    expect(fitBytes(lines, bytes(keep2) - 1)).toBe(keep1);
    expect(fitBytes(lines, bytes(keep1))).toBe(keep1);
  });

  test('when even one line and the count do not fit, the text is cut at a character boundary', () => {
    const lines = ['x'.repeat(100), 'y'.repeat(100), 'z'.repeat(100)];
    const max = bytes(`${lines[0]}\n${tail(2)}`) - 1;
    expect(fitBytes(lines, max)).toBe(`${lines[0]}\n${'y'.repeat(max - 101)}`);
    expect(fitBytes(['ab', 'cd'], 4)).toBe('ab\nc');
    expect(fitBytes(['一二三'], 8)).toBe('一二');
    expect(fitBytes(['一二三'], 6)).toBe('一二');
    expect(fitBytes(['一二三'], 5)).toBe('一');
    expect(fitBytes(['一二三'], 2)).toBe('');
  });
});

describe('robotPayload()', () => {
  const n = { unit: 'jwc', title: '【逾期提醒】教务处：1 项备案事项逾期', lines: ['### 标题', '- 一项'] };

  test('企业微信: markdown with content only; 钉钉: markdown with title and text', () => {
    expect(robotPayload('wecom', n)).toEqual({ msgtype: 'markdown', markdown: { content: '### 标题\n- 一项' } });
    expect(robotPayload('dingtalk', n)).toEqual({ msgtype: 'markdown', markdown: { title: n.title, text: '### 标题\n- 一项' } });
  });

  test('both robots get at most 4096 UTF-8 bytes', () => {
    expect(WECOM_MAX_BYTES).toBe(4096);
    expect(DINGTALK_MAX_BYTES).toBe(4096);
    const long = { ...n, lines: Array.from({ length: 400 }, (_, i) => `- 账号 a${i}：信息变更报备`) };
    const wecom = (robotPayload('wecom', long).markdown as { content: string }).content;
    const ding = (robotPayload('dingtalk', long).markdown as { text: string }).text;
    expect(wecom).toBe(fitBytes(long.lines, 4096));
    expect(ding).toBe(fitBytes(long.lines, 4096));
    expect(bytes(wecom)).toBeLessThanOrEqual(4096);
    expect(bytes(wecom)).toBeGreaterThan(4000);
    expect(wecom).toContain('……另有 ');
  });
});
