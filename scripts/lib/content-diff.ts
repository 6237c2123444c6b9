/** Compares two content folders file by file: what a PR adds, modifies and removes. */
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import type { FileChange } from '../../src/domain/pr-report.ts';

/** Relative paths (forward slashes) of every regular file under `root`, `.git` skipped; [] when missing. */
export async function listContentFiles(root: string): Promise<string[]> {
  const out: string[] = [];
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
      const [a, b] = await Promise.all([readFile(path.join(baseDir, f)), readFile(path.join(headDir, f))]);
      if (!a.equals(b)) out.push({ path: f, status: 'modified' });
    }
  }
  for (const f of base) if (!headSet.has(f)) out.push({ path: f, status: 'removed' });
  return out.sort((x, y) => x.path.localeCompare(y.path));
}
