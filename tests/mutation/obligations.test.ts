// The rulebooks' deadlines (seed 000 第四条: 变更/停办/补办 "一周内", 开通前一周申请; 第五条: 年审
// 12月11日—20日): for every window the due day itself is on time and the day after is late. A `>=`
// written for `>` anywhere below moves a boundary by a day and fails one of these rows.
import { describe, expect, test } from 'vitest';
import {
  DEFAULT_RULE,
  NOTICE_DAYS,
  UPCOMING_DAYS,
  accountStatusLabel,
  addDuration,
  compareObligations,
  currentReviewYear,
  deriveAccountStatus,
  describeObligation,
  durationText,
  findLateFilings,
  findObligations,
  reviewCycle,
  stateOf,
  toObligationJson,
  type Obligation,
} from '../../src/domain/obligations.ts';
import { account, group, presetPolicy, registry, review, unit } from '../obligations-fixtures.ts';

// Every window pinned here, whatever the preset's values become: 7 days (seed 000 第四条 "一周内").
const POLICY = presetPolicy('000', {
  document: { published: '2025-09-01' },
  deadlines: { applyLeadDays: 7, backfill: { days: 7 }, change: { days: 7 }, closure: { days: 7 }, openAfterApproval: { days: 90 }, keysAfterOpening: { days: 7 } },
  annualReview: { required: true, tiers: [1, 2, 3], opens: '12-11', due: '12-20', failureSuspends: true },
  articles: { change: '第四条', closure: '第四条', review: '第五条' },
});
const kinds = (obs: Obligation[]) => obs.map((o) => `${o.kind} ${o.account ?? o.group ?? '-'} ${o.state} ${o.daysLate}${o.filed ? ` filed=${o.filed}` : ''}`);
const mid = '2026-06-15'; // a day outside the review window

describe('stateOf(): the due day is not late, the day after is', () => {
  test.each([
    ['2026-03-10', '2026-02-07', undefined, 'further than 30 days ahead: not listed'],
    ['2026-03-10', '2026-02-08', { state: 'upcoming', daysLate: 0 }, 'exactly 30 days ahead: upcoming'],
    ['2026-03-10', '2026-03-09', { state: 'upcoming', daysLate: 0 }, 'the day before: upcoming'],
    ['2026-03-10', '2026-03-10', { state: 'due', daysLate: 0 }, 'the due day: due, not late'],
    ['2026-03-10', '2026-03-11', { state: 'overdue', daysLate: 1 }, 'the day after: one day late'],
    ['2026-03-10', '2026-04-10', { state: 'overdue', daysLate: 31 }, 'a month after'],
  ])('due %s seen on %s → %j (%s)', (due, today, out, _why) => expect(stateOf(due, today)).toEqual(out));

  test('upcomingFrom moves where the look-ahead starts', () => {
    expect(stateOf('2026-12-20', '2026-12-10', '2026-12-11')).toBeUndefined();
    expect(stateOf('2026-12-20', '2026-12-11', '2026-12-11')).toEqual({ state: 'upcoming', daysLate: 0 });
  });

  test('the look-ahead and the notice period are a month', () => {
    expect(UPCOMING_DAYS).toBe(30);
    expect(NOTICE_DAYS).toBe(30);
  });
});

describe('addDuration() and durationText()', () => {
  test.each([
    [{ days: 7 }, '2026-02-25', '2026-03-04', '7 天'],
    [{ months: 1 }, '2026-01-31', '2026-02-28', '1 个月'],
    [{ months: 0 }, '2026-01-31', '2026-01-31', '0 个月'],
    [{}, '2026-01-31', '2026-01-31', '0 天'],
  ])('%j after %s is %s (%s)', (d, from, to, text) => {
    expect(addDuration(from, d)).toBe(to);
    expect(durationText(d)).toBe(text);
  });
});

describe('the 7-day windows (第四条 一周内): due day on time, day after late', () => {
  // 变更: history date 03-01 → due 03-08.
  test.each([
    ['2026-03-08', [], 'reported on the due day: on time, nothing listed'],
    ['2026-03-09', ['change a overdue 1 filed=2026-03-09'], 'reported the day after: one day late'],
    ['2026-03-07', [], 'reported early'],
  ])('a change of 03-01 reported %s → %j (%s)', (reported, out) => {
    const a = account({ id: 'a', history: [{ date: '2026-03-01', kind: 'rename', summary: '改名', reported }] });
    expect(kinds(findObligations(registry({ accounts: [a] }), POLICY, '2026-03-20'))).toEqual(out);
  });

  // 停办: closed 03-01 → due 03-08.
  test.each([
    ['2026-03-08', []],
    ['2026-03-09', ['closure a overdue 1 filed=2026-03-09']],
  ])('a closure of 03-01 reported %s → %j', (reported, out) => {
    const a = account({ id: 'a', status: 'closed', closure: { reason: '不再使用' }, dates: { applied: '2026-01-01', opened: '2026-01-20', closed: '2026-03-01' }, history: [{ date: '2026-03-01', kind: 'closure', summary: '停办', reported }] });
    expect(kinds(findObligations(registry({ accounts: [a] }), POLICY, '2026-03-20'))).toEqual(out);
  });

  // 开通前一周申请: opened 03-10 → apply by 03-03.
  test.each([
    ['2026-03-03', []],
    ['2026-03-04', ['apply a overdue 1 filed=2026-03-04']],
  ])('an account opened 03-10 and applied %s → %j', (applied, out) => {
    const a = account({ id: 'a', dates: { applied, opened: '2026-03-10' } });
    expect(kinds(findObligations(registry({ accounts: [a] }), POLICY, '2026-03-20'))).toEqual(out);
  });

  // 补办备案: policy published 2025-09-01 → backfill by 09-08.
  test.each([
    ['2025-09-08', []],
    ['2025-09-09', ['backfill a overdue 1 filed=2025-09-09']],
  ])('a backfill of an account running before the policy, filed %s → %j', (applied, out) => {
    const a = account({ id: 'a', filing: 'backfill', dates: { applied, opened: '2024-05-01' } });
    expect(kinds(findObligations(registry({ accounts: [a] }), POLICY, '2025-09-20'))).toEqual(out);
  });

  // 开通后补报账号: opened 03-01 → keys by 03-08 (still open: due, then overdue).
  test.each([
    ['2026-03-08', ['keys a due 0']],
    ['2026-03-09', ['keys a overdue 1']],
  ])('an active account without keys or link, opened 03-01, seen on %s → %j', (today, out) => {
    const a = account({ id: 'a', keys: [], dates: { applied: '2026-02-01', opened: '2026-03-01' } });
    expect(kinds(findObligations(registry({ accounts: [a] }), POLICY, today))).toEqual(out);
  });

  test('an active account with a link owes no keys', () => {
    const a = account({ id: 'a', keys: [], link: 'https://mp.weixin.qq.com/s/abcdefgh', dates: { applied: '2026-02-01', opened: '2026-03-01' } });
    expect(findObligations(registry({ accounts: [a] }), POLICY, '2026-03-20')).toEqual([]);
  });
});

describe('批准后开通 (90 days) and the planned opening', () => {
  const approved = (plannedOpening: string) =>
    account({ id: 'a', status: 'approved', approval: { number: '2026-0001', date: '2026-01-01' }, dates: { applied: '2025-12-01', plannedOpening } });
  test.each([
    ['2026-04-01', ['open a due 0']],
    ['2026-04-02', ['open a overdue 1']],
  ])('approved 01-01 (due 04-01), seen on %s → %j', (today, out) => {
    expect(kinds(findObligations(registry({ accounts: [approved('2026-12-31')] }), POLICY, today))).toEqual(out);
  });

  test('an approved account past its planned opening owes its keys 7 days after the planned day', () => {
    expect(kinds(findObligations(registry({ accounts: [approved('2026-02-01')] }), POLICY, '2026-02-09'))).toEqual(['keys a overdue 1']);
    expect(kinds(findObligations(registry({ accounts: [approved('2026-02-01')] }), POLICY, '2026-02-08'))).toEqual(['keys a due 0']);
  });
});

describe('年审 (第五条: 12月11日起，至20日)', () => {
  test.each([
    [2026, { year: 2026, opens: '2026-12-11', due: '2026-12-20' }],
  ])('reviewCycle(%i) → %j', (year, out) => expect(reviewCycle(POLICY, year)).toEqual(out));

  test('a window that crosses the new year falls due in the next year', () => {
    const p = presetPolicy('000', { annualReview: { opens: '12-15', due: '01-10' } });
    expect(reviewCycle(p, 2026)).toEqual({ year: 2026, opens: '2026-12-15', due: '2027-01-10' });
  });

  test.each([
    ['2026-12-10', 2025, 'the day before the window opens: last year\'s cycle'],
    ['2026-12-11', 2026, 'the day the window opens: this year\'s cycle'],
    ['2027-01-05', 2026, 'early next year'],
  ])('on %s the current review year is %i (%s)', (today, year) => expect(currentReviewYear(POLICY, today)).toBe(year));

  const acct = account({ id: 'a', dates: { applied: '2025-01-01', opened: '2025-02-01' } });
  test.each([
    ['2026-12-10', [], 'before the window (2025 was owed from 2025-12-11; see below)'],
    ['2026-12-20', ['review a due 0'], 'the due day: due, not late'],
    ['2026-12-21', ['review a overdue 1'], 'the day after: one day late'],
  ])('a 2026 review not submitted, seen on %s → %j (%s)', (today, out) => {
    const r2025 = review('a', 2025, '2025-12-15');
    expect(kinds(findObligations(registry({ accounts: [acct], reviews: [r2025] }), POLICY, today))).toEqual(out);
  });

  test.each([
    ['2026-12-20', []],
    ['2026-12-21', ['review a overdue 1 filed=2026-12-21']],
  ])('a 2026 review submitted %s → %j', (submitted, out) => {
    const rs = [review('a', 2025, '2025-12-15'), review('a', 2026, submitted)];
    expect(kinds(findObligations(registry({ accounts: [acct], reviews: rs }), POLICY, '2026-12-28'))).toEqual(out);
  });

  test('the window opens the look-ahead: a review is upcoming from 12-11, not 30 days before the due day', () => {
    const rs = [review('a', 2025, '2025-12-15')];
    expect(kinds(findObligations(registry({ accounts: [acct], reviews: rs }), POLICY, '2026-12-11'))).toEqual(['review a upcoming 0']);
  });

  test('an account opened on or after the window\'s first day owes no review that year', () => {
    const late = account({ id: 'b', dates: { applied: '2026-11-01', opened: '2026-12-11' } });
    const before = account({ id: 'c', dates: { applied: '2026-11-01', opened: '2026-12-10' } });
    expect(kinds(findObligations(registry({ accounts: [late, before] }), POLICY, '2026-12-21'))).toEqual(['review c overdue 1']);
  });

  test('a failed review is suspended under failureSuspends, a passed later one clears it', () => {
    const rs = [review('a', 2025, '2025-12-15', 'fail', '2025-12-22')];
    expect(deriveAccountStatus(acct.data, rs.map((r) => r.data), POLICY, '2026-03-01')).toEqual({
      state: 'suspended', label: '暂停运行', reason: '2025 年度年审不合格', since: '2025-12-22', rule: '第五条',
    });
    const cleared = [...rs, review('a', 2026, '2026-12-15')];
    expect(deriveAccountStatus(acct.data, cleared.map((r) => r.data), POLICY, '2026-12-28')).toBeNull();
  });

  test.each([
    ['2026-12-20', null, 'on the due day the account is not yet late'],
    ['2026-12-21', { state: 'suspended', label: '暂停运行', reason: '2026 年度年审材料未按期提交', since: '2026-12-21', rule: '第五条' }, 'the day after, a missing review suspends'],
  ])('derived status on %s → %j (%s)', (today, out, _why) => {
    const rs = [review('a', 2025, '2025-12-15')];
    expect(deriveAccountStatus(acct.data, rs.map((r) => r.data), POLICY, today)).toEqual(out);
  });

  test('without failureSuspends a missing review shows 年审逾期, and a failed one 年审不合格', () => {
    const p = presetPolicy('000', { annualReview: { failureSuspends: false } });
    const rs = [review('a', 2025, '2025-12-15')];
    expect(deriveAccountStatus(acct.data, rs.map((r) => r.data), p, '2026-12-21')?.label).toBe('年审逾期');
    const failed = [review('a', 2025, '2025-12-15', 'fail', '2025-12-25')];
    expect(deriveAccountStatus(acct.data, failed.map((r) => r.data), p, '2026-01-10')).toMatchObject({ state: 'overdue', label: '年审不合格' });
  });

  test('a review submitted late and awaiting its result is 年审逾期 from the day after the due day', () => {
    const rs = [review('a', 2025, '2025-12-15'), review('a', 2026, '2026-12-22', 'pending')];
    expect(deriveAccountStatus(acct.data, rs.map((r) => r.data), POLICY, '2026-12-28')).toMatchObject({ state: 'overdue', label: '年审逾期', since: '2026-12-21' });
    const onTime = [review('a', 2025, '2025-12-15'), review('a', 2026, '2026-12-20', 'pending')];
    expect(deriveAccountStatus(acct.data, onTime.map((r) => r.data), POLICY, '2026-12-28')).toBeNull();
  });

  test('accountStatusLabel(): a closed account keeps 已停办; otherwise the derived label wins', () => {
    const d = { state: 'suspended' as const, label: '暂停运行', reason: 'x', since: '2026-01-01', rule: 'r' };
    expect(accountStatusLabel('closed', d)).toBe('已停办');
    expect(accountStatusLabel('active', d)).toBe('暂停运行');
    expect(accountStatusLabel('active', null)).toBe('正常运营');
  });
});

describe('late filings stay listed for a month after they were made', () => {
  const a = account({ id: 'a', history: [{ date: '2026-03-01', kind: 'rename', summary: '改名', reported: '2026-03-10' }] });
  test.each([
    ['2026-04-09', 1, 'the 30th day after the filing: still listed'],
    ['2026-04-10', 0, 'the 31st day: no longer listed'],
    ['2026-03-09', 0, 'seen before the filing was made: not yet a late filing'],
  ])('on %s the late change is listed %i time(s) as filed late (%s)', (today, n) => {
    expect(findObligations(registry({ accounts: [a] }), POLICY, today).filter((o) => o.filed !== null)).toHaveLength(n);
  });

  test('a filing dated after today does not count yet: the obligation is open', () => {
    expect(kinds(findObligations(registry({ accounts: [a] }), POLICY, '2026-03-09'))).toEqual(['change a overdue 1']);
  });
});

describe('work groups, department apps, merged units', () => {
  const p = presetPolicy('000', { groups: { mustFile: true, fileWithin: { days: 7 }, dissolution: { days: 7 } }, apps: { departmentsMayOpenNew: false }, articles: { groups: '第七条' } });
  test.each([
    ['2026-01-12', []],
    ['2026-01-13', ['group-filing g overdue 1 filed=2026-01-13']],
  ])('a group created 01-05 filed in a PR of %s → %j', (prDate, out) => {
    const reg = registry({ groups: [group('g')] });
    expect(kinds(findObligations(reg, p, prDate, { prDate, prFiles: new Set(['groups/jwc/g.yaml']) }))).toEqual(out);
    expect(findObligations(reg, p, prDate)).toEqual([]);
  });

  // 003 第十三条: a dissolution merged into the registry counts as reported; the PR that adds it is
  // when it was reported, so lateness is judged at PR time.
  test.each([
    ['2026-02-08', []],
    ['2026-02-09', ['group-dissolution g overdue 1 filed=2026-02-09']],
  ])('a group dissolution filed by a PR on %s → %j; once merged it is reported', (today, out) => {
    const reg = registry({ groups: [group('g', { dissolved: '2026-02-01' })] });
    const prBase = registry({ groups: [group('g')] });
    expect(kinds(findObligations(reg, p, today, { prDate: today, prFiles: new Set(['groups/jwc/g.yaml']), prBase }))).toEqual(out);
    expect(findObligations(reg, p, today)).toEqual([]);
  });

  test('a department (not a student body) may not open a new app when the policy forbids it', () => {
    const app = (id: string, unitId: string) => account({ id, unit: unitId, platform: 'app', keys: [], link: 'https://www.qclg.edu.cn/app', dates: { applied: '2026-03-01', opened: '2026-03-20' } });
    const obs = findObligations(registry({ accounts: [app('x', 'jwc'), app('y', 'tw')] }), p, '2026-03-25');
    expect(kinds(obs.filter((o) => o.kind === 'department-app'))).toEqual(['department-app x overdue 24']);
  });

  test('an account of a merged unit is owed by the successor, 7 days from the merger', () => {
    const reg = registry({ units: [unit('old', 'college', { status: 'merged', statusDate: '2026-03-01', successor: 'jsj' })], accounts: [account({ id: 'a', unit: 'old' })] });
    const obs = findObligations(reg, POLICY, '2026-03-09');
    expect(obs.map((o) => `${o.kind} ${o.unit} ${o.due} ${o.state} ${o.daysLate}`)).toEqual(['reassign jsj 2026-03-08 overdue 1']);
  });
});

describe('reporting', () => {
  const base: Obligation = { kind: 'change', unit: 'jwc', account: 'a', group: null, due: '2026-03-08', state: 'overdue', daysLate: 3, rule: '第四条', filed: null, file: 'accounts/jwc/a.mdx', field: 'history[0].date' };
  test.each([
    [base, '账号 a：信息变更报备，期限为 2026-03-08，已逾期 3 天（依据：第四条）'],
    [{ ...base, filed: '2026-03-11' }, '账号 a：信息变更报备，期限为 2026-03-08，实际于 2026-03-11 办理，晚了 3 天（依据：第四条）'],
    [{ ...base, state: 'due', daysLate: 0 }, '账号 a：信息变更报备，今天（2026-03-08）到期（依据：第四条）'],
    [{ ...base, state: 'upcoming', daysLate: 0, rule: DEFAULT_RULE }, '账号 a：信息变更报备，请在 2026-03-08 前办理（依据：登记系统默认期限）'],
    [{ ...base, account: null, group: 'g', kind: 'group-dissolution' }, '工作群 g：网络工作群解散报备，期限为 2026-03-08，已逾期 3 天（依据：第四条）'],
    [{ ...base, account: null, kind: 'reassign' }, '本单位：撤并单位的账号移交承继单位，期限为 2026-03-08，已逾期 3 天（依据：第四条）'],
    [{ ...base, kind: 'review', year: 2025 }, '账号 a（2025 年度）：提交年审材料，期限为 2026-03-08，已逾期 3 天（依据：第四条）'],
    [{ ...base, kind: 'review-failed', year: 2025 }, '账号 a（2025 年度）：年审不合格（2026-03-08 审核），请整改后重新提交年审（依据：第四条）'],
    [{ ...base, kind: 'department-app' }, '账号 a：于 2026-03-08 申请新设移动应用，办法规定部门、院系原则上不再单独新设，请与归口管理部门商议整合，确有必要的由归口管理部门批准并登记例外 exemptions（依据：第四条）'],
  ] as Array<[Obligation, string]>)('%#: describeObligation() says %s', (o, text) => expect(describeObligation(o)).toBe(text));

  test('toObligationJson() keeps exactly the promised fields', () => {
    expect(toObligationJson({ ...base, year: 2025 })).toEqual({ kind: 'change', unit: 'jwc', account: 'a', group: null, due: '2026-03-08', state: 'overdue', daysLate: 3, rule: '第四条' });
  });

  test('compareObligations() orders by unit, due date, kind order, then account or group', () => {
    const o = (x: Partial<Obligation>) => ({ ...base, ...x });
    const list = [o({ unit: 'b' }), o({ due: '2026-03-09' }), o({ kind: 'apply' }), o({ account: 'z' }), o({}), o({ account: null, group: 'c' }), o({ unit: 'a', due: '2026-03-20' })];
    expect([...list].sort(compareObligations).map((x) => `${x.unit} ${x.due} ${x.kind} ${x.account ?? x.group}`)).toEqual([
      'a 2026-03-20 change a',
      'b 2026-03-08 change a',
      'jwc 2026-03-08 apply a',
      'jwc 2026-03-08 change a',
      'jwc 2026-03-08 change c',
      'jwc 2026-03-08 change z',
      'jwc 2026-03-09 change a',
    ]);
    expect(compareObligations(base, { ...base })).toBe(0);
  });

  test('findLateFilings() warns once per late filing, at the field\'s line, never as an error', () => {
    const a = account({ id: 'a', history: [{ date: '2026-03-01', kind: 'rename', summary: '改名', reported: '2026-03-09' }] });
    const f = findLateFilings(registry({ accounts: [a] }), POLICY, '2026-03-20');
    expect(f).toEqual([{ file: 'accounts/jwc/a.mdx', line: 30, column: 5, field: 'history[0].date', code: 'late/change', message: expect.stringContaining('晚了 1 天'), severity: 'warning' }]);
    const onTime = account({ id: 'b', history: [{ date: '2026-03-01', kind: 'rename', summary: '改名', reported: '2026-03-08' }] });
    expect(findLateFilings(registry({ accounts: [onTime] }), POLICY, '2026-03-20')).toEqual([]);
  });

  test('findLateFilings() does not warn about an open obligation that is merely overdue (the deadlines command does)', () => {
    const a = account({ id: 'a', keys: [], dates: { applied: '2026-02-01', opened: '2026-03-01' } });
    expect(findLateFilings(registry({ accounts: [a] }), POLICY, '2026-03-20')).toEqual([]);
  });
});
