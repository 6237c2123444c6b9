/**
 * The public projection: the ONE explicit whitelist from registry records to what the public site
 * shows. Pages, open data (accounts.json, accounts.csv), the Atom feed and the search index are all
 * built from these shapes, never from a raw record. Each `toPublic…` function copies named fields
 * one by one; a field added to a schema stays private until it is added here on purpose.
 *
 * Never public: contacts (主要负责人, 分管领导, 管理员 and their phones and emails), a review's head
 * (负责人), work groups (网络工作群) entirely, unit owners (GitHub accounts), the application reason
 * (申请理由), notes (备注), review opinions, and the approving pull request.
 *
 * Pure: data and a date in, plain objects out.
 */
import type { Account, AccountStatus } from './schema/account.ts';
import { ACCOUNT_STATUS_LABELS } from './schema/account.ts';
import type { Impostor } from './schema/impostor.ts';
import type { Policy } from './schema/policy.ts';
import type { Review } from './schema/review.ts';
import type { Unit } from './schema/unit.ts';
import { UNIT_KIND_LABELS } from './schema/unit.ts';
import { findPlatform, linkProblem } from './platforms.ts';
import { deriveAccountStatuses } from './obligations.ts';

/** Version of the open-data shape (accounts.json `version`); bump on any incompatible change. */
export const PUBLIC_DATA_VERSION = 1;

/** What the public badge says. Stored statuses plus the derived states of the deadline rules. */
export type PublicState = 'active' | 'approved' | 'applied' | 'closed' | 'overdue' | 'suspended' | 'dormant';

/** Chinese badge text of each state. */
export const PUBLIC_STATE_LABELS: Record<PublicState, string> = {
  active: '正常运营',
  approved: '待开通',
  applied: ACCOUNT_STATUS_LABELS.applied,
  closed: '已停办',
  overdue: '年审逾期',
  suspended: '暂停运行',
  dormant: '停更未注销',
};

/** Badge colour class of each state (see src/styles/global.css). */
export const PUBLIC_STATE_TONES: Record<PublicState, 'active' | 'pending' | 'closed' | 'bad'> = {
  active: 'active',
  approved: 'pending',
  applied: 'pending',
  closed: 'closed',
  overdue: 'bad',
  suspended: 'bad',
  dormant: 'pending',
};

/** Order of states in counts and filters. */
export const PUBLIC_STATES: readonly PublicState[] = ['active', 'dormant', 'approved', 'applied', 'overdue', 'suspended', 'closed'];

/**
 * A state derived by the deadline rules (src/domain/obligations.ts), e.g. 年审逾期 or 暂停运行.
 * Only its public wording: never who is responsible.
 */
export interface DerivedState {
  state: 'overdue' | 'suspended';
  /** Badge text; defaults to PUBLIC_STATE_LABELS[state]. */
  label?: string;
  /** Public reason, e.g. "2025 年度年审未提交". */
  reason?: string;
  /** Since when, `YYYY-MM-DD`. */
  since?: string;
}

export interface PublicKey {
  kind: string;
  /** Chinese label of the key kind (原始ID, 微博UID …). */
  label: string;
  value: string;
}

export interface PublicHistoryEntry {
  date: string;
  kind: string;
  /** Chinese label of the change kind. */
  label: string;
  summary: string;
}

/** One account as the public sees it. */
export interface PublicAccount {
  id: string;
  name: string;
  formerNames: string[];
  platform: string;
  /** 微信公众号, 微博 …; for `other`, the filed platform name. */
  platformLabel: string;
  keys: PublicKey[];
  link: string | null;
  unit: string;
  unitName: string;
  /** 联合主办单位 (besides the lead unit), with their names. */
  coUnits: Array<{ id: string; name: string }>;
  /** 委托第三方运营: the operator's name, shown as "由…运营". */
  operator: string | null;
  /** 停更未注销: since when, and the public reason. */
  dormant: { since: string; reason: string | null } | null;
  tier: number;
  /** 一级平台 … from the policy. */
  tierName: string;
  /** The stored lifecycle status. */
  status: AccountStatus;
  /** What the badge shows: the stored status, or a derived state that overrides it. */
  state: PublicState;
  stateLabel: string;
  /** Why a derived state applies (public wording), if it does. */
  stateReason: string | null;
  /** 申请开通 or 已开通备案. */
  filing: 'new' | 'backfill';
  /** 功能定位 */
  purpose: string;
  /** 发布内容范围 */
  contentScope: string | null;
  /** 认证状态 and 认证主体. */
  verification: { status: 'verified' | 'pending' | 'none'; subject: string | null } | null;
  /** 审批号 and 审批日期. */
  approval: { number: string; date: string } | null;
  dates: { applied: string | null; plannedOpening: string | null; opened: string | null; closed: string | null };
  /** 停办理由 */
  closureReason: string | null;
  /** The latest annual review on file (年度 and result). */
  lastReview: { year: number; outcome: 'pass' | 'fail' | 'pending' } | null;
  /** Public changes (renames, handovers, key changes, closure …); staffing changes are left out. */
  history: PublicHistoryEntry[];
  /** The sanitised public description (HTML from the core's whitelist renderer). */
  descriptionHtml: string;
}

export interface PublicUnit {
  id: string;
  name: string;
  shortName: string | null;
  kind: string;
  kindLabel: string;
  parent: string | null;
  status: 'active' | 'merged' | 'renamed' | 'dissolved';
  statusLabel: string;
  statusDate: string | null;
  successor: string | null;
}

export interface PublicImpostor {
  id: string;
  name: string;
  platform: string;
  platformLabel: string;
  keys: PublicKey[];
  link: string | null;
  /** The official account it imitates: id and name, when known. */
  imitates: { id: string; name: string } | null;
  reported: string;
  confirmed: string;
  description: string;
  action: string | null;
}

export interface PublicTier {
  level: number;
  name: string;
  description: string;
  manager: string;
  approvers: string[];
  /** 第一责任人 (the policy's tier `responsible`), or null. */
  responsible: string | null;
}

export interface PublicPolicy {
  /** `protectedNames`: extra protected names the policy lists (school.protectedNames), `domains`: the school's web domains. */
  school: { name: string; shortNames: string[]; englishName: string | null; protectedNames: string[]; protectedPrefixes?: string[]; domains: string[] };
  office: { name: string; reportEmail: string | null };
  document: { title: string; number: string | null; published: string | null };
  tiers: PublicTier[];
  annualReview: { required: boolean; due: string };
  /** 个人账号规定 (the rulebook's words, with its article), for the verify page. */
  personalAccounts: string;
  /** 办法列举的平台 (platform ids). */
  platforms: string[];
  /** 特别规定 that no rule computes, with their articles. */
  specialRules: Array<{ article: string; text: string }>;
}

/** The whole public site's data. */
export interface PublicSite {
  /** The day the statuses were computed for (Beijing), `YYYY-MM-DD`. */
  asOf: string;
  policy: PublicPolicy;
  /** Sorted: tier, then live before closed, then name (pinyin order). */
  accounts: PublicAccount[];
  /** Sorted by name (pinyin order). */
  units: PublicUnit[];
  /** Newest first. */
  impostors: PublicImpostor[];
}

const UNIT_STATUS_LABELS: Record<PublicUnit['status'], string> = {
  active: '正常',
  merged: '已合并',
  renamed: '已更名',
  dissolved: '已撤销',
};

/** Change kinds shown publicly. Staffing changes (admins, head, leader) and `other` stay internal. */
const PUBLIC_HISTORY_KINDS: Record<string, string> = {
  rename: '名称变更',
  handover: '移交其他单位',
  keys: '账号信息补报或变更',
  scope: '功能定位或内容范围变更',
  verification: '认证信息变更',
  maintenance: '维护方式变更',
  closure: '停办',
};

const TIER_FALLBACK = ['一级平台', '二级平台', '三级平台'];

/** The Chinese platform name of a platform id (`other` uses the filed name when given). */
export function platformLabel(platform: string, other?: string | null): string {
  if (platform === 'other' && other) return other;
  return findPlatform(platform)?.label ?? platform;
}

/** Public keys with their Chinese labels; every key of a filing is public (it is how people verify). */
function toPublicKeys(platform: string, keys: ReadonlyArray<{ kind: string; value: string }>): PublicKey[] {
  const p = findPlatform(platform);
  return keys.map((k) => ({ kind: k.kind, label: p?.keys.find((x) => x.id === k.kind)?.label ?? k.kind, value: k.value }));
}

/** The policy's public part: school and office names, the document, tiers. */
export function toPublicPolicy(p: Policy): PublicPolicy {
  return {
    school: {
      name: p.school.name,
      shortNames: [...p.school.shortNames],
      englishName: p.school.englishName ?? null,
      // The rulebook's listed protected forms (001 曲师…, 003 宁职院): names only; their look-alike
      // contexts stay in the policy (`usesProtectedName`).
      protectedNames: (p.school.protectedNames ?? []).map((n) => n.name),
      protectedPrefixes: (p.school.protectedNames ?? []).filter((n) => n.match === 'prefix').map((n) => n.name),
      domains: [...(p.school.domains ?? [])],
    },
    office: { name: p.office.name, reportEmail: p.office.reportEmail ?? null },
    document: { title: p.document.title, number: p.document.number ?? null, published: p.document.published },
    tiers: p.tiers.map((t) => ({ level: t.level, name: t.name, description: t.description, manager: t.manager, approvers: [...t.approvers], responsible: t.responsible ?? null })),
    annualReview: { required: p.annualReview.required, due: p.annualReview.due },
    personalAccounts: p.personalAccounts ?? '',
    platforms: [...(p.platforms ?? [])],
    specialRules: (p.specialRules ?? []).map((r) => ({ article: r.article, text: r.text })),
  };
}

/** A unit's public part (no owners, no head). */
export function toPublicUnit(u: Unit): PublicUnit {
  return {
    id: u.id,
    name: u.name,
    shortName: u.shortName ?? null,
    kind: u.kind,
    kindLabel: UNIT_KIND_LABELS[u.kind],
    parent: u.parent ?? null,
    status: u.status,
    statusLabel: UNIT_STATUS_LABELS[u.status],
    statusDate: u.statusDate ?? null,
    successor: u.successor ?? null,
  };
}

export interface AccountContext {
  /** Unit names by id. */
  unitNames: ReadonlyMap<string, string>;
  /** Tier names by level (from the policy). */
  tierNames: ReadonlyMap<number, string>;
  /** The account's reviews (any order); only year and outcome are used. */
  reviews?: ReadonlyArray<Pick<Review, 'year' | 'result'>>;
  /** A derived state from the deadline rules, if any. */
  derived?: DerivedState | null;
}

/**
 * The state the badge shows: a derived state overrides a live account's stored status; closed
 * stays closed; an active account marked 停更未注销 (`dormant`) shows that unless a derived state applies.
 */
export function publicStateOf(status: AccountStatus, derived?: DerivedState | null, dormant = false): PublicState {
  if (status === 'closed') return status;
  if (derived) return derived.state;
  return dormant && status === 'active' ? 'dormant' : status;
}

/** An account's public part. `html` is the core's sanitised description. */
export function toPublicAccount(a: Account, html: string, ctx: AccountContext): PublicAccount {
  const state = publicStateOf(a.status, ctx.derived, !!a.dormant);
  const derived = state === ctx.derived?.state ? ctx.derived : null;
  const latest = [...(ctx.reviews ?? [])].sort((x, y) => y.year - x.year)[0];
  return {
    id: a.id,
    name: a.name,
    formerNames: [...a.formerNames],
    platform: a.platform,
    platformLabel: platformLabel(a.platform, a.platformOther),
    keys: toPublicKeys(a.platform, a.keys),
    // Defence in depth (issue 13 item 6): a link off its platform (the schema refuses it) is never
    // published, so no page renders a QR code to it.
    link: a.link && !linkProblem(a.platform, a.link) ? a.link : null,
    unit: a.unit,
    unitName: ctx.unitNames.get(a.unit) ?? a.unit,
    coUnits: (a.units ?? []).map((id) => ({ id, name: ctx.unitNames.get(id) ?? id })),
    operator: a.operator?.name ?? null,
    dormant: a.dormant ? { since: a.dormant.since, reason: a.dormant.reason ?? null } : null,
    tier: a.tier,
    tierName: ctx.tierNames.get(a.tier) ?? TIER_FALLBACK[a.tier - 1] ?? `${a.tier}级`,
    status: a.status,
    state,
    stateLabel: derived?.label ?? PUBLIC_STATE_LABELS[state],
    stateReason: derived?.reason ?? null,
    filing: a.filing,
    purpose: a.purpose,
    contentScope: a.contentScope ?? null,
    verification: a.verification ? { status: a.verification.status, subject: a.verification.subject ?? null } : null,
    approval: a.approval ? { number: a.approval.number, date: a.approval.date } : null,
    dates: {
      applied: a.dates.applied ?? null,
      plannedOpening: a.dates.plannedOpening ?? null,
      opened: a.dates.opened ?? null,
      closed: a.dates.closed ?? null,
    },
    closureReason: a.closure?.reason ?? null,
    lastReview: latest ? { year: latest.year, outcome: latest.result.outcome } : null,
    history: a.history
      .filter((h) => h.kind in PUBLIC_HISTORY_KINDS)
      .map((h) => ({ date: h.date, kind: h.kind, label: PUBLIC_HISTORY_KINDS[h.kind]!, summary: h.summary }))
      .sort((x, y) => (x.date < y.date ? 1 : x.date > y.date ? -1 : 0)),
    descriptionHtml: html,
  };
}

/** An impostor's public part (the whole warning entry is public by design). */
export function toPublicImpostor(i: Impostor, accountNames: ReadonlyMap<string, string>): PublicImpostor {
  return {
    id: i.id,
    name: i.name,
    platform: i.platform,
    platformLabel: platformLabel(i.platform),
    keys: toPublicKeys(i.platform, i.keys),
    link: i.link ?? null,
    imitates: i.imitates ? { id: i.imitates, name: accountNames.get(i.imitates) ?? i.imitates } : null,
    reported: i.reported,
    confirmed: i.confirmed,
    description: i.description,
    action: i.action ?? null,
  };
}

/** The raw inputs of the public site (as read by the one loader). */
export interface SiteInput {
  policy: Policy;
  units: readonly Unit[];
  accounts: ReadonlyArray<{ data: Account; html: string }>;
  reviews: ReadonlyArray<Pick<Review, 'account' | 'year' | 'result'> & { submitted?: string }>;
  impostors: readonly Impostor[];
}

const collator = new Intl.Collator('zh-CN');

/**
 * The public site on `today`, with the deadline rules' derived states (年审逾期, 暂停运行): the one
 * place the site and the verifier (CLI and page) get account states from.
 */
export function buildPublicSiteOn(input: SiteInput, today: string): PublicSite {
  const derived = deriveAccountStatuses(input.accounts.map((a) => a.data), input.reviews, input.policy, today, input.units);
  return buildPublicSite(input, { asOf: today, derived });
}

/** Projects the whole registry for the site. `derived` maps account id → derived state. */
export function buildPublicSite(input: SiteInput, opts: { asOf: string; derived?: ReadonlyMap<string, DerivedState | null> }): PublicSite {
  const unitNames = new Map(input.units.map((u) => [u.id, u.name]));
  const tierNames = new Map(input.policy.tiers.map((t) => [t.level, t.name]));
  const reviewsBy = new Map<string, Array<Pick<Review, 'year' | 'result'>>>();
  for (const r of input.reviews) {
    const list = reviewsBy.get(r.account) ?? [];
    list.push(r);
    reviewsBy.set(r.account, list);
  }
  const accounts = input.accounts
    .map(({ data, html }) =>
      toPublicAccount(data, html, { unitNames, tierNames, reviews: reviewsBy.get(data.id), derived: opts.derived?.get(data.id) ?? null }),
    )
    .sort(compareAccounts);
  const accountNames = new Map(accounts.map((a) => [a.id, a.name]));
  return {
    asOf: opts.asOf,
    policy: toPublicPolicy(input.policy),
    accounts,
    units: input.units.map(toPublicUnit).sort((a, b) => collator.compare(a.name, b.name) || a.id.localeCompare(b.id)),
    impostors: input.impostors
      .map((i) => toPublicImpostor(i, accountNames))
      .sort((a, b) => (a.confirmed < b.confirmed ? 1 : a.confirmed > b.confirmed ? -1 : a.id.localeCompare(b.id))),
  };
}

/** Directory order: tier, then live accounts before closed ones, then name in pinyin order. */
export function compareAccounts(a: PublicAccount, b: PublicAccount): number {
  return (
    a.tier - b.tier ||
    Number(a.status === 'closed') - Number(b.status === 'closed') ||
    collator.compare(a.name, b.name) ||
    a.id.localeCompare(b.id)
  );
}

// ---------------------------------------------------------------------------------------------
// Shaping for pages: counts, facets, the unit tree, recent events.

export interface Count {
  /** Filter value (platform id, tier level, state). */
  value: string;
  label: string;
  count: number;
}

/** Counts of accounts by platform (most first), by tier and by state (fixed order). */
export function countAccounts(accounts: readonly PublicAccount[]): { platform: Count[]; tier: Count[]; state: Count[] } {
  const tally = <K extends string>(key: (a: PublicAccount) => K, label: (a: PublicAccount) => string) => {
    const m = new Map<K, Count>();
    for (const a of accounts) {
      const k = key(a);
      const c = m.get(k) ?? { value: k, label: label(a), count: 0 };
      c.count++;
      m.set(k, c);
    }
    return m;
  };
  const platform = [...tally((a) => a.platform, (a) => platformLabel(a.platform)).values()].sort(
    (a, b) => b.count - a.count || collator.compare(a.label, b.label),
  );
  const tier = [...tally((a) => String(a.tier), (a) => a.tierName).values()].sort((a, b) => Number(a.value) - Number(b.value));
  const states = tally((a) => a.state, (a) => PUBLIC_STATE_LABELS[a.state]);
  const state = PUBLIC_STATES.filter((s) => states.has(s)).map((s) => states.get(s)!);
  return { platform, tier, state };
}

/** Search filter values (exactly as the account pages tag them for Pagefind) with counts. */
export interface SearchFacets {
  platform: Array<[string, number]>;
  unit: Array<[string, number]>;
  tier: Array<[string, number]>;
  status: Array<[string, number]>;
}

/**
 * The values of the four Pagefind filters, computed at build time so the search page can list
 * them without downloading Pagefind's filter files before the first search.
 */
export function searchFacets(accounts: readonly PublicAccount[]): SearchFacets {
  const tally = (key: (a: PublicAccount) => string, order: (a: [string, number], b: [string, number]) => number) => {
    const m = new Map<string, number>();
    for (const a of accounts) m.set(key(a), (m.get(key(a)) ?? 0) + 1);
    return [...m].sort(order);
  };
  const byCount = (a: [string, number], b: [string, number]) => b[1] - a[1] || collator.compare(a[0], b[0]);
  const byName = (a: [string, number], b: [string, number]) => collator.compare(a[0], b[0]);
  const tierOrder = new Map(accounts.map((a) => [a.tierName, a.tier]));
  return {
    platform: tally((a) => a.platformLabel, byCount),
    unit: tally((a) => a.unitName, byName),
    tier: tally((a) => a.tierName, (a, b) => (tierOrder.get(a[0]) ?? 0) - (tierOrder.get(b[0]) ?? 0)),
    status: tally((a) => a.stateLabel, byCount),
  };
}

export interface UnitNode {
  unit: PublicUnit;
  /** Accounts filed by this unit itself. */
  accounts: number;
  /** Accounts of this unit and every unit under it. */
  total: number;
  children: UnitNode[];
}

/** The unit tree (roots are units without a known parent), children in pinyin order. */
export function unitTree(units: readonly PublicUnit[], accounts: readonly PublicAccount[]): UnitNode[] {
  const own = new Map<string, number>();
  for (const a of accounts) own.set(a.unit, (own.get(a.unit) ?? 0) + 1);
  const nodes = new Map(units.map((u) => [u.id, { unit: u, accounts: own.get(u.id) ?? 0, total: 0, children: [] as UnitNode[] }]));
  const roots: UnitNode[] = [];
  for (const n of nodes.values()) {
    const parent = n.unit.parent ? nodes.get(n.unit.parent) : undefined;
    (parent ? parent.children : roots).push(n);
  }
  const sum = (n: UnitNode, depth: number): number => {
    n.children.sort((a, b) => collator.compare(a.unit.name, b.unit.name));
    // Depth guard: the validator rejects cycles; this only keeps a broken tree from looping.
    n.total = n.accounts + (depth > 50 ? 0 : n.children.reduce((s, c) => s + sum(c, depth + 1), 0));
    return n.total;
  };
  roots.sort((a, b) => collator.compare(a.unit.name, b.unit.name));
  roots.forEach((r) => sum(r, 0));
  return roots;
}

/** The node of unit `id` in a tree from unitTree(), if present. */
export function findUnitNode(nodes: readonly UnitNode[], id: string): UnitNode | undefined {
  for (const n of nodes) {
    if (n.unit.id === id) return n;
    const hit = findUnitNode(n.children, id);
    if (hit) return hit;
  }
  return undefined;
}

/** 平台认证 as one line: 已认证（认证主体：…）, 认证中, 未认证; null when not filed. */
export function verificationText(a: PublicAccount): string | null {
  const v = a.verification;
  if (!v) return null;
  if (v.status === 'none') return '未认证';
  return `${v.status === 'verified' ? '已认证' : '认证中'}${v.subject ? `（认证主体：${v.subject}）` : ''}`;
}

/** The chain of units from the root down to `id` (inclusive). */
export function unitPath(units: readonly PublicUnit[], id: string): PublicUnit[] {
  const byId = new Map(units.map((u) => [u.id, u]));
  const out: PublicUnit[] = [];
  let cur = byId.get(id);
  while (cur && !out.includes(cur) && out.length < 50) {
    out.unshift(cur);
    cur = cur.parent ? byId.get(cur.parent) : undefined;
  }
  return out;
}

export interface AccountEvent {
  kind: 'approval' | 'closure';
  date: string;
  account: PublicAccount;
  /** 批准开设 / 停办, with the approval number or the closure reason. */
  title: string;
  detail: string;
}

/** Approvals and closures, newest first; `limit` caps the list. */
export function accountEvents(accounts: readonly PublicAccount[], limit = Infinity): AccountEvent[] {
  const out: AccountEvent[] = [];
  for (const a of accounts) {
    if (a.approval)
      out.push({
        kind: 'approval',
        date: a.approval.date,
        account: a,
        title: `${a.filing === 'backfill' ? '备案通过' : '批准开设'}：${a.name}（${a.platformLabel}）`,
        detail: `审批号 ${a.approval.number}，主办单位 ${a.unitName}`,
      });
    if (a.status === 'closed' && a.dates.closed)
      out.push({
        kind: 'closure',
        date: a.dates.closed,
        account: a,
        title: `停办：${a.name}（${a.platformLabel}）`,
        detail: a.closureReason ? `停办理由：${a.closureReason}` : `主办单位 ${a.unitName}`,
      });
  }
  out.sort((x, y) => (x.date < y.date ? 1 : x.date > y.date ? -1 : x.kind.localeCompare(y.kind) || x.account.id.localeCompare(y.account.id)));
  return Number.isFinite(limit) ? out.slice(0, limit) : out;
}

/** The badge text with the closing date for closed accounts: 已停办（2025-03-01）. */
export function badgeText(a: PublicAccount): string {
  if (a.state === 'closed' && a.dates.closed) return `${a.stateLabel}（${a.dates.closed}）`;
  return a.stateLabel;
}

/** Review outcome in Chinese. */
export function reviewOutcomeLabel(outcome: 'pass' | 'fail' | 'pending'): string {
  return outcome === 'pass' ? '合格' : outcome === 'fail' ? '不合格' : '审核中';
}

// ---------------------------------------------------------------------------------------------
// Open data: accounts.json, accounts.csv, the Atom feed. Built from PublicAccount only.

/** One account in accounts.json (version 1): the public fields without the rendered description. */
export type OpenDataAccount = Omit<PublicAccount, 'descriptionHtml' | 'history'> & { url: string };

/** accounts.json, version 1. */
export interface OpenDataFile {
  version: typeof PUBLIC_DATA_VERSION;
  /** The school (学校名称) and managing office (归口管理部门). */
  school: string;
  office: string;
  /** The day the statuses were computed for, `YYYY-MM-DD` (Beijing). */
  asOf: string;
  /** Number of accounts. */
  count: number;
  accounts: OpenDataAccount[];
}

/** The accounts.json document. `pageUrl` gives each account's absolute page URL. */
export function openDataJson(site: PublicSite, pageUrl: (a: PublicAccount) => string): OpenDataFile {
  return {
    version: PUBLIC_DATA_VERSION,
    school: site.policy.school.name,
    office: site.policy.office.name,
    asOf: site.asOf,
    count: site.accounts.length,
    accounts: site.accounts.map((a) => {
      const { descriptionHtml: _html, history: _history, ...rest } = a;
      return { ...rest, url: pageUrl(a) };
    }),
  };
}

/** accounts.csv columns: header (Chinese) and value. */
export const CSV_COLUMNS: ReadonlyArray<[string, (a: PublicAccount, url: string) => string]> = [
  ['编号', (a) => a.id],
  ['名称', (a) => a.name],
  ['平台', (a) => a.platformLabel],
  ['账号标识', (a) => a.keys.map((k) => `${k.label}:${k.value}`).join('; ')],
  ['链接', (a) => a.link ?? ''],
  ['主办单位', (a) => a.unitName],
  ['单位编号', (a) => a.unit],
  ['级别', (a) => a.tierName],
  ['状态', (a) => a.stateLabel],
  ['审批号', (a) => a.approval?.number ?? ''],
  ['审批日期', (a) => a.approval?.date ?? ''],
  ['开通日期', (a) => a.dates.opened ?? ''],
  ['停办日期', (a) => a.dates.closed ?? ''],
  ['最近年审年度', (a) => (a.lastReview ? String(a.lastReview.year) : '')],
  ['功能定位', (a) => a.purpose],
  ['详情页', (_a, url) => url],
];

/** Quotes a CSV field; neutralises a leading =, +, - or @ so spreadsheets do not run it as a formula. */
export function csvField(value: string): string {
  const v = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/** accounts.csv: UTF-8 with a byte-order mark (so Excel reads Chinese), CRLF line ends. */
export function openDataCsv(accounts: readonly PublicAccount[], pageUrl: (a: PublicAccount) => string): string {
  const lines = [CSV_COLUMNS.map(([h]) => csvField(h)).join(',')];
  for (const a of accounts) lines.push(CSV_COLUMNS.map(([, f]) => csvField(f(a, pageUrl(a)))).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

const XML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;' };
function xml(text: string): string {
  // Also drop characters XML 1.0 forbids.
  return text.replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, '').replace(/[&<>"']/g, (c) => XML_ESCAPES[c]!);
}

/** The Atom feed of approvals and closures (newest `limit` events). URLs must be absolute. */
export function atomFeed(
  site: PublicSite,
  opts: { feedUrl: string; siteUrl: string; pageUrl: (a: PublicAccount) => string; limit?: number },
): string {
  const events = accountEvents(site.accounts, opts.limit ?? 100);
  const updated = `${events[0]?.date ?? site.asOf}T00:00:00+08:00`;
  const title = `${site.policy.school.name}新媒体备案：审批与停办`;
  const entries = events.map((e) => {
    const link = opts.pageUrl(e.account);
    return [
      '  <entry>',
      `    <id>${xml(`${link}#${e.kind}-${e.date}`)}</id>`,
      `    <title>${xml(e.title)}</title>`,
      `    <link rel="alternate" type="text/html" href="${xml(link)}"/>`,
      `    <updated>${e.date}T00:00:00+08:00</updated>`,
      `    <category term="${e.kind}" label="${e.kind === 'approval' ? '审批' : '停办'}"/>`,
      `    <summary type="text">${xml(e.detail)}</summary>`,
      '  </entry>',
    ].join('\n');
  });
  return [
    '<?xml version="1.0" encoding="utf-8"?>',
    '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="zh-CN">',
    `  <id>${xml(opts.feedUrl)}</id>`,
    `  <title>${xml(title)}</title>`,
    `  <subtitle>${xml(`${site.policy.office.name}发布的校园新媒体账号审批与停办记录`)}</subtitle>`,
    `  <link rel="self" type="application/atom+xml" href="${xml(opts.feedUrl)}"/>`,
    `  <link rel="alternate" type="text/html" href="${xml(opts.siteUrl)}"/>`,
    `  <author><name>${xml(`${site.policy.school.name}${site.policy.office.name}`)}</name></author>`,
    `  <updated>${updated}</updated>`,
    ...entries,
    '</feed>',
    '',
  ].join('\n');
}

/** Groups items by a key, keeping their order within each group (for per-filter lists). */
export function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = out.get(k);
    if (list) list.push(item);
    else out.set(k, [item]);
  }
  return out;
}
