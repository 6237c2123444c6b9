/** Test helpers: temporary registries built from fixtures, and the real CLIs run as child processes. */
import { execFile } from 'node:child_process';
import { cp, mkdtemp, readFile, readdir, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const FIXTURES = path.join(ROOT, 'tests/fixtures');
/** The team's shared documents (seed rulebooks): `../shared`, or REGISTRY_SHARED (set by stryker.config.mjs, whose sandbox is deeper). */
export const SHARED = process.env.REGISTRY_SHARED || path.resolve(ROOT, '../shared');
/** The Node 24 binary installed as a devDependency (the system node may be older). */
export const NODE = path.join(ROOT, 'node_modules/.bin/node');

export interface BrokenFixture {
  name: string;
  code: string;
  file: string;
  line: number;
  severity: 'error' | 'warning';
  delete?: string[];
  symlink?: { path: string; target: string };
}

/** Every fixture under tests/fixtures/broken, with what it must produce. */
export async function brokenFixtures(): Promise<BrokenFixture[]> {
  const dir = path.join(FIXTURES, 'broken');
  const names = (await readdir(dir)).sort();
  return Promise.all(
    names.map(async (name) => ({ name, ...(parse(await readFile(path.join(dir, name, 'fixture.yaml'), 'utf8')) as Omit<BrokenFixture, 'name'>) })),
  );
}

/** A temporary copy of tests/fixtures/base with the named broken fixture laid over it. */
export async function materialize(fixture?: BrokenFixture): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'registry-'));
  await cp(path.join(FIXTURES, 'base'), dir, { recursive: true });
  if (fixture) {
    const src = path.join(FIXTURES, 'broken', fixture.name);
    await cp(src, dir, { recursive: true, filter: (s) => path.basename(s) !== 'fixture.yaml' });
    for (const del of fixture.delete ?? []) await rm(path.join(dir, del));
    if (fixture.symlink) await symlink(fixture.symlink.target, path.join(dir, fixture.symlink.path));
  }
  return dir;
}

/** A temporary copy of any folder. */
export async function copyDir(src: string): Promise<string> {
  const dir = await mkdtemp(path.join(tmpdir(), 'registry-'));
  await cp(src, dir, { recursive: true });
  return dir;
}

export interface CliResult {
  code: number;
  stdout: string;
  stderr: string;
}

/** Runs `scripts/<script>` with the project's Node 24 (type stripping), from the project root. */
export function runScript(script: string, args: string[], env: NodeJS.ProcessEnv = {}): Promise<CliResult> {
  return new Promise((resolve) => {
    execFile(
      NODE,
      [path.join(ROOT, 'scripts', script), ...args],
      { cwd: ROOT, env: { ...process.env, GITHUB_ACTIONS: '', ...env }, maxBuffer: 64 * 1024 * 1024 },
      (err, stdout, stderr) => resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr }),
    );
  });
}
