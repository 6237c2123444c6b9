/**
 * The internal ledger (台账): the registry as spreadsheet sheets — accounts (every field, contacts
 * included, with the current state, its reason and the last review), units, work groups, reviews
 * and open obligations — with Chinese headers. The account and group columns are also what
 * `import` reads back (src/domain/ledger-import.ts), so an exported ledger imports to the same
 * filings. PRIVATE: holds staff names, phones and emails; never part of the public site.
 * Pure: the registry, the policy and a date in, sheet descriptions out (the script writes xlsx).
 */
import { ACCOUNT_STATUS_LABELS, CHANGE_KINDS, type Account } from './schema/account.ts';
import type { Person } from './schema/common.ts';
import type { Group } from './schema/group.ts';
import type { Policy } from './schema/policy.ts';
import { UNIT_KIND_LABELS, type Unit } from './schema/unit.ts';
import type { Review } from './schema/review.ts';
import type { Registry } from './registry.ts';
import { findPlatform } from './platforms.ts';
import { OBLIGATION_KIND_LABELS, OBLIGATION_STATE_LABELS, deriveAccountStatuses, describeObligation, findObligations } from './obligations.ts';
import { reviewOutcomeLabel } from './public.ts';

/** A cell value: text, a number, a `YYYY-MM-DD` date (type `date` columns), or empty. */
export type Cell = string | number | null;

export type ColumnType = 'text' | 'date' | 'int';

export interface SheetColumn {
  header: string;
  type: ColumnType;
}

/** One sheet of the ledger. */
export interface LedgerSheet {
  name: string;
  columns: SheetColumn[];
  rows: Cell[][];
}

/** Sheet names (import finds the account and group sheets by these, or by their headers). */
export const LEDGER_SHEETS = { accounts: '账号', units: '单位', groups: '工作群', reviews: '年审', obligations: '待办事项' } as const;

/** 审批类型 in Chinese. */
export const FILING_LABELS: Record<Account['filing'], string> = { new: '申请开通', backfill: '已开通备案' };
/** 认证状态 in Chinese. */
export const VERIFICATION_LABELS: Record<'verified' | 'pending' | 'none', string> = { verified: '已认证', pending: '认证中', none: '未认证' };
/** 变更类型 in Chinese (history lines in the ledger). */
export const CHANGE_KIND_LABELS: Record<(typeof CHANGE_KINDS)[number], string> = {
  rename: '名称变更',
  admins: '管理员变更',
  head: '主要负责人变更',
  leader: '分管领导变更',
  maintenance: '维护方式变更',
  handover: '移交其他单位',
  keys: '账号信息补报或变更',
  scope: '功能定位或内容范围变更',
  verification: '认证信息变更',
  closure: '停办',
  other: '其他变更',
};

/** Person sub-fields and their header suffixes. */
export const PERSON_FIELDS: ReadonlyArray<[keyof Person, string]> = [
  ['name', '姓名'],
  ['title', '职务'],
  ['officePhone', '办公电话'],
  ['mobile', '手机'],
  ['email', '邮箱'],
];

/** A ledger column of the account sheet: a field path (import key) and its Chinese header. */
export interface FieldColumn {
  /** Import key: a field path such as `dates.opened`, `contacts.head.mobile`, `admins.1.name`. */
  key: string;
  header: string;
  type: ColumnType;
}

/** The account sheet's columns, admins 1..`admins` (at least 2, as the seed forms have). */
export function accountColumns(admins: number): FieldColumn[] {
  const person = (prefix: string, label: string): FieldColumn[] =>
    PERSON_FIELDS.map(([f, h]) => ({ key: `${prefix}.${f}`, header: `${label}${h}`, type: 'text' as const }));
  return [
    { key: 'id', header: '账号编号', type: 'text' },
    { key: 'name', header: '媒体名称', type: 'text' },
    { key: 'formerNames', header: '曾用名', type: 'text' },
    { key: 'platform', header: '媒体类型', type: 'text' },
    { key: 'platformOther', header: '其他平台名称', type: 'text' },
    { key: 'keys', header: '账号标识', type: 'text' },
    { key: 'link', header: '媒体链接地址', type: 'text' },
    { key: 'unit', header: '单位编号', type: 'text' },
    { key: 'unitName', header: '主办单位', type: 'text' },
    { key: 'tier', header: '平台级别', type: 'int' },
    { key: 'status', header: '备案状态', type: 'text' },
    { key: 'filing', header: '审批类型', type: 'text' },
    { key: 'purpose', header: '功能定位', type: 'text' },
    { key: 'contentScope', header: '发布内容范围', type: 'text' },
    { key: 'reason', header: '申请理由', type: 'text' },
    { key: 'verification.status', header: '认证状态', type: 'text' },
    { key: 'verification.subject', header: '认证主体', type: 'text' },
    { key: 'verification.note', header: '认证说明', type: 'text' },
    { key: 'dates.applied', header: '申请时间', type: 'date' },
    { key: 'dates.plannedOpening', header: '拟开通时间', type: 'date' },
    { key: 'dates.opened', header: '开通时间', type: 'date' },
    { key: 'dates.closed', header: '停办时间', type: 'date' },
    { key: 'closure.reason', header: '停办理由', type: 'text' },
    { key: 'followers.count', header: '粉丝量', type: 'int' },
    { key: 'followers.asOf', header: '粉丝统计日期', type: 'date' },
    { key: 'approval.number', header: '审批号', type: 'text' },
    { key: 'approval.date', header: '审批日期', type: 'date' },
    { key: 'approval.pr', header: '审批合并请求编号', type: 'int' },
    ...person('contacts.head', '主要负责人'),
    ...person('contacts.leader', '分管领导'),
    ...Array.from({ length: Math.max(2, admins) }, (_, i) => person(`admins.${i + 1}`, `管理员${i + 1}`)).flat(),
    { key: 'history', header: '变更记录', type: 'text' },
    { key: 'note', header: '备注', type: 'text' },
  ];
}

/** Columns after the account's own fields: derived, export only (import ignores them). */
export const ACCOUNT_DERIVED_COLUMNS: SheetColumn[] = [
  { header: '当前状态', type: 'text' },
  { header: '状态原因', type: 'text' },
  { header: '最近年审年度', type: 'int' },
  { header: '最近年审结果', type: 'text' },
];

/** The work-group sheet's columns (网络工作群备案登记表, seed 003 附件4). */
export const GROUP_COLUMNS: FieldColumn[] = [
  { key: 'id', header: '群编号', type: 'text' },
  { key: 'platform', header: '群平台', type: 'text' },
  { key: 'number', header: '群号', type: 'text' },
  { key: 'name', header: '群名称', type: 'text' },
  { key: 'scope', header: '建群范围', type: 'text' },
  { key: 'members', header: '群成员数量', type: 'int' },
  { key: 'memberTypes', header: '覆盖人员类型', type: 'text' },
  { key: 'admins.1.name', header: '管理员1姓名', type: 'text' },
  { key: 'admins.1.mobile', header: '管理员1手机', type: 'text' },
  { key: 'admins.2.name', header: '管理员2姓名', type: 'text' },
  { key: 'admins.2.mobile', header: '管理员2手机', type: 'text' },
  { key: 'email', header: 'Email', type: 'text' },
  { key: 'unit', header: '单位编号', type: 'text' },
  { key: 'unitName', header: '所属部门', type: 'text' },
  ...PERSON_FIELDS.map(([f, h]) => ({ key: `head.${f}`, header: `部门负责人${h}`, type: 'text' as const })),
  { key: 'created', header: '建群日期', type: 'date' },
  { key: 'dissolved', header: '解散日期', type: 'date' },
  { key: 'dissolutionReported', header: '解散报备日期', type: 'date' },
  { key: 'note', header: '备注', type: 'text' },
];

/** List separator in one cell (曾用名, 覆盖人员类型, 账号标识). */
export const LIST_SEPARATOR = '；';

/** One history entry as one line of the 变更记录 cell: `日期｜类型｜内容｜报备日期`. */
export function historyLine(h: Account['history'][number]): string {
  return [h.date, CHANGE_KIND_LABELS[h.kind], h.summary.replace(/[｜\n]/g, ' '), h.reported ?? ''].join('｜');
}

/** The account-sheet value of column `key`. */
export function accountCell(a: Account, key: string, unitName: string): Cell {
  const person = (p: Person | undefined, f: string): Cell => (p ? ((p as Record<string, string | undefined>)[f] ?? null) : null);
  const m = /^admins\.(\d+)\.(\w+)$/.exec(key);
  if (m) return person(a.contacts.admins[Number(m[1]) - 1], m[2]!);
  if (key.startsWith('contacts.head.')) return person(a.contacts.head, key.slice(14));
  if (key.startsWith('contacts.leader.')) return person(a.contacts.leader, key.slice(16));
  switch (key) {
    case 'id': return a.id;
    case 'name': return a.name;
    case 'formerNames': return a.formerNames.join(LIST_SEPARATOR) || null;
    case 'platform': return findPlatform(a.platform)?.label ?? a.platform;
    case 'platformOther': return a.platformOther ?? null;
    case 'keys': return a.keys.map((k) => `${k.kind}:${k.value}`).join(LIST_SEPARATOR) || null;
    case 'link': return a.link ?? null;
    case 'unit': return a.unit;
    case 'unitName': return unitName;
    case 'tier': return a.tier;
    case 'status': return ACCOUNT_STATUS_LABELS[a.status];
    case 'filing': return FILING_LABELS[a.filing];
    case 'purpose': return a.purpose;
    case 'contentScope': return a.contentScope ?? null;
    case 'reason': return a.reason ?? null;
    case 'verification.status': return a.verification ? VERIFICATION_LABELS[a.verification.status] : null;
    case 'verification.subject': return a.verification?.subject ?? null;
    case 'verification.note': return a.verification?.note ?? null;
    case 'dates.applied': return a.dates.applied ?? null;
    case 'dates.plannedOpening': return a.dates.plannedOpening ?? null;
    case 'dates.opened': return a.dates.opened ?? null;
    case 'dates.closed': return a.dates.closed ?? null;
    case 'closure.reason': return a.closure?.reason ?? null;
    case 'followers.count': return a.followers?.count ?? null;
    case 'followers.asOf': return a.followers?.asOf ?? null;
    case 'approval.number': return a.approval?.number ?? null;
    case 'approval.date': return a.approval?.date ?? null;
    case 'approval.pr': return a.approval?.pr ?? null;
    case 'history': return a.history.map(historyLine).join('\n') || null;
    case 'note': return a.note ?? null;
  }
  return null;
}

/** The group-sheet value of column `key`. */
export function groupCell(g: Group, key: string, unitName: string): Cell {
  const m = /^admins\.(\d+)\.(\w+)$/.exec(key);
  if (m) return (g.admins[Number(m[1]) - 1] as Record<string, string> | undefined)?.[m[2]!] ?? null;
  if (key.startsWith('head.')) return (g.head as Record<string, string | undefined>)[key.slice(5)] ?? null;
  switch (key) {
    case 'platform': return findPlatform(g.platform)?.label ?? g.platform;
    case 'memberTypes': return g.memberTypes.join(LIST_SEPARATOR);
    case 'unitName': return unitName;
    default: {
      const v = (g as Record<string, unknown>)[key];
      return typeof v === 'string' || typeof v === 'number' ? v : null;
    }
  }
}

const UNIT_STATUS_LABELS: Record<Unit['status'], string> = { active: '正常', merged: '已合并', renamed: '已更名', dissolved: '已撤销' };

/** The whole ledger on `today`. */
export function buildLedger(registry: Registry, policy: Policy, today: string): LedgerSheet[] {
  const unitName = new Map(registry.units.map((u) => [u.data.id, u.data.name]));
  const accountName = new Map(registry.accounts.map((a) => [a.data.id, a.data.name]));
  const reviews = registry.reviews.map((r) => r.data);
  const derived = deriveAccountStatuses(registry.accounts.map((a) => a.data), reviews, policy, today);
  const latest = new Map<string, Review>();
  for (const r of reviews) if ((latest.get(r.account)?.year ?? -1) < r.year) latest.set(r.account, r);
  const accounts = [...registry.accounts].sort((a, b) => a.data.unit.localeCompare(b.data.unit) || a.data.id.localeCompare(b.data.id));
  const maxAdmins = Math.max(2, ...accounts.map((a) => a.data.contacts.admins.length));
  const cols = accountColumns(maxAdmins);
  const accountSheet: LedgerSheet = {
    name: LEDGER_SHEETS.accounts,
    columns: [...cols.map(({ header, type }) => ({ header, type })), ...ACCOUNT_DERIVED_COLUMNS],
    rows: accounts.map(({ data: a }) => {
      const d = a.status !== 'closed' ? derived.get(a.id) : null;
      const r = latest.get(a.id);
      return [
        ...cols.map((c) => accountCell(a, c.key, unitName.get(a.unit) ?? a.unit)),
        d ? d.label : ACCOUNT_STATUS_LABELS[a.status],
        d ? `${d.reason}（自 ${d.since} 起，依据${d.rule}）` : null,
        r?.year ?? null,
        r ? reviewOutcomeLabel(r.result.outcome) : null,
      ];
    }),
  };
  const units = [...registry.units].sort((a, b) => a.data.id.localeCompare(b.data.id));
  const count = (id: string) => registry.accounts.filter((a) => a.data.unit === id).length;
  const unitSheet: LedgerSheet = {
    name: LEDGER_SHEETS.units,
    columns: [
      ['单位编号', 'text'], ['单位名称', 'text'], ['简称', 'text'], ['单位类型', 'text'], ['上级单位', 'text'], ['状态', 'text'],
      ['状态变更日期', 'date'], ['承继单位', 'text'], ['第一责任人职务', 'text'], ['维护账号（GitHub）', 'text'], ['账号数', 'int'],
    ].map(([header, type]) => ({ header: header!, type: type as ColumnType })),
    rows: units.map(({ data: u }) => [
      u.id, u.name, u.shortName ?? null, UNIT_KIND_LABELS[u.kind], u.parent ? `${unitName.get(u.parent) ?? u.parent}（${u.parent}）` : null,
      UNIT_STATUS_LABELS[u.status], u.statusDate ?? null, u.successor ?? null, u.headTitle, u.owners.join(LIST_SEPARATOR) || null, count(u.id),
    ]),
  };
  const groups = [...registry.groups].sort((a, b) => a.data.unit.localeCompare(b.data.unit) || a.data.id.localeCompare(b.data.id));
  const groupSheet: LedgerSheet = {
    name: LEDGER_SHEETS.groups,
    columns: GROUP_COLUMNS.map(({ header, type }) => ({ header, type })),
    rows: groups.map(({ data: g }) => GROUP_COLUMNS.map((c) => groupCell(g, c.key, unitName.get(g.unit) ?? g.unit))),
  };
  const reviewSheet: LedgerSheet = {
    name: LEDGER_SHEETS.reviews,
    columns: [
      ['年度', 'int'], ['账号编号', 'text'], ['媒体名称', 'text'], ['主办单位', 'text'], ['提交日期', 'date'], ['全年推送条数', 'int'], ['总粉丝数', 'int'],
      ['全年最佳图文', 'text'], ['最佳图文链接', 'text'], ['点击量', 'int'], ['转发量', 'int'], ['有无违规发布', 'text'], ['违规情况说明', 'text'],
      ['推送清单', 'text'], ['负责人姓名', 'text'], ['负责人职务', 'text'], ['负责人办公电话', 'text'], ['负责人手机', 'text'], ['负责人邮箱', 'text'],
      ['所在部门意见', 'text'], ['年审结果', 'text'], ['审核日期', 'date'], ['审核意见', 'text'],
    ].map(([header, type]) => ({ header: header!, type: type as ColumnType })),
    rows: [...reviews]
      .sort((a, b) => b.year - a.year || a.account.localeCompare(b.account))
      .map((r) => {
        const acc = registry.accounts.find((a) => a.data.id === r.account)?.data;
        return [
          r.year, r.account, accountName.get(r.account) ?? null, acc ? (unitName.get(acc.unit) ?? acc.unit) : null, r.submitted, r.pushes, r.followers,
          r.bestPost?.title ?? null, r.bestPost?.url ?? null, r.bestPost?.views ?? null, r.bestPost?.shares ?? null, r.violations.any ? '有' : '无',
          r.violations.details ?? null, r.pushList ?? null, r.head.name, r.head.title ?? null, r.head.officePhone ?? null, r.head.mobile ?? null,
          r.head.email ?? null, r.unitOpinion ?? null, reviewOutcomeLabel(r.result.outcome), r.result.date ?? null, r.result.note ?? null,
        ];
      }),
  };
  const obligations = findObligations(registry, policy, today).filter((o) => o.filed === null);
  const obligationSheet: LedgerSheet = {
    name: LEDGER_SHEETS.obligations,
    columns: [
      ['单位编号', 'text'], ['单位名称', 'text'], ['对象', 'text'], ['名称', 'text'], ['事项', 'text'], ['截止日期', 'date'], ['状态', 'text'], ['逾期天数', 'int'], ['依据', 'text'], ['说明', 'text'],
    ].map(([header, type]) => ({ header: header!, type: type as ColumnType })),
    rows: obligations.map((o) => [
      o.unit, unitName.get(o.unit) ?? o.unit, o.account ?? o.group ?? null, o.account ? (accountName.get(o.account) ?? null) : null,
      OBLIGATION_KIND_LABELS[o.kind], o.due, OBLIGATION_STATE_LABELS[o.state], o.daysLate, o.rule, describeObligation(o),
    ]),
  };
  return [accountSheet, unitSheet, groupSheet, reviewSheet, obligationSheet];
}

/** Display width of a text in spreadsheet character units (CJK and full-width count double). */
export function textWidth(text: string): number {
  let w = 0;
  for (const ch of text) w += /[\u1100-\u115f\u2e80-\ua4cf\uac00-\ud7a3\uf900-\ufaff\ufe30-\ufe4f\uff00-\uff60\uffe0-\uffe6]/.test(ch) ? 2 : 1;
  return w;
}

/** Column widths that fit header and values (longest line), between 6 and 60. */
export function fittedWidths(sheet: LedgerSheet): number[] {
  return sheet.columns.map((c, i) => {
    let w = textWidth(c.header);
    for (const row of sheet.rows) {
      const v = row[i];
      if (v === null || v === undefined) continue;
      const s = c.type === 'date' ? '2024-01-01' : String(v);
      for (const line of s.split('\n')) w = Math.max(w, textWidth(line));
    }
    return Math.min(60, Math.max(6, w + 2));
  });
}
