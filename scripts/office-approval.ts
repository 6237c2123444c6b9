/**
 * The office-approval check (required by the ruleset): computes whether a PR has the approvals its filings' tiers need and posts the verdict as the check run 归口管理部门审核 on its head commit.
 * Run (in a checkout of the default branch, with the registry bot App's token): GITHUB_TOKEN=… GITHUB_REPOSITORY=owner/repo GITHUB_EVENT_PATH=event.json npx tsx scripts/office-approval.ts [--content content] [--pr N] [--bot-logins registry-bot[bot]]
 * Events: pull_request_target (the PR in the payload) and workflow_run (the review relay's run: its head commit).
 */
import { readFile } from 'node:fs/promises';
import { beijingDate } from '../src/domain/dates.ts';
import { loadRegistry } from '../src/registry/load.ts';
import { clientFromEnv, runWithGitHub } from './github/client.ts';
import { runOfficeApproval } from './github/office-approval.ts';
import { parseCli, resolveContentDir } from './lib/cli.ts';

const USAGE = '用法：GITHUB_EVENT_PATH=事件文件 npx tsx scripts/office-approval.ts [--content content] [--pr 合并请求编号] [--bot-logins 登记机器人账号,…]';

async function main(): Promise<number> {
  const { values } = parseCli(process.argv.slice(2), { content: { type: 'string' }, pr: { type: 'string' }, 'bot-logins': { type: 'string', default: process.env.REGISTRY_BOT_LOGIN ?? '' } }, USAGE);
  // The payload is data: only numbers and a commit id are taken from it.
  const event = process.env.GITHUB_EVENT_PATH ? (JSON.parse(await readFile(process.env.GITHUB_EVENT_PATH, 'utf8')) as { pull_request?: { number?: number }; workflow_run?: { head_sha?: string } }) : {};
  const prNumber = values.pr ? Number(values.pr) : event.pull_request?.number;
  const headSha = event.workflow_run?.head_sha;
  if ((prNumber === undefined || !Number.isInteger(prNumber)) && !(headSha && /^[0-9a-f]{40}$/.test(headSha))) {
    console.error('用法错误：事件中没有合并请求编号或提交编号，请用 --pr 指定');
    return 2;
  }
  const { registry } = await loadRegistry(await resolveContentDir(values.content), { today: beijingDate(new Date()) });
  const { client, repo } = clientFromEnv();
  const r = await runOfficeApproval(client, repo, {
    ...(prNumber !== undefined && Number.isInteger(prNumber) ? { prNumber } : { headSha }),
    registry,
    botLogins: values['bot-logins']!.split(',').map((s) => s.trim()).filter(Boolean),
  });
  if (!r.pr || !r.verdict) console.log('没有找到打开状态的合并请求，跳过。');
  else console.log(`PR #${r.pr}：${r.verdict.ok ? '审核齐全' : r.verdict.title}`);
  return 0;
}

process.exitCode = await runWithGitHub(main);
