// The `validate` command's contract: flags, the JSON shape, exit codes 0/1/2, FILE filtering,
// GitHub annotations, and no private value in any output.
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { materialize, runScript } from './helpers/registry.ts';

const dirs: string[] = [];
afterAll(() => Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true }))));
async function registry(): Promise<string> {
  const d = await materialize();
  dirs.push(d);
  return d;
}
const W = 'accounts/school/qclg-wechat.mdx';
const B = 'accounts/jsj/jsj-weibo.mdx';

async function breakTwoFiles(dir: string): Promise<void> {
  const w = path.join(dir, W);
  await writeFile(w, (await readFile(w, 'utf8')).replace("mobile: '13800000002'", 'mobile: 13800000002').replace('tier: 1', 'tier: 5'));
  const b = path.join(dir, B);
  await writeFile(b, (await readFile(b, 'utf8')).replace('unit: jsj', 'unit: jsj\nwechatId: x'));
}

describe('npm run validate', () => {
  test('prints exactly the promised JSON shape, with paths relative to the content folder', async () => {
    const dir = await registry();
    await breakTwoFiles(dir);
    const r = await runScript('validate.ts', ['--content', dir, '--json', '--today', '2026-11-21']);
    expect(r.code).toBe(1);
    const report = JSON.parse(r.stdout);
    expect(Object.keys(report)).toEqual(['ok', 'errors', 'warnings']);
    expect(report.ok).toBe(false);
    for (const f of [...report.errors, ...report.warnings]) expect(Object.keys(f)).toEqual(['file', 'line', 'column', 'field', 'code', 'message']);
    expect(report.errors.map((e: { file: string; code: string; field: string }) => `${e.file} ${e.code} ${e.field}`).sort()).toEqual([
      `${B} field/unknown wechatId`,
      `${W} field/range tier`,
      `${W} field/type contacts.admins[0].mobile`,
    ]);
  });

  test('reports every problem at once and never prints a private value', async () => {
    const dir = await registry();
    await breakTwoFiles(dir);
    const human = await runScript('validate.ts', ['--content', dir, '--today', '2026-11-21']);
    const gha = await runScript('validate.ts', ['--content', dir, '--today', '2026-11-21'], { GITHUB_ACTIONS: 'true' });
    for (const out of [human.stdout + human.stderr, gha.stdout + gha.stderr]) {
      expect(out).not.toContain('13800000002');
      expect(out).not.toContain('13800000001');
      expect(out).not.toContain('@example.edu.cn');
      expect(out).not.toMatch(/\n\s+at /);
    }
    expect(human.stdout).toContain('3 个错误');
    expect(human.stdout).toMatch(/accounts\/school\/qclg-wechat\.mdx\n\s+\d+:\d+\s+错误/);
  });

  test('prints ::error annotations with repository-relative paths in GitHub Actions', async () => {
    const dir = await registry();
    await breakTwoFiles(dir);
    const r = await runScript('validate.ts', ['--content', dir, '--today', '2026-11-21'], { GITHUB_ACTIONS: 'true' });
    const lines = r.stdout.split('\n').filter((l) => l.startsWith('::error '));
    expect(lines).toHaveLength(3);
    const rel = path.relative(path.resolve('.'), dir);
    expect(lines.some((l) => l.startsWith(`::error file=${rel}/${B},line=`) && l.includes('title=field/unknown::'))).toBe(true);
  });

  test('with FILE arguments reports only those files, judged against the whole registry', async () => {
    const dir = await registry();
    await breakTwoFiles(dir);
    const r = await runScript('validate.ts', ['--content', dir, '--json', '--today', '2026-11-21', path.join(dir, B)]);
    const report = JSON.parse(r.stdout);
    expect(report.errors.map((e: { file: string }) => e.file)).toEqual([B]);
    expect(r.code).toBe(1);
    const clean = await runScript('validate.ts', ['--content', dir, '--json', '--today', '2026-11-21', 'units/jsj.yaml']);
    expect(JSON.parse(clean.stdout)).toEqual({ ok: true, errors: [], warnings: [] });
    expect(clean.code).toBe(0);
  });

  test('with FILE arguments the cache never hides a change in another file, and lines stay exact', async () => {
    const dir = await registry();
    const args = ['--content', dir, '--json', '--today', '2026-11-21', B];
    expect(JSON.parse((await runScript('validate.ts', args)).stdout).ok).toBe(true);
    expect(JSON.parse((await runScript('validate.ts', args)).stdout).ok).toBe(true);
    // Another file now claims the same Weibo uid: B must be told, at its own key's line.
    const other = path.join(dir, 'accounts/jsj/jsj-weibo-copy.mdx');
    await writeFile(
      other,
      (await readFile(path.join(dir, B), 'utf8')).replace('id: jsj-weibo', 'id: jsj-weibo-copy').replace('name: 青川理工计算机学院', 'name: 计算机学院学生会').replace('2024-0002', '2024-0077').replace('link: https://weibo.com/u/5123456789\n', ''),
    );
    const r = await runScript('validate.ts', args);
    const dup = JSON.parse(r.stdout).errors.find((e: { code: string }) => e.code === 'key/duplicate');
    const lines = (await readFile(path.join(dir, B), 'utf8')).split('\n');
    expect(dup).toMatchObject({ file: B, line: lines.findIndex((l) => l.includes("value: '5123456789'")) + 1, field: 'keys[0].value' });
    expect(r.code).toBe(1);
  });

  test('--today decides what is in the future', async () => {
    const dir = await registry();
    const early = await runScript('validate.ts', ['--content', dir, '--json', '--today', '2025-01-01']);
    const codes = JSON.parse(early.stdout).errors.map((e: { code: string }) => e.code);
    expect(codes).toContain('date/future');
    expect(early.code).toBe(1);
  });

  test.each([
    ['an unknown flag', ['--colour']],
    ['a bad --today', ['--today', '2026-02-30']],
    ['a missing content folder', ['--content', '/nonexistent/registry']],
    ['a FILE outside the content folder', ['/etc/hostname']],
    ['a FILE that does not exist', ['accounts/none.mdx']],
  ])('exits 2 with a one-line Chinese message for %s', async (_what, args) => {
    const dir = await registry();
    const r = await runScript('validate.ts', ['--content', dir, ...args]);
    expect(r.code).toBe(2);
    expect(r.stderr).toMatch(/^用法错误：/);
    expect(r.stderr).not.toMatch(/\n\s+at /);
  });
});
