/**
 * 哔哩哔哩 (B站).
 *
 * | form | example | keys |
 * |---|---|---|
 * | UID (mid) | digits, shown as "UID:" on the space page | mid |
 * | space | `space.bilibili.com/<mid>` (any sub-path), `space.bilibili.com/h5/<mid>`, `m.bilibili.com/space/<mid>` | mid |
 * | video | `www.bilibili.com/video/BV…`, `/video/av…`, `m.bilibili.com/video/BV…` | unresolvable (no uploader) |
 * | dynamic / article | `t.bilibili.com/<id>`, `www.bilibili.com/read/cv<id>`, `www.bilibili.com/opus/<id>` | unresolvable |
 * | live | `live.bilibili.com/<room>` (room id ≠ UID) | unresolvable |
 * | short | `b23.tv/<code>`, `bili2233.cn/<code>` | unresolvable |
 * | share (video) | `【标题-哔哩哔哩】 https://b23.tv/…` | (title, not a name) |
 * | share (space) | `【X的个人空间-哔哩哔哩】 https://b23.tv/…` | name |
 *
 * Sources: RSSHub lib/routes/bilibili (space/:uid), bilibili-API-collect (b23.tv redirects).
 */
import { SHORT, definePlatform, type PlatformCase } from './define.ts';

const VIDEO = '视频链接（BV 号）不包含 UP 主信息。请点 UP 主头像进入个人空间，复制 UID 或 space.bilibili.com/数字 的链接。';

export default definePlatform({
  id: 'bilibili',
  label: '哔哩哔哩（B站）',
  keys: [{ id: 'mid', label: 'UID（mid）', pattern: /^[1-9]\d{0,15}$/ }, SHORT],
  visibleId: { kinds: ['mid'], label: 'B站 UID' },
  hosts: ['bilibili.com', 'b23.tv', 'bili2233.cn', 'bilibili.tv', 'biligame.com'],
  idParams: ['mid', 'vmid'],
  links: [
    { hosts: ['b23.tv', 'bili2233.cn'], unresolvable: true },
    { hosts: ['space.bilibili.com'], path: /^\/(?:h5\/)?(?<mid>\d+)/ },
    { hosts: ['bilibili.com'], path: /^\/space\/(?<mid>\d+)/ },
    { hosts: ['space.bilibili.com', 'bilibili.com'], query: { vmid: 'mid', mid: 'mid' } },
    { hosts: ['bilibili.com'], path: /^\/(?:video|bangumi|read|opus)\//, unresolvable: true, advice: VIDEO },
    { hosts: ['t.bilibili.com', 'live.bilibili.com'], path: /^\/\d+/, unresolvable: true },
  ],
  share: [{ re: /(?:B站|b站|哔哩哔哩)(?:账号|名称)?[:：]\s*[「“]?(?<name>[^\s，。,；;]*[\u4e00-\u9fff][^\s，。,；;]*)/ }, { re: /【(?<name>[^【】]{1,30}?)的个人空间-哔哩哔哩】/ }],
  idLabels: [{ label: /^(?:b站|哔哩哔哩|bilibili)(?:uid|id|号)?$|^(?:uid|mid)$/i, kinds: ['mid'] }],
  bare: { digits: ['mid'] },
  advice: 'B站短链接（b23.tv）无法离线展开。请打开 UP 主的个人空间 → 复制 UID（或 space.bilibili.com/数字 的链接）。',
});

export const cases = (): PlatformCase[] => [
  { why: 'reads space.bilibili.com/<mid>', input: 'https://space.bilibili.com/1234567890', keys: ['bilibili:mid:1234567890'], platform: 'bilibili' },
  { why: 'reads a mid under any sub-path', input: 'https://space.bilibili.com/1234567890/video?spm_id_from=333.1007.0.0', keys: ['bilibili:mid:1234567890'] },
  { why: 'reads m.bilibili.com/space/<mid>', input: 'https://m.bilibili.com/space/1234567890', keys: ['bilibili:mid:1234567890'] },
  { why: 'reads the h5 space page', input: 'https://space.bilibili.com/h5/1234567890', keys: ['bilibili:mid:1234567890'] },
  { why: 'reads a short mid', input: 'https://space.bilibili.com/2333/dynamic', keys: ['bilibili:mid:2333'] },
  { why: 'names b23.tv in a space share unresolvable with the name', input: '【青川理工学院的个人空间-哔哩哔哩】 https://b23.tv/AbCdEfG', unresolvable: 'bilibili', name: '青川理工学院', keys: ['bilibili:short:https://b23.tv/AbCdEfG'] },
  { why: 'names b23.tv in a video share unresolvable without a name', input: '【2026 开学典礼全程回顾-哔哩哔哩】 https://b23.tv/XyZ1234', unresolvable: 'bilibili', name: null },
  { why: 'names bili2233.cn unresolvable', input: 'https://bili2233.cn/AbCdEfG', unresolvable: 'bilibili' },
  { why: 'names a BV video link unresolvable', input: 'https://www.bilibili.com/video/BV1xx411c7mD?p=1&share_source=copy_web', unresolvable: 'bilibili' },
  { why: 'names an m.bilibili.com video unresolvable', input: 'https://m.bilibili.com/video/BV1xx411c7mD', unresolvable: 'bilibili' },
  { why: 'names a dynamic link unresolvable', input: 'https://t.bilibili.com/912345678901234567', unresolvable: 'bilibili' },
  { why: 'names a live room unresolvable (room id is not a UID)', input: 'https://live.bilibili.com/21452505', unresolvable: 'bilibili' },
  { why: 'reads a labelled B站UID', input: 'B站UID：1234567890', keys: ['bilibili:mid:1234567890'], platform: 'bilibili' },
  { why: 'reads a UID: label', input: 'UID: 2333', keys: ['bilibili:mid:2333'] },
  { why: 'refuses a space path on a look-alike host', input: 'https://space.bilibili.com.evil.example/1234567890', notPlatform: 'bilibili' },
  { why: 'refuses a host ending in bilibili.com without a dot', input: 'https://notbilibili.com/space/1234567890', notPlatform: 'bilibili' },
  { why: 'reads a UID in a space share text', input: '【青川理工学院的个人空间-哔哩哔哩】UID：1234567890 https://b23.tv/AbCdEfG', keys: ['bilibili:mid:1234567890', 'bilibili:short:https://b23.tv/AbCdEfG'], unresolvable: 'bilibili', name: '青川理工学院' },
  { why: 'reads a scheme-less space link in text', input: '我们的B站：space.bilibili.com/1234567890 欢迎关注', keys: ['bilibili:mid:1234567890'] },
  { why: "keeps another uploader's mid apart", input: 'https://space.bilibili.com/2333', keys: ['bilibili:mid:2333'] },
  { why: 'reads a name written after the platform name', input: 'B站：青川理工学院', name: '青川理工学院', platform: 'bilibili', keys: [] },
];
