/**
 * The verdict: "is this link, ID or name official?". Normalises the input, looks its keys up in
 * the verify index (only the slices it needs), screens names against registered and protected
 * names, and answers with one of nine verdicts plus Chinese advice. Pure and dependency-free: the
 * CLI (in-memory index) and the browser (fetched slices) run this same code.
 */
import { editDistance, nameForm, compareNames, usesProtectedName, describeProtectedUse, RESEMBLANCE_LABELS, type NameForm, type ProtectedUse, type Resemblance } from './names.ts';
import { normalizeInput, type KeyCandidate, type NormalizedInput } from './normalize.ts';
import { sliceOf, type IndexEntry, type IndexSource, type NamesSlice, type ProtectedName } from './verify-index.ts';

/** Every verdict, strongest match first. */
export const VERDICTS = ['official', 'suspended', 'pending', 'closed', 'impostor', 'risky', 'unregistered', 'unresolvable', 'ambiguous'] as const;
export type Verdict = (typeof VERDICTS)[number];

/** The verdict card's headline for each verdict. */
export const VERDICT_LABELS: Record<Verdict, string> = {
  official: '是本校备案的官方账号',
  suspended: '是备案账号，但已暂停运行',
  pending: '已申请备案，尚未正式开通',
  closed: '已停办，现在不是官方账号',
  impostor: '已确认的冒用账号',
  risky: '未备案，疑似仿冒（高风险）',
  unregistered: '未在备案库中找到',
  unresolvable: '链接无法离线解析',
  ambiguous: '有多个可能的账号',
};

/** Chinese wording of entry statuses. */
export const ENTRY_STATUS_LABELS: Record<IndexEntry['status'], string> = {
  active: '正常运营',
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
  /** Protected names the input uses. */
  protectedUses: Array<{ name: string; kind: ProtectedName['kind']; use: ProtectedUse }>;
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

/** Chinese advice for a matched entry. */
function entryAdvice(e: IndexEntry, imitated: IndexEntry | null): string {
  const who = `${e.unitName ?? ''}备案的${e.platformLabel}账号“${e.name}”`;
  switch (e.status) {
    case 'active':
      return e.label ? `这是${who}，仍是备案账号，但目前${e.label}${e.reason ? `（${e.reason}）` : ''}。` : `这是${who}，正常运营。`;
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
  similar: Array<{ entry: IndexEntry; reason: string; rank: number; resemblance: Resemblance }>;
  protectedUses: VerifyResult['protectedUses'];
}

interface NameRow {
  entry: IndexEntry;
  form: NameForm;
  former: boolean;
}

const rowCache = new WeakMap<NamesSlice, { rows: NameRow[]; protected: Array<ProtectedName & { form: NameForm }> }>();

/** The names of a names slice with their forms, computed once per slice with its own tables. */
function nameRows(ns: NamesSlice): { rows: NameRow[]; protected: Array<ProtectedName & { form: NameForm }> } {
  let c = rowCache.get(ns);
  if (!c) {
    const rows: NameRow[] = ns.entries.map((entry) => ({ entry, form: nameForm(entry.name, ns.tables), former: false }));
    for (const [e, name] of ns.former) rows.push({ entry: ns.entries[e]!, form: nameForm(name, ns.tables), former: true });
    c = { rows, protected: ns.protected.map((p) => ({ ...p, form: nameForm(p.name, ns.tables) })) };
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
  for (const { entry: e, form: rf, former } of rows) {
    const r = { name: rf.name, skeleton: rf.skeleton, former };
    if (exactAllowed && sameName(r.name, raw)) {
      if (r.former) out.exactFormer.push({ entry: e, name: r.name });
      else if (!out.exact.includes(e)) out.exact.push(e);
      continue;
    }
    const how = compareNames(form, rf);
    if (!how) continue;
    const k = entryKey(e);
    if (seen.has(k)) continue;
    seen.add(k);
    const reason = r.former ? `${RESEMBLANCE_LABELS[how]}（与曾用名“${r.name}”）` : RESEMBLANCE_LABELS[how];
    out.similar.push({ entry: e, reason, rank: RESEMBLANCE_ORDER[how] * 100 + editDistance(form.skeleton, r.skeleton), resemblance: how });
  }
  // Exact matches are not also "similar".
  const live = (e: IndexEntry) => (e.status === 'active' ? 0 : e.status === 'closed' ? 2 : 1);
  out.similar = out.similar
    .filter((s) => !out.exact.includes(s.entry))
    .sort((a, b) => a.rank - b.rank || live(a.entry) - live(b.entry) || a.entry.id.localeCompare(b.entry.id));
  for (const p of prot) {
    const use = usesProtectedName(form, p.form, { minChars: p.kind === 'unit' ? 3 : 2, initials: p.kind !== 'unit' });
    if (use) out.protectedUses.push({ name: p.name, kind: p.kind, use });
  }
  return out;
}

function protectedAdvice(uses: VerifyResult['protectedUses']): string {
  if (!uses.length) return '';
  const kinds = { school: '学校名称', short: '学校简称', unit: '校内单位名称' };
  // The first use is the strongest (school names come first); one more of another kind at most.
  const picked = [uses[0]!, ...uses.slice(1).filter((u) => u.kind === 'unit' && uses[0]!.kind !== 'unit').slice(0, 1)];
  return `${picked.map((u) => describeProtectedUse(u.use, `${kinds[u.kind]}“${u.name}”`)).join('；')}。`;
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

/**
 * Answers "is this official?" for one pasted input (a link, share text, an ID or a name), reading
 * the verify index through `source`. The CLI and the browser both call this.
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
    matchedBy: null,
    imitated: null,
  };
  if (n.kind === 'empty') {
    result.advice = '请输入要核验的账号链接、分享文字、账号ID或名称。';
    return result;
  }
  const setEntry = async (e: IndexEntry, by: 'key' | 'name') => {
    result.entry = e;
    result.matchedBy = by;
    result.verdict = verdictOf(e);
    result.platform = e.platform;
    result.account = accountRef(e);
    if (e.t === 'i' && e.imitates) {
      const ns = await source.names();
      result.imitated = ns.entries.find((x) => x.t === 'a' && x.id === e.imitates) ?? null;
      if (result.imitated) {
        result.related = [{ entry: result.imitated, reason: '被仿冒的官方账号' }];
        result.similar = [{ id: result.imitated.id, name: result.imitated.name, reason: '被仿冒的官方账号' }];
      }
    }
    result.advice = entryAdvice(e, result.imitated);
  };
  const setAmbiguous = (cands: Array<{ entry: IndexEntry; reason: string }>, advice: string) => {
    result.verdict = 'ambiguous';
    result.related = cands;
    result.similar = cands.map((c) => ({ id: c.entry.id, name: c.entry.name, reason: c.reason }));
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
        result.related = [...result.related, ...others];
        result.similar = [...result.similar, ...others.map((o) => ({ id: o.entry.id, name: o.entry.name, reason: o.reason }))];
        return result;
      }
    }
    if (hits.length > 1) {
      setAmbiguous(
        hits.map((h) => ({ entry: h.entry, reason: `${h.labels.join('、')}一致（${ENTRY_STATUS_LABELS[h.entry.status]}）` })),
        `该${n.kind === 'digits' ? '数字' : '标识'}同时对应多个账号（不同平台的号码可能相同）。请确认你看到的是哪个平台的账号，再对照下面的候选核验；也可以粘贴账号主页链接。`,
      );
      return result;
    }
  }

  // 2. Unresolvable links (a registered short link would have matched above).
  if (n.unresolvable) {
    result.verdict = 'unresolvable';
    result.platform = n.unresolvable.platform;
    result.advice = n.unresolvable.advice;
    if (n.name) {
      const ns = await source.names();
      const s = screenName(n.name, ns, false);
      result.related = s.similar.slice(0, MAX_SIMILAR).map(({ entry, reason }) => ({ entry, reason }));
      result.similar = result.related.map((r) => ({ id: r.entry.id, name: r.entry.name, reason: r.reason }));
      result.protectedUses = s.protectedUses;
    }
    return result;
  }

  // 3. Names (a name, or a nickname / forum name / handle carried by the input).
  const isName = n.kind === 'name';
  if (n.name) {
    const ns = await source.names();
    // Exact names are compared with the input as typed: hidden or full-width characters make a look-alike.
    const raw = isName ? input.trim().replace(/^[@＠]/, '') : n.name;
    const s = screenName(n.name, ns, isName || n.kind === 'link', raw);
    result.protectedUses = s.protectedUses;
    if (!isName) {
      // A nickname or forum name in a link (weibo.com/n/…, tieba kw): unique on its platform.
      const same = s.exact.filter((e) => e.platform === n.platform);
      if (same.length === 1) {
        await setEntry(same[0]!, 'name');
        return result;
      }
      for (const e of s.exact.filter((x) => x.platform !== n.platform && x.t === 'a'))
        s.similar.unshift({ entry: e, reason: `同名，但备案在${e.platformLabel}`, rank: -1, resemblance: 'same-skeleton' });
      s.exact = [];
      s.exactFormer = [];
    }
    const accounts = s.exact.filter((e) => e.t === 'a');
    const impostors = s.exact.filter((e) => e.t === 'i');
    if (isName && accounts.length === 1 && impostors.length === 0) {
      await setEntry(accounts[0]!, 'name');
      result.advice = `${result.advice}（按名称核对：名称相同不等于就是该账号，冒用者可能使用同样的名称，请再核对账号ID或主页链接。）`;
      return result;
    }
    if (isName && accounts.length > 1) {
      setAmbiguous(
        accounts.map((e) => ({ entry: e, reason: `同名（${e.platformLabel}，${ENTRY_STATUS_LABELS[e.status]}）` })),
        `有 ${accounts.length} 个备案账号使用这个名称（分布在不同平台）。请确认账号所在的平台，并用账号ID或主页链接核验。`,
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
    const related = [
      ...former.map((f) => ({ entry: f.entry, reason: `曾用名（该账号现名“${f.entry.name}”）` })),
      ...officials.map(({ entry, reason }) => ({ entry, reason })),
    ].slice(0, MAX_SIMILAR);
    if (related.length || s.protectedUses.length) {
      result.verdict = 'risky';
      result.related = related;
      result.similar = related.map((r) => ({ id: r.entry.id, name: r.entry.name, reason: r.reason }));
      const bits: string[] = [];
      if (n.kind !== 'name' && n.keys.length) bits.push('该账号标识未在备案库中找到');
      else bits.push('未找到使用该名称的备案账号');
      let adv = `${bits.join('')}，但`;
      if (isName && /[\p{Default_Ignorable_Code_Point}\uff01-\uff5e]/u.test(input)) adv += '名称中含有不可见字符或全角字符；';
      if (former.length) adv += `这是已更名账号的旧名称，现在可能被他人使用；`;
      if (officials.length) adv += `它与官方账号“${officials[0]!.entry.name}”相似（${officials[0]!.reason}）；`;
      if (s.protectedUses.length) adv += protectedAdvice(s.protectedUses);
      result.advice = `${adv.replace(/；$/, '。')}这很可能是仿冒或未经批准的账号：请勿轻信，不要转账或提供个人信息；如确认冒用，请举报。`;
      return result;
    }
  }

  result.verdict = 'unregistered';
  result.advice =
    n.kind === 'name'
      ? '未找到使用该名称的备案账号，也未发现与学校或校内单位名称相似。它不是本校备案的官方账号；如有疑问，请粘贴账号主页链接或账号ID再核验。'
      : '该账号未在本校新媒体备案库中登记，不是本校备案的官方账号。如果它以学校或校内单位的名义发布信息，请举报。';
  return result;
}

