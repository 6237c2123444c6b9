/**
 * 澎湃号 (The Paper: 湃客 and 政务号).
 *
 * | form | example | keys |
 * |---|---|---|
 * | 澎湃号 id | digits (`pphId`) | pph |
 * | 湃客 page | `www.thepaper.cn/user_<id>`, `m.thepaper.cn/user_<id>` | pph |
 * | 政务号 page | `www.thepaper.cn/gov_<id>`, `m.thepaper.cn/gov_<id>` | pph |
 * | article | `www.thepaper.cn/newsDetail_forward_<id>`, `m.thepaper.cn/newsDetail_forward_<id>`, `m.thepaper.cn/detail/<id>` | unresolvable |
 * | share | `【澎湃新闻】标题 https://m.thepaper.cn/newsDetail_forward_<id>`, `澎湃号·政务：X` | name |
 *
 * Sources: RSSHub lib/routes/thepaper/user.ts (`thepaper.cn/user_<pphId>`), gov.ts (`thepaper.cn/gov_<pphId>`).
 */
import { definePlatform, type PlatformCase } from './define.ts';

const ARTICLE = '澎湃新闻文章链接不包含澎湃号编号。请点文章的澎湃号名称进入主页，复制 thepaper.cn/gov_… 或 thepaper.cn/user_… 的链接。';

export default definePlatform({
  id: 'thepaper',
  label: '澎湃号',
  keys: [{ id: 'pph', label: '澎湃号ID', pattern: /^\d{2,12}$/ }],
  visibleId: { kinds: ['pph'], label: '澎湃号主页编号' },
  hosts: ['thepaper.cn'],
  links: [
    { hosts: ['thepaper.cn'], path: /^\/(?:user|gov)_(?<pph>\d+)/ },
    { hosts: ['thepaper.cn'], path: /^\/(?:newsDetail_forward_\d+|detail\/\d+)/, unresolvable: true, advice: ARTICLE },
  ],
  share: [{ re: /澎湃号[·・]?(?:政务|湃客|媒体)?[:：]\s*(?<name>[^\s，。,]{2,30})/ }],
  idLabels: [{ label: /^澎湃号(?:id)?$/i, kinds: ['pph'] }],
  bare: { digits: ['pph'] },
  advice: ARTICLE,
});

export const cases = (): PlatformCase[] => [
  { why: 'reads a 湃客 page', input: 'https://www.thepaper.cn/user_4221423', keys: ['thepaper:pph:4221423'], platform: 'thepaper' },
  { why: 'reads a 政务号 page', input: 'https://www.thepaper.cn/gov_63850', keys: ['thepaper:pph:63850'] },
  { why: 'reads a mobile 政务号 page', input: 'https://m.thepaper.cn/gov_63850?from=share', keys: ['thepaper:pph:63850'] },
  { why: 'names an article unresolvable', input: 'https://www.thepaper.cn/newsDetail_forward_26912345', unresolvable: 'thepaper' },
  { why: 'names a mobile detail article unresolvable', input: '【澎湃新闻】青川理工学院2026年开学典礼 https://m.thepaper.cn/detail/26912345', unresolvable: 'thepaper' },
  { why: 'reads the name in a 澎湃号·政务 share', input: '澎湃号·政务：青川理工学院 https://m.thepaper.cn/newsDetail_forward_26912345', unresolvable: 'thepaper', name: '青川理工学院' },
  { why: 'reads a labelled 澎湃号 id', input: '澎湃号：63850', keys: ['thepaper:pph:63850'] },
  { why: 'refuses a look-alike host', input: 'https://thepaper.cn.evil.example/gov_63850', notPlatform: 'thepaper' },
  { why: "keeps another 澎湃号's id apart", input: 'https://www.thepaper.cn/user_4221423', keys: ['thepaper:pph:4221423'] },
];
