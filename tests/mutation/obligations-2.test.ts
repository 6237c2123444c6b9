// The deadline engine, branch by branch: every condition of findObligations (apply, backfill, open,
// keys, change, closure, review, review-report, department-app, reassign, group filing and
// dissolution), the pull-request dating (prDate / prFiles / prBase), findLateFilings's positions,
// and deriveAccountStatus's choice among orders, dissolved units and review states. Whole
// obligations are compared, so a wrong field, rule, window or unit fails a row.
import { describe, expect, test } from 'vitest';
import type { Account, Unit } from '../../src/domain/index.ts';
import {
  DEFAULT_RULE,
  answerableUnit,
  compareObligations,
  changeWindowApplies,
  currentReviewYear,
  deriveAccountStatus,
  deriveAccountStatuses,
  findLateFilings,
  findObligations,
  orderInForce,
  owesReview,
  reviewCycle,
  reviewedTiers,
  type Obligation,
} from '../../src/domain/obligations.ts';
import { account, group, presetPolicy, registry, review, unit } from '../obligations-fixtures.ts';

// Every window distinct (change 7, closure 5, keys 10, backfill 14 days …) and every article named,
// so an obligation computed from the wrong knob or citing the wrong article shows.
const articles = {
  apply: 'R-apply', backfill: 'R-backfill', change: 'R-change', closure: 'R-closure', openAfterApproval: 'R-open',
  keysAfterOpening: 'R-keys', review: 'R-review', groups: 'R-groups', apps: 'R-apps', reassign: 'R-reassign', order: 'R-order',
};
const P = presetPolicy('000', {
  document: { published: '2025-09-01' },
  deadlines: { applyLeadDays: 7, backfill: { days: 14 }, change: { days: 7 }, changeKinds: null, closure: { days: 5 }, openAfterApproval: { days: 90 }, keysAfterOpening: { days: 10 } },
  annualReview: { required: true, tiers: [1, 2, 3], opens: '12-11', due: '12-20', failureSuspends: true, delegated: null },
  groups: { mustFile: true, fileWithin: { days: 7 }, dissolution: { days: 3 } },
  apps: { departmentsMayOpenNew: false, platforms: ['app', 'wechat-mini'] },
  articles,
});
/** P with some knobs changed. */
const with_ = (over: Record<string, unknown>) => presetPolicy('000', deepOver(P, over) as Record<string, unknown>);
function deepOver(base: unknown, over: unknown): unknown {
  if (base === null || over === null || typeof base !== 'object' || typeof over !== 'object' || Array.isArray(base) || Array.isArray(over)) return over;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(over as Record<string, unknown>)) out[k] = deepOver(out[k], v);
  return out;
}

type Entry = Account['history'][number];
const FILE = 'accounts/jwc/a.mdx';
/** A whole obligation of account a of jwc, with the given fields. */
const ob = (o: Partial<Obligation>): Obligation => ({ unit: 'jwc', account: 'a', group: null, filed: null, file: FILE, ...o }) as Obligation;
const mid = '2026-06-15'; // outside the review window

describe('apply (开通前申请): due day, field and the application date', () => {
  test('an account applied late is listed with the apply article and the dates.applied field', () => {
    const a = account({ id: 'a', dates: { applied: '2026-03-05', opened: '2026-03-10' } });
    expect(findObligations(registry({ accounts: [a] }), P, '2026-03-20')).toEqual([
      ob({ kind: 'apply', due: '2026-03-03', state: 'overdue', daysLate: 2, rule: 'R-apply', filed: '2026-03-05', field: 'dates.applied' }),
    ]);
  });

  test('an application still pending stays listed however old; its due day comes from the planned opening', () => {
    const a = account({ id: 'a', status: 'applied', keys: [], dates: { applied: '2026-03-05', plannedOpening: '2026-03-10' } });
    expect(findObligations(registry({ accounts: [a] }), P, '2026-09-01')).toEqual([
      ob({ kind: 'apply', due: '2026-03-03', state: 'overdue', daysLate: 2, rule: 'R-apply', filed: '2026-03-05', field: 'dates.applied' }),
    ]);
  });

  test('a pending application made on the due day is on time', () => {
    const a = account({ id: 'a', status: 'applied', keys: [], dates: { applied: '2026-03-03', plannedOpening: '2026-03-10' } });
    expect(findObligations(registry({ accounts: [a] }), P, '2026-03-04')).toEqual([]);
  });

  test('a pending application dated after today does not count yet: the application is open', () => {
    const a = account({ id: 'a', status: 'applied', keys: [], dates: { applied: '2026-03-05', plannedOpening: '2026-03-10' } });
    expect(findObligations(registry({ accounts: [a] }), P, '2026-03-04')).toEqual([
      ob({ kind: 'apply', due: '2026-03-03', state: 'overdue', daysLate: 1, rule: 'R-apply', field: 'dates.applied' }),
    ]);
  });

  test('an active account applied late is no longer listed a month after its application', () => {
    const a = account({ id: 'a', dates: { applied: '2026-03-05', opened: '2026-03-10' } });
    expect(findObligations(registry({ accounts: [a] }), P, '2026-04-04')).toHaveLength(1);
    expect(findObligations(registry({ accounts: [a] }), P, '2026-04-05')).toEqual([]);
  });

  test('an approved account with neither an opening nor a planned opening owes no application date', () => {
    const a = account({ id: 'a', status: 'approved', keys: [], approval: { number: '2026-0001', date: '2026-02-01' }, dates: { applied: '2026-01-05' } });
    expect(findObligations(registry({ accounts: [a] }), with_({ deadlines: { openAfterApproval: null } }), '2026-03-01')).toEqual([]);
  });

  test('a backfill of an account opened on the day the policy was published is an opening without application', () => {
    const a = account({ id: 'a', filing: 'backfill', dates: { applied: '2025-09-03', opened: '2025-09-01' } });
    expect(findObligations(registry({ accounts: [a] }), P, '2025-09-10')).toEqual([
      ob({ kind: 'apply', due: '2025-08-25', state: 'overdue', daysLate: 9, rule: 'R-apply', filed: '2025-09-03', field: 'filing' }),
    ]);
  });

  test('a backfill of an account opened the day before publication is a backfill, not a late application', () => {
    const a = account({ id: 'a', filing: 'backfill', dates: { applied: '2025-09-16', opened: '2025-08-31' } });
    expect(findObligations(registry({ accounts: [a] }), P, '2025-09-20')).toEqual([
      ob({ kind: 'backfill', due: '2025-09-15', state: 'overdue', daysLate: 1, rule: 'R-backfill', filed: '2025-09-16', field: 'filing' }),
    ]);
  });

  test('without a publication date a backfill is neither a late application nor a late backfill', () => {
    const a = account({ id: 'a', filing: 'backfill', dates: { applied: '2025-12-01', opened: '2025-10-01' } });
    expect(findObligations(registry({ accounts: [a] }), with_({ document: { published: null }, annualReview: { required: false } }), '2025-12-05')).toEqual([]);
  });

  test('the approval date stands for a missing application date', () => {
    const a = account({ id: 'a', filing: 'backfill', approval: { number: '2025-0001', date: '2025-09-17' }, dates: { opened: '2024-05-01' } });
    expect(findObligations(registry({ accounts: [a] }), P, '2025-09-20')).toEqual([
      ob({ kind: 'backfill', due: '2025-09-15', state: 'overdue', daysLate: 2, rule: 'R-backfill', filed: '2025-09-17', field: 'filing' }),
    ]);
  });

  test('a backfill opened after publication with no filing date is not judged outside a pull request', () => {
    const a = account({ id: 'a', filing: 'backfill', dates: { opened: '2026-03-10' } });
    expect(findObligations(registry({ accounts: [a] }), P, '2026-03-20')).toEqual([]);
  });
});

describe('the pull request dates what carries no date of its own', () => {
  const a = account({ id: 'a', filing: 'backfill', dates: { opened: '2024-05-01' } });
  const reg = () => registry({ accounts: [a] });
  const late = ob({ kind: 'backfill', due: '2025-09-15', state: 'overdue', daysLate: 5, rule: 'R-backfill', filed: '2025-09-20', field: 'filing' });

  test('a backfill in the pull request\'s files is filed on the pull request\'s date', () => {
    expect(findObligations(reg(), P, '2025-09-20', { prDate: '2025-09-20', prFiles: new Set([FILE]) })).toEqual([late]);
  });

  test('without the pull request\'s files, or outside them, or without its date, nothing is dated', () => {
    expect(findObligations(reg(), P, '2025-09-20', { prDate: '2025-09-20' })).toEqual([]);
    expect(findObligations(reg(), P, '2025-09-20', { prFiles: new Set([FILE]) })).toEqual([]);
    expect(findObligations(reg(), P, '2025-09-20', { prDate: '2025-09-20', prFiles: new Set(['accounts/jwc/b.mdx']) })).toEqual([]);
  });
});

describe('backfill (补办备案) conditions', () => {
  const a = (dates: Record<string, string>, status: 'active' | 'applied' = 'active') => account({ id: 'a', filing: 'backfill', status, keys: [], link: 'https://mp.weixin.qq.com/s/abcdefgh', dates });

  test('no backfill window in the policy: nothing owed', () => {
    expect(findObligations(registry({ accounts: [a({ applied: '2025-09-20', opened: '2024-05-01' })] }), with_({ deadlines: { backfill: null } }), '2025-09-20')).toEqual([]);
  });

  test('a backfill filing not yet opened owes neither a backfill nor an application', () => {
    expect(findObligations(registry({ accounts: [a({ applied: '2025-09-20', plannedOpening: '2025-09-21' }, 'applied')] }), P, '2025-09-20')).toEqual([]);
  });

  test('a backfill filed on the last day of the window is on time', () => {
    expect(findObligations(registry({ accounts: [a({ applied: '2025-09-15', opened: '2024-05-01' })] }), P, '2025-09-20')).toEqual([]);
  });
});

describe('open (批准后开通) and keys (补报账号ID)', () => {
  const approved = (over: Record<string, unknown> = {}) =>
    account({ id: 'a', status: 'approved', keys: [], approval: { number: '2026-0001', date: '2026-01-01' }, dates: { applied: '2025-12-01', plannedOpening: '2026-12-31' }, ...over });

  test('an approved account owes its opening 90 days after approval, citing the open article', () => {
    expect(findObligations(registry({ accounts: [approved()] }), P, '2026-04-02')).toEqual([
      ob({ kind: 'open', due: '2026-04-01', state: 'overdue', daysLate: 1, rule: 'R-open', field: 'status' }),
    ]);
  });

  test('no opening window in the policy: nothing owed', () => {
    expect(findObligations(registry({ accounts: [approved()] }), with_({ deadlines: { openAfterApproval: null } }), '2026-04-02')).toEqual([]);
  });

  test('an approved filing without its approval record owes no opening deadline (and does not crash)', () => {
    const a = approved();
    const data = { ...a.data, approval: undefined };
    expect(findObligations(registry({ accounts: [{ ...a, data }] }), P, '2026-04-02')).toEqual([]);
  });

  test('an active account without keys owes them keysAfterOpening after opening, upcoming within the month', () => {
    const a = account({ id: 'a', keys: [], dates: { applied: '2026-02-01', opened: '2026-03-01' } });
    expect(findObligations(registry({ accounts: [a] }), P, '2026-03-02')).toEqual([
      ob({ kind: 'keys', due: '2026-03-11', state: 'upcoming', daysLate: 0, rule: 'R-keys', field: 'keys' }),
    ]);
  });

  test('an active account with keys owes none; no keys window: nothing owed', () => {
    const withKeys = account({ id: 'a', dates: { applied: '2026-02-01', opened: '2026-03-01' } });
    expect(findObligations(registry({ accounts: [withKeys] }), P, '2026-03-20')).toEqual([]);
    const noKeys = account({ id: 'a', keys: [], dates: { applied: '2026-02-01', opened: '2026-03-01' } });
    expect(findObligations(registry({ accounts: [noKeys] }), with_({ deadlines: { keysAfterOpening: null } }), '2026-03-20')).toEqual([]);
  });

  test('an approved account past its planned opening owes its keys from the planned day, on the plannedOpening field', () => {
    expect(findObligations(registry({ accounts: [approved({ dates: { applied: '2025-12-01', plannedOpening: '2026-02-01' } })] }), P, '2026-02-12')).toEqual([
      ob({ kind: 'keys', due: '2026-02-11', state: 'overdue', daysLate: 1, rule: 'R-keys', field: 'dates.plannedOpening' }),
    ]);
  });

  test('an approved account without a planned opening owes no keys', () => {
    expect(findObligations(registry({ accounts: [approved({ dates: { applied: '2025-12-01' } })] }), P, '2026-02-12')).toEqual([]);
  });

  test('a closed account owes no keys even without any', () => {
    const a = account({ id: 'a', status: 'closed', keys: [], closure: { reason: '不再使用' }, dates: { applied: '2026-01-01', opened: '2026-02-01', closed: '2026-03-01' } });
    expect(findObligations(registry({ accounts: [a] }), P, '2026-02-12')).toEqual([]);
  });
});

describe('change (信息变更报备)', () => {
  const h = (date: string, kind: Entry['kind'], summary: string, reported?: string): Entry => ({ date, kind, summary, ...(reported ? { reported } : {}) });

  test('each change is judged on its own history index, citing the change article', () => {
    const a = account({ id: 'a', history: [h('2026-03-01', 'rename', '改名', '2026-03-08'), h('2026-03-02', 'admins', '换管理员', '2026-03-11')] });
    expect(findObligations(registry({ accounts: [a] }), P, '2026-03-20')).toEqual([
      ob({ kind: 'change', due: '2026-03-09', state: 'overdue', daysLate: 2, rule: 'R-change', filed: '2026-03-11', field: 'history[1].date' }),
    ]);
  });

  test('no change window in the policy: nothing owed', () => {
    const a = account({ id: 'a', history: [h('2026-03-01', 'rename', '改名', '2026-03-10')] });
    expect(findObligations(registry({ accounts: [a] }), with_({ deadlines: { change: null } }), '2026-03-20')).toEqual([]);
  });

  test('only the change kinds the article names are owed within the window', () => {
    const a = account({ id: 'a', history: [h('2026-03-01', 'admins', '换管理员', '2026-03-10'), h('2026-03-01', 'rename', '改名', '2026-03-11')] });
    const p = with_({ deadlines: { changeKinds: ['rename'] } });
    expect(findObligations(registry({ accounts: [a] }), p, '2026-03-20')).toEqual([
      ob({ kind: 'change', due: '2026-03-08', state: 'overdue', daysLate: 3, rule: 'R-change', filed: '2026-03-11', field: 'history[1].date' }),
    ]);
  });

  test('a closure entry is a closure, not a change', () => {
    const a = account({ id: 'a', status: 'closed', closure: { reason: '不再使用' }, dates: { applied: '2026-01-01', opened: '2026-01-20', closed: '2026-03-01' }, history: [{ date: '2026-03-01', kind: 'closure', summary: '停办', reported: '2026-03-08' }] });
    expect(findObligations(registry({ accounts: [a] }), P, '2026-03-20')).toEqual([
      ob({ kind: 'closure', due: '2026-03-06', state: 'overdue', daysLate: 2, rule: 'R-closure', filed: '2026-03-08', field: 'dates.closed' }),
    ]);
  });

  describe('in a pull request: an entry without reported is reported on the pull request\'s date', () => {
    const entry = h('2026-03-01', 'rename', '改名');
    const now = account({ id: 'a', history: [entry] });
    const opts = (baseHistory: Entry[] | null) => ({
      prDate: '2026-03-10',
      prFiles: new Set([FILE]),
      ...(baseHistory ? { prBase: registry({ accounts: [account({ id: 'a', history: baseHistory })] }) } : {}),
    });
    const late = [ob({ kind: 'change', due: '2026-03-08', state: 'overdue', daysLate: 2, rule: 'R-change', filed: '2026-03-10', field: 'history[0].date' })];

    test('without a base, every such entry is dated by the pull request', () => {
      expect(findObligations(registry({ accounts: [now] }), P, '2026-03-10', opts(null))).toEqual(late);
    });
    test('an entry already in the base is not judged again', () => {
      expect(findObligations(registry({ accounts: [now] }), P, '2026-03-10', opts([entry]))).toEqual([]);
    });
    test.each([
      ['another date', h('2026-03-02', 'rename', '改名')],
      ['another kind', h('2026-03-01', 'admins', '改名')],
      ['another summary', h('2026-03-01', 'rename', '改了名')],
    ])('an entry of the base with %s is another entry: the new one is judged', (_why, other) => {
      expect(findObligations(registry({ accounts: [now] }), P, '2026-03-10', opts([other]))).toEqual(late);
    });
    test('an account the base does not have is new: its entries are judged', () => {
      const prBase = registry({ accounts: [account({ id: 'b', history: [entry] })] });
      expect(findObligations(registry({ accounts: [now] }), P, '2026-03-10', { prDate: '2026-03-10', prFiles: new Set([FILE]), prBase })).toEqual(late);
    });
  });
});

describe('closure (停办报备)', () => {
  const closed = (history: unknown[] = []) =>
    account({ id: 'a', status: 'closed', closure: { reason: '不再使用' }, dates: { applied: '2026-01-01', opened: '2026-01-20', closed: '2026-03-01' }, history: history as never });
  const late = (filed: string, days: number) => [ob({ kind: 'closure', due: '2026-03-06', state: 'overdue', daysLate: days, rule: 'R-closure', filed, field: 'dates.closed' })];

  test('the closure entry\'s report date counts, not an earlier entry\'s', () => {
    const a = closed([{ date: '2026-02-01', kind: 'rename', summary: '改名', reported: '2026-02-02' }, { date: '2026-03-01', kind: 'closure', summary: '停办', reported: '2026-03-09' }]);
    expect(findObligations(registry({ accounts: [a] }), P, '2026-03-20')).toEqual(late('2026-03-09', 3));
  });

  test('a closure without a reported entry is dated by the pull request that closes the account', () => {
    const prBase = registry({ accounts: [account({ id: 'a' })] });
    expect(findObligations(registry({ accounts: [closed()] }), P, '2026-03-10', { prDate: '2026-03-10', prFiles: new Set([FILE]), prBase })).toEqual(late('2026-03-10', 4));
  });

  test('a closure already in the base is not judged again, nor one outside a pull request', () => {
    const prBase = registry({ accounts: [closed()] });
    expect(findObligations(registry({ accounts: [closed()] }), P, '2026-03-10', { prDate: '2026-03-10', prFiles: new Set([FILE]), prBase })).toEqual([]);
    expect(findObligations(registry({ accounts: [closed()] }), P, '2026-03-10')).toEqual([]);
  });

  test('no closure window in the policy: nothing owed', () => {
    const a = closed([{ date: '2026-03-01', kind: 'closure', summary: '停办', reported: '2026-03-09' }]);
    expect(findObligations(registry({ accounts: [a] }), with_({ deadlines: { closure: null } }), '2026-03-20')).toEqual([]);
  });
});

describe('review (年审): cycles, filings seen from today, results not yet known', () => {
  const a = account({ id: 'a', dates: { applied: '2025-01-01', opened: '2025-02-01' } });
  const rv = (year: number, submitted: string, outcome: 'pass' | 'fail' | 'pending' = 'pass', resultDate?: string) => review('a', year, submitted, outcome, resultDate);
  const missing = (year: number, due: string, state: Obligation['state'], daysLate: number) => ob({ kind: 'review', due, state, daysLate, rule: 'R-review', field: 'status', year });

  test('both cycles still matter: last year\'s missing review and this year\'s', () => {
    expect(findObligations(registry({ accounts: [a] }), P, '2026-12-21')).toEqual([missing(2025, '2025-12-20', 'overdue', 366), missing(2026, '2026-12-20', 'overdue', 1)]);
  });

  test('a passed review this year clears last year\'s gap', () => {
    expect(findObligations(registry({ accounts: [a], reviews: [rv(2026, '2026-12-15')] }), P, '2026-12-21')).toEqual([]);
  });

  test('a passed review last year does not clear this year\'s', () => {
    expect(findObligations(registry({ accounts: [a], reviews: [rv(2025, '2025-12-15')] }), P, '2026-12-21')).toEqual([missing(2026, '2026-12-20', 'overdue', 1)]);
  });

  test('a review submitted after today is not filed yet; submitted today it is, late', () => {
    expect(findObligations(registry({ accounts: [a], reviews: [rv(2025, '2025-12-15'), rv(2026, '2026-12-22')] }), P, '2026-12-21')).toEqual([missing(2026, '2026-12-20', 'overdue', 1)]);
    expect(findObligations(registry({ accounts: [a], reviews: [rv(2025, '2025-12-15'), rv(2026, '2026-12-21')] }), P, '2026-12-21')).toEqual([
      ob({ kind: 'review', due: '2026-12-20', state: 'overdue', daysLate: 1, rule: 'R-review', field: 'submitted', year: 2026, file: 'reviews/2026/a.yaml', filed: '2026-12-21' }),
    ]);
  });

  test('a late review awaiting its result stays listed however old; once passed, a month after the filing', () => {
    const pending = [rv(2025, '2025-12-15'), rv(2026, '2026-12-22', 'pending')];
    const late = ob({ kind: 'review', due: '2026-12-20', state: 'overdue', daysLate: 2, rule: 'R-review', field: 'submitted', year: 2026, file: 'reviews/2026/a.yaml', filed: '2026-12-22' });
    expect(findObligations(registry({ accounts: [a], reviews: pending }), P, '2027-03-01')).toEqual([late]);
    const passed = [rv(2025, '2025-12-15'), rv(2026, '2026-12-22', 'pass', '2026-12-30')];
    expect(findObligations(registry({ accounts: [a], reviews: passed }), P, '2027-01-21')).toEqual([late]);
    expect(findObligations(registry({ accounts: [a], reviews: passed }), P, '2027-01-22')).toEqual([]);
  });

  test('a failed review owes a resubmission from its result date, once that date has come', () => {
    const rs = [rv(2025, '2025-12-15'), rv(2026, '2026-12-15', 'fail', '2026-12-30')];
    expect(findObligations(registry({ accounts: [a], reviews: rs }), P, '2026-12-29')).toEqual([]);
    expect(findObligations(registry({ accounts: [a], reviews: rs }), P, '2026-12-30')).toEqual([
      ob({ kind: 'review-failed', due: '2026-12-30', state: 'due', daysLate: 0, rule: 'R-review', field: 'result.outcome', year: 2026, file: 'reviews/2026/a.yaml' }),
    ]);
  });

  test('a missing review is upcoming from the window\'s first day, not from 30 days before the due day', () => {
    expect(findObligations(registry({ accounts: [a], reviews: [rv(2025, '2025-12-15')] }), P, '2026-12-10')).toEqual([]);
    expect(findObligations(registry({ accounts: [a], reviews: [rv(2025, '2025-12-15')] }), P, '2026-12-11')).toEqual([missing(2026, '2026-12-20', 'upcoming', 0)]);
  });

  test('no annual review in the policy, an unreviewed tier, a closed or unopened account: nothing owed', () => {
    expect(findObligations(registry({ accounts: [a] }), with_({ annualReview: { required: false } }), '2026-12-21')).toEqual([]);
    expect(findObligations(registry({ accounts: [a] }), with_({ annualReview: { tiers: [1, 3] } }), '2026-12-21')).toEqual([]);
  });
});

describe('owesReview(), reviewedTiers(), reviewCycle(), changeWindowApplies()', () => {
  const a = account({ id: 'a', dates: { applied: '2025-01-01', opened: '2025-02-01' } }).data;

  test('owed from the policy\'s publication year on, by accounts opened before the window', () => {
    expect(owesReview(a, P, 2025)).toBe(true);
    expect(owesReview(a, P, 2024)).toBe(false);
    expect(owesReview({ ...a, dates: { opened: '2025-12-10' } }, P, 2025)).toBe(true);
    expect(owesReview({ ...a, dates: { opened: '2025-12-11' } }, P, 2025)).toBe(false);
  });

  test('without a publication date every year since opening is owed', () => {
    expect(owesReview(a, with_({ document: { published: null } }), 2000)).toBe(false);
    expect(owesReview({ ...a, dates: { opened: '1999-01-01' } }, with_({ document: { published: null } }), 2000)).toBe(true);
  });

  test('not owed without a review, outside the reviewed tiers, by an account not active or not opened', () => {
    expect(owesReview(a, with_({ annualReview: { required: false } }), 2025)).toBe(false);
    expect(owesReview({ ...a, tier: 3 }, with_({ annualReview: { tiers: [1, 2] } }), 2025)).toBe(false);
    expect(owesReview({ ...a, tier: 3 }, with_({ annualReview: { tiers: [1, 2], delegated: { tiers: [3], reviewer: '系部', reportWithin: null } } }), 2025)).toBe(true);
    expect(owesReview({ ...a, status: 'approved' }, P, 2025)).toBe(false);
    expect(owesReview({ ...a, dates: { applied: '2025-01-01' } }, P, 2025)).toBe(false);
  });

  test('reviewedTiers() joins the office\'s and the delegated tiers once each', () => {
    expect(reviewedTiers(with_({ annualReview: { tiers: [1, 2], delegated: { tiers: [2, 3], reviewer: '系部', reportWithin: null } } }))).toEqual([1, 2, 3]);
    expect(reviewedTiers(with_({ annualReview: { tiers: [1, 2], delegated: null } }))).toEqual([1, 2]);
  });

  test('a review opening and due on the same day falls due that year', () => {
    expect(reviewCycle(with_({ annualReview: { opens: '12-20', due: '12-20' } }), 2026)).toEqual({ year: 2026, opens: '2026-12-20', due: '2026-12-20' });
    expect(currentReviewYear(P, '2026-01-01')).toBe(2025);
  });

  test('changeWindowApplies(): every kind without a list, only the listed kinds with one', () => {
    expect(changeWindowApplies(P, 'admins')).toBe(true);
    expect(changeWindowApplies({ ...P, deadlines: { ...P.deadlines, changeKinds: undefined as never } }, 'admins')).toBe(true);
    expect(changeWindowApplies(with_({ deadlines: { changeKinds: ['rename'] } }), 'rename')).toBe(true);
    expect(changeWindowApplies(with_({ deadlines: { changeKinds: ['rename'] } }), 'admins')).toBe(false);
  });
});

describe('delegated reviews (002 第八条): owed by the parent unit, reported to the office', () => {
  const D = with_({ annualReview: { tiers: [1, 2], delegated: { tiers: [3], reviewer: '所在系部或校团委', reportWithin: { days: 7 } } } });
  const units = [unit('club', 'club', { parent: 'tw' }), unit('solo', 'club')];
  const a = (unitId = 'club', tier = 3) => account({ id: 'a', unit: unitId, tier, dates: { applied: '2025-01-01', opened: '2025-02-01' } });
  const withReport = (r: ReturnType<typeof review>, reportedToOffice: string) => ({ ...r, data: { ...r.data, reportedToOffice } });
  // Last year's review passed and was reported on time: only 2026 matters below.
  const r2025 = withReport(review('a', 2025, '2025-12-15'), '2025-12-16');
  const cf = 'accounts/club/a.mdx';
  const rf = 'reviews/2026/a.yaml';

  test('a missing tier-3 review is owed by the unit\'s parent', () => {
    expect(findObligations(registry({ units, accounts: [a()], reviews: [r2025] }), D, '2026-12-21')).toEqual([
      ob({ unit: 'tw', file: cf, kind: 'review', due: '2026-12-20', state: 'overdue', daysLate: 1, rule: 'R-review', field: 'status', year: 2026 }),
    ]);
  });

  test('a unit without a parent owes its own; a tier the office also reviews stays with the unit', () => {
    expect(findObligations(registry({ units, accounts: [a('solo')], reviews: [r2025] }), D, '2026-12-21').map((o) => o.unit)).toEqual(['solo']);
    const both = with_({ annualReview: { tiers: [1, 2, 3], delegated: { tiers: [3], reviewer: '系部', reportWithin: { days: 7 } } } });
    const rs = [r2025, review('a', 2026, '2026-12-15', 'pass', '2026-12-18')];
    expect(findObligations(registry({ units, accounts: [a()], reviews: rs }), both, '2026-12-26')).toEqual([]);
  });

  test('the parent\'s successor answers when the parent was merged', () => {
    const merged = [unit('club', 'club', { parent: 'old' }), unit('old', 'student-org', { status: 'merged', statusDate: '2026-01-01', successor: 'tw' })];
    expect(findObligations(registry({ units: merged, accounts: [a()], reviews: [r2025] }), D, '2026-12-21').map((o) => `${o.kind} ${o.unit}`)).toEqual(['review tw']);
  });

  test('a result not reported to the office within 7 days is overdue; reported late, it is a late filing', () => {
    const r = review('a', 2026, '2026-12-15', 'pass', '2026-12-18');
    const rep = { unit: 'tw', file: rf, kind: 'review-report' as const, due: '2026-12-25', rule: 'R-review', field: 'reportedToOffice', year: 2026 };
    expect(findObligations(registry({ units, accounts: [a()], reviews: [r2025, r] }), D, '2026-12-26')).toEqual([ob({ ...rep, state: 'overdue', daysLate: 1 })]);
    expect(findObligations(registry({ units, accounts: [a()], reviews: [r2025, withReport(r, '2026-12-27')] }), D, '2026-12-28')).toEqual([ob({ ...rep, state: 'overdue', daysLate: 2, filed: '2026-12-27' })]);
    expect(findObligations(registry({ units, accounts: [a()], reviews: [r2025, withReport(r, '2026-12-25')] }), D, '2026-12-28')).toEqual([]);
  });

  test('no report is owed while the result is pending, nor when the policy sets no report window', () => {
    const pending = review('a', 2026, '2026-12-15', 'pending');
    expect(findObligations(registry({ units, accounts: [a()], reviews: [r2025, pending] }), D, '2027-01-20')).toEqual([]);
    const noReport = with_({ annualReview: { tiers: [1, 2], delegated: { tiers: [3], reviewer: '系部', reportWithin: null } } });
    expect(findObligations(registry({ units, accounts: [a()], reviews: [r2025, review('a', 2026, '2026-12-15', 'pass', '2026-12-18')] }), noReport, '2026-12-26')).toEqual([]);
  });
});

describe('department-app (003 第十三条: 部门、院系原则上不再单独新设移动应用)', () => {
  const app = (over: Record<string, unknown> = {}) =>
    account({ id: 'a', platform: 'app', link: 'https://www.qclg.edu.cn/app', dates: { applied: '2026-03-01', opened: '2026-03-20' }, ...over });
  const listed = (unitId = 'jwc') => [ob({ unit: unitId, file: `accounts/${unitId}/a.mdx`, kind: 'department-app', due: '2026-03-01', state: 'overdue', daysLate: 24, rule: 'R-apps', field: 'platform' })];
  const find = (a: ReturnType<typeof account>, p = P, today = '2026-03-25', units: ReturnType<typeof unit>[] = []) => findObligations(registry({ units, accounts: [a] }), p, today);

  test('an office\'s, a college\'s and a department\'s new app are listed, a student body\'s is not', () => {
    expect(find(app())).toEqual(listed());
    expect(find(app({ unit: 'jsj' }))).toEqual(listed('jsj'));
    expect(find(app({ unit: 'dep' }), P, '2026-03-25', [unit('dep', 'department')])).toEqual(listed('dep'));
    expect(find(app({ unit: 'tw' }))).toEqual([]);
  });

  test('the policy\'s platforms count (小程序 too); without a list, only APP', () => {
    expect(find(app({ platform: 'wechat-mini', link: undefined }))).toEqual(listed());
    expect(find(app({ platform: 'wechat-mp', link: undefined }))).toEqual([]);
    const appOnly = with_({ apps: { platforms: undefined } });
    expect(find(app({ platform: 'wechat-mini', link: undefined }), appOnly)).toEqual([]);
    expect(find(app(), appOnly)).toEqual(listed());
  });

  test('allowed by the policy, closed, a backfill, or of an unknown unit: not listed', () => {
    expect(find(app(), with_({ apps: { departmentsMayOpenNew: true } }))).toEqual([]);
    expect(find(app({ status: 'closed', closure: { reason: '整合' }, dates: { applied: '2026-03-01', opened: '2026-03-20', closed: '2026-03-22' } }), with_({ deadlines: { closure: null } }))).toEqual([]);
    expect(find(app({ filing: 'backfill' }))).toEqual([]);
    expect(find(app({ unit: 'nobody' }))).toEqual([]);
  });

  test('an exemption counts from its date on', () => {
    const ex = (date: string) => app({ exemptions: [{ rule: 'department-app', date, reference: '宣传部〔2026〕1号', reason: '确有必要' }] });
    expect(find(ex('2026-03-25'))).toEqual([]);
    expect(find(ex('2026-03-26'))).toEqual(listed());
  });

  test('applications made before the policy was published are not judged by it', () => {
    const before = with_({ document: { published: '2026-03-02' } });
    expect(find(app(), before)).toEqual([]);
    expect(find(app(), with_({ document: { published: '2026-03-01' } }))).toEqual(listed());
    expect(find(app(), with_({ document: { published: null }, annualReview: { required: false } }))).toEqual(listed());
  });
});

describe('reassign (撤并单位): a dissolved or merged unit\'s accounts and groups', () => {
  const old = (over: Record<string, unknown> = {}) => unit('old', 'college', { status: 'dissolved', statusDate: '2026-03-01', parent: 'jsj', ...over });
  const acc = (over: Record<string, unknown> = {}) => account({ id: 'a', unit: 'old', ...over });
  const af = 'accounts/old/a.mdx';

  test('an account of a dissolved unit is owed by its parent, a change window after the dissolution', () => {
    expect(findObligations(registry({ units: [old()], accounts: [acc()] }), P, '2026-03-09')).toEqual([
      ob({ unit: 'jsj', file: af, kind: 'reassign', due: '2026-03-08', state: 'overdue', daysLate: 1, rule: 'R-reassign', field: 'unit' }),
    ]);
  });

  test('without a change window it is due on the day of the dissolution', () => {
    expect(findObligations(registry({ units: [old()], accounts: [acc()] }), with_({ deadlines: { change: null } }), '2026-03-02')).toEqual([
      ob({ unit: 'jsj', file: af, kind: 'reassign', due: '2026-03-01', state: 'overdue', daysLate: 1, rule: 'R-reassign', field: 'unit' }),
    ]);
  });

  test('a closed account, an active unit, an unknown unit or a unit without its status date owe nothing', () => {
    const closed = acc({ status: 'closed', closure: { reason: '撤销' }, dates: { applied: '2026-01-01', opened: '2026-01-20', closed: '2026-03-01' } });
    expect(findObligations(registry({ units: [old()], accounts: [closed] }), with_({ deadlines: { closure: null } }), '2026-03-09')).toEqual([]);
    expect(findObligations(registry({ units: [unit('old', 'college')], accounts: [acc()] }), P, '2026-03-09')).toEqual([]);
    expect(findObligations(registry({ accounts: [acc()] }), P, '2026-03-09')).toEqual([]);
    const undated = old();
    expect(findObligations(registry({ units: [{ ...undated, data: { ...undated.data, statusDate: undefined } }], accounts: [acc()] }), P, '2026-03-09')).toEqual([]);
  });

  test('a live group of a dissolved unit is reassigned too; a dissolved group is not', () => {
    const g = group('g', { unit: 'old', created: '2025-01-05' });
    expect(findObligations(registry({ units: [old()], groups: [g] }), P, '2026-03-09')).toEqual([
      { unit: 'jsj', account: null, group: 'g', file: 'groups/old/g.yaml', kind: 'reassign', due: '2026-03-08', state: 'overdue', daysLate: 1, rule: 'R-reassign', field: 'unit', filed: null },
    ]);
    expect(findObligations(registry({ units: [old()], groups: [g] }), with_({ deadlines: { change: null } }), '2026-03-02').map((o) => `${o.kind} ${o.due} ${o.daysLate}`)).toEqual(['reassign 2026-03-01 1']);
    const gone = group('g', { unit: 'old', created: '2025-01-05', dissolved: '2026-03-01', dissolutionReported: '2026-03-01' });
    expect(findObligations(registry({ units: [old()], groups: [gone] }), P, '2026-03-09')).toEqual([]);
    expect(findObligations(registry({ units: [unit('old', 'college')], groups: [g] }), P, '2026-03-09')).toEqual([]);
    expect(findObligations(registry({ groups: [g] }), P, '2026-03-09')).toEqual([]);
    const undated = old();
    expect(findObligations(registry({ units: [{ ...undated, data: { ...undated.data, statusDate: undefined } }], groups: [g] }), P, '2026-03-09')).toEqual([]);
  });
});

describe('answerableUnit()', () => {
  const map = (...us: Partial<Unit>[]) => new Map(us.map((u) => [u.id!, { kind: 'office', name: u.id, status: 'active', ...u } as Unit]));
  const office = with_({ office: { unit: 'xcb' } });

  test.each([
    ['an active unit answers for itself', map({ id: 'a' }), 'a'],
    ['a merged unit\'s successor, to the end of the chain', map({ id: 'a', status: 'merged', successor: 'b' }, { id: 'b', status: 'renamed', successor: 'c' }, { id: 'c' }), 'c'],
    ['a dissolved unit\'s parent', map({ id: 'a', status: 'dissolved', parent: 'p' }, { id: 'p' }), 'p'],
    ['a dissolved unit without a parent: the office\'s unit', map({ id: 'a', status: 'dissolved' }, { id: 'xcb' }), 'xcb'],
    ['a successor missing from the registry is still named', map({ id: 'a', status: 'merged', successor: 'gone' }), 'gone'],
    ['a cycle of successors stops where it closes', map({ id: 'a', status: 'merged', successor: 'b' }, { id: 'b', status: 'merged', successor: 'a' }), 'a'],
    ['an unknown unit is named as given', map(), 'zz'],
  ] as const)('%s', (_why, units, out) => expect(answerableUnit(out === 'zz' ? 'zz' : 'a', units, office)).toBe(out));

  test('a dissolved unit with no parent and no office unit answers for itself', () => {
    expect(answerableUnit('a', map({ id: 'a', status: 'dissolved' }), with_({ office: { unit: undefined } }))).toBe('a');
  });

  test('a merged unit without a successor (invalid) answers for itself', () => {
    expect(answerableUnit('a', map({ id: 'a', status: 'merged' }), office)).toBe('a');
  });
});

describe('work groups (003 第七条、第十三条)', () => {
  const GF = 'groups/jwc/g.yaml';
  const gob = (o: Partial<Obligation>): Obligation => ({ unit: 'jwc', account: null, group: 'g', filed: null, file: GF, rule: 'R-groups', ...o }) as Obligation;
  const pr = (date: string, prBase?: ReturnType<typeof registry>) => ({ prDate: date, prFiles: new Set([GF]), ...(prBase ? { prBase } : {}) });

  test('a group filed late by a pull request, citing the groups article', () => {
    expect(findObligations(registry({ groups: [group('g')] }), P, '2026-01-13', pr('2026-01-13', registry({})))).toEqual([
      gob({ kind: 'group-filing', due: '2026-01-12', state: 'overdue', daysLate: 1, field: 'created', filed: '2026-01-13' }),
    ]);
  });

  test('an edit of a group already filed is not a filing; no filing duty or no window: nothing owed', () => {
    expect(findObligations(registry({ groups: [group('g')] }), P, '2026-01-13', pr('2026-01-13', registry({ groups: [group('g')] })))).toEqual([]);
    expect(findObligations(registry({ groups: [group('g')] }), with_({ groups: { mustFile: false } }), '2026-01-13', pr('2026-01-13'))).toEqual([]);
    expect(findObligations(registry({ groups: [group('g')] }), with_({ groups: { fileWithin: null } }), '2026-01-13', pr('2026-01-13'))).toEqual([]);
  });

  test('a dissolution reported late on dissolutionReported is listed without a pull request', () => {
    const g = group('g', { dissolved: '2026-02-01', dissolutionReported: '2026-02-06' });
    expect(findObligations(registry({ groups: [g] }), P, '2026-02-10')).toEqual([
      gob({ kind: 'group-dissolution', due: '2026-02-04', state: 'overdue', daysLate: 2, field: 'dissolved', filed: '2026-02-06' }),
    ]);
    expect(findObligations(registry({ groups: [g] }), with_({ groups: { dissolution: null } }), '2026-02-10')).toEqual([]);
  });

  test('a dissolution reported after today is still open', () => {
    const g = group('g', { dissolved: '2026-02-01', dissolutionReported: '2026-02-06' });
    expect(findObligations(registry({ groups: [g] }), P, '2026-02-05')).toEqual([gob({ kind: 'group-dissolution', due: '2026-02-04', state: 'overdue', daysLate: 1, field: 'dissolved' })]);
  });

  test('the pull request that adds a dissolution reports it; one already in the base was judged before', () => {
    const g = group('g', { dissolved: '2026-02-01' });
    const late = [gob({ kind: 'group-dissolution', due: '2026-02-04', state: 'overdue', daysLate: 1, field: 'dissolved', filed: '2026-02-05' })];
    expect(findObligations(registry({ groups: [g] }), P, '2026-02-05', pr('2026-02-05', registry({ groups: [group('g')] })))).toEqual(late);
    // Without a base the whole group is new in the pull request: filed (late) and dissolved.
    expect(findObligations(registry({ groups: [g] }), P, '2026-02-05', pr('2026-02-05'))).toEqual([
      gob({ kind: 'group-filing', due: '2026-01-12', state: 'overdue', daysLate: 24, field: 'created', filed: '2026-02-05' }),
      ...late,
    ]);
    expect(findObligations(registry({ groups: [g] }), P, '2026-02-05', pr('2026-02-05', registry({ groups: [g] })))).toEqual([]);
    expect(findObligations(registry({ groups: [g] }), P, '2026-02-05')).toEqual([]);
  });

  test('a group of a merged unit is answered for by the successor', () => {
    const units = [unit('old', 'college', { status: 'merged', statusDate: '2026-01-01', successor: 'jsj' })];
    const g = group('g', { unit: 'old', dissolved: '2026-02-01', dissolutionReported: '2026-02-06' });
    expect(findObligations(registry({ units, groups: [g] }), P, '2026-02-10').map((o) => `${o.kind} ${o.unit}`)).toEqual(['group-dissolution jsj']);
  });
});

describe('findLateFilings(): positions, codes, and what counts as a warning', () => {
  const pos = (f: ReturnType<typeof account>, p: Record<string, [number, number]>) => ({ ...f, pos: p });
  const change = account({ id: 'a', history: [{ date: '2026-03-01', kind: 'rename', summary: '改名', reported: '2026-03-09' }] });
  const message = '账号 a：信息变更报备，期限为 2026-03-08，实际于 2026-03-09 办理，晚了 1 天（依据：R-change）';

  test('the field\'s own position first, then its parent\'s, then the file\'s first line', () => {
    const at = (p: Record<string, [number, number]>) => findLateFilings(registry({ accounts: [pos(change, p)] }), P, '2026-03-20');
    const finding = (line: number, column: number) => [{ file: FILE, line, column, field: 'history[0].date', code: 'late/change', message, severity: 'warning' }];
    expect(at({ 'history[0].date': [30, 5], 'history[0]': [29, 3] })).toEqual(finding(30, 5));
    expect(at({ 'history[0]': [29, 3], history: [28, 1] })).toEqual(finding(29, 3));
    expect(at({ history: [28, 1] })).toEqual(finding(1, 1));
  });

  test('a closure late on dates.closed points at dates', () => {
    const a = account({ id: 'a', status: 'closed', closure: { reason: '不再使用' }, dates: { applied: '2026-01-01', opened: '2026-01-20', closed: '2026-03-01' }, history: [{ date: '2026-03-01', kind: 'closure', summary: '停办', reported: '2026-03-07' }] });
    expect(findLateFilings(registry({ accounts: [pos(a, { dates: [8, 1] })] }), P, '2026-03-20')).toEqual([
      { file: FILE, line: 8, column: 1, field: 'dates.closed', code: 'late/closure', message: '账号 a：停办报备，期限为 2026-03-06，实际于 2026-03-07 办理，晚了 1 天（依据：R-closure）', severity: 'warning' },
    ]);
  });

  test('a late review points into the review\'s file; a review file of another name gives line 1', () => {
    const a = account({ id: 'a', dates: { applied: '2025-01-01', opened: '2025-02-01' } });
    const r = { ...review('a', 2026, '2026-12-22'), pos: { submitted: [4, 12] as [number, number] } };
    const expected = { file: 'reviews/2026/a.yaml', field: 'submitted', code: 'late/review', message: '账号 a（2026 年度）：提交年审材料，期限为 2026-12-20，实际于 2026-12-22 办理，晚了 2 天（依据：R-review）', severity: 'warning' };
    expect(findLateFilings(registry({ accounts: [a], reviews: [review('a', 2025, '2025-12-15'), r] }), P, '2026-12-28')).toEqual([{ ...expected, line: 4, column: 12 }]);
    const elsewhere = { ...r, file: 'reviews/2026/a-old.yaml' };
    expect(findLateFilings(registry({ accounts: [a], reviews: [review('a', 2025, '2025-12-15'), elsewhere] }), P, '2026-12-28')).toEqual([{ ...expected, line: 1, column: 1 }]);
  });

  test('a group filed late points at its created line', () => {
    const g = { ...group('g'), pos: { created: [9, 10] as [number, number] } };
    expect(findLateFilings(registry({ groups: [g] }), P, '2026-01-13', { prDate: '2026-01-13', prFiles: new Set(['groups/jwc/g.yaml']) })).toEqual([
      { file: 'groups/jwc/g.yaml', line: 9, column: 10, field: 'created', code: 'late/group', message: '工作群 g：网络工作群备案，期限为 2026-01-12，实际于 2026-01-13 办理，晚了 1 天（依据：R-groups）', severity: 'warning' },
    ]);
  });

  test('an unreported dissolution warns once due, not while upcoming', () => {
    const g = group('g', { dissolved: '2026-02-01', dissolutionReported: '2026-02-06' });
    const at = (today: string) => findLateFilings(registry({ groups: [g] }), P, today).map((f) => `${f.code} ${f.line}:${f.column} ${f.message}`);
    expect(at('2026-02-03')).toEqual([]);
    expect(at('2026-02-04')).toEqual(['late/dissolution 1:1 工作群 g：网络工作群解散报备，今天（2026-02-04）到期（依据：R-groups）']);
    expect(at('2026-02-05')).toEqual(['late/dissolution 1:1 工作群 g：网络工作群解散报备，期限为 2026-02-04，已逾期 1 天（依据：R-groups）']);
  });

  test('an open change or application is the deadlines command\'s business, not a warning', () => {
    const future = account({ id: 'a', history: [{ date: '2026-03-01', kind: 'rename', summary: '改名', reported: '2026-03-12' }] });
    expect(findObligations(registry({ accounts: [future] }), P, '2026-03-10').map((o) => `${o.kind} ${o.state}`)).toEqual(['change overdue']);
    expect(findLateFilings(registry({ accounts: [future] }), P, '2026-03-10')).toEqual([]);
  });

  test('a department app warns for a month after its application, then no more', () => {
    const app = account({ id: 'a', platform: 'app', link: 'https://www.qclg.edu.cn/app', dates: { applied: '2026-03-01', opened: '2026-03-20' } });
    const text = '账号 a：于 2026-03-01 申请新设移动应用，办法规定部门、院系原则上不再单独新设，请与归口管理部门商议整合，确有必要的由归口管理部门批准并登记例外 exemptions（依据：R-apps）';
    expect(findLateFilings(registry({ accounts: [app] }), P, '2026-03-31')).toEqual([{ file: FILE, line: 1, column: 1, field: 'platform', code: 'policy/department-app', message: text, severity: 'warning' }]);
    expect(findLateFilings(registry({ accounts: [app] }), P, '2026-04-01')).toEqual([]);
  });

  test('a late application and a late backfill carry their codes', () => {
    const lateApp = account({ id: 'a', dates: { applied: '2026-03-05', opened: '2026-03-10' } });
    expect(findLateFilings(registry({ accounts: [lateApp] }), P, '2026-03-20').map((f) => `${f.code} ${f.line}:${f.column}`)).toEqual(['late/application 12:3']);
    const lateBackfill = account({ id: 'a', filing: 'backfill', dates: { applied: '2025-09-16', opened: '2024-05-01' } });
    expect(findLateFilings(registry({ accounts: [lateBackfill] }), P, '2025-09-20').map((f) => `${f.code} ${f.line}:${f.column}`)).toEqual(['late/backfill 1:1']);
  });
});

describe('deriveAccountStatus(): orders, a dissolved unit, then the gravest review state', () => {
  const a = account({ id: 'a', dates: { applied: '2025-01-01', opened: '2025-02-01' } }).data;
  const order = (date: string, kind: 'suspend' | 'shutdown' = 'suspend', lifted?: string) => ({ kind, date, reason: `原因${date}`, reference: `宣传部〔${date}〕号`, ...(lifted ? { lifted } : {}) });
  const rv = (year: number, submitted: string, outcome: 'pass' | 'fail' | 'pending' = 'pass', resultDate?: string) => review('a', year, submitted, outcome, resultDate).data;
  const dissolved = (statusDate: string) => unit('old', 'college', { status: 'dissolved', statusDate }).data;
  const NOT_SUSPENDING = with_({ annualReview: { failureSuspends: false } });
  // Opened in 2026: owes no review before December 2026, so only orders and units decide.
  const fresh = account({ id: 'a', dates: { applied: '2025-12-20', opened: '2026-01-01' } }).data;

  test('an order in force suspends with its label, reason, reference and article', () => {
    expect(deriveAccountStatus({ ...fresh, orders: [order('2026-03-01', 'shutdown')] }, [], P, '2026-03-01')).toEqual({
      state: 'suspended', label: '责令关停', reason: '原因2026-03-01（宣传部〔2026-03-01〕号）', since: '2026-03-01', rule: 'R-order',
    });
    expect(deriveAccountStatus({ ...fresh, orders: [order('2026-03-01')] }, [], with_({ articles: { order: undefined } }), '2026-03-05')).toEqual({
      state: 'suspended', label: '责令暂停运行', reason: '原因2026-03-01（宣传部〔2026-03-01〕号）', since: '2026-03-01', rule: DEFAULT_RULE,
    });
  });

  test('an order is not in force before its date nor from the day it is lifted', () => {
    expect(deriveAccountStatus({ ...fresh, orders: [order('2026-03-02')] }, [], P, '2026-03-01')).toBeNull();
    expect(deriveAccountStatus({ ...fresh, orders: [order('2026-03-01', 'suspend', '2026-03-10')] }, [], P, '2026-03-10')).toBeNull();
    expect(deriveAccountStatus({ ...fresh, orders: [order('2026-03-01', 'suspend', '2026-03-10')] }, [], P, '2026-03-09')?.since).toBe('2026-03-01');
  });

  test('orderInForce() picks the latest order in force, whatever the listing order', () => {
    const orders = [order('2026-02-01'), order('2026-04-01', 'shutdown'), order('2026-03-01', 'shutdown'), order('2026-01-01')];
    expect(orderInForce({ orders }, '2026-03-15')).toEqual(order('2026-03-01', 'shutdown'));
    expect(orderInForce({ orders: [order('2026-01-01'), order('2026-03-01', 'shutdown'), order('2026-02-01')] }, '2026-05-01')).toEqual(order('2026-03-01', 'shutdown'));
    expect(orderInForce({ orders: [order('2026-03-01', 'shutdown', '2026-03-10'), order('2026-02-01')] }, '2026-03-15')).toEqual(order('2026-02-01'));
    expect(orderInForce({ orders: [] }, '2026-03-15')).toBeNull();
    expect(orderInForce({} as never, '2026-03-15')).toBeNull();
  });

  test('a closed account keeps its stored status even under an order', () => {
    const closed = account({ id: 'a', status: 'closed', closure: { reason: 'x' }, dates: { applied: '2025-01-01', opened: '2025-02-01', closed: '2026-01-01' } }).data;
    expect(deriveAccountStatus({ ...closed, orders: [order('2026-03-01')] }, [], P, '2026-03-05')).toBeNull();
  });

  test('a dissolved unit suspends its accounts from the dissolution day, after any order', () => {
    expect(deriveAccountStatus(fresh, [], P, '2026-03-01', dissolved('2026-03-01'))).toEqual({
      state: 'suspended', label: '主办单位已撤销', reason: '主办单位单位old已于 2026-03-01 撤销，账号尚未移交其他单位', since: '2026-03-01', rule: 'R-reassign',
    });
    expect(deriveAccountStatus(fresh, [], with_({ articles: { reassign: undefined } }), '2026-03-01', dissolved('2026-03-01'))?.rule).toBe(DEFAULT_RULE);
    expect(deriveAccountStatus(fresh, [], P, '2026-02-28', dissolved('2026-03-01'))).toBeNull();
    expect(deriveAccountStatus({ ...fresh, orders: [order('2026-03-01')] }, [], P, '2026-03-05', dissolved('2026-03-01'))?.label).toBe('责令暂停运行');
    expect(deriveAccountStatus(fresh, [], P, '2026-03-05', unit('old', 'college', { status: 'merged', statusDate: '2026-03-01', successor: 'jsj' }).data)).toBeNull();
    const undated = dissolved('2026-03-01');
    expect(deriveAccountStatus(fresh, [], P, '2026-03-05', { ...undated, statusDate: undefined })).toBeNull();
  });

  test('only this account\'s reviews count', () => {
    const other = review('b', 2026, '2026-12-15').data;
    expect(deriveAccountStatus(a, [rv(2025, '2025-12-15'), other], P, '2026-12-21')).toEqual({
      state: 'suspended', label: '暂停运行', reason: '2026 年度年审材料未按期提交', since: '2026-12-21', rule: 'R-review',
    });
  });

  test('a review submitted after today is missing; a result dated after today is not known yet', () => {
    expect(deriveAccountStatus(a, [rv(2025, '2025-12-15'), rv(2026, '2026-12-22')], P, '2026-12-21')?.reason).toBe('2026 年度年审材料未按期提交');
    expect(deriveAccountStatus(a, [rv(2025, '2025-12-15'), rv(2026, '2026-12-21', 'pass', '2026-12-22')], P, '2026-12-21')).toEqual({
      state: 'overdue', label: '年审逾期', reason: '2026 年度年审材料逾期提交，等待审核', since: '2026-12-21', rule: 'R-review',
    });
    expect(deriveAccountStatus(a, [rv(2025, '2025-12-15'), rv(2026, '2026-12-21', 'pass', '2026-12-21')], P, '2026-12-21')).toBeNull();
    expect(deriveAccountStatus(a, [rv(2025, '2025-12-15'), rv(2026, '2026-12-15', 'fail', '2026-12-22')], P, '2026-12-21')).toBeNull();
    expect(deriveAccountStatus(a, [rv(2025, '2025-12-15'), rv(2026, '2026-12-15', 'fail', '2026-12-21')], P, '2026-12-21')).toEqual({
      state: 'suspended', label: '暂停运行', reason: '2026 年度年审不合格', since: '2026-12-21', rule: 'R-review',
    });
  });

  test('a review passed late is settled', () => {
    expect(deriveAccountStatus(a, [rv(2025, '2025-12-15'), rv(2026, '2026-12-22', 'pass', '2026-12-23')], P, '2026-12-28')).toBeNull();
  });

  test('a failed review without its result date dates from the due day', () => {
    const failed = { ...rv(2026, '2026-12-15', 'fail'), result: { outcome: 'fail' as const } };
    expect(deriveAccountStatus(a, [rv(2025, '2025-12-15'), failed], P, '2026-12-28')?.since).toBe('2026-12-20');
  });

  test('the gravest state wins: a later suspension replaces an earlier overdue', () => {
    // 2025 submitted late and pending (overdue), 2026 missing (suspended).
    expect(deriveAccountStatus(a, [rv(2025, '2025-12-22', 'pending')], P, '2026-12-21')).toEqual({
      state: 'suspended', label: '暂停运行', reason: '2026 年度年审材料未按期提交', since: '2026-12-21', rule: 'R-review',
    });
  });

  test('among equals the earliest stays: two suspensions, two overdues', () => {
    expect(deriveAccountStatus(a, [rv(2025, '2025-12-15', 'fail', '2025-12-25')], P, '2026-12-21')).toEqual({
      state: 'suspended', label: '暂停运行', reason: '2025 年度年审不合格', since: '2025-12-25', rule: 'R-review',
    });
    expect(deriveAccountStatus(a, [], NOT_SUSPENDING, '2026-12-21')).toEqual({
      state: 'overdue', label: '年审逾期', reason: '2025 年度年审材料未按期提交', since: '2025-12-21', rule: 'R-review',
    });
  });

  test('a suspension is not replaced by a later overdue', () => {
    expect(deriveAccountStatus(a, [rv(2026, '2026-12-22', 'pending')], P, '2026-12-28')).toEqual({
      state: 'suspended', label: '暂停运行', reason: '2025 年度年审材料未按期提交', since: '2025-12-21', rule: 'R-review',
    });
  });

  test('without failureSuspends a failed review is 年审不合格, overdue, from its result date', () => {
    expect(deriveAccountStatus(a, [rv(2025, '2025-12-15'), rv(2026, '2026-12-15', 'fail', '2026-12-24')], NOT_SUSPENDING, '2026-12-28')).toEqual({
      state: 'overdue', label: '年审不合格', reason: '2026 年度年审不合格', since: '2026-12-24', rule: 'R-review',
    });
  });

  test('the review article defaults to the registry default', () => {
    expect(deriveAccountStatus(a, [rv(2025, '2025-12-15')], with_({ articles: { review: undefined } }), '2026-12-21')?.rule).toBe(DEFAULT_RULE);
  });

  test('deriveAccountStatuses() reads each account\'s own reviews and unit', () => {
    const b = account({ id: 'b', unit: 'old', dates: { applied: '2025-01-01', opened: '2025-02-01' } }).data;
    const c = account({ id: 'c', dates: { applied: '2025-01-01', opened: '2025-02-01' } }).data;
    const reviews = [rv(2025, '2025-12-15'), rv(2026, '2026-12-15'), review('b', 2025, '2025-12-15').data, review('b', 2026, '2026-12-15').data, review('c', 2025, '2025-12-15').data, review('c', 2026, '2026-12-15', 'fail', '2026-12-18').data];
    const out = deriveAccountStatuses([a, b, c], reviews, P, '2026-12-21', [dissolved('2026-03-01')]);
    expect([...out.entries()]).toEqual([
      ['a', null],
      ['b', { state: 'suspended', label: '主办单位已撤销', reason: '主办单位单位old已于 2026-03-01 撤销，账号尚未移交其他单位', since: '2026-03-01', rule: 'R-reassign' }],
      ['c', { state: 'suspended', label: '暂停运行', reason: '2026 年度年审不合格', since: '2026-12-18', rule: 'R-review' }],
    ]);
    expect([...deriveAccountStatuses([b], [review('b', 2025, '2025-12-15').data], P, '2026-06-01').entries()]).toEqual([['b', null]]);
  });
});

describe('edges between the duties', () => {
  test('a new account opened before the policy owes a timely application, not a backfill', () => {
    const a = account({ id: 'a', dates: { applied: '2025-09-20', opened: '2025-08-31' } });
    expect(findObligations(registry({ accounts: [a] }), P, '2025-09-20')).toEqual([
      ob({ kind: 'apply', due: '2025-08-24', state: 'overdue', daysLate: 27, rule: 'R-apply', filed: '2025-09-20', field: 'dates.applied' }),
    ]);
  });

  test('a pending review submitted on the due day is on time', () => {
    const a = account({ id: 'a', dates: { applied: '2025-01-01', opened: '2025-02-01' } });
    expect(findObligations(registry({ accounts: [a], reviews: [review('a', 2025, '2025-12-15'), review('a', 2026, '2026-12-20', 'pending')] }), P, '2027-01-05')).toEqual([]);
  });

  test('a pending delegated review carrying a date owes no report yet', () => {
    const D = with_({ annualReview: { tiers: [1, 2], delegated: { tiers: [3], reviewer: '系部', reportWithin: { days: 7 } } } });
    const a = account({ id: 'a', tier: 3, dates: { applied: '2025-01-01', opened: '2025-02-01' } });
    const r25 = review('a', 2025, '2025-12-15');
    const r26 = review('a', 2026, '2026-12-15', 'pending');
    const dated = { ...r26, data: { ...r26.data, result: { outcome: 'pending' as const, date: '2026-12-16' } } };
    expect(findObligations(registry({ accounts: [a], reviews: [{ ...r25, data: { ...r25.data, reportedToOffice: '2025-12-16' } }, dated] }), D, '2027-01-05')).toEqual([]);
  });

  test('a late report of a delegated review is no PR warning (it has no warning code)', () => {
    const D = with_({ annualReview: { tiers: [1, 2], delegated: { tiers: [3], reviewer: '系部', reportWithin: { days: 7 } } } });
    const a = account({ id: 'a', tier: 3, dates: { applied: '2025-01-01', opened: '2025-02-01' } });
    const r25 = review('a', 2025, '2025-12-15');
    const r26 = review('a', 2026, '2026-12-15', 'pass', '2026-12-16');
    const reviews = [{ ...r25, data: { ...r25.data, reportedToOffice: '2025-12-16' } }, { ...r26, data: { ...r26.data, reportedToOffice: '2026-12-27' } }];
    expect(findObligations(registry({ accounts: [a], reviews }), D, '2026-12-28').map((o) => `${o.kind} ${o.filed}`)).toEqual(['review-report 2026-12-27']);
    expect(findLateFilings(registry({ accounts: [a], reviews }), D, '2026-12-28')).toEqual([]);
  });

  test('a failed review without its result date (invalid) owes no dated resubmission', () => {
    const a = account({ id: 'a', dates: { applied: '2025-01-01', opened: '2025-02-01' } });
    const r26 = review('a', 2026, '2026-12-15', 'fail', '2026-12-18');
    const undated = { ...r26, data: { ...r26.data, result: { outcome: 'fail' as const } } };
    expect(findObligations(registry({ accounts: [a], reviews: [review('a', 2025, '2025-12-15'), undated] }), P, '2026-12-28')).toEqual([]);
  });
});

describe('more edges', () => {
  test('an account opened on the publication day owes no backfill, even filed after the backfill window', () => {
    const a = account({ id: 'a', filing: 'backfill', dates: { applied: '2025-09-16', opened: '2025-09-01' } });
    expect(findObligations(registry({ accounts: [a] }), P, '2025-09-20')).toEqual([
      ob({ kind: 'apply', due: '2025-08-25', state: 'overdue', daysLate: 22, rule: 'R-apply', filed: '2025-09-16', field: 'filing' }),
    ]);
  });

  test('a delegated tier\'s account of a unit missing from the registry owes its review itself', () => {
    const D = with_({ annualReview: { tiers: [1, 2], delegated: { tiers: [3], reviewer: '系部', reportWithin: { days: 7 } } } });
    const a = account({ id: 'a', unit: 'gone', tier: 3, dates: { applied: '2025-01-01', opened: '2025-02-01' } });
    expect(findObligations(registry({ accounts: [a] }), D, '2026-12-21').map((o) => `${o.kind} ${o.unit} ${o.year}`)).toEqual(['review gone 2025', 'review gone 2026']);
  });

  test('obligations come out sorted by unit, whatever the registry\'s order', () => {
    const t = account({ id: 't', unit: 'tw', keys: [], dates: { applied: '2026-02-01', opened: '2026-03-01' } });
    const j = account({ id: 'j', unit: 'jwc', keys: [], dates: { applied: '2026-02-01', opened: '2026-03-01' } });
    expect(findObligations(registry({ accounts: [t, j] }), P, '2026-03-20').map((o) => `${o.kind} ${o.unit}`)).toEqual(['keys jwc', 'keys tw']);
  });
});

describe('survivors of the targeted run', () => {
  test('a history entry the base already has, among others, is not judged again', () => {
    const entry = { date: '2026-03-01', kind: 'rename' as const, summary: '改名' };
    const other = { date: '2026-02-01', kind: 'admins' as const, summary: '换管理员', reported: '2026-02-02' };
    const now = account({ id: 'a', history: [other, entry] });
    const prBase = registry({ accounts: [account({ id: 'a', history: [other, entry] })] });
    expect(findObligations(registry({ accounts: [now] }), P, '2026-03-10', { prDate: '2026-03-10', prFiles: new Set([FILE]), prBase })).toEqual([]);
  });

  test('an active account that carries its approval owes no opening deadline', () => {
    const a = account({ id: 'a', approval: { number: '2026-0001', date: '2025-06-01' }, dates: { applied: '2025-05-01', opened: '2025-06-10' } });
    expect(findObligations(registry({ accounts: [a] }), P, '2025-09-20')).toEqual([]);
  });

  test('an active unit with a status date hands over nothing', () => {
    const units = [unit('new', 'college', { statusDate: '2026-03-01' })];
    expect(findObligations(registry({ units, accounts: [account({ id: 'a', unit: 'new' })], groups: [group('g', { unit: 'new' })] }), P, '2026-03-09')).toEqual([]);
  });

  test('a change reported more than a month late still warns while the filing is recent', () => {
    const a = account({ id: 'a', history: [{ date: '2026-01-01', kind: 'rename', summary: '改名', reported: '2026-03-10' }] });
    expect(findLateFilings(registry({ accounts: [a] }), P, '2026-03-20').map((f) => `${f.code} ${f.message}`)).toEqual([
      'late/change 账号 a：信息变更报备，期限为 2026-01-08，实际于 2026-03-10 办理，晚了 61 天（依据：R-change）',
    ]);
  });

  test('an active unit answers for itself, whatever successor it names (invalid)', () => {
    const units = new Map([['a', { id: 'a', kind: 'office', name: 'a', status: 'active', successor: 'b' } as Unit], ['b', { id: 'b', kind: 'office', name: 'b', status: 'active' } as Unit]]);
    expect(answerableUnit('a', units, P)).toBe('a');
  });

  test('a closed account without its closing date (invalid) owes no dated closure report', () => {
    const a = account({ id: 'a', status: 'closed', closure: { reason: '不再使用' }, dates: { applied: '2026-01-01', opened: '2026-01-20', closed: '2026-03-01' }, history: [{ date: '2026-03-01', kind: 'closure', summary: '停办', reported: '2026-03-09' }] });
    const undated = { ...a, data: { ...a.data, dates: { applied: '2026-01-01', opened: '2026-01-20' } } };
    expect(findObligations(registry({ accounts: [undated] }), P, '2026-03-20')).toEqual([]);
  });
});

describe('a policy object without articles, and obligations of a unit alone', () => {
  const bare = { ...P, articles: undefined } as unknown as typeof P;

  test('every duty cites the registry default when the policy names no articles', () => {
    const a = account({ id: 'a', history: [{ date: '2026-03-01', kind: 'rename', summary: '改名', reported: '2026-03-09' }] });
    expect(findObligations(registry({ accounts: [a] }), bare, '2026-03-20').map((o) => o.rule)).toEqual([DEFAULT_RULE]);
  });

  test('derived statuses cite the registry default too', () => {
    const fresh = account({ id: 'a', dates: { applied: '2025-12-20', opened: '2026-01-01' } }).data;
    const order = { kind: 'suspend' as const, date: '2026-03-01', reason: '违规', reference: '宣传部〔2026〕1号' };
    expect(deriveAccountStatus({ ...fresh, orders: [order] }, [], bare, '2026-03-05')?.rule).toBe(DEFAULT_RULE);
    expect(deriveAccountStatus(fresh, [], bare, '2026-03-05', unit('old', 'college', { status: 'dissolved', statusDate: '2026-03-01' }).data)?.rule).toBe(DEFAULT_RULE);
    const old = account({ id: 'a', dates: { applied: '2025-01-01', opened: '2025-02-01' } }).data;
    expect(deriveAccountStatus(old, [review('a', 2025, '2025-12-15').data], bare, '2026-12-21')?.rule).toBe(DEFAULT_RULE);
  });

  test('two obligations of a unit alone (no account, no group) compare equal', () => {
    const o = ob({ account: null, kind: 'reassign', due: '2026-03-08', state: 'overdue', daysLate: 1, rule: 'R', field: 'unit' });
    expect(compareObligations(o, { ...o })).toBe(0);
  });
});
