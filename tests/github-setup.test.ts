// Repository setup: CODEOWNERS generated from the units' owners (and a test that fails when the
// committed file is stale), labels and the ruleset written through a fake GitHub, dry run by default.
import { execFile } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { renderCodeowners } from '../src/domain/codeowners.ts';
import { loadRegistry } from '../src/registry/load.ts';
import { applyRepoSetup, planRepoSetup, plannedRuleset } from '../scripts/github/setup.ts';
import { upsertRuleset } from '../scripts/github/api.ts';
import { createClient } from '../scripts/github/client.ts';
import { BOT_APP_ID, startFakeGitHub, type FakeGitHub } from './helpers/fake-github.ts';
import { ROOT, writeFixtureRegistry } from './helpers/github-fixture.ts';

const run = promisify(execFile);
let fake: FakeGitHub;
beforeAll(async () => {
  fake = await startFakeGitHub();
});
afterAll(() => fake.stop());

describe('CODEOWNERS', () => {
  test('the committed .github/CODEOWNERS matches the units in content/ (run `npm run setup:repo -- --write-codeowners`)', async () => {
    const { registry } = await loadRegistry(path.join(ROOT, 'content'), { today: '2026-11-21' });
    const committed = await readFile(path.join(ROOT, '.github/CODEOWNERS'), 'utf8');
    expect(committed).toBe(renderCodeowners(registry));
  });

  test('renderCodeowners() gives the office everything and each unit (with its supervising unit) its folders', async () => {
    const { registry } = await loadRegistry(await writeFixtureRegistry(), { today: '2026-11-21' });
    expect(renderCodeowners(registry)).toMatchInlineSnapshot(`
      "# 由 npm run setup:repo 根据 content/units/*.yaml 的 owners 自动生成，请勿手工修改。
      # Generated from the units' owners by \`npm run setup:repo -- --write-codeowners\`; a test fails when it is stale.
      # 归口管理部门审核全部文件；各单位（及其上级单位）审核本单位的备案。

      * @qclg/xcb
      /.github/ @qclg/xcb
      /content/policy.yaml @qclg/xcb
      /content/units/ @qclg/xcb

      # 教务处
      /content/accounts/jwc/ @jwc-admin @qclg/xcb
      /content/groups/jwc/ @jwc-admin @qclg/xcb

      # 机器人协会
      /content/accounts/robot-club/ @robot-admin @tw-admin @qclg/xcb
      /content/groups/robot-club/ @robot-admin @tw-admin @qclg/xcb

      # 校团委
      /content/accounts/tw/ @tw-admin @qclg/xcb
      /content/groups/tw/ @tw-admin @qclg/xcb
      "
    `);
  });

  test('setup-repo --check fails on a stale CODEOWNERS', async () => {
    const content = await writeFixtureRegistry();
    const r = await run(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/setup-repo.ts', '--check', '--content', content], { cwd: ROOT }).then(
      (x) => ({ ...x, code: 0 }),
      (e: { stdout: string; code: number }) => e,
    );
    expect(r.code).toBe(1);
    expect(r.stdout).toContain('与单位登记不一致');
  });
});

describe('applyRepoSetup()', () => {
  test('creates labels and the ruleset, then only updates the ruleset on a second run', async () => {
    const { registry } = await loadRegistry(await writeFixtureRegistry(), { today: '2026-11-21' });
    const full = planRepoSetup(registry, BOT_APP_ID);
    expect(full.labels.map((l) => l.name)).toEqual(expect.arrayContaining(['备案:新开', '级别:三级平台', '单位:robot-club', '逾期提醒', '备案表']));
    // GitHub spaces writes a second apart (the throttling plugin): a few labels make the point.
    const plan = { ...full, labels: full.labels.filter((l) => ['备案:新开', '单位:robot-club', '逾期提醒'].includes(l.name)) };
    const client = createClient({ token: 'admin-token', baseUrl: fake.url, retryBaseMs: 1 });
    const repo = { owner: fake.owner, repo: fake.repo };
    fake.labels.set('逾期提醒', { name: '逾期提醒', color: '000000', description: '旧说明' });
    expect(await applyRepoSetup(client, repo, plan)).toEqual(['标签 备案:新开：新建', '标签 单位:robot-club：新建', '标签 逾期提醒：更新', '规则集「备案审核：保护默认分支」：新建']);
    expect([...fake.labels.keys()].sort()).toEqual(plan.labels.map((l) => l.name).sort());
    expect(fake.rulesets).toHaveLength(1);
    const rules = fake.rulesets[0]!.rules as Array<{ type: string; parameters?: Record<string, unknown> }>;
    expect(rules.find((r) => r.type === 'pull_request')!.parameters).toMatchObject({ require_code_owner_review: true, dismiss_stale_reviews_on_push: true, required_approving_review_count: 1 });
    expect(rules.find((r) => r.type === 'required_status_checks')!.parameters).toMatchObject({ required_status_checks: [{ context: '登记检查', integration_id: 15368 }, { context: '归口管理部门审核', integration_id: BOT_APP_ID }] });
    expect(fake.rulesets[0]!.bypass_actors).toEqual([{ actor_id: BOT_APP_ID, actor_type: 'Integration', bypass_mode: 'always' }]);
    expect(fake.violations).toEqual([]);

    const before = fake.writes().length;
    expect(await applyRepoSetup(client, repo, plan)).toEqual(['规则集「备案审核：保护默认分支」：更新']);
    expect(fake.writes().slice(before).map((w) => `${w.method} ${w.path}`)).toEqual([`PUT /repos/${fake.owner}/${fake.repo}/rulesets/100`]);
    expect(fake.rulesets).toHaveLength(1);
  });

  test('GitHub refuses the Actions integration (15368) as a bypass actor: the plan never names it', async () => {
    const { registry } = await loadRegistry(await writeFixtureRegistry(), { today: '2026-11-21' });
    const client = createClient({ token: 'admin-token', baseUrl: fake.url, retryBaseMs: 1 });
    const bad = { ...plannedRuleset(BOT_APP_ID), name: '坏规则集', bypass_actors: [{ actor_id: 15368, actor_type: 'Integration' as const, bypass_mode: 'always' as const }] };
    await expect(upsertRuleset(client, { owner: fake.owner, repo: fake.repo }, bad)).rejects.toMatchObject({ status: 422 });
    const plan = planRepoSetup(registry, BOT_APP_ID);
    expect(JSON.stringify(plan.ruleset.bypass_actors)).not.toContain('15368');
  });

  test('a workflow token cannot write rulesets (administration permission)', async () => {
    const client = createClient({ token: 'test-token', baseUrl: fake.url, retryBaseMs: 1 });
    await expect(upsertRuleset(client, { owner: fake.owner, repo: fake.repo }, plannedRuleset(BOT_APP_ID))).rejects.toMatchObject({ status: 403 });
  });

  test('--apply without the App id is a usage error (exit 2)', async () => {
    const content = await writeFixtureRegistry();
    const r = await run(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/setup-repo.ts', '--apply', '--content', content, '--codeowners', path.join(content, 'CODEOWNERS')], { cwd: ROOT, env: { ...process.env, GITHUB_TOKEN: 'x', REGISTRY_BOT_APP_ID: '' } }).catch((e: { code: number }) => e);
    expect((r as { code: number }).code).toBe(2);
  });

  test('the required check is the validate workflow\'s job name', async () => {
    const wf = await readFile(path.join(ROOT, '.github/workflows/validate.yml'), 'utf8');
    expect(wf).toContain('    name: 登记检查\n');
  });

  test('is a dry run by default: no token needed, nothing written', async () => {
    const content = await writeFixtureRegistry();
    const form = path.join(ROOT, '.github/ISSUE_TEMPLATE/file-account.yml');
    const before = await readFile(form, 'utf8');
    const { stdout } = await run(path.join(ROOT, 'node_modules/.bin/tsx'), ['scripts/setup-repo.ts', '--content', content], { cwd: ROOT, env: { ...process.env, GITHUB_TOKEN: '' } });
    expect(stdout).toContain('试运行');
    expect(stdout).toContain('单位下拉列表：需要更新'); // the fixture's units differ from the committed form…
    expect(await readFile(form, 'utf8')).toBe(before); // …and a dry run writes nothing
  });
});
