/**
 * The verify index of a loaded registry, for the command line: the registry goes through the same
 * public projection as the site (src/domain/public.ts), with the derived states of the deadline
 * rules (暂停运行 → `suspended`), then through `buildVerifyIndex`.
 */
import { buildPublicSiteOn, type PublicSite, type SiteInput } from '../public.ts';
import type { Registry } from '../registry.ts';
import { buildVerifyIndex, type BuildVerifyIndexOptions } from './build-index.ts';
import type { VerifyIndex } from './verify-index.ts';

/** The public site of a registry on `today` (derived states included); null without a policy. */
export function publicSiteOf(reg: Registry, today: string): PublicSite | null {
  const policy = reg.policy?.data;
  if (!policy) return null;
  const input: SiteInput = {
    policy,
    units: reg.units.map((u) => u.data),
    accounts: reg.accounts.map((a) => ({ data: a.data, html: a.html })),
    reviews: reg.reviews.map((r) => ({ account: r.data.account, year: r.data.year, submitted: r.data.submitted, result: r.data.result })),
    impostors: reg.impostors.map((i) => i.data),
  };
  return buildPublicSiteOn(input, today);
}

/** The verify index of a registry on `today`; null when the registry has no readable policy. */
export function verifyIndexFromRegistry(reg: Registry, today: string, opts: BuildVerifyIndexOptions = {}): VerifyIndex | null {
  const site = publicSiteOf(reg, today);
  return site ? buildVerifyIndex(site, opts) : null;
}
