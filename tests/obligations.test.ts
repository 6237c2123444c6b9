/**
 * The deadline engine: every preset's own articles on time, late and exactly on the deadline day,
 * date edge cases (month ends, leap years, the December review across the year boundary, Beijing
 * time), the derived statuses and the PR-time warnings.
 */
import { describe, expect, test } from 'vitest';
import {
  addDuration,
  beijingDate,
  currentReviewYear,
  deriveAccountStatus,
  describeObligation,
  deriveAccountStatuses,
  findLateFilings,
  findObligations,
  reviewCycle,
  stateOf,
  toObligationJson,
  type FindOptions,
  type Registry,
} from '../src/domain/index.ts';
import { account, brief, group, presetPolicy, registry, review, unit } from './obligations-fixtures.ts';

interface Case {
  name: string;
  preset: string;
  policy?: Record<string, unknown>;
  reg: () => Registry;
  today: string;
  options?: FindOptions;
  expected: string[];
}

const applied = (appliedOn: string, plannedOpening = '2026-03-10') =>
  account({ id: 'a', status: 'applied', dates: { applied: appliedOn, plannedOpening }, keys: [] });
const changed = (reported: string | undefined, date = '2026-03-01') =>
  account({ id: 'a', history: [{ date, kind: 'admins', summary: '更换管理员', ...(reported ? { reported } : {}) }] });
const closed = (reported: string, closedOn = '2026-03-01') =>
  account({
    id: 'a',
    status: 'closed',
    dates: { applied: '2025-02-01', opened: '2025-03-01', closed: closedOn },
    closure: { reason: '不再使用' },
    history: [{ date: closedOn, kind: 'closure', summary: '停办', reported }],
  });
const backfilled = (filedOn: string, opened = '2023-09-01') =>
  account({ id: 'a', filing: 'backfill', dates: { applied: filedOn, opened } });
/** An account opened in March 2025: it owes the 2025 and later reviews. */
const veteran = () => account({ id: 'a', dates: { applied: '2025-02-01', opened: '2025-03-01' } });
/** Passed reviews of `id` for `years`. */
const reviewed = (id: string, years: number[]) => years.map((y) => review(id, y, `${y}-12-15`));

const PRESET_CASES: Case[] = [
  // 000 第四条: apply one week before opening; backfill within one week of publication; change and closure within one week.
  { preset: '000', name: 'accepts an application filed more than 7 days before opening (000 第四条)', reg: () => registry({ accounts: [applied('2026-03-01')] }), today: '2026-03-02', expected: [] },
  { preset: '000', name: 'accepts an application filed exactly 7 days before opening (000 第四条)', reg: () => registry({ accounts: [applied('2026-03-03')] }), today: '2026-03-03', expected: [] },
  { preset: '000', name: 'flags an application filed 5 days before opening as 2 days late (000 第四条)', reg: () => registry({ accounts: [applied('2026-03-05')] }), today: '2026-03-05', expected: ['apply jwc a due=2026-03-03 overdue late=2 第四条'] },
  { preset: '000', name: 'accepts a backfill filed within a week of publication (000 第四条)', reg: () => registry({ accounts: [backfilled('2024-06-01')] }), today: '2024-06-10', expected: [] },
  { preset: '000', name: 'accepts a backfill filed on the last day of the week after publication (000 第四条)', reg: () => registry({ accounts: [backfilled('2024-06-03')] }), today: '2024-06-10', expected: [] },
  { preset: '000', name: 'flags a backfill filed 7 days after its window (000 第四条)', reg: () => registry({ accounts: [backfilled('2024-06-10')] }), today: '2024-06-20', expected: ['backfill jwc a due=2024-06-03 overdue late=7 第四条'] },
  { preset: '000', name: 'treats an account opened after publication but filed as backfill as an opening without application (000 第四条)', reg: () => registry({ accounts: [backfilled('2024-07-10', '2024-07-01')] }), today: '2024-07-10', expected: ['apply jwc a due=2024-06-24 overdue late=16 第四条'] },
  { preset: '000', name: 'accepts a change reported on the 7th day (000 第四条)', reg: () => registry({ accounts: [changed('2026-03-08')] }), today: '2026-03-10', expected: [] },
  { preset: '000', name: 'flags a change reported on the 8th day as 1 day late (000 第四条)', reg: () => registry({ accounts: [changed('2026-03-09')] }), today: '2026-03-10', expected: ['change jwc a due=2026-03-08 overdue late=1 第四条'] },
  { preset: '000', name: 'flags a closure reported after a week (000 第四条)', reg: () => registry({ accounts: [closed('2026-03-10')] }), today: '2026-03-10', expected: ['closure jwc a due=2026-03-08 overdue late=2 第四条'] },
  { preset: '000', name: 'lists the annual review as upcoming once the mid-December window opens (000 第五条)', reg: () => registry({ accounts: [account({ id: 'a' })], reviews: reviewed('a', [2025]) }), today: '2026-12-11', expected: ['review jwc a due=2026-12-20 upcoming late=0 第五条'] },
  { preset: '000', name: 'does not list the annual review before its window opens (000 第五条)', reg: () => registry({ accounts: [account({ id: 'a' })], reviews: reviewed('a', [2025]) }), today: '2026-12-10', expected: [] },
  { preset: '000', name: 'marks the annual review due on 12-20, not late (000 第五条)', reg: () => registry({ accounts: [account({ id: 'a' })], reviews: reviewed('a', [2025]) }), today: '2026-12-20', expected: ['review jwc a due=2026-12-20 due late=0 第五条'] },
  { preset: '000', name: 'marks a missing annual review overdue on 12-21 (000 第五条)', reg: () => registry({ accounts: [account({ id: 'a' })], reviews: reviewed('a', [2025]) }), today: '2026-12-21', expected: ['review jwc a due=2026-12-20 overdue late=1 第五条'] },
  { preset: '000', name: 'accepts a review submitted on 12-20 (000 第五条)', reg: () => registry({ accounts: [account({ id: 'a' })], reviews: [...reviewed('a', [2025]), review('a', 2026, '2026-12-20')] }), today: '2026-12-28', expected: [] },

  // 001 第七条: change within a week; no closure window, no annual review.
  { preset: '001', name: 'accepts a change reported within a week (001 第七条)', reg: () => registry({ accounts: [changed('2026-03-05')] }), today: '2026-03-10', expected: [] },
  { preset: '001', name: 'accepts a change reported on the 7th day (001 第七条)', reg: () => registry({ accounts: [changed('2026-03-08')] }), today: '2026-03-10', expected: [] },
  { preset: '001', name: 'flags a change reported 4 days after its week (001 第七条)', reg: () => registry({ accounts: [changed('2026-03-12')] }), today: '2026-03-12', expected: ['change jwc a due=2026-03-08 overdue late=4 第七条'] },
  { preset: '001', name: 'asks for no annual review and no closure report, which 001 does not require', reg: () => registry({ accounts: [account({ id: 'a' }), closed('2026-06-01')] }), today: '2027-01-10', expected: [] },
  { preset: '001', name: 'accepts an application on the opening day itself, as 001 sets no lead time (001 第七条)', reg: () => registry({ accounts: [applied('2026-03-10')] }), today: '2026-03-10', expected: [] },

  // 002 第九条: backfill within one month of publication, change and closure within a week; 第八条: review before 12-30.
  { preset: '002', name: 'accepts a backfill filed on the last day of the month after publication, 01-31 + 1 month = 02-28 (002 第九条)', policy: { document: { published: '2025-01-31' } }, reg: () => registry({ accounts: [backfilled('2025-02-28', '2024-05-01')] }), today: '2025-03-01', expected: [] },
  { preset: '002', name: 'flags a backfill filed on 03-01 as 1 day late (002 第九条)', policy: { document: { published: '2025-01-31' } }, reg: () => registry({ accounts: [backfilled('2025-03-01', '2024-05-01')] }), today: '2025-03-01', expected: ['backfill jwc a due=2025-02-28 overdue late=1 第九条'] },
  { preset: '002', name: 'accepts a review submitted on 12-29, the last day before 12-30 (002 第八条)', reg: () => registry({ accounts: [account({ id: 'a' })], reviews: [review('a', 2026, '2026-12-29')] }), today: '2027-01-05', expected: [] },
  { preset: '002', name: 'flags a review submitted on 12-30 as 1 day late (002 第八条)', reg: () => registry({ accounts: [account({ id: 'a' })], reviews: [review('a', 2026, '2026-12-30', 'pending')] }), today: '2027-01-05', expected: ['review jwc a due=2026-12-29 overdue late=1 第八条'] },
  { preset: '002', name: 'asks the class’s 系部, not the office, for a tier-3 review (002 第八条)', reg: () => registry({ units: [unit('c1', 'class', { parent: 'jsj' })], accounts: [account({ id: 'a', unit: 'c1', tier: 3 })] }), today: '2027-01-05', expected: ['review jsj a due=2026-12-29 overdue late=7 第八条'] },
  { preset: '002', name: 'accepts a closure reported on the 7th day (002 第九条)', reg: () => registry({ accounts: [closed('2026-03-08')] }), today: '2026-03-09', expected: [] },

  // 003 第十三条: dissolution reported within 3 days; no new department apps. 第七条: groups filed, changes within 7 days.
  { preset: '003', name: 'accepts a closure reported on the 3rd day (003 第十三条)', reg: () => registry({ accounts: [closed('2026-03-04')] }), today: '2026-03-05', expected: [] },
  { preset: '003', name: 'flags a closure reported after 3 days (003 第十三条)', reg: () => registry({ accounts: [closed('2026-03-05')] }), today: '2026-03-05', expected: ['closure jwc a due=2026-03-04 overdue late=1 第十三条'] },
  { preset: '003', name: 'accepts a closure reported on the day it happened (003 第十三条)', reg: () => registry({ accounts: [closed('2026-03-01')] }), today: '2026-03-05', expected: [] },
  { preset: '003', name: 'accepts a group dissolution filed through a pull request on its 3rd day (003 第十三条)', reg: () => registry({ groups: [group('g', { dissolved: '2026-03-01' })] }), today: '2026-03-04', options: { prDate: '2026-03-04', prFiles: new Set(['groups/jwc/g.yaml']), prBase: registry({ groups: [group('g')] }) }, expected: [] },
  { preset: '003', name: 'flags a group dissolution filed through a pull request on its 4th day as 1 day late (003 第十三条)', reg: () => registry({ groups: [group('g', { dissolved: '2026-03-01' })] }), today: '2026-03-05', options: { prDate: '2026-03-05', prFiles: new Set(['groups/jwc/g.yaml']), prBase: registry({ groups: [group('g')] }) }, expected: ['group-dissolution jwc g due=2026-03-04 overdue late=1 第七条、第十三条'] },
  { preset: '003', name: 'lists a merged group dissolution without a report date as reported, never as overdue (003 第十三条)', reg: () => registry({ groups: [group('g', { dissolved: '2026-03-01' })] }), today: '2026-06-06', expected: [] },
  { preset: '003', name: 'accepts a group dissolution reported on the 3rd day (003 第十三条)', reg: () => registry({ groups: [group('g', { dissolved: '2026-03-01', dissolutionReported: '2026-03-04' })] }), today: '2026-03-06', expected: [] },
  { preset: '003', name: 'flags a new app applied for by a department (003 第十三条)', reg: () => registry({ accounts: [account({ id: 'a', platform: 'app', keys: [{ kind: 'package', value: 'cn.edu.test' }], dates: { applied: '2026-02-01', opened: '2026-02-20' } })] }), today: '2026-03-01', expected: ['department-app jwc a due=2026-02-01 overdue late=28 第十三条'] },
  { preset: '003', name: 'lets a student organisation apply for an app (003 第十三条 binds 部门、院系)', reg: () => registry({ accounts: [account({ id: 'a', unit: 'tw', tier: 3, platform: 'app', keys: [{ kind: 'package', value: 'cn.edu.test' }], dates: { applied: '2026-02-01', opened: '2026-02-20' } })] }), today: '2026-03-01', expected: [] },
  { preset: '003', name: 'accepts a work group filed on the 7th day after creation in a pull request (003 第七条)', reg: () => registry({ groups: [group('g', { created: '2026-03-01' })] }), today: '2026-03-08', options: { prDate: '2026-03-08', prFiles: new Set(['groups/jwc/g.yaml']) }, expected: [] },
  { preset: '003', name: 'flags a work group filed on the 8th day after creation (003 第七条)', reg: () => registry({ groups: [group('g', { created: '2026-03-01' })] }), today: '2026-03-09', options: { prDate: '2026-03-09', prFiles: new Set(['groups/jwc/g.yaml']) }, expected: ['group-filing jwc g due=2026-03-08 overdue late=1 第七条、第十三条'] },

  // 004 第七条: change within a week; the annual review at year end.
  { preset: '004', name: 'accepts a review submitted on 12-31 (004 第七条)', reg: () => registry({ accounts: [account({ id: 'a' })], reviews: [review('a', 2026, '2026-12-31')] }), today: '2027-01-02', expected: [] },
  { preset: '004', name: 'marks the year-end review due on 12-31 (004 第七条)', reg: () => registry({ accounts: [account({ id: 'a' })], reviews: reviewed('a', [2025]) }), today: '2026-12-31', expected: ['review jwc a due=2026-12-31 due late=0 第七条'] },
  { preset: '004', name: 'marks a missing 2026 review overdue on 2027-01-02, across the year boundary (004 第七条)', reg: () => registry({ accounts: [account({ id: 'a' })], reviews: reviewed('a', [2025]) }), today: '2027-01-02', expected: ['review jwc a due=2026-12-31 overdue late=2 第七条'] },
  { preset: '004', name: 'flags a 2026 review submitted on 2027-01-01 as 1 day late (004 第七条)', reg: () => registry({ accounts: [account({ id: 'a' })], reviews: [review('a', 2026, '2027-01-01')] }), today: '2027-01-02', expected: ['review jwc a due=2026-12-31 overdue late=1 第七条'] },
  { preset: '004', name: 'flags a change of maintenance reported after a week (004 第七条)', reg: () => registry({ accounts: [changed('2026-03-10')] }), today: '2026-03-10', expected: ['change jwc a due=2026-03-08 overdue late=2 第七条'] },
  { preset: '004', name: 'accepts a change reported on the 7th day (004 第七条)', reg: () => registry({ accounts: [changed('2026-03-08')] }), today: '2026-03-10', expected: [] },
  { preset: '004', name: 'accepts a QQ group filed on the day it was created (004 第七条: approval before opening)', reg: () => registry({ groups: [group('g', { platform: 'qq-group', number: '123456', created: '2026-03-01' })] }), today: '2026-03-01', options: { prDate: '2026-03-01', prFiles: new Set(['groups/jwc/g.yaml']) }, expected: [] },
  { preset: '004', name: 'flags a QQ group filed the day after it was created (004 第七条)', reg: () => registry({ groups: [group('g', { platform: 'qq-group', number: '123456', created: '2026-03-01' })] }), today: '2026-03-02', options: { prDate: '2026-03-02', prFiles: new Set(['groups/jwc/g.yaml']) }, expected: ['group-filing jwc g due=2026-03-01 overdue late=1 第七条'] },
];

const OTHER_CASES: Case[] = [
  { preset: '000', name: 'lists an approved account as upcoming 30 days before its 90-day opening deadline (registry default)', reg: () => registry({ accounts: [account({ id: 'a', status: 'approved', keys: [], approval: { number: '2026-0001', date: '2026-01-01' }, dates: { applied: '2025-12-20', plannedOpening: '2026-06-01' } })] }), today: '2026-03-02', expected: ['open jwc a due=2026-04-01 upcoming late=0 登记系统默认'] },
  { preset: '000', name: 'does not list an approved account 31 days before its opening deadline', reg: () => registry({ accounts: [account({ id: 'a', status: 'approved', keys: [], approval: { number: '2026-0001', date: '2026-01-01' }, dates: { applied: '2025-12-20', plannedOpening: '2026-06-01' } })] }), today: '2026-03-01', expected: [] },
  { preset: '000', name: 'marks an approved but unopened account overdue after 90 days', reg: () => registry({ accounts: [account({ id: 'a', status: 'approved', keys: [], approval: { number: '2026-0001', date: '2026-01-01' }, dates: { applied: '2025-12-20', plannedOpening: '2026-06-01' } })] }), today: '2026-04-03', expected: ['open jwc a due=2026-04-01 overdue late=2 登记系统默认'] },
  { preset: '000', name: 'asks an approved account to file its opening 7 days after its planned opening date has passed', reg: () => registry({ accounts: [account({ id: 'a', status: 'approved', keys: [], approval: { number: '2026-0001', date: '2026-01-01' }, dates: { applied: '2025-12-20', plannedOpening: '2026-02-01' } })] }), today: '2026-02-09', expected: ['keys jwc a due=2026-02-08 overdue late=1 登记系统默认'] },
  { preset: '000', name: 'marks an opened account without keys or link due 7 days after opening', reg: () => registry({ accounts: [account({ id: 'a', keys: [], dates: { applied: '2026-02-01', opened: '2026-03-01' } })] }), today: '2026-03-08', expected: ['keys jwc a due=2026-03-08 due late=0 登记系统默认'] },
  { preset: '000', name: 'asks the successor unit to take over an account of a merged unit within the change window', reg: () => registry({ units: [unit('old', 'office', { status: 'merged', successor: 'jwc', statusDate: '2026-03-01' })], accounts: [account({ id: 'a', unit: 'old' })] }), today: '2026-03-10', expected: ['reassign jwc a due=2026-03-08 overdue late=2 第四条'] },
  { preset: '000', name: 'asks the parent unit to reassign an account of a dissolved unit', reg: () => registry({ units: [unit('old', 'office', { status: 'dissolved', statusDate: '2026-03-01', parent: 'jwc' })], accounts: [account({ id: 'a', unit: 'old' })] }), today: '2026-03-08', expected: ['reassign jwc a due=2026-03-08 due late=0 第四条'] },
  { preset: '000', name: 'lists a failed review until a later review passes', reg: () => registry({ accounts: [veteran()], reviews: [review('a', 2025, '2025-12-15', 'fail', '2025-12-26')] }), today: '2026-01-10', expected: ['review-failed jwc a due=2025-12-26 overdue late=15 第五条'] },
  { preset: '000', name: 'clears a failed review once the next year passes', reg: () => registry({ accounts: [veteran()], reviews: [review('a', 2025, '2025-12-15', 'fail', '2025-12-26'), review('a', 2026, '2026-12-15')] }), today: '2027-01-10', expected: [] },
  { preset: '000', name: 'asks no review of an account opened during the review window', reg: () => registry({ accounts: [account({ id: 'a', dates: { applied: '2026-11-01', opened: '2026-12-12' } })] }), today: '2026-12-25', expected: [] },
  { preset: '000', name: 'asks no review of a closed account', reg: () => registry({ accounts: [closed('2026-03-02')] }), today: '2026-12-25', expected: [] },
  { preset: '000', name: 'still lists a late change 30 days after it was reported', reg: () => registry({ accounts: [changed('2026-03-09')] }), today: '2026-04-08', expected: ['change jwc a due=2026-03-08 overdue late=1 第四条'] },
  { preset: '000', name: 'drops a late change 31 days after it was reported', reg: () => registry({ accounts: [changed('2026-03-09')] }), today: '2026-04-09', expected: [] },
  { preset: '000', name: 'does not judge a change without a report date outside a pull request', reg: () => registry({ accounts: [changed(undefined)] }), today: '2026-03-20', expected: [] },
  { preset: '000', name: 'counts a change without a report date as reported on the date of the pull request that files it', reg: () => registry({ accounts: [changed(undefined)] }), today: '2026-03-20', options: { prDate: '2026-03-20', prFiles: new Set(['accounts/jwc/a.mdx']) }, expected: ['change jwc a due=2026-03-08 overdue late=12 第四条'] },
  { preset: '000', name: 'lists a review missed last year and this year’s upcoming one together', reg: () => registry({ accounts: [veteran()] }), today: '2026-12-12', expected: ['review jwc a due=2025-12-20 overdue late=357 第五条', 'review jwc a due=2026-12-20 upcoming late=0 第五条'] },
];

describe('findObligations()', () => {
  test.each([...PRESET_CASES, ...OTHER_CASES])('$name', ({ preset, policy, reg, today, options, expected }) => {
    const found = findObligations(reg(), presetPolicy(preset, policy), today, options);
    expect(found.map(brief)).toEqual(expected);
  });

  test('covers at least three scenarios from each preset’s own articles', () => {
    for (const id of ['000', '001', '002', '003', '004']) expect(PRESET_CASES.filter((c) => c.preset === id).length).toBeGreaterThanOrEqual(3);
  });

  test('prints exactly the eight JSON fields, with null for an absent account or group', () => {
    const [o] = findObligations(registry({ groups: [group('g', { dissolved: '2026-03-01' })] }), presetPolicy('003'), '2026-03-06', { prDate: '2026-03-06', prFiles: new Set(['groups/jwc/g.yaml']), prBase: registry({ groups: [group('g')] }) });
    expect(toObligationJson(o!)).toEqual({ kind: 'group-dissolution', unit: 'jwc', account: null, group: 'g', due: '2026-03-04', state: 'overdue', daysLate: 2, rule: '第七条、第十三条' });
  });
});

describe('date edge cases', () => {
  test.each([
    { from: '2025-01-31', d: { months: 1 }, to: '2025-02-28', why: '01-31 + 1 month is the last day of February' },
    { from: '2024-01-31', d: { months: 1 }, to: '2024-02-29', why: '01-31 + 1 month in a leap year is 02-29' },
    { from: '2024-02-29', d: { months: 12 }, to: '2025-02-28', why: 'a leap day + 12 months is 02-28' },
    { from: '2024-02-26', d: { days: 7 }, to: '2024-03-04', why: '7 days across a leap day' },
    { from: '2025-02-26', d: { days: 7 }, to: '2025-03-05', why: '7 days across the end of a common February' },
    { from: '2026-12-28', d: { days: 7 }, to: '2027-01-04', why: '7 days across the year end' },
  ])('addDuration(): $why', ({ from, d, to }) => {
    expect(addDuration(from, d)).toBe(to);
  });

  test.each([
    { opening: '2024-03-01', appliedOn: '2024-02-23', expected: [] as string[], why: 'an application 7 days before 2024-03-01 is on time (leap year: 02-23)' },
    { opening: '2024-03-01', appliedOn: '2024-02-24', expected: ['apply jwc a due=2024-02-23 overdue late=1 第四条'], why: 'an application on 2024-02-24 for 03-01 is late (leap year)' },
    { opening: '2025-03-01', appliedOn: '2025-02-22', expected: [], why: 'an application 7 days before 2025-03-01 is on time (common year: 02-22)' },
  ])('findObligations(): $why', ({ opening, appliedOn, expected }) => {
    const found = findObligations(registry({ accounts: [applied(appliedOn, opening)] }), presetPolicy('000'), appliedOn);
    expect(found.map(brief)).toEqual(expected);
  });

  test('puts a review due in January in the next year when the window opens in December', () => {
    const policy = presetPolicy('004', { annualReview: { opens: '12-01', due: '01-15' } });
    expect(reviewCycle(policy, 2026)).toEqual({ year: 2026, opens: '2026-12-01', due: '2027-01-15' });
    const reg = registry({ accounts: [account({ id: 'a' })], reviews: reviewed('a', [2025]) });
    expect(findObligations(reg, policy, '2027-01-10').map(brief)).toEqual(['review jwc a due=2027-01-15 upcoming late=0 第七条']);
    expect(findObligations(reg, policy, '2027-01-16').map(brief)).toEqual(['review jwc a due=2027-01-15 overdue late=1 第七条']);
  });

  test.each([
    { today: '2026-12-10', year: 2025, why: 'before the window opens, the current review is last year’s' },
    { today: '2026-12-11', year: 2026, why: 'from the first day of the window, it is this year’s' },
    { today: '2027-01-05', year: 2026, why: 'in January, it is still last year’s December review' },
  ])('currentReviewYear(): $why', ({ today, year }) => {
    expect(currentReviewYear(presetPolicy('000'), today)).toBe(year);
  });

  test.each([
    { instant: '2026-03-08T15:30:00Z', date: '2026-03-08', expected: [] as string[], why: 'a change reported at 23:30 Beijing time (15:30 UTC) on its 7th day is on time' },
    { instant: '2026-03-08T16:30:00Z', date: '2026-03-09', expected: ['change jwc a due=2026-03-08 overdue late=1 第四条'], why: 'a change reported at 00:30 Beijing time the next day (16:30 UTC the same day) is 1 day late' },
  ])('beijingDate(): $why', ({ instant, date, expected }) => {
    const reported = beijingDate(new Date(instant));
    expect(reported).toBe(date);
    expect(findObligations(registry({ accounts: [changed(reported)] }), presetPolicy('000'), reported).map(brief)).toEqual(expected);
  });

  test.each([
    { due: '2026-04-01', today: '2026-03-01', expected: undefined, why: '31 days ahead is outside the look-ahead' },
    { due: '2026-04-01', today: '2026-03-02', expected: { state: 'upcoming', daysLate: 0 }, why: '30 days ahead is upcoming' },
    { due: '2026-04-01', today: '2026-04-01', expected: { state: 'due', daysLate: 0 }, why: 'the deadline day itself is due, not late' },
    { due: '2026-04-01', today: '2026-04-02', expected: { state: 'overdue', daysLate: 1 }, why: 'the day after the deadline is 1 day late' },
  ])('stateOf(): $why', ({ due, today, expected }) => {
    expect(stateOf(due, today)).toEqual(expected);
  });
});

describe('deriveAccountStatus()', () => {
  const a = veteran().data;
  test.each([
    { name: 'keeps the stored status while the review window is open', preset: '000', reviews: reviewed('a', [2025]), today: '2026-12-15', expected: null },
    { name: 'suspends an account whose review is missing after the deadline (000 第五条: 不得继续运行)', preset: '000', reviews: reviewed('a', [2025]), today: '2026-12-21', expected: { state: 'suspended', label: '暂停运行', reason: '2026 年度年审材料未按期提交', since: '2026-12-21', rule: '第五条' } },
    { name: 'suspends an account whose review failed (000 第五条)', preset: '000', reviews: [review('a', 2025, '2025-12-15', 'fail', '2025-12-26')], today: '2026-01-10', expected: { state: 'suspended', label: '暂停运行', reason: '2025 年度年审不合格', since: '2025-12-26', rule: '第五条' } },
    { name: 'shows 年审逾期 while a late review awaits its result', preset: '000', reviews: [review('a', 2025, '2026-01-06', 'pending')], today: '2026-01-10', expected: { state: 'overdue', label: '年审逾期', reason: '2025 年度年审材料逾期提交，等待审核', since: '2025-12-21', rule: '第五条' } },
    { name: 'shows 年审逾期, not suspension, when the policy does not suspend', preset: '004', policy: { annualReview: { failureSuspends: false } }, reviews: reviewed('a', [2025]), today: '2027-01-02', expected: { state: 'overdue', label: '年审逾期', reason: '2026 年度年审材料未按期提交', since: '2027-01-01', rule: '第七条' } },
    { name: 'derives nothing under a rulebook without annual reviews (001)', preset: '001', reviews: [], today: '2027-01-10', expected: null },
    { name: 'keeps the stored status once the review has passed', preset: '000', reviews: reviewed('a', [2025, 2026]), today: '2027-01-10', expected: null },
  ])('$name', ({ preset, policy, reviews, today, expected }: { preset: string; policy?: Record<string, unknown>; reviews: ReturnType<typeof review>[]; today: string; expected: unknown }) => {
    expect(deriveAccountStatus(a, reviews.map((r) => r.data), presetPolicy(preset, policy), today)).toEqual(expected);
  });

  test('keeps a closed account closed', () => {
    const c = closed('2026-03-02').data;
    expect(deriveAccountStatus(c, [], presetPolicy('000'), '2027-01-10')).toBeNull();
  });

  test('maps every account id for the site', () => {
    const accounts = [a, account({ id: 'b' }).data];
    const map = deriveAccountStatuses(accounts, [review('b', 2025, '2025-12-15').data, review('b', 2026, '2026-12-15').data], presetPolicy('000'), '2027-01-10');
    expect([...map.entries()].map(([id, s]) => `${id}:${s?.label ?? '-'}`)).toEqual(['a:暂停运行', 'b:-']);
  });
});

describe('findLateFilings()', () => {
  test.each([
    { name: 'warns late/change with the days late at the entry’s line', reg: () => registry({ accounts: [changed('2026-03-09')] }), code: 'late/change', line: 30, today: '2026-03-09' },
    { name: 'warns late/closure for a closure reported after its window', reg: () => registry({ accounts: [closed('2026-03-10')] }), code: 'late/closure', line: 1, today: '2026-03-10' },
    { name: 'warns late/application for an application inside the lead time', reg: () => registry({ accounts: [applied('2026-03-05')] }), code: 'late/application', line: 12, today: '2026-03-05' },
  ])('$name', ({ reg, code, line, today }) => {
    const findings = findLateFilings(reg(), presetPolicy('000'), today);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ code, line, severity: 'warning' });
    expect(findings[0]!.message).toMatch(/晚了 \d+ 天/);
  });

  test('words the application warning for office staff', () => {
    const [f] = findLateFilings(registry({ accounts: [applied('2026-03-05')] }), presetPolicy('000'), '2026-03-05');
    expect(f!.message).toMatchInlineSnapshot(`"账号 a：开通前提出申请，期限为 2026-03-03，实际于 2026-03-05 办理，晚了 2 天（依据：第四条）"`);
  });

  test('stays silent for filings made on time', () => {
    expect(findLateFilings(registry({ accounts: [changed('2026-03-08'), applied('2026-03-03')] }), presetPolicy('000'), '2026-03-08')).toEqual([]);
  });
});

describe('describeObligation()', () => {
  test('words each kind of obligation for unit staff, naming no private value', () => {
    const reg = registry({
      units: [unit('old', 'office', { status: 'merged', successor: 'jwc', statusDate: '2026-03-01' })],
      accounts: [
        account({ id: 'app', platform: 'app', keys: [{ kind: 'package', value: 'cn.edu.test' }], dates: { applied: '2026-02-01', opened: '2026-02-20' } }),
        account({ id: 'moved', unit: 'old' }),
        account({ id: 'new', status: 'approved', keys: [], approval: { number: '2026-0001', date: '2026-01-01' }, dates: { applied: '2025-12-20', plannedOpening: '2026-02-01' } }),
        veteran(),
      ],
      reviews: [review('a', 2025, '2025-12-15', 'fail', '2025-12-26')],
      groups: [group('g', { dissolved: '2026-03-01' })],
    });
    const base = registry({ groups: [group('g')] });
    const lines = findObligations(reg, presetPolicy('003'), '2026-03-06', { prDate: '2026-03-06', prFiles: new Set(['groups/jwc/g.yaml']), prBase: base }).map(describeObligation);
    expect(lines).toMatchInlineSnapshot(`
      [
        "账号 a（2025 年度）：年审不合格（2025-12-26 审核），请整改后重新提交年审（依据：第八条）",
        "账号 app：于 2026-02-01 申请新设移动应用，办法规定部门、院系原则上不再单独新设，请与归口管理部门商议整合，确有必要的由归口管理部门批准并登记例外 exemptions（依据：第十三条）",
        "账号 new：开通后补报账号ID和链接，期限为 2026-02-08，已逾期 26 天（依据：登记系统默认期限）",
        "工作群 g：网络工作群解散报备，期限为 2026-03-04，实际于 2026-03-06 办理，晚了 2 天（依据：第七条、第十三条）",
        "账号 moved：撤并单位的账号移交承继单位，请在 2026-03-08 前办理（依据：第七条）",
        "账号 new：批准后开通，请在 2026-04-01 前办理（依据：登记系统默认期限）",
      ]
    `);
    for (const line of lines) expect(line).not.toMatch(/1[3-9]\d{9}|@/);
  });
});
