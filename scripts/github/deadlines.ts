/**
 * The deadline job's work: make the open "逾期提醒" issues match the overdue obligations, one per
 * unit, updated in place, closed when clear. Plans with the pure core, so an unchanged state makes
 * no write call.
 */
import { DEADLINE_LABEL, planDeadlineIssues, type IssueAction, type UnitIssue } from '../../src/domain/deadline-issues.ts';
import { closeIssue, createIssue, listOpenIssues, updateIssue } from './api.ts';
import type { GitHubClient, RepoRef } from './client.ts';

/** Applies the plan for `desired`; returns the actions taken. */
export async function syncDeadlineIssues(client: GitHubClient, repo: RepoRef, desired: UnitIssue[]): Promise<IssueAction[]> {
  const existing = await listOpenIssues(client, repo, DEADLINE_LABEL);
  const actions = planDeadlineIssues(existing, desired);
  for (const a of actions) {
    if (a.type === 'create') await createIssue(client, repo, { title: a.title, body: a.body, labels: [DEADLINE_LABEL, `单位:${a.unit}`] });
    else if (a.type === 'update') await updateIssue(client, repo, a.number, { title: a.title, body: a.body });
    else await closeIssue(client, repo, a.number);
  }
  return actions;
}
