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
const same = (a: string, b: string) => norm(a) === norm(b);

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

/** How many accounts of one name a block compares each new name with (see `block`). */
const SAME_NAME_CAP = 16;

/**
 * Look-alike and similar names across units' accounts (see the module comment). With `only`, just
 * the pairs that involve those files are compared (validating one changed file). `memo` keeps
 * names' forms between runs: a form depends on its own name only (the tables hold each character's
 * simplified form and reading), so tables are built just for the names it lacks.
 */
export function checkAccountNames(reg: Registry, only?: ReadonlySet<string>, memo?: Map<string, NameForm>): Finding[] {
  const accts = reg.accounts;
  if (accts.length < 2) return [];
  const wanted = only ? new Set(accts.flatMap((a, i) => (only.has(a.file) ? [i] : []))) : undefined;
  if (wanted && wanted.size === 0) return [];
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
  const since = new Map<string, string>();
  for (const a of accts) {
    const k = norm(a.data.name);
    const d = nameDate(a);
    if (!since.has(k) || d < since.get(k)!) since.set(k, d);
  }
  const pairs = new Set<string>();
  // Blocking is bounded per name: a block keeps at most SAME_NAME_CAP accounts of each distinct
  // name, so 6,000 filings of one name make 6,000 × cap pairs, not 18 million (which overflowed a
  // Set). Every account is still paired with the first holders of each name it resembles, so each
  // one gets its finding; the message then counts at least the cap ("等至少 N 个账号").
  const block = (key: (f: NameForm) => string[]) => {
    const m = new Map<string, Map<string, number[]>>();
    forms.forEach((f, i) => {
      for (const k of key(f)) {
        let byName = m.get(k);
        if (!byName) m.set(k, (byName = new Map()));
        for (const list of byName.values()) {
          if (!wanted || wanted.has(i)) for (const j of list) pairs.add(j < i ? `${j},${i}` : `${i},${j}`);
          else for (const j of list) if (wanted.has(j)) pairs.add(`${j},${i}`);
        }
        const name = accts[i]!.data.name;
        const list = byName.get(name);
        if (!list) byName.set(name, [i]);
        else if (list.length < SAME_NAME_CAP) list.push(i);
        else if (wanted?.has(i)) list.push(i); // a file asked about is always compared with later ones
      }
    });
  };
  block((f) => (f.skeleton ? [f.skeleton] : []));
  block((f) => (Array.from(f.skeleton).length >= 2 ? [`py:${f.pinyin}`] : []));
  if (!wanted) block((f) => deletionKeys(f.skeleton).map((k) => `del:${k}`));
  else {
    // A few target names: scanning every other name once is cheaper than everyone's deletions.
    const chars = forms.map((f) => Array.from(f.skeleton));
    for (const i of wanted) {
      if (chars[i]!.length < 4) continue;
      chars.forEach((c, j) => {
        if (j !== i && c.length >= 4 && withinOneEdit(chars[i]!, c)) pairs.add(j < i ? `${j},${i}` : `${i},${j}`);
      });
    }
  }

  // One finding per (newer account, other name): the other accounts of that name are counted.
  const grouped = new Map<string, { newer: AccountFiling; older: AccountFiling[]; how: Resemblance }>();
  const sorted = [...pairs].map((p) => p.split(',').map(Number) as [number, number]).sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  for (const [i, j] of sorted) {
    const a = accts[i]!;
    const b = accts[j]!;
    if (a.data.unit === b.data.unit) continue; // a unit may name its own accounts alike
    if (a.data.status === 'closed' && b.data.status === 'closed') continue;
    // Same name on the same platform among live accounts is rules.ts's name/duplicate.
    if (a.data.platform === b.data.platform && same(a.data.name, b.data.name) && a.data.status === 'active' && b.data.status === 'active') continue;
    const how = compareNames(forms[i]!, forms[j]!, true);
    if (!how) continue;
    // The newer NAME is flagged: a name is as old as the first account that took it.
    const sa = since.get(norm(a.data.name))!;
    const sb = since.get(norm(b.data.name))!;
    const [newer, older] = sa > sb || (sa === sb && a.file > b.file) ? [a, b] : [b, a];
    const g = grouped.get(`${newer.file}\n${older.data.name}`);
    if (g) g.older.push(older);
    else grouped.set(`${newer.file}\n${older.data.name}`, { newer, older: [older], how });
  }
  const out: Finding[] = [];
  for (const { newer, older, how } of grouped.values()) {
    const pos = newer.pos.name ?? [1, 1];
    const lookAlike = how === 'same-skeleton';
    const files = older.map((o) => o.file).sort();
    const capped = files.length >= SAME_NAME_CAP;
    const other = `${files[0]}${files.length > 1 ? ` 等${capped ? '至少' : ''} ${files.length} 个账号` : ''}`;
    out.push({
      file: newer.file,
      line: pos[0],
      column: pos[1],
      field: 'name',
      code: lookAlike ? 'name/look-alike' : 'name/similar',
      message: lookAlike
        ? `名称“${newer.data.name}”与 ${other} 的“${older[0]!.data.name}”${RESEMBLANCE_LABELS[how]}，公众无法区分，也会被当成仿冒账号；请改用能区分的名称`
        : `名称“${newer.data.name}”与 ${other} 的“${older[0]!.data.name}”相似（${RESEMBLANCE_LABELS[how]}），请确认不会混淆`,
      severity: lookAlike ? 'error' : 'warning',
    });
  }
  return out;
}
