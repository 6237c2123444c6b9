/**
 * Private outputs (forms, ledger, report) are written only where the user asks, and never into the
 * public site's build folder (dist/) or the public/ folder that is copied into it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { UsageError } from './cli.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PUBLIC_DIRS = ['dist', 'public', '.astro'].map((d) => path.join(ROOT, d));

/** Throws a usage error when `target` is inside a folder the public site is built from or into. */
export function assertPrivateOutput(target: string): void {
  const abs = path.resolve(target);
  for (const dir of PUBLIC_DIRS)
    if (abs === dir || abs.startsWith(dir + path.sep))
      throw new UsageError(`输出位置 ${path.relative(ROOT, abs)} 在公开网站的文件夹（${path.basename(dir)}/）内：该输出含个人信息，请写到其他位置`);
}
