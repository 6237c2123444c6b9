/**
 * Records the approval number, date and approving PR in each newly merged account filing, then commits (and with --push, pushes) the change.
 * Run: npx tsx scripts/approve.ts [--push] [--since SHA] [--remote origin] [--branch main] [--content content]   (in a clone of the default branch)
 */
import { clientFromEnv, runWithGitHub } from './github/client.ts';
import { approveMergedFilings, pushAuthEnv } from './github/approve.ts';
import { parseCli } from './lib/cli.ts';

const USAGE = '用法：npx tsx scripts/approve.ts [--push] [--since 推送前的提交] [--remote origin] [--branch main] [--content content]';

async function main(): Promise<number> {
  const { values } = parseCli(
    process.argv.slice(2),
    { push: { type: 'boolean', default: false }, remote: { type: 'string', default: 'origin' }, branch: { type: 'string', default: 'main' }, content: { type: 'string', default: 'content' }, since: { type: 'string' } },
    USAGE,
  );
  const github = process.env.GITHUB_TOKEN ? clientFromEnv() : undefined;
  const done = await approveMergedFilings({
    cwd: process.cwd(),
    content: values.content,
    since: values.since || undefined,
    push: values.push,
    remote: values.remote,
    branch: values.branch,
    github,
    gitEnv: pushAuthEnv(process.env.GITHUB_TOKEN, process.env.GITHUB_SERVER_URL),
  });
  if (done.length === 0) console.log('没有需要登记审批号的新备案。');
  for (const d of done) console.log(`${d.number}  ${d.date}  ${d.file}${d.pr ? `  #${d.pr}` : ''}`);
  return 0;
}

process.exitCode = await runWithGitHub(main);
