/**
 * Sets up the GitHub repository: labels, the default-branch ruleset, and .github/CODEOWNERS from the units' owners. Dry run unless --apply.
 * Run: npm run setup:repo [-- --apply | --check | --write-codeowners] [--content content]   (--apply needs GITHUB_TOKEN with admin rights and GITHUB_REPOSITORY)
 */
import { readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { unitOptions, withUnitDropdown } from '../src/domain/issue-form.ts';
import { beijingDate } from '../src/domain/dates.ts';
import { loadRegistry } from '../src/registry/load.ts';
import { clientFromEnv, runWithGitHub } from './github/client.ts';
import { applyRepoSetup, planRepoSetup } from './github/setup.ts';
import { UsageError, parseCli, resolveContentDir } from './lib/cli.ts';

const USAGE = `用法：npm run setup:repo -- [--apply] [--check] [--content content] [--codeowners .github/CODEOWNERS]
  （默认）   试运行：列出将创建的标签、规则集和 CODEOWNERS 的变化，不做任何修改
  --apply    写入 .github/CODEOWNERS，并通过 GitHub 接口创建标签和规则集
  --check    只检查 .github/CODEOWNERS 是否与单位登记一致（不一致时退出码 1）
  --write-codeowners  只重新生成 .github/CODEOWNERS（不访问 GitHub）
  --app-id   登记机器人 GitHub App 的 App ID（--apply 时必填，默认取环境变量 REGISTRY_BOT_APP_ID）：
             规则集中唯一可绕过的主体，也是“归口管理部门审核”检查唯一认可的来源`;

async function main(): Promise<number> {
  const { values } = parseCli(
    process.argv.slice(2),
    { apply: { type: 'boolean', default: false }, check: { type: 'boolean', default: false }, 'write-codeowners': { type: 'boolean', default: false }, content: { type: 'string' }, codeowners: { type: 'string', default: '.github/CODEOWNERS' }, 'app-id': { type: 'string', default: process.env.REGISTRY_BOT_APP_ID ?? '' } },
    USAGE,
  );
  const { registry } = await loadRegistry(await resolveContentDir(values.content), { today: beijingDate(new Date()) });
  const appId = Number(values['app-id']);
  if (values.apply && !(Number.isInteger(appId) && appId > 0)) throw new UsageError('--apply 需要登记机器人 App 的 App ID：--app-id 数字，或设置环境变量 REGISTRY_BOT_APP_ID');
  const plan = planRepoSetup(registry, appId > 0 ? appId : 0);
  const current = await readFile(values.codeowners!, 'utf8').catch(() => '');
  const stale = current !== plan.codeowners;
  // The file-account form's unit dropdown, generated from the same units (drift-checked like CODEOWNERS).
  const formPath = path.join(path.dirname(values.codeowners!), 'ISSUE_TEMPLATE', 'file-account.yml');
  const formText = await readFile(formPath, 'utf8').catch(() => undefined);
  const formWanted = formText === undefined ? undefined : withUnitDropdown(formText, unitOptions(registry.units));
  const formStale = formText !== undefined && formWanted !== formText;
  if (values.check) {
    console.log(stale ? `${values.codeowners} 与单位登记不一致，请运行 npm run setup:repo -- --write-codeowners 重新生成。` : `${values.codeowners} 是最新的。`);
    if (formStale) console.log(`${formPath} 的单位下拉列表与单位登记不一致，请运行 npm run setup:repo -- --write-codeowners 重新生成。`);
    return stale || formStale ? 1 : 0;
  }
  const writeForm = async () => {
    if (!formStale) return;
    await writeFile(formPath, formWanted!);
    console.log(`已更新 ${formPath} 的单位下拉列表，请提交该文件。`);
  };
  if (values['write-codeowners']) {
    await writeForm();
    if (stale) await writeFile(values.codeowners!, plan.codeowners);
    console.log(stale ? `已更新 ${values.codeowners}，请提交该文件。` : `${values.codeowners} 已是最新。`);
    return 0;
  }
  if (!values.apply) {
    if (formStale) console.log(`${formPath} 的单位下拉列表：需要更新`);
    console.log(`试运行（加 --apply 才会修改）：\n标签 ${plan.labels.length} 个：${plan.labels.map((l) => l.name).join('、')}`);
    console.log(`规则集「${plan.ruleset.name}」：必需检查（登记检查、归口管理部门审核）、代码负责人审核、新提交后撤销旧的批准；唯一可绕过者为登记机器人 App${appId > 0 ? `（${appId}）` : '（尚未指定 --app-id）'}`);
    console.log(`${values.codeowners}：${stale ? '需要更新' : '已是最新'}`);
    return 0;
  }
  await writeForm();
  if (stale) {
    await writeFile(values.codeowners!, plan.codeowners);
    console.log(`已更新 ${values.codeowners}，请提交该文件。`);
  }
  const { client, repo } = clientFromEnv();
  for (const line of await applyRepoSetup(client, repo, plan)) console.log(line);
  return 0;
}

process.exitCode = await runWithGitHub(main);
