/**
 * 易班 (Yiban).
 *
 * | form | example | keys |
 * |---|---|---|
 * | 学校ID | digits | school |
 * | 机构 puid | digits | puid |
 * | school page | `www.yiban.cn/school/index/id/<id>` | school |
 * | org page | `www.yiban.cn/Org/orglistShow/puid/<puid>/…`, `…?puid=<puid>` | puid |
 * | article | `www.yiban.cn/forum/article/show/article_id/<id>/…` (its channel_id/puid when present) | puid or unresolvable |
 * | mobile | `q.yiban.cn/…`, `mobile.yiban.cn/…` | unresolvable |
 *
 * Sources: 易班 public org pages as linked from universities' 新媒体矩阵 pages.
 */
import { definePlatform, type PlatformCase } from './define.ts';

export default definePlatform({
  id: 'yiban',
  label: '易班',
  keys: [
    { id: 'school', label: '学校ID', pattern: /^\d{1,12}$/ },
    { id: 'puid', label: '机构puid', pattern: /^\d{1,12}$/ },
  ],
  visibleId: { kinds: ['puid', 'school'], label: '机构puid' },
  hosts: ['yiban.cn'],
  idParams: ['puid', 'school_id'],
  links: [
    { hosts: ['yiban.cn'], path: /\/school\/index\/id\/(?<school>\d+)/i },
    { hosts: ['yiban.cn'], path: /\/puid\/(?<puid>\d+)/i },
    { hosts: ['yiban.cn', '*.yiban.cn'], query: { puid: 'puid' } },
    { hosts: ['yiban.cn', '*.yiban.cn'], path: /\/(?:forum|article|news)\//i, unresolvable: true },
    { hosts: ['q.yiban.cn', 'mobile.yiban.cn'], unresolvable: true },
  ],
  idLabels: [{ label: /^易班(?:puid|机构号|id)?$/i, kinds: ['puid', 'school'] }],
  bare: { digits: ['school', 'puid'] },
  advice: '该易班链接不包含机构编号。请打开机构主页，复制 yiban.cn/…/puid/数字 的链接。',
});

export const cases = (): PlatformCase[] => [
  { why: 'reads a school id', input: 'https://www.yiban.cn/school/index/id/5000123', keys: ['yiban:school:5000123'], platform: 'yiban' },
  { why: 'reads an org puid', input: 'https://www.yiban.cn/Org/orglistShow/puid/5370552/type/forum', keys: ['yiban:puid:5370552'] },
  { why: 'reads a puid query parameter', input: 'https://www.yiban.cn/org/index?puid=5370552', keys: ['yiban:puid:5370552'] },
  { why: 'names a forum article without puid unresolvable', input: 'https://www.yiban.cn/forum/article/show/article_id/123456/channel_id/70896', unresolvable: 'yiban' },
  { why: 'names a q.yiban.cn page unresolvable', input: 'https://q.yiban.cn/app/index/appid/12345', unresolvable: 'yiban' },
  { why: 'reads a labelled 易班 puid', input: '易班puid：5370552', keys: ['yiban:puid:5370552', 'yiban:school:5370552'] },
  { why: 'reads a bare number as either 易班 id', input: '5370552', platform: null },
  { why: 'refuses a look-alike host', input: 'https://yiban.cn.evil.example/Org/orglistShow/puid/5370552', notPlatform: 'yiban' },
  { why: "keeps another org's puid apart", input: 'https://www.yiban.cn/Org/orglistShow/puid/1234567', keys: ['yiban:puid:1234567'] },
];
