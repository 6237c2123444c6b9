/**
 * Astro content-layer loaders over the one registry loader. A registry with errors fails the build
 * with the validator's own messages (file:line, code), so no filing is ever dropped silently, and
 * account bodies are stored as the core's sanitised HTML: the MDX compiler never sees a filing.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { AstroError } from 'astro/errors';
import type { Loader, LoaderContext } from 'astro/loaders';
import { beijingDate, type Registry } from '../domain/index.ts';
import { loadRegistry, type LoadResult } from './load.ts';

/** The registry folder for builds: $REGISTRY_CONTENT (absolute or relative to the project), else content/. */
export function contentDir(root: string = process.cwd()): string {
  return path.resolve(root, process.env.REGISTRY_CONTENT ?? 'content');
}

let pending: Promise<LoadResult> | undefined;
let pendingDir = '';

/** Loads the registry once per build and fails on any error. */
export async function loadForBuild(root: string): Promise<Registry> {
  const dir = contentDir(root);
  if (!pending || pendingDir !== dir) {
    pendingDir = dir;
    const today = process.env.REGISTRY_TODAY ?? beijingDate(new Date());
    // scripts/build-site.ts checks the registry just before building and leaves the result here,
    // so a big registry is parsed once, not twice. Used only when folder and date match.
    const pre = (globalThis as Record<symbol, { dir: string; today: string; result: LoadResult } | undefined>)[Symbol.for('campus-registry.preloaded')];
    pending = pre && pre.dir === dir && pre.today === today ? Promise.resolve(pre.result) : loadRegistry(dir, { today, workers: false });
  }
  const { registry, findings } = await pending;
  const errors = findings.filter((f) => f.severity === 'error');
  if (errors.length > 0) {
    const lines = errors.slice(0, 50).map((f) => `  ${f.file}:${f.line}:${f.column} [${f.code}] ${f.message}${f.field ? `（${f.field}）` : ''}`);
    const more = errors.length > 50 ? `\n  … 另有 ${errors.length - 50} 个错误，运行 npm run validate 查看全部` : '';
    const error = new AstroError(`登记数据有 ${errors.length} 个错误，已停止构建：\n${lines.join('\n')}${more}`, '请按提示修改备案文件，或运行 npm run validate 查看详情。');
    // The findings say where the problem is; a stack trace of the loader would only confuse.
    error.stack = '';
    throw error;
  }
  return registry;
}

type Picker = (reg: Registry) => Array<{ id: string; file: string; data: Record<string, unknown>; html?: string }>;

const PICKERS: Record<string, Picker> = {
  policy: (r) => (r.policy ? [{ id: 'policy', file: r.policy.file, data: r.policy.data }] : []),
  units: (r) => r.units.map((f) => ({ id: f.id, file: f.file, data: f.data })),
  accounts: (r) => r.accounts.map((f) => ({ id: f.id, file: f.file, data: f.data, html: f.html })),
  reviews: (r) => r.reviews.map((f) => ({ id: `${f.scope}/${f.id}`, file: f.file, data: f.data })),
  pushLists: (r) => r.pushLists.map((f) => ({ id: `${f.year}/${f.account}`, file: f.file, data: { ...f } })),
  groups: (r) => r.groups.map((f) => ({ id: `${f.scope}/${f.id}`, file: f.file, data: f.data })),
  impostors: (r) => r.impostors.map((f) => ({ id: f.id, file: f.file, data: f.data })),
};

/** A loader for one collection of the registry (`accounts`, `units`, …). */
export function registryLoader(collection: keyof typeof PICKERS): Loader {
  return {
    name: `registry-${collection}`,
    async load(ctx: LoaderContext) {
      const root = fileURLToPath(ctx.config.root);
      const reg = await loadForBuild(root);
      ctx.store.clear();
      const dir = contentDir(root);
      for (const entry of PICKERS[collection]!(reg)) {
        const data = await ctx.parseData({ id: entry.id, data: entry.data, filePath: path.join(dir, entry.file) });
        ctx.store.set({
          id: entry.id,
          data,
          filePath: path.relative(root, path.join(dir, entry.file)),
          digest: ctx.generateDigest(entry.data),
          ...(entry.html !== undefined ? { rendered: { html: entry.html } } : {}),
        });
      }
    },
  };
}
