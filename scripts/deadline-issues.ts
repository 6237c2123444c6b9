/**
 * Opens, updates and closes one "逾期提醒" issue per unit from the overdue obligations (daily workflow); an unchanged state makes no write call.
 * Run: GITHUB_TOKEN=… GITHUB_REPOSITORY=owner/repo npx tsx scripts/deadline-issues.ts [--content content] [--today YYYY-MM-DD] [--dry-run]
 */
import { renderDeadlineIssues } from '../src/domain/deadline-issues.ts';
import { findObligations } from '../src/domain/obligations.ts';
import { loadRegistry } from '../src/registry/load.ts';
import { clientFromEnv, runWithGitHub } from './github/client.ts';
import { syncDeadlineIssues } from './github/deadlines.ts';
import { parseCli, resolveContentDir, resolveToday } from './lib/cli.ts';

const USAGE = '用法：npx tsx scripts/deadline-issues.ts [--content content] [--today YYYY-MM-DD] [--dry-run]';

async function main(): Promise<number> {
  const { values } = parseCli(process.argv.slice(2), { content: { type: 'string' }, today: { type: 'string' }, 'dry-run': { type: 'boolean', default: false } }, USAGE);
  const today = resolveToday(values.today);
  const { registry } = await loadRegistry(await resolveContentDir(values.content), { today });
  const policy = registry.policy?.data;
  if (!policy) {
    console.error('::error::缺少或无法读取 policy.yaml，无法计算期限');
    return 1;
  }
  const units = new Map(registry.units.map((u) => [u.data.id, u.data.name]));
  const accounts = new Map(registry.accounts.map((a) => [a.data.id, a.data.name]));
  const owners = new Map(registry.units.map((u) => [u.data.id, u.data.owners]));
  const desired = renderDeadlineIssues(findObligations(registry, policy, today), (u) => units.get(u) ?? u, (a) => accounts.get(a), policy.office.name, (u) => owners.get(u) ?? []);
  if (values['dry-run']) {
    for (const d of desired) console.log(`${d.title}\n${d.body}\n`);
    console.log(`共 ${desired.length} 个单位有逾期事项（试运行，未改动 GitHub）。`);
    return 0;
  }
  const { client, repo } = clientFromEnv();
  const actions = await syncDeadlineIssues(client, repo, desired);
  const count = (t: string) => actions.filter((a) => a.type === t).length;
  console.log(`${desired.length} 个单位有逾期事项：新建 ${count('create')}，更新 ${count('update')}，关闭 ${count('close')}。`);
  return 0;
}

process.exitCode = await runWithGitHub(main);
