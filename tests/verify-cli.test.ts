/**
 * The verify command, run for real (Node 24, tsx) on a temp copy of the fixture registry: the JSON
 * contract, Chinese output, exit codes, and the same verdicts as the core on the same index.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { verifyIndexFromRegistry } from '../src/domain/verify/from-registry.ts';
import { toVerifyJson, verifyInput } from '../src/domain/verify/verdict.ts';
import { memorySource, type VerifyIndex } from '../src/domain/verify/verify-index.ts';
import { loadRegistry } from '../src/registry/load.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const NODE = path.join(ROOT, 'node_modules/.bin/node');
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const TODAY = '2026-11-21';

let dir: string;
let index: VerifyIndex;
beforeAll(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'verify-cli-'));
  cpSync(path.join(ROOT, 'tests/fixtures/verify/registry'), dir, { recursive: true });
  index = verifyIndexFromRegistry((await loadRegistry(dir, { today: TODAY })).registry, TODAY)!;
});
afterAll(() => {
  rmSync(dir, { recursive: true, force: true });
});

function verify(args: string[], env: Record<string, string> = {}): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(NODE, [TSX, 'scripts/verify.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, GITHUB_ACTIONS: '', GITHUB_REPOSITORY: '', REPORT_REPO: '', ...env },
  });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

describe('npm run verify', () => {
  test('--json prints exactly the contract fields and exits 0', () => {
    const r = verify(['--content', dir, '--today', TODAY, '--json', 'https://weibo.com/u/1234567890?from=feed']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout);
    expect(Object.keys(out)).toEqual(['input', 'verdict', 'platform', 'keys', 'account', 'similar', 'advice']);
    expect(out).toMatchObject({ verdict: 'official', platform: 'weibo', keys: ['weibo:uid:1234567890'], account: { id: 'qclg-weibo', unit: 'qclg', status: 'active' }, similar: [] });
  });

  test('exits 0 for an unregistered account too', () => {
    const r = verify(['--content', dir, '--today', TODAY, '--json', 'gh_000000000000']);
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toMatchObject({ verdict: 'unregistered', account: null });
  });

  test('prints a Chinese verdict with the report link and email for a risky name', () => {
    const r = verify(['--content', dir, '--today', TODAY, '靑川理エ學院官微'], { REPORT_REPO: 'https://github.com/qclg/media-registry' });
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('核验结果：未备案，疑似仿冒（高风险）（risky）');
    expect(r.stdout).toContain('相关的官方账号：');
    expect(r.stdout).toContain('举报：https://github.com/qclg/media-registry/issues/new?template=report-impersonation.yml');
    expect(r.stdout).toContain('举报邮箱：xcb-report@example.edu.cn');
    expect(r.stdout).not.toMatch(/1390000|canary/);
  });

  test('prints the closure date for a closed account', () => {
    const r = verify(['--content', dir, '--today', TODAY, 'MS4wLjABAAAAtwToutiaoToken_abcdef']);
    expect(r.stdout).toContain('状态：已停办（2025-04-30 停办）');
  });

  test.each([
    ['no input', []],
    ['two inputs', ['a', 'b']],
    ['an empty input', ['  ']],
    ['an unknown option', ['--nope', 'x']],
    ['a missing content folder', ['--content', '/nonexistent/registry', 'x']],
    ['a bad --today', ['--today', '2026-02-30', 'x']],
  ])('exits 2 for %s', (_l, args) => {
    const r = verify(args[0] === '--content' ? args : ['--content', dir, ...args]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('用法错误');
  });

  test('gives the same verdicts as the core on the same index', async () => {
    const inputs = ['1234567890', '青川理工学院', '清川理工学院', 'https://b23.tv/AbCdEfG', 'gh_aaaabbbbcccc', '计算机学院团学', '青川理工学院官方', '北京大学'];
    for (const input of inputs) {
      const r = verify(['--content', dir, '--today', TODAY, '--json', input]);
      expect(JSON.parse(r.stdout)).toEqual(toVerifyJson(await verifyInput(input, memorySource(index))));
    }
  });
});
