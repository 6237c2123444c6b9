/**
 * The verdict: "is this link, ID or name official?". Normalises the input, looks its keys up in
 * the verify index (only the slices it needs), screens names against registered and protected
 * names, and answers with one of nine verdicts plus Chinese advice. Pure and dependency-free: the
 * CLI (in-memory index) and the browser (fetched slices) run this same code.
 */
import { editDistance, explainDifference, nameForm, compareNames, usesProtectedName, describeProtectedUse, RESEMBLANCE_LABELS, type NameForm, type ProtectedUse, type Resemblance } from './names.ts';
import { normalizeInput, type KeyCandidate, type NormalizedInput } from './normalize.ts';
import { sliceOf, type IndexEntry, type IndexSource, type NamesSlice, type ProtectedName } from './verify-index.ts';

/** Every verdict, strongest match first. */
export const VERDICTS = ['official', 'dormant', 'same-name', 'suspended', 'pending', 'closed', 'impostor', 'risky', 'unregistered', 'unresolvable', 'ambiguous'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** The verdict card's headline for each verdict. */
export const VERDICT_LABELS: Record<Verdict, string> = {
  official: '是本校备案的官方账号',
  dormant: '是备案账号，但已停更（未注销）',
  'same-name': '同名，请核对账号ID',
  suspended: '是备案账号，但已暂停运行',
  pending: '已申请备案，尚未正式开通',
  closed: '已停办，现在不是官方账号',
  impostor: '已确认的冒用账号',
  risky: '未备案，疑似仿冒（高风险）',
  unregistered: '未找到：备案库中没有这个账号',
  unresolvable: '链接无法离线解析',
  ambiguous: '有多个可能的账号',
};

/** Chinese wording of entry statuses. */
export const ENTRY_STATUS_LABELS: Record<IndexEntry['status'], string> = {
  active: '正常运营',
  dormant: '停更未注销',
  suspended: '暂停运行',
  applied: '申请中',
  approved: '已批准待开通',
  closed: '已停办',
  impostor: '冒用账号',
};

/** The account in the JSON output. */
export interface AccountRef {
  id: string;
  name: string;
  platform: string;
  unit: string;
  status: string;
}

/** A similar official account (or a candidate when the verdict is ambiguous). */
export interface SimilarRef {
  id: string;
  name: string;
  reason: string;
}

/** The JSON output of `npm run verify -- --json`, exactly these fields. */
export interface VerifyJson {
  input: string;
  verdict: Verdict;
  platform: string | null;
  keys: string[];
  account: AccountRef | null;
  similar: SimilarRef[];
  advice: string;
}

/** A verdict with the detail the verdict card shows. */
export interface VerifyResult extends VerifyJson {
  /** The normalised input. */
  normalized: NormalizedInput;
  /** The matched entry (account or impostor), if one. */
  entry: IndexEntry | null;
  /** Candidates (ambiguous) or look-alike official accounts (risky), with entries for links. */
  related: Array<{ entry: IndexEntry; reason: string }>;
  /** Protected names the input uses (with what differs for a variant, and the unit's id). */
  protectedUses: Array<{ name: string; kind: ProtectedName['kind']; use: ProtectedUse; note?: string; unit?: string }>;
  /** What differs between the input and the name it imitates (“學”是繁体, 多了“官方” …). */
  differences: string[];
  /** How the match was made: by key (link or ID) or by name. */
  matchedBy: 'key' | 'name' | null;
  /** The impostor's imitated official account, when known. */
  imitated: IndexEntry | null;
}

/** Picks the exact JSON shape out of a result. */
export function toVerifyJson(r: VerifyResult): VerifyJson {
  return { input: r.input, verdict: r.verdict, platform: r.platform, keys: r.keys, account: r.account, similar: r.similar, advice: r.advice };
}

const entryKey = (e: IndexEntry) => `${e.t}:${e.id}`;

function accountRef(e: IndexEntry): AccountRef | null {
  if (e.t !== 'a') return null;
  return { id: e.id, name: e.name, platform: e.platform, unit: e.unit ?? '', status: e.status };
}

/** Who files the account: the lead unit, the co-running units. */
export function unitsText(e: IndexEntry): string {
  return e.coUnits?.length ? `${e.unitName ?? ''}（牵头）与${e.coUnits.map((u) => u.name).join('、')}联合` : (e.unitName ?? '');
}

/** Chinese advice for a matched entry. */
function entryAdvice(e: IndexEntry, imitated: IndexEntry | null): string {
  const who = `${unitsText(e)}备案的${e.platformLabel}账号“${e.name}”${e.operator ? `（由${e.operator}运营）` : ''}`;
  switch (e.status) {
    case 'active':
      return e.label ? `这是${who}，仍是备案账号，但目前${e.label}${e.reason ? `（${e.reason}）` : ''}。` : `这是${who}，正常运营。`;
    case 'dormant':
      return `这是${who}，自 ${e.dormantSince ?? '（日期未登记）'} 起停止更新，但没有注销${e.reason ? `（${e.reason}）` : ''}：它仍是学校的账号，但不再发布新内容。如果它突然发布信息、拉群或要求转账，请先向学校核实。`;
    case 'suspended':
      return `这是${who}，但目前暂停运行${e.reason ? `（${e.reason}）` : ''}：按管理办法不得继续运行，请暂勿将其发布的内容视为学校的正式信息。`;
    case 'applied':
      return `${who.replace('备案的', '申请开通的')}，尚在审批中，还没有正式开通；请以已开通的官方账号为准。`;
    case 'approved':
      return `${who.replace('备案的', '获批开通的')}，尚未正式开通；请以已开通的官方账号为准。`;
    case 'closed':
      return `这是${who}，已于 ${e.closed ?? '（日期未登记）'} 停办，现在不是官方账号。停办的账号可能被他人接手，请勿相信它发布的内容。`;
    case 'impostor':
      return `这是已确认的冒用账号“${e.name}”（${e.platformLabel}，${e.confirmed ?? ''} 确认）${imitated ? `，仿冒官方账号“${imitated.name}”` : ''}。请勿关注、转账或提供个人信息；如仍在活动，请举报。`;
  }
}

function verdictOf(e: IndexEntry): Verdict {
  switch (e.status) {
    case 'active':
      return 'official';
    case 'dormant':
      return 'dormant';
    case 'suspended':
      return 'suspended';
    case 'applied':
    case 'approved':
      return 'pending';
    case 'closed':
      return 'closed';
    case 'impostor':
      return 'impostor';
  }
}

/** Exact name comparison: same text apart from surrounding spaces, runs of spaces and ASCII case. */
function sameName(a: string, b: string): boolean {
  const f = (s: string) => s.trim().replace(/\s+/g, ' ').replace(/[A-Z]/g, (c) => c.toLowerCase());
  return f(a) === f(b);
}

const RESEMBLANCE_ORDER: Record<Resemblance, number> = { 'same-skeleton': 0, homophone: 1, 'near-homophone': 2, 'edit-distance': 3 };

interface NameScreen {
  exact: IndexEntry[];
  exactFormer: Array<{ entry: IndexEntry; name: string }>;
  similar: Array<{ entry: IndexEntry; reason: string; rank: number; resemblance: Resemblance; branded: boolean }>;
  protectedUses: VerifyResult['protectedUses'];
}

interface NameRow {
  entry: IndexEntry;
  form: NameForm;
  former: boolean;
  /** The name carries one of the school's names: a look-alike of it is an impersonation. */
  branded: boolean;
}

type ProtectedRow = ProtectedName & { form: NameForm };
const SCHOOL_KINDS = new Set<ProtectedName['kind']>(['school', 'short', 'variant', 'latin']);
const rowCache = new WeakMap<NamesSlice, { rows: NameRow[]; protected: ProtectedRow[] }>();

/**
 * How a name uses one protected name: contained (the school's short names from 2 characters, a
 * unit's from 3), contained by reading, its pinyin or initials in a Latin handle, a Latin
 * abbreviation inside the name (QCLG表白墙), or (the full name and its variants) a look-alike.
 */
function protectedUse(form: NameForm, p: ProtectedRow): ProtectedUse | null {
  if (p.kind === 'latin') return p.name.length >= 4 && form.skeleton.includes(p.name) ? 'contains' : null;
  const use = usesProtectedName(form, p.form, { minChars: p.kind === 'unit' ? 3 : 2, initials: p.kind !== 'unit' });
  // A short name read inside another name (重庆理工 holds “qing li gong”) is a coincidence unless
  // the name starts with it (清理工表白墙).
  if (use === 'contains-homophone' && p.form.loose.split(' ').length <= 3 && !`${form.loose} `.startsWith(`${p.form.loose} `)) return null;
  // A form the rulebook protects as a prefix (“曲师***”) is used only at the start of the name.
  if (use && p.prefix && !form.skeleton.startsWith(p.form.skeleton) && !`${form.loose} `.startsWith(`${p.form.loose} `)) return null;
  if (use) return use;
  if ((p.kind === 'school' || p.kind === 'variant') && Array.from(p.form.skeleton).length >= 4 && deceptive(form, p.form)) return 'resembles';
  return null;
}

/**
 * A resemblance that deceives rather than names another body: the same skeleton, the same or a
 * near reading, or a character added or dropped. One character replaced by an unrelated one
 * (四川理工学院, 青岛理工大学) is another school.
 */
function deceptive(a: NameForm, b: NameForm): Resemblance | null {
  const how = compareNames(a, b);
  if (how === 'edit-distance' && Array.from(a.skeleton).length === Array.from(b.skeleton).length) return null;
  return how;
}

/** The school's names used by a name, and (only with one of them) the units' names it uses. */
function protectedUsesOf(form: NameForm, prot: readonly ProtectedRow[]): VerifyResult['protectedUses'] {
  const school: VerifyResult['protectedUses'] = [];
  const units: VerifyResult['protectedUses'] = [];
  for (const p of prot) {
    const use = protectedUse(form, p);
    if (!use) continue;
    const u = { name: p.name, kind: p.kind, use, ...(p.note ? { note: p.note } : {}), ...(p.unit ? { unit: p.unit } : {}) };
    (SCHOOL_KINDS.has(p.kind) ? school : units).push(u);
  }
  // The most specific of the school's names first (青川理工大学 before 青川理工). A unit's name is
  // protected only together with the school's: another school's 图书馆 is not ours.
  school.sort((a, b) => Number(a.use !== 'contains') - Number(b.use !== 'contains') || Array.from(b.name).length - Array.from(a.name).length);
  return school.length ? [...school, ...units] : [];
}

/** The names of a names slice with their forms, computed once per slice with its own tables. */
function nameRows(ns: NamesSlice): { rows: NameRow[]; protected: ProtectedRow[] } {
  let c = rowCache.get(ns);
  if (!c) {
    const prot = ns.protected.map((p) => ({ ...p, form: nameForm(p.name, ns.tables) }));
    const schoolProt = prot.filter((p) => SCHOOL_KINDS.has(p.kind));
    const row = (entry: IndexEntry, name: string, former: boolean): NameRow => {
      const form = nameForm(name, ns.tables);
      return { entry, form, former, branded: schoolProt.some((p) => protectedUse(form, p) !== null) };
    };
    const rows: NameRow[] = ns.entries.map((entry) => row(entry, entry.name, false));
    for (const [e, name] of ns.former) rows.push(row(ns.entries[e]!, name, true));
    c = { rows, protected: prot };
    rowCache.set(ns, c);
  }
  return c;
}


/** Screens a name against every registered, former, impostor and protected name. */
function screenName(name: string, ns: NamesSlice, exactAllowed: boolean, raw = name): NameScreen {
  const form = nameForm(name, ns.tables);
  const out: NameScreen = { exact: [], exactFormer: [], similar: [], protectedUses: [] };
  const seen = new Set<string>();
  const { rows, protected: prot } = nameRows(ns);
  for (const { entry: e, form: rf, former, branded } of rows) {
    if (exactAllowed && sameName(rf.name, raw)) {
      if (former) out.exactFormer.push({ entry: e, name: rf.name });
      else if (!out.exact.includes(e)) out.exact.push(e);
      continue;
    }
    const how = compareNames(form, rf);
    if (!how) continue;
    const k = entryKey(e);
    // One character swapped for an unrelated one (四川理工学院 / 青川理工学院) is listed but not red.
    const isDeceptive = deceptive(form, rf) !== null;
    if (seen.has(k)) continue;
    seen.add(k);
    const reason = former ? `${RESEMBLANCE_LABELS[how]}（与曾用名“${rf.name}”）` : RESEMBLANCE_LABELS[how];
    out.similar.push({ entry: e, reason, rank: RESEMBLANCE_ORDER[how] * 100 + editDistance(form.skeleton, rf.skeleton), resemblance: how, branded: branded && isDeceptive });
  }
  // Exact matches are not also "similar"; closed and suspended accounts rank below live ones.
  out.similar = out.similar
    .filter((s) => !out.exact.includes(s.entry))
    .sort((a, b) => a.rank - b.rank || liveRank(a.entry) - liveRank(b.entry) || a.entry.id.localeCompare(b.entry.id));
  out.protectedUses = protectedUsesOf(form, prot);
  return out;
}

/** Live accounts first, then dormant, pending and suspended, then closed. */
function liveRank(e: IndexEntry): number {
  return e.status === 'active' ? 0 : e.status === 'closed' ? 2 : 1;
}

/** Whether the account is run by one of `units` (as lead or co-running unit). */
function inUnits(e: IndexEntry, units: ReadonlySet<string>): boolean {
  return (e.unit !== undefined && units.has(e.unit)) || (e.coUnits ?? []).some((u) => units.has(u.id));
}

const PROTECTED_KIND_LABELS: Record<ProtectedName['kind'], string> = {
  school: '学校名称',
  short: '学校简称',
  variant: '学校名称的变体',
  latin: '学校名称的拼音缩写',
  unit: '校内单位名称',
};

function protectedAdvice(uses: VerifyResult['protectedUses']): string {
  if (!uses.length) return '';
  // The first use is the strongest (school names come first); one unit name at most besides.
  const picked = [uses[0]!, ...uses.slice(1).filter((u) => u.kind === 'unit').slice(0, 1)];
  return `${picked.map((u) => `${describeProtectedUse(u.use, `${PROTECTED_KIND_LABELS[u.kind]}“${u.name}”`)}${u.note ? `（${u.note}）` : ''}`).join('，且')}。`;
}

/** "（抖音号：qclg_jsj）" for an entry with IDs on file, '' without. */
function idsText(e: IndexEntry): string {
  return e.ids?.length ? `（${e.ids.join('，')}）` : '';
}

const MAX_SIMILAR = 8;

/** Looks up keys in the slices they live in. Returns the entries found, each with the labels that matched. */
async function lookupKeys(keys: KeyCandidate[], source: IndexSource): Promise<Array<{ entry: IndexEntry; labels: string[] }>> {
  const bySlice = new Map<string, KeyCandidate[]>();
  for (const k of keys) {
    const id = sliceOf(k.key, source.manifest.prefix);
    const list = bySlice.get(id) ?? [];
    list.push(k);
    bySlice.set(id, list);
  }
  const found = new Map<string, { entry: IndexEntry; labels: string[] }>();
  const ids = [...bySlice.keys()].sort();
  const slices = await Promise.all(ids.map((id) => source.slice(id)));
  ids.forEach((id, i) => {
    const s = slices[i]!;
    for (const k of bySlice.get(id)!) {
      for (const at of s.keys[k.key] ?? []) {
        const e = s.entries[at]!;
        const hit = found.get(entryKey(e)) ?? { entry: e, labels: [] };
        if (!hit.labels.includes(k.label)) hit.labels.push(k.label);
        found.set(entryKey(e), hit);
      }
    }
  });
  return [...found.values()].sort((a, b) => (a.entry.t === b.entry.t ? a.entry.id.localeCompare(b.entry.id) : a.entry.t === 'a' ? -1 : 1));
}

/** Length of the common prefix of two strings (how alike two IDs look). */
function commonPrefix(a: string, b: string): number {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  return i;
}

/**
 * The official accounts to compare an unknown ID with: the live accounts on the input's platform
 * (or the platforms a bare ID could belong to), those of the unit the input's name points to
 * first, then those whose IDs look most like the input.
 */
function accountsToCompare(ns: NamesSlice, platforms: ReadonlySet<string>, units: ReadonlySet<string>, text: string): IndexEntry[] {
  const lower = text.toLowerCase();
  const idLike = (e: IndexEntry) => Math.max(0, ...(e.ids ?? []).map((x) => commonPrefix(x.slice(x.indexOf('：') + 1).toLowerCase(), lower)));
  // Sort keys computed once per entry, not once per comparison.
  return ns.entries
    .filter((e) => e.t === 'a' && e.status !== 'closed' && (platforms.has(e.platform) || inUnits(e, units)))
    .map((e) => ({ e, k: [Number(!inUnits(e, units)), Number(!platforms.has(e.platform)), liveRank(e), -idLike(e)] }))
    .sort((a, b) => a.k[0]! - b.k[0]! || a.k[1]! - b.k[1]! || a.k[2]! - b.k[2]! || a.k[3]! - b.k[3]! || a.e.id.localeCompare(b.e.id))
    .map((x) => x.e)
    .slice(0, MAX_SIMILAR);
}

/**
 * Answers "is this official?" for one pasted input (a link, share text, an ID or a name), reading
 * the verify index through `source`. The CLI and the browser both call this.
 *
 * Honest verdicts: red (`impostor`, `risky`) only for a confirmed impostor or a look-alike of a
 * protected name (the school's names, a school-branded account name) without an official match;
 * an unknown ID is `unregistered` ("未找到") with the official accounts to compare; a name-only
 * match is `same-name` with the official IDs to check; a link that cannot be read offline is
 * `unresolvable` with what to copy instead.
 */
export async function verifyInput(input: string, source: IndexSource): Promise<VerifyResult> {
  const n = normalizeInput(input);
  const result: VerifyResult = {
    input,
    verdict: 'unregistered',
    platform: n.platform,
    keys: n.keys.filter((k) => k.platform !== 'link').map((k) => k.key),
    account: null,
    similar: [],
    advice: '',
    normalized: n,
    entry: null,
    related: [],
    protectedUses: [],
    differences: [],
    matchedBy: null,
    imitated: null,
  };
  if (n.kind === 'empty') {
    result.advice = '请输入要核验的账号链接、分享文字、账号ID或名称。';
    return result;
  }
  const setRelated = (rel: Array<{ entry: IndexEntry; reason: string }>) => {
    result.related = rel;
    result.similar = rel.map((r) => ({ id: r.entry.id, name: r.entry.name, reason: r.reason }));
  };
  const setEntry = async (e: IndexEntry, by: 'key' | 'name') => {
    result.entry = e;
    result.matchedBy = by;
    result.verdict = verdictOf(e);
    result.platform = e.platform;
    result.account = accountRef(e);
    if (e.t === 'i' && e.imitates) {
      const ns = await source.names();
      result.imitated = ns.entries.find((x) => x.t === 'a' && x.id === e.imitates) ?? null;
      if (result.imitated) setRelated([{ entry: result.imitated, reason: `被仿冒的官方账号${idsText(result.imitated)}` }]);
    }
    result.advice = entryAdvice(e, result.imitated);
  };
  /** A name-only match: amber, with the account and its IDs to check. */
  const setSameName = (e: IndexEntry, where: string) => {
    result.verdict = 'same-name';
    result.entry = e;
    result.matchedBy = 'name';
    result.platform = e.platform;
    result.account = accountRef(e);
    const status = e.status === 'active' ? '' : `该账号${ENTRY_STATUS_LABELS[e.status]}${e.closed ? `（${e.closed}）` : ''}。`;
    const ids = e.ids?.length ? `请核对账号ID是否为 ${e.ids.join('，')}` : '该账号未登记账号ID，请核对主页链接';
    result.advice = `${where}与${unitsText(e)}备案的${e.platformLabel}账号“${e.name}”同名。${status}名称可以被他人照抄，同名不等于就是官方账号：${ids}，一致才是官方账号；也可以粘贴账号主页链接再核验。`;
  };
  const setAmbiguous = (cands: Array<{ entry: IndexEntry; reason: string }>, advice: string) => {
    result.verdict = 'ambiguous';
    setRelated(cands);
    result.advice = advice;
  };

  // 1. Keys (links and IDs): exact matches.
  if (n.keys.length) {
    const hits = await lookupKeys(n.keys, source);
    if (hits.length === 1) {
      await setEntry(hits[0]!.entry, 'key');
      if (n.kind === 'digits' || n.kind === 'handle') result.advice = `输入与${hits[0]!.labels.join('、')}一致。${result.advice}`;
      return result;
    }
    // One account on one platform filed twice over time (停办 then an impostor took it over, or
    // re-filed): the warning list wins, then the live filing, then the closed one.
    if (hits.length > 1 && new Set(hits.map((h) => h.entry.platform)).size === 1) {
      const rank = (e: IndexEntry) => (e.t === 'i' ? 0 : e.status === 'closed' ? 2 : 1);
      const sorted = [...hits].sort((a, b) => rank(a.entry) - rank(b.entry));
      if (rank(sorted[0]!.entry) < rank(sorted[1]!.entry)) {
        await setEntry(sorted[0]!.entry, 'key');
        const others = sorted.slice(1).map((h) => ({ entry: h.entry, reason: `同一标识的${ENTRY_STATUS_LABELS[h.entry.status]}备案` }));
        setRelated([...result.related, ...others]);
        return result;
      }
    }
    if (hits.length > 1) {
      const live = [...hits].sort((a, b) => liveRank(a.entry) - liveRank(b.entry));
      setAmbiguous(
        live.map((h) => ({ entry: h.entry, reason: `${h.labels.join('、')}一致（${ENTRY_STATUS_LABELS[h.entry.status]}）` })),
        `该${n.kind === 'digits' ? '数字' : '标识'}同时对应多个账号（不同平台的号码可能相同）。请确认你看到的是哪个平台的账号，再对照下面的候选核验；也可以粘贴账号主页链接。`,
      );
      return result;
    }
  }

  const ns = n.name || n.keys.length ? await source.names() : null;

  // 2. Unresolvable links (a registered short link would have matched above). A name carried by
  // the share text is checked first: the same name on the same platform is a name-only match.
  if (n.unresolvable) {
    result.verdict = 'unresolvable';
    result.platform = n.unresolvable.platform;
    result.advice = n.unresolvable.advice;
    if (n.name && ns) {
      const s = screenName(n.name, ns, true);
      const same = s.exact.filter((e) => e.platform === n.unresolvable!.platform && e.t === 'a');
      if (same.length === 1) {
        setSameName(same[0]!, '分享文字中的名称');
        result.advice += `（短链接本身无法离线展开：${n.unresolvable.advice}）`;
        return result;
      }
      setRelated(s.similar.slice(0, MAX_SIMILAR).map(({ entry, reason }) => ({ entry, reason: `${reason}${idsText(entry)}` })));
      result.protectedUses = s.protectedUses;
    }
    return result;
  }

  // 3. Names (a name, or a nickname / forum name carried by a link). A bare ID (handle, digits,
  // gh_/wx… IDs) is never screened into red: an unknown ID alone proves nothing.
  const isName = n.kind === 'name';
  const nameLike = isName || (n.kind === 'link' && !!n.name);
  if (n.name && ns && nameLike) {
    // Exact names are compared with the input as typed: hidden or full-width characters make a look-alike.
    const raw = isName ? input.trim().replace(/^[@＠]/, '') : n.name;
    const s = screenName(n.name, ns, true, raw);
    result.protectedUses = s.protectedUses;
    if (!isName) {
      // A nickname or forum name in a link (weibo.com/n/…, tieba kw): unique on its platform.
      const same = s.exact.filter((e) => e.platform === n.platform);
      if (same.length === 1) {
        await setEntry(same[0]!, 'name');
        return result;
      }
      for (const e of s.exact.filter((x) => x.platform !== n.platform && x.t === 'a'))
        s.similar.unshift({ entry: e, reason: `同名，但备案在${e.platformLabel}`, rank: -1, resemblance: 'same-skeleton', branded: true });
      s.exact = [];
      s.exactFormer = [];
    }
    const accounts = s.exact.filter((e) => e.t === 'a');
    const impostors = s.exact.filter((e) => e.t === 'i');
    if (isName && accounts.length === 1) {
      setSameName(accounts[0]!, '名称');
      // Impostors copy official names exactly: the one using this name is worth knowing about.
      if (impostors.length) {
        setRelated(impostors.map((e) => ({ entry: e, reason: `同名的已确认冒用账号（${e.platformLabel}）` })));
        result.advice += `注意：已确认的冒用账号${impostors.map((e) => `“${e.name}”（${e.platformLabel}）`).join('、')}也使用这个名称。`;
      }
      return result;
    }
    if (isName && accounts.length > 1) {
      const sorted = [...accounts].sort((a, b) => liveRank(a) - liveRank(b) || a.id.localeCompare(b.id));
      setAmbiguous(
        sorted.map((e) => ({ entry: e, reason: `同名（${e.platformLabel}，${ENTRY_STATUS_LABELS[e.status]}）${idsText(e)}` })),
        `有 ${accounts.length} 个备案账号使用这个名称（分布在不同平台）。名称可以被他人照抄：请确认账号所在的平台，并核对下面列出的账号ID，或粘贴主页链接核验。`,
      );
      return result;
    }
    if (isName && impostors.length && !accounts.length) {
      await setEntry(impostors[0]!, 'name');
      return result;
    }
    const sameAsImpostor = s.similar.find((x) => x.entry.t === 'i' && x.resemblance === 'same-skeleton');
    const officials = s.similar.filter((x) => x.entry.t === 'a');
    const former = s.exactFormer.filter((x) => !accounts.includes(x.entry));
    if (sameAsImpostor && !officials.some((x) => x.resemblance === 'same-skeleton')) {
      await setEntry(sameAsImpostor.entry, 'name');
      return result;
    }
    // Accounts of the unit the name points to (only with the school's name, see protectedUsesOf).
    const unitIds = new Set(s.protectedUses.flatMap((u) => (u.unit ? [u.unit] : [])));
    const ofUnit = unitIds.size ? ns.entries.filter((e) => e.t === 'a' && e.status !== 'closed' && inUnits(e, unitIds)) : [];
    const related = [
      ...former.map((f) => ({ entry: f.entry, reason: `曾用名（该账号现名“${f.entry.name}”）${idsText(f.entry)}` })),
      ...officials.map(({ entry, reason }) => ({ entry, reason: `${reason}${idsText(entry)}` })),
      ...ofUnit.filter((e) => !officials.some((o) => o.entry === e)).map((e) => ({ entry: e, reason: `名称所指单位“${e.unitName ?? ''}”的官方账号${idsText(e)}` })),
    ].slice(0, MAX_SIMILAR);
    // Red only for a look-alike of a protected name: the school's names, an account name that
    // carries them, or a former name (which someone else may now use).
    const brandedLookAlike = officials.filter((o) => o.branded);
    const red = s.protectedUses.length > 0 || brandedLookAlike.length > 0 || former.length > 0;
    const target = brandedLookAlike[0]?.entry.name ?? s.protectedUses[0]?.name ?? officials[0]?.entry.name;
    if (target) result.differences = explainDifference(raw, target, ns.tables);
    const diff = result.differences.length ? `（不同之处：${result.differences.join('；')}）` : '';
    if (red) {
      result.verdict = 'risky';
      setRelated(related);
      let adv = `${n.kind !== 'name' && n.keys.length ? '该账号标识' : '使用该名称的账号'}未在备案库中找到，但`;
      if (former.length) adv += `这是已更名账号的旧名称，现在可能被他人使用；`;
      if (brandedLookAlike.length) adv += `它与官方账号“${brandedLookAlike[0]!.entry.name}”相似（${brandedLookAlike[0]!.reason}）${diff}；`;
      else if (s.protectedUses.length) adv += `${protectedAdvice(s.protectedUses).replace(/。$/, '')}${diff}；`;
      if (brandedLookAlike.length && s.protectedUses.length) adv += protectedAdvice(s.protectedUses);
      result.advice = `${adv.replace(/；$/, '。')}这很可能是仿冒或未经批准的账号：请勿轻信，不要转账或提供个人信息；如确认冒用，请举报。`;
      return result;
    }
    if (related.length) {
      // Like an official name that does not carry the school's name (图书馆, 学生会): other schools
      // have the same; not an alarm, but worth comparing.
      result.verdict = 'unregistered';
      setRelated(related);
      result.advice = `未找到使用该名称的备案账号。它与本校官方账号“${officials[0]!.entry.name}”相似${diff}，但这类名称其他学校也在用，不能据此判断真假：如果它自称是本校的账号，请核对下面官方账号的ID，或粘贴账号主页链接再核验。`;
      return result;
    }
  }

  // 4. Not found: an unknown ID, link or name. Never "not official" by itself: list the official
  // accounts on the same platform (and of the unit the input names) to compare IDs with.
  result.verdict = 'unregistered';
  if (isName) {
    result.advice = '未找到使用该名称的备案账号，名称也与学校及校内单位名称不相似。如果它自称是本校的官方账号，请粘贴账号主页链接或账号ID再核验。';
    return result;
  }
  const platforms = new Set(n.platform ? [n.platform] : n.keys.map((k) => k.platform).filter((p) => p !== 'link'));
  const uses = n.name && ns ? screenName(n.name, ns, false).protectedUses : [];
  result.protectedUses = uses;
  if (ns && platforms.size) {
    const units = new Set(uses.flatMap((u) => (u.unit ? [u.unit] : [])));
    setRelated(accountsToCompare(ns, platforms, units, n.text).map((e) => ({ entry: e, reason: `${e.platformLabel}官方账号${idsText(e) || '（未登记账号ID）'}` })));
  }
  const where = n.platform ? `该${findPlatformLabel(n, result.related)}账号` : n.kind === 'link' ? '该链接' : '该账号ID';
  const latin = uses.find((u) => u.kind !== 'unit');
  let adv = `未找到：${where}未在本校新媒体备案库中登记。`;
  if (latin) adv += `它含有${PROTECTED_KIND_LABELS[latin.kind]}“${latin.name}”，但仅凭账号ID无法判断真假。`;
  adv += result.related.length
    ? '未登记不等于仿冒：请对照下面同平台官方账号的ID；不一致说明不是这些官方账号。如果它以学校或校内单位的名义发布信息，请举报。'
    : '未登记不等于仿冒；如果它以学校或校内单位的名义发布信息，请举报。';
  result.advice = adv;
  return result;
}

/** The platform's Chinese name for the advice (from a listed account, else the key label). */
function findPlatformLabel(n: NormalizedInput, related: ReadonlyArray<{ entry: IndexEntry }>): string {
  const r = related.find((x) => x.entry.platform === n.platform);
  if (r) return r.entry.platformLabel;
  const k = n.keys.find((x) => x.platform === n.platform);
  return k ? k.label.replace(/(UID|ID|号|链接|地址).*$/, '') || k.label : '';
}
