/**
 * The attack corpus (tests/attacks/<attack>/): one small registry per attack of issue 13, laid
 * over tests/fixtures/base, plus what the attack must produce. Symlinks, FIFOs and large generated
 * registries are made here, since git cannot (or should not) hold them.
 */
import { execFile } from 'node:child_process';
import { cp, mkdir, mkdtemp, readdir, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { parse } from 'yaml';
import { FIXTURES, NODE, ROOT } from './registry.ts';

export const ATTACKS = path.join(ROOT, 'tests/attacks');
const run = promisify(execFile);

export interface ExpectedFinding {
  code: string;
  file: string;
  line: number;
  field: string;
  /** A piece of the message (e.g. the code point named). */
  message?: string;
}

export interface Attack {
  name: string;
  /** The item of issue 13 it reproduces. */
  item: string;
  expect: ExpectedFinding[];
  symlinks?: Array<{ path: string; target: string }>;
  fifos?: string[];
  generate?: 'content-symlink' | 'same-name-6000';
  /** Private values planted in public fields: they must appear in no output. */
  canaries?: string[];
  /** The account must not reach the public projection. */
  public?: { account: string; absent: boolean };
  /** Run pr-check with the base fixture as the base branch: it must fail. */
  prCheck?: boolean;
}

/** Every attack in tests/attacks, sorted by name. */
export async function attacks(): Promise<Attack[]> {
  const names = (await readdir(ATTACKS)).sort();
  return Promise.all(names.map(async (name) => ({ name, ...(parse(await readFile(path.join(ATTACKS, name, 'attack.yaml'), 'utf8')) as Omit<Attack, 'name'>) })));
}

/**
 * Builds the attack's registry in a new temp folder; returns the folder to pass as `--content`
 * (for `content-symlink`, a symlink to a clean copy) and the folder to remove afterwards.
 */
export async function materializeAttack(a: Attack): Promise<{ content: string; tmp: string }> {
  const tmp = await mkdtemp(path.join(tmpdir(), `attack-${a.name}-`));
  const dir = path.join(tmp, 'content');
  await cp(path.join(FIXTURES, 'base'), dir, { recursive: true });
  const overlay = path.join(ATTACKS, a.name, 'registry');
  await cp(overlay, dir, { recursive: true }).catch((e: NodeJS.ErrnoException) => {
    if (e.code !== 'ENOENT') throw e;
  });
  for (const s of a.symlinks ?? []) {
    await rm(path.join(dir, s.path), { force: true, recursive: true });
    await symlink(s.target, path.join(dir, s.path));
  }
  for (const f of a.fifos ?? []) await run('mkfifo', [path.join(dir, f)]);
  if (a.generate === 'content-symlink') {
    // The PR's content/ is a link to the base checkout: every file "unchanged".
    const real = path.join(tmp, 'base-checkout');
    await cp(dir, real, { recursive: true });
    await rm(dir, { recursive: true });
    await symlink(real, dir);
  }
  if (a.generate === 'same-name-6000') await sameName(dir, 6000);
  return { content: dir, tmp };
}

/** `n` live accounts with one name on one platform, spread over 30 units. */
async function sameName(dir: string, n: number): Promise<void> {
  const units = 30;
  for (let u = 0; u < units; u++) {
    await writeFile(path.join(dir, 'units', `u${u}.yaml`), `id: u${u}\nname: 单位${u}\nkind: college\nparent: school\nstatus: active\nheadTitle: 院长\nowners: ['@qclg/u${u}']\n`);
  }
  await mkdir(path.join(dir, 'accounts', 'jsj'), { recursive: true });
  for (let u = 0; u < units; u++) await mkdir(path.join(dir, 'accounts', `u${u}`), { recursive: true });
  const writes: Promise<void>[] = [];
  for (let i = 0; i < n; i++) {
    const id = `same-${String(i).padStart(5, '0')}`;
    const unit = i === n - 1 ? 'jsj' : `u${i % units}`;
    const text = `---\nid: ${id}\nname: 青川理工同名账号\nplatform: weibo\nkeys:\n  - { kind: uid, value: '${6000000000 + i}' }\nunit: ${unit}\ntier: 3\nstatus: active\nfiling: backfill\npurpose: 测试。\ndates:\n  opened: '2024-01-01'\ncontacts:\n  head: { name: 甲, title: 院长, mobile: '13800000011' }\n  admins:\n    - { name: 乙, mobile: '13800000012' }\n    - { name: 丙, mobile: '13800000013' }\n---\n`;
    writes.push(writeFile(path.join(dir, 'accounts', unit, `${id}.mdx`), text));
  }
  await Promise.all(writes);
}

/** Runs `scripts/<script>` like runScript, but kills it after `ms` (a hang is a failure, not a stuck suite). */
export function runScriptWithin(script: string, args: string[], ms: number): Promise<{ code: number; stdout: string; stderr: string; timedOut: boolean }> {
  return new Promise((resolve) => {
    const child = execFile(NODE, [path.join(ROOT, 'scripts', script), ...args], { cwd: ROOT, env: { ...process.env, GITHUB_ACTIONS: '' }, maxBuffer: 64 * 1024 * 1024, timeout: ms, killSignal: 'SIGKILL' }, (err, stdout, stderr) =>
      resolve({ code: err ? ((err as { code?: number }).code ?? 1) : 0, stdout, stderr, timedOut: child.killed }),
    );
  });
}
