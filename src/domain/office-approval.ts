/**
 * The office's approval as a required check: which approvals a pull request needs and whether it
 * has them. Every rulebook makes an account official only after the managing office approved it
 * ("经审核通过后方可开通"); the printed 审批表 carries 主办单位意见 (and for student media 学院/团委
 * 意见) above 宣传部意见. So:
 * - the office (an owner of `policy.office.unit`) always approves;
 * - for a filing, each further entry of its tier's `approvers` (the policy's 审批主体, e.g.
 *   主办单位, 学生工作部、团委或所在学院) needs an owner of the filing unit or of a supervising unit;
 * - changes outside the units' filings (pages, policy, units, .github, code) need only the office;
 * - the PR's author never counts (no self-approval), one person fills one role only, and only
 *   approvals of the PR's latest head commit count.
 * Pure: the trusted registry (the default branch's), the PR's files, reviews and resolved
 * memberships in; a verdict and its Chinese explanation out.
 */
import { officeOwners } from './codeowners.ts';
import type { Registry } from './registry.ts';
import type { Filing } from './filing.ts';
import type { Unit } from './schema/unit.ts';

/** The name of the required check (what the ruleset requires, from the registry bot App only). */
export const OFFICE_APPROVAL_CHECK = '归口管理部门审核';

/** A review as GitHub lists it. */
export interface ReviewInfo {
  login: string;
  state: string;
  commitId: string;
  /** ISO time; reviews are applied in this order. */
  submittedAt: string;
}

/** A file the PR changes (repository path) and, for filings, the tiers it has in base and head. */
export interface ChangedFile {
  path: string;
  /** Tier levels read from the base and the head version of the filing (either may be missing). */
  tiers?: number[];
}

/** One approval the PR needs. */
export interface RequiredApproval {
  role: 'office' | 'unit' | 'parent';
  /** Chinese label as on the form: e.g. 党委宣传部意见, 主办单位意见（教务处）. */
  label: string;
  /** Owners (`@user`, `@org/team`) any one of whom may give it. */
  owners: string[];
  /** Files that need it. */
  files: string[];
  /** Who gave it, when satisfied. */
  by?: string;
}

export interface OfficeApprovalVerdict {
  ok: boolean;
  required: RequiredApproval[];
  /** Approvals that do not count, with why (author's own, an old commit, not an owner). */
  ignored: Array<{ login: string; reason: string }>;
  /** Check-run title and Markdown summary (no private value; logins escaped). */
  title: string;
  summary: string;
}

export interface OfficeApprovalInput {
  /** The default branch's registry (trusted: owners and policy come from here, never from the PR). */
  registry: Pick<Registry, 'policy' | 'units' | 'accounts'>;
  files: ChangedFile[];
  author: string;
  headSha: string;
  reviews: ReviewInfo[];
  /** True when `login` is `owner` (`@login`) or an active member of team `owner` (`@org/team`); resolved by the adapter. */
  isOwner: (owner: string, login: string) => boolean;
  /** Folder of the content inside the repository (default `content`). */
  contentPrefix?: string;
}

const OFFICE_WORDS = /归口管理部门|宣传|办公室/;
const UNIT_WORDS = /主办单位|所在单位|所在部门|本单位|职能部门|主要负责人/;

/** Whether an `approvers` entry names the office (its name, 归口管理部门) rather than a unit. */
export function isOfficeApprover(entry: string, officeName: string): boolean {
  return entry.includes(officeName) || OFFICE_WORDS.test(entry.replace(/（[^）]*）|\([^)]*\)/g, (m) => (/报备|备案/.test(m) ? '' : m)));
}

/** The unit and its supervising units, nearest first. */
function chain(units: readonly Filing<Unit>[], id: string): Filing<Unit>[] {
  const byId = new Map(units.map((u) => [u.data.id, u]));
  const out: Filing<Unit>[] = [];
  const seen = new Set<string>();
  for (let cur = byId.get(id); cur && !seen.has(cur.data.id); cur = cur.data.parent ? byId.get(cur.data.parent) : undefined) {
    seen.add(cur.data.id);
    out.push(cur);
  }
  return out;
}

/** The unit whose filing a repository path is, with the account id for reviews. */
function unitOfPath(rel: string, accounts: OfficeApprovalInput['registry']['accounts']): string | undefined {
  const m = /^(?:accounts|groups)\/([a-z0-9-]+)\/[^/]+$/.exec(rel);
  if (m) return m[1];
  const r = /^reviews\/\d{4}\/([a-z0-9-]+)\.(?:yaml|pushes\.csv)$/.exec(rel);
  if (r) return accounts.find((a) => a.data.id === r[1])?.data.unit;
  return undefined;
}

/**
 * Which approvals the PR needs and whether its reviews give them. Fails closed: an unknown unit,
 * tier or policy needs the office and every unit approver the strictest tier names.
 */
export function decideOfficeApproval(input: OfficeApprovalInput): OfficeApprovalVerdict {
  const { registry: reg } = input;
  const prefix = `${input.contentPrefix ?? 'content'}/`;
  const policy = reg.policy?.data;
  const officeName = policy?.office.name ?? '归口管理部门';
  const office = officeOwners(reg);
  const required: RequiredApproval[] = [];
  const need = (role: RequiredApproval['role'], label: string, owners: string[], file: string) => {
    const key = `${role}\u0000${label}`;
    const found = required.find((r) => `${r.role}\u0000${r.label}` === key);
    if (found) {
      if (!found.files.includes(file)) found.files.push(file);
    } else required.push({ role, label, owners, files: [file] });
  };

  // No file at all still needs the office (nothing merges without it).
  for (const f of input.files.length ? input.files : [{ path: '' }]) {
    need('office', `${officeName}意见`, office, f.path);
    if (!f.path.startsWith(prefix)) continue;
    const rel = f.path.slice(prefix.length);
    const unitId = unitOfPath(rel, reg.accounts);
    if (!unitId) continue; // pages, policy, units, impostors: the office's own files
    const units = chain(reg.units, unitId);
    const unit = units[0];
    if (!unit) continue; // unregistered unit: the PR check refuses it; only the office could file it
    const officeUnit = policy?.office.unit;
    // Tiers: those the filing has in base and head; none known → the tier of the unit's kind; else all.
    let levels = (f.tiers ?? []).filter((t) => policy?.tiers.some((x) => x.level === t));
    if (levels.length === 0) levels = policy?.tiers.filter((t) => t.unitKinds.includes(unit.data.kind)).map((t) => t.level) ?? [];
    if (levels.length === 0) levels = policy?.tiers.map((t) => t.level) ?? [];
    const entries = new Set<string>();
    for (const level of levels) for (const e of policy?.tiers.find((t) => t.level === level)?.approvers ?? []) if (!isOfficeApprover(e, officeName)) entries.add(e);
    if (!policy) entries.add('主办单位');
    for (const entry of entries) {
      // 主办单位 / 所在部门: the unit itself (or, when it has none, its supervisor); otherwise the
      // supervising unit (学院 / 团委 / 学生工作部), or the unit itself when it has no parent.
      const wantsUnit = UNIT_WORDS.test(entry);
      const candidates = (wantsUnit ? units : units.length > 1 ? units.slice(1) : units).filter((u) => u.data.id !== officeUnit);
      const owners = [...new Set(candidates.flatMap((u) => u.data.owners))].filter((o) => !office.some((x) => x.toLowerCase() === o.toLowerCase()));
      const names = candidates.map((u) => u.data.name).join('、');
      need(wantsUnit ? 'unit' : 'parent', `${entry}意见（${names || unit.data.name}）`, owners, f.path);
    }
  }

  // The latest review per person decides (a later "changes requested" or dismissal withdraws an approval).
  const ignored: OfficeApprovalVerdict['ignored'] = [];
  const latest = new Map<string, ReviewInfo>();
  for (const r of [...input.reviews].sort((a, b) => a.submittedAt.localeCompare(b.submittedAt))) {
    if (r.state === 'COMMENTED' || r.state === 'PENDING') continue;
    latest.set(r.login.toLowerCase(), r);
  }
  const approvers: string[] = [];
  for (const r of latest.values()) {
    if (r.state !== 'APPROVED') continue;
    if (r.login.toLowerCase() === input.author.toLowerCase()) ignored.push({ login: r.login, reason: '提交人本人的批准不算数' });
    else if (r.commitId !== input.headSha) ignored.push({ login: r.login, reason: '批准的是较早的提交，最新提交后需要重新批准' });
    else approvers.push(r.login);
  }

  // Each role needs a distinct person: try every assignment (few roles, few reviewers).
  const can = (r: RequiredApproval, login: string) => r.owners.some((o) => input.isOwner(o, login));
  const assign = (i: number, used: Set<string>): string[] | undefined => {
    if (i === required.length) return [];
    for (const login of approvers) {
      if (used.has(login) || !can(required[i]!, login)) continue;
      const rest = assign(i + 1, new Set([...used, login]));
      if (rest) return [login, ...rest];
    }
    return undefined;
  };
  const full = assign(0, new Set());
  if (full) full.forEach((login, i) => (required[i]!.by = login));
  else {
    // Show what is there: each role satisfied on its own, greedily.
    const used = new Set<string>();
    for (const r of required) {
      const login = approvers.find((l) => !used.has(l) && can(r, l));
      if (login) {
        r.by = login;
        used.add(login);
      }
    }
  }
  for (const login of approvers) if (!required.some((r) => can(r, login))) ignored.push({ login, reason: '不是所需审核单位的登记负责人' });

  const ok = !!full;
  const missing = required.filter((r) => !r.by);
  const title = ok ? '审核齐全：可以合并' : `还缺 ${missing.length} 项审核：${missing.map((r) => r.label).join('、')}`;
  const code = (s: string) => `\`${s.replace(/`/g, '')}\``;
  const lines = [
    ok ? '本次修改所需的审核已经齐全（均针对最新提交）。' : '本次修改还不能合并：以下审核尚未完成（只有针对最新提交的批准才算数）。',
    '',
    '| 审核 | 可由谁批准 | 状态 |',
    '|---|---|---|',
    ...required.map((r) => `| ${r.label} | ${r.owners.length ? r.owners.map(code).join('、') : '（该单位未登记负责账号，请先在 units/ 中登记）'} | ${r.by ? `已批准：${code(r.by)}` : '待批准'} |`),
  ];
  if (ignored.length) lines.push('', '不计入的批准：', ...ignored.map((x) => `- ${code(x.login)}：${x.reason}`));
  return { ok, required, ignored, title, summary: lines.join('\n') };
}
