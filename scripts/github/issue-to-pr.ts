/**
 * Issue ops: turns a "file an account" issue-form submission into a pull request with the filing,
 * crediting the issue author, linking issue and PR both ways. The filing is validated with the
 * same loader as every other filing before anything is written; problems go back to the issue.
 */
import { cp, mkdtemp, rm, stat, writeFile, mkdir } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { checkPrRules } from '../../src/domain/pr-report.ts';
import { filingFromIssueForm, redactIssueForm } from '../../src/domain/issue-form.ts';
import { beijingDate } from '../../src/domain/dates.ts';
import { loadRegistry } from '../../src/registry/load.ts';
import { commentOnIssue, commitFileOnNewBranch, findOpenPullRequestFromBranch, getBranchHead, openPullRequest, updateIssue } from './api.ts';
import type { GitHubClient, RepoRef } from './client.ts';

/** The issue fields read from the event payload. */
export interface FormIssue {
  number: number;
  body: string;
  author: string;
  authorId?: number;
  createdAt: string;
}

export interface IssueToPrResult {
  outcome: 'opened' | 'exists' | 'invalid';
  pr?: number;
  path?: string;
}

const MARK = '<!-- campus-registry:issue-ops -->';

/** Runs issue ops for `issue` against the registry in `contentDir` (the default branch's content). */
export async function runIssueToPr(client: GitHubClient, repo: RepoRef, issue: FormIssue, opts: { contentDir: string; baseBranch?: string; contentPrefix?: string; officeMembers?: string[] }): Promise<IssueToPrResult> {
  const baseBranch = opts.baseBranch ?? 'main';
  const prefix = opts.contentPrefix ?? 'content';
  const today = beijingDate(new Date(issue.createdAt));
  const reply = (lines: string[]) => commentOnIssue(client, repo, issue.number, [MARK, ...lines].join('\n'));
  const form = filingFromIssueForm(issue.body, today);
  if (!form.ok) {
    await reply(['### 备案表还不完整', '', ...form.problems.map((p) => `- ${p.field}：${p.message}`), '', '请点击本 Issue 右上角“…”→“Edit”修改后保存，系统会重新检查。']);
    return { outcome: 'invalid' };
  }
  const branch = `filing/issue-${issue.number}`;
  const existingPr = await findOpenPullRequestFromBranch(client, repo, branch);
  if (existingPr) return { outcome: 'exists', pr: existingPr.number, path: form.path };
  if (await stat(path.join(opts.contentDir, form.path)).catch(() => undefined)) {
    await reply([`### 账号编号已被使用`, '', `\`${prefix}/${form.path}\` 已存在。信息变更或停办请使用“报告变更或停办”表单；新账号请换一个账号编号。`]);
    return { outcome: 'invalid' };
  }

  // Validate in a copy of the registry with the new filing added: same loader, same rules.
  const tmp = await mkdtemp(path.join(tmpdir(), 'issue-filing-'));
  try {
    await cp(opts.contentDir, tmp, { recursive: true });
    await mkdir(path.dirname(path.join(tmp, form.path)), { recursive: true });
    await writeFile(path.join(tmp, form.path), form.text);
    const base = await loadRegistry(opts.contentDir, { today });
    const head = await loadRegistry(tmp, { today });
    const problems = head.findings.filter((f) => f.file === form.path && f.severity === 'error');
    const rules = checkPrRules([{ path: form.path, status: 'added' }], base.registry, head.registry, { login: issue.author, office: (opts.officeMembers ?? []).some((m) => m.toLowerCase() === issue.author.toLowerCase()) });
    const blocking = [...rules.violations, ...problems];
    if (blocking.length) {
      await reply(['### 备案检查未通过', '', ...blocking.map((p) => `- ${p.field ? `${p.field}：` : ''}${p.message}`), '', '请编辑本 Issue 修改后保存，系统会重新检查。']);
      return { outcome: 'invalid' };
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }

  const email = issue.authorId ? `${issue.authorId}+${issue.author}@users.noreply.github.com` : `${issue.author}@users.noreply.github.com`;
  const title = `新开备案：${form.id}（来自 #${issue.number}）`;
  const from = await getBranchHead(client, repo, baseBranch);
  await commitFileOnNewBranch(client, repo, {
    branch,
    fromSha: from,
    path: `${prefix}/${form.path}`,
    content: form.text,
    message: `${title}\n\nCo-authored-by: ${issue.author} <${email}>`,
  });
  const pr = await openPullRequest(client, repo, {
    head: branch,
    base: baseBranch,
    title,
    body: [
      `由 @${issue.author} 通过备案表 #${issue.number} 提交，登记系统自动生成备案文件 \`${prefix}/${form.path}\`。`,
      '',
      '合并即表示归口管理部门批准；合并后系统自动登记审批号。',
      '',
      `Closes #${issue.number}`,
    ].join('\n'),
  });
  await reply([`### 已生成合并请求 #${pr.number}`, '', `备案文件已提交到 #${pr.number}，请单位负责人在该合并请求中审核。联系方式已写入备案文件，并已从本 Issue 正文中删除。`]);
  const redacted = redactIssueForm(issue.body);
  if (redacted !== issue.body) await updateIssue(client, repo, issue.number, { body: redacted });
  return { outcome: 'opened', pr: pr.number, path: form.path };
}
