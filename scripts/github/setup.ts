/**
 * Repository setup: the labels the workflows use, the ruleset that protects the default branch
 * (the required check, code-owner review, stale approvals dismissed), and CODEOWNERS generated
 * from the units' owners. `planRepoSetup` is pure; `applyRepoSetup` writes through the adapter.
 */
import { renderCodeowners } from '../../src/domain/codeowners.ts';
import { OFFICE_APPROVAL_CHECK } from '../../src/domain/office-approval.ts';
import { DEADLINE_LABEL } from '../../src/domain/deadline-issues.ts';
import { ISSUE_LABELS } from '../../src/domain/issue-form.ts';
import { CHANGE_KIND_LABELS, tierLabel, unitLabel } from '../../src/domain/pr-report.ts';
import type { Registry } from '../../src/domain/registry.ts';
import { ensureLabel, listLabels, upsertRuleset, type LabelSpec, type RulesetSpec } from './api.ts';
import type { GitHubClient, RepoRef } from './client.ts';

/** The name of the required status check: the validate workflow's job name. */
export const REQUIRED_CHECK = '登记检查';
/**
 * The GitHub Actions app. It is never a bypass actor: GitHub rejects it on rulesets of repositories
 * outside its owner ("Actor GitHub Actions integration must be part of the ruleset source or owner
 * organization", 422; e.g. projectbluefin/lab#435, leynier/alera#489), and where accepted any
 * workflow on any branch could push to main. It is named only as the source of the validate job's check.
 */
export const GITHUB_ACTIONS_APP_ID = 15368;
export const RULESET_NAME = '备案审核：保护默认分支';

/** Labels created by setup (kind, tier, unit, follow-up and the issue forms' labels). */
export function plannedLabels(reg: Pick<Registry, 'policy' | 'units'>): LabelSpec[] {
  const tiers = reg.policy?.data.tiers ?? [];
  const kindText: Record<string, string> = { new: '新开账号或已开通账号备案', change: '备案信息变更', closure: '停办报备', review: '年审材料', other: '单位、办法或页面等其他修改' };
  return [
    ...Object.entries(CHANGE_KIND_LABELS).map(([k, name]) => ({ name, color: '1d76db', description: kindText[k]! })),
    ...tiers.map((t) => ({ name: tierLabel(t.level, () => t.name), color: 'c5def5', description: t.description.slice(0, 100) })),
    ...[...reg.units].sort((a, b) => a.data.id.localeCompare(b.data.id)).map((u) => ({ name: unitLabel(u.data.id), color: 'ededed', description: u.data.name.slice(0, 100) })),
    { name: DEADLINE_LABEL, color: 'd93f0b', description: '备案事项逾期，由每日任务自动维护' },
    ...Object.values(ISSUE_LABELS).map((l) => ({ ...l })),
  ];
}

/**
 * The ruleset on the default branch. `appId` is the registry bot App's id: the only bypass actor
 * (it pushes the approval records, from a job in the main-only environment) and the only source
 * the office-approval check is accepted from (`integration_id`: "the optional integration ID that
 * this status check must originate from", REST rulesets, required_status_checks).
 */
export function plannedRuleset(appId: number): RulesetSpec {
  return {
    name: RULESET_NAME,
    target: 'branch',
    enforcement: 'active',
    conditions: { ref_name: { include: ['~DEFAULT_BRANCH'], exclude: [] } },
    // Only the registry bot App pushes directly (the approval records after a merge).
    bypass_actors: [{ actor_id: appId, actor_type: 'Integration', bypass_mode: 'always' }],
    rules: [
      { type: 'deletion' },
      { type: 'non_fast_forward' },
      {
        type: 'pull_request',
        parameters: {
          required_approving_review_count: 1,
          dismiss_stale_reviews_on_push: true,
          require_code_owner_review: true,
          require_last_push_approval: true,
          required_review_thread_resolution: false,
        },
      },
      {
        type: 'required_status_checks',
        parameters: {
          strict_required_status_checks_policy: false,
          required_status_checks: [
            { context: REQUIRED_CHECK, integration_id: GITHUB_ACTIONS_APP_ID },
            { context: OFFICE_APPROVAL_CHECK, integration_id: appId },
          ],
        },
      },
    ],
  };
}

export interface RepoSetupPlan {
  labels: LabelSpec[];
  ruleset: RulesetSpec;
  codeowners: string;
}

/** Everything setup would write, from the registry alone. */
export function planRepoSetup(reg: Pick<Registry, 'policy' | 'units'>, appId = 0): RepoSetupPlan {
  return { labels: plannedLabels(reg), ruleset: plannedRuleset(appId), codeowners: renderCodeowners(reg) };
}

/** Creates or updates the labels and the ruleset; returns a line per change. */
export async function applyRepoSetup(client: GitHubClient, repo: RepoRef, plan: RepoSetupPlan): Promise<string[]> {
  const log: string[] = [];
  const existing = await listLabels(client, repo);
  for (const l of plan.labels) {
    const r = await ensureLabel(client, repo, existing, l);
    if (r !== 'unchanged') log.push(`标签 ${l.name}：${r === 'created' ? '新建' : '更新'}`);
  }
  const r = await upsertRuleset(client, repo, plan.ruleset);
  log.push(`规则集「${plan.ruleset.name}」：${r === 'created' ? '新建' : '更新'}`);
  return log;
}
