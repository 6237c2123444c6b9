/**
 * Deadlines: every obligation the policy puts on a unit at a given date (Beijing civil date), with
 * its due date, state and the article it comes from. Pure: the registry, the policy and a date in,
 * obligations out. The deadlines command, the PR-time check, the follow-up issues and the site's
 * derived statuses (年审逾期 / 暂停运行) all read this one function.
 *
 * States, precisely (today and due are civil dates in Beijing):
 * - `upcoming`: not met, due after today and inside the look-ahead: at most UPCOMING_DAYS days
 *   away, or, for the annual review, while the review window is open;
 * - `due`: not met and due today (the deadline day itself is not late);
 * - `overdue`: due before today and not met (daysLate = today − due), or met late by a filing
 *   made after the due date (daysLate = filing date − due, fixed; listed for NOTICE_DAYS days
 *   after the filing, so the office sees it).
 * A filing dated after `today` does not count yet: seen from an earlier day, the obligation is open.
 *
 * Due dates, per kind (durations come from the policy; `rule` cites its article):
 * - apply: opening (or planned opening) − applyLeadDays, met by dates.applied;
 * - backfill: publication + backfill, met by the backfill's filing date;
 * - open: approval date + openAfterApproval, while still approved;
 * - keys: opening (or, while approved, planned opening) + keysAfterOpening, while no key or link;
 * - change / closure: the change's (closure's) date + its window, met by `reported`;
 * - review: the cycle's due day (window from `opens`), met by the review's `submitted`;
 *   review-failed: the result date; a later passed review clears both;
 * - group-filing: created + groups.fileWithin, met by the date of the PR that adds the group
 *   (with `prBase`, a later edit of a filed group is not a filing);
 *   group-dissolution: dissolved + groups.dissolution, met by dissolutionReported or by the PR
 *   that adds the dissolution; one already in the registry came through a merged PR (reported);
 * - change: only the change kinds the article names (deadlines.changeKinds);
 * - department-app: the application date (原则上: cleared by an office exemption), APP and 小程序;
 * - review-report: a delegated (tier-3) review's result date + delegated.reportWithin, met by
 *   reportedToOffice; the delegated review itself is owed by the unit's parent (系部 / 团委);
 * - reassign: the unit's statusDate + the change window, while an account or live group stays
 *   with it. Every duty of a merged unit goes to its successor, of a dissolved one to its parent
 *   (else the office's unit): answerableUnit.
 */
import { addDays, addMonths, daysBetween } from './dates.ts';
import type { Finding } from './findings.ts';
import type { Registry } from './registry.ts';
import { ACCOUNT_STATUS_LABELS, type Account, type AccountStatus } from './schema/account.ts';
import type { Duration } from './schema/common.ts';
import type { Group } from './schema/group.ts';
import type { Policy } from './schema/policy.ts';
import type { Review } from './schema/review.ts';
import type { Unit } from './schema/unit.ts';

/** How far ahead an obligation shows as upcoming: a month, so units can plan. */
export const UPCOMING_DAYS = 30;

/** How long a late filing stays listed after it was made: a month, so the office sees it. */
export const NOTICE_DAYS = 30;

/** What the rule is cited as when the rulebook is silent and the registry default applies. */
export const DEFAULT_RULE = '登记系统默认';

/** The kinds of obligation, one per deadline the policy sets. */
export const OBLIGATION_KINDS = [
  'apply', // 开通前提出申请（提前天数）
  'backfill', // 办法发布前已开通的账号补办备案
  'open', // 批准后开通
  'keys', // 开通后补报账号ID和链接（含已批准、拟开通时间已过仍未报开通的）
  'change', // 信息变更报备
  'closure', // 停办报备
  'review', // 提交年审材料
  'review-failed', // 年审不合格
  'group-filing', // 网络工作群备案
  'group-dissolution', // 网络工作群解散报备
  'department-app', // 部门新设独立APP（办法禁止时）
  'reassign', // 撤并单位的账号移交
  'review-report', // 下放年审结果向归口管理部门报备（002 第八条）
] as const;
export type ObligationKind = (typeof OBLIGATION_KINDS)[number];

/** Chinese names of the kinds, for reports and issues. */
export const OBLIGATION_KIND_LABELS: Record<ObligationKind, string> = {
  apply: '开通前提出申请',
  backfill: '已开通账号补办备案',
  open: '批准后开通',
  keys: '开通后补报账号ID和链接',
  change: '信息变更报备',
  closure: '停办报备',
  review: '提交年审材料',
  'review-failed': '年审不合格，须整改',
  'group-filing': '网络工作群备案',
  'group-dissolution': '网络工作群解散报备',
  'department-app': '部门不得单独新设移动应用',
  reassign: '撤并单位的账号移交承继单位',
  'review-report': '年审结果向归口管理部门报备',
};

export type ObligationState = 'upcoming' | 'due' | 'overdue';

/** Chinese names of the states. */
export const OBLIGATION_STATE_LABELS: Record<ObligationState, string> = { upcoming: '即将到期', due: '今天到期', overdue: '已逾期' };

/** One thing a unit owes (or owed and did late). */
export interface Obligation {
  kind: ObligationKind;
  /** The unit that owes it (the successor unit for an account of a merged unit). */
  unit: string;
  /** The account it concerns, or null. */
  account: string | null;
  /** The work group it concerns, or null. */
  group: string | null;
  /** Last day on time, `YYYY-MM-DD`. */
  due: string;
  state: ObligationState;
  /** Days after `due`: to today while open, to the filing date when met late; 0 when not late. */
  daysLate: number;
  /** The article it comes from (e.g. 第四条), or 登记系统默认. */
  rule: string;
  /** The date of the late filing that met it; null while it is still open. */
  filed: string | null;
  /** The file it concerns, relative to the content folder. */
  file: string;
  /** The field whose date it concerns (for line numbers). */
  field: string;
  /** The review year, for review obligations. */
  year?: number;
}

/** The JSON shape printed by `npm run deadlines -- --json`. */
export type ObligationJson = Pick<Obligation, 'kind' | 'unit' | 'account' | 'group' | 'due' | 'state' | 'daysLate' | 'rule'>;

/** Projects an obligation to exactly the public JSON fields. */
export function toObligationJson(o: Obligation): ObligationJson {
  return { kind: o.kind, unit: o.unit, account: o.account, group: o.group, due: o.due, state: o.state, daysLate: o.daysLate, rule: o.rule };
}

export interface FindOptions {
  /**
   * Checking a pull request opened on this date: in the pull request's files (`prFiles`),
   * filings that carry no date of their own count as made on it (a history entry without
   * `reported`, a closure without a reported closure entry, a work group being filed). Elsewhere,
   * and without both options, such filings are not judged: their filing date is unknown.
   */
  prDate?: string;
  /** Files of the pull request, relative to the content folder. */
  prFiles?: ReadonlySet<string>;
  /**
   * The registry before the pull request (its base). With it, only what the pull request adds is
   * dated by `prDate`: a group it files, a history entry, closure or dissolution it adds; a later
   * edit of an already filed group or entry is not judged again.
   */
  prBase?: Registry;
}

/** `date` plus a policy duration (`{ days }` or calendar `{ months }`, clamped at month ends). */
export function addDuration(date: string, d: Duration): string {
  return d.months !== undefined ? addMonths(date, d.months) : addDays(date, d.days ?? 0);
}

/**
 * The state of an open obligation due on `due`, seen on `today`, or undefined when it is further
 * away than the look-ahead (`upcomingFrom` overrides where the look-ahead starts).
 */
export function stateOf(due: string, today: string, upcomingFrom?: string): { state: ObligationState; daysLate: number } | undefined {
  const late = daysBetween(due, today);
  if (late > 0) return { state: 'overdue', daysLate: late };
  if (late === 0) return { state: 'due', daysLate: 0 };
  const from = upcomingFrom ?? addDays(due, -UPCOMING_DAYS);
  return today >= from ? { state: 'upcoming', daysLate: 0 } : undefined;
}

/** The minimal review data the review rules read (the site has only these fields). */
export interface ReviewLike {
  account: string;
  year: number;
  submitted?: string;
  result: Pick<Review['result'], 'outcome' | 'date'>;
}

/** Window and due date of the annual review for `year`; a due day before the opening day falls in the next year. */
export function reviewCycle(policy: Policy, year: number): { year: number; opens: string; due: string } {
  const { opens, due } = policy.annualReview;
  return { year, opens: `${year}-${opens}`, due: `${due < opens ? year + 1 : year}-${due}` };
}

/** The year of the latest annual review whose window has opened by `today`. */
export function currentReviewYear(policy: Policy, today: string): number {
  const y = Number(today.slice(0, 4));
  return today >= reviewCycle(policy, y).opens ? y : y - 1;
}

interface ReviewStatus {
  year: number;
  opens: string;
  due: string;
  review?: ReviewLike;
}

/**
 * The review cycles that still matter for one account on `today`: the current cycle and the one
 * before it, oldest first, each with the account's review if any. A cycle is owed by a live
 * account of a reviewed tier that opened before the cycle's window, from the policy's
 * publication year on; a later passed review clears earlier failures and gaps.
 */
/**
 * True when `account` owes the annual review of `year`: a live account of a reviewed tier that
 * opened before the cycle's window, from the policy's publication year on (the review campaign
 * lists exactly these).
 */
export function owesReview(account: Account, policy: Policy, year: number): boolean {
  const ar = policy.annualReview;
  if (!ar.required || !reviewedTiers(policy).includes(account.tier) || account.status !== 'active' || !account.dates.opened) return false;
  const from = policy.document.published ? Number(policy.document.published.slice(0, 4)) : -Infinity;
  return year >= from && account.dates.opened < reviewCycle(policy, year).opens;
}

function reviewStatuses(account: Account, reviews: readonly ReviewLike[], policy: Policy, today: string): ReviewStatus[] {
  const ar = policy.annualReview;
  if (!ar.required || !reviewedTiers(policy).includes(account.tier) || account.status !== 'active' || !account.dates.opened) return [];
  const current = currentReviewYear(policy, today);
  // Seen from `today`: a review submitted after today is not filed yet, and a result dated after
  // today is not known yet (the same rule `met` applies to every filing), so the site, the
  // verifier and the deadlines read one state.
  const mine = reviews
    .filter((r) => r.account === account.id && !(r.submitted !== undefined && r.submitted > today)) // cheap: callers pass this account's reviews
    .map((r) => (r.result.outcome !== 'pending' && r.result.date !== undefined && r.result.date > today ? { ...r, result: { outcome: 'pending' as const } } : r));
  const out: ReviewStatus[] = [];
  for (const year of [current - 1, current]) {
    if (!owesReview(account, policy, year)) continue;
    const c = reviewCycle(policy, year);
    out.push({ ...c, review: mine.find((r) => r.year === year) });
  }
  // A passed review clears every earlier cycle.
  const lastPass = out.map((s) => s.review?.result.outcome === 'pass').lastIndexOf(true);
  return lastPass >= 0 ? out.slice(lastPass) : out;
}

/** Tiers under an annual review: the office's and the delegated ones (002 第八条: tier 3 by 系部/团委). */
export function reviewedTiers(policy: Policy): number[] {
  return [...new Set([...policy.annualReview.tiers, ...(policy.annualReview.delegated?.tiers ?? [])])];
}

/** Whether a change of `kind` must be reported within the change window (the article's list, or all kinds). */
export function changeWindowApplies(policy: Policy, kind: string): boolean {
  const kinds = policy.deadlines.changeKinds;
  return kinds === null || kinds === undefined || (kinds as readonly string[]).includes(kind);
}

/**
 * The unit that answers for a unit's duties on `today`: a merged or renamed unit's successor
 * (followed to the end of the chain); a dissolved unit's parent, else the office's unit, else the
 * unit itself (someone must reassign or close what it left).
 */
export function answerableUnit(id: string, units: ReadonlyMap<string, Unit>, policy: Policy): string {
  const seen = new Set<string>();
  let cur = units.get(id);
  while (cur && cur.status !== 'active' && !seen.has(cur.id)) {
    seen.add(cur.id);
    const next = cur.successor ?? (cur.status === 'dissolved' ? (cur.parent ?? policy.office.unit) : undefined);
    if (!next || !units.has(next)) return next ?? cur.id;
    cur = units.get(next);
  }
  return cur?.id ?? id;
}

/** Every obligation in `registry` under `policy` on `today`, sorted by unit, due date and kind. */
export function findObligations(registry: Registry, policy: Policy, today: string, options: FindOptions = {}): Obligation[] {
  const out: Obligation[] = [];
  const d = policy.deadlines;
  const art = (k: keyof Policy['articles']) => policy.articles?.[k] ?? DEFAULT_RULE;
  const inPr = (file: string) => options.prDate !== undefined && options.prFiles !== undefined && options.prFiles.has(file);
  const prDateFor = (file: string) => (inPr(file) ? options.prDate : undefined);
  const units = new Map<string, Unit>(registry.units.map((u) => [u.data.id, u.data]));
  const base = options.prBase;
  const baseAccounts = new Map(base?.accounts.map((a) => [a.file, a.data]) ?? []);
  const baseGroups = new Map(base?.groups.map((g) => [g.file, g.data]) ?? []);
  /** Whether the pull request adds what `isIn` finds in the base's filing (without a base: yes). */
  const newInPr = <T>(file: string, map: Map<string, T>, isIn: (before: T) => boolean) => !base || !map.has(file) || !isIn(map.get(file)!);

  /** An obligation still open on `today`. */
  const open = (base: Omit<Obligation, 'state' | 'daysLate' | 'filed'>, upcomingFrom?: string) => {
    const s = stateOf(base.due, today, upcomingFrom);
    if (s) out.push({ ...base, ...s, filed: null });
  };
  /** A filing that met its obligation on `filed`: listed only when late and recent; still open if made after today. */
  const met = (base: Omit<Obligation, 'state' | 'daysLate' | 'filed'>, filed: string, upcomingFrom?: string) => {
    if (filed > today) return open(base, upcomingFrom);
    const late = daysBetween(base.due, filed);
    const age = daysBetween(filed, today);
    if (late > 0 && age <= NOTICE_DAYS) out.push({ ...base, state: 'overdue', daysLate: late, filed });
  };
  // Reviews grouped by account once, so a registry of 10,000 accounts stays linear.
  const reviewsOf = new Map<string, ReviewLike[]>();
  for (const r of registry.reviews) reviewsOf.set(r.data.account, [...(reviewsOf.get(r.data.account) ?? []), r.data]);
  for (const f of registry.accounts) {
    const a = f.data;
    // Duties of a merged or dissolved unit go to the unit that answers for it (item: 撤并单位).
    const ref = { unit: answerableUnit(a.unit, units, policy), account: a.id, group: null, file: f.file };
    const live = a.status !== 'closed';
    const filedOn = a.dates.applied ?? a.approval?.date ?? prDateFor(f.file);

    // 开通前申请: the application must come `applyLeadDays` before opening (a backfill of an
    // account that opened after the policy took effect is an opening without application).
    const opensAfterPolicy = policy.document.published !== null && (a.dates.opened ?? '') >= policy.document.published;
    const target = a.dates.opened ?? a.dates.plannedOpening;
    if (target && filedOn && (a.filing === 'new' || (a.filing === 'backfill' && a.dates.opened && opensAfterPolicy))) {
      const base = { ...ref, kind: 'apply' as const, due: addDays(target, -d.applyLeadDays), rule: art('apply'), field: a.filing === 'new' ? 'dates.applied' : 'filing' };
      // A pending application stays listed while it is pending, however old.
      if (a.status === 'applied' && filedOn <= today && daysBetween(base.due, filedOn) > 0) out.push({ ...base, state: 'overdue', daysLate: daysBetween(base.due, filedOn), filed: filedOn });
      else met(base, filedOn);
    }

    // 补办备案: accounts running before the policy, within the backfill window of its publication.
    if (a.filing === 'backfill' && d.backfill && policy.document.published && a.dates.opened && a.dates.opened < policy.document.published && filedOn)
      met({ ...ref, kind: 'backfill', due: addDuration(policy.document.published, d.backfill), rule: art('backfill'), field: 'filing' }, filedOn);

    // 批准后开通.
    if (a.status === 'approved' && a.approval && d.openAfterApproval)
      open({ ...ref, kind: 'open', due: addDuration(a.approval.date, d.openAfterApproval), rule: art('openAfterApproval'), field: 'status' });

    // 开通后补报账号ID和链接: counted from the opening date, or, while the filing still says
    // approved, from the planned opening (拟开通时间): an account opened as planned must be filed.
    if (d.keysAfterOpening) {
      if (a.status === 'active' && a.dates.opened && a.keys.length === 0 && !a.link)
        open({ ...ref, kind: 'keys', due: addDuration(a.dates.opened, d.keysAfterOpening), rule: art('keysAfterOpening'), field: 'keys' });
      if (a.status === 'approved' && a.dates.plannedOpening)
        open({ ...ref, kind: 'keys', due: addDuration(a.dates.plannedOpening, d.keysAfterOpening), rule: art('keysAfterOpening'), field: 'dates.plannedOpening' });
    }

    // 信息变更报备: measured from the change's date to its report.
    if (d.change)
      a.history.forEach((h, i) => {
        if (h.kind === 'closure' || !changeWindowApplies(policy, h.kind)) return;
        const added = newInPr(f.file, baseAccounts, (b) => b.history.some((x) => x.date === h.date && x.kind === h.kind && x.summary === h.summary));
        const reported = h.reported ?? (added ? prDateFor(f.file) : undefined);
        if (reported) met({ ...ref, kind: 'change', due: addDuration(h.date, d.change!), rule: art('change'), field: `history[${i}].date` }, reported);
      });

    // 停办报备.
    if (a.status === 'closed' && a.dates.closed && d.closure) {
      const entry = a.history.find((h) => h.kind === 'closure');
      const added = newInPr(f.file, baseAccounts, (b) => b.status === 'closed');
      const reported = entry?.reported ?? (added ? prDateFor(f.file) : undefined);
      if (reported) met({ ...ref, kind: 'closure', due: addDuration(a.dates.closed, d.closure), rule: art('closure'), field: 'dates.closed' }, reported);
    }

    // 年审: missing, late, failed. A delegated tier's review is owed by the reviewing body (the
    // unit's parent: 系部 or 校团委), which then reports it to the office (002 第八条).
    const unit = units.get(a.unit);
    const delegated = policy.annualReview.delegated && policy.annualReview.delegated.tiers.includes(a.tier) && !policy.annualReview.tiers.includes(a.tier) ? policy.annualReview.delegated : null;
    const reviewer = delegated && unit?.parent ? answerableUnit(unit.parent, units, policy) : ref.unit;
    for (const c of reviewStatuses(a, reviewsOf.get(a.id) ?? [], policy, today)) {
      const file = c.review ? `reviews/${c.year}/${a.id}.yaml` : f.file;
      const base = { ...ref, unit: reviewer, file, year: c.year, rule: art('review') };
      const r = c.review as (ReviewLike & { reportedToOffice?: string }) | undefined;
      if (delegated?.reportWithin && r?.result.date && r.result.outcome !== 'pending') {
        const rep = { ...base, kind: 'review-report' as const, due: addDuration(r.result.date, delegated.reportWithin), field: 'reportedToOffice' };
        if (r.reportedToOffice) met(rep, r.reportedToOffice);
        else open(rep);
      }
      if (!c.review) open({ ...base, kind: 'review', due: c.due, field: 'status' }, c.opens);
      else {
        // A late review stays listed while its result is pending, however old (the site shows
        // it as 年审逾期 until the office decides), like a pending late application.
        const late = c.review.submitted ? daysBetween(c.due, c.review.submitted) : 0;
        if (c.review.submitted && late > 0 && c.review.result.outcome === 'pending')
          out.push({ ...base, kind: 'review', due: c.due, field: 'submitted', state: 'overdue', daysLate: late, filed: c.review.submitted });
        else if (c.review.submitted) met({ ...base, kind: 'review', due: c.due, field: 'submitted' }, c.review.submitted, c.opens);
        if (c.review.result.outcome === 'fail' && c.review.result.date)
          open({ ...base, kind: 'review-failed', due: c.review.result.date, field: 'result.outcome' });
      }
    }

    // 部门不得单独新设移动应用 (003 第十三条: 原则上; APP and 小程序), unless the office recorded
    // an exception with its reference.
    const appPlatforms: readonly string[] = policy.apps.platforms ?? ['app'];
    const excepted = (a.exemptions ?? []).some((e) => e.rule === 'department-app' && e.date <= today);
    if (!policy.apps.departmentsMayOpenNew && live && !excepted && appPlatforms.includes(a.platform) && a.filing === 'new' && a.dates.applied && unit && DEPARTMENT_KINDS.has(unit.kind)
      && (!policy.document.published || a.dates.applied >= policy.document.published))
      open({ ...ref, kind: 'department-app', due: a.dates.applied, rule: art('apps'), field: 'platform' });

    // 撤并单位的账号移交.
    if (live && unit && unit.status !== 'active' && unit.statusDate)
      open({ ...ref, kind: 'reassign', due: d.change ? addDuration(unit.statusDate, d.change) : unit.statusDate, rule: art('reassign'), field: 'unit' });
  }

  for (const f of registry.groups) {
    const g: Group = f.data;
    const ref = { unit: answerableUnit(g.unit, units, policy), account: null, group: g.id, file: f.file, rule: art('groups') };
    const pr = prDateFor(f.file);
    // 网络工作群备案: judged when a pull request files the group (the form has no filing date);
    // a later edit of a group already filed is not a filing (003 第七条).
    if (policy.groups.mustFile && policy.groups.fileWithin && pr && newInPr(f.file, baseGroups, () => true))
      met({ ...ref, kind: 'group-filing', due: addDuration(g.created, policy.groups.fileWithin), field: 'created' }, pr);
    // 解散报备 (003 第十三条): reported on `dissolutionReported`, or by the pull request that adds the
    // dissolution. A dissolution already in the registry came through a merged pull request, so it
    // was reported; its date was judged then.
    if (g.dissolved && policy.groups.dissolution) {
      const base = { ...ref, kind: 'group-dissolution' as const, due: addDuration(g.dissolved, policy.groups.dissolution), field: 'dissolved' };
      const reported = g.dissolutionReported ?? (pr && newInPr(f.file, baseGroups, (b) => b.dissolved !== undefined) ? pr : undefined);
      if (reported) met(base, reported);
    }
    // 撤并单位的工作群: the answering unit takes it over or dissolves it.
    const gu = units.get(g.unit);
    if (!g.dissolved && gu && gu.status !== 'active' && gu.statusDate)
      open({ ...ref, kind: 'reassign', due: d.change ? addDuration(gu.statusDate, d.change) : gu.statusDate, rule: art('reassign'), field: 'unit' });
  }

  return out.sort(compareObligations);
}

/** Unit kinds that are 部门、院系 for the no-new-apps rule (003 第十三条: 各部门、各院系). */
const DEPARTMENT_KINDS = new Set<string>(['office', 'college', 'department']);

const KIND_ORDER = new Map<string, number>(OBLIGATION_KINDS.map((k, i) => [k, i]));

/** Orders obligations by unit, due date, kind, then account or group. */
export function compareObligations(a: Obligation, b: Obligation): number {
  const s = (x: string, y: string) => (x < y ? -1 : x > y ? 1 : 0);
  return (
    s(a.unit, b.unit) ||
    s(a.due, b.due) ||
    KIND_ORDER.get(a.kind)! - KIND_ORDER.get(b.kind)! ||
    s(a.account ?? a.group ?? '', b.account ?? b.group ?? '')
  );
}

/** A duration in Chinese (7 天 / 1 个月). */
export function durationText(d: Duration): string {
  return d.months !== undefined ? `${d.months} 个月` : `${d.days ?? 0} 天`;
}

/** One Chinese sentence saying what is owed, by when, and how late; never a private value. */
export function describeObligation(o: Obligation): string {
  const what = OBLIGATION_KIND_LABELS[o.kind];
  const subject = o.account ? `账号 ${o.account}` : o.group ? `工作群 ${o.group}` : '本单位';
  const yearText = o.year !== undefined ? `（${o.year} 年度）` : '';
  const rule = o.rule === DEFAULT_RULE ? '依据：登记系统默认期限' : `依据：${o.rule}`;
  let when: string;
  if (o.filed) when = `期限为 ${o.due}，实际于 ${o.filed} 办理，晚了 ${o.daysLate} 天`;
  else if (o.state === 'overdue') when = `期限为 ${o.due}，已逾期 ${o.daysLate} 天`;
  else if (o.state === 'due') when = `今天（${o.due}）到期`;
  else when = `请在 ${o.due} 前办理`;
  if (o.kind === 'department-app') return `${subject}：于 ${o.due} 申请新设移动应用，办法规定部门、院系原则上不再单独新设，请与归口管理部门商议整合，确有必要的由归口管理部门批准并登记例外 exemptions（${rule}）`;
  if (o.kind === 'review-failed') return `${subject}${yearText}：年审不合格（${o.due} 审核），请整改后重新提交年审（${rule}）`;
  return `${subject}${yearText}：${what}，${when}（${rule}）`;
}

/** Stable warning codes of late filings at PR time. */
export const LATE_CODES: Partial<Record<ObligationKind, string>> = {
  apply: 'late/application',
  backfill: 'late/backfill',
  change: 'late/change',
  closure: 'late/closure',
  review: 'late/review',
  'group-filing': 'late/group',
  'group-dissolution': 'late/dissolution',
  'department-app': 'policy/department-app',
};

/**
 * PR-time warnings: each late filing (a change or closure reported after its window, an
 * application inside the lead time, a late backfill, review or group filing), an overdue
 * unreported group dissolution, and a department app the policy forbids, with the days late.
 * Positions come from the filings; the severity is always warning (the office decides).
 */
export function findLateFilings(registry: Registry, policy: Policy, today: string, options: FindOptions = {}): Finding[] {
  const files = new Map<string, { pos: Record<string, [number, number]> }>();
  for (const f of [...registry.accounts, ...registry.reviews, ...registry.groups]) files.set(f.file, f);
  const out: Finding[] = [];
  for (const o of findObligations(registry, policy, today, options)) {
    const code = LATE_CODES[o.kind];
    if (!code) continue;
    const isLateFiling = o.filed !== null;
    const isOpenWrong = o.filed === null && o.state !== 'upcoming' && (o.kind === 'group-dissolution' || o.kind === 'department-app');
    if (!isLateFiling && !isOpenWrong) continue;
    if (o.kind === 'department-app' && daysBetween(o.due, today) > NOTICE_DAYS) continue;
    const pos = files.get(o.file)?.pos;
    const p = pos?.[o.field] ?? pos?.[o.field.replace(/\.[^.[]+$|\[\d+\]$/, '')] ?? [1, 1];
    out.push({ file: o.file, line: p[0], column: p[1], field: o.field, code, message: describeObligation(o), severity: 'warning' });
  }
  return out;
}

/** A state derived from the deadlines, shown instead of a live account's stored status. */
export interface DerivedStatus {
  /** overdue = 年审逾期; suspended = 暂停运行 (the seeds: 不得继续运行). */
  state: 'overdue' | 'suspended';
  /** Badge text. */
  label: string;
  /** Public reason, e.g. 2026 年度年审材料未按期提交. */
  reason: string;
  /** Since when, `YYYY-MM-DD`. */
  since: string;
  /** The article (e.g. 第五条). */
  rule: string;
}

/**
 * The office's order (责令停止运行 / 关停) in force on `today`, if any: the latest not yet lifted.
 * Orders are filed oldest first, so of two given on the same day the one filed later wins.
 */
export function orderInForce(account: Pick<Account, 'orders'>, today: string): Account['orders'][number] | null {
  let latest: Account['orders'][number] | null = null;
  for (const o of account.orders ?? []) if (o.date <= today && !(o.lifted && o.lifted <= today) && (!latest || o.date >= latest.date)) latest = o;
  return latest;
}

/** Badge text of an office order. */
export const ORDER_LABELS = { suspend: '责令暂停运行', shutdown: '责令关停' } as const;

/**
 * The derived status of one account on `today`, or null when its stored status stands:
 * - 责令暂停运行 / 责令关停 (suspended) while an office order is in force (000 第十四—十六条,
 *   001 第七条, 002 第十五条 …), with its public reason and reference; lifted orders end it;
 * - 主办单位已撤销 (suspended) when its unit was dissolved (on or before `today`) and the account
 *   was not handed over: no unit answers for it, so it is not plainly official (`unit` given);
 * - 暂停运行 (suspended) when the policy says failed or missing reviews may not continue
 *   (`failureSuspends`) and a review failed, or none was submitted by the due date;
 * - 年审逾期 (overdue) when a review was submitted after the due date and awaits its result, or
 *   when the policy does not suspend and a review is missing past the due date or failed.
 * Closed and not-yet-opened accounts keep their stored status. `reviews` may hold every review
 * of the registry; only this account's are read.
 */
export function deriveAccountStatus(account: Account, reviews: readonly ReviewLike[], policy: Policy, today: string, unit?: Unit): DerivedStatus | null {
  if (account.status === 'closed') return null;
  const order = orderInForce(account, today);
  if (order)
    return { state: 'suspended', label: ORDER_LABELS[order.kind], reason: `${order.reason}（${order.reference}）`, since: order.date, rule: policy.articles?.order ?? DEFAULT_RULE };
  if (unit && unit.status === 'dissolved' && unit.statusDate && unit.statusDate <= today)
    return { state: 'suspended', label: '主办单位已撤销', reason: `主办单位${unit.name}已于 ${unit.statusDate} 撤销，账号尚未移交其他单位`, since: unit.statusDate, rule: policy.articles?.reassign ?? DEFAULT_RULE };
  const rule = policy.articles?.review ?? DEFAULT_RULE;
  const suspends = policy.annualReview.failureSuspends;
  let found: DerivedStatus | null = null;
  for (const c of reviewStatuses(account, reviews, policy, today)) {
    const r = c.review;
    let s: DerivedStatus | null = null;
    if (r?.result.outcome === 'fail')
      s = { state: suspends ? 'suspended' : 'overdue', label: suspends ? '暂停运行' : '年审不合格', reason: `${c.year} 年度年审不合格`, since: r.result.date ?? c.due, rule };
    else if (!r && today > c.due)
      s = { state: suspends ? 'suspended' : 'overdue', label: suspends ? '暂停运行' : '年审逾期', reason: `${c.year} 年度年审材料未按期提交`, since: addDays(c.due, 1), rule };
    else if (r && r.result.outcome === 'pending' && r.submitted && r.submitted > c.due)
      s = { state: 'overdue', label: '年审逾期', reason: `${c.year} 年度年审材料逾期提交，等待审核`, since: addDays(c.due, 1), rule };
    // The gravest state wins; among equals, the earliest.
    if (s && (!found || (s.state === 'suspended' && found.state !== 'suspended'))) found = s;
  }
  return found;
}

/** Derived statuses of every account (id → status or null), for the site and the verifier. */
export function deriveAccountStatuses(
  accounts: readonly Account[],
  reviews: readonly ReviewLike[],
  policy: Policy,
  today: string,
  units: readonly Unit[] = [],
): Map<string, DerivedStatus | null> {
  const byAccount = new Map<string, ReviewLike[]>();
  for (const r of reviews) byAccount.set(r.account, [...(byAccount.get(r.account) ?? []), r]);
  const unitOf = new Map(units.map((u) => [u.id, u]));
  return new Map(accounts.map((a) => [a.id, deriveAccountStatus(a, byAccount.get(a.id) ?? [], policy, today, unitOf.get(a.unit))]));
}

/** The badge text for an account: the derived state if any, else the stored status. */
export function accountStatusLabel(status: AccountStatus, derived: DerivedStatus | null): string {
  return status !== 'closed' && derived ? derived.label : ACCOUNT_STATUS_LABELS[status];
}
