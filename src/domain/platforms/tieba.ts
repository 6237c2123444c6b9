/**
 * 百度贴吧 (Tieba).
 *
 * | form | example | keys |
 * |---|---|---|
 * | 吧名 | `tieba.baidu.com/f?kw=<吧名>` (Chinese in the query) | kw (+ name hint `…吧`) |
 * | user | `tieba.baidu.com/home/main?id=<portrait>` | portrait |
 * | post | `tieba.baidu.com/p/<id>` | unresolvable |
 *
 * Sources: RSSHub lib/routes/baidu/tieba (forum/:kw, user/:uid).
 */
import { definePlatform, type PlatformCase } from './define.ts';

export default definePlatform({
  id: 'tieba',
  label: '百度贴吧',
  keys: [
    { id: 'kw', label: '吧名', pattern: /^[^\s/?#&]{1,64}$/ },
    { id: 'portrait', label: '用户portrait', pattern: /^[A-Za-z0-9._-]{6,}$/ },
  ],
  visibleId: { kinds: ['kw', 'portrait'], label: '吧名' },
  hosts: ['tieba.baidu.com'],
  idParams: ['kw', 'id'],
  links: [
    { hosts: ['tieba.baidu.com'], path: /^\/home\//, query: { id: 'portrait' } },
    { hosts: ['tieba.baidu.com'], path: /^\/p\/\d+/, unresolvable: true },
  ],
  parse(ctx) {
    if (ctx.host !== 'tieba.baidu.com' || ctx.segs[0] !== 'f') return null;
    const kw = ctx.q('kw')?.normalize('NFKC').trim();
    if (!kw || !ctx.fits('kw', kw)) return null;
    return { platform: 'tieba', keys: [{ platform: 'tieba', kind: 'kw', value: kw }], name: /吧$/.test(kw) ? kw : `${kw}吧` };
  },
  idLabels: [{ label: /^(?:百度)?(?:贴吧|吧名)$/, kinds: ['kw'] }],
  advice: '贴子链接不包含吧名。请打开该吧首页，复制 tieba.baidu.com/f?kw=… 的链接。',
});

export const cases = (): PlatformCase[] => [
  { why: 'reads a kw and hints the forum name', input: 'https://tieba.baidu.com/f?kw=青川理工学院&ie=utf-8', keys: ['tieba:kw:青川理工学院'], platform: 'tieba', name: '青川理工学院吧' },
  { why: 'reads a percent-encoded kw', input: 'https://tieba.baidu.com/f?kw=%E9%9D%92%E5%B7%9D%E7%90%86%E5%B7%A5&fr=index', keys: ['tieba:kw:青川理工'] },
  { why: 'reads a user portrait', input: 'https://tieba.baidu.com/home/main?id=tb.1.abcdef12.XYZ123&fr=frs', keys: ['tieba:portrait:tb.1.abcdef12.XYZ123'] },
  { why: 'reads a labelled 吧名 in Chinese', input: '吧名：青川理工学院', keys: ['tieba:kw:青川理工学院'], platform: 'tieba' },
  { why: 'names a post link unresolvable', input: 'https://tieba.baidu.com/p/8912345678', unresolvable: 'tieba' },
  { why: 'refuses a look-alike host', input: 'https://tieba.baidu.com.evil.example/f?kw=青川理工学院', notPlatform: 'tieba' },
];
