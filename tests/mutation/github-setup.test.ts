// Repository setup, planned from the registry alone: every label with its colour and text, tier
// and unit texts cut to GitHub's 100 characters, units in id order; the exact ruleset.
import { describe, expect, test } from 'vitest';
import { ISSUE_LABELS } from '../../src/domain/issue-form.ts';
import { GITHUB_ACTIONS_APP_ID, RULESET_NAME, plannedLabels, plannedRuleset } from '../../scripts/github/setup.ts';

type Reg = Parameters<typeof plannedLabels>[0];
const long = (c: string) => c.repeat(120);

describe('plannedLabels()', () => {
  test('kind labels, tier labels, unit labels (in id order), the follow-up label and the issue forms\' labels, exactly', () => {
    const reg = {
      policy: { data: { tiers: [{ level: 1, name: '一级平台', description: long('甲') }, { level: 2, name: '二级平台', description: '校内单位账号' }] } },
      units: [
        { data: { id: 'tw', name: '校团委' } },
        { data: { id: 'jwc', name: long('教') } },
        { data: { id: 'robot-club', name: '机器人协会' } },
      ],
    } as unknown as Reg;
    expect(plannedLabels(reg)).toStrictEqual([
      { name: '备案:新开', color: '1d76db', description: '新开账号或已开通账号备案' },
      { name: '备案:变更', color: '1d76db', description: '备案信息变更' },
      { name: '备案:停办', color: '1d76db', description: '停办报备' },
      { name: '备案:年审', color: '1d76db', description: '年审材料' },
      { name: '备案:其他', color: '1d76db', description: '单位、办法或页面等其他修改' },
      { name: '级别:一级平台', color: 'c5def5', description: long('甲').slice(0, 100) },
      { name: '级别:二级平台', color: 'c5def5', description: '校内单位账号' },
      { name: '单位:jwc', color: 'ededed', description: long('教').slice(0, 100) },
      { name: '单位:robot-club', color: 'ededed', description: '机器人协会' },
      { name: '单位:tw', color: 'ededed', description: '校团委' },
      { name: '逾期提醒', color: 'd93f0b', description: '备案事项逾期，由每日任务自动维护' },
      ...Object.values(ISSUE_LABELS),
    ]);
    expect(long('甲').slice(0, 100)).toHaveLength(100);
  });

  test('without a policy there are no tier labels', () => {
    const labels = plannedLabels({ policy: undefined, units: [] } as unknown as Reg);
    expect(labels.map((l) => l.name)).toEqual(['备案:新开', '备案:变更', '备案:停办', '备案:年审', '备案:其他', '逾期提醒', ...Object.values(ISSUE_LABELS).map((l) => l.name)]);
  });
});

describe('plannedRuleset()', () => {
  test('the whole ruleset: open review threads and an out-of-date branch do not block a merge', () => {
    expect(plannedRuleset(4242)).toStrictEqual({
      name: RULESET_NAME,
      target: 'branch',
      enforcement: 'active',
      conditions: { ref_name: { include: ['~DEFAULT_BRANCH'], exclude: [] } },
      bypass_actors: [{ actor_id: 4242, actor_type: 'Integration', bypass_mode: 'always' }],
      rules: [
        { type: 'deletion' },
        { type: 'non_fast_forward' },
        {
          type: 'pull_request',
          parameters: { required_approving_review_count: 1, dismiss_stale_reviews_on_push: true, require_code_owner_review: true, require_last_push_approval: true, required_review_thread_resolution: false },
        },
        {
          type: 'required_status_checks',
          parameters: {
            strict_required_status_checks_policy: false,
            required_status_checks: [
              { context: '登记检查', integration_id: GITHUB_ACTIONS_APP_ID },
              { context: '归口管理部门审核', integration_id: 4242 },
            ],
          },
        },
      ],
    });
  });
});
