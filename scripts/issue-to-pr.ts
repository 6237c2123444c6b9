/**
 * Turns a submitted "file an account" issue form into a pull request with the filing (issue-ops workflow); reads the issue from the event payload.
 * Run: GITHUB_TOKEN=… GITHUB_REPOSITORY=owner/repo GITHUB_EVENT_PATH=event.json npx tsx scripts/issue-to-pr.ts [--content content] [--base main]
 */
import { readFile } from 'node:fs/promises';
import { clientFromEnv, runWithGitHub } from './github/client.ts';
import { runIssueToPr } from './github/issue-to-pr.ts';
import { parseCli, resolveContentDir } from './lib/cli.ts';

const USAGE = '用法：GITHUB_EVENT_PATH=事件文件 npx tsx scripts/issue-to-pr.ts [--content content] [--base main]';

async function main(): Promise<number> {
  const { values } = parseCli(process.argv.slice(2), { content: { type: 'string' }, base: { type: 'string', default: 'main' } }, USAGE);
  const eventPath = process.env.GITHUB_EVENT_PATH;
  if (!eventPath) {
    console.error('用法错误：缺少 GITHUB_EVENT_PATH');
    return 2;
  }
  // The payload is data written by the issue author: parsed, never executed or echoed.
  const event = JSON.parse(await readFile(eventPath, 'utf8')) as { issue?: { number: number; body?: string | null; created_at: string; user?: { login: string; id?: number } } };
  const issue = event.issue;
  if (!issue?.user) {
    console.error('事件中没有 Issue，跳过。');
    return 0;
  }
  const { client, repo } = clientFromEnv();
  const r = await runIssueToPr(
    client,
    repo,
    { number: issue.number, body: issue.body ?? '', author: issue.user.login, authorId: issue.user.id, createdAt: issue.created_at },
    { contentDir: await resolveContentDir(values.content), baseBranch: values.base, officeMembers: (process.env.OFFICE_MEMBERS ?? '').split(',').map((s) => s.trim().replace(/^@/, '')).filter(Boolean) },
  );
  console.log(r.outcome === 'opened' ? `已为 Issue #${issue.number} 创建合并请求 #${r.pr}` : r.outcome === 'exists' ? `Issue #${issue.number} 已有合并请求 #${r.pr}` : `Issue #${issue.number} 的备案表有问题，已在 Issue 中回复`);
  return 0;
}

process.exitCode = await runWithGitHub(main);
