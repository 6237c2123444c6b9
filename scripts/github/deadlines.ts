/**
 * The deadline job's work: make the open "逾期提醒" issues match the overdue obligations, one per
 * unit, updated in place, closed when clear. Plans with the pure core, so an unchanged state makes
 * no write call.
 */
import { DEADLINE_LABEL, planDeadlineIssues, type IssueAction, type UnitIssue } from '../../src/domain/deadline-issues.ts';
import { canBeAssigned, closeIssue, createIssue, ensureLabel, listLabels, listOpenIssues, updateIssue } from './api.ts';
import type { GitHubClient, RepoRef } from './client.ts';

/**
 * Applies the plan for `desired`; returns the actions taken. The labels are created first when
 * missing (GitHub refuses an issue naming an unknown label, 422), and a new issue is assigned to
 * the unit's owners who are users and assignable (teams cannot be assigned: they are mentioned).
 */
export async function syncDeadlineIssues(client: GitHubClient, repo: RepoRef, desired: UnitIssue[]): Promise<IssueAction[]> {
  const existing = await listOpenIssues(client, repo, DEADLINE_LABEL);
  const actions = planDeadlineIssues(existing, desired);
  const creates = actions.filter((a) => a.type === 'create');
  if (creates.length) {
    const labels = await listLabels(client, repo);
    for (const name of [DEADLINE_LABEL, ...creates.map((a) => `单位:${a.unit}`)])
      if (!labels.has(name)) {
        await ensureLabel(client, repo, labels, { name, color: name === DEADLINE_LABEL ? 'd93f0b' : 'ededed', description: name === DEADLINE_LABEL ? '备案事项逾期，由每日任务自动维护' : '' });
        labels.set(name, { name, color: '', description: '' });
      }
  }
  for (const a of actions) {
    if (a.type === 'create') {
      const owners = desired.find((d) => d.unit === a.unit)?.owners ?? [];
      const assignees: string[] = [];
      for (const o of owners.filter((x) => !x.includes('/')).map((x) => x.slice(1))) if (await canBeAssigned(client, repo, o)) assignees.push(o);
      await createIssue(client, repo, { title: a.title, body: a.body, labels: [DEADLINE_LABEL, `单位:${a.unit}`], ...(assignees.length ? { assignees: assignees.slice(0, 10) } : {}) });
    }
    else if (a.type === 'update') await updateIssue(client, repo, a.number, { title: a.title, body: a.body });
    else await closeIssue(client, repo, a.number);
  }
  return actions;
}
