/**
 * QQ群.
 *
 * | form | example | keys |
 * |---|---|---|
 * | 群号 | 5–11 digits | group |
 * | QR link | `qm.qq.com/cgi-bin/qm/qr?k=…&group_code=<n>` | group |
 * | QR link without group_code | `qm.qq.com/cgi-bin/qm/qr?k=…` (person or group) | unresolvable |
 * | invite | `qm.qq.com/q/<code>`, `jq.qq.com/?k=<key>`, `qun.qq.com/qqweb/qunpro/share?…` | unresolvable |
 * | share text | `群号：<n>`, `QQ群：<n>`, `群名称：X 群号：<n>` | group, name |
 *
 * Sources: QQ group share pages (qm.qq.com QR parameters), public university pages listing 群号.
 */
import { SHORT, definePlatform, type PlatformCase } from './define.ts';

export default definePlatform({
  id: 'qq-group',
  label: 'QQ群',
  group: true,
  keys: [{ id: 'group', label: 'QQ群号', pattern: /^[1-9]\d{4,10}$/ }, SHORT],
  visibleId: { kinds: ['group'], label: 'QQ群号' },
  hosts: ['qm.qq.com', 'jq.qq.com', 'qun.qq.com', 'shang.qq.com'],
  idParams: ['group_code', 'k'],
  links: [
    { hosts: ['qm.qq.com', 'qun.qq.com'], query: { group_code: 'group', groupcode: 'group', gc: 'group' } },
    { hosts: ['qm.qq.com', 'jq.qq.com', 'qun.qq.com'], unresolvable: true },
  ],
  share: [{ re: /群名称[:：]\s*(?<name>[^\s，。,]{2,30})/ }],
  idLabels: [{ label: /^(?:qq群号?|群号(?:码)?)$/i, kinds: ['group'] }],
  bare: { digits: ['group'] },
  advice: 'QQ群邀请短链接无法离线展开。请打开群资料，复制QQ群号后输入。',
});

export const cases = (): PlatformCase[] => [
  { why: 'reads group_code from a qm.qq.com QR link', input: 'https://qm.qq.com/cgi-bin/qm/qr?k=AbCdEf&jump_from=webapi&authKey=xyz&group_code=87654321', keys: ['qq-group:group:87654321'], platform: 'qq-group' },
  { why: 'names qm.qq.com/q/ unresolvable', input: 'https://qm.qq.com/q/AbCdEfGh', unresolvable: 'qq-group' },
  { why: 'names jq.qq.com/?k= unresolvable', input: 'https://jq.qq.com/?_wv=1027&k=AbCdEf', unresolvable: 'qq-group', keys: ['qq-group:short:https://jq.qq.com?k=AbCdEf'] },
  { why: 'names a QR link without group_code unresolvable', input: 'https://qm.qq.com/cgi-bin/qm/qr?k=AbCdEfGh&jump_from=webapi', unresolvable: 'qq-group' },
  { why: 'reads a labelled QQ群号', input: 'QQ群：87654321', keys: ['qq-group:group:87654321'], platform: 'qq-group' },
  { why: 'reads 群号 with its name in share text', input: '群名称：青川理工2026级新生群 群号：87654321', keys: ['qq-group:group:87654321'], name: '青川理工2026级新生群' },
  { why: 'reads a 群号码 label', input: '群号码: 87654321', keys: ['qq-group:group:87654321'] },
  { why: 'refuses a QR link on a look-alike host', input: 'https://qm.qq.com.evil.example/cgi-bin/qm/qr?group_code=87654321', notPlatform: 'qq-group' },
  { why: 'refuses a host ending in qq.com without a dot', input: 'https://evilqq.com/cgi-bin/qm/qr?group_code=87654321', notPlatform: 'qq-group' },
];
