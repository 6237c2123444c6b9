/**
 * Builds the verify index from the public projection (src/domain/public.ts), so it can only hold
 * what the public site shows: names, platforms, units, statuses, keys and links. No contacts.
 * Build-time only (it computes the name tables with OpenCC and pinyin-pro); the browser reads the
 * result, never this module.
 */
import { keyString } from '../platforms.ts';
import type { PublicAccount, PublicImpostor, PublicKey, PublicPolicy, PublicSite } from '../public.ts';
import { latinInitials, nameForm, nameSkeleton, schoolNameVariants } from './names.ts';
import { canonicalKey, normalizeInput } from './normalize.ts';
import { buildNameTables } from './tables.ts';
import {
  VERIFY_INDEX_VERSION,
  sliceOf,
  type IndexEntry,
  type KeySlice,
  type NamesSlice,
  type ProtectedName,
  type VerifyIndex,
} from './verify-index.ts';

export interface BuildVerifyIndexOptions {
  /** Repository whose issue form takes impostor reports, e.g. https://github.com/org/repo. */
  reportRepo?: string | null;
  /** Hex digits per slice id; by default 1 (16 slices) up to 4,000 keys, else 2 (256 slices). */
  prefix?: number;
}

/** Key kinds that are addresses, not IDs a person can read off the account's page. */
const ADDRESS_KINDS = new Set(['url', 'short']);

/** The user-visible IDs of a record to show beside it ("抖音号：qclg_jsj"), at most three. */
export function displayIds(keys: readonly PublicKey[]): string[] {
  return keys.filter((k) => !ADDRESS_KINDS.has(k.kind)).slice(0, 3).map((k) => `${k.label}：${k.value}`);
}

/** The index entry of a public account: its state decides the verdict (暂停运行 → suspended). */
function accountEntry(a: PublicAccount): IndexEntry {
  const status = a.status === 'closed' ? 'closed' : a.state === 'suspended' ? 'suspended' : a.state === 'dormant' ? 'dormant' : a.status;
  const e: IndexEntry = { t: 'a', id: a.id, name: a.name, platform: a.platform, platformLabel: a.platformLabel, unit: a.unit, unitName: a.unitName, status };
  if (a.coUnits?.length) e.coUnits = a.coUnits.map((u) => ({ id: u.id, name: u.name }));
  if (a.operator) e.operator = a.operator;
  if (status === 'dormant' && a.dormant) {
    e.dormantSince = a.dormant.since;
    if (a.dormant.reason) e.reason = a.dormant.reason;
  }
  const ids = displayIds(a.keys);
  if (ids.length) e.ids = ids;
  if (a.dates.closed && status === 'closed') e.closed = a.dates.closed;
  if (status === 'suspended' && a.stateReason) e.reason = a.stateReason;
  // 年审逾期 (still official): the same state and reason the site shows.
  if (a.state === 'overdue' && a.status !== 'closed') {
    e.label = a.stateLabel;
    if (a.stateReason) e.reason = a.stateReason;
  }
  return e;
}

function impostorEntry(i: PublicImpostor): IndexEntry {
  const e: IndexEntry = { t: 'i', id: i.id, name: i.name, platform: i.platform, platformLabel: i.platformLabel, status: 'impostor', confirmed: i.confirmed };
  if (i.imitates) e.imitates = i.imitates.id;
  return e;
}

/** Every index key of a record: its filed keys (canonical) plus the keys its link carries. */
export function recordKeys(platform: string, keys: ReadonlyArray<{ kind: string; value: string }>, link: string | null): string[] {
  const out = new Set<string>();
  for (const k of keys) {
    const v = canonicalKey(platform, k.kind, k.value);
    out.add(keyString(platform, k.kind, v));
    if (k.kind === 'short' || k.kind === 'url') out.add(keyString('link', 'url', canonicalKey('link', 'url', k.value)));
  }
  if (link) {
    for (const k of normalizeInput(link).keys) if (k.platform === platform || k.platform === 'link') out.add(k.key);
  }
  return [...out];
}

/**
 * Builds the verify index of a public site: key slices (by hash prefix of `platform:kind:value`),
 * the names slice with precomputed skeletons and pinyin and the name tables for user input, and
 * the manifest. Deterministic for the same site.
 */
export function buildVerifyIndex(site: PublicSite, opts: BuildVerifyIndexOptions = {}): VerifyIndex {
  const records: Array<{ entry: IndexEntry; keys: string[]; names: string[]; former: string[] }> = [];
  for (const a of site.accounts) records.push({ entry: accountEntry(a), keys: recordKeys(a.platform, a.keys, a.link), names: [a.name], former: a.formerNames });
  for (const i of site.impostors) records.push({ entry: impostorEntry(i), keys: recordKeys(i.platform, i.keys, i.link), names: [i.name], former: [] });

  const keyCount = records.reduce((n, r) => n + r.keys.length, 0);
  const prefix = opts.prefix ?? (keyCount <= 4000 ? 1 : 2);
  const slices: Record<string, KeySlice> = {};
  const slot = new Map<string, Map<IndexEntry, number>>();
  for (const r of records)
    for (const key of r.keys) {
      const id = sliceOf(key, prefix);
      const s = (slices[id] ??= { entries: [], keys: {} });
      let m = slot.get(id);
      if (!m) slot.set(id, (m = new Map()));
      let at = m.get(r.entry);
      if (at === undefined) {
        at = s.entries.push(r.entry) - 1;
        m.set(r.entry, at);
      }
      const list = (s.keys[key] ??= []);
      if (!list.includes(at)) list.push(at);
    }

  const policy = site.policy;
  const schoolNames = protectedSchoolNames(policy.school);
  const unitNames: ProtectedName[] = [];
  for (const u of site.units) {
    unitNames.push({ name: u.name, kind: 'unit', unit: u.id });
    if (u.shortName) unitNames.push({ name: u.shortName, kind: 'unit', unit: u.id });
  }
  const allNames = [...records.flatMap((r) => [...r.names, ...r.former]), ...schoolNames.map((p) => p.name), ...unitNames.map((p) => p.name)];
  const tables = buildNameTables(allNames);
  // Latin abbreviations: the initials of the school's Chinese names (青川理工 → qclg), 4 letters or more.
  const latin = new Set(schoolNames.filter((p) => p.kind === 'latin').map((p) => p.name));
  for (const p of schoolNames)
    if (p.kind === 'school' || p.kind === 'short') {
      const ini = latinInitials(nameForm(p.name, tables));
      if (ini.length >= 4) latin.add(ini);
    }
  const protectedRaw: ProtectedName[] = [...schoolNames.filter((p) => p.kind !== 'latin'), ...[...latin].map((name) => ({ name, kind: 'latin' as const })), ...unitNames];

  const entries = records.map((r) => r.entry);
  const former: Array<[number, string]> = [];
  records.forEach((r, e) => {
    for (const n of r.former) former.push([e, n]);
  });
  const seen = new Set<string>();
  const prot: ProtectedName[] = [];
  for (const p of protectedRaw) {
    // One entry per skeleton: the school's own names win over a unit of the same name.
    const sk = nameSkeleton(p.name, tables);
    if (!sk || seen.has(sk)) continue;
    seen.add(sk);
    prot.push(p);
  }
  const namesSlice: NamesSlice = { entries, former, protected: prot, tables };

  return {
    manifest: {
      version: VERIFY_INDEX_VERSION,
      asOf: site.asOf,
      prefix,
      slices: Object.keys(slices).sort(),
      school: { name: policy.school.name, shortNames: [...policy.school.shortNames] },
      report: { repo: opts.reportRepo ? opts.reportRepo.replace(/\/+$/, '') : null, email: policy.office.reportEmail, office: policy.office.name },
      counts: { accounts: site.accounts.length, impostors: site.impostors.length },
    },
    slices,
    names: namesSlice,
  };
}

/**
 * Every protected form of the school's names the policy offers, in one place: the full name (a
 * name of two schools, "宁夏职业技术学院 宁夏开放大学", is split), its short names, the policy's
 * extra protected names (`school.protectedNames`, when the policy has them), the full name's
 * type swaps and truncations, and Latin abbreviations from the school's domains (qclg.edu.cn →
 * qclg) and English name (4 initials or more). Initials of the Chinese names are added by the
 * builder, which has the pinyin tables.
 */
export function protectedSchoolNames(school: PublicPolicy['school']): ProtectedName[] {
  const out: ProtectedName[] = [];
  const fulls = school.name.split(/\s+/).filter(Boolean);
  for (const f of fulls) out.push({ name: f, kind: 'school' });
  const prefixes = new Set(school.protectedPrefixes ?? []);
  for (const s of [...school.shortNames, ...(school.protectedNames ?? [])]) out.push({ name: s, kind: 'short', ...(prefixes.has(s) ? { prefix: true } : {}) });
  for (const f of fulls) for (const v of schoolNameVariants(f)) out.push({ name: v.name, kind: 'variant', note: `${v.note}，学校全称“${f}”` });
  for (const d of school.domains ?? []) {
    const label = d.replace(/^www\./, '').split('.')[0]!;
    if (/^[a-z]{4,}$/.test(label)) out.push({ name: label, kind: 'latin' });
  }
  if (school.englishName) {
    const words = school.englishName.split(/[^A-Za-z]+/).filter((w) => w && !/^(of|and|the|for|at|in)$/i.test(w));
    const ini = words.map((w) => w[0]!.toLowerCase()).join('');
    if (ini.length >= 4) out.push({ name: ini, kind: 'latin' });
  }
  return out;
}

/** The files of an index as written at build time: `manifest.json`, `<slice>.json`, `names.json`. */
export function verifyIndexFiles(index: VerifyIndex): Record<string, unknown> {
  const files: Record<string, unknown> = { 'manifest.json': index.manifest, 'names.json': index.names };
  for (const [id, s] of Object.entries(index.slices)) files[`${id}.json`] = s;
  return files;
}
