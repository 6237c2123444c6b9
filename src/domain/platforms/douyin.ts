/**
 * 抖音 (Douyin).
 *
 * | form | example | keys |
 * |---|---|---|
 * | sec_uid | `MS4wLjABAAAA…` | sec_uid |
 * | 抖音号 | shown under the avatar, user-chosen (letters, digits, `_` `.`) | douyin_id (lower-case) |
 * | profile | `www.douyin.com/user/<sec_uid>` (query ignored), `www.iesdouyin.com/share/user/<sec_uid>`, `m.douyin.com/share/user/<sec_uid>` | sec_uid |
 * | "me" | `douyin.com/user/self` | unresolvable (not an account) |
 * | video / note | `douyin.com/video/<id>`, `/note/<id>`, `iesdouyin.com/share/video/<id>` | unresolvable |
 * | short | `v.douyin.com/<code>/` | unresolvable |
 * | share (video) | `7.43 复制打开抖音，看看【X的作品】标题 # tag https://v.douyin.com/…/ MWz:/` | name |
 * | share (profile) | `长按复制此条消息，打开抖音搜索，查看TA的更多作品。 https://v.douyin.com/…/`; `【X的个人主页】`; `抖音号：…` | name / douyin_id |
 *
 * Sources: MediaCrawler media_platform/douyin (sec_uid from /user/ links), RSSHub lib/routes/douyin.
 */
import { SHORT, definePlatform, type PlatformCase } from './define.ts';

const VIDEO = '视频链接不包含发布者信息。请点视频作者的头像进入主页，复制“抖音号”或主页链接。';

export default definePlatform({
  id: 'douyin',
  label: '抖音',
  keys: [
    { id: 'sec_uid', label: 'sec_uid', pattern: /^MS4wLjABAAAA[A-Za-z0-9_-]+$/ },
    { id: 'douyin_id', label: '抖音号', pattern: /^[A-Za-z0-9_.]{2,32}$/, lowerCase: true },
    SHORT,
  ],
  visibleId: { kinds: ['douyin_id'], label: '抖音号' },
  hosts: ['douyin.com', 'iesdouyin.com', 'amemv.com'],
  links: [
    { hosts: ['v.douyin.com'], unresolvable: true },
    {
      hosts: ['douyin.com', 'iesdouyin.com'],
      path: /^(?:\/share)?\/user\/self(?:\/|$)/,
      unresolvable: true,
      noAlias: true,
      advice: 'douyin.com/user/self 指“我自己的主页”，不是某个账号。请打开要核验的账号主页，复制“抖音号”或主页链接。',
    },
    { hosts: ['douyin.com', 'iesdouyin.com'], path: /^(?:\/share)?\/user\/(?<sec_uid>[A-Za-z0-9_-]+)/ },
    { hosts: ['douyin.com', 'iesdouyin.com'], query: { sec_uid: 'sec_uid' } },
    { hosts: ['douyin.com', 'iesdouyin.com'], path: /^(?:\/share)?\/(?:video|note|slides)\//, unresolvable: true, advice: VIDEO },
  ],
  idParams: ['sec_uid'],
  share: [{ re: /抖音(?:账号|名称)?[:：]\s*[「“]?(?<name>[^\s，。,；;]*[\u4e00-\u9fff][^\s，。,；;]*)/ }, { re: /【(?<name>[^【】]{1,30}?)的(?:作品|个人主页|主页)】/ }],
  idLabels: [{ label: /^抖音(?:号|id)?$/i, kinds: ['douyin_id', 'sec_uid'] }],
  bare: { specific: [{ re: /^MS4wLj/, kinds: ['sec_uid'] }], digits: ['douyin_id'], handle: ['douyin_id'] },
  advice: '抖音分享短链接无法离线展开。请打开该账号主页，复制头像下方的“抖音号”粘贴到这里；或在电脑浏览器打开主页，复制地址栏中 douyin.com/user/… 的链接。',
});

const SEC = 'MS4wLjABAAAAv7iSuuXDJGDvJkmH_vz1qkDZYo1apxgzaxdBSeIuPiM';
export const cases = (): PlatformCase[] => [
  { why: 'reads the sec_uid of a user link, ignoring the query', input: `https://www.douyin.com/user/${SEC}?from_tab_name=main&vid=7`, keys: [`douyin:sec_uid:${SEC}`], platform: 'douyin' },
  { why: 'reads the sec_uid of an iesdouyin share link', input: `https://www.iesdouyin.com/share/user/${SEC}?u_code=x&did=1`, keys: [`douyin:sec_uid:${SEC}`] },
  { why: 'reads the sec_uid of an m.douyin.com share link', input: `https://m.douyin.com/share/user/${SEC}`, keys: [`douyin:sec_uid:${SEC}`] },
  { why: 'reads a sec_uid query parameter', input: `https://www.iesdouyin.com/web/api/v2/aweme/post/?sec_uid=${SEC}&count=21`, keys: [`douyin:sec_uid:${SEC}`] },
  { why: 'knows douyin.com/user/self is not an account', input: 'https://www.douyin.com/user/self?showTab=post', unresolvable: 'douyin', keys: [] },
  { why: 'names a video link unresolvable', input: 'https://www.douyin.com/video/7312345678901234567', unresolvable: 'douyin' },
  { why: 'names a note link unresolvable', input: 'https://www.douyin.com/note/7312345678901234567', unresolvable: 'douyin' },
  { why: 'names an iesdouyin video share unresolvable', input: 'https://www.iesdouyin.com/share/video/7312345678901234567/?region=CN', unresolvable: 'douyin' },
  { why: 'reads the author name of a video share text', input: '7.43 复制打开抖音，看看【青川理工学院的作品】开学典礼 # 青川 https://v.douyin.com/iRNBho6u/ MWz:/ 01/11 s@E.uF', unresolvable: 'douyin', name: '青川理工学院', keys: ['douyin:short:https://v.douyin.com/iRNBho6u'] },
  { why: 'reads the name of a profile share text', input: '【青川理工计算机的个人主页】长按复制此条消息，打开抖音搜索，查看TA的更多作品。 https://v.douyin.com/iAbCdEf/', unresolvable: 'douyin', name: '青川理工计算机' },
  { why: 'reads the 抖音号 of a profile share text before the short link', input: '青川理工学院 抖音号：qclg1958 长按复制此条消息，打开抖音搜索，查看TA的更多作品。 https://v.douyin.com/iAbCdEf/', keys: ['douyin:douyin_id:qclg1958', 'douyin:short:https://v.douyin.com/iAbCdEf'], unresolvable: 'douyin' },
  { why: 'names a bare v.douyin.com link unresolvable', input: 'https://v.douyin.com/iRNBho6u/', unresolvable: 'douyin' },
  { why: 'reads a labelled 抖音号', input: '抖音号：qclg_jsj', keys: ['douyin:douyin_id:qclg_jsj'], platform: 'douyin' },
  { why: 'lower-cases a labelled 抖音号', input: '抖音号: QCLG_JSJ', keys: ['douyin:douyin_id:qclg_jsj'] },
  { why: 'reads a labelled numeric 抖音号', input: '抖音号：12345678901', keys: ['douyin:douyin_id:12345678901'] },
  { why: 'refuses a douyin path on a look-alike host', input: `https://douyin.com.evil.example/user/${SEC}`, notPlatform: 'douyin' },
  { why: 'refuses a host ending in douyin.com without a dot', input: `https://fakedouyin.com/user/${SEC}`, notPlatform: 'douyin' },
  { why: 'reads a video share in the older Dou音 format', input: '复制此链接，打开Dou音搜索，直接观看视频！【青川理工学院的作品】 https://v.douyin.com/AbCdEf1/', unresolvable: 'douyin', name: '青川理工学院' },
  { why: 'reads the 抖音号 of a profile card text', input: '青川理工青年的抖音号：qclgqn，快来关注吧', keys: ['douyin:douyin_id:qclgqn'], platform: 'douyin' },
  { why: "keeps another publisher's sec_uid apart", input: 'https://www.douyin.com/user/MS4wLjABAAAAothercreator_0123456789', keys: ['douyin:sec_uid:MS4wLjABAAAAothercreator_0123456789'] },
  { why: 'reads a name written after the platform name', input: '抖音：青川理工学院', name: '青川理工学院', platform: 'douyin', keys: [] },
  { why: 'reads a name after 关注抖音', input: '欢迎关注抖音：青川理工学院', name: '青川理工学院', platform: 'douyin', keys: [] },
  { why: 'reads an ASCII id after 抖音： as the 抖音号, not a name', input: '抖音：qclg1958', keys: ['douyin:douyin_id:qclg1958'], platform: 'douyin', name: null },
];
