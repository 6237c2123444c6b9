/**
 * 网易号 (NetEase media accounts).
 *
 * | form | example | keys |
 * |---|---|---|
 * | 网易号ID | `T` + 13 digits, in media page URLs | tid |
 * | wemediaId | `W` + 19 digits (`data-wemediaid` in article pages) | wemedia |
 * | media page | `www.163.com/dy/media/T<n>.html`, `m.163.com/dy/media/T<n>.html`, `dy.163.com/v2/media/homepage/T<n>.html`, `c.m.163.com/news/sub/T<n>.html` | tid |
 * | article | `www.163.com/dy/article/<docid>.html`, `3g.163.com/dy/article/<docid>.html`, `c.m.163.com/news/a/<docid>.html` | unresolvable |
 * | share | `网易号：X`, `【网易新闻】标题 https://c.m.163.com/news/a/….html` | name |
 *
 * Sources: RSSHub lib/routes/163/dy.ts (wemediaId), public 网易号 media pages.
 */
import { definePlatform, type PlatformCase } from './define.ts';

const ARTICLE = '网易号文章链接不包含作者编号。请点文章作者进入网易号主页，复制 163.com/dy/media/T….html 的链接。';

export default definePlatform({
  id: 'netease',
  label: '网易号',
  keys: [
    { id: 'tid', label: '网易号ID', pattern: /^T\d{10,16}$/ },
    { id: 'wemedia', label: 'wemediaId', pattern: /^W\d{15,22}$/ },
  ],
  visibleId: { kinds: ['tid', 'wemedia'], label: '网易号ID（T 开头）' },
  hosts: ['163.com', '126.net'],
  idParams: ['wemediaId', 'tid'],
  links: [
    { hosts: ['163.com', 'dy.163.com', 'c.m.163.com', '3g.163.com'], path: /\/(?:dy\/media|v2\/media\/homepage|news\/sub)\/(?<tid>T\d{10,16})\.html/ },
    { hosts: ['163.com', 'dy.163.com'], query: { wemediaId: 'wemedia' } },
    { hosts: ['163.com', 'dy.163.com', 'c.m.163.com', '3g.163.com'], path: /\/(?:dy\/article|news\/a|v2\/article\/detail)\//, unresolvable: true, advice: ARTICLE },
  ],
  share: [{ re: /网易号[:：]\s*[「“]?(?<name>[^\s，。,」”T][^\s，。,」”]{1,29})/ }],
  idLabels: [{ label: /^网易号(?:id)?$/i, kinds: ['tid', 'wemedia'] }],
  bare: { specific: [{ re: /^T\d{10,16}$/, kinds: ['tid'] }, { re: /^W\d{15,22}$/, kinds: ['wemedia'] }] },
  advice: '该网易链接无法离线识别网易号。请进入网易号主页，复制 163.com/dy/media/T….html 的链接。',
});

const T = 'T1460009632064';
export const cases = (): PlatformCase[] => [
  { why: 'reads a media page', input: `https://www.163.com/dy/media/${T}.html`, keys: [`netease:tid:${T}`], platform: 'netease' },
  { why: 'reads a mobile media page', input: `https://m.163.com/dy/media/${T}.html?spss=adap_pc`, keys: [`netease:tid:${T}`] },
  { why: 'reads a dy.163.com homepage', input: `https://dy.163.com/v2/media/homepage/${T}.html`, keys: [`netease:tid:${T}`] },
  { why: 'reads a c.m.163.com sub page', input: `https://c.m.163.com/news/sub/${T}.html`, keys: [`netease:tid:${T}`] },
  { why: 'reads a wemediaId parameter', input: 'https://dy.163.com/v2/article/list.do?pageNo=1&wemediaId=W4983108759592548559&size=10', keys: ['netease:wemedia:W4983108759592548559'] },
  { why: 'names an article unresolvable', input: 'https://www.163.com/dy/article/J1ABCDEF0512B5F1.html?spss=dy_author', unresolvable: 'netease' },
  { why: 'names a mobile article unresolvable', input: '【网易新闻】青川理工学院举行开学典礼 https://c.m.163.com/news/a/J1ABCDEF0512B5F1.html?spss=newsapp', unresolvable: 'netease' },
  { why: 'reads a bare 网易号ID', input: T, keys: [`netease:tid:${T}`] },
  { why: 'reads the name in 网易号：X', input: '网易号：青川理工学院', name: '青川理工学院', keys: [] },
  { why: 'refuses a media page on a look-alike host', input: `https://www.163.com.evil.example/dy/media/${T}.html`, notPlatform: 'netease' },
  { why: 'refuses a host ending in 163.com without a dot', input: `https://evil163.com/dy/media/${T}.html`, notPlatform: 'netease' },
  { why: "keeps another 网易号's id apart", input: 'https://www.163.com/dy/media/T1234567890123.html', keys: ['netease:tid:T1234567890123'] },
];
