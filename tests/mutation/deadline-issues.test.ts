// Deadline follow-up issues: one per unit, updated in place and closed when clear. A second run
// with nothing new must plan no write (idempotence), and only the bot's own marker — in the body
// it wrote — ties an issue to a unit.
import { beforeEach, describe, expect, test } from 'vitest';
import { DEADLINE_LABEL, isOverdue, issueUnit, planDeadlineIssues, renderDeadlineIssues, type ExistingIssue, type ObligationLike, type UnitIssue } from '../../src/domain/deadline-issues.ts';
import { DEFAULT_RULE } from '../../src/domain/obligations.ts';

const ob = (o: Partial<ObligationLike> & Pick<ObligationLike, 'kind' | 'unit' | 'due'>): ObligationLike => ({ account: null, group: null, state: 'overdue', rule: '第四条', filed: null, ...o });
const names: Record<string, string> = { jwc: '教务处', tw: '校团委' };
const render = (obs: ObligationLike[]) => renderDeadlineIssues(obs, (u) => names[u] ?? u, (a) => ({ 'jwc-wechat': '青川|教务`处<b>', 'jwc-app': '教务APP' })[a], '党委宣传部');

describe('issueUnit() and isOverdue()', () => {
  test.each([
    ['<!-- campus-registry:deadlines unit=jwc -->\n正文', 'jwc', 'the marker names the unit'],
    ['前文\n<!-- campus-registry:deadlines unit=robot-club -->', 'robot-club', 'the marker may be anywhere'],
    ['<!-- campus-registry:deadlines unit=JWC -->', undefined, 'unit ids are lower case'],
    ['<!-- campus-registry:deadlines unit= -->', undefined, 'an empty unit is no marker'],
    ['<!-- campus-registry:pr-report -->', undefined, 'another bot marker is not a deadline marker'],
    ['', undefined, 'an empty body'],
    [null, undefined, 'a missing body'],
    [undefined, undefined, 'an undefined body'],
  ])('issueUnit(%j) is %s (%s)', (body, unit, _why) => expect(issueUnit(body)).toBe(unit));

  test.each([
    ['overdue', null, true, 'past due and not filed'],
    ['overdue', '2026-10-05', false, 'filed late: done, not owed'],
    ['upcoming', null, false, 'not yet due'],
    ['met', null, false, 'met'],
  ] as const)('state %s, filed %s → %s (%s)', (state, filed, out, _why) => expect(isOverdue(ob({ kind: 'change', unit: 'u', due: '2026-01-01', state: state as ObligationLike['state'], filed }))).toBe(out));

  test('the label is 逾期提醒', () => expect(DEADLINE_LABEL).toBe('逾期提醒'));
});

describe('renderDeadlineIssues()', () => {
  const obs = [
    ob({ kind: 'review', unit: 'tw', account: 'tw-weibo', due: '2025-12-15', rule: '第五条' }),
    ob({ kind: 'keys', unit: 'jwc', account: 'jwc-app', due: '2026-11-15', rule: DEFAULT_RULE }),
    ob({ kind: 'change', unit: 'jwc', account: 'jwc-wechat', due: '2026-11-10', rule: '第四条|第二款\r\n' }),
    ob({ kind: 'group-filing', unit: 'jwc', group: 'teachers', due: '2026-11-15' }),
    ob({ kind: 'closure', unit: 'jwc', account: 'jwc-app', due: '2026-11-15' }),
    ob({ kind: 'reassign', unit: 'jwc', due: '2026-11-15' }),
    ob({ kind: 'keys', unit: 'zz', account: 'zz-a', due: '2026-11-01', state: 'upcoming' }),
    ob({ kind: 'closure', unit: 'zz', account: 'zz-b', due: '2026-10-01', filed: '2026-10-05' }),
  ];
  // Rendered inside each test (not at collection time), so a mutant active during the test is seen.
  let issues: ReturnType<typeof render>;
  let jwc: ReturnType<typeof render>[number];
  let rows: string[];
  beforeEach(() => {
    issues = render(obs);
    jwc = issues.find((i) => i.unit === 'jwc')!;
    rows = jwc.body.split('\n').filter((l) => l.startsWith('| ') && !l.startsWith('| 对象'));
  });

  test('one issue per unit with overdue obligations, sorted by unit; units with nothing owed get none', () => {
    expect(issues.map((i) => i.unit)).toEqual(['jwc', 'tw']);
  });

  test('the title names the unit and counts its overdue items', () => {
    expect(jwc.title).toBe('【逾期提醒】教务处：5 项备案事项逾期');
    expect(issues[1]!.title).toBe('【逾期提醒】校团委：1 项备案事项逾期');
  });

  test('the body starts with the unit\'s marker and names the office', () => {
    expect(jwc.body.split('\n')[0]).toBe('<!-- campus-registry:deadlines unit=jwc -->');
    expect(issueUnit(jwc.body)).toBe('jwc');
    expect(jwc.body).toContain('如有疑问请联系党委宣传部。');
    expect(jwc.body.split('\n')[1]).toBe('教务处：以下备案事项已超过《管理办法》规定的期限，请尽快通过合并请求（PR）补报。');
  });

  test('rows are sorted by due date, then by account or group, then by kind', () => {
    expect(rows.map((r) => r.split(' | ').slice(0, 3).join(' | '))).toEqual([
      '| 账号 `jwc-wechat` 青川\\|教务\\`处\\<b\\> | 信息变更报备 | 2026-11-10',
      '| 本单位 | 撤并单位的账号移交承继单位 | 2026-11-15',
      '| 账号 `jwc-app` 教务APP | 停办报备 | 2026-11-15',
      '| 账号 `jwc-app` 教务APP | 开通后补报账号ID和链接 | 2026-11-15',
      '| 工作群 `teachers` | 网络工作群备案 | 2026-11-15',
    ]);
  });

  test('an account name cannot break the table or inject markup; an unknown account shows its id only', () => {
    // Markdown specials are escaped: no unescaped |, `, < or > around the name (no new cell, code span or tag).
    expect(rows[0]).toContain('青川\\|教务\\`处\\<b\\>');
    expect(rows[0]).not.toMatch(/[^\\][|<>`]教务|[^\\]<b/);
    const unknown = renderDeadlineIssues([ob({ kind: 'change', unit: 'x', account: 'x-1', due: '2026-01-01' })], (u) => u, () => undefined, '宣传部');
    expect(unknown[0]!.body).toContain('| 账号 `x-1` | 信息变更报备 | 2026-01-01 | 第四条 |');
  });

  test('the default rule reads 登记系统默认期限; a rule text cannot break its row', () => {
    expect(rows[3]).toMatch(/\| 登记系统默认期限 \|$/);
    expect(rows[0]).toMatch(/\| 第四条 第二款 {3}\|$/);
  });

  test('the body holds no day count, so it changes only when what is owed changes', () => {
    const later = render(obs.map((o) => ({ ...o })));
    expect(later).toEqual(issues);
    expect(jwc.body).not.toMatch(/逾期 ?\d+ ?天/);
  });
});

describe('planDeadlineIssues()', () => {
  const desired: UnitIssue[] = [
    { unit: 'jwc', title: 'T-jwc', body: '<!-- campus-registry:deadlines unit=jwc -->\nA\nB' },
    { unit: 'tw', title: 'T-tw', body: '<!-- campus-registry:deadlines unit=tw -->\nC' },
  ];
  const issue = (number: number, unit: string, title: string, rest: string): ExistingIssue => ({ number, title, body: `<!-- campus-registry:deadlines unit=${unit} -->${rest}` });

  test('creates the missing issues', () => {
    expect(planDeadlineIssues([], desired)).toEqual([
      { type: 'create', unit: 'jwc', title: 'T-jwc', body: desired[0]!.body },
      { type: 'create', unit: 'tw', title: 'T-tw', body: desired[1]!.body },
    ]);
  });

  test('an identical set of issues plans nothing (a second run writes nothing)', () => {
    expect(planDeadlineIssues([issue(1, 'jwc', 'T-jwc', '\nA\nB'), issue(2, 'tw', 'T-tw', '\nC')], desired)).toEqual([]);
  });

  test('REAL BUG: a body stored by GitHub with CRLF line ends and a trailing newline still compares equal', () => {
    expect(planDeadlineIssues([issue(1, 'jwc', 'T-jwc', '\r\nA\r\nB\r\n'), issue(2, 'tw', 'T-tw', '\r\nC\n')], desired)).toEqual([]);
  });

  test.each([
    [issue(1, 'jwc', 'T-jwc (old)', '\nA\nB'), 'a changed title'],
    [issue(1, 'jwc', 'T-jwc', '\nA\nB\nX'), 'a changed body'],
    [issue(1, 'jwc', 'T-jwc', '\nA\n\nB'), 'a body that differs inside, not just in line ends'],
  ])('updates the issue in place on %s', (existing) => {
    expect(planDeadlineIssues([existing, issue(2, 'tw', 'T-tw', '\nC')], desired)).toEqual([{ type: 'update', number: 1, unit: 'jwc', title: 'T-jwc', body: desired[0]!.body }]);
  });

  test('closes cleared units\' issues, and duplicates keeping the oldest', () => {
    const existing = [issue(9, 'jwc', 'T-jwc', '\nA\nB'), issue(3, 'jwc', 'old', '\nold'), issue(5, 'gone', 'x', ''), issue(2, 'tw', 'T-tw', '\nC'), issue(7, 'gone', 'y', '')];
    expect(planDeadlineIssues(existing, desired)).toEqual([
      { type: 'update', number: 3, unit: 'jwc', title: 'T-jwc', body: desired[0]!.body },
      { type: 'close', number: 9, unit: 'jwc' },
      { type: 'close', number: 5, unit: 'gone' },
      { type: 'close', number: 7, unit: 'gone' },
    ]);
  });

  test('issues without the marker are left alone, even when their title looks like a deadline issue', () => {
    const human: ExistingIssue = { number: 4, title: 'T-jwc', body: '教务处的逾期问题请看这里 unit=jwc' };
    expect(planDeadlineIssues([human], [])).toEqual([]);
    expect(planDeadlineIssues([human], desired).map((a) => a.type)).toEqual(['create', 'create']);
  });
});
