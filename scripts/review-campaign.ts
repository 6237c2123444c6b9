/**
 * The annual-review campaign on GitHub (年审): when the policy's review window opens, one issue per
 * unit (updated in place) listing its accounts due, with how to print the 年审表 and the issue form
 * to submit; a reminder before the deadline; the derived states after it; and an office summary
 * issue with progress per unit. Runs from the scheduled deadlines workflow; a run with nothing new
 * makes no write call. Pinning the summary is GraphQL-only and left to the office (the body says so).
 * Run: GITHUB_TOKEN=… GITHUB_REPOSITORY=owner/repo npm run issues:review-campaign -- [--content DIR] [--today YYYY-MM-DD] [--dry-run]
 */
import { pathToFileURL } from 'node:url';
import path from 'node:path';
import { CAMPAIGN_LABEL, campaignIssueKey, planCampaignIssues, reminderComment, renderCampaignIssues, reviewCampaign, type CampaignAction, type CampaignIssue } from '../src/domain/review-campaign.ts';
import { DEFAULT_RULE } from '../src/domain/obligations.ts';
import { loadRegistry } from '../src/registry/load.ts';
import { closeIssue, createIssue, ensureLabel, listLabels, listOpenIssues, updateIssue, upsertMarkedComment } from './github/api.ts';
import { clientFromEnv, runWithGitHub, type GitHubClient, type RepoRef } from './github/client.ts';
import { parseCli, resolveContentDir, resolveToday } from './lib/cli.ts';

const USAGE = '用法：npm run issues:review-campaign -- [--content content] [--today YYYY-MM-DD] [--dry-run]';

export const CAMPAIGN_LABEL_SPEC = { name: CAMPAIGN_LABEL, color: '1d76db', description: '年度年审：各单位待年审账号与进度（登记系统自动维护）' };

/** Makes the open campaign issues match `desired` for `year`; the label is created before use. */
export async function syncCampaignIssues(client: GitHubClient, repo: RepoRef, desired: CampaignIssue[], year: number): Promise<CampaignAction[]> {
  const existing = await listOpenIssues(client, repo, CAMPAIGN_LABEL).catch(async (err: { status?: number }) => {
    if (err.status === 404 || err.status === 422) return [];
    throw err;
  });
  const actions = planCampaignIssues(existing, desired, year);
  if (actions.some((a) => a.type === 'create')) await ensureLabel(client, repo, await listLabels(client, repo), CAMPAIGN_LABEL_SPEC);
  const numbers = new Map<string, number>();
  for (const i of [...existing].sort((a, b) => b.number - a.number)) {
    const k = campaignIssueKey(i.body);
    if (k?.year === year) numbers.set(k.key, i.number);
  }
  for (const a of actions) {
    if (a.type === 'create') numbers.set(a.key, await createIssue(client, repo, { title: a.title, body: a.body, labels: [CAMPAIGN_LABEL] }));
    else if (a.type === 'update') await updateIssue(client, repo, a.number, { title: a.title, body: a.body });
    else await closeIssue(client, repo, a.number);
  }
  // The reminder also comes as one comment per unit issue (an edited body notifies nobody).
  for (const d of desired) {
    const reminder = reminderComment(d, year);
    const n = numbers.get(d.key);
    if (reminder && n !== undefined) await upsertMarkedComment(client, repo, n, reminder.marker, reminder.body);
  }
  return actions;
}

async function main(): Promise<number> {
  const { values } = parseCli(process.argv.slice(2), { content: { type: 'string' }, today: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } }, USAGE);
  const today = resolveToday(values.today);
  const { registry } = await loadRegistry(await resolveContentDir(values.content), { today });
  const policy = registry.policy?.data;
  if (!policy) {
    console.error('::error::缺少或无法读取 policy.yaml，无法安排年审');
    return 1;
  }
  const campaign = reviewCampaign(registry, today);
  if (!campaign) {
    console.log('管理办法未实行年审，无需年审提醒。');
    return 0;
  }
  const server = process.env.GITHUB_SERVER_URL ?? 'https://github.com';
  const repoName = process.env.GITHUB_REPOSITORY ?? 'owner/repo';
  const desired = renderCampaignIssues(campaign, {
    issueForm: `${server}/${repoName}/issues/new?template=annual-review.yml`,
    office: policy.office.name,
    rule: policy.articles?.review ?? DEFAULT_RULE,
    pushList: policy.annualReview.pushListRequired,
  });
  if (values['dry-run']) {
    for (const d of desired) console.log(`${d.title}\n${d.body}\n`);
    console.log(`${campaign.year} 年度年审（${campaign.phase}）：${desired.length} 个 Issue（试运行，未改动 GitHub）。`);
    return 0;
  }
  const { client, repo } = clientFromEnv();
  const actions = await syncCampaignIssues(client, repo, desired, campaign.year);
  const count = (t: string) => actions.filter((a) => a.type === t).length;
  console.log(`${campaign.year} 年度年审：新建 ${count('create')}，更新 ${count('update')}，关闭 ${count('close')}。`);
  return 0;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) process.exitCode = await runWithGitHub(main);
