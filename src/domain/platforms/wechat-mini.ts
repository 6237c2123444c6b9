/**
 * 微信小程序 (mini program).
 *
 * | form | example | keys |
 * |---|---|---|
 * | AppID | `wx` + 16 hex | appid |
 * | URL scheme | `weixin://dl/business/?appid=wx…&path=…` | appid |
 * | URL scheme ticket | `weixin://dl/business/?t=<ticket>` | unresolvable |
 * | URL link | `wxaurl.cn/<code>` | unresolvable |
 * | card text | `#小程序://名称/<code>` | unresolvable + name |
 *
 * Sources: WeChat developer docs (URL Scheme, URL Link, 小程序码).
 */
import { SHORT, definePlatform, type PlatformCase } from './define.ts';

export default definePlatform({
  id: 'wechat-mini',
  label: '微信小程序',
  keys: [{ id: 'appid', label: 'AppID', pattern: /^wx[0-9a-f]{16}$/, lowerCase: true }, SHORT],
  visibleId: { kinds: ['appid'], label: 'AppID' },
  hosts: ['wxaurl.cn', 'mp.weixin.qq.com', 'weixin.qq.com'],
  idParams: ['appid'],
  links: [{ hosts: ['wxaurl.cn'], unresolvable: true }],
  idLabels: [{ label: /^(?:小程序)?appid$/i, kinds: ['appid'] }],
  bare: { specific: [{ re: /^wx[0-9a-f]{16}$/i, kinds: ['appid'] }] },
  advice: '小程序链接无法离线解析。请在小程序右上角“…” → 点小程序名称 → 查看 AppID（wx 开头）后输入；也可以输入小程序名称。',
});

export const cases = (): PlatformCase[] => [
  { why: 'reads a bare AppID', input: 'wx0123456789abcdef', keys: ['wechat-mini:appid:wx0123456789abcdef'], platform: 'wechat-mini' },
  { why: 'lower-cases an AppID', input: 'WX0123456789ABCDEF', keys: ['wechat-mini:appid:wx0123456789abcdef'] },
  { why: 'reads the AppID of a weixin://dl/business link', input: 'weixin://dl/business/?appid=wx0123456789abcdef&path=pages/index', keys: ['wechat-mini:appid:wx0123456789abcdef'] },
  { why: 'names a weixin://dl/business ticket unresolvable', input: 'weixin://dl/business/?t=AbCdEf123', unresolvable: 'wechat-mini' },
  { why: 'names a wxaurl.cn link unresolvable', input: 'https://wxaurl.cn/AbCdEfGh', unresolvable: 'wechat-mini', keys: ['wechat-mini:short:https://wxaurl.cn/AbCdEfGh'] },
  { why: 'keeps the name of a #小程序:// card', input: '#小程序://青川理工教务/AbCdEf', unresolvable: 'wechat-mini', name: '青川理工教务' },
  { why: 'reads a labelled AppID', input: '小程序AppID：wx0123456789abcdef', keys: ['wechat-mini:appid:wx0123456789abcdef'] },
  { why: 'does not take wx with 15 hex digits for an AppID', input: 'wx0123456789abcde', notPlatform: 'wechat-mini' },
];
