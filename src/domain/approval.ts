import { parseStrictYaml } from './yaml.ts';

/**
 * Approval numbers (审批号 "年 第 号", seed 001; 审批号 on each form, seed 000) and their recording in
 * a filing after the merge. Numbers are `YYYY-NNNN`, unique and never reused: the next number is
 * one past the highest ever used in that year, counting numbers seen anywhere in the history.
 * Pure: text and used numbers in, text and numbers out.
 */

/** Any approval number inside a text (a file, a diff, a commit message). */
export const APPROVAL_NUMBER_IN_TEXT = /\bnumber:\s*['"]?(\d{4})-(\d{4,5})['"]?/g;

/** Every approval number mentioned as `number: 'YYYY-NNNN'` in `text`. */
export function findApprovalNumbers(text: string): string[] {
  return [...text.matchAll(APPROVAL_NUMBER_IN_TEXT)].map((m) => `${m[1]}-${m[2]}`);
}

/** The next `count` numbers for `year`, after the highest of `used` in that year. */
export function nextApprovalNumbers(used: Iterable<string>, year: number, count: number): string[] {
  let max = 0;
  for (const n of used) {
    const m = /^(\d{4})-(\d{4,5})$/.exec(n);
    if (m && Number(m[1]) === year) max = Math.max(max, Number(m[2]));
  }
  return Array.from({ length: count }, (_, i) => `${year}-${String(max + i + 1).padStart(4, '0')}`);
}

export interface ApprovalRecord {
  number: string;
  date: string;
  pr?: number;
}

/**
 * Writes `approval` into an account filing's frontmatter (before the closing `---`) and moves an
 * `applied` account to `approved`. Leaves every other byte as it was. Throws on a filing that
 * already has an approval or has no frontmatter.
 */
export function recordApproval(text: string, approval: ApprovalRecord): string {
  const m = /^(\uFEFF?---[ \t]*\r?\n)([\s\S]*?\r?\n)?(---[ \t]*(?:\r?\n|$))/.exec(text);
  if (!m) throw new Error('no frontmatter');
  const front = m[2] ?? '';
  if (hasApprovalRecord(text)) throw new Error('already approved');
  const nl = front.includes('\r\n') ? '\r\n' : '\n';
  const block = [
    'approval:',
    `  number: '${approval.number}'`,
    `  date: '${approval.date}'`,
    ...(approval.pr !== undefined ? [`  pr: ${approval.pr}`] : []),
  ].join(nl) + nl;
  const updated = front.replace(/^status:[ \t]*['"]?applied['"]?[ \t]*(#.*)?$/m, 'status: approved');
  return m[1] + updated + block + m[3] + text.slice(m[0].length);
}

/** The PR number a merge commit's message names (`Merge pull request #12 …` or `… (#12)`). */
export function prNumberFromMessage(message: string): number | undefined {
  const m = /^Merge pull request #(\d+)/m.exec(message) ?? /\(#(\d+)\)\s*$/m.exec(message.split('\n')[0] ?? '');
  return m ? Number(m[1]) : undefined;
}

/**
 * The frontmatter of a filing's text as the strict YAML reader reads it (the same reader as the
 * loader: no regex over YAML), or undefined when it has none or does not parse. Keys are read as
 * own properties only by the callers (`Object.hasOwn`), never through a prototype.
 */
export function frontmatterValue(text: string): Record<string, unknown> | undefined {
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const m = /^---[ \t]*\r?\n([\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/.exec(src);
  if (!m) return undefined;
  const yaml = parseStrictYaml(m[1] ?? '');
  if (yaml.problems.length || !yaml.value || typeof yaml.value !== 'object' || Array.isArray(yaml.value)) return undefined;
  return yaml.value as Record<string, unknown>;
}

/** The filing's own `approval.number` (parsed, own properties only), if it has a well-formed one. */
export function parsedApprovalNumber(text: string): string | undefined {
  const v = frontmatterValue(text);
  const a = v && Object.hasOwn(v, 'approval') ? v.approval : undefined;
  const n = a && typeof a === 'object' && Object.hasOwn(a, 'number') ? (a as Record<string, unknown>).number : undefined;
  return typeof n === 'string' && /^\d{4}-\d{4,5}$/.test(n) ? n : undefined;
}

/**
 * Whether the filing already carries an approval record: any own `approval` key in its parsed
 * frontmatter. A frontmatter that does not parse counts as "has one" (nothing is written into a
 * file the validator rejects; the office sees the error first).
 */
export function hasApprovalRecord(text: string): boolean {
  const v = frontmatterValue(text);
  return v === undefined ? true : Object.hasOwn(v, 'approval');
}
