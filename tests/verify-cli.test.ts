/**
 * The verify command, run for real (Node 24 with its own type stripping, as `npm run verify` runs
 * it) on a temp copy of the fixture registry: the JSON contract, Chinese output, exit codes,
 * `--batch` (JSON lines, same shape as --json), the index cache that must never answer from stale
 * data, and the same verdicts as the core on the same index.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { verifyIndexFromRegistry } from '../src/domain/verify/from-registry.ts';
import { toVerifyJson, verifyInput } from '../src/domain/verify/verdict.ts';
import { memorySource, type VerifyIndex } from '../src/domain/verify/verify-index.ts';
import { loadRegistry } from '../src/registry/load.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const NODE = path.join(ROOT, 'node_modules/.bin/node');
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

function verify(args: string[], env: Record<string, string> = {}, stdin?: string): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(NODE, ['--import', './scripts/lib/compile-cache.mjs', 'scripts/verify.ts', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    input: stdin,
    maxBuffer: 1 << 28,
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

  test('gives the same verdicts as the core on the same index, one JSON line per input with --batch', async () => {
    const inputs = ['1234567890', '青川理工学院', '清川理工学院', 'https://b23.tv/AbCdEfG', 'gh_aaaabbbbcccc', '计算机学院团学', '青川理工学院官方', '北京大学', 'qclgqn', '抖音号：qclg_jsj'];
    const file = path.join(dir, '..', `batch-${path.basename(dir)}.txt`);
    writeFileSync(file, `${inputs.join('\n')}\n\n`);
    const r = verify(['--content', dir, '--today', TODAY, '--batch', file]);
    rmSync(file);
    expect(r.status, r.stderr).toBe(0);
    const lines = r.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(inputs.length);
    for (const [i, input] of inputs.entries()) {
      const got = JSON.parse(lines[i]!);
      expect(Object.keys(got)).toEqual(['input', 'verdict', 'platform', 'keys', 'account', 'similar', 'advice']);
      expect(got).toEqual(toVerifyJson(await verifyInput(input, memorySource(index))));
    }
    // The single-input --json contract gives the same object as the batch line.
    expect(JSON.parse(verify(['--content', dir, '--today', TODAY, '--json', inputs[0]!]).stdout)).toEqual(JSON.parse(lines[0]!));
  });

  test('--batch - reads standard input (a BOM and CRLF line ends included)', () => {
    const r = verify(['--content', dir, '--today', TODAY, '--batch', '-'], {}, '\uFEFFgh_3a1b2c3d4e5f\r\nqclgqn\r\n');
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trimEnd().split('\n').map((l) => JSON.parse(l).verdict)).toEqual(['official', 'unregistered']);
  });

  test('--batch answers 1,000 inputs in one run', () => {
    const base = ['gh_3a1b2c3d4e5f', 'qclgqn', '青川理工學院', 'https://weibo.com/u/5555555555', '北京大学图书馆'];
    const inputs = Array.from({ length: 1000 }, (_, i) => `${base[i % base.length]}${i % 7 === 0 ? '' : ' '.repeat(i % 3)}`);
    const r = verify(['--content', dir, '--today', TODAY, '--batch', '-'], {}, inputs.join('\n'));
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout.trimEnd().split('\n')).toHaveLength(1000);
  });

  test.each([
    ['--batch with an input too', ['--batch', '-', 'x']],
    ['--batch without a file name', ['--batch', '']],
    ['a missing batch file', ['--batch', '/nonexistent/list.txt']],
  ])('exits 2 for %s', (_l, args) => {
    const r = verify(['--content', dir, ...args]);
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('用法错误');
  });

  test('never answers from a stale cached index: a changed filing is seen at once', () => {
    const first = JSON.parse(verify(['--content', dir, '--today', TODAY, '--json', 'gh_aaaabbbbcccc']).stdout);
    expect(first.verdict).toBe('suspended');
    const f = path.join(dir, 'accounts/tw/tw-wechat.mdx');
    const before = readFileSync(f, 'utf8');
    // The same size, one character changed: the key is a content hash, not a size or a date.
    writeFileSync(f, before.replace("'gh_aaaabbbbcccc'", "'gh_aaaabbbbccca'"));
    try {
      const second = JSON.parse(verify(['--content', dir, '--today', TODAY, '--json', 'gh_aaaabbbbcccc']).stdout);
      expect(second.verdict).toBe('unregistered');
      expect(JSON.parse(verify(['--content', dir, '--today', TODAY, '--json', 'gh_aaaabbbbccca']).stdout).verdict).toBe('suspended');
    } finally {
      writeFileSync(f, before);
    }
  });
});
