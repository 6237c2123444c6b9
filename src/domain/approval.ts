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
  if (/^approval\s*:/m.test(front)) throw new Error('already approved');
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
