/**
 * 头条号 (今日头条 Toutiao).
 *
 * | form | example | keys |
 * |---|---|---|
 * | token | `MS4wLj…` (same scheme as 抖音 sec_uid) | token |
 * | numeric id | legacy user id, digits | uid |
 * | profile | `www.toutiao.com/c/user/token/<token>/`, `www.toutiao.com/c/user/<uid>/`, `m.toutiao.com/profile/<uid>/`, `profile.zjurl.cn/rogue/ugc/profile/?user_id=<uid>` | token / uid |
 * | article | `www.toutiao.com/article/<id>/`, `/a<id>/`, `/i<id>/`, `/w/<id>/`, `/video/<id>/` | unresolvable |
 * | short | `m.toutiao.com/is/<code>/` | unresolvable |
 *
 * Sources: RSSHub lib/routes/toutiao (user/token/:token), public 头条号 profile links.
 */
import { definePlatform, SHORT, type PlatformCase } from './define.ts';

const ARTICLE = '头条文章链接不包含作者信息。请点作者头像进入头条号主页，复制主页链接（toutiao.com/c/user/token/…）。';

export default definePlatform({
  id: 'toutiao',
  label: '头条号（今日头条）',
  keys: [
    { id: 'token', label: '用户token', pattern: /^MS4wLj[A-Za-z0-9_-]+$/ },
    { id: 'uid', label: '数字ID', pattern: /^\d{5,20}$/ },
    SHORT,
  ],
  visibleId: { kinds: ['token', 'uid'], label: '头条号主页链接（token）' },
  hosts: ['toutiao.com', 'zjurl.cn', 'toutiaocdn.com'],
  idParams: ['user_id', 'to_user_id'],
  links: [
    { hosts: ['toutiao.com'], path: /^\/is\//, unresolvable: true },
    { hosts: ['toutiao.com'], path: /^\/c\/user\/token\/(?<token>[A-Za-z0-9_-]+)/ },
    { hosts: ['toutiao.com'], path: /^\/c\/user\/(?<uid>\d+)/ },
    { hosts: ['toutiao.com'], path: /^\/profile\/(?<uid>\d+)/ },
    { hosts: ['toutiao.com', '*.zjurl.cn'], query: { user_id: 'uid' } },
    { hosts: ['toutiao.com'], path: /^\/(?:article|w|video|group)\/\d+|^\/[ai]\d+/, unresolvable: true, advice: ARTICLE },
  ],
  idLabels: [{ label: /^(?:头条号|头条)(?:id)?$/i, kinds: ['uid', 'token'] }],
  bare: { specific: [{ re: /^MS4wLj/, kinds: ['token'] }], digits: ['uid'] },
  advice: '头条短链接无法离线展开。请打开头条号主页，复制主页链接（toutiao.com/c/user/token/…）。',
});

const TOKEN = 'MS4wLjABAAAAv7iSuuXDJGDvJkmH_vz1qkDZYo1apxgzaxdBSeIuPiM';
export const cases = (): PlatformCase[] => [
  { why: 'reads a token link', input: `https://www.toutiao.com/c/user/token/${TOKEN}/?source=tuwen_detail`, keys: [`toutiao:token:${TOKEN}`], platform: 'toutiao' },
  { why: 'reads a legacy numeric link', input: 'https://www.toutiao.com/c/user/50502346173/', keys: ['toutiao:uid:50502346173'] },
  { why: 'reads an m.toutiao.com profile', input: 'https://m.toutiao.com/profile/50502346173/', keys: ['toutiao:uid:50502346173'] },
  { why: 'reads a zjurl profile user_id', input: 'https://profile.zjurl.cn/rogue/ugc/profile/?user_id=50502346173&request_source=1', keys: ['toutiao:uid:50502346173'] },
  { why: 'names an article link unresolvable', input: 'https://www.toutiao.com/article/7312345678901234567/?log_from=abc', unresolvable: 'toutiao' },
  { why: 'names an a<id> article unresolvable', input: 'https://www.toutiao.com/a7312345678901234567/', unresolvable: 'toutiao' },
  { why: 'names an m.toutiao.com/is short link unresolvable', input: 'https://m.toutiao.com/is/iAbCdEf/', unresolvable: 'toutiao' },
  { why: 'reads a labelled 头条号 id', input: '头条号：50502346173', keys: ['toutiao:uid:50502346173'] },
  { why: 'refuses a toutiao path on another host', input: `https://toutiao.evil.example/c/user/token/${TOKEN}/`, notPlatform: 'toutiao' },
];
