/**
 * The link and ID normaliser (shared/PLATFORMS.md): turns whatever a person pastes (a link, app
 * share text, a bare ID) into `(platform, kind, value)` keys that are matched exactly against the
 * verify index. Pure and dependency-free: it runs in the browser as well as in the CLI.
 */
import { PLATFORMS, findPlatform, keyString } from '../platforms.ts';

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

/** Hosts the normaliser knows (after www./m. are stripped). */
const KNOWN_HOSTS = new Set([
  'weibo.com', 'weibo.cn', 't.cn', 'douyin.com', 'iesdouyin.com', 'v.douyin.com', 'toutiao.com', 'space.bilibili.com',
  'bilibili.com', 'b23.tv', 'bili2233.cn', 'kuaishou.com', 'live.kuaishou.com', 'v.kuaishou.com', 'xiaohongshu.com',
  'xhslink.com', 'xhslink.cn', 'zhihu.com', 'qm.qq.com', 'jq.qq.com', 'pd.qq.com', 'mp.weixin.qq.com', 'open.weixin.qq.com',
  'weixin.qq.com', 'wxaurl.cn', 'yiban.cn', 'tieba.baidu.com', 'renren.com', 'play.google.com', 'apps.apple.com', 'app.mi.com',
  'sj.qq.com',
]);

function isKnownHost(host: string): boolean {
  return KNOWN_HOSTS.has(baseHost(host));
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

/** Query parameters that carry an ID and are kept in a canonical URL; all others (tracking) are dropped. */
const ID_PARAMS = ['__biz', 'group_code', 'k', 'kw', 'id', 'appid', 'username', 'uid', 'puid'];

/**
 * A URL in canonical form for exact-alias matching: https, lower-case host without `www.`, no
 * trailing slash, only ID-bearing query parameters (sorted), no fragment. Null when unparsable.
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
  const params = ID_PARAMS.filter((p) => u.searchParams.has(p))
    .sort()
    .map((p) => `${p}=${encodeURIComponent(u.searchParams.get(p)!)}`);
  return `https://${host}${path}${params.length ? `?${params.join('&')}` : ''}`;
}

// ---------------------------------------------------------------------------------------------
// Advice for links that cannot be resolved offline.

const ADVICE: Record<string, string> = {
  weibo: '微博短链接（t.cn）和正文链接无法离线展开。请打开该账号主页 → 右上角“…” → “复制链接”（形如 weibo.com/u/数字），或直接输入微博 UID。',
  douyin: '抖音分享短链接无法离线展开。请打开该账号主页，复制头像下方的“抖音号”粘贴到这里；或在电脑浏览器打开主页，复制地址栏中 douyin.com/user/… 的链接。',
  bilibili: 'B站短链接（b23.tv）无法离线展开。请打开 UP 主的个人空间 → 复制 UID（或 space.bilibili.com/数字 的链接）。',
  xiaohongshu: '小红书分享短链接无法离线展开。请打开该账号主页，复制“小红书号”；或在浏览器打开主页，复制 xiaohongshu.com/user/profile/… 的链接。',
  kuaishou: '快手分享短链接无法离线展开。请打开该账号主页，复制“快手号”；或在浏览器打开主页，复制 kuaishou.com/profile/… 的链接。',
  'wechat-mp': '公众号文章短链接和二维码链接不含账号信息。请点文章顶部的公众号名称进入主页 → 右上角“…” → “复制链接”；或输入公众号的微信号、原始ID（gh_ 开头）。',
  'wechat-mini': '小程序链接无法离线解析。请在小程序右上角“…” → 点小程序名称 → 查看 AppID（wx 开头）后输入；也可以输入小程序名称。',
  'qq-group': 'QQ群邀请短链接无法离线展开。请打开群资料，复制QQ群号后输入。',
  'qq-channel': 'QQ频道分享链接无法离线展开。请打开频道资料，复制频道号（pd 开头）后输入。',
  'wechat-channels': '视频号卡片无法离线解析。请在视频号主页查看视频号ID（sph 开头），或输入视频号名称。',
};

const VIDEO_ADVICE: Record<string, string> = {
  douyin: '视频链接不包含发布者信息。请点视频作者的头像进入主页，复制“抖音号”或主页链接。',
  bilibili: '视频链接（BV 号）不包含 UP 主信息。请点 UP 主头像进入个人空间，复制 UID 或 space.bilibili.com/数字 的链接。',
  kuaishou: '作品链接不包含发布者信息。请点作者头像进入主页，复制“快手号”或主页链接。',
  xiaohongshu: '笔记链接不包含发布者信息。请点作者头像进入主页，复制“小红书号”或主页链接。',
  weibo: '微博正文链接不包含作者信息。请点作者头像进入主页 → “复制链接”，或输入微博 UID。',
};

/** Chinese advice for a link of `platform` that cannot be resolved offline. */
export function unresolvableAdvice(platform: string): string {
  return ADVICE[platform] ?? '该链接无法离线解析。请打开账号主页，复制主页链接或账号ID后再核验。';
}

// ---------------------------------------------------------------------------------------------
// Links.

interface LinkResult {
  platform: string | null;
  keys: KeyCandidate[];
  unresolvable?: Unresolvable;
  name?: string;
}

/** Top-level paths of weibo.com that are site pages, not personal domains. */
const WEIBO_RESERVED = new Set(
  'u n p a i k l o z at tv ttarticle login newlogin signup signin logout set hot search home explore about ajax aj messages unreadhint mygroups fav like comments friends follow fans pub sorry live video music topic tag page show status detail profile lookup feed discover hotweibo tips help gov media travel weibo m mobile lottery app apps pay vip ads ad data hotsearch'.split(' '),
);

const shortLink = (platform: string, canonical: string, advice = unresolvableAdvice(platform)): LinkResult => ({
  platform,
  keys: [candidate(platform, 'short', canonical), candidate('link', 'url', canonical)],
  unresolvable: { platform, advice },
});

/** Keys carried by one parsed URL. */
function parseLink(u: URL): LinkResult {
  const host = baseHost(u.hostname);
  const segs = u.pathname.split('/').filter(Boolean).map((s) => safeDecode(s));
  const q = (k: string) => u.searchParams.get(k);
  const canon = canonicalUrl(u.href) ?? u.href;
  const keys = (list: KeyCandidate[], platform: string, extra: Partial<LinkResult> = {}): LinkResult => ({
    platform,
    keys: [...list, candidate('link', 'url', canon)],
    ...extra,
  });
  const none = (platform: string | null): LinkResult => ({ platform, keys: platform === null ? [] : [candidate('link', 'url', canon)] });

  switch (host) {
    // 微博
    case 'weibo.com':
    case 'weibo.cn': {
      const [a, b] = segs;
      if (!a) return none('weibo');
      if ((a === 'u' || a === 'profile') && b && /^\d+$/.test(b)) return keys([candidate('weibo', 'uid', b)], 'weibo');
      if (a === 'p' && b && /^100[56]0[56]\d{5,12}$/.test(b)) return keys([candidate('weibo', 'uid', b.slice(6))], 'weibo');
      if (a === 'n' && b) return { ...none('weibo'), name: b };
      if ((a === 'status' || a === 'detail') && b) return { ...none('weibo'), unresolvable: { platform: 'weibo', advice: VIDEO_ADVICE.weibo! } };
      if (/^\d{5,12}$/.test(a)) return keys([candidate('weibo', 'uid', a)], 'weibo');
      if (!WEIBO_RESERVED.has(a.toLowerCase()) && fits('weibo', 'domain', a)) return keys([candidate('weibo', 'domain', a)], 'weibo');
      return none('weibo');
    }
    case 't.cn':
      return shortLink('weibo', canon);
    // 抖音
    case 'douyin.com':
    case 'iesdouyin.com': {
      const i = segs[0] === 'share' ? 1 : 0;
      if (segs[i] === 'user' && segs[i + 1]) {
        const id = segs[i + 1]!;
        if (id === 'self')
          return { platform: 'douyin', keys: [], unresolvable: { platform: 'douyin', advice: 'douyin.com/user/self 指“我自己的主页”，不是某个账号。请打开要核验的账号主页，复制“抖音号”或主页链接。' } };
        if (fits('douyin', 'sec_uid', id)) return keys([candidate('douyin', 'sec_uid', id)], 'douyin');
      }
      if (segs[i] === 'video' || segs[i] === 'note') return { ...none('douyin'), unresolvable: { platform: 'douyin', advice: VIDEO_ADVICE.douyin! } };
      return none('douyin');
    }
    case 'v.douyin.com':
      return shortLink('douyin', canon);
    // 今日头条
    case 'toutiao.com': {
      if (segs[0] === 'c' && segs[1] === 'user') {
        if (segs[2] === 'token' && segs[3] && fits('toutiao', 'token', segs[3])) return keys([candidate('toutiao', 'token', segs[3])], 'toutiao');
        if (segs[2] && fits('toutiao', 'uid', segs[2])) return keys([candidate('toutiao', 'uid', segs[2])], 'toutiao');
      }
      return none('toutiao');
    }
    // B站
    case 'space.bilibili.com':
      if (segs[0] && fits('bilibili', 'mid', segs[0])) return keys([candidate('bilibili', 'mid', segs[0])], 'bilibili');
      return none('bilibili');
    case 'bilibili.com':
      if (segs[0] === 'space' && segs[1] && fits('bilibili', 'mid', segs[1])) return keys([candidate('bilibili', 'mid', segs[1])], 'bilibili');
      if (segs[0] === 'video') return { ...none('bilibili'), unresolvable: { platform: 'bilibili', advice: VIDEO_ADVICE.bilibili! } };
      return none('bilibili');
    case 'b23.tv':
    case 'bili2233.cn':
      return shortLink('bilibili', canon);
    // 快手
    case 'kuaishou.com':
    case 'live.kuaishou.com': {
      const id = segs[0] === 'profile' || segs[0] === 'u' ? segs[1] : undefined;
      if (id && fits('kuaishou', 'principal_id', id)) return keys([candidate('kuaishou', 'principal_id', id)], 'kuaishou');
      if (segs[0] === 'short-video' || segs[0] === 'video') return { ...none('kuaishou'), unresolvable: { platform: 'kuaishou', advice: VIDEO_ADVICE.kuaishou! } };
      return none('kuaishou');
    }
    case 'v.kuaishou.com':
      return shortLink('kuaishou', canon);
    // 小红书
    case 'xiaohongshu.com':
      if (segs[0] === 'user' && segs[1] === 'profile' && segs[2] && fits('xiaohongshu', 'user_id', segs[2]))
        return keys([candidate('xiaohongshu', 'user_id', segs[2])], 'xiaohongshu');
      if (segs[0] === 'explore' || segs[0] === 'discovery') return { ...none('xiaohongshu'), unresolvable: { platform: 'xiaohongshu', advice: VIDEO_ADVICE.xiaohongshu! } };
      return none('xiaohongshu');
    case 'xhslink.com':
    case 'xhslink.cn':
      return shortLink('xiaohongshu', canon);
    // 知乎
    case 'zhihu.com':
      if ((segs[0] === 'people' || segs[0] === 'org') && segs[1] && fits('zhihu', segs[0], segs[1])) return keys([candidate('zhihu', segs[0], segs[1])], 'zhihu');
      return none('zhihu');
    // QQ群 / QQ频道
    case 'qm.qq.com': {
      const g = q('group_code');
      if (g && fits('qq-group', 'group', g)) return keys([candidate('qq-group', 'group', g)], 'qq-group');
      return shortLink('qq-group', canon);
    }
    case 'jq.qq.com':
      return shortLink('qq-group', canon);
    case 'pd.qq.com':
      return shortLink('qq-channel', canon);
    // 微信公众号
    case 'mp.weixin.qq.com': {
      const biz = q('__biz');
      if (biz && fits('wechat-mp', 'biz', biz)) return keys([candidate('wechat-mp', 'biz', biz)], 'wechat-mp');
      if (segs[0] === 's' && segs[1]) return shortLink('wechat-mp', canon);
      return none('wechat-mp');
    }
    case 'open.weixin.qq.com': {
      const name = q('username');
      if (name && fits('wechat-mp', 'gh', name)) return keys([candidate('wechat-mp', 'gh', name)], 'wechat-mp');
      if (name && /^[A-Za-z][-_A-Za-z0-9]{3,29}$/.test(name)) return keys([candidate('wechat-mp', 'wxid', name)], 'wechat-mp');
      return none('wechat-mp');
    }
    case 'weixin.qq.com':
      if (segs[0] === 'r') return shortLink('wechat-mp', canon);
      return none(null);
    case 'wxaurl.cn':
      return shortLink('wechat-mini', canon);
    // 易班
    case 'yiban.cn': {
      const lower = segs.map((s) => s.toLowerCase());
      const si = lower.indexOf('school');
      if (si >= 0 && lower[si + 1] === 'index' && lower[si + 2] === 'id' && segs[si + 3] && fits('yiban', 'school', segs[si + 3]!))
        return keys([candidate('yiban', 'school', segs[si + 3]!)], 'yiban');
      const pi = lower.indexOf('puid');
      if (pi >= 0 && segs[pi + 1] && fits('yiban', 'puid', segs[pi + 1]!)) return keys([candidate('yiban', 'puid', segs[pi + 1]!)], 'yiban');
      return none('yiban');
    }
    // 百度贴吧
    case 'tieba.baidu.com': {
      const kw = q('kw');
      if (segs[0] === 'f' && kw) {
        const name = kw.normalize('NFKC').trim();
        if (fits('tieba', 'kw', name)) return keys([candidate('tieba', 'kw', name)], 'tieba', { name: /吧$/.test(name) ? name : `${name}吧` });
      }
      const id = q('id');
      if (segs[0] === 'home' && id) {
        const portrait = id.split('?')[0]!;
        if (fits('tieba', 'portrait', portrait)) return keys([candidate('tieba', 'portrait', portrait)], 'tieba');
      }
      return none('tieba');
    }
    // 人人网
    case 'renren.com': {
      const id = q('id') ?? segs.find((s) => /^\d{5,12}$/.test(s));
      if (id && fits('renren', 'uid', id)) return keys([candidate('renren', 'uid', id)], 'renren');
      return none('renren');
    }
    // APP store pages: the store URL is an exact alias; Android stores also name the package.
    case 'play.google.com':
    case 'app.mi.com': {
      const id = q('id');
      const list = id && fits('app', 'package', id) ? [candidate('app', 'package', id)] : [];
      return keys([...list, candidate('app', 'url', canon)], 'app');
    }
    case 'sj.qq.com': {
      const id = segs[0] === 'appdetail' ? segs[1] : q('pkgname') ?? undefined;
      const list = id && fits('app', 'package', id) ? [candidate('app', 'package', id)] : [];
      return keys([...list, candidate('app', 'url', canon)], 'app');
    }
    case 'apps.apple.com':
      return keys([candidate('app', 'url', canon)], 'app');
  }
  // Any other web address: a website on that host (网站), or an exact alias of an APP or other page.
  const domain = u.hostname.toLowerCase().replace(/\.$/, '').replace(/^www\./, '');
  const list: KeyCandidate[] = [];
  if (fits('website', 'domain', domain)) list.push(candidate('website', 'domain', domain));
  list.push(candidate('app', 'url', canon), candidate('other', 'url', canon), candidate('other', 'short', canon));
  return { platform: 'website', keys: [...list, candidate('link', 'url', canon)] };
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

// ---------------------------------------------------------------------------------------------
// Bare IDs.

/** Key kinds searched for bare digits: every platform whose IDs can be all digits. */
const DIGIT_KINDS: Array<[string, string]> = [
  ['weibo', 'uid'],
  ['bilibili', 'mid'],
  ['qq-group', 'group'],
  ['qq-mp', 'uin'],
  ['toutiao', 'uid'],
  ['douyin', 'douyin_id'],
  ['kuaishou', 'kuaishou_id'],
  ['kuaishou', 'principal_id'],
  ['xiaohongshu', 'xhs_id'],
  ['yiban', 'school'],
  ['yiban', 'puid'],
  ['renren', 'uid'],
];

/** Key kinds searched for a bare handle (letters, digits, `_ - .`): user-chosen IDs. */
const HANDLE_KINDS: Array<[string, string]> = [
  ['wechat-mp', 'wxid'],
  ['weibo', 'domain'],
  ['douyin', 'douyin_id'],
  ['kuaishou', 'kuaishou_id'],
  ['kuaishou', 'principal_id'],
  ['xiaohongshu', 'xhs_id'],
  ['zhihu', 'org'],
  ['zhihu', 'people'],
  ['tieba', 'portrait'],
];

/** Labels people put before an ID ("抖音号：xxx"), restricting the search to that platform. */
const ID_LABELS: Array<[RegExp, Array<[string, string]>]> = [
  [/^(?:微信号|公众号)$/i, [['wechat-mp', 'wxid'], ['wechat-mp', 'gh']]],
  [/^(?:原始id)$/i, [['wechat-mp', 'gh']]],
  [/^(?:抖音号|抖音id)$/i, [['douyin', 'douyin_id'], ['douyin', 'sec_uid']]],
  [/^(?:快手号|快手id)$/i, [['kuaishou', 'kuaishou_id'], ['kuaishou', 'principal_id']]],
  [/^(?:小红书号|小红书id)$/i, [['xiaohongshu', 'xhs_id'], ['xiaohongshu', 'user_id']]],
  [/^(?:微博uid|微博id|微博)$/i, [['weibo', 'uid'], ['weibo', 'domain']]],
  [/^(?:b站uid|b站|uid|mid|bilibili)$/i, [['bilibili', 'mid']]],
  [/^(?:qq群号?|群号)$/i, [['qq-group', 'group']]],
  [/^(?:视频号id|视频号)$/i, [['wechat-channels', 'sph']]],
  [/^(?:appid|小程序appid)$/i, [['wechat-mini', 'appid']]],
  [/^(?:频道号)$/i, [['qq-channel', 'pd']]],
];

/** The keys a bare token could be (specific prefixes first, then every platform that fits). */
function parseBareId(token: string, only?: Array<[string, string]>): { kind: InputKind; keys: KeyCandidate[] } | null {
  const t = token.replace(/^@/, '');
  if (!/^[A-Za-z0-9_.+/=-]+$/.test(t)) return null;
  const pick = (list: Array<[string, string]>) =>
    list.filter(([p, k]) => (!only || only.some(([op, ok]) => op === p && ok === k)) && fits(p, k, t)).map(([p, k]) => candidate(p, k, t));
  const specific: Array<[RegExp, Array<[string, string]>]> = [
    [/^gh_[0-9a-f]{12}$/i, [['wechat-mp', 'gh']]],
    [/^wx[0-9a-f]{16}$/i, [['wechat-mini', 'appid']]],
    [/^sph[A-Za-z0-9]{6,}$/, [['wechat-channels', 'sph']]],
    [/^MS4wLj/, [['douyin', 'sec_uid'], ['toutiao', 'token']]],
    [/^[0-9a-f]{24}$/i, [['xiaohongshu', 'user_id']]],
    [/^pd\d+$/, [['qq-channel', 'pd']]],
  ];
  for (const [re, list] of specific) if (re.test(t)) {
    const keys = pick(list);
    if (keys.length) return { kind: 'id', keys };
  }
  if (isBiz(t)) {
    const keys = pick([['wechat-mp', 'biz']]);
    if (keys.length) return { kind: 'id', keys };
  }
  if (/^\d+$/.test(t)) return { kind: 'digits', keys: pick(DIGIT_KINDS) };
  if (/^(?:[a-z0-9-]+\.)+[a-z]{2,}$/i.test(t)) {
    const keys = pick([['website', 'domain'], ['app', 'package']]);
    if (keys.length) return { kind: 'id', keys };
  }
  if (/^[A-Za-z0-9_.-]+$/.test(t)) {
    const keys = pick(HANDLE_KINDS);
    return keys.length ? { kind: 'handle', keys } : null;
  }
  return null;
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

/**
 * Normalises a pasted input: NFKC, invisible characters removed, the URL pulled out of share text
 * and parsed into keys (tracking parameters ignored), bare IDs classified (bare digits and handles
 * search every platform that uses them), short links named with advice. Anything else is a name.
 */
export function normalizeInput(input: string): NormalizedInput {
  const text = cleanText(input).trim();
  const base: NormalizedInput = { text, kind: 'empty', url: null, platform: null, keys: [], unresolvable: null, name: null };
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
      r = u ? parseLink(u) : { platform: null, keys: [] };
    }
    return { ...base, kind: 'link', url: raw, platform: r.platform, keys: dedupe(r.keys), unresolvable: r.unresolvable ?? null, name: r.name ?? null };
  }

  // ICP备案号 (网站): 青ICP备12345678号-1, also inside text.
  const icp = /[\u4e00-\u9fa5]ICP备\d{6,10}号(?:-\d+)?/i.exec(text);
  if (icp) {
    const value = icp[0].replace(/icp/i, 'ICP');
    return { ...base, kind: 'id', platform: 'website', keys: [candidate('website', 'icp', value)] };
  }

  // "抖音号：xxx" / "UID: 123": a label restricts the search.
  const labelled = /^([^:：\s]{1,8})\s*[:：]\s*(\S+)$/.exec(text);
  if (labelled) {
    const rule = ID_LABELS.find(([re]) => re.test(labelled[1]!));
    if (rule) {
      const id = parseBareId(labelled[2]!, rule[1]);
      if (id && id.keys.length) return { ...base, kind: id.kind, platform: single(id.keys), keys: dedupe(id.keys) };
    }
  }

  if (!/\s/.test(text)) {
    const id = parseBareId(text);
    if (id && id.keys.length) return { ...base, kind: id.kind, platform: single(id.keys), keys: dedupe(id.keys), name: id.kind === 'handle' ? text.replace(/^@/, '') : null };
    if (id && id.kind === 'digits') return { ...base, kind: 'digits' };
  }
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
