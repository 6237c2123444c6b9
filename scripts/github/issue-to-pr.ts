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
import { findOpenPullRequestFromBranch, openPullRequest, putFileOnBranch, updateIssue, upsertMarkedComment } from './api.ts';
import { escapeMarkdown } from '../../src/domain/pr-report.ts';
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
  /** opened: a new PR; updated: the issue was edited and its PR's filing follows; exists: nothing changed; invalid: problems answered on the issue; failed: GitHub refused (answered on the issue). */
  outcome: 'opened' | 'updated' | 'exists' | 'invalid' | 'failed';
  pr?: number;
  path?: string;
}

const MARK = '<!-- campus-registry:issue-ops -->';

/** Runs issue ops for `issue` against the registry in `contentDir` (the default branch's content). */
export async function runIssueToPr(client: GitHubClient, repo: RepoRef, issue: FormIssue, opts: { contentDir: string; baseBranch?: string; contentPrefix?: string; officeMembers?: string[] }): Promise<IssueToPrResult> {
  const baseBranch = opts.baseBranch ?? 'main';
  const prefix = opts.contentPrefix ?? 'content';
  const today = beijingDate(new Date(issue.createdAt));
  // One reply per issue, updated in place: opened + labeled + edited events never duplicate it.
  const reply = (lines: string[]) => upsertMarkedComment(client, repo, issue.number, MARK, [MARK, ...lines].join('\n'));
  const e = escapeMarkdown;
  const form = filingFromIssueForm(issue.body, today);
  if (!form.ok) {
    await reply(['### 备案表还不完整', '', ...form.problems.map((p) => `- ${e(p.field)}：${e(p.message)}`), '', '请点击本 Issue 右上角“…”→“Edit”修改后保存，系统会重新检查。']);
    return { outcome: 'invalid' };
  }
  const branch = `filing/issue-${issue.number}`;
  const existingPr = await findOpenPullRequestFromBranch(client, repo, branch);
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
    const rules = checkPrRules([{ path: form.path, status: 'added' }], base.registry, head.registry, { login: issue.author, office: (opts.officeMembers ?? []).some((m) => m.toLowerCase() === issue.author.toLowerCase()) }, undefined, today);
    const blocking = [...rules.violations, ...problems];
    if (blocking.length) {
      await reply(['### 备案检查未通过', '', ...blocking.map((p) => `- ${p.field ? `${e(p.field)}：` : ''}${e(p.message)}`), '', '请编辑本 Issue 修改后保存，系统会重新检查。']);
      return { outcome: 'invalid' };
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }

  const email = issue.authorId ? `${issue.authorId}+${issue.author}@users.noreply.github.com` : `${issue.author}@users.noreply.github.com`;
  const title = `新开备案：${form.id}（来自 #${issue.number}）`;
  const filePath = `${prefix}/${form.path}`;
  const prBody = [
    `由 @${issue.author} 通过备案表 #${issue.number} 提交，登记系统自动生成备案文件 \`${filePath}\`。`,
    '',
    '须经本单位（及上级单位，按平台级别）和归口管理部门审核；“归口管理部门审核”检查通过后方可合并，合并后系统自动登记审批号。',
    '',
    `Closes #${issue.number}`,
  ].join('\n');
  const message = `${title}\n\nCo-authored-by: ${issue.author} <${email}>`;
  let changed: boolean;
  try {
    // The branch may exist from an earlier event (opened, then labeled or edited): the file on it
    // follows the issue, and a re-run never fails on "Reference already exists".
    changed = await putFileOnBranch(client, repo, { branch, baseBranch, path: filePath, content: form.text, message });
  } catch (err) {
    if ((err as { status?: number }).status !== 403) throw err;
    await reply(['### 暂时无法生成合并请求', '', '登记系统的令牌没有写入仓库的权限。请归口管理部门检查登记机器人 App 的安装与权限（见 README“仓库设置”），然后重新运行该工作流或编辑本 Issue。']);
    return { outcome: 'failed', path: form.path };
  }
  let pr = existingPr;
  let outcome: IssueToPrResult['outcome'] = changed ? 'updated' : 'exists';
  if (!pr) {
    try {
      pr = await openPullRequest(client, repo, { head: branch, base: baseBranch, title, body: prBody });
      outcome = 'opened';
    } catch (err) {
      const status = (err as { status?: number }).status;
      if (status === 403) {
        // "GitHub Actions is not permitted to create or approve pull requests": the workflow token
        // was used, or the repository setting is off. The registry bot App's token avoids both.
        await reply(['### 暂时无法生成合并请求', '', '备案文件已保存在分支 `' + branch + '`，但 GitHub 拒绝由工作流令牌创建合并请求。请归口管理部门按 README“仓库设置”为“备案表转合并请求”配置登记机器人 App，然后重新运行该工作流或编辑本 Issue。']);
        return { outcome: 'failed', path: form.path };
      }
      if (status !== 422) throw err;
      pr = await findOpenPullRequestFromBranch(client, repo, branch); // opened meanwhile
      if (!pr) throw err;
    }
  }
  await reply([
    outcome === 'opened' ? `### 已生成合并请求 #${pr.number}` : `### 合并请求 #${pr.number} ${changed ? '已按修改后的备案表更新' : '已存在'}`,
    '',
    `备案文件已提交到 #${pr.number}，请单位负责人在该合并请求中审核。联系方式已写入备案文件，并已从本 Issue 正文中删除。`,
  ]);
  const redacted = redactIssueForm(issue.body);
  if (redacted !== issue.body) await updateIssue(client, repo, issue.number, { body: redacted });
  return { outcome, pr: pr.number, path: form.path };
}
