/**
 * 微博 (Sina Weibo).
 *
 * | form | example | keys |
 * |---|---|---|
 * | UID | 5–12 digits | uid |
 * | 个性域名 | `weibo.com/<domain>` (site paths such as `hot`, `login` excluded) | domain |
 * | profile | `weibo.com/u/<uid>`, `weibo.com/<uid>`, `m.weibo.cn/u/<uid>`, `m.weibo.cn/profile/<uid>`, `weibo.cn/u/<uid>` | uid |
 * | page | `weibo.com/p/100606<uid>`, `/p/100505<uid>` (6-digit page prefix) | uid |
 * | post | `weibo.com/<uid>/<mblogid>` (reveals the author) | uid |
 * | mobile post | `m.weibo.cn/status/<mid>`, `m.weibo.cn/detail/<mid>` | unresolvable |
 * | nickname | `weibo.com/n/<昵称>` | name |
 * | short | `t.cn/<code>`, `sinaurl.cn/<code>` | unresolvable |
 * | share text | `【X的微博】`, `分享X的微博`, `@X` | name |
 *
 * Sources: RSSHub lib/routes/weibo (user/:uid, m.weibo.cn containers), MediaCrawler weibo helpers.
 */
import { SHORT, definePlatform, type PlatformCase } from './define.ts';

/** Top-level paths of weibo.com that are site pages, not personal domains. */
const RESERVED = new Set(
  'u n p a i k l o z at tv ttarticle login newlogin signup signin logout set hot search home explore about ajax aj messages unreadhint mygroups fav like comments friends follow fans pub sorry live video music topic tag page show status detail profile lookup feed discover hotweibo tips help gov media travel weibo m mobile lottery app apps pay vip ads ad data hotsearch login.php'.split(' '),
);

export default definePlatform({
  id: 'weibo',
  label: '微博',
  keys: [
    { id: 'uid', label: '微博UID', pattern: /^[1-9]\d{4,11}$/ },
    { id: 'domain', label: '个性域名', pattern: /^[a-z0-9_]{2,30}$/, lowerCase: true },
    SHORT,
  ],
  visibleId: { kinds: ['uid', 'domain'], label: '微博UID' },
  hosts: ['weibo.com', 'weibo.cn', 't.cn', 'sinaurl.cn', 'sina.cn'],
  idParams: ['uid'],
  links: [
    { hosts: ['t.cn', 'sinaurl.cn'], unresolvable: true },
    { hosts: ['weibo.com', 'weibo.cn'], path: /^\/(?:u|profile)\/(?<uid>\d+)/ },
    { hosts: ['weibo.com', 'weibo.cn'], path: /^\/p\/100[56]0[56](?<uid>\d{5,12})(?:\/|$)/ },
    { hosts: ['weibo.com', 'weibo.cn'], path: /^\/n\/(?<name>[^/]+)/ },
    {
      hosts: ['weibo.com', 'weibo.cn'],
      path: /^\/(?:status|detail)\//,
      unresolvable: true,
      advice: '微博正文链接不包含作者信息。请点作者头像进入主页 → “复制链接”，或输入微博 UID。',
    },
    { hosts: ['weibo.com', 'weibo.cn'], path: /^\/(?<uid>\d{5,12})(?:\/[A-Za-z0-9]+)?\/?$/ },
  ],
  parse(ctx) {
    if (ctx.host !== 'weibo.com' && ctx.host !== 'weibo.cn') return null;
    const a = ctx.segs[0];
    if (ctx.segs.length === 1 && a && !RESERVED.has(a.toLowerCase()) && !/^\d+$/.test(a) && ctx.fits('domain', a))
      return { platform: 'weibo', keys: [{ platform: 'weibo', kind: 'domain', value: a }] };
    return null;
  },
  share: [{ re: /(?:新浪)?微博(?:账号|名称)?[:：]\s*[「“]?(?<name>[^\s，。,；;]*[\u4e00-\u9fff][^\s，。,；;]*)/ }, { re: /【(?<name>[^【】]{1,30}?)的微博(?:主页)?】/ }, { re: /分享(?<name>[^\s，。,【】]{1,30}?)的微博/ }],
  idLabels: [{ label: /^微博(?:uid|id)?$/i, kinds: ['uid', 'domain'] }],
  bare: { digits: ['uid'], handle: ['domain'] },
  advice: '微博短链接（t.cn）和正文链接无法离线展开。请打开该账号主页 → 右上角“…” → “复制链接”（形如 weibo.com/u/数字），或直接输入微博 UID。',
});

const UID = '1234567890';
export const cases = (): PlatformCase[] => [
  { why: 'reads weibo.com/u/<uid>', input: `https://weibo.com/u/${UID}`, keys: [`weibo:uid:${UID}`], platform: 'weibo' },
  { why: 'ignores tracking parameters', input: `https://weibo.com/u/${UID}?refer_flag=1001030103_&is_all=1`, keys: [`weibo:uid:${UID}`] },
  { why: 'reads m.weibo.cn/u/<uid>', input: `https://m.weibo.cn/u/${UID}?uid=${UID}&luicode=10000011`, keys: [`weibo:uid:${UID}`] },
  { why: 'reads m.weibo.cn/profile/<uid>', input: `https://m.weibo.cn/profile/${UID}`, keys: [`weibo:uid:${UID}`] },
  { why: 'reads weibo.cn/u/<uid>', input: `https://weibo.cn/u/${UID}`, keys: [`weibo:uid:${UID}`] },
  { why: 'reads weibo.com/<uid>', input: `https://weibo.com/${UID}`, keys: [`weibo:uid:${UID}`] },
  { why: 'reads the author of a post link', input: `https://weibo.com/${UID}/NqWeRtYuI`, keys: [`weibo:uid:${UID}`] },
  { why: 'strips the 100606 page prefix', input: `https://weibo.com/p/100606${UID}/home?from=page_100606`, keys: [`weibo:uid:${UID}`] },
  { why: 'strips the 100505 page prefix', input: `https://weibo.com/p/100505${UID}`, keys: [`weibo:uid:${UID}`] },
  { why: 'reads a custom domain, lower-cased', input: 'https://weibo.com/QCLG1958', keys: ['weibo:domain:qclg1958'] },
  { why: 'does not take a site path for a custom domain', input: 'https://weibo.com/hot/weibo', keys: [], platform: 'weibo' },
  { why: 'does not take login.php for a custom domain', input: 'https://weibo.com/login.php', keys: [] },
  { why: 'reads weibo.com/n/<nickname> as a name', input: 'https://weibo.com/n/青川理工学院', keys: [], name: '青川理工学院' },
  { why: 'names t.cn unresolvable', input: 'http://t.cn/A6abcDEF', unresolvable: 'weibo', keys: ['weibo:short:https://t.cn/A6abcDEF'] },
  { why: 'names m.weibo.cn/status unresolvable', input: 'https://m.weibo.cn/status/4912345678901234', unresolvable: 'weibo' },
  { why: 'names m.weibo.cn/detail unresolvable', input: 'https://m.weibo.cn/detail/4912345678901234', unresolvable: 'weibo' },
  { why: 'reads a full-width weibo link', input: 'ｈｔｔｐｓ：／／ｗｅｉｂｏ．ｃｏｍ／ｕ／１２３４５６７８９０', keys: [`weibo:uid:${UID}`] },
  { why: 'reads a scheme-less weibo link', input: `weibo.com/u/${UID}`, keys: [`weibo:uid:${UID}`] },
  { why: 'reads a labelled 微博UID', input: `微博UID: ${UID}`, keys: [`weibo:uid:${UID}`] },
  { why: 'reads the name in a 【X的微博】 share', input: '【青川理工学院的微博】 http://t.cn/A6abcDEF', unresolvable: 'weibo', name: '青川理工学院' },
  { why: 'reads the name in a 分享X的微博 share', input: `分享青川理工团委的微博 https://weibo.com/u/${UID}`, keys: [`weibo:uid:${UID}`], name: '青川理工团委' },
  { why: 'refuses a weibo path on another host', input: `https://evil.example/weibo/u/${UID}`, notPlatform: 'weibo', platform: 'website' },
  { why: 'refuses a host that only ends in weibo.com without a dot', input: `https://fakeweibo.com/u/${UID}`, notPlatform: 'weibo' },
  { why: 'refuses userinfo before weibo.com', input: `https://weibo.com:443@evil.example/u/${UID}`, offPlatform: true, keys: [] },
  { why: 'reads a weibo link in a sentence with full-width punctuation', input: `我们的微博：https://weibo.com/u/${UID}，欢迎关注！`, keys: [`weibo:uid:${UID}`] },
  { why: "keeps another user's uid apart", input: 'https://weibo.com/u/7138973247', keys: ['weibo:uid:7138973247'] },
  { why: 'reads a name written after the platform name', input: '微博：青川理工学院', name: '青川理工学院', platform: 'weibo', keys: [] },
];
