// Real Astro builds: every file of the demo registry becomes exactly one collection entry, and a
// filing built to run code at build time fails the build (and `validate`) without ever running.
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { unflatten } from 'devalue';
import { afterAll, describe, expect, test } from 'vitest';
import { isIgnoredPath } from '../src/domain/index.ts';
import { loadRegistry } from '../src/registry/load.ts';
import { lockBuilds } from '../scripts/lib/build-lock.ts';
import { copyDir, NODE, ROOT, runScript } from './helpers/registry.ts';

const ASTRO = path.join(ROOT, 'node_modules/astro/bin/astro.mjs');
const temps: string[] = [];
afterAll(() => Promise.all(temps.map((d) => rm(d, { recursive: true, force: true }))));

async function astroBuild(content: string, extraEnv: NodeJS.ProcessEnv = {}): Promise<{ code: number; output: string; out: string; cache: string }> {
  const work = await mkdtemp(path.join(tmpdir(), 'astro-build-'));
  temps.push(work);
  const out = path.join(work, 'dist');
  const cache = path.join(work, 'cache');
  const unlock = await lockBuilds();
  return new Promise<{ code: number; output: string; out: string; cache: string }>((resolve) => {
    execFile(
      NODE,
      [ASTRO, 'build'],
      {
        cwd: ROOT,
        env: { ...process.env, REGISTRY_CONTENT: content, SITE_OUT_DIR: out, ASTRO_CACHE_DIR: cache, REGISTRY_TODAY: '2026-11-21', ASTRO_TELEMETRY_DISABLED: '1', ...extraEnv },
        maxBuffer: 64 * 1024 * 1024,
        timeout: 600_000,
      },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, output: stdout + stderr, out, cache }),
    );
  }).finally(unlock);
}

describe('the Astro build', () => {
  test('turns every file of the demo registry into exactly one collection entry', async () => {
    const content = path.join(ROOT, 'content');
    const build = await astroBuild(content);
    expect(build.code, build.output.slice(-3000)).toBe(0);
    const store = unflatten(JSON.parse(await readFile(path.join(build.cache, 'data-store.json'), 'utf8'))) as Map<string, Map<string, { filePath?: string }>>;
    const entries: string[] = [];
    // `meta::meta` is Astro's own bookkeeping, not a collection.
    for (const [name, collection] of store) if (!name.startsWith('meta::')) for (const [, entry] of collection) entries.push(entry.filePath!);
    const { files } = await loadRegistry(content, { today: '2026-11-21' });
    const expected = files.filter((f) => !isIgnoredPath(f)).map((f) => `content/${f}`).sort();
    expect(entries.sort().filter((e) => !expected.includes(e)), 'entries without a file').toEqual([]);
    expect(expected.filter((e) => !entries.includes(e)), 'files without an entry').toEqual([]);
    expect(entries.sort()).toEqual(expected);
    expect(new Set(entries).size).toBe(entries.length);
    expect(expected.length).toBeGreaterThan(300);
  });

  test('a filing built to run code is rejected by validate and fails the build without running', async () => {
    const dir = await copyDir(path.join(ROOT, 'tests/fixtures/base'));
    temps.push(dir);
    const marker = path.join(dir, 'PWNED');
    const canary = 'CANARY-ENV-7f3a9c';
    await writeFile(
      path.join(dir, 'accounts/jsj/evil.mdx'),
      (await readFile(path.join(dir, 'accounts/jsj/jsj-weibo.mdx'), 'utf8'))
        .replace('id: jsj-weibo', 'id: evil')
        .replace('5123456789', '5123456780')
        .replace('5123456789', '5123456780')
        .replace('2024-0002', '2024-0099')
        .replace('name: 青川理工计算机学院', 'name: 计算机学院学生会') +
        `import fs from 'node:fs'\nexport const pwned = fs.writeFileSync(${JSON.stringify(marker)}, process.env.SECRET_CANARY)\n\n{fs.writeFileSync(${JSON.stringify(marker)}, 'expr')}\n\n{console.log(process.env.SECRET_CANARY)}\n`,
    );
    const v = await runScript('validate.ts', ['--content', dir, '--json', '--today', '2026-11-21']);
    expect(v.code).toBe(1);
    const codes = JSON.parse(v.stdout).errors.map((e: { file: string; code: string }) => `${e.file} ${e.code}`);
    expect(codes).toEqual(expect.arrayContaining(['accounts/jsj/evil.mdx body/esm', 'accounts/jsj/evil.mdx body/expression']));

    const build = await astroBuild(dir, { SECRET_CANARY: canary });
    expect(build.code).not.toBe(0);
    expect(build.output).toContain('accounts/jsj/evil.mdx');
    expect(build.output).toContain('[body/esm]');
    expect(build.output).not.toContain(canary);
    expect(existsSync(marker)).toBe(false);
    expect(existsSync(path.join(build.out, 'index.html'))).toBe(false);
  });
});
