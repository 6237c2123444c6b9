/**
 * 学习强国强国号 (Xuexi Qiangguo).
 *
 * | form | example | keys |
 * |---|---|---|
 * | 强国号页面 | `www.xuexi.cn/<32 hex>/<32 hex>.html` (a column page) | page (`<hex>/<hex>`) |
 * | 栏目 | `www.xuexi.cn/xxqg.html?id=<32 hex>` | page |
 * | article | `www.xuexi.cn/lgpage/detail/index.html?id=<digits>`, `article.xuexi.cn/articles/index.html?art_id=<digits>…` | unresolvable |
 * | share | `来自「学习强国」…`, `强国号：X` | name |
 *
 * Sources: public xuexi.cn page URLs (column pages are hash-named static pages).
 */
import { definePlatform, type PlatformCase } from './define.ts';

export default definePlatform({
  id: 'xuexi',
  label: '学习强国强国号',
  keys: [{ id: 'page', label: '强国号页面ID', pattern: /^[0-9a-f]{32}(?:\/[0-9a-f]{32})?$/, lowerCase: true }],
  visibleId: { kinds: ['page'], label: '强国号页面地址' },
  hosts: ['xuexi.cn'],
  idParams: ['id'],
  links: [
    { hosts: ['xuexi.cn'], path: /^\/(?<page>[0-9a-fA-F]{32}\/[0-9a-fA-F]{32})\.html/ },
    { hosts: ['xuexi.cn'], path: /^\/xxqg\.html/, query: { id: 'page' } },
    { hosts: ['xuexi.cn', 'article.xuexi.cn', 'pc.xuexi.cn'], path: /\/(?:lgpage\/detail|articles|points)\//, unresolvable: true },
  ],
  share: [{ re: /强国号[:：]\s*(?<name>[^\s，。,]{2,30})/ }],
  idLabels: [{ label: /^强国号(?:id)?$/i, kinds: ['page'] }],
  bare: { specific: [{ re: /^[0-9a-f]{32}(?:\/[0-9a-f]{32})?$/i, kinds: ['page'] }] },
  advice: '学习强国文章链接不包含强国号信息。请在学习强国中点强国号名称进入主页，核对名称；或复制强国号页面的链接。',
});

const A = '0123456789abcdef0123456789abcdef';
const B = 'fedcba9876543210fedcba9876543210';
export const cases = (): PlatformCase[] => [
  { why: 'reads a column page', input: `https://www.xuexi.cn/${A}/${B}.html`, keys: [`xuexi:page:${A}/${B}`], platform: 'xuexi' },
  { why: 'reads an xxqg.html?id= page', input: `https://www.xuexi.cn/xxqg.html?id=${A}`, keys: [`xuexi:page:${A}`] },
  { why: 'names an article unresolvable', input: 'https://www.xuexi.cn/lgpage/detail/index.html?id=1234567890123456789&item_id=1234567890123456789', unresolvable: 'xuexi' },
  { why: 'names an app share unresolvable', input: 'https://article.xuexi.cn/articles/index.html?art_id=1234567890123456789&study_style_id=feeds_default&source=share&share_to=wx_single', unresolvable: 'xuexi' },
  { why: 'reads a bare page id', input: `${A}/${B}`, keys: [`xuexi:page:${A}/${B}`] },
  { why: 'reads the name in 强国号：X', input: '强国号：青川理工学院', name: '青川理工学院', keys: [] },
  { why: 'refuses a look-alike host', input: `https://www.xuexi.cn.evil.example/${A}/${B}.html`, notPlatform: 'xuexi' },
];
