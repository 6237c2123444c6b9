/**
 * 快手 (Kuaishou).
 *
 * | form | example | keys |
 * |---|---|---|
 * | principalId | `3x…` or digits (in profile links) | principal_id |
 * | 快手号 | shown on the profile, user-chosen | kuaishou_id (lower-case) |
 * | profile | `www.kuaishou.com/profile/<id>`, `live.kuaishou.com/u/<id>`, `m.gifshow.com/fw/user/<id>`, `v.m.chenzhongtech.com/fw/user/<id>` | principal_id |
 * | video | `www.kuaishou.com/short-video/<id>`, `/video/<id>`, `m.gifshow.com/fw/photo/<id>` | unresolvable |
 * | short | `v.kuaishou.com/<code>` | unresolvable |
 * | share (video) | `https://v.kuaishou.com/… 标题 该作品在快手被播放过N次，点击链接，打开【快手】直接观看！` | – |
 * | share (profile) | `快来看看X的个人主页 https://v.kuaishou.com/… 复制此链接，打开【快手】直接观看！`; `【X的个人主页】`; `快手号：…` | name / kuaishou_id |
 *
 * Sources: MediaCrawler media_platform/kuaishou (profile/<principalId>), RSSHub lib/routes/kuaishou.
 */
import { SHORT, definePlatform, type PlatformCase } from './define.ts';

const VIDEO = '作品链接不包含发布者信息。请点作者头像进入主页，复制“快手号”或主页链接。';

export default definePlatform({
  id: 'kuaishou',
  label: '快手',
  keys: [
    { id: 'principal_id', label: 'principalId', pattern: /^[A-Za-z0-9_-]{3,40}$/ },
    { id: 'kuaishou_id', label: '快手号', pattern: /^[A-Za-z0-9_.-]{2,40}$/, lowerCase: true },
    SHORT,
  ],
  visibleId: { kinds: ['kuaishou_id'], label: '快手号' },
  hosts: ['kuaishou.com', 'gifshow.com', 'chenzhongtech.com', 'kwai.com', 'kuaishouapp.com'],
  links: [
    { hosts: ['v.kuaishou.com'], unresolvable: true },
    { hosts: ['kuaishou.com', 'live.kuaishou.com'], path: /^\/(?:profile|u)\/(?<principal_id>[A-Za-z0-9_-]+)/ },
    { hosts: ['gifshow.com', '*.chenzhongtech.com', '*.gifshow.com'], path: /^\/fw\/user\/(?<principal_id>[A-Za-z0-9_-]+)/ },
    { hosts: ['kuaishou.com', 'gifshow.com', '*.chenzhongtech.com', '*.gifshow.com'], path: /^\/(?:short-video|video|fw\/photo|fw\/long-video)\//, unresolvable: true, advice: VIDEO },
  ],
  share: [
    { re: /快手(?:账号|名称)?[:：]\s*[「“]?(?<name>[^\s，。,；;]*[\u4e00-\u9fff][^\s，。,；;]*)/ },
    { re: /快来看看(?<name>[^\s，。,【】]{1,30}?)的(?:个人主页|作品)/ },
    { re: /【(?<name>[^【】]{1,30}?)的个人主页】/ },
  ],
  idLabels: [{ label: /^快手(?:号|id)?$/i, kinds: ['kuaishou_id', 'principal_id'] }],
  bare: { digits: ['kuaishou_id', 'principal_id'], handle: ['kuaishou_id', 'principal_id'] },
  advice: '快手分享短链接无法离线展开。请打开该账号主页，复制“快手号”；或在浏览器打开主页，复制 kuaishou.com/profile/… 的链接。',
});

export const cases = (): PlatformCase[] => [
  { why: 'reads kuaishou.com/profile/<id>', input: 'https://www.kuaishou.com/profile/3xabcdef123456', keys: ['kuaishou:principal_id:3xabcdef123456'], platform: 'kuaishou' },
  { why: 'reads live.kuaishou.com/u/<id>', input: 'https://live.kuaishou.com/u/3xabcdef123456', keys: ['kuaishou:principal_id:3xabcdef123456'] },
  { why: 'reads an m.gifshow.com share profile', input: 'https://m.gifshow.com/fw/user/3xabcdef123456?fid=1&cc=share_copylink', keys: ['kuaishou:principal_id:3xabcdef123456'] },
  { why: 'reads a chenzhongtech share profile', input: 'https://v.m.chenzhongtech.com/fw/user/3xabcdef123456', keys: ['kuaishou:principal_id:3xabcdef123456'] },
  { why: 'names v.kuaishou.com unresolvable', input: 'https://v.kuaishou.com/AbCdEf 青川理工学院 快来看看', unresolvable: 'kuaishou' },
  { why: 'names a short-video link unresolvable', input: 'https://www.kuaishou.com/short-video/3xk9abcdefgh?authorId=3xabc', unresolvable: 'kuaishou' },
  { why: 'names a gifshow photo link unresolvable', input: 'https://m.gifshow.com/fw/photo/3xk9abcdefgh', unresolvable: 'kuaishou' },
  { why: 'reads the name of a profile share text', input: '快来看看青川理工学院的个人主页 https://v.kuaishou.com/AbCdEf 复制此链接，打开【快手】直接观看！', unresolvable: 'kuaishou', name: '青川理工学院' },
  { why: 'reads the name in 【X的个人主页】', input: '【青川理工团委的个人主页】 https://v.kuaishou.com/Xy12Ab 复制此链接，打开【快手】直接观看！', unresolvable: 'kuaishou', name: '青川理工团委' },
  { why: 'reads the 快手号 in share text', input: '快手号：qclg2024 https://v.kuaishou.com/AbCdEf 复制此链接，打开【快手】直接观看！', keys: ['kuaishou:kuaishou_id:qclg2024', 'kuaishou:principal_id:qclg2024', 'kuaishou:short:https://v.kuaishou.com/AbCdEf'], unresolvable: 'kuaishou' },
  { why: 'reads a labelled 快手号', input: '快手号: qclg2024', keys: ['kuaishou:kuaishou_id:qclg2024', 'kuaishou:principal_id:qclg2024'] },
  { why: 'refuses a profile path on a look-alike host', input: 'https://kuaishou.com.evil.example/profile/3xabcdef123456', notPlatform: 'kuaishou' },
  { why: 'names a video share with play count unresolvable', input: 'https://v.kuaishou.com/Kz9AbC 开学典礼 该作品在快手被播放过1.2万次，点击链接，打开【快手】直接观看！', unresolvable: 'kuaishou', name: null },
  { why: 'reads a name written after the platform name', input: '快手：青川理工学院', name: '青川理工学院', platform: 'kuaishou', keys: [] },
];
