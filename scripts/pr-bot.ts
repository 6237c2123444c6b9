/**
 * The PR bot, run by the "备案机器人" workflow after "检查备案": comments, labels, reviewer requests.
 * Run: GITHUB_TOKEN=… GITHUB_REPOSITORY=owner/repo RUN_HEAD_SHA=<sha> npx tsx scripts/pr-bot.ts [--report pr-report/pr-report.json] [--content content]
 */
import { readFile } from 'node:fs/promises';
import { beijingDate } from '../src/domain/dates.ts';
import { loadRegistry } from '../src/registry/load.ts';
import { clientFromEnv, runWithGitHub } from './github/client.ts';
import { runPrBot } from './github/pr-bot.ts';
import { parseCli, resolveContentDir } from './lib/cli.ts';

const USAGE = '用法：RUN_HEAD_SHA=<提交> npx tsx scripts/pr-bot.ts [--report 报告文件] [--content 默认分支的content]';

async function main(): Promise<number> {
  const { values } = parseCli(process.argv.slice(2), { report: { type: 'string', default: 'pr-report/pr-report.json' }, content: { type: 'string' } }, USAGE);
  const headSha = process.env.RUN_HEAD_SHA ?? '';
  if (!/^[0-9a-f]{40}$/.test(headSha)) {
    console.error('用法错误：RUN_HEAD_SHA 应为 40 位提交编号');
    return 2;
  }
  const reportText = await readFile(values.report!, 'utf8').catch(() => undefined);
  const { registry } = await loadRegistry(await resolveContentDir(values.content), { today: beijingDate(new Date()) });
  const { client, repo } = clientFromEnv();
  const r = await runPrBot(client, repo, { headSha, reportText, registry, runUrl: process.env.RUN_URL });
  if (!r.pr) console.log('没有找到该提交对应的打开状态的合并请求，跳过。');
  else console.log(`PR #${r.pr}：评论 ${r.comment}；标签 +${r.labels?.added.length ?? 0} -${r.labels?.removed.length ?? 0}；请求审核 ${(r.reviewers?.users.length ?? 0) + (r.reviewers?.teams.length ?? 0)} 个；报告${r.reportAccepted ? '有效' : '无效或缺失'}`);
  return 0;
}

process.exitCode = await runWithGitHub(main);
