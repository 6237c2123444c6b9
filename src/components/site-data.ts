/**
 * The site's data, loaded once per build: reads the content collections (filled by the one
 * registry loader), and projects them through src/domain/public.ts. Pages import `getSite()` and
 * never touch a raw record. Also holds the site's URL helpers and list paging.
 */
import { getCollection } from 'astro:content';
import QRCode from 'qrcode';
import { beijingDate } from '../domain/dates.ts';
import {
  buildPublicSiteOn,
  countAccounts,
  searchFacets,
  unitTree,
  type Count,
  type PublicAccount,
  type PublicSite,
  type SearchFacets,
  type SiteInput,
  type UnitNode,
} from '../domain/public.ts';
import { url } from './links.ts';

/** Accounts per page in the server-rendered lists. */
export const PAGE_SIZE = 50;

let site: Promise<PublicSite> | undefined;

/** The day statuses are computed for: $REGISTRY_TODAY (tests, reproducible builds) or today in Beijing. */
export function siteToday(): string {
  return process.env.REGISTRY_TODAY ?? beijingDate(new Date());
}


/** The public site data (memoised for the whole build). */
export function getSite(): Promise<PublicSite> {
  site ??= (async () => {
    const [policy] = await getCollection('policy');
    if (!policy) throw new Error('登记数据缺少 policy.yaml，无法生成网站');
    const [units, accounts, reviews, impostors] = await Promise.all([
      getCollection('units'),
      getCollection('accounts'),
      getCollection('reviews'),
      getCollection('impostors'),
    ]);
    const input: SiteInput = {
      policy: policy.data,
      units: units.map((u) => u.data),
      accounts: accounts.map((a) => ({ data: a.data, html: a.rendered?.html ?? '' })),
      reviews: reviews.map((r) => ({ account: r.data.account, year: r.data.year, submitted: r.data.submitted, result: r.data.result })),
      impostors: impostors.map((i) => i.data),
    };
    const today = siteToday();
    return buildPublicSiteOn(input, today);
  })();
  return site;
}

let overview: Promise<Overview> | undefined;

export interface Overview {
  counts: { platform: Count[]; tier: Count[]; state: Count[] };
  tree: UnitNode[];
  facets: SearchFacets;
}

/** Counts, the unit tree and the search facets, computed once per build (every list page shows them). */
export function getOverview(): Promise<Overview> {
  overview ??= getSite().then((s) => ({ counts: countAccounts(s.accounts), tree: unitTree(s.units, s.accounts), facets: searchFacets(s.accounts) }));
  return overview;
}

let officePages: Promise<Array<{ id: string; title: string }>> | undefined;

/** The office's pages (content/pages) for navigation, in their `order`; read once per build. */
export function getOfficePages(): Promise<Array<{ id: string; title: string }>> {
  officePages ??= getCollection('pages').then((pages) =>
    pages
      .sort((a, b) => a.data.order - b.data.order || a.id.localeCompare(b.id))
      .map((p) => ({ id: p.id, title: p.data.title })),
  );
  return officePages;
}

/** Site-relative paths of the site's pages (pass through `url()` for links). */
export const paths = {
  account: (id: string) => `accounts/${id}/`,
  unit: (id: string) => `units/${id}/`,
  directory: () => 'directory/',
  byPlatform: (p: string) => `directory/platform/${p}/`,
  byTier: (t: number | string) => `directory/tier/${t}/`,
  byState: (s: string) => `directory/status/${s}/`,
  page: (id: string) => `about/${id}/`,
};

/** An absolute URL on the deployed site (for feeds and open data). */
export function absoluteUrl(site: URL | undefined, path: string): string {
  return new URL(url(path), site ?? 'https://registry.example.edu.cn').href;
}

/** The account link as an inline, labelled SVG QR code (rendered at build time, no JavaScript). */
export async function qrSvg(text: string, label: string): Promise<string> {
  const svg = await QRCode.toString(text, { type: 'svg', margin: 1, errorCorrectionLevel: 'M', color: { dark: '#000000', light: '#ffffff' } });
  const safe = label.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  return svg.replace('<svg ', `<svg role="img" aria-label="${safe}" focusable="false" `);
}

/** Page-number links for a pager: 1 … (n-2) (n-1) n (n+1) (n+2) … last. `null` is a gap. */
export function pagerItems(current: number, last: number): Array<number | null> {
  const set = new Set([1, last, current - 2, current - 1, current, current + 1, current + 2].filter((n) => n >= 1 && n <= last));
  const sorted = [...set].sort((a, b) => a - b);
  const out: Array<number | null> = [];
  for (const n of sorted) {
    if (out.length && n - (out[out.length - 1] as number) > 1) out.push(null);
    out.push(n);
  }
  return out;
}

/** Re-export for pages. */
export type { PublicAccount };
