/**
 * The verify index: a compact, public-only view of the registry for answering "is this official?".
 * Keys are split into slices by a short hash prefix of the key string, so a 10,000-account registry
 * never means one big download; names (with their pinyin and the build-time name tables) sit in one
 * names slice. Pure and dependency-free: shared by the builder, the CLI and the browser.
 */
import type { NameTables } from './names.ts';

/** Version of the index format; bump on incompatible change. */
export const VERIFY_INDEX_VERSION = 1;

/** What an entry's status means for the verdict. `suspended` is derived (年审不合格 → 暂停运行). */
export type EntryStatus = 'active' | 'dormant' | 'suspended' | 'applied' | 'approved' | 'closed' | 'impostor';

/** One official account or known impostor, public fields only. */
export interface IndexEntry {
  /** `a` an account filing, `i` an entry of the impostor warning list. */
  t: 'a' | 'i';
  id: string;
  name: string;
  platform: string;
  /** Chinese platform name. */
  platformLabel: string;
  /** Unit id and name (accounts only). */
  unit?: string;
  unitName?: string;
  /** 联合主办单位 (ids and names), besides the lead unit. */
  coUnits?: Array<{ id: string; name: string }>;
  /** 委托第三方运营: the operator's name. */
  operator?: string;
  /** 停更日期 (dormant accounts). */
  dormantSince?: string;
  status: EntryStatus;
  /** 停办时间 (closed accounts). */
  closed?: string;
  /** Why a derived state applies, public wording (e.g. 年审不合格). */
  reason?: string;
  /** A derived state that leaves the account official (年审逾期), as the site's badge says it. */
  label?: string;
  /** Impostors: the official account imitated (id), and the date it was confirmed. */
  imitates?: string;
  confirmed?: string;
  /** The user-visible IDs to compare (e.g. "抖音号：qclg_jsj"), at most three. */
  ids?: string[];
}

/** One key slice: entries and, per key string `platform:kind:value`, the entries holding it. */
export interface KeySlice {
  entries: IndexEntry[];
  keys: Record<string, number[]>;
}

/**
 * A protected name: the school's full name (`school`), its short names and the policy's protected
 * names (`short`), the full name's type swaps and truncations (`variant`, with `note` saying what
 * differs), Latin abbreviations (`latin`, e.g. qclg) and every unit's name (`unit`, with its id;
 * protected only together with one of the school's names).
 */
export interface ProtectedName {
  name: string;
  kind: 'school' | 'short' | 'variant' | 'latin' | 'unit';
  note?: string;
  unit?: string;
  /** Protected only at the start of a name (001 第六条 “曲师***”: 歌曲师生合唱团 is not a use). */
  prefix?: boolean;
}

/**
 * The names slice: every account and impostor (their current names are `entries[i].name`), former
 * names (曾用名) as `[entry index, name]`, the protected names, and the name tables. Skeletons and
 * pinyin are not shipped: the reader computes them with `tables`, so they cannot drift apart.
 */
export interface NamesSlice {
  entries: IndexEntry[];
  former: Array<[number, string]>;
  protected: ProtectedName[];
  tables: NameTables;
}

/** The manifest: which slices exist and the public settings the page needs. */
export interface VerifyManifest {
  version: number;
  /** The day statuses were computed for (Beijing). */
  asOf: string;
  /** Hex digits of the key hash that name a slice (1 → 16 slices, 2 → 256). */
  prefix: number;
  /** Ids of the non-empty key slices. */
  slices: string[];
  school: { name: string; shortNames: string[] };
  report: {
    /** The repository's "new issue" base, e.g. https://github.com/org/repo (no trailing slash). */
    repo: string | null;
    /** 举报邮箱 (policy.office.reportEmail). */
    email: string | null;
    /** 归口管理部门 name, for the report text. */
    office: string | null;
  };
  counts: { accounts: number; impostors: number };
}

/** The whole index, as the builder returns it (and as written out in files). */
export interface VerifyIndex {
  manifest: VerifyManifest;
  slices: Record<string, KeySlice>;
  names: NamesSlice;
}

/** Where the verdict function reads the index: in memory (CLI) or fetched in slices (browser). */
export interface IndexSource {
  manifest: VerifyManifest;
  /** A key slice by id; an empty slice when it does not exist. */
  slice(id: string): Promise<KeySlice>;
  names(): Promise<NamesSlice>;
}

/** FNV-1a 32-bit hash of a string's UTF-16 code units, as 8 hex digits. */
export function hashKey(s: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}

/** The slice a key string lives in, given the manifest's prefix length. */
export function sliceOf(key: string, prefix: number): string {
  return hashKey(key).slice(0, prefix);
}

/** An index source over an in-memory index (the CLI and tests). */
export function memorySource(index: VerifyIndex): IndexSource {
  return {
    manifest: index.manifest,
    slice: async (id) => index.slices[id] ?? { entries: [], keys: {} },
    names: async () => index.names,
  };
}

/**
 * An index source that fetches the JSON files written at build time (`manifest.json`,
 * `<slice>.json`, `names.json` under `base`), each at most once. `fetchJson` is injected so the
 * browser passes `fetch` and tests pass a file reader.
 */
export function fetchSource(manifest: VerifyManifest, fetchJson: (file: string) => Promise<unknown>): IndexSource {
  const cache = new Map<string, Promise<unknown>>();
  const get = (file: string) => {
    let p = cache.get(file);
    if (!p) {
      p = fetchJson(file);
      cache.set(file, p);
    }
    return p;
  };
  const known = new Set(manifest.slices);
  return {
    manifest,
    slice: async (id) => (known.has(id) ? ((await get(`${id}.json`)) as KeySlice) : { entries: [], keys: {} }),
    names: async () => (await get('names.json')) as NamesSlice,
  };
}
