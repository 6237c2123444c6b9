/**
 * 小红书 (Xiaohongshu / RED).
 *
 * | form | example | keys |
 * |---|---|---|
 * | user_id | 24 hex | user_id (lower-case) |
 * | 小红书号 | shown on the profile (digits or user-chosen) | xhs_id (lower-case) |
 * | profile | `www.xiaohongshu.com/user/profile/<user_id>` (xsec_token etc. ignored) | user_id |
 * | note | `www.xiaohongshu.com/explore/<note>`, `/discovery/item/<note>` | unresolvable |
 * | short | `xhslink.com/<code>`, `xhslink.com/a/<code>`, `xhslink.cn/…` | unresolvable |
 * | share (note) | `X发布了一篇小红书笔记，快来看吧！😆 abc 😆 http://xhslink.com/…，复制本条信息，打开【小红书】App查看精彩内容！` | name |
 * | share (profile) | `@X 在小红书收获了N次赞与收藏，查看Ta的主页>> http://xhslink.com/…`; `小红书号：…`; `【X的个人主页】` | name / xhs_id |
 *
 * Sources: MediaCrawler media_platform/xhs (user/profile/<user_id>, xhslink redirects).
 */
import { SHORT, definePlatform, type PlatformCase } from './define.ts';

const NOTE = '笔记链接不包含发布者信息。请点作者头像进入主页，复制“小红书号”或主页链接。';

export default definePlatform({
  id: 'xiaohongshu',
  label: '小红书',
  keys: [
    { id: 'user_id', label: 'user_id', pattern: /^[0-9a-f]{24}$/, lowerCase: true },
    { id: 'xhs_id', label: '小红书号', pattern: /^[A-Za-z0-9_.]{2,32}$/, lowerCase: true },
    SHORT,
  ],
  visibleId: { kinds: ['xhs_id'], label: '小红书号' },
  hosts: ['xiaohongshu.com', 'xhslink.com', 'xhslink.cn', 'xhscdn.com'],
  links: [
    { hosts: ['xhslink.com', 'xhslink.cn'], unresolvable: true },
    { hosts: ['xiaohongshu.com'], path: /^\/user\/profile\/(?<user_id>[0-9a-fA-F]{24})/ },
    { hosts: ['xiaohongshu.com'], path: /^\/(?:explore|discovery\/item)\//, unresolvable: true, advice: NOTE },
  ],
  share: [
    { re: /小红书(?:账号|名称)?[:：]\s*[「“]?(?<name>[^\s，。,；;]*[\u4e00-\u9fff][^\s，。,；;]*)/ },
    { re: /(?:^|\s)(?<name>[^\s，。,!！【】@]{1,30})发布了一篇小红书笔记/ },
    { re: /@(?<name>[^\s，。,!！【】@]{1,30})\s*在小红书/ },
    { re: /【(?<name>[^【】]{1,30}?)的个人主页】/ },
  ],
  idLabels: [{ label: /^小红书(?:号|id)?$/i, kinds: ['xhs_id', 'user_id'] }],
  bare: { specific: [{ re: /^[0-9a-f]{24}$/i, kinds: ['user_id'] }], digits: ['xhs_id'], handle: ['xhs_id'] },
  advice: '小红书分享短链接无法离线展开。请打开该账号主页，复制“小红书号”；或在浏览器打开主页，复制 xiaohongshu.com/user/profile/… 的链接。',
});

const XHS = '5ff0e6410000000001008400';
export const cases = (): PlatformCase[] => [
  { why: 'reads a user_id link, ignoring xsec_token', input: `https://www.xiaohongshu.com/user/profile/${XHS}?xsec_token=ABC&xsec_source=pc_search`, keys: [`xiaohongshu:user_id:${XHS}`], platform: 'xiaohongshu' },
  { why: 'lower-cases a user_id', input: `https://www.xiaohongshu.com/user/profile/${XHS.toUpperCase()}`, keys: [`xiaohongshu:user_id:${XHS}`] },
  { why: 'reads a bare 24-hex user_id', input: XHS, keys: [`xiaohongshu:user_id:${XHS}`] },
  { why: 'reads the author of a note share text', input: '青川理工学院发布了一篇小红书笔记，快来看吧！😆 AbCd 😆 http://xhslink.com/a/AbCdEf，复制本条信息，打开【小红书】App查看精彩内容！', unresolvable: 'xiaohongshu', name: '青川理工学院', keys: ['xiaohongshu:short:https://xhslink.com/a/AbCdEf'] },
  { why: 'reads the name of a profile share text', input: '@青川理工团委 在小红书收获了2.3万次赞与收藏，查看Ta的主页>> http://xhslink.com/m/XyZ123 复制本条信息，打开【小红书】App查看精彩内容！', unresolvable: 'xiaohongshu', name: '青川理工团委' },
  { why: 'reads 小红书号 in a profile share text', input: '【青川理工学院的个人主页】 小红书号：95270001 http://xhslink.com/m/XyZ123', keys: ['xiaohongshu:xhs_id:95270001', 'xiaohongshu:short:https://xhslink.com/m/XyZ123'], name: '青川理工学院', unresolvable: 'xiaohongshu' },
  { why: 'reads a labelled 小红书号', input: '小红书号：qclg_official', keys: ['xiaohongshu:xhs_id:qclg_official'] },
  { why: 'names xhslink.cn unresolvable', input: 'https://xhslink.cn/m/AbCdEf', unresolvable: 'xiaohongshu' },
  { why: 'names an explore note unresolvable', input: 'https://www.xiaohongshu.com/explore/65a1b2c3d4e5f60718293a4b', unresolvable: 'xiaohongshu' },
  { why: 'names a discovery note unresolvable', input: 'https://www.xiaohongshu.com/discovery/item/65a1b2c3d4e5f60718293a4b?xsec_token=x', unresolvable: 'xiaohongshu' },
  { why: 'does not take a 24-char non-hex string for a user_id', input: '5ff0e6410000000001008zzz', platform: null },
  { why: 'refuses a profile path on a look-alike host', input: `https://xiaohongshu.com.cn.evil.example/user/profile/${XHS}`, notPlatform: 'xiaohongshu' },
  { why: 'reads a 小红书号 in a sentence', input: '关注我们的小红书号: 95270418 获取最新活动', keys: ['xiaohongshu:xhs_id:95270418'] },
  { why: 'reads a name written after the platform name', input: '小红书：青川理工学院', name: '青川理工学院', platform: 'xiaohongshu', keys: [] },
];
