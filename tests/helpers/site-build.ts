/**
 * Build helpers for site tests: run scripts/build-site.ts on a registry folder into a temporary
 * output folder (its own Astro cache, so test files can build at the same time), and list files.
 */
import { spawn } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** The day every test build computes statuses for, so results do not drift with the calendar. */
export const TEST_TODAY = '2026-11-21';

export interface BuiltSite {
  /** The output folder (dist). */
  dir: string;
  /** The base path it was built for. */
  base: string;
  /** Combined stdout and stderr of the build. */
  log: string;
  /** Removes the output and its cache. */
  cleanup(): Promise<void>;
}

export interface BuildOptions {
  /** Registry folder (default: the demo, content/). */
  content?: string;
  base?: string;
  today?: string;
  /** Extra environment variables. */
  env?: Record<string, string>;
}

/** Runs a command, resolving with its exit code and output. */
export function runCommand(cmd: string, args: string[], opts: { cwd?: string; env?: NodeJS.ProcessEnv } = {}): Promise<{ code: number; log: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd: opts.cwd ?? ROOT, env: opts.env ?? process.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let log = '';
    child.stdout.on('data', (d: Buffer) => (log += d.toString()));
    child.stderr.on('data', (d: Buffer) => (log += d.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code: code ?? 1, log }));
  });
}

/**
 * The environment for child builds: the test runner's, minus what Vitest injects (BASE_URL, MODE,
 * NODE_ENV=test …), which would otherwise leak into Astro's import.meta.env.
 */
export function cleanEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [k, v] of Object.entries(process.env)) {
    if (/^(BASE_URL|MODE|DEV|PROD|SSR|NODE_ENV|TEST|VITEST.*|VITE_.*)$/.test(k)) continue;
    env[k] = v;
  }
  return { ...env, ASTRO_TELEMETRY_DISABLED: '1', ...extra };
}

/** Runs `tsx scripts/<script>` with the Node running the tests (Node 24). */
export function runScript(script: string, args: string[], env: Record<string, string> = {}): Promise<{ code: number; log: string }> {
  return runCommand(process.execPath, ['--import', 'tsx', path.join(ROOT, 'scripts', script), ...args], { env: cleanEnv(env) });
}

/** Builds the site into a fresh temporary folder; throws with the build log when it fails. */
export async function buildSite(opts: BuildOptions = {}): Promise<BuiltSite> {
  const tmp = await mkdtemp(path.join(os.tmpdir(), 'site-test-'));
  const dir = path.join(tmp, 'dist');
  const base = opts.base ?? '/';
  const args = ['--out', dir, '--base', base, '--today', opts.today ?? TEST_TODAY];
  if (opts.content) args.push('--content', opts.content);
  const { code, log } = await runScript('build-site.ts', args, { ASTRO_CACHE_DIR: path.join(tmp, 'cache'), ...opts.env });
  if (code !== 0) throw new Error(`build-site failed (exit ${code}):\n${log}`);
  return { dir, base, log, cleanup: () => rm(tmp, { recursive: true, force: true }) };
}

/** Every file under `dir`, as absolute paths. */
export async function listFiles(dir: string): Promise<string[]> {
  const out: string[] = [];
  const walk = async (d: string) => {
    for (const e of await readdir(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) await walk(p);
      else if (e.isFile()) out.push(p);
    }
  };
  await walk(dir);
  return out.sort();
}
