/**
 * Private outputs (forms, ledger, report) are written only where the user asks, and never into the
 * public site's build folder (dist/) or the public/ folder that is copied into it.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadRegistry } from '../../src/registry/load.ts';
import { UsageError, resolveContentDir, resolveToday } from './cli.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const PUBLIC_DIRS = ['dist', 'public', '.astro'].map((d) => path.join(ROOT, d));

/** Throws a usage error when `target` is inside a folder the public site is built from or into. */
export function assertPrivateOutput(target: string): void {
  const abs = path.resolve(target);
  for (const dir of PUBLIC_DIRS)
    if (abs === dir || abs.startsWith(dir + path.sep))
      throw new UsageError(`输出位置 ${path.relative(ROOT, abs)} 在公开网站的文件夹（${path.basename(dir)}/）内：该输出含个人信息，请写到其他位置`);
}

/**
 * The registry for a command that writes the office's private outputs, with its policy: null
 * (after a Chinese line on stderr) when policy.yaml is missing or broken. Other errors are
 * counted in a note; the files that carry them are left out by the loader.
 */
export async function loadOfficeRegistry(contentFlag: string | undefined, todayFlag: string | undefined, what: { task: string; leftOut: string }) {
  const root = await resolveContentDir(contentFlag);
  const today = resolveToday(todayFlag);
  const { registry, findings } = await loadRegistry(root, { today });
  const policy = registry.policy?.data;
  if (!policy) {
    console.error(`无法${what.task}：管理办法配置文件 policy.yaml 缺失或有错误，请先运行 npm run validate。`);
    return null;
  }
  const errors = findings.filter((f) => f.severity === 'error').length;
  if (errors) console.error(`注意：登记数据有 ${errors} 个错误（运行 npm run validate 查看），有错误的文件${what.leftOut}。`);
  return { registry, policy, today };
}
