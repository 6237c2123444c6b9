/**
 * 微信公众号 (WeChat official account).
 *
 * | form | example | keys |
 * |---|---|---|
 * | 原始ID | `gh_` + 12 hex | gh (lower-case) |
 * | __biz (base64 of a number) | `MzA3MDM3NjE5NQ==` | biz |
 * | 微信号 | user-chosen, `^[a-z][-_a-z0-9]{5,19}$` (legacy ones may break it: warning) | wxid |
 * | article | `mp.weixin.qq.com/s?__biz=…&mid=…&idx=…&sn=…` | biz |
 * | profile | `mp.weixin.qq.com/mp/profile_ext?action=home&__biz=…`, `/mp/homepage?__biz=…` | biz |
 * | QR | `open.weixin.qq.com/qr/code?username=gh_…` or `=微信号` | gh / wxid |
 * | short article | `mp.weixin.qq.com/s/<token>` | unresolvable (no publisher) |
 * | QR short link | `weixin.qq.com/r/<token>` | unresolvable |
 * | share text | `公众号原始ID：gh_…`, `微信号：…`, `推荐公众号：名称`, `【名称】标题 https://mp.weixin.qq.com/s/…` | gh / wxid, name |
 *
 * Sources: WeChat developer docs (原始ID, __biz), RSSHub lib/routes/wechat (mp.weixin.qq.com forms).
 * The user-visible ID is the 微信号 shown on the profile, or the 原始ID when no 微信号 was set.
 */
import { SHORT, definePlatform, type PlatformCase } from './define.ts';

export default definePlatform({
  id: 'wechat-mp',
  label: '微信公众号',
  keys: [
    { id: 'gh', label: '原始ID', pattern: /^gh_[0-9a-f]{12}$/, lowerCase: true },
    { id: 'biz', label: '__biz', pattern: /^[A-Za-z0-9+/]{8,}={0,2}$/ },
    { id: 'wxid', label: '微信号', pattern: /^[a-z][-_a-z0-9]{5,19}$/, strict: false, lowerCase: true },
    SHORT,
  ],
  visibleId: { kinds: ['wxid', 'gh'], label: '微信号或原始ID' },
  hosts: ['mp.weixin.qq.com', 'weixin.qq.com'],
  idParams: ['__biz', 'username'],
  links: [
    { hosts: ['mp.weixin.qq.com'], query: { __biz: 'biz' } },
    { hosts: ['open.weixin.qq.com'], path: /^\/qr\/code/, query: { username: 'gh' } },
    { hosts: ['open.weixin.qq.com'], path: /^\/qr\/code/, query: { username: 'wxid' } },
    { hosts: ['mp.weixin.qq.com'], path: /^\/s\/[A-Za-z0-9_-]+/, unresolvable: true },
    { hosts: ['mp.weixin.qq.com'], path: /^\/s$/, unresolvable: true },
    { hosts: ['weixin.qq.com'], path: /^\/r\//, unresolvable: true },
  ],
  share: [
    { re: /(?:微信)?公众号(?:名称)?[:：]\s*[「“]?(?<name>[^\s，。,；;]*[\u4e00-\u9fff][^\s，。,；;]*)/ },
    { re: /(?:推荐|分享)(?:了)?(?:一个)?公众号[:：\s]*[「“【]?(?<name>[^\s，。,」”】]{2,30})/ },
    { re: /公众号[「“](?<name>[^」”]{2,30})[」”]/ },
  ],
  idLabels: [
    { label: /^(?:公众号)?(?:微信号|公众号)$/i, kinds: ['wxid', 'gh'] },
    { label: /^(?:公众号)?原始id$/i, kinds: ['gh'] },
  ],
  bare: { specific: [{ re: /^gh_[0-9a-f]{12}$/i, kinds: ['gh'] }], handle: ['wxid'] },
  advice: '公众号文章短链接和二维码链接不含账号信息。请点文章顶部的公众号名称进入主页 → 右上角“…” → “复制链接”；或输入公众号的微信号、原始ID（gh_ 开头）。',
});

const GH = 'gh_3a1b2c3d4e5f';
const BIZ = 'MzA3MDM3NjE5NQ==';
export const cases = (): PlatformCase[] => [
  { why: 'reads a bare 原始ID', input: GH, keys: [`wechat-mp:gh:${GH}`], platform: 'wechat-mp' },
  { why: 'lower-cases an upper-case 原始ID', input: 'GH_3A1B2C3D4E5F', keys: [`wechat-mp:gh:${GH}`] },
  { why: 'reads __biz from an article link', input: `https://mp.weixin.qq.com/s?__biz=${BIZ}&mid=2650&idx=1&sn=abc#rd`, keys: [`wechat-mp:biz:${BIZ}`] },
  { why: 'reads __biz from profile_ext', input: `https://mp.weixin.qq.com/mp/profile_ext?action=home&__biz=${BIZ}&scene=124#wechat_redirect`, keys: [`wechat-mp:biz:${BIZ}`] },
  { why: 'reads a percent-encoded __biz', input: 'http://mp.weixin.qq.com/s?__biz=MzA3MDM3NjE5NQ%3D%3D&mid=1', keys: [`wechat-mp:biz:${BIZ}`] },
  { why: 'reads a 原始ID from an open.weixin QR link', input: `https://open.weixin.qq.com/qr/code?username=${GH}`, keys: [`wechat-mp:gh:${GH}`] },
  { why: 'reads a 微信号 from an open.weixin QR link', input: 'https://open.weixin.qq.com/qr/code?username=qclg1958', keys: ['wechat-mp:wxid:qclg1958'] },
  { why: 'names an mp.weixin.qq.com/s/<token> article unresolvable', input: 'https://mp.weixin.qq.com/s/Xb8kQ2mJ7pLr0aT3cYvN1w', unresolvable: 'wechat-mp', keys: ['wechat-mp:short:https://mp.weixin.qq.com/s/Xb8kQ2mJ7pLr0aT3cYvN1w'] },
  { why: 'names a weixin.qq.com/r/ QR link unresolvable', input: 'http://weixin.qq.com/r/aB3dEf9hIjKlMnOp', unresolvable: 'wechat-mp' },
  { why: 'keeps the 原始ID in share text with a full-width colon', input: `公众号原始ID：${GH}，欢迎关注`, keys: [`wechat-mp:gh:${GH}`], platform: 'wechat-mp' },
  { why: 'reads a labelled 微信号', input: '微信号：qclg1958', keys: ['wechat-mp:wxid:qclg1958'] },
  { why: 'reads a 微信号 inside a sentence', input: '欢迎关注我们，微信号: qclg_tw 每日更新', keys: ['wechat-mp:wxid:qclg_tw'] },
  { why: 'reads the name of a recommended 公众号', input: '推荐公众号：青川理工学院', name: '青川理工学院', keys: [] },
  { why: 'reads the name and the unresolvable article of a shared article', input: '推荐公众号：青川理工团委 https://mp.weixin.qq.com/s/AbCdEfGhIj', unresolvable: 'wechat-mp', name: '青川理工团委', keys: ['wechat-mp:short:https://mp.weixin.qq.com/s/AbCdEfGhIj'] },
  { why: 'refuses a userinfo link that only looks like mp.weixin.qq.com', input: 'https://mp.weixin.qq.com@evil.example/s?__biz=MzA3MDM3NjE5NQ==', offPlatform: true, keys: [] },
  { why: 'refuses a look-alike host ending in weixin.qq.com.evil.example', input: `https://mp.weixin.qq.com.evil.example/s?__biz=${BIZ}`, notPlatform: 'wechat-mp', platform: 'website' },
  { why: 'does not take gh_ with 11 hex digits', input: 'gh_3a1b2c3d4e5', platform: null },
  { why: 'reads a name written after the platform name', input: '公众号：青川理工学院', name: '青川理工学院', platform: 'wechat-mp', keys: [] },
];
