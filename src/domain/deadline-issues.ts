/**
 * Follow-up issues for overdue obligations: one issue per unit listing what it owes, updated in
 * place and closed when clear. The body names no private value and no day count (it would change
 * every day): it changes only when the unit's overdue obligations change, so a second run with
 * nothing new plans no write. Pure: obligations and the open issues in, a plan out.
 */

import { DEFAULT_RULE, OBLIGATION_KIND_LABELS, type Obligation } from './obligations.ts';
import { escapeMarkdown } from './pr-report.ts';

/** The fields of an obligation this module reads. */
export type ObligationLike = Pick<Obligation, 'kind' | 'unit' | 'account' | 'group' | 'due' | 'state' | 'rule' | 'filed'>;

/** The label every deadline issue carries. */
export const DEADLINE_LABEL = '逾期提醒';

const MARKER = (unit: string) => `<!-- campus-registry:deadlines unit=${unit} -->`;
const MARKER_RE = /<!-- campus-registry:deadlines unit=([a-z0-9-]+) -->/;

/** The unit a deadline issue is about, read from its hidden marker. */
export function issueUnit(body: string | null | undefined): string | undefined {
  return MARKER_RE.exec(body ?? '')?.[1];
}

/** True for obligations that are past due and still owed (late filings already made are not). */
export function isOverdue(o: ObligationLike): boolean {
  return o.state === 'overdue' && o.filed === null;
}

export interface UnitIssue {
  unit: string;
  title: string;
  body: string;
  /** The unit's registered owners (`@user`, `@org/team`), mentioned in the body; users are also assigned where the token can. */
  owners?: string[];
}

/** The issue for each unit with overdue obligations, sorted by unit. */
export function renderDeadlineIssues(
  obligations: ObligationLike[],
  unitName: (unit: string) => string,
  accountName: (account: string) => string | undefined,
  officeName: string,
  ownersOf: (unit: string) => readonly string[] = () => [],
): UnitIssue[] {
  const byUnit = new Map<string, ObligationLike[]>();
  for (const o of obligations.filter(isOverdue)) byUnit.set(o.unit, [...(byUnit.get(o.unit) ?? []), o]);
  return [...byUnit.keys()].sort().map((unit) => {
    const owners = ownersOf(unit).filter((o) => /^@[A-Za-z0-9-]+(\/[A-Za-z0-9_.-]+)?$/.test(o));
    const items = byUnit.get(unit)!.sort((a, b) => a.due.localeCompare(b.due) || String(a.account ?? a.group ?? '').localeCompare(String(b.account ?? b.group ?? '')) || a.kind.localeCompare(b.kind));
    const lines = [
      MARKER(unit),
      `${unitName(unit)}：以下备案事项已超过《管理办法》规定的期限，请尽快通过合并请求（PR）补报。`,
      '',
      '| 对象 | 事项 | 截止日期 | 依据 |',
      '|---|---|---|---|',
      ...items.map((o) => {
        // Account names are the units' text: escaped so they make no mention, link or markup.
        const name = o.account ? accountName(o.account) : undefined;
        const what = o.account ? `账号 \`${o.account}\`${name ? ` ${escapeMarkdown(name)}` : ''}` : o.group ? `工作群 \`${o.group}\`` : '本单位';
        return `| ${what} | ${OBLIGATION_KIND_LABELS[o.kind]} | ${o.due} | ${o.rule === DEFAULT_RULE ? '登记系统默认期限' : o.rule.replace(/[|\r\n]/g, ' ')} |`;
      }),
      '',
      // Owners come from units/ (the office's file), valid GitHub handles: mentioned on purpose.
      ...(owners.length ? [`请本单位登记负责人 ${owners.join(' ')} 处理。`, ''] : []),
      `补报后本提醒会自动更新；全部完成后自动关闭。如有疑问请联系${officeName}。`,
      '',
      '<sub>此 Issue 由登记系统每日自动生成，请勿手工修改正文。</sub>',
    ];
    return { unit, title: `【逾期提醒】${unitName(unit)}：${items.length} 项备案事项逾期`, body: lines.join('\n'), ...(owners.length ? { owners } : {}) };
  });
}

/** An open deadline issue as listed from the forge. */
export interface ExistingIssue {
  number: number;
  title: string;
  body: string;
}

export type IssueAction =
  | { type: 'create'; unit: string; title: string; body: string }
  | { type: 'update'; number: number; unit: string; title: string; body: string }
  | { type: 'close'; number: number; unit: string };

/**
 * What to do so the open issues match `desired`: create the missing, update the changed, close
 * the cleared (and duplicates). Identical issues produce no action.
 */
export function planDeadlineIssues(existing: ExistingIssue[], desired: UnitIssue[]): IssueAction[] {
  const actions: IssueAction[] = [];
  const byUnit = new Map<string, ExistingIssue[]>();
  for (const i of [...existing].sort((a, b) => a.number - b.number)) {
    const unit = issueUnit(i.body);
    if (unit) byUnit.set(unit, [...(byUnit.get(unit) ?? []), i]);
  }
  const wanted = new Map(desired.map((d) => [d.unit, d]));
  for (const d of desired) {
    const [first, ...dupes] = byUnit.get(d.unit) ?? [];
    if (!first) actions.push({ type: 'create', unit: d.unit, title: d.title, body: d.body });
    else if (first.title !== d.title || normalize(first.body) !== normalize(d.body)) actions.push({ type: 'update', number: first.number, unit: d.unit, title: d.title, body: d.body });
    for (const x of dupes) actions.push({ type: 'close', number: x.number, unit: d.unit });
  }
  for (const [unit, issues] of byUnit) if (!wanted.has(unit)) for (const i of issues) actions.push({ type: 'close', number: i.number, unit });
  return actions;
}

/** The body as GitHub stores it may use CRLF; compare line content only. */
function normalize(s: string): string {
  return s.replace(/\r\n/g, '\n').trim();
}
