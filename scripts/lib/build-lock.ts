/**
 * One Astro build at a time in this project: Astro writes .astro/ in the project folder, so two
 * builds of different registries at once would break each other. Used by build-site and the tests.
 */
import { mkdir, open, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LOCK = path.join(ROOT, 'node_modules', '.cache', 'astro-build.lock');

/** Waits for the project's build lock (a file holding the owner's pid; stale locks are taken over). */
export async function lockBuilds(): Promise<() => Promise<void>> {
  await mkdir(path.dirname(LOCK), { recursive: true });
  let waited = false;
  for (;;) {
    try {
      const fh = await open(LOCK, 'wx');
      await fh.writeFile(String(process.pid));
      await fh.close();
      return () => rm(LOCK, { force: true });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
    }
    const owner = Number(await readFile(LOCK, 'utf8').catch(() => ''));
    let alive = false;
    try {
      if (owner > 0) process.kill(owner, 0);
      alive = owner > 0;
    } catch {
      alive = false;
    }
    if (!alive) {
      // Written but not yet filled in, or left by a build that died: give it a moment, then take it.
      await new Promise((r) => setTimeout(r, 300));
      const again = Number(await readFile(LOCK, 'utf8').catch(() => ''));
      if (again === owner) await rm(LOCK, { force: true });
      continue;
    }
    if (!waited) console.log('  另一个网站构建正在进行，等待其完成 …');
    waited = true;
    await new Promise((r) => setTimeout(r, 250));
  }
}

