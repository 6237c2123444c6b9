/**
 * What a pull request does to the registry and whether it may: the filings it adds, changes or
 * closes, the rules a PR must pass (the author owns the unit, approval fields untouched, no filing
 * deleted), the report the validate job hands to the bot (late reports come from obligations.ts),
 * and the Chinese summary the bot posts. Pure: two registries (base and PR), the changed paths and
 * the author in; data and text out. Never quotes a private value.
 */
import * as z from 'zod';
import { reviewersOfUnit, officeOwners } from './codeowners.ts';
import type { Registry } from './registry.ts';
import { findPlatform } from './platforms.ts';

/** A changed path relative to the content folder. */
export interface FileChange {
  path: string;
  status: 'added' | 'modified' | 'removed';
}

/** Kind labels: 新开 / 变更 / 停办 / 年审 (and 其他 for units, policy and pages). */
export const CHANGE_KIND_LABELS = {
  new: '备案:新开',
  change: '备案:变更',
  closure: '备案:停办',
  review: '备案:年审',
  other: '备案:其他',
} as const;
export type ChangeKind = keyof typeof CHANGE_KIND_LABELS;

const ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
/** A path relative to the content folder (names may be invalid ones the validator reports). */
const PATH = /^[^\r\n`|<>\u0000-\u001f]{1,300}$/;
const TEXT = z.string().max(500);

/** One filing the PR touches (public fields only). */
export const FilingChangeSchema = z.strictObject({
  file: z.string().regex(PATH),
  kind: z.enum(['new', 'change', 'closure', 'review', 'other']),
  unit: z.string().regex(ID).optional(),
  account: z.string().regex(ID).optional(),
  tier: z.number().int().min(1).max(3).optional(),
  /** Public account name (媒体名称 / 拟用名称). */
  name: safeText(60).optional(),
  /** Platform label, e.g. 微信公众号. */
  platform: safeText(30).optional(),
});
export type FilingChange = z.infer<typeof FilingChangeSchema>;

const ProblemSchema = z.strictObject({
  file: z.string().regex(PATH).or(z.literal('')),
  line: z.number().int().min(0).max(1_000_000).default(1),
  column: z.number().int().min(0).max(1_000_000).default(1),
  field: TEXT.default(''),
  code: z.string().regex(/^[a-z0-9/-]{1,60}$/),
  message: TEXT,
});
export type Problem = z.infer<typeof ProblemSchema>;

/** A late filing (from findLateFilings in obligations.ts): recorded, not blocking. */
const LateSchema = z.strictObject({
  file: z.string().regex(PATH),
  code: z.string().regex(/^[a-z0-9/-]{1,60}$/),
  message: TEXT,
});
export type LateFiling = z.infer<typeof LateSchema>;

/**
 * The report the validate job uploads as an artifact and the bot reads back. The bot treats it as
 * untrusted input (a fork can replace it), so every field has a strict shape and a length cap.
 */
export const PrReportSchema = z.strictObject({
  version: z.literal(1),
  ok: z.boolean(),
  headSha: z.string().regex(/^[0-9a-f]{40}$/).optional(),
  errors: z.array(ProblemSchema).max(200),
  warnings: z.array(ProblemSchema).max(200),
  /** Findings beyond the caps. */
  truncated: z.number().int().min(0).default(0),
  changes: z.array(FilingChangeSchema).max(200),
  violations: z.array(ProblemSchema).max(200),
  late: z.array(LateSchema).max(200),
});
export type PrReport = z.infer<typeof PrReportSchema>;

/** Single-line text without HTML or Markdown code delimiters, at most `max` characters. */
function safeText(max: number) {
  return z.string().max(max).refine((s) => !/[\r\n<>`]/.test(s), { message: 'unsafe text' });
}

/** The PR's author and what is known of their teams (undefined: teams could not be read). */
export interface PrAuthor {
  login: string;
  /** Team slugs `org/team` the author belongs to, when known. */
  teams?: string[];
  /** Automation trusted to file on someone's behalf (the issue-to-PR bot). */
  trusted?: boolean;
  /** A member of the managing office (from the office's own list, not from the PR). */
  office?: boolean;
}

/** Approval fields read straight from the files, for filings too broken to load. */
export interface RawApprovals {
  base: (path: string) => unknown;
  head: (path: string) => unknown;
}

/** Which unit owns the file at `path`; `undefined` means only the office may change it. */
export function owningUnit(path: string, reg: Pick<Registry, 'accounts'>[]): string | undefined {
  const m = /^(?:accounts|groups)\/([a-z0-9-]+)\//.exec(path);
  if (m) return m[1];
  const r = /^reviews\/\d{4}\/([a-z0-9-]+)\.(?:yaml|pushes\.csv)$/.exec(path);
  if (r) {
    for (const g of reg) {
      const a = g.accounts.find((x) => x.data.id === r[1]);
      if (a) return a.data.unit;
    }
  }
  return undefined;
}

const DELETE_HINT: Record<string, string> = {
  accounts: '账号备案不能删除：停办请把状态改为 closed，并填写停办时间 dates.closed 和停办理由 closure.reason',
  groups: '工作群备案不能删除：解散请填写解散日期 dissolved',
  units: '单位不能删除：撤销、合并或更名请修改单位的 status',
  reviews: '年审材料提交后不能删除，如需更正请修改该文件',
  impostors: '仿冒账号记录不能删除，如需更正请修改该文件',
};

/**
 * The rules a PR must pass: the author is an owner of every unit whose files it touches (owners
 * read from the base, so a PR cannot make itself owner) or of the office; it does not set or alter
 * approval fields; it deletes no filing; it does not reopen a closed account.
 */
export function checkPrRules(changes: FileChange[], base: Registry, head: Registry, author: PrAuthor, raw?: RawApprovals, prDate?: string): { violations: Problem[]; notices: Problem[] } {
  const violations: Problem[] = [];
  const notices: Problem[] = [];
  const v = (file: string, code: string, message: string) => violations.push({ file, line: 1, column: 1, field: '', code, message });
  const login = `@${author.login}`.toLowerCase();
  const office = officeOwners(base).map((o) => o.toLowerCase());
  const isOwner = (owners: string[]) => owners.some((o) => o.toLowerCase() === login || (author.teams?.some((t) => `@${t}`.toLowerCase() === o.toLowerCase()) ?? false));
  // Team membership cannot be read offline: a unit owned by a team is then left to its review.
  const unverifiable = (owners: string[]) => author.teams === undefined && owners.some((o) => o.includes('/') && !office.includes(o.toLowerCase()));

  for (const c of changes) {
    const top = c.path.split('/')[0] ?? '';
    if (c.status === 'removed' && DELETE_HINT[top]) v(c.path, 'pr/deleted-filing', DELETE_HINT[top]!);

    // Approval fields belong to the approval job.
    if (top === 'accounts' && c.status !== 'removed') {
      const before = raw ? raw.base(c.path) : base.accounts.find((a) => a.file === c.path)?.data.approval;
      const after = raw ? raw.head(c.path) : head.accounts.find((a) => a.file === c.path)?.data.approval;
      if (after && !before) v(c.path, 'pr/approval-set', '审批信息 approval（审批号、审批日期）由合并后的自动流程填写，请删除该字段');
      else if (before && JSON.stringify(before) !== JSON.stringify(after))
        v(c.path, 'pr/approval-altered', '不能修改或删除审批信息 approval（审批号、审批日期、审批的合并请求）');
    }

    // A closed account stays closed (a dead account's name is what impostors take over): a revival
    // is a new filing with a new id. The single-file rule sees leftovers; only the base sees this.
    if (top === 'accounts' && c.status !== 'removed') {
      const was = base.accounts.find((a) => a.file === c.path)?.data.status;
      const now = head.accounts.find((a) => a.file === c.path)?.data.status;
      if (was === 'closed' && now !== undefined && now !== 'closed')
        v(c.path, 'pr/revived', '已停办的账号不能恢复运营：重新开设请另行提交新的备案文件（新的账号编号），原文件保持“已停办”');
    }

    // Evidence of timeliness and the office's verdicts are not the unit's to write: a report date
    // (history[].reported) or an application date (dates.applied) earlier than the PR's own date,
    // and a review's result, count only when the office writes them (rulebooks: 宣传部意见 is the
    // office's; lateness is measured to when the office was told, i.e. the PR).
    if (!author.office && !isOwner(office) && c.status !== 'removed') {
      if (top === 'accounts') {
        const before = base.accounts.find((a) => a.file === c.path)?.data;
        const after = head.accounts.find((a) => a.file === c.path)?.data;
        if (after && prDate) {
          const seen = new Set((before?.history ?? []).map((h) => JSON.stringify(h)));
          for (const h of after.history ?? [])
            if (h.reported && !seen.has(JSON.stringify(h)) && h.reported < prDate)
              v(c.path, 'pr/backdated-report', `报备日期 reported（${h.reported}）早于本次提交的日期（${prDate}）：报备日期以提交合并请求的日期为准，请删除 reported 字段`);
          const applied = after.dates.applied;
          if (applied && applied !== before?.dates.applied && applied < prDate)
            v(c.path, 'pr/backdated-applied', `申请时间 dates.applied（${applied}）早于本次提交的日期（${prDate}）：申请时间以提交合并请求的日期为准，请改为 ${prDate}`);
        }
      }
      if (top === 'reviews' && c.path.endsWith('.yaml')) {
        const before = base.reviews.find((r) => r.file === c.path)?.data.result;
        const after = head.reviews.find((r) => r.file === c.path)?.data.result;
        const changed = before ? JSON.stringify(before) !== JSON.stringify(after) : !!after && (after.outcome !== 'pending' || after.date !== undefined || after.note !== undefined);
        if (changed) v(c.path, 'pr/review-result', '年审结果 result 由归口管理部门填写：单位提交年审材料时请保持 result 为 outcome: pending');
      }
    }

    if (author.office || isOwner(office)) continue;
    // Office orders (责令停止运行) and the exceptions it grants are the office's alone.
    if (top === 'accounts' && c.status !== 'removed') {
      const b = base.accounts.find((a) => a.file === c.path)?.data;
      const h = head.accounts.find((a) => a.file === c.path)?.data;
      if (JSON.stringify(b?.orders ?? []) !== JSON.stringify(h?.orders ?? []))
        v(c.path, 'pr/order-office-only', '责令停止运行记录 orders 只能由归口管理部门填写或修改');
      if (JSON.stringify(b?.exemptions ?? []) !== JSON.stringify(h?.exemptions ?? []))
        v(c.path, 'pr/exemption-office-only', '例外批准记录 exemptions 只能由归口管理部门填写或修改');
    }
    if (author.trusted) {
      // Automation files on someone's behalf: ownership is judged by the required check
      // 归口管理部门审核 against the issue's author, never trusted here.
      notices.push({ file: c.path, line: 1, column: 1, field: '', code: 'pr/owner-deferred', message: '由登记系统代为提交：提交人是否为本单位登记负责人，由“归口管理部门审核”检查按备案表 Issue 的提交人核实' });
      continue;
    }
    const unit = owningUnit(c.path, [base, head]);
    const known = unit ? base.units.find((u) => u.data.id === unit) : undefined;
    if (!unit || !known) {
      v(c.path, 'pr/office-only', unit ? `单位 ${unit} 尚未登记：新单位须由归口管理部门先登记` : '该文件只能由归口管理部门修改');
      continue;
    }
    const owners = reviewersOfUnit(base, unit);
    if (isOwner(owners)) continue;
    if (unverifiable(owners)) notices.push({ file: c.path, line: 1, column: 1, field: '', code: 'pr/owner-unverified', message: `本检查无法读取团队成员：提交人是否属于单位 ${unit} 的负责团队，由必需检查“归口管理部门审核”通过 GitHub 接口核实（不属于则不能合并）` });
    else v(c.path, 'pr/not-owner', `提交人不是单位 ${unit} 的登记负责人（units/${unit}.yaml 的 owners），只能为本单位备案`);
  }
  return { violations, notices };
}

/** What each changed filing is (new / change / closure / review), with its public name and tier. */
export function describeChanges(changes: FileChange[], base: Registry, head: Registry): FilingChange[] {
  const out: FilingChange[] = [];
  for (const c of changes) {
    const top = c.path.split('/')[0] ?? '';
    if (top === 'accounts') {
      const a = head.accounts.find((x) => x.file === c.path) ?? base.accounts.find((x) => x.file === c.path);
      const before = base.accounts.find((x) => x.file === c.path);
      const kind: ChangeKind =
        c.status === 'added' ? 'new' : a?.data.status === 'closed' && before?.data.status !== 'closed' ? 'closure' : 'change';
      const m = /^accounts\/([a-z0-9-]+)\/([a-z0-9-]+)\.mdx$/.exec(c.path);
      out.push(clean({ file: c.path, kind, unit: m?.[1], account: m?.[2], tier: a?.data.tier, name: a?.data.name, platform: a ? findPlatform(a.data.platform)?.label : undefined }));
    } else if (top === 'reviews') {
      const m = /^reviews\/\d{4}\/([a-z0-9-]+)\./.exec(c.path);
      const acc = [...head.accounts, ...base.accounts].find((x) => x.data.id === m?.[1]);
      out.push(clean({ file: c.path, kind: 'review', unit: acc?.data.unit, account: m?.[1], tier: acc?.data.tier, name: acc?.data.name }));
    } else if (top === 'groups') {
      const g = head.groups.find((x) => x.file === c.path);
      const before = base.groups.find((x) => x.file === c.path);
      const kind: ChangeKind = c.status === 'added' ? 'new' : g?.data.dissolved && !before?.data.dissolved ? 'closure' : 'change';
      out.push(clean({ file: c.path, kind, unit: /^groups\/([a-z0-9-]+)\//.exec(c.path)?.[1] }));
    } else {
      out.push({ file: c.path, kind: 'other' });
    }
  }
  return out;
}

/** Labels for the PR: kind, tier and unit. */
export function labelsFor(changes: FilingChange[], tierName: (level: number) => string): string[] {
  const labels = new Set<string>();
  for (const c of changes) {
    labels.add(CHANGE_KIND_LABELS[c.kind]);
    if (c.tier) labels.add(tierLabel(c.tier, tierName));
    if (c.unit) labels.add(unitLabel(c.unit));
  }
  return [...labels].sort();
}

/** The tier label, e.g. `级别:二级平台`. */
export function tierLabel(level: number, tierName: (level: number) => string): string {
  return `级别:${tierName(level)}`;
}

/** The unit label, e.g. `单位:jwc`. */
export function unitLabel(unit: string): string {
  return `单位:${unit}`;
}

/** The hidden marker that identifies the bot's one comment on a PR. */
export const PR_COMMENT_MARKER = '<!-- campus-registry:pr-report -->';

/** Who must approve: per unit, its name and the GitHub owners routed by CODEOWNERS. */
export interface Approver {
  unit: string;
  unitName: string;
  owners: string[];
  /** `parent`: a supervising unit (院系 / 校团委) that approves before the office (tier 3). */
  role?: 'unit' | 'parent';
}

export interface CommentContext {
  officeName: string;
  officeOwners: string[];
  approvers: Approver[];
  tierName: (level: number) => string;
  /** Link to the validate run, when known. */
  runUrl?: string;
}

const KIND_TEXT: Record<ChangeKind, string> = { new: '新开备案', change: '信息变更', closure: '停办报备', review: '年审材料', other: '其他修改' };
const MAX_LISTED = 30;

/** Escapes text for a Markdown table cell or list item (no HTML, no mentions, no links). */
export function escapeMarkdown(s: string): string {
  return s
    .replace(/[\r\n]+/g, ' ')
    .replace(/[\\`*_{}[\]()#+!|<>~]/g, (c) => `\\${c}`)
    .replace(/@/g, '@\u200b');
}

/** The bot's Chinese summary comment: what the filing is, its problems, late filings, who approves. */
export function renderPrComment(report: PrReport, ctx: CommentContext): string {
  const e = escapeMarkdown;
  const lines: string[] = [PR_COMMENT_MARKER];
  const blocking = report.errors.length + report.violations.length;
  lines.push(blocking === 0 ? '### ✅ 备案检查通过' : `### ❌ 备案检查未通过：${blocking} 个问题需要修改`, '');

  lines.push('**本次提交**', '');
  if (report.changes.length === 0) lines.push('- 没有修改登记数据（content/）');
  lines.push(...report.changes.slice(0, MAX_LISTED).map((c) => {
    const what = [c.name ? `「${e(c.name)}」` : '', c.platform ? e(c.platform) : '', c.tier ? e(ctx.tierName(c.tier)) : ''].filter(Boolean).join(' · ');
    return `- ${KIND_TEXT[c.kind]}：\`${c.file}\`${what ? ` — ${what}` : ''}`;
  }));
  if (report.changes.length > MAX_LISTED) lines.push(`- ……另有 ${report.changes.length - MAX_LISTED} 个文件`);
  lines.push('');

  const problems = [...report.violations, ...report.errors];
  if (problems.length) {
    lines.push('**需要修改的问题**', '', '| 文件 | 位置 | 问题 |', '|---|---|---|');
    for (const p of problems.slice(0, MAX_LISTED))
      lines.push(`| \`${p.file || '—'}\` | ${p.line > 0 && p.file ? `第 ${p.line} 行` : '—'}${p.field ? ` ${e(p.field)}` : ''} | ${e(p.message)} |`);
    if (problems.length > MAX_LISTED || report.truncated) lines.push('', `……另有 ${problems.length - MAX_LISTED > 0 ? problems.length - MAX_LISTED : report.truncated} 个问题，请在“检查备案”运行记录中查看全部。`);
    lines.push('');
  }
  if (report.warnings.length) {
    lines.push('<details><summary>提示（不影响合并）：' + report.warnings.length + ' 条</summary>', '');
    for (const w of report.warnings.slice(0, MAX_LISTED)) lines.push(`- \`${w.file || '—'}\`：${e(w.message)}`);
    lines.push('', '</details>', '');
  }
  if (report.late.length) {
    lines.push('**逾期报备**（如实记录，不影响合并；逾期情况会计入年审）', '');
    for (const l of report.late.slice(0, MAX_LISTED)) lines.push(`- \`${l.file}\`：${e(l.message)}`);
    lines.push('');
  }

  lines.push('**需要谁审核**', '');
  for (const a of ctx.approvers) {
    const others = a.owners.filter((o) => !ctx.officeOwners.some((x) => x.toLowerCase() === o.toLowerCase()));
    lines.push(`- ${e(a.unitName)}（${a.role === 'parent' ? '上级单位意见' : '主办单位意见'}）：${others.length ? others.map((o) => `\`${o}\``).join('、') : '尚未登记负责账号，由归口管理部门代为审核'}`);
  }
  lines.push(`- ${e(ctx.officeName)}（归口管理部门意见）：${ctx.officeOwners.length ? ctx.officeOwners.map((o) => `\`${o}\``).join('、') : '见 CODEOWNERS'}`);
  lines.push('', '以上审核须针对最新提交、且不能由提交人本人批准；齐全后必需检查“归口管理部门审核”通过，方可合并。');
  lines.push('');
  lines.push('<sub>此评论由登记系统自动生成并随每次提交更新。联系方式等个人信息不会出现在评论中。' + (ctx.runUrl ? `[查看检查记录](${ctx.runUrl})` : '') + '</sub>');
  return lines.join('\n');
}

function clean<T extends Record<string, unknown>>(o: T): T {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
}
