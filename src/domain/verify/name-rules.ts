/**
 * The validator's look-alike rule: an account whose name has the same skeleton as another unit's
 * account is an error (`name/look-alike`); one that reads the same or differs by one character is
 * a warning (`name/similar`). The finding goes on the newer name (new or renamed account) and
 * names the other file. Pure; candidate pairs are found through hash blocking, not all pairs, so
 * 10,000 accounts stay fast.
 */
import type { AccountFiling } from '../filing.ts';
import type { Finding } from '../findings.ts';
import type { Registry } from '../registry.ts';
import { compareNames, nameForm, RESEMBLANCE_LABELS, type NameForm, type Resemblance } from './names.ts';
import { buildNameTables } from './tables.ts';

/** When the account took its current name: its last rename, else its filing or opening date. */
function nameDate(a: AccountFiling): string {
  const d = a.data;
  const renames = d.history.filter((h) => h.kind === 'rename').map((h) => h.date).sort();
  if (renames.length) return renames.at(-1)!;
  return [d.dates.opened, d.dates.applied, d.approval?.date].find((x): x is string => !!x) ?? '';
}

const norm = (s: string) => s.normalize('NFKC').toLowerCase().replace(/\s+/g, '');

/** Keys under which two names within one edit of each other meet: the skeleton and its one-deletions. */
function deletionKeys(s: string): string[] {
  const cs = Array.from(s);
  if (cs.length < 4) return [];
  const out = new Set<string>([s]);
  for (let i = 0; i < cs.length; i++) out.add(cs.slice(0, i).join('') + cs.slice(i + 1).join(''));
  return [...out];
}

/** True when `a` and `b` differ by at most one inserted, deleted or replaced character. */
function withinOneEdit(a: string[], b: string[]): boolean {
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  let j = 0;
  let edits = 0;
  while (i < a.length && j < b.length) {
    if (a[i] === b[j]) {
      i++;
      j++;
      continue;
    }
    if (++edits > 1) return false;
    if (a.length > b.length) i++;
    else if (b.length > a.length) j++;
    else {
      i++;
      j++;
    }
  }
  return edits + (a.length - i) + (b.length - j) <= 1;
}

/*
 * Bounds (issue 13.4: a unit that files thousands of look-alike names must not stop the validator).
 * Names meet under blocking keys (skeleton, pinyin, one-deletions). A block keeps at most
 * BLOCK_UNIT_CAP accounts of one unit and BLOCK_CAP in all, so one unit that floods a key cannot
 * crowd the other units out of it ("blocked per unit"); each account is compared with at most
 * CANDIDATE_CAP accounts of other units, so the work is at most accounts × CANDIDATE_CAP. Accounts of
 * its own unit are never candidates (a unit may name its own accounts alike). When a cap left
 * accounts out, the message counts "至少".
 */
const BLOCK_UNIT_CAP = 16;
const BLOCK_CAP = 128;
const CANDIDATE_CAP = 64;
/** Name findings listed per file; the last one says how many more were left out. */
const FINDINGS_PER_FILE = 5;
/** Above this many (changed files × accounts), validating changed files uses the bounded blocks too. */
const DIRECT_SCAN_LIMIT = 2_000_000;

interface Block {
  members: number[];
  perUnit: Map<string, number>;
  /** Some account of this key was left out of `members`. */
  overflow: boolean;
}

/**
 * Look-alike and similar names across units' accounts (see the module comment). With `only`, just
 * the pairs that involve those files are compared (validating one changed file): each of those is
 * compared with every account directly. `memo` keeps names' forms between runs: a form depends on
 * its own name only (the tables hold each character's simplified form and reading), so tables are
 * built just for the names it lacks.
 */
export function checkAccountNames(reg: Registry, only?: ReadonlySet<string>, memo?: Map<string, NameForm>): Finding[] {
  const accts = reg.accounts;
  if (accts.length < 2) return [];
  const wanted = only ? accts.flatMap((a, i) => (only.has(a.file) ? [i] : [])) : undefined;
  if (wanted && wanted.length === 0) return [];
  const missing = [...new Set(accts.map((a) => a.data.name).filter((n) => !memo?.has(n)))];
  const tables = missing.length ? buildNameTables(missing) : undefined;
  const forms: NameForm[] = accts.map((a) => {
    let f = memo?.get(a.data.name);
    if (!f) {
      f = nameForm(a.data.name, tables);
      memo?.set(a.data.name, f);
    }
    return f;
  });
  const normed = accts.map((a) => norm(a.data.name));
  // Numbers for names, so memo and grouping keys are numbers, not strings (floods make 10⁵ pairs).
  const nameIds = new Map<string, number>();
  const nameId = accts.map((a) => {
    let id = nameIds.get(a.data.name);
    if (id === undefined) nameIds.set(a.data.name, (id = nameIds.size));
    return id;
  });
  const names = nameIds.size;
  const since = new Map<string, string>();
  accts.forEach((a, i) => {
    const d = nameDate(a);
    const k = normed[i]!;
    if (!since.has(k) || d < since.get(k)!) since.set(k, d);
  });
  const unitOf = (i: number) => accts[i]!.data.unit;
  const chars = forms.map((f) => Array.from(f.skeleton));
  /** Candidate pairs [lower index, higher index], each once, and the accounts whose candidates a cap cut short. */
  const pairs: Array<[number, number]> = [];
  const truncated = new Set<number>();

  if (wanted && wanted.length * accts.length <= DIRECT_SCAN_LIMIT) {
    // A few changed files: compare each with every account of another unit (exact, no caps).
    const isWanted = new Set(wanted);
    for (const i of wanted) {
      const f = forms[i]!;
      forms.forEach((g, j) => {
        if (j === i || unitOf(j) === unitOf(i) || (isWanted.has(j) && j < i)) return;
        const meet =
          (f.skeleton !== '' && g.skeleton === f.skeleton) ||
          (chars[i]!.length >= 2 && chars[j]!.length >= 2 && g.pinyin === f.pinyin) ||
          (chars[i]!.length >= 4 && chars[j]!.length >= 4 && withinOneEdit(chars[i]!, chars[j]!));
        if (meet) pairs.push(j < i ? [j, i] : [i, j]);
      });
    }
  } else {
    const keep = wanted ? new Set(wanted) : undefined;
    const blocks = new Map<string, Block>();
    for (let i = 0; i < accts.length; i++) {
      const f = forms[i]!;
      const keys: string[] = [];
      if (f.skeleton) keys.push(f.skeleton);
      if (chars[i]!.length >= 2) keys.push(`py:${f.pinyin}`);
      for (const k of deletionKeys(f.skeleton)) keys.push(`del:${k}`);
      const cands = new Set<number>();
      const unit = unitOf(i);
      for (const k of keys) {
        let b = blocks.get(k);
        if (!b) blocks.set(k, (b = { members: [], perUnit: new Map(), overflow: false }));
        if (b.overflow) truncated.add(i);
        for (const j of b.members) {
          if (unitOf(j) === unit || cands.has(j)) continue;
          if (cands.size >= CANDIDATE_CAP) {
            truncated.add(i);
            break;
          }
          cands.add(j);
        }
        const n = b.perUnit.get(unit) ?? 0;
        if (n < BLOCK_UNIT_CAP && b.members.length < BLOCK_CAP) {
          b.members.push(i);
          b.perUnit.set(unit, n + 1);
        } else b.overflow = true;
      }
      for (const j of [...cands].sort((x, y) => x - y)) if (!keep || keep.has(i) || keep.has(j)) pairs.push([j, i]);
    }
  }
  pairs.sort((x, y) => x[0] - y[0] || x[1] - y[1]);

  // One finding per (newer account, other name): the other accounts of that name are counted.
  const grouped = new Map<number, { newer: AccountFiling; older: AccountFiling[]; how: Resemblance; cut: boolean }>();
  const compared = new Map<number, Resemblance | null>();
  for (const [i, j] of pairs) {
    const a = accts[i]!;
    const b = accts[j]!;
    if (a.data.status === 'closed' && b.data.status === 'closed') continue;
    // Same name on the same platform among live accounts is rules.ts's name/duplicate.
    if (a.data.platform === b.data.platform && normed[i] === normed[j] && a.data.status === 'active' && b.data.status === 'active') continue;
    const memoKey = nameId[i]! * names + nameId[j]!;
    let how = compared.get(memoKey);
    if (how === undefined) compared.set(memoKey, (how = compareNames(forms[i]!, forms[j]!, true)));
    if (!how) continue;
    // The newer NAME is flagged: a name is as old as the first account that took it.
    const sa = since.get(normed[i]!)!;
    const sb = since.get(normed[j]!)!;
    const aNewer = sa > sb || (sa === sb && a.file > b.file);
    const [newer, older] = aNewer ? [a, b] : [b, a];
    const groupKey = aNewer ? i * names + nameId[j]! : j * names + nameId[i]!;
    const cut = truncated.has(i) || truncated.has(j);
    const g = grouped.get(groupKey);
    if (g) {
      g.older.push(older);
      g.cut ||= cut;
    } else grouped.set(groupKey, { newer, older: [older], how, cut });
  }
  const byFile = new Map<string, Array<{ newer: AccountFiling; older: AccountFiling[]; how: Resemblance; cut: boolean }>>();
  for (const g of grouped.values()) {
    const list = byFile.get(g.newer.file);
    if (list) list.push(g);
    else byFile.set(g.newer.file, [g]);
  }
  const out: Finding[] = [];
  for (const groups of byFile.values()) {
    // Look-alikes (errors) before similar names, then in the order found.
    const sorted = groups.map((g, n) => ({ g, n })).sort((x, y) => Number(x.g.how !== 'same-skeleton') - Number(y.g.how !== 'same-skeleton') || x.n - y.n);
    const shown = sorted.slice(0, FINDINGS_PER_FILE);
    const left = sorted.length - shown.length;
    shown.forEach(({ g: { newer, older, how, cut } }, n) => {
      const pos = newer.pos.name ?? [1, 1];
      const lookAlike = how === 'same-skeleton';
      const files = older.map((o) => o.file).sort();
      const other = `${files[0]}${files.length > 1 || cut ? ` 等${cut ? '至少' : ''} ${files.length} 个账号` : ''}`;
      const more = left > 0 && n === shown.length - 1 ? `（另有至少 ${left} 个相近名称未逐一列出）` : '';
      out.push({
        file: newer.file,
        line: pos[0],
        column: pos[1],
        field: 'name',
        code: lookAlike ? 'name/look-alike' : 'name/similar',
        message: lookAlike
          ? `名称“${newer.data.name}”与 ${other} 的“${older[0]!.data.name}”${RESEMBLANCE_LABELS[how]}，公众无法区分，也会被当成仿冒账号；请改用能区分的名称${more}`
          : `名称“${newer.data.name}”与 ${other} 的“${older[0]!.data.name}”相似（${RESEMBLANCE_LABELS[how]}），请确认不会混淆${more}`,
        severity: lookAlike ? 'error' : 'warning',
      });
    });
  }
  return out;
}
