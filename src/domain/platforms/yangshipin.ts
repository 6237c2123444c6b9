/**
 * 央视频 (CCTV Yangshipin) 账号.
 *
 * | form | example | keys |
 * |---|---|---|
 * | cpid | the creator id in profile URLs | cpid |
 * | profile | `w.yangshipin.cn/user?cpid=<cpid>`, `m.yangshipin.cn/user?cpid=<cpid>`, `yangshipin.cn/#/user/home?cpid=<cpid>` (in the fragment) | cpid |
 * | video | `w.yangshipin.cn/video?type=0&vid=<vid>`, `yangshipin.cn/#/video/home?vid=<vid>` | unresolvable |
 * | live | `www.yangshipin.cn/tv/home?pid=<n>` (a TV channel, not an account) | unresolvable |
 *
 * `cpid` identifies the publisher: it is never dropped from a canonical URL, so another creator's
 * page never matches the school's.
 * Sources: public 央视频 share links (w.yangshipin.cn), players referencing `w.yangshipin.cn`.
 */
import { definePlatform, type PlatformCase } from './define.ts';

const VIDEO = '央视频视频链接不包含发布者编号。请点发布者头像进入主页，复制带 cpid= 的主页链接。';

export default definePlatform({
  id: 'yangshipin',
  label: '央视频',
  keys: [{ id: 'cpid', label: '央视频号ID（cpid）', pattern: /^[A-Za-z0-9_-]{4,40}$/ }],
  visibleId: { kinds: ['cpid'], label: '央视频号ID（cpid）' },
  hosts: ['yangshipin.cn', 'cctv.cn'],
  idParams: ['cpid'],
  links: [
    { hosts: ['yangshipin.cn', 'w.yangshipin.cn'], query: { cpid: 'cpid' } },
    { hosts: ['yangshipin.cn', 'w.yangshipin.cn'], path: /^\/(?:video|tv)/, unresolvable: true, advice: VIDEO },
    { hosts: ['yangshipin.cn', 'w.yangshipin.cn'], query: { vid: 'vid' }, unresolvable: true, advice: VIDEO },
  ],
  idLabels: [{ label: /^(?:央视频(?:号)?(?:id)?|cpid)$/i, kinds: ['cpid'] }],
  bare: { digits: ['cpid'] },
  advice: VIDEO,
});

const CPID = '28131498540720002';
export const cases = (): PlatformCase[] => [
  { why: 'reads cpid from a w.yangshipin.cn profile', input: `https://w.yangshipin.cn/user?cpid=${CPID}&ptag=4_1.0.0.22150`, keys: [`yangshipin:cpid:${CPID}`], platform: 'yangshipin' },
  { why: 'reads cpid from an m.yangshipin.cn profile', input: `https://m.yangshipin.cn/user?cpid=${CPID}`, keys: [`yangshipin:cpid:${CPID}`] },
  { why: 'reads cpid from a fragment route', input: `https://yangshipin.cn/#/user/home?cpid=${CPID}`, keys: [`yangshipin:cpid:${CPID}`] },
  { why: "keeps cpid: another creator's page gives another key", input: 'https://w.yangshipin.cn/user?cpid=99999999999999999', keys: ['yangshipin:cpid:99999999999999999'] },
  { why: 'names a video unresolvable', input: 'https://w.yangshipin.cn/video?type=0&vid=t000012abcd', unresolvable: 'yangshipin' },
  { why: 'names a TV channel page unresolvable', input: 'https://www.yangshipin.cn/tv/home?pid=600001859', unresolvable: 'yangshipin' },
  { why: 'reads a labelled cpid', input: `央视频号：${CPID}`, keys: [`yangshipin:cpid:${CPID}`] },
  { why: 'refuses a look-alike host', input: `https://w.yangshipin.cn.evil.example/user?cpid=${CPID}`, notPlatform: 'yangshipin' },
];
