/**
 * QQ空间 (Qzone).
 *
 * | form | example | keys |
 * |---|---|---|
 * | QQ号 | 5–11 digits | uin |
 * | home | `user.qzone.qq.com/<uin>`, `<uin>.qzone.qq.com`, `qzone.qq.com/<uin>` | uin |
 * | post | `user.qzone.qq.com/<uin>/mood/<id>`, `/blog/<id>` (the path names the owner) | uin |
 * | mobile | `h5.qzone.qq.com/mqzone/profile?hostuin=<uin>`, `mobile.qzone.qq.com/details?hostuin=<uin>&…` | uin |
 * | mobile post without hostuin | `h5.qzone.qq.com/ugc/share/<id>` | unresolvable |
 *
 * Sources: Qzone page URLs as linked from school 新媒体矩阵 pages; the mobile `hostuin` parameter.
 */
import { definePlatform, type PlatformCase } from './define.ts';

export default definePlatform({
  id: 'qzone',
  label: 'QQ空间',
  keys: [{ id: 'uin', label: 'QQ号', pattern: /^[1-9]\d{4,10}$/ }],
  visibleId: { kinds: ['uin'], label: 'QQ号' },
  hosts: ['qzone.qq.com', 'qzone.com'],
  idParams: ['hostuin', 'uin', 'res_uin'],
  links: [
    { hosts: ['user.qzone.qq.com', 'qzone.qq.com'], path: /^\/(?<uin>\d{5,11})(?:\/|$)/ },
    { hosts: ['*.qzone.qq.com'], query: { hostuin: 'uin', res_uin: 'uin', uin: 'uin' } },
    { hosts: ['*.qzone.qq.com', 'qzone.qq.com'], unresolvable: true },
  ],
  parse(ctx) {
    const m = /^(\d{5,11})\.qzone\.qq\.com$/.exec(ctx.host);
    return m && ctx.fits('uin', m[1]!) ? { platform: 'qzone', keys: [{ platform: 'qzone', kind: 'uin', value: m[1]! }] } : null;
  },
  idLabels: [{ label: /^qq空间$/i, kinds: ['uin'] }],
  bare: { digits: ['uin'] },
  advice: '该QQ空间链接不包含空间主人的QQ号。请打开空间主页，复制 user.qzone.qq.com/QQ号 的链接或QQ号。',
});

export const cases = (): PlatformCase[] => [
  { why: 'reads user.qzone.qq.com/<uin>', input: 'https://user.qzone.qq.com/2852199999', keys: ['qzone:uin:2852199999'], platform: 'qzone' },
  { why: 'reads the owner of a mood post', input: 'https://user.qzone.qq.com/2852199999/mood/abcdef1234567890', keys: ['qzone:uin:2852199999'] },
  { why: 'reads <uin>.qzone.qq.com', input: 'http://2852199999.qzone.qq.com/', keys: ['qzone:uin:2852199999'] },
  { why: 'reads the hostuin of a mobile profile', input: 'https://h5.qzone.qq.com/mqzone/profile?hostuin=2852199999&starttime=1', keys: ['qzone:uin:2852199999'] },
  { why: 'reads the hostuin of a mobile post', input: 'https://mobile.qzone.qq.com/details?appid=311&cellid=abc&hostuin=2852199999', keys: ['qzone:uin:2852199999'] },
  { why: 'names a share link without hostuin unresolvable', input: 'https://h5.qzone.qq.com/ugc/share/AbCdEf?_wv=1', unresolvable: 'qzone' },
  { why: 'reads a labelled QQ空间 number', input: 'QQ空间：2852199999', keys: ['qzone:uin:2852199999'] },
  { why: 'refuses a qzone path on a look-alike host', input: 'https://user.qzone.qq.com.evil.example/2852199999', notPlatform: 'qzone' },
  { why: 'refuses a host that ends in qzone.qq.com without a dot', input: 'https://fakeqzone.qq.com.cn/2852199999', notPlatform: 'qzone' },
];
