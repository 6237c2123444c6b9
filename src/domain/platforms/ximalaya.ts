/**
 * 喜马拉雅 (Ximalaya).
 *
 * | form | example | keys |
 * |---|---|---|
 * | 主播 uid | digits | uid |
 * | 专辑 id | digits (an album belongs to one publisher; file it as an alias) | album |
 * | anchor | `www.ximalaya.com/zhubo/<uid>`, `m.ximalaya.com/zhubo/<uid>` | uid |
 * | album | `www.ximalaya.com/album/<album>`, `www.ximalaya.com/<category>/<album>/` (old form) | album |
 * | track | `www.ximalaya.com/sound/<id>`, `www.ximalaya.com/<category>/<album>/<track>` (old form names its album) | unresolvable / album |
 * | short | `xima.tv/<code>` | unresolvable |
 * | share | `我在喜马拉雅听《专辑》…`, `主播：X` | name |
 *
 * Sources: public anchor links (`ximalaya.com/zhubo/<uid>`), RSSHub lib/routes/ximalaya (album/:id).
 */
import { SHORT, definePlatform, type PlatformCase } from './define.ts';

export default definePlatform({
  id: 'ximalaya',
  label: '喜马拉雅',
  keys: [
    { id: 'uid', label: '主播ID', pattern: /^[1-9]\d{2,11}$/ },
    { id: 'album', label: '专辑ID', pattern: /^[1-9]\d{2,11}$/ },
    SHORT,
  ],
  visibleId: { kinds: ['uid'], label: '主播ID' },
  hosts: ['ximalaya.com', 'xima.tv', 'xmcdn.com'],
  links: [
    { hosts: ['xima.tv'], unresolvable: true },
    { hosts: ['ximalaya.com'], path: /^\/zhubo\/(?<uid>\d+)/ },
    { hosts: ['ximalaya.com'], path: /^\/album\/(?<album>\d+)/ },
    { hosts: ['ximalaya.com'], path: /^\/sound\/\d+/, unresolvable: true },
    { hosts: ['ximalaya.com'], path: /^\/[a-z]+\/(?<album>\d+)(?:\/\d+)?\/?$/ },
  ],
  share: [{ re: /主播[:：]\s*(?<name>[^\s，。,]{2,30})/ }],
  idLabels: [{ label: /^喜马拉雅(?:id|号)?$|^主播id$/i, kinds: ['uid'] }],
  bare: { digits: ['uid'] },
  advice: '喜马拉雅短链接和声音链接无法离线识别主播。请打开主播主页，复制 ximalaya.com/zhubo/… 的链接。',
});

export const cases = (): PlatformCase[] => [
  { why: 'reads an anchor page', input: 'https://www.ximalaya.com/zhubo/385117204', keys: ['ximalaya:uid:385117204'], platform: 'ximalaya' },
  { why: 'reads a mobile anchor page', input: 'https://m.ximalaya.com/zhubo/385117204/', keys: ['ximalaya:uid:385117204'] },
  { why: 'reads an album page', input: 'https://www.ximalaya.com/album/51234567', keys: ['ximalaya:album:51234567'] },
  { why: 'reads the album of an old category link', input: 'https://www.ximalaya.com/youshengshu/51234567/', keys: ['ximalaya:album:51234567'] },
  { why: 'reads the album of an old track link', input: 'https://www.ximalaya.com/yinyue/51234567/612345678', keys: ['ximalaya:album:51234567'] },
  { why: 'names a sound link unresolvable', input: 'https://www.ximalaya.com/sound/612345678', unresolvable: 'ximalaya' },
  { why: 'names xima.tv unresolvable', input: '我在喜马拉雅听《青川之声》 https://xima.tv/AbCdEf', unresolvable: 'ximalaya' },
  { why: 'reads a labelled 喜马拉雅 id', input: '喜马拉雅ID：385117204', keys: ['ximalaya:uid:385117204'] },
  { why: 'refuses a look-alike host', input: 'https://ximalaya.com.evil.example/zhubo/385117204', notPlatform: 'ximalaya' },
  { why: 'reads the 主播 name in share text', input: '主播：青川之声 https://xima.tv/AbCdEf', unresolvable: 'ximalaya', name: '青川之声' },
];
