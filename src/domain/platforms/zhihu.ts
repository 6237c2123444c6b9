/**
 * 知乎 (Zhihu), 知乎机构号 included.
 *
 * | form | example | keys |
 * |---|---|---|
 * | url_token | the path segment after `/org/` (机构号) or `/people/` (个人) | org / people |
 * | profile | `www.zhihu.com/org/<token>`, `www.zhihu.com/people/<token>` (any sub-path) | org / people |
 * | column | `zhuanlan.zhihu.com/<column>` (a column, not its owner) | unresolvable |
 * | answer / article | `www.zhihu.com/question/<q>/answer/<a>`, `zhuanlan.zhihu.com/p/<id>` | unresolvable |
 * | short | `zhihu.com/xen/…`, `link.zhihu.com/?target=…` (a redirect) | unresolvable |
 * | share | `X - 知乎 https://…`, `【X的知乎主页】` | name |
 *
 * Sources: RSSHub lib/routes/zhihu (people/activities/:id, org pages).
 */
import { definePlatform, type PlatformCase } from './define.ts';

const POST = '回答和文章链接不包含作者的主页信息。请点作者名字进入主页，复制 zhihu.com/org/… 或 zhihu.com/people/… 的链接。';

export default definePlatform({
  id: 'zhihu',
  label: '知乎',
  keys: [
    { id: 'org', label: '机构号 url_token', pattern: /^[A-Za-z0-9_-]{2,64}$/ },
    { id: 'people', label: '个人 url_token', pattern: /^[A-Za-z0-9_-]{2,64}$/ },
  ],
  visibleId: { kinds: ['org', 'people'], label: '知乎主页地址（url_token）' },
  hosts: ['zhihu.com', 'zhimg.com'],
  links: [
    { hosts: ['zhihu.com'], path: /^\/org\/(?<org>[A-Za-z0-9_-]+)/ },
    { hosts: ['zhihu.com'], path: /^\/people\/(?<people>[A-Za-z0-9_-]+)/ },
    { hosts: ['zhihu.com', 'zhuanlan.zhihu.com'], path: /^\/(?:question|p|answer|pin|zvideo)\//, unresolvable: true, advice: POST },
    { hosts: ['zhuanlan.zhihu.com', 'link.zhihu.com'], unresolvable: true, advice: POST },
    { hosts: ['zhihu.com'], path: /^\/xen\//, unresolvable: true },
  ],
  share: [{ re: /知乎(?:账号|名称)?[:：]\s*[「“]?(?<name>[^\s，。,；;]*[\u4e00-\u9fff][^\s，。,；;]*)/ }, { re: /【(?<name>[^【】]{1,30}?)的知乎主页】/ }, { re: /(?:^|\s)(?<name>[^\s-]{2,30}) - 知乎(?:\s|$)/ }],
  idLabels: [{ label: /^知乎(?:号|id)?$/i, kinds: ['org', 'people'] }],
  bare: { handle: ['org', 'people'] },
  advice: '该知乎链接无法离线解析。请打开账号主页，复制 zhihu.com/org/… 或 zhihu.com/people/… 的链接。',
});

export const cases = (): PlatformCase[] => [
  { why: 'reads an org token', input: 'https://www.zhihu.com/org/qing-chuan-li-gong', keys: ['zhihu:org:qing-chuan-li-gong'], platform: 'zhihu' },
  { why: 'reads a people token under a sub-path', input: 'https://www.zhihu.com/people/qclg-news/answers', keys: ['zhihu:people:qclg-news'] },
  { why: 'reads an org token with tracking', input: 'https://www.zhihu.com/org/qing-chuan-li-gong/posts?utm_source=wechat', keys: ['zhihu:org:qing-chuan-li-gong'] },
  { why: 'names an answer link unresolvable', input: 'https://www.zhihu.com/question/123456/answer/654321', unresolvable: 'zhihu' },
  { why: 'names a column article unresolvable', input: 'https://zhuanlan.zhihu.com/p/612345678', unresolvable: 'zhihu' },
  { why: 'reads the name of a profile share', input: '【青川理工学院的知乎主页】 https://www.zhihu.com/org/qing-chuan-li-gong', keys: ['zhihu:org:qing-chuan-li-gong'], name: '青川理工学院' },
  { why: 'reads the name of an "X - 知乎" share', input: '青川理工学院 - 知乎 https://zhuanlan.zhihu.com/p/612345678', unresolvable: 'zhihu', name: '青川理工学院' },
  { why: 'reads a labelled 知乎 id', input: '知乎：qing-chuan-li-gong', keys: ['zhihu:org:qing-chuan-li-gong', 'zhihu:people:qing-chuan-li-gong'] },
  { why: 'refuses an org path on a look-alike host', input: 'https://zhihu.com.evil.example/org/qing-chuan-li-gong', notPlatform: 'zhihu' },
  { why: 'reads a name written after the platform name', input: '知乎：青川理工学院', name: '青川理工学院', platform: 'zhihu', keys: [] },
];
