/**
 * The annual-review campaign (年审): once the policy's review window opens, one issue per unit
 * listing the accounts (and, where the policy files work groups, the groups) due for review, with
 * how to print the 年审表 and submit it; a reminder in the last days before the deadline; after it,
 * each account's derived state (暂停运行 / 年审逾期). An office summary issue shows progress per
 * unit. Bodies change only when the state changes (no day counts), so a second run plans no write.
 * No private value appears: names of accounts and units only. Pure: registry, policy, date in.
 */
import { addDays } from './dates.ts';
import type { Registry } from './registry.ts';
import { DEFAULT_RULE, currentReviewYear, deriveAccountStatus, owesReview, reviewCycle, type ReviewLike } from './obligations.ts';
import { findPlatform } from './platforms.ts';

/** The label every campaign issue carries. */
export const CAMPAIGN_LABEL = '年审';

/** Days before the deadline when the reminder shows (a week, as the seeds' other windows). */
export const REMINDER_DAYS = 7;

export type CampaignPhase = 'closed' | 'open' | 'reminder' | 'after';

export const CAMPAIGN_PHASE_LABELS: Record<CampaignPhase, string> = { closed: '未开始', open: '进行中', reminder: '即将截止', after: '已截止' };

export type ReviewItemState = 'missing' | 'submitted' | 'pass' | 'fail';

export const REVIEW_ITEM_LABELS: Record<ReviewItemState, string> = { missing: '未提交', submitted: '已提交，待审核', pass: '合格', fail: '不合格' };

export interface CampaignItem {
  account: string;
  name: string;
  platform: string;
  state: ReviewItemState;
  /** After the deadline: the derived state's badge and reason (暂停运行 …), if any. */
  derived: string | null;
}

export interface UnitProgress {
  unit: string;
  unitName: string;
  items: CampaignItem[];
  /** Live work groups to confirm (policies that file groups), by name. */
  groups: Array<{ id: string; name: string }>;
  counts: Record<ReviewItemState, number>;
}

export interface Campaign {
  year: number;
  opens: string;
  due: string;
  phase: CampaignPhase;
  units: UnitProgress[];
}

/** The campaign of the review cycle current on `today`, with every unit's accounts due. */
export function reviewCampaign(registry: Registry, today: string): Campaign | null {
  const policy = registry.policy?.data;
  if (!policy || !policy.annualReview.required) return null;
  const year = currentReviewYear(policy, today);
  const c = reviewCycle(policy, year);
  const phase: CampaignPhase = today < c.opens ? 'closed' : today > c.due ? 'after' : today >= addDays(c.due, -REMINDER_DAYS) ? 'reminder' : 'open';
  const unitName = new Map(registry.units.map((u) => [u.data.id, u.data.name]));
  const reviews: ReviewLike[] = registry.reviews.map((r) => r.data).filter((r) => r.submitted === undefined || r.submitted <= today);
  const byUnit = new Map<string, UnitProgress>();
  const unit = (id: string) => {
    let u = byUnit.get(id);
    if (!u) byUnit.set(id, (u = { unit: id, unitName: unitName.get(id) ?? id, items: [], groups: [], counts: { missing: 0, submitted: 0, pass: 0, fail: 0 } }));
    return u;
  };
  for (const { data: a } of registry.accounts) {
    if (!owesReview(a, policy, year)) continue;
    const r = reviews.find((x) => x.account === a.id && x.year === year);
    const known = r && !(r.result.date !== undefined && r.result.date > today);
    const state: ReviewItemState = !r ? 'missing' : known && r.result.outcome === 'pass' ? 'pass' : known && r.result.outcome === 'fail' ? 'fail' : 'submitted';
    const d = phase === 'after' || state === 'fail' ? deriveAccountStatus(a, reviews, policy, today) : null;
    const u = unit(a.unit);
    u.items.push({ account: a.id, name: a.name, platform: a.platform === 'other' ? (a.platformOther ?? '其他') : (findPlatform(a.platform)?.label ?? a.platform), state, derived: d ? `${d.label}（${d.reason}）` : null });
    u.counts[state]++;
  }
  if (policy.groups.mustFile)
    for (const { data: g } of registry.groups) if (!g.dissolved && byUnit.has(g.unit)) unit(g.unit).groups.push({ id: g.id, name: g.name });
  const units = [...byUnit.values()].sort((a, b) => a.unit.localeCompare(b.unit));
  for (const u of units) {
    u.items.sort((a, b) => a.account.localeCompare(b.account));
    u.groups.sort((a, b) => a.id.localeCompare(b.id));
  }
  return { year, opens: c.opens, due: c.due, phase, units };
}

/** True when a unit still has something to do (anything not passed). */
export function unitPending(u: UnitProgress): boolean {
  return u.counts.missing + u.counts.submitted + u.counts.fail > 0;
}

export interface CampaignIssue {
  /** `summary` or the unit id. */
  key: string;
  title: string;
  body: string;
}

const MARK = (year: number, key: string) => `<!-- campus-registry:review-campaign year=${year} ${key === 'summary' ? 'summary' : `unit=${key}`} -->`;
const MARK_RE = /<!-- campus-registry:review-campaign year=(\d{4}) (?:summary|unit=([a-z0-9-]+)) -->/;

/** The campaign key (`summary` or unit id) and year of an issue body, from its hidden marker. */
export function campaignIssueKey(body: string | null | undefined): { year: number; key: string } | undefined {
  const m = MARK_RE.exec(body ?? '');
  return m ? { year: Number(m[1]), key: m[2] ?? 'summary' } : undefined;
}

const cellSafe = (s: string) => s.replace(/[|\\`<>\r\n]/g, ' ');

export interface CampaignLinks {
  /** The annual-review issue form (new issue with the template), e.g. …/issues/new?template=annual-review.yml. */
  issueForm: string;
  /** The managing office's name. */
  office: string;
  /** The article of the review (第五条 …). */
  rule: string;
  /** Whether the push list is required (002 第八条). */
  pushList: boolean;
}

/** One issue per unit with something pending, and the office summary; none before the window opens. */
export function renderCampaignIssues(c: Campaign, links: CampaignLinks): CampaignIssue[] {
  if (c.phase === 'closed') return [];
  const rule = links.rule === DEFAULT_RULE ? '登记系统默认' : links.rule;
  const out: CampaignIssue[] = [];
  for (const u of c.units.filter(unitPending)) {
    const lines = [
      MARK(c.year, u.unit),
      `${u.unitName}：${c.year} 年度新媒体年审已开始（${c.opens} 至 ${c.due}，依据${rule}）。以下账号须在 ${c.due}（含）前提交年审材料。`,
      '',
    ];
    if (c.phase === 'reminder') lines.push(`> **提醒：年审将于 ${c.due} 截止**，尚未提交的账号请尽快提交；逾期未提交的，按管理办法不得继续运行。`, '');
    if (c.phase === 'after') lines.push(`> **年审已于 ${c.due} 截止。** 下表“状态”列为截止后的结果；未提交或不合格的账号按管理办法不得继续运行，请尽快补交或整改。`, '');
    lines.push('| 账号 | 平台 | 年审情况 | 状态 |', '|---|---|---|---|');
    for (const i of u.items) lines.push(`| \`${i.account}\` ${cellSafe(i.name)} | ${cellSafe(i.platform)} | ${REVIEW_ITEM_LABELS[i.state]} | ${i.derived ? cellSafe(i.derived) : '—'} |`);
    if (u.groups.length) {
      lines.push('', '本单位登记的网络工作群（请核对是否仍在使用；闲置的群请解散并报备）：', '');
      for (const g of u.groups) lines.push(`- \`${g.id}\` ${cellSafe(g.name)}`);
    }
    lines.push(
      '',
      '**怎样提交：**',
      `1. 打印年审表：\`npm run forms -- --kind review --unit ${u.unit} --out 年审表\`（或请${links.office}代为打印），填写后由单位负责人签字并加盖公章。`,
      `2. 在 GitHub 上用“年审”表单提交：${links.issueForm}（每个账号一份），或直接提交合并请求，新增 \`reviews/${c.year}/<账号编号>.yaml\`。`,
      ...(links.pushList ? [`3. 附年度推送内容清单：\`reviews/${c.year}/<账号编号>.pushes.csv\`（表头 date,title,url；Excel 请另存为“CSV UTF-8”）。`] : []),
      '',
      `提交并经审核后，本 Issue 会自动更新；全部合格后自动关闭。如有疑问请联系${links.office}。`,
      '',
      '<sub>此 Issue 由登记系统自动生成并更新，请勿手工修改正文。</sub>',
    );
    const pending = u.counts.missing + u.counts.fail;
    out.push({
      key: u.unit,
      title: `【${c.year} 年度年审】${u.unitName}：${pending > 0 ? `${pending} 个账号待提交或整改` : `${u.counts.submitted} 个账号待审核`}`,
      body: lines.join('\n'),
    });
  }
  const total = (s: keyof UnitProgress['counts']) => c.units.reduce((n, u) => n + u.counts[s], 0);
  const all = c.units.reduce((n, u) => n + u.items.length, 0);
  const summary = [
    MARK(c.year, 'summary'),
    `${c.year} 年度新媒体年审进度（${CAMPAIGN_PHASE_LABELS[c.phase]}；${c.opens} 至 ${c.due}，依据${rule}）。`,
    '',
    `共 ${all} 个账号须年审：合格 ${total('pass')}，待审核 ${total('submitted')}，不合格 ${total('fail')}，未提交 ${total('missing')}。`,
    '',
    '| 单位 | 须年审 | 合格 | 待审核 | 不合格 | 未提交 | 进度 |',
    '|---|---|---|---|---|---|---|',
    ...c.units.map((u) => {
      const n = u.items.length;
      const done = Math.round((u.counts.pass / Math.max(1, n)) * 100);
      return `| ${cellSafe(u.unitName)}（\`${u.unit}\`） | ${n} | ${u.counts.pass} | ${u.counts.submitted} | ${u.counts.fail} | ${u.counts.missing} | ${done}% |`;
    }),
    '',
    `请${links.office}在 GitHub 上将本 Issue 置顶（Pin issue；置顶只能通过网页或 GraphQL 完成，登记系统不自动置顶）。审核结果以 \`reviews/${c.year}/\` 中各年审文件的 result 为准。`,
    '',
    '<sub>此 Issue 由登记系统自动生成并更新，请勿手工修改正文。</sub>',
  ];
  out.push({ key: 'summary', title: `【${c.year} 年度年审】进度总览：${total('pass')}/${all} 合格`, body: summary.join('\n') });
  return out;
}

export type CampaignAction =
  | { type: 'create'; key: string; title: string; body: string }
  | { type: 'update'; number: number; key: string; title: string; body: string }
  | { type: 'close'; number: number; key: string };

/**
 * What to do so the open campaign issues match `desired` (for `year`): create the missing, update
 * the changed, close the finished, duplicates and earlier years' issues. Identical issues: no action.
 */
export function planCampaignIssues(existing: Array<{ number: number; title: string; body: string }>, desired: CampaignIssue[], year: number): CampaignAction[] {
  const actions: CampaignAction[] = [];
  const mine = new Map<string, Array<{ number: number; title: string; body: string }>>();
  for (const i of [...existing].sort((a, b) => a.number - b.number)) {
    const k = campaignIssueKey(i.body);
    if (!k) continue;
    if (k.year !== year) {
      actions.push({ type: 'close', number: i.number, key: k.key });
      continue;
    }
    mine.set(k.key, [...(mine.get(k.key) ?? []), i]);
  }
  const norm = (s: string) => s.replace(/\r\n/g, '\n').trim();
  const wanted = new Set(desired.map((d) => d.key));
  for (const d of desired) {
    const [first, ...dupes] = mine.get(d.key) ?? [];
    if (!first) actions.push({ type: 'create', key: d.key, title: d.title, body: d.body });
    else if (first.title !== d.title || norm(first.body) !== norm(d.body)) actions.push({ type: 'update', number: first.number, key: d.key, title: d.title, body: d.body });
    for (const x of dupes) actions.push({ type: 'close', number: x.number, key: d.key });
  }
  for (const [key, issues] of mine) if (!wanted.has(key)) for (const i of issues) actions.push({ type: 'close', number: i.number, key });
  return actions;
}

/**
 * The reminder comment for a unit's issue in the last days before the deadline (GitHub notifies
 * the unit's watchers of a comment, not of an edited body); undefined outside the reminder phase
 * and for the summary. One per unit and year: its marker lets a re-run find it.
 */
export function reminderComment(issue: CampaignIssue, year: number): { marker: string; body: string } | undefined {
  if (issue.key === 'summary') return undefined;
  const m = /提醒：年审将于 (\d{4}-\d{2}-\d{2}) 截止/.exec(issue.body);
  if (!m) return undefined;
  const marker = `<!-- campus-registry:review-campaign reminder year=${year} unit=${issue.key} -->`;
  return { marker, body: `${marker}\n提醒：${year} 年度年审将于 ${m[1]} 截止，本单位还有账号未提交或须整改，请尽快按上方说明提交。` };
}
