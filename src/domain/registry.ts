/** The registry in memory: every filing that was read cleanly, plus what could not be read. */
import type { AccountFiling, Filing, FilingKind, PushList } from './filing.ts';
import type { Group } from './schema/group.ts';
import type { Impostor } from './schema/impostor.ts';
import type { Page } from './schema/page.ts';
import type { Policy } from './schema/policy.ts';
import type { Review } from './schema/review.ts';
import type { Unit } from './schema/unit.ts';

export interface Registry {
  policy?: Filing<Policy>;
  units: Filing<Unit>[];
  accounts: AccountFiling[];
  reviews: Filing<Review>[];
  pushLists: PushList[];
  groups: Filing<Group>[];
  impostors: Filing<Impostor>[];
  pages: Array<Filing<Page> & { body: string }>;
  /** Ids of files that exist but have errors, per kind: references to them are not reported again. */
  unreadable: Partial<Record<FilingKind, string[]>>;
}

/** An empty registry. */
export function emptyRegistry(): Registry {
  return { units: [], accounts: [], reviews: [], pushLists: [], groups: [], impostors: [], pages: [], unreadable: {} };
}
