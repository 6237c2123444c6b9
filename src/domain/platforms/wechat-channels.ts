/**
 * 视频号 (WeChat Channels).
 *
 * | form | example | keys |
 * |---|---|---|
 * | 视频号ID | `sph` + letters/digits (视频号助手 → 账号信息) | sph |
 * | web pages | `channels.weixin.qq.com/…` (视频号助手, 视频号 web player) | unresolvable |
 * | share text | `视频号：名称`, `视频号ID：sph…` | name / sph |
 *
 * In-app cards carry no public link; the 视频号ID and the name are what students can copy.
 */
import { definePlatform, type PlatformCase } from './define.ts';

export default definePlatform({
  id: 'wechat-channels',
  label: '视频号',
  keys: [{ id: 'sph', label: '视频号ID', pattern: /^sph[A-Za-z0-9]{6,}$/ }],
  visibleId: { kinds: ['sph'], label: '视频号ID' },
  hosts: ['channels.weixin.qq.com'],
  links: [{ hosts: ['channels.weixin.qq.com'], unresolvable: true }],
  share: [{ re: /视频号[:：]\s*[「“]?(?<name>(?!sph)[^\s，。,」”]{2,30})/ }],
  idLabels: [{ label: /^视频号(?:id)?$/i, kinds: ['sph'] }],
  bare: { specific: [{ re: /^sph[A-Za-z0-9]{6,}$/, kinds: ['sph'] }] },
  advice: '视频号卡片无法离线解析。请在视频号主页查看视频号ID（sph 开头），或输入视频号名称。',
});

export const cases = (): PlatformCase[] => [
  { why: 'reads a bare 视频号ID', input: 'sphAbC123xyz', keys: ['wechat-channels:sph:sphAbC123xyz'], platform: 'wechat-channels' },
  { why: 'reads a labelled 视频号ID', input: '视频号ID: sphAbC123xyz', keys: ['wechat-channels:sph:sphAbC123xyz'] },
  { why: 'reads a 视频号ID inside share text', input: '关注我们的视频号ID：sphQcLg2024 看直播', keys: ['wechat-channels:sph:sphQcLg2024'] },
  { why: 'names a channels.weixin.qq.com page unresolvable', input: 'https://channels.weixin.qq.com/web/pages/feed?eid=export%2FAbC', unresolvable: 'wechat-channels' },
  { why: 'reads the name of a 视频号 in share text', input: '视频号：青川理工学院', name: '青川理工学院', keys: [] },
  { why: 'keeps the case of a 视频号ID', input: 'sphABCDEFG', keys: ['wechat-channels:sph:sphABCDEFG'] },
  { why: 'does not take sph with 4 characters for a 视频号ID', input: 'sphAbCd', notPlatform: 'wechat-channels' },
];
