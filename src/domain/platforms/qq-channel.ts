/**
 * QQ频道.
 *
 * | form | example | keys |
 * |---|---|---|
 * | 频道号 | `pd` + digits | pd |
 * | share | `pd.qq.com/s/<code>`, `pd.qq.com/g/<code>` | unresolvable |
 *
 * Sources: QQ频道 share pages.
 */
import { SHORT, definePlatform, type PlatformCase } from './define.ts';

export default definePlatform({
  id: 'qq-channel',
  label: 'QQ频道',
  keys: [{ id: 'pd', label: '频道号', pattern: /^pd\d+$/ }, SHORT],
  visibleId: { kinds: ['pd'], label: '频道号' },
  hosts: ['pd.qq.com'],
  links: [{ hosts: ['pd.qq.com'], unresolvable: true }],
  idLabels: [{ label: /^(?:qq)?频道号$/i, kinds: ['pd'] }],
  bare: { specific: [{ re: /^pd\d+$/, kinds: ['pd'] }] },
  advice: 'QQ频道分享链接无法离线展开。请打开频道资料，复制频道号（pd 开头）后输入。',
});

export const cases = (): PlatformCase[] => [
  { why: 'reads a bare 频道号', input: 'pd12345678', keys: ['qq-channel:pd:pd12345678'], platform: 'qq-channel' },
  { why: 'reads a labelled 频道号', input: '频道号：pd12345678', keys: ['qq-channel:pd:pd12345678'] },
  { why: 'names pd.qq.com/s/ unresolvable', input: 'https://pd.qq.com/s/abc123', unresolvable: 'qq-channel', keys: ['qq-channel:short:https://pd.qq.com/s/abc123'] },
  { why: 'names pd.qq.com/g/ unresolvable', input: 'https://pd.qq.com/g/qclg2026', unresolvable: 'qq-channel' },
  { why: 'refuses a look-alike host', input: 'https://pd.qq.com.evil.example/s/abc123', notPlatform: 'qq-channel' },
  { why: 'reads a QQ频道号 label', input: 'QQ频道号：pd98765432', keys: ['qq-channel:pd:pd98765432'] },
];
