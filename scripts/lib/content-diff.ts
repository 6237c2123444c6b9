/** Compares two content folders file by file: what a PR adds, modifies and removes. */
import { lstat, readFile, readdir, readlink } from 'node:fs/promises';
import path from 'node:path';
import type { FileChange } from '../../src/domain/pr-report.ts';

/**
 * Relative paths (forward slashes) of every entry under `root` that is not a folder (symlinks,
 * FIFOs and devices included, never followed), `.git` skipped; [] when missing, and [] when `root`
 * itself is a symlink (it is never followed: the registry loader reports it).
 */
export async function listContentFiles(root: string): Promise<string[]> {
  const out: string[] = [];
  if ((await lstat(root).catch(() => undefined))?.isSymbolicLink()) return out;
  const walk = async (dir: string): Promise<void> => {
    const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
    for (const e of entries) {
      const abs = path.join(dir, e.name);
      if (e.isDirectory()) {
        if (e.name !== '.git') await walk(abs);
      } else out.push(path.relative(root, abs).split(path.sep).join('/'));
    }
  };
  await walk(root);
  return out.sort();
}

/** The files that differ between `baseDir` and `headDir`. */
export async function diffContentDirs(baseDir: string, headDir: string): Promise<FileChange[]> {
  const [base, head] = await Promise.all([listContentFiles(baseDir), listContentFiles(headDir)]);
  const baseSet = new Set(base);
  const headSet = new Set(head);
  const out: FileChange[] = [];
  for (const f of head) {
    if (!baseSet.has(f)) out.push({ path: f, status: 'added' });
    else {
      if (!(await sameEntry(path.join(baseDir, f), path.join(headDir, f)))) out.push({ path: f, status: 'modified' });
    }
  }
  for (const f of base) if (!headSet.has(f)) out.push({ path: f, status: 'removed' });
  return out.sort((x, y) => x.path.localeCompare(y.path));
}

/**
 * Whether two entries hold the same thing. Only regular files are read; a symlink compares by its
 * target and any other entry (FIFO, device) never equals anything, so nothing is followed or
 * waited on (a link to /dev/zero would never finish reading).
 */
async function sameEntry(a: string, b: string): Promise<boolean> {
  const [sa, sb] = await Promise.all([lstat(a), lstat(b)]);
  if (sa.isFile() && sb.isFile()) return sa.size === sb.size && (await readFile(a)).equals(await readFile(b));
  if (sa.isSymbolicLink() && sb.isSymbolicLink()) return (await readlink(a)) === (await readlink(b));
  return false;
}
