/**
 * Opens, updates and closes one "逾期提醒" issue per unit from the overdue obligations (daily workflow); an unchanged state makes no write call.
 * Run: GITHUB_TOKEN=… GITHUB_REPOSITORY=owner/repo npx tsx scripts/deadline-issues.ts [--content content] [--today YYYY-MM-DD] [--dry-run]
 */
import { renderDeadlineIssues } from '../src/domain/deadline-issues.ts';
import { findObligations } from '../src/domain/obligations.ts';
import { loadRegistry } from '../src/registry/load.ts';
import { clientFromEnv, runWithGitHub } from './github/client.ts';
import { syncDeadlineIssues } from './github/deadlines.ts';
import { postNotices } from './github/notify.ts';
import { renderUnitNotices } from '../src/domain/notify.ts';
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

  // Optional group robot: only units whose list changed this run (created or updated issue), so a
  // re-run with nothing new posts nothing. The policy names the secrets; their values come from env.
  const notify = policy.office.notify;
  const url = notify ? process.env[notify.urlSecret] : undefined;
  if (notify && url) {
    const changed = new Set(actions.filter((a) => a.type !== 'close').map((a) => a.unit));
    const notices = renderUnitNotices(findObligations(registry, policy, today), (u) => units.get(u) ?? u, (a) => accounts.get(a), policy.office.name).filter((n) => changed.has(n.unit));
    const signSecret = notify.signSecret ? process.env[notify.signSecret] : undefined;
    const r = await postNotices({ kind: notify.kind, url, ...(signSecret ? { signSecret } : {}) }, notices);
    console.log(`群机器人通知：发送 ${r.sent.length} 条${r.failed.length ? `，失败 ${r.failed.length} 条` : ''}。`);
    for (const f of r.failed) console.log(`::warning::${f}`);
  } else if (notify) console.log(`::warning::policy.yaml 配置了群机器人通知，但环境变量 ${notify.urlSecret} 为空（请在仓库机密中设置并在逾期提醒工作流中传入）`);
  return 0;
}

process.exitCode = await runWithGitHub(main);
