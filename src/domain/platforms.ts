/**
 * Platforms and their account keys (shared/PLATFORMS.md). A key is `(platform, kind, value)` in
 * canonical form; an account stores several keys (aliases), and the verifier matches keys exactly.
 */

export interface KeyKind {
  /** Key kind id, stable in filings (`keys[].kind`). */
  id: string;
  /** Chinese label shown in forms and messages. */
  label: string;
  /** Format of a canonical value. */
  pattern: RegExp;
  /** When false, a value that misses `pattern` is a warning, not an error (legacy 微信号). */
  strict?: boolean;
  /** Values are compared case-insensitively and stored lower-case. */
  lowerCase?: boolean;
}

export interface Platform {
  id: string;
  /** Chinese name, as the seed forms write it. */
  label: string;
  /** Key kinds this platform's accounts may store. */
  keys: KeyKind[];
  /** A chat group (QQ群, 微信群 …): may be filed as a work group. */
  group?: boolean;
}

const short: KeyKind = {
  id: 'short',
  label: '登记的短链接',
  pattern: /^https:\/\/[a-z0-9.-]+\/\S+$/,
};
const url: KeyKind = { id: 'url', label: '页面地址', pattern: /^https:\/\/[a-z0-9.-]+(?::\d+)?(?:\/\S*)?$/ };

/** Every platform of PLATFORMS.md, plus `other` (with a description on the filing). */
export const PLATFORMS: readonly Platform[] = [
  {
    id: 'wechat-mp',
    label: '微信公众号',
    keys: [
      { id: 'gh', label: '原始ID', pattern: /^gh_[0-9a-f]{12}$/, lowerCase: true },
      { id: 'biz', label: '__biz', pattern: /^[A-Za-z0-9+/]{8,}={0,2}$/ },
      { id: 'wxid', label: '微信号', pattern: /^[a-z][-_a-z0-9]{5,19}$/, strict: false, lowerCase: true },
      short,
    ],
  },
  {
    id: 'wechat-mini',
    label: '微信小程序',
    keys: [{ id: 'appid', label: 'AppID', pattern: /^wx[0-9a-f]{16}$/, lowerCase: true }, short],
  },
  { id: 'wechat-channels', label: '视频号', keys: [{ id: 'sph', label: '视频号ID', pattern: /^sph[A-Za-z0-9]{6,}$/ }] },
  {
    id: 'weibo',
    label: '微博',
    keys: [
      { id: 'uid', label: '微博UID', pattern: /^[1-9]\d{4,11}$/ },
      { id: 'domain', label: '个性域名', pattern: /^[a-z0-9_]{2,30}$/, lowerCase: true },
      short,
    ],
  },
  {
    id: 'douyin',
    label: '抖音',
    keys: [
      { id: 'sec_uid', label: 'sec_uid', pattern: /^MS4wLjABAAAA[A-Za-z0-9_-]+$/ },
      { id: 'douyin_id', label: '抖音号', pattern: /^[A-Za-z0-9_.]{2,32}$/, lowerCase: true },
      short,
    ],
  },
  {
    id: 'toutiao',
    label: '今日头条',
    keys: [
      { id: 'token', label: '用户token', pattern: /^MS4wLj[A-Za-z0-9_-]+$/ },
      { id: 'uid', label: '数字ID', pattern: /^\d{5,20}$/ },
    ],
  },
  { id: 'bilibili', label: '哔哩哔哩（B站）', keys: [{ id: 'mid', label: 'UID（mid）', pattern: /^[1-9]\d{0,15}$/ }, short] },
  {
    id: 'kuaishou',
    label: '快手',
    keys: [
      { id: 'principal_id', label: 'principalId', pattern: /^[A-Za-z0-9_-]{3,40}$/ },
      { id: 'kuaishou_id', label: '快手号', pattern: /^[A-Za-z0-9_.-]{2,40}$/, lowerCase: true },
      short,
    ],
  },
  {
    id: 'xiaohongshu',
    label: '小红书',
    keys: [
      { id: 'user_id', label: 'user_id', pattern: /^[0-9a-f]{24}$/, lowerCase: true },
      { id: 'xhs_id', label: '小红书号', pattern: /^[A-Za-z0-9_.]{2,32}$/, lowerCase: true },
      short,
    ],
  },
  {
    id: 'zhihu',
    label: '知乎',
    keys: [
      { id: 'org', label: '机构号 url_token', pattern: /^[A-Za-z0-9_-]{2,64}$/ },
      { id: 'people', label: '个人 url_token', pattern: /^[A-Za-z0-9_-]{2,64}$/ },
    ],
  },
  { id: 'qq-group', label: 'QQ群', group: true, keys: [{ id: 'group', label: 'QQ群号', pattern: /^[1-9]\d{4,10}$/ }, short] },
  { id: 'qq-channel', label: 'QQ频道', keys: [{ id: 'pd', label: '频道号', pattern: /^pd\d+$/ }, short] },
  { id: 'qq-mp', label: 'QQ公众号', keys: [{ id: 'uin', label: 'QQ公众号号码', pattern: /^[1-9]\d{4,11}$/ }] },
  { id: 'wechat-group', label: '微信群', group: true, keys: [] },
  { id: 'wecom-group', label: '企业微信群', group: true, keys: [] },
  { id: 'dingtalk-group', label: '钉钉群', group: true, keys: [] },
  {
    id: 'yiban',
    label: '易班',
    keys: [
      { id: 'school', label: '学校ID', pattern: /^\d{1,12}$/ },
      { id: 'puid', label: '机构puid', pattern: /^\d{1,12}$/ },
    ],
  },
  {
    id: 'tieba',
    label: '百度贴吧',
    keys: [
      { id: 'kw', label: '吧名', pattern: /^[^\s/?#&]{1,64}$/ },
      { id: 'portrait', label: '用户portrait', pattern: /^[A-Za-z0-9._-]{6,}$/ },
    ],
  },
  {
    id: 'app',
    label: '移动客户端（APP）',
    keys: [
      { id: 'package', label: '包名 / Bundle ID', pattern: /^[a-z][a-z0-9_]*(?:\.[a-z0-9_]+)+$/, lowerCase: true },
      url,
    ],
  },
  {
    id: 'website',
    label: '网站',
    keys: [
      { id: 'domain', label: '域名', pattern: /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/, lowerCase: true },
      { id: 'icp', label: 'ICP备案号', pattern: /^[\u4e00-\u9fa5]ICP备\d{6,10}号(?:-\d+)?$/ },
    ],
  },
  { id: 'renren', label: '人人网', keys: [{ id: 'uid', label: '人人ID', pattern: /^\d{5,12}$/ }, url] },
  { id: 'other', label: '其他', keys: [url, short] },
];

const byId = new Map(PLATFORMS.map((p) => [p.id, p]));

/** The platform with this id, or undefined. */
export function findPlatform(id: string): Platform | undefined {
  return byId.get(id);
}

/** Platform ids, for the schema's enum. */
export const PLATFORM_IDS = PLATFORMS.map((p) => p.id) as [string, ...string[]];

/** Group platforms (QQ群, 微信群, 企业微信群, 钉钉群) plus `other`, for work-group filings. */
export const GROUP_PLATFORM_IDS: [string, ...string[]] = ['other', ...PLATFORMS.filter((p) => p.group).map((p) => p.id)];

/** The canonical form of a key value (trimmed, lower-cased where the platform ignores case). */
export function canonicalKeyValue(kind: KeyKind, value: string): string {
  const v = value.trim();
  return kind.lowerCase ? v.toLowerCase() : v;
}

/** A key as one string, `platform:kind:value`, for maps and uniqueness checks. */
export function keyString(platform: string, kind: string, value: string): string {
  return `${platform}:${kind}:${value}`;
}
