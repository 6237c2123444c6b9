/**
 * The one loader: reads a registry folder from disk, parses every file with the core, and runs the
 * cross-file rules. Used by the command-line tools and by the Astro content collections, so the
 * two can never read a filing differently. Nothing is dropped: every file is either a filing or a
 * finding.
 */
import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, type Dirent } from 'node:fs';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import {
  checkRegistry,
  emptyRegistry,
  findLateFilings,
  isIgnoredPath,
  sortFindings,
  type Finding,
  type ParseResult,
  type Registry,
} from '../domain/index.ts';
import type { NameForm } from '../domain/verify/names.ts';
import { parseInParallel } from './parse-pool.ts';
import { loadPresets } from './presets.ts';
import { readAndParse } from './read.ts';

export interface LoadOptions {
  /** Today in Beijing, `YYYY-MM-DD`. */
  today: string;
  /**
   * Reuse parse results of unchanged files from the last run (default false). Only with `only`:
   * cached files keep their data but not their field positions, since only the `only` files'
   * findings are wanted (and those files are always parsed afresh).
   */
  cache?: boolean;
  /** Parse on several cores when there are many files (default true; the Astro build passes false). */
  workers?: boolean;
  /**
   * Checking a pull request opened on this date: filings in `prFiles` without their own report
   * date count as made on it. Late filings are always reported as warnings (late/change,
   * late/closure, late/application …).
   */
  prDate?: string;
  /** The pull request's files, relative to the folder. */
  prFiles?: ReadonlySet<string>;
  /** Only findings on these files are wanted (validating a few changed files). */
  only?: ReadonlySet<string>;
}

export interface LoadResult {
  registry: Registry;
  /** Every finding, sorted; errors and warnings. */
  findings: Finding[];
  /** Relative paths of every file seen (filings and rejects alike). */
  files: string[];
  /** Milliseconds spent in each phase (listing, parsing, rules …), for benchmarks. */
  timings: Record<string, number>;
}

/** Below this many files to parse, threads cost more than they save. */
const WORKER_THRESHOLD = 1500;

const entryFinding = (file: string, code: string, message: string): Finding => ({ file, line: 1, column: 1, field: '', code, message, severity: 'error' });

/**
 * Relative paths (forward slashes) of every file under `root`. Nothing is followed: the root itself
 * and every entry are lstat-ed (directory entries' types), so a symlinked content folder, a
 * symlinked file or folder (to /dev/zero, outside the registry, dangling), a FIFO or a device is a
 * finding naming its path, never opened.
 */
function listFiles(root: string): { files: string[]; findings: Finding[] } {
  const files: string[] = [];
  const findings: Finding[] = [];
  const top = lstatSync(root);
  if (top.isSymbolicLink()) {
    findings.push(entryFinding('.', 'file/symlink', '登记数据文件夹本身是符号链接：不允许用链接替换整个 content 文件夹，请提交真实的文件夹和文件'));
    return { files, findings };
  }
  const stack = [root];
  while (stack.length > 0) {
    const dir = stack.pop()!;
    let entries: Dirent[];
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch (err) {
      findings.push(entryFinding(path.relative(root, dir).split(path.sep).join('/') || '.', 'file/unreadable', `无法读取这个文件夹（${(err as NodeJS.ErrnoException).code ?? '未知原因'}）`));
      continue;
    }
    for (const e of entries) {
      const abs = path.join(dir, e.name);
      const rel = path.relative(root, abs).split(path.sep).join('/');
      if (e.isSymbolicLink()) findings.push(entryFinding(rel, 'file/symlink', '不允许使用符号链接，请放入真实文件'));
      else if (e.isDirectory()) {
        if (e.name !== '.git') stack.push(abs);
      } else if (e.isFile()) files.push(rel);
      else findings.push(entryFinding(rel, 'file/unexpected', '这里应为普通文件（不能是设备、管道或其他特殊文件）'));
    }
  }
  files.sort();
  return { files, findings };
}

/**
 * Files that are not filings and are skipped on purpose, as documented: `README.md` at the top of
 * the content folder, and empty `.gitkeep` files that keep an empty folder in git. Any other
 * README.md or a .gitkeep with content is checked like every file (and reported as unexpected), so
 * a filing renamed README.md never disappears.
 */
function isSkippable(root: string, rel: string): boolean {
  if (!isIgnoredPath(rel)) return false;
  if (rel === 'README.md') return true;
  if (path.posix.basename(rel) !== '.gitkeep') return false;
  try {
    return lstatSync(path.join(root, rel)).size === 0;
  } catch {
    return false;
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
  // Library versions matter too (the yaml parser, pinyin and OpenCC tables behind name forms).
  hash.update(await readFile(fileURLToPath(new URL('../../package-lock.json', import.meta.url))).catch(() => ''));
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
  /** Names' comparable forms (pinyin, skeleton), which cost more to compute than to keep. */
  nameForms?: Record<string, NameForm>;
}

function cachePath(root: string): string {
  const here = fileURLToPath(new URL('../../node_modules/.cache/campus-registry/', import.meta.url));
  return path.join(here, `${createHash('sha1').update(path.resolve(root)).digest('hex')}.json`);
}

async function readCache(root: string, fingerprint: string, policyHash: string): Promise<CacheFile | undefined> {
  try {
    const c = JSON.parse(await readFile(cachePath(root), 'utf8')) as CacheFile;
    return c.fingerprint === fingerprint && c.policyHash === policyHash ? c : undefined;
  } catch {
    return undefined;
  }
}

/** A parse result as the cache keeps it: no field positions, no rendered description. */
function withoutPositions(r: ParseResult): ParseResult {
  if (!r.parsed) return r;
  const { pos: _pos, ...filing } = r.parsed.filing as { pos?: unknown; html?: string };
  if ('html' in filing) filing.html = '';
  return { ...r, parsed: { ...r.parsed, filing: { ...filing, pos: {} } } as ParseResult['parsed'] };
}

/** Loads and checks the registry in `root`. Throws only for an unreadable folder. */
export async function loadRegistry(root: string, opts: LoadOptions): Promise<LoadResult> {
  const timings: Record<string, number> = {};
  let mark = performance.now();
  const lap = (phase: string) => {
    const now = performance.now();
    timings[phase] = (timings[phase] ?? 0) + now - mark;
    mark = now;
  };
  const listed = listFiles(root);
  lap('list');
  const findings: Finding[] = [...listed.findings];
  const files = listed.files.filter((f) => !isSkippable(root, f));

  // The policy first: it names the hosts that descriptions may link to.
  const results = new Map<string, ParseResult>();
  let linkHosts: string[] = [];
  let policyHash = '';
  if (files.includes('policy.yaml')) {
    const presets = await loadPresets();
    const { text, ...policy } = readAndParse(root, 'policy.yaml', [], presets);
    results.set('policy.yaml', policy);
    policyHash = createHash('sha1').update(text ?? '').update(JSON.stringify(presets)).digest('hex');
    if (policy.parsed?.kind === 'policy') linkHosts = [...policy.parsed.filing.data.school.domains, ...policy.parsed.filing.data.allowedLinkHosts];
  }

  // Reuse what the cache knows, parse the rest (in threads when there is a lot).
  const useCache = opts.cache === true && opts.only !== undefined;
  const fingerprint = useCache ? await codeFingerprint() : '';
  const cache = useCache ? await readCache(root, fingerprint, policyHash) : undefined;
  const stats = new Map<string, { size: number; mtimeMs: number }>();
  const todo: string[] = [];
  for (const rel of files) {
    if (results.has(rel)) continue;
    if (useCache) {
      const s = lstatSync(path.join(root, rel));
      stats.set(rel, { size: s.size, mtimeMs: s.mtimeMs });
      const hit = cache?.entries[rel];
      if (hit && hit.size === s.size && hit.mtimeMs === s.mtimeMs && !opts.only!.has(rel)) {
        results.set(rel, hit.result);
        continue;
      }
    }
    todo.push(rel);
  }
  lap('policy-and-cache');
  if (todo.length >= WORKER_THRESHOLD && opts.workers !== false) {
    const parsed = await parseInParallel(root, todo, linkHosts);
    todo.forEach((rel, i) => results.set(rel, parsed[i]!));
  } else {
    for (const rel of todo) {
      const { text: _text, ...result } = readAndParse(root, rel, linkHosts);
      results.set(rel, result);
    }
  }

  const reg = emptyRegistry();
  for (const rel of files) {
    const result = results.get(rel)!;
    findings.push(...result.findings);
    const p = result.parsed;
    if (p) {
      switch (p.kind) {
        case 'policy':
          reg.policy = p.filing;
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
  const nameForms = useCache ? new Map(Object.entries(cache?.nameForms ?? {})) : undefined;
  const knownNames = nameForms?.size ?? 0;
  lap('parse');
  findings.push(...checkRegistry(reg, { today: opts.today, only: opts.only, nameForms }));
  lap('rules');
  // Deadlines at PR time: late filings are warnings the office sees, never silent.
  if (reg.policy) findings.push(...findLateFilings(reg, reg.policy.data, opts.today, { prDate: opts.prDate, prFiles: opts.prFiles }));
  lap('deadlines');

  // Rewriting a large cache costs more than re-parsing a few changed files next time: write it
  // only when it was missing or stale, or when many files changed.
  if (useCache && (!cache || todo.length > Math.max(20, files.length / 100) || (nameForms?.size ?? 0) - knownNames > 20)) {
    const next: CacheFile = { fingerprint, policyHash, entries: {}, nameForms: Object.fromEntries(nameForms ?? []) };
    for (const [rel, stat] of stats) next.entries[rel] = { ...stat, result: withoutPositions(results.get(rel)!) };
    const file = cachePath(root);
    await mkdir(path.dirname(file), { recursive: true });
    await writeFile(file, JSON.stringify(next));
  }
  lap('write-cache');
  const sorted = sortFindings(findings);
  lap('sort');
  return { registry: reg, findings: sorted, files: listed.files, timings };
}
