/**
 * Private contact data typed into public text. Staff phones and emails belong in a filing's
 * private contact fields (contacts …); a phone, mobile or email in any field the public site shows
 * would be published to pages, open data, the feed and the search index. The public fields are
 * not listed here: they are read off the public projection itself (src/domain/public.ts), so a
 * field added to the projection is checked from the day it is published.
 */
import type { FilingKind } from './filing.ts';
import { toPublicAccount, toPublicImpostor, toPublicPolicy, toPublicUnit } from './public.ts';
import type { Account } from './schema/account.ts';
import type { Impostor } from './schema/impostor.ts';
import type { Policy } from './schema/policy.ts';
import type { Unit } from './schema/unit.ts';
import { CONTACT_KIND_LABELS, findContactLike, type ContactKind } from './text.ts';

type Path = Array<string | number>;

/**
 * Projected fields that are not free text, or are public contact data on purpose: a filing's
 * keys and link are identifiers checked by their own rules (a QQ number or a UID may look like a
 * mobile), the description is checked line by line on its own (see `findContactLines`), and the
 * office's report email is published by design (the policy's 举报邮箱).
 */
const EXEMPT = new Set(['keys', 'link', 'descriptionHtml', 'office.reportEmail']);

export interface ContactInPublicText {
  /** The filing's own field path (e.g. `closure.reason`, `history[0].summary`). */
  path: Path;
  kind: ContactKind;
}

/** The public projection of one filing, as the site would publish it; undefined for kinds never published. */
function projection(kind: FilingKind, data: unknown): unknown {
  const none = new Map();
  switch (kind) {
    case 'account':
      return toPublicAccount(data as Account, '', { unitNames: none, tierNames: none });
    case 'unit':
      return toPublicUnit(data as Unit);
    case 'impostor':
      return toPublicImpostor(data as Impostor, none);
    case 'policy':
      return toPublicPolicy(data as Policy);
    default:
      // Reviews (only year and result reach the site), push lists, work groups (never public) and
      // pages (the office's own documents).
      return undefined;
  }
}

function strings(value: unknown, path: Path, out: Array<[Path, string]>): void {
  // Iterative: projections are shallow, but the walk must never depend on input depth.
  const stack: Array<[unknown, Path]> = [[value, path]];
  while (stack.length > 0) {
    const [v, p] = stack.pop()!;
    if (typeof v === 'string') out.push([p, v]);
    else if (Array.isArray(v)) v.forEach((x, i) => stack.push([x, [...p, i]]));
    else if (v && typeof v === 'object') for (const [k, x] of Object.entries(v)) stack.push([x, [...p, k]]);
  }
}

const dotted = (p: Path) => p.filter((x) => typeof x === 'string').join('.');

/** Phones, mobiles and emails in the public fields of a filing's data (body excluded). */
export function findContactsInPublicFields(kind: FilingKind, data: unknown): ContactInPublicText[] {
  const projected = projection(kind, data);
  if (projected === undefined) return [];
  const shown: Array<[Path, string]> = [];
  strings(projected, [], shown);
  let source: Array<[Path, string]> | undefined;
  const out: ContactInPublicText[] = [];
  for (const [p, text] of shown) {
    if (EXEMPT.has(String(p[0])) || EXEMPT.has(dotted(p))) continue;
    const hits = findContactLike(text);
    if (hits.length === 0) continue;
    // Point at the filing's own field holding that text: the one of the same name, else the first.
    if (!source) strings(data, [], (source = []));
    const same = source.filter(([, v]) => v === text);
    const last = [...p].reverse().find((x) => typeof x === 'string');
    const at = same.find(([sp]) => [...sp].reverse().find((x) => typeof x === 'string') === last) ?? same[0];
    out.push({ path: at ? at[0] : p, kind: hits[0]!.kind });
  }
  return out;
}

/** Phones, mobiles and emails in a Markdown body: 0-based line and the kind, outside link targets. */
export function findContactLines(body: string): Array<{ line: number; column: number; kind: ContactKind }> {
  const out: Array<{ line: number; column: number; kind: ContactKind }> = [];
  body.split('\n').forEach((raw, i) => {
    // Link targets are checked as links (and may hold ids with digits): blank them, keep columns.
    const line = raw.replace(/(?:https?|mailto|tel):[^\s)>\]]*/gi, (m) => (/^(?:mailto|tel):/i.test(m) ? m : ' '.repeat(m.length)));
    const hit = findContactLike(line.replace(/^mailto:|^tel:/gi, ''))[0];
    if (hit) out.push({ line: i, column: hit.index + 1, kind: hit.kind });
  });
  return out;
}

/** The Chinese finding message: what kind was found where, never the value. */
export function contactMessage(kind: ContactKind, where: string): string {
  return `${where}中像是写了${CONTACT_KIND_LABELS[kind]}：这是公开内容，会发布到网站、开放数据和搜索中。个人的电话和邮箱请只填在联系人（contacts）的对应字段里，这里请删除`;
}
