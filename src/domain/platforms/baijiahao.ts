/**
 * 百家号 (Baidu Baijiahao).
 *
 * | form | example | keys |
 * |---|---|---|
 * | app_id | digits (10–20), the publisher's id | app_id |
 * | uk | the author key in mbd.baidu.com feeds | uk |
 * | author page | `author.baidu.com/home?app_id=<id>`, `author.baidu.com/home/<id>`, `baijiahao.baidu.com/u?app_id=<id>` | app_id |
 * | shared author page | `author.baidu.com/home?context={"app_id":"<id>","from":"ugc_share"}` (JSON in the query) | app_id |
 * | feed | `mbd.baidu.com/webpage?type=homepage&uk=<uk>` | uk |
 * | article | `baijiahao.baidu.com/s?id=<article>`, `mbd.baidu.com/newspage/data/landingsuper?context=…` | unresolvable |
 * | short | `mbd.baidu.com/ma/s/<code>` | unresolvable |
 *
 * `app_id` identifies the publisher: it is never dropped from a canonical URL, so another
 * publisher's author page never matches the school's.
 * Sources: RSSHub lib/routes/baidu/baijiahao.ts (`baijiahao.baidu.com/u?app_id=`), public author links.
 */
import { SHORT, definePlatform, type PlatformCase } from './define.ts';

const ARTICLE = '百家号文章链接不包含作者编号。请点作者名称进入作者主页，复制 author.baidu.com/home?app_id=… 的链接。';

export default definePlatform({
  id: 'baijiahao',
  label: '百家号',
  keys: [
    { id: 'app_id', label: '百家号ID（app_id）', pattern: /^\d{10,20}$/ },
    { id: 'uk', label: 'uk', pattern: /^[A-Za-z0-9_-]{16,40}$/ },
    SHORT,
  ],
  visibleId: { kinds: ['app_id'], label: '百家号ID（app_id）' },
  hosts: ['author.baidu.com', 'baijiahao.baidu.com', 'mbd.baidu.com'],
  idParams: ['app_id', 'uk', 'context'],
  links: [
    { hosts: ['author.baidu.com', 'baijiahao.baidu.com'], query: { app_id: 'app_id' } },
    { hosts: ['author.baidu.com'], path: /^\/home\/(?<app_id>\d{10,20})/ },
    { hosts: ['mbd.baidu.com'], path: /^\/webpage/, query: { uk: 'uk' } },
    { hosts: ['baijiahao.baidu.com'], path: /^\/s$/, unresolvable: true, advice: ARTICLE },
    { hosts: ['mbd.baidu.com'], path: /^\/newspage\//, unresolvable: true, advice: ARTICLE },
    { hosts: ['mbd.baidu.com'], path: /^\/ma\/s\//, unresolvable: true },
  ],
  parse(ctx) {
    // author.baidu.com/home?context={"app_id":"…"}: the id sits in a JSON query value.
    const context = ctx.q('context');
    if (!context || (ctx.host !== 'author.baidu.com' && ctx.host !== 'baijiahao.baidu.com')) return null;
    const m = /"app_id"\s*:\s*"?(\d{10,20})/.exec(context);
    return m && ctx.fits('app_id', m[1]!) ? { platform: 'baijiahao', keys: [{ platform: 'baijiahao', kind: 'app_id', value: m[1]! }] } : null;
  },
  share: [{ re: /百家号[:：]\s*[「“]?(?<name>[^\s，。,；;]*[\u4e00-\u9fff][^\s，。,；;]*)/ }],
  idLabels: [{ label: /^百家号(?:id|app_id)?$|^app_id$/i, kinds: ['app_id'] }],
  bare: { digits: ['app_id'] },
  advice: '百家号短链接无法离线展开。请打开作者主页，复制 author.baidu.com/home?app_id=… 的链接。',
});

const ID = '1612345678901234';
export const cases = (): PlatformCase[] => [
  { why: 'reads app_id from an author page', input: `https://author.baidu.com/home?from=bjh_article&app_id=${ID}`, keys: [`baijiahao:app_id:${ID}`], platform: 'baijiahao' },
  { why: 'reads app_id from an author path', input: `https://author.baidu.com/home/${ID}?from=dusite_sresults`, keys: [`baijiahao:app_id:${ID}`] },
  { why: 'reads app_id from baijiahao.baidu.com/u', input: `https://baijiahao.baidu.com/u?app_id=${ID}`, keys: [`baijiahao:app_id:${ID}`] },
  { why: 'reads app_id from a shared JSON context', input: `https://author.baidu.com/home?type=profile&action=profile&mthfr=box_share&context=%7B%22from%22%3A%22ugc_share%22%2C%22app_id%22%3A%22${ID}%22%7D`, keys: [`baijiahao:app_id:${ID}`] },
  { why: 'reads uk from an mbd feed link', input: 'https://mbd.baidu.com/webpage?type=homepage&action=interact&format=jsonp&uk=sCWQteHJevYiu1bvIiKrEw', keys: ['baijiahao:uk:sCWQteHJevYiu1bvIiKrEw'] },
  { why: 'names an article unresolvable', input: 'https://baijiahao.baidu.com/s?id=1796288054374712822&wfr=spider&for=pc', unresolvable: 'baijiahao' },
  { why: 'names a landing page unresolvable', input: 'https://mbd.baidu.com/newspage/data/landingsuper?context=%7B%22nid%22%3A%22news_123%22%7D&n_type=-1', unresolvable: 'baijiahao' },
  { why: 'names an mbd short link unresolvable', input: 'https://mbd.baidu.com/ma/s/AbCdEf12', unresolvable: 'baijiahao' },
  { why: 'reads a labelled 百家号ID', input: `百家号ID：${ID}`, keys: [`baijiahao:app_id:${ID}`] },
  { why: "keeps app_id: another publisher's author page gives another key", input: 'https://author.baidu.com/home?app_id=1699999999999999', keys: ['baijiahao:app_id:1699999999999999'] },
  { why: 'refuses an author page on a look-alike host', input: `https://author.baidu.com.evil.example/home?app_id=${ID}`, notPlatform: 'baijiahao' },
  { why: 'reads a name written after the platform name', input: '百家号：青川理工学院', name: '青川理工学院', platform: 'baijiahao', keys: [] },
];
