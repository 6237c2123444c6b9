/**
 * The link and ID normaliser (shared/PLATFORMS.md): turns whatever a person pastes (a link, app
 * share text, a bare ID) into `(platform, kind, value)` keys that are matched exactly against the
 * verify index. Pure and dependency-free: it runs in the browser as well as in the CLI.
 */
import { PLATFORMS, findPlatform, hostIn, keyString } from '../platforms.ts';
import type { LinkResult as RuleResult, PlatformDef } from '../platforms/define.ts';

/** One key to look up, with the Chinese label shown when it matches (e.g. "B站 UID（mid）"). */
export interface KeyCandidate {
  platform: string;
  kind: string;
  value: string;
  /** `platform:kind:value`, the index key. */
  key: string;
  /** Chinese label of the platform and key kind. */
  label: string;
}

/** A link that cannot be resolved offline. */
export interface Unresolvable {
  /** The platform the link belongs to. */
  platform: string;
  /** Chinese advice: how to copy a resolvable link or ID. */
  advice: string;
}

/** What the input turned out to be. */
export type InputKind = 'empty' | 'link' | 'id' | 'handle' | 'digits' | 'name';

export interface NormalizedInput {
  /** The input after NFKC and removal of invisible characters, trimmed. */
  text: string;
  kind: InputKind;
  /** The URL found in the input (share text included), as parsed, if any. */
  url: string | null;
  /** The platform when the link or ID names exactly one. */
  platform: string | null;
  /** Keys to look up, best first. Several platforms for bare digits and handles. */
  keys: KeyCandidate[];
  /** The link cannot be resolved offline (short link, video link …). */
  unresolvable: Unresolvable | null;
  /** A name to screen: the input itself when it is a name, or a nickname carried by a link. */
  name: string | null;
  /**
   * What a platform's share text carried (【X的作品】, `抖音号：…`, `小红书号：…` …): the names and the
   * keys found in the text besides its link, and the platform whose share format matched. The
   * keys are also first in `keys`, so they are looked up before the short link is given up on.
   */
  share?: ShareFound | null;
  /**
   * The link was refused: its real host is not the platform it imitates (userinfo such as
   * `https://mp.weixin.qq.com@evil.example/`). Never certify it; `keys` is empty.
   */
  refused?: RefusedLink | null;
}

/** Names and IDs found in a share text. */
export interface ShareFound {
  platform: string | null;
  names: string[];
  keys: KeyCandidate[];
}

/** A link the normaliser refuses to read as any platform's. */
export interface RefusedLink {
  /** The host the link really opens. */
  host: string;
  /** Chinese explanation for the person who pasted it. */
  reason: string;
}

/** Options of `normalizeInput`. */
export interface NormalizeOptions {
  /**
   * The school's domains (policy `school.domains`): a page on one of them (sub-domains included)
   * gets `unresolvable` (网站) besides its keys, so an unfiled sub-site reads "cannot tell", never
   * "not official".
   */
  domains?: readonly string[];
}

/** Invisible characters (zero-width, bidi controls, BOM, variation selectors …) and controls. */
const INVISIBLE = /[\p{Default_Ignorable_Code_Point}\p{Cc}]/gu;

/** Removes invisible characters and applies NFKC (full-width → ASCII). */
export function cleanText(s: string): string {
  return s.replace(INVISIBLE, (c) => (c === '\n' || c === '\t' || c === '\r' ? ' ' : '')).normalize('NFKC').replace(INVISIBLE, '');
}

/** Full-width characters that belong to URLs (letters, digits, ．／：？＝＆＿－％＃～＋＠); others end a URL. */
const URLISH_FULLWIDTH = /[\uFF10-\uFF19\uFF21-\uFF3A\uFF41-\uFF5A\uFF0E\uFF0F\uFF1A\uFF1F\uFF1D\uFF06\uFF3F\uFF0D\uFF05\uFF03\uFF5E\uFF0B\uFF20]/g;

/** Characters that end a URL in share text: whitespace, CJK and full-width punctuation, quotes. */
function endsUrl(ch: string, inQuery: boolean): boolean {
  const c = ch.codePointAt(0)!;
  if (/\s/u.test(ch)) return true;
  if (c < 0x80) return ch === '<' || ch === '>' || ch === '"' || ch === '`' || ch === '{' || ch === '}' || ch === '|' || ch === '\\' || ch === '^';
  if ((c >= 0x2000 && c <= 0x206f) || (c >= 0x3000 && c <= 0x303f) || (c >= 0xfe10 && c <= 0xfe6f) || (c >= 0xff00 && c <= 0xffef)) return true;
  // A CJK letter ends the path (share text often follows without a space) but may appear in a
  // query value (tieba.baidu.com/f?kw=吧名).
  return !inQuery;
}

const TRAILING_PUNCT = /[.,;:!?)\]}'"*]+$/;

/** Pulls the first URL (or weixin:// link) out of share text; full-width URL characters are folded. */
export function extractUrl(raw: string): string | null {
  const s = raw.replace(INVISIBLE, '').replace(URLISH_FULLWIDTH, (c) => String.fromCharCode(c.charCodeAt(0) - 0xfee0));
  const m = /(?:https?|weixin):\/\//i.exec(s);
  let start = m?.index;
  if (start === undefined) {
    // Scheme-less link to a known platform host, e.g. "weibo.com/u/123" or "b23.tv/abc".
    const re = /(?:^|[^A-Za-z0-9.@_-])((?:[A-Za-z0-9-]+\.)+[A-Za-z]{2,}(?::\d+)?)(?=[/?#]|$|[^A-Za-z0-9.-])/g;
    for (const hit of s.matchAll(re)) {
      const host = hit[1]!.toLowerCase().replace(/:\d+$/, '');
      // An unknown host only when the whole input is that link with a path (a bare domain is an ID).
      const whole = s.trim().startsWith(hit[1]! + '/') || s.trim().startsWith(hit[1]! + '?');
      if (isKnownHost(host) || (whole && !/^\d/.test(host))) {
        start = hit.index! + hit[0].length - hit[1]!.length;
        break;
      }
    }
    if (start === undefined) return null;
  }
  let end = start;
  let inQuery = false;
  const chars = Array.from(s.slice(start));
  let out = '';
  for (const ch of chars) {
    // weibo.com/n/<昵称>: the nickname is the path.
    const nickname = /^(?:https?:\/\/)?(?:www\.|m\.)?weibo\.(?:com|cn)\/n\/[^/?#]*$/i.test(out);
    if (endsUrl(ch, inQuery || nickname)) break;
    if (ch === '?') inQuery = true;
    out += ch;
    end += ch.length;
  }
  out = out.normalize('NFKC').replace(TRAILING_PUNCT, '');
  return out || null;
}

/** Hosts the platform files own (a scheme-less link on one of them is still read as a link). */
const KNOWN_HOSTS: readonly string[] = [...new Set(PLATFORMS.flatMap((p) => [...p.hosts, ...p.links.flatMap((r) => r.hosts ?? [])]).map((h) => h.replace(/^\*\./, '')))];

function isKnownHost(host: string): boolean {
  return hostIn(host, KNOWN_HOSTS);
}

/** Lower-cased host without a trailing dot and without a `www.` or `m.` prefix. */
export function baseHost(host: string): string {
  return host.toLowerCase().replace(/\.$/, '').replace(/^(?:www|m)\./, '');
}

function label(platform: string, kind: string): string {
  if (platform === 'link') return '登记的链接';
  const p = findPlatform(platform);
  const k = p?.keys.find((x) => x.id === kind);
  const pl = p?.label ?? platform;
  const kl = k?.label ?? kind;
  return kl.startsWith(pl.slice(0, 2)) ? kl : `${pl} ${kl}`;
}

/**
 * The canonical form of a key value, as both the index builder and the normaliser write it:
 * trimmed, lower-cased where the platform ignores case, __biz padded, links canonicalised.
 */
export function canonicalKey(platform: string, kind: string, value: string): string {
  let v = value.normalize('NFKC').replace(INVISIBLE, '').trim();
  if (kind === 'short' || kind === 'url' || platform === 'link') return canonicalUrl(v) ?? v;
  if (platform === 'website' && kind === 'domain') v = v.replace(/^www\./i, '');
  if (kind === 'biz') {
    v = v.replace(/=+$/, '');
    return v + '='.repeat((4 - (v.length % 4)) % 4);
  }
  const k = findPlatform(platform)?.keys.find((x) => x.id === kind);
  return k?.lowerCase ? v.toLowerCase() : v;
}

function candidate(platform: string, kind: string, value: string): KeyCandidate {
  const v = canonicalKey(platform, kind, value);
  return { platform, kind, value: v, key: keyString(platform, kind, v), label: label(platform, kind) };
}

/** True when `value` fits the canonical pattern of the platform's key kind. */
function fits(platform: string, kind: string, value: string): boolean {
  const k = findPlatform(platform)?.keys.find((x) => x.id === kind);
  if (!k) return false;
  return k.pattern.test(canonicalKey(platform, kind, value));
}

/** Query parameters that carry an ID on any platform (platform files add theirs: `idParams`). */
const ID_PARAMS = new Set(['__biz', 'group_code', 'k', 'kw', 'id', 'appid', 'username', 'uid', 'puid', ...PLATFORMS.flatMap((p) => p.idParams ?? [])]);

/** Tracking and display parameters: dropped from a canonical URL on any host. */
const TRACKING = /^(?:utm_\w+|spm\w*|from\w*|share\w*|scene|ref\w*|refer_flag|is_all|vd_source|xsec_\w+|timestamp|isappinstalled|chksm|sharer_\w+|u_code|did|iid|ie|oe|hl|_wv|_dt_no_comment|fr|luicode|lfid|wfr|ptag|clicktime|enterid|sessionid)$/i;

/**
 * A URL in canonical form for exact-alias matching: https, lower-case host without `www.`, no
 * trailing slash, no fragment, sorted query parameters. On a platform's host only its identifying
 * parameters are kept (the rest is tracking); on any other host every parameter except known
 * tracking ones is kept, so a publisher-identifying parameter is never dropped. Null when unparsable.
 */
export function canonicalUrl(raw: string): string | null {
  let u: URL;
  try {
    u = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(raw) ? raw : `https://${raw}`);
  } catch {
    return null;
  }
  if (u.protocol !== 'http:' && u.protocol !== 'https:') return null;
  const host = u.hostname.toLowerCase().replace(/\.$/, '').replace(/^www\./, '');
  const path = u.pathname.replace(/\/+$/, '');
  const known = isKnownHost(host);
  const names = [...new Set([...u.searchParams.keys()])].filter((p) => (known ? ID_PARAMS.has(p) : ID_PARAMS.has(p) || !TRACKING.test(p)));
  const params = names.sort().map((p) => `${p}=${encodeURIComponent(u.searchParams.get(p)!)}`);
  return `https://${host}${path}${params.length ? `?${params.join('&')}` : ''}`;
}

// ---------------------------------------------------------------------------------------------
// Advice for links that cannot be resolved offline.

/** Chinese advice for a link of `platform` that cannot be resolved offline (from its platform file). */
export function unresolvableAdvice(platform: string): string {
  return findPlatform(platform)?.advice ?? '该链接无法离线解析。请打开账号主页，复制主页链接或账号ID后再核验。';
}

// ---------------------------------------------------------------------------------------------
// Links: table-driven over the platform files (src/domain/platforms/*.ts).

interface LinkResult {
  platform: string | null;
  keys: KeyCandidate[];
  unresolvable?: Unresolvable;
  name?: string;
}

/** True when a rule host (`example.com` exact after www./m. removal, `*.example.com` any sub-domain) matches. */
function ruleHostMatches(ruleHost: string, host: string, full: string): boolean {
  if (ruleHost.startsWith('*.')) return full.endsWith(ruleHost.slice(1)) || host.endsWith(ruleHost.slice(1));
  return host === ruleHost || full === ruleHost;
}

/** Query parameters of the URL and of a `#/route?x=y` fragment (single-page apps put ids there). */
function queryOf(u: URL): (name: string) => string | null {
  const hash = u.hash.includes('?') ? new URLSearchParams(u.hash.slice(u.hash.indexOf('?') + 1)) : null;
  return (name) => u.searchParams.get(name) ?? hash?.get(name) ?? null;
}

/** The platforms owning a host, most specific host first (qm.qq.com before qq.com). */
function ownersOf(full: string): PlatformDef[] {
  const hits: Array<[number, number, PlatformDef]> = [];
  PLATFORMS.forEach((p, i) => {
    let best = -1;
    for (const h of [...p.hosts, ...p.links.flatMap((r) => r.hosts ?? [])]) {
      const d = h.replace(/^\*\./, '');
      if (hostIn(full, [d])) best = Math.max(best, d.length);
    }
    if (best >= 0) hits.push([best, i, p]);
  });
  return hits.sort((a, b) => b[0] - a[0] || a[1] - b[1]).map((h) => h[2]);
}

/** Applies one platform's own parser and rules to a URL; null when none matches. */
function applyPlatform(p: PlatformDef, u: URL, canon: string): LinkResult | null {
  const full = u.hostname.toLowerCase().replace(/\.$/, '');
  const host = baseHost(full);
  const q = queryOf(u);
  const segs = u.pathname.split('/').filter(Boolean).map((x) => safeDecode(x));
  const fitsKind = (kind: string, value: string) => fits(p.id, kind, value);
  const toResult = (r: RuleResult): LinkResult => {
    const keys = r.keys.filter((k) => fits(k.platform, k.kind, k.value)).map((k) => candidate(k.platform, k.kind, k.value));
    const out: LinkResult = { platform: r.platform, keys: [...keys, candidate('link', 'url', canon)] };
    if (r.unresolvable) out.unresolvable = r.unresolvable;
    if (r.name) out.name = r.name;
    return out;
  };
  const own = p.parse?.({ url: u, host, segs, q, fits: fitsKind });
  if (own) return toResult(own);
  const path = safeDecode(u.pathname);
  for (const rule of p.links) {
    const hosts = rule.hosts ?? p.hosts;
    if (!hosts.some((h) => ruleHostMatches(h, host, full))) continue;
    const found: Array<{ kind: string; value: string }> = [];
    let name: string | undefined;
    if (rule.path) {
      const m = rule.path.exec(path);
      if (!m) continue;
      for (const [g, v] of Object.entries(m.groups ?? {})) {
        if (v === undefined) continue;
        if (g === 'name') name = v;
        else found.push({ kind: g, value: v });
      }
    }
    if (rule.query) {
      let any = false;
      for (const [param, kind] of Object.entries(rule.query)) {
        const v = q(param);
        if (v === null || v === '') continue;
        any = true;
        found.push({ kind, value: v.trim() });
      }
      if (!any) continue;
    }
    if (rule.unresolvable) {
      const keys = rule.noAlias ? [] : [...(p.keys.some((k) => k.id === 'short') ? [candidate(p.id, 'short', canon)] : []), candidate('link', 'url', canon)];
      const out: LinkResult = { platform: p.id, keys, unresolvable: { platform: p.id, advice: rule.advice ?? unresolvableAdvice(p.id) } };
      if (name) out.name = name;
      return out;
    }
    const keys = found.filter((k) => fitsKind(k.kind, k.value));
    // A rule naming key kinds matches only when one of its values fits (`/user/self` is no sec_uid).
    if (found.length && !keys.length) continue;
    const alias = p.urlAlias ? [candidate(p.id, 'url', canon)] : [];
    const out: LinkResult = { platform: p.id, keys: [...keys.map((k) => candidate(p.id, k.kind, k.value)), ...alias, candidate('link', 'url', canon)] };
    if (name) out.name = name;
    return out;
  }
  return null;
}

/** Keys carried by one parsed URL. */
function parseLink(u: URL, opts: NormalizeOptions): LinkResult {
  const full = u.hostname.toLowerCase().replace(/\.$/, '');
  const canon = canonicalUrl(u.href) ?? u.href;
  const owners = ownersOf(full);
  for (const p of owners) {
    const r = applyPlatform(p, u, canon);
    if (r) return r;
  }
  if (owners.length) {
    const p = owners[0]!;
    return { platform: p.id, keys: [...(p.urlAlias ? [candidate(p.id, 'url', canon)] : []), candidate('link', 'url', canon)] };
  }
  // Any other web address: a website on that host (网站), or an exact alias of an APP or other page.
  const domain = full.replace(/^www\./, '');
  const list: KeyCandidate[] = [];
  if (fits('website', 'domain', domain)) list.push(candidate('website', 'domain', domain));
  list.push(candidate('app', 'url', canon), candidate('other', 'url', canon), candidate('other', 'short', canon));
  const out: LinkResult = { platform: 'website', keys: [...list, candidate('link', 'url', canon)] };
  if (opts.domains?.length && hostIn(full, opts.domains)) out.unresolvable = { platform: 'website', advice: unresolvableAdvice('website') };
  return out;
}

function safeDecode(s: string): string {
  try {
    return decodeURIComponent(s);
  } catch {
    return s;
  }
}

/** `weixin://dl/business/?appid=…` (小程序) and other weixin:// links. */
function parseWeixinScheme(raw: string): LinkResult {
  const qs = raw.includes('?') ? raw.slice(raw.indexOf('?') + 1) : '';
  const params = new URLSearchParams(qs);
  const appid = params.get('appid');
  if (appid && fits('wechat-mini', 'appid', appid)) return { platform: 'wechat-mini', keys: [candidate('wechat-mini', 'appid', appid)] };
  return { platform: 'wechat-mini', keys: [], unresolvable: { platform: 'wechat-mini', advice: unresolvableAdvice('wechat-mini') } };
}

/**
 * A link whose authority carries userinfo (`https://mp.weixin.qq.com@evil.example/…`) opens the
 * host after the `@`: it is refused, never read as the platform written before the `@`.
 */
function refusal(raw: string, u: URL): RefusedLink | null {
  const authority = /^(?:[a-z][a-z0-9+.-]*:)?\/\/([^/?#\\]*)/i.exec(raw)?.[1] ?? raw.split(/[/?#\\]/)[0] ?? '';
  if (!u.username && !u.password && !authority.includes('@')) return null;
  return { host: u.hostname, reason: `链接中含有“@”，实际打开的是 ${u.hostname}，“@”前面的平台名只是伪装。请勿相信，也不要扫码。` };
}

// ---------------------------------------------------------------------------------------------
// Bare IDs and labelled IDs, from the platform files' `bare` and `idLabels`.

type KindRef = [string, string];
const refs = (pick: (p: PlatformDef) => string[] | undefined, list = PLATFORMS): KindRef[] => list.flatMap((p) => (pick(p) ?? []).map((k): KindRef => [p.id, k]));
/** Key kinds searched for bare digits: every platform whose IDs can be all digits. */
const DIGIT_KINDS = refs((p) => p.bare?.digits);
/** Key kinds searched for a bare handle (letters, digits, `_ - .`): user-chosen IDs. */
const HANDLE_KINDS = refs((p) => p.bare?.handle);
/** Key kinds searched for a bare dotted name (a domain or a package): 网站 first. */
const DOMAIN_KINDS = refs((p) => p.bare?.domain, [...PLATFORMS].sort((a, b) => Number(b.id === 'website') - Number(a.id === 'website')));
const SPECIFIC = PLATFORMS.flatMap((p) => (p.bare?.specific ?? []).map((s) => ({ re: s.re, kinds: s.kinds.map((k): KindRef => [p.id, k]) })));
/** Escapes a string for a RegExp. */
const escapeRe = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/**
 * ID labels: each platform's `idLabels`, plus the name the registry itself shows for the
 * user-visible ID (`visibleId.label`, with and without its parenthesis), so whatever the directory
 * page calls the ID is understood when pasted back ("澎湃号主页编号：63851").
 */
const LABELS = PLATFORMS.flatMap((p) => [
  ...(p.idLabels ?? []).map((l) => ({ label: l.label, kinds: l.kinds.map((k): KindRef => [p.id, k]) })),
  ...(p.visibleId
    ? [...new Set([p.visibleId.label, p.visibleId.label.replace(/（.*?）/g, ''), ...p.visibleId.label.split('或')])].map((l) => ({
        label: new RegExp(`^${escapeRe(l.replace(/（.*?）/g, '').trim())}$`, 'i'),
        kinds: p.visibleId!.kinds.map((k): KindRef => [p.id, k]),
      }))
    : []),
]);

/** The keys a bare token could be (specific prefixes first, then every platform that fits). */
function parseBareId(token: string, only?: KindRef[]): { kind: InputKind; keys: KeyCandidate[] } | null {
  const t = token.replace(/^@/, '');
  if (!/^[A-Za-z0-9_.+/=-]+$/.test(t)) return null;
  const pick = (list: KindRef[]) =>
    list.filter(([p, k]) => (!only || only.some(([op, ok]) => op === p && ok === k)) && fits(p, k, t)).map(([p, k]) => candidate(p, k, t));
  const specific = pick(SPECIFIC.filter((s) => s.re.test(t)).flatMap((s) => s.kinds));
  if (specific.length) return { kind: 'id', keys: specific };
  if (isBiz(t)) {
    const keys = pick([['wechat-mp', 'biz']]);
    if (keys.length) return { kind: 'id', keys };
  }
  if (/^\d+$/.test(t)) {
    // A label restricts the kinds; among them, the ones that take digits come first (微博UID: uid, not 个性域名).
    const digitOnly = only?.filter(([p, k]) => DIGIT_KINDS.some(([dp, dk]) => dp === p && dk === k));
    return { kind: 'digits', keys: pick(digitOnly?.length ? digitOnly : (only ?? DIGIT_KINDS)) };
  }
  if (/^(?:[a-z0-9-]+\.)+[a-z]{2,}$/i.test(t)) {
    const keys = pick(only ?? DOMAIN_KINDS);
    if (keys.length) return { kind: 'id', keys };
  }
  if (/^[A-Za-z0-9_.-]+$/.test(t)) {
    const keys = pick(only ? [...only] : HANDLE_KINDS);
    return keys.length ? { kind: 'handle', keys } : null;
  }
  return null;
}

/** The key kinds a label restricts to (`抖音号`, `B站UID`, `公众号原始ID` …), or null. */
function labelKinds(label: string): KindRef[] | null {
  const l = label.trim();
  // The longest suffix that is a label wins ("公众号原始ID" before "原始ID", "B站UID" before "UID").
  const chars = Array.from(l);
  for (let i = 0; i < chars.length; i++) {
    const suffix = chars.slice(i).join('');
    const rules = LABELS.filter((r) => r.label.test(suffix));
    if (rules.length) return rules.flatMap((r) => r.kinds);
  }
  return null;
}

/** Every `标签：ID` in a text whose label names a platform's key kind. */
function labelledIds(text: string): KeyCandidate[] {
  const out: KeyCandidate[] = [];
  for (const m of text.matchAll(/([^\s:：,，。;；!！?？()（）【】「」"“”]{1,12})\s*[:：]\s*@?([^\s,，。;；!！?？()（）【】「」"“”]{1,200})/g)) {
    const kinds = labelKinds(m[1]!);
    if (!kinds) continue;
    const token = m[2]!.replace(/[.]+$/, '');
    const ascii = /^[A-Za-z0-9_.+/=-]+$/.exec(token)?.[0] ?? /^[A-Za-z0-9_.+/=-]+/.exec(token)?.[0];
    // A key kind that takes Chinese (贴吧 吧名) reads the whole token; the others its ASCII start.
    const wide = kinds.filter(([p, k]) => /[^\x00-\x7f]/.test(token) && fits(p, k, token)).map(([p, k]) => candidate(p, k, token));
    if (wide.length) out.push(...wide);
    else if (ascii) {
      const id = parseBareId(ascii, kinds);
      if (id) out.push(...id.keys);
    }
  }
  return out;
}

/** A WeChat `__biz`: base64 of a decimal number (e.g. `MzA3MDM3NjE5NQ==`). */
function isBiz(t: string): boolean {
  if (!/^[A-Za-z0-9+/]{8,}={0,2}$/.test(t) || !/^M[zjDTgw]/.test(t)) return false;
  try {
    const padded = t.replace(/=+$/, '') + '='.repeat((4 - (t.replace(/=+$/, '').length % 4)) % 4);
    return /^\d{6,}$/.test(atob(padded));
  } catch {
    return false;
  }
}

// ---------------------------------------------------------------------------------------------
// Share texts, from the platform files' `share` patterns.

/** Names and IDs in a share text; `platform` limits the patterns to that platform's (its link). */
export function readShareText(text: string, platform: string | null = null): ShareFound | null {
  const names: string[] = [];
  let from: string | null = null;
  for (const p of PLATFORMS) {
    if (platform && p.id !== platform) continue;
    for (const rule of p.share ?? []) {
      const m = rule.re.exec(text);
      const name = m?.groups?.name?.replace(/^[@＠]/, '').trim();
      if (name && !names.includes(name)) {
        names.push(name);
        from ??= p.id;
      }
    }
  }
  const keys = dedupe(labelledIds(text));
  if (!names.length && !keys.length) return null;
  return { platform: from ?? single(keys), names, keys };
}

// ---------------------------------------------------------------------------------------------

/**
 * Normalises a pasted input: NFKC, invisible characters removed, the URL pulled out of share text
 * and parsed by the platform files' rules into keys (tracking parameters ignored, identifying ones
 * kept), names and IDs read from the share text, bare IDs classified (bare digits and handles
 * search every platform that uses them), links that cannot name their publisher offline marked
 * `unresolvable` with advice, userinfo links refused. Anything else is a name.
 */
export function normalizeInput(input: string, opts: NormalizeOptions = {}): NormalizedInput {
  const text = cleanText(input).trim();
  const base: NormalizedInput = { text, kind: 'empty', url: null, platform: null, keys: [], unresolvable: null, name: null, share: null, refused: null };
  if (!text) return base;

  // #小程序://名称/code: a mini-program card; the name part serves as a name hint.
  const mini = /#小程序:\/\/([^/\s]+)(?:\/\S*)?/.exec(text);
  if (mini) {
    return { ...base, kind: 'link', url: mini[0], platform: 'wechat-mini', unresolvable: { platform: 'wechat-mini', advice: unresolvableAdvice('wechat-mini') }, name: mini[1]! };
  }

  const raw = extractUrl(input);
  if (raw) {
    let r: LinkResult;
    if (/^weixin:\/\//i.test(raw)) r = parseWeixinScheme(raw);
    else {
      let u: URL | null = null;
      try {
        u = new URL(/^https?:\/\//i.test(raw) ? raw : `https://${raw}`);
      } catch {
        u = null;
      }
      const refused = u ? refusal(raw, u) : null;
      if (refused) return { ...base, kind: 'link', url: raw, refused };
      r = u ? parseLink(u, opts) : { platform: null, keys: [] };
    }
    // Share text around the link: its names and labelled IDs are tried before the link's keys.
    const rest = text.replace(raw, ' ');
    const share = rest.trim() ? readShareText(rest, r.platform && r.platform !== 'website' ? r.platform : null) : null;
    const shareKeys = share?.keys ?? [];
    const name = r.name ?? share?.names[0] ?? null;
    return { ...base, kind: 'link', url: raw, platform: r.platform, keys: dedupe([...shareKeys, ...r.keys]), unresolvable: r.unresolvable ?? null, name, share };
  }

  // ICP备案号 (网站): 青ICP备12345678号-1, also inside text.
  const icp = /[\u4e00-\u9fa5]ICP备\d{6,10}号(?:-\d+)?/i.exec(text);
  if (icp) {
    const value = icp[0].replace(/icp/i, 'ICP');
    return { ...base, kind: 'id', platform: 'website', keys: [candidate('website', 'icp', value)] };
  }

  // "抖音号：xxx" / "UID: 123", alone or inside a share text: a label restricts the search.
  const share = readShareText(text);
  if (share?.keys.length) return { ...base, kind: 'id', platform: single(share.keys), keys: share.keys, name: share.names[0] ?? null, share };

  if (!/\s/.test(text)) {
    const id = parseBareId(text);
    if (id && id.keys.length) return { ...base, kind: id.kind, platform: single(id.keys), keys: dedupe(id.keys), name: id.kind === 'handle' ? text.replace(/^@/, '') : null };
    if (id && id.kind === 'digits') return { ...base, kind: 'digits' };
  }
  if (share?.names.length) return { ...base, kind: 'name', platform: share.platform, name: share.names[0]!, share };
  return { ...base, kind: 'name', name: text.replace(/^@/, '') };
}

function single(keys: KeyCandidate[]): string | null {
  const ps = new Set(keys.filter((k) => k.platform !== 'link').map((k) => k.platform));
  return ps.size === 1 ? [...ps][0]! : null;
}

function dedupe(keys: KeyCandidate[]): KeyCandidate[] {
  const seen = new Set<string>();
  return keys.filter((k) => (seen.has(k.key) ? false : (seen.add(k.key), true)));
}

/** Every platform id the normaliser can name (for tests and the page's help text). */
export const NORMALIZER_PLATFORMS = PLATFORMS.map((p) => p.id);
