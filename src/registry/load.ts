/**
 * The one loader: reads a registry folder from disk, parses every file with the core, and runs the
 * cross-file rules. Used by the command-line tools and by the Astro content collections, so the
 * two can never read a filing differently. Nothing is dropped: every file is either a filing or a
 * finding.
 */
import { createHash } from 'node:crypto';
import { lstat, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  checkRegistry,
  emptyRegistry,
  isIgnoredPath,
  parseFile,
  sortFindings,
  type Finding,
  type ParseResult,
  type Registry,
} from '../domain/index.ts';

export interface LoadOptions {
  /** Today in Beijing, `YYYY-MM-DD`. */
  today: string;
  /** Reuse parse results of unchanged files from the last run (default false). */
  cache?: boolean;
}

export interface LoadResult {
  registry: Registry;
  /** Every finding, sorted; errors and warnings. */
  findings: Finding[];
  /** Relative paths of every file seen (filings and rejects alike). */
  files: string[];
}

const MAX_FILE_BYTES = 256 * 1024;

/** Relative paths (forward slashes) of every file under `root`; symlinks are reported, not followed. */
async function listFiles(root: string): Promise<{ files: string[]; findings: Finding[] }> {
  const files: string[] = [];
  const findings: Finding[] = [];
  async function walk(dir: string): Promise<void> {
    const entries = await readdir(dir, { withFileTypes: true });
    for (const e of entries) {
      const abs = path.join(dir, e.name);
      const rel = path.relative(root, abs).split(path.sep).join('/');
      if (e.isSymbolicLink()) {
        findings.push({ file: rel, line: 1, column: 1, field: '', code: 'file/symlink', message: '不允许使用符号链接，请放入真实文件', severity: 'error' });
      } else if (e.isDirectory()) {
        if (e.name === '.git') continue;
        await walk(abs);
      } else if (e.isFile()) files.push(rel);
      else findings.push({ file: rel, line: 1, column: 1, field: '', code: 'file/unexpected', message: '不是普通文件', severity: 'error' });
    }
  }
  await walk(root);
  files.sort();
  return { files, findings };
}

const decoder = new TextDecoder('utf-8', { fatal: true });

async function readText(abs: string, rel: string): Promise<{ text?: string; finding?: Finding }> {
  const fail = (code: string, message: string) => ({ finding: { file: rel, line: 1, column: 1, field: '', code, message, severity: 'error' as const } });
  const buf = await readFile(abs);
  if (buf.length > MAX_FILE_BYTES) return fail('file/too-large', `文件超过 ${MAX_FILE_BYTES / 1024} KB，请精简内容`);
  try {
    return { text: decoder.decode(buf) };
  } catch {
    return fail('file/encoding', '文件不是 UTF-8 编码，请用 UTF-8 保存（记事本“另存为”时选择 UTF-8）');
  }
}

/** A fingerprint of the core's source, so cached parse results die with a code change. */
async function codeFingerprint(): Promise<string> {
  const dir = fileURLToPath(new URL('../domain/', import.meta.url));
  const hash = createHash('sha256');
  const walk = async (d: string) => {
    for (const e of (await readdir(d, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name))) {
      if (e.isDirectory()) await walk(path.join(d, e.name));
      else hash.update(e.name).update(await readFile(path.join(d, e.name)));
    }
  };
  await walk(dir);
  return hash.digest('hex');
}

interface CacheEntry {
  size: number;
  mtimeMs: number;
  result: ParseResult;
}
interface CacheFile {
  fingerprint: string;
  /** Cached account bodies depend on the policy's link hosts. */
  policyHash: string;
  entries: Record<string, CacheEntry>;
}

function cachePath(root: string): string {
  const here = fileURLToPath(new URL('../../node_modules/.cache/campus-registry/', import.meta.url));
  return path.join(here, `${createHash('sha1').update(path.resolve(root)).digest('hex')}.json`);
}

/** Loads and checks the registry in `root`. Throws only for an unreadable folder. */
export async function loadRegistry(root: string, opts: LoadOptions): Promise<LoadResult> {
  const listed = await listFiles(root);
  const findings: Finding[] = [...listed.findings];
  const files = listed.files.filter((f) => !isIgnoredPath(f));

  let cache: CacheFile | undefined;
  let fingerprint = '';
  if (opts.cache) {
    fingerprint = await codeFingerprint();
    try {
      const c = JSON.parse(await readFile(cachePath(root), 'utf8')) as CacheFile;
      if (c.fingerprint === fingerprint) cache = c;
    } catch {
      // no cache yet
    }
  }
  const nextCache: CacheFile = { fingerprint, policyHash: '', entries: {} };

  // The policy first: it names the hosts that descriptions may link to.
  const order = [...files].sort((a, b) => (a === 'policy.yaml' ? -1 : b === 'policy.yaml' ? 1 : 0));
  const reg = emptyRegistry();
  let linkHosts: string[] = [];
  let policyHash = '';
  for (const rel of order) {
    const abs = path.join(root, rel);
    let result: ParseResult | undefined;
    let stat: { size: number; mtimeMs: number } | undefined;
    if (opts.cache) {
      const s = await lstat(abs);
      stat = { size: s.size, mtimeMs: s.mtimeMs };
      const hit = cache?.entries[rel];
      if (hit && hit.size === s.size && hit.mtimeMs === s.mtimeMs && rel !== 'policy.yaml') result = hit.result;
    }
    if (!result) {
      const read = await readText(abs, rel);
      result = read.finding ? { findings: [read.finding] } : parseFile(rel, read.text!, { linkHosts });
      if (rel === 'policy.yaml' && read.text) policyHash = createHash('sha1').update(read.text).digest('hex');
    }
    if (rel === 'policy.yaml' && cache && cache.policyHash !== policyHash) cache = undefined;
    if (stat) nextCache.entries[rel] = { ...stat, result };
    findings.push(...result.findings);
    const p = result.parsed;
    if (p) {
      switch (p.kind) {
        case 'policy':
          reg.policy = p.filing;
          linkHosts = [...p.filing.data.school.domains, ...p.filing.data.allowedLinkHosts];
          break;
        case 'unit':
          reg.units.push(p.filing);
          break;
        case 'account':
          reg.accounts.push(p.filing);
          break;
        case 'review':
          reg.reviews.push(p.filing);
          break;
        case 'pushList':
          reg.pushLists.push(p.filing);
          break;
        case 'group':
          reg.groups.push(p.filing);
          break;
        case 'impostor':
          reg.impostors.push(p.filing);
          break;
        case 'page':
          reg.pages.push(p.filing);
          break;
      }
    } else if (result.role) {
      (reg.unreadable[result.role.kind] ??= []).push(result.role.id);
    }
  }
  findings.push(...checkRegistry(reg, { today: opts.today }));

  if (opts.cache) {
    nextCache.policyHash = policyHash;
    const file = cachePath(root);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(nextCache));
  }
  return { registry: reg, findings: sortFindings(findings), files: listed.files };
}
