/**
 * Chat groups with no durable public ID: 微信群, 企业微信群, 钉钉群 (PLATFORMS.md: WeChat group QR codes
 * expire after about 7 days; join links are opaque tokens). They are filed by name, unit and owner;
 * their links are unresolvable by nature.
 *
 * | platform | link forms | keys |
 * |---|---|---|
 * | 微信群 | `weixin.qq.com/g/<token>` (group QR, expires) | unresolvable |
 * | 企业微信群 | `work.weixin.qq.com/gm/<token>`, `work.weixin.qq.com/ca/<token>` | unresolvable |
 * | 钉钉群 | `qr.dingtalk.com/action/joingroup?code=…`, `h5.dingtalk.com/…` | unresolvable |
 */
import { definePlatform, type PlatformCase } from './define.ts';

const ADVICE = '群邀请链接和二维码会过期，也不含群的公开编号，无法离线核验。请向群主或所在单位询问该群是否已备案。';

export const wechatGroup = definePlatform({
  id: 'wechat-group',
  label: '微信群',
  group: true,
  keys: [],
  hosts: ['weixin.qq.com'],
  links: [{ hosts: ['weixin.qq.com'], path: /^\/g\//, unresolvable: true, advice: ADVICE }],
  advice: ADVICE,
});

export const wecomGroup = definePlatform({
  id: 'wecom-group',
  label: '企业微信群',
  group: true,
  keys: [],
  hosts: ['work.weixin.qq.com'],
  links: [{ hosts: ['work.weixin.qq.com'], unresolvable: true, advice: ADVICE }],
  advice: ADVICE,
});

export const dingtalkGroup = definePlatform({
  id: 'dingtalk-group',
  label: '钉钉群',
  group: true,
  keys: [],
  hosts: ['dingtalk.com'],
  links: [{ hosts: ['*.dingtalk.com', 'dingtalk.com'], unresolvable: true, advice: ADVICE }],
  advice: ADVICE,
});

export const cases = (): PlatformCase[] => [
  { why: 'names a WeChat group QR link unresolvable', input: 'https://weixin.qq.com/g/AbCdEfGhIjKl', unresolvable: 'wechat-group' },
  { why: 'names a WeCom group link unresolvable', input: 'https://work.weixin.qq.com/gm/abcdef0123456789', unresolvable: 'wecom-group' },
  { why: 'names a DingTalk join link unresolvable', input: 'https://qr.dingtalk.com/action/joingroup?code=v1,k1,AbCdEf&_dt_no_comment=1', unresolvable: 'dingtalk-group' },
  { why: 'refuses a look-alike DingTalk host', input: 'https://qr.dingtalk.com.evil.example/action/joingroup?code=x', notPlatform: 'dingtalk-group' },
  { why: 'refuses a WeCom look-alike host', input: 'https://work.weixin.qq.com.evil.example/gm/abc', notPlatform: 'wecom-group' },
];
