/**
 * The shape of one platform file (src/domain/platforms/<id>.ts). Adding a platform is one file:
 * its key kinds, the user-visible ID, the hosts it owns, its link rules, its share-text patterns,
 * its ID labels and its test cases (exported separately as a function `cases()`, so browser
 * bundles tree-shake them away). The normaliser (src/domain/verify/normalize.ts) is driven by these tables only.
 */

export interface KeyKind {
  /** Key kind id, stable in filings (`keys[].kind`). */
  id: string;
  /** Chinese label shown in forms and messages. */
  label: string;
  /** Format of a canonical value. */
  pattern: RegExp;
  /** When false, a value that misses `pattern` is a warning, not an error (legacy 微信号). */
  strict?: boolean;
  /** Values are compared case-insensitively and stored lower-case. */
  lowerCase?: boolean;
}

/** What a link rule or a platform's own parser answers for one URL. */
export interface LinkResult {
  platform: string | null;
  keys: Array<{ platform: string; kind: string; value: string }>;
  /** The link names no publisher offline: the advice says what to copy instead. */
  unresolvable?: { platform: string; advice: string };
  /** A name carried by the link (weibo.com/n/<昵称>, a 贴吧 name …). */
  name?: string;
}

/** One declarative link rule: hosts + a path pattern and/or query parameters naming key kinds. */
export interface LinkRule {
  /**
   * Hosts the rule applies to, compared after lower-casing and removing one `www.` or `m.` prefix;
   * `*.example.com` matches any sub-domain (at a dot boundary). Default: every host of the platform.
   */
  hosts?: string[];
  /**
   * Pattern over the decoded path (`/u/123`). Named groups are key kinds (`(?<uid>\d+)`); the group
   * `name` is a name hint. A rule with key groups matches only when every captured value fits.
   */
  path?: RegExp;
  /** Query (or `#…?` fragment) parameter → key kind, e.g. `{ app_id: 'app_id' }`. */
  query?: Record<string, string>;
  /** The link cannot name its publisher offline (short link, article, video). */
  unresolvable?: boolean;
  /** Advice for this unresolvable form (default: the platform's `advice`). */
  advice?: string;
  /** An unresolvable form that is never an account's own link (`douyin.com/user/self`): no alias keys. */
  noAlias?: boolean;
}

/** One share-text pattern: named groups `name` (a name) and key kinds (`douyin_id` …). */
export interface ShareRule {
  re: RegExp;
}

/** A case the normaliser must answer exactly (table-driven tests over every platform file). */
export interface PlatformCase {
  /** What is pasted. */
  input: string;
  /** Exact list of `platform:kind:value` keys (the `link:url:` exact-alias key left out). */
  keys?: string[];
  /** The link is unresolvable and names this platform. */
  unresolvable?: string;
  /** The platform named by the result. */
  platform?: string | null;
  /** The name hint carried (share text, nickname link). */
  name?: string | null;
  /** The link is refused as off-platform or carrying userinfo. */
  offPlatform?: boolean;
  /** No key of this platform may be among the candidates (look-alike hosts, other publishers). */
  notPlatform?: string;
  /** Why (one sentence; the test title). */
  why: string;
}

/** Helpers the normaliser hands to a platform's own parser. */
export interface ParseContext {
  url: URL;
  /** Host without `www.`/`m.`, lower-case. */
  host: string;
  /** Decoded path segments. */
  segs: string[];
  /** A query (or fragment query) parameter. */
  q(name: string): string | null;
  /** True when `value` fits the canonical pattern of this platform's key kind. */
  fits(kind: string, value: string): boolean;
}

export interface PlatformDef {
  id: string;
  /** Chinese name, as the seed forms write it. */
  label: string;
  /** Key kinds this platform's accounts may store. */
  keys: KeyKind[];
  /** A chat group (QQ群, 微信群 …): may be filed as a work group. */
  group?: boolean;
  /**
   * The ID a student sees on the account's page (抖音号, 微信号/原始ID, B站 UID, 小红书号 …): any of
   * these key kinds; an active filing without one gets a warning (policy `verify.requireVisibleId`).
   */
  visibleId?: { kinds: string[]; label: string };
  /**
   * Hosts the platform owns: a link filed for this platform must be on one of them (exact host or a
   * sub-domain at a dot boundary: `evilqq.com` is not `qq.com`). Empty for `website` (the policy's
   * domains apply) and `other` (any https host).
   */
  hosts: string[];
  /** Link rules, tried in order. */
  links: LinkRule[];
  /** Own parser for forms the rules cannot express; runs before `links`; null = no answer. */
  parse?(ctx: ParseContext): LinkResult | null;
  /** Pages matched by a rule are also exact aliases of kind `url` (APP store pages). */
  urlAlias?: boolean;
  /** Query parameters that identify a publisher: never dropped from a canonical URL. */
  idParams?: string[];
  /** Share-text patterns (names and IDs in app share texts). */
  share?: ShareRule[];
  /** Labels people write before an ID (`抖音号：…`), restricting it to these kinds. */
  idLabels?: Array<{ label: RegExp; kinds: string[] }>;
  /** Bare tokens: kinds searched for bare digits, for bare handles, and unmistakable prefixes. */
  bare?: { digits?: string[]; handle?: string[]; specific?: Array<{ re: RegExp; kinds: string[] }>; domain?: string[] };
  /** Chinese advice for a link of this platform that cannot be resolved offline. */
  advice?: string;
}

/** Identity helper so each platform file is type-checked against PlatformDef. */
export function definePlatform(def: PlatformDef): PlatformDef {
  return def;
}

/** The `登记的短链接` key kind (a unit may file its own short links as exact aliases). */
export const SHORT: KeyKind = { id: 'short', label: '登记的短链接', pattern: /^https:\/\/[a-z0-9.-]+\/\S+$/ };
/** The `页面地址` key kind (an exact page URL). */
export const URL_KIND: KeyKind = { id: 'url', label: '页面地址', pattern: /^https:\/\/[a-z0-9.-]+(?::\d+)?(?:\/\S*)?$/ };
