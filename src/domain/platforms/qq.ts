/**
 * QQ号 (a QQ account run by a unit, e.g. a student union's service QQ).
 *
 * | form | example | keys |
 * |---|---|---|
 * | QQ号 | 5–11 digits | uin |
 * | chat link | `wpa.qq.com/msgrd?v=3&uin=<n>&site=qq&menu=yes` | uin |
 * | personal QR | `qm.qq.com/cgi-bin/qm/qr?k=…` (no number) | unresolvable (qq-group's form) |
 * | share text | `QQ：<n>`, `QQ号：<n>` | uin |
 *
 * Sources: Tencent WPA chat links as published on school pages.
 */
import { definePlatform, type PlatformCase } from './define.ts';

export default definePlatform({
  id: 'qq',
  label: 'QQ号',
  keys: [{ id: 'uin', label: 'QQ号', pattern: /^[1-9]\d{4,10}$/ }],
  visibleId: { kinds: ['uin'], label: 'QQ号' },
  hosts: ['wpa.qq.com', 'qm.qq.com', 'im.qq.com'],
  idParams: ['uin'],
  links: [{ hosts: ['wpa.qq.com'], query: { uin: 'uin' } }],
  idLabels: [{ label: /^qq号?(?:码)?$/i, kinds: ['uin'] }],
  bare: { digits: ['uin'] },
});

export const cases = (): PlatformCase[] => [
  { why: 'reads the uin of a wpa chat link', input: 'https://wpa.qq.com/msgrd?v=3&uin=2852199999&site=qq&menu=yes', keys: ['qq:uin:2852199999'], platform: 'qq' },
  { why: 'reads a labelled QQ号 as a QQ and its QQ空间 (one number, both)', input: 'QQ号：2852199999', keys: ['qq:uin:2852199999', 'qzone:uin:2852199999'] },
  { why: 'reads a QQ: label inside text', input: '学生会值班QQ：2852199999（工作日在线）', keys: ['qq:uin:2852199999'] },
  { why: 'refuses a wpa link on a look-alike host', input: 'https://wpa.qq.com.evil.example/msgrd?v=3&uin=2852199999', notPlatform: 'qq' },
  { why: 'does not read a QQ号 off a qq.com look-alike host', input: 'https://wpa-qq.com/msgrd?v=3&uin=2852199999', notPlatform: 'qq' },
];
