/**
 * 人民号 (人民日报客户端 People's Daily app accounts).
 *
 * | form | example | keys |
 * |---|---|---|
 * | 人民号 id | digits, shown in 人民号 back office | rmh |
 * | article | `wap.peopleapp.com/article/<id>/<id>`, `wap.peopleapp.com/article/rmh<id>/rmh<id>` | unresolvable |
 * | share | `【人民日报客户端】标题 https://wap.peopleapp.com/article/…`, `人民号：X` | name |
 *
 * Public profile URLs of 人民号 are not stable web pages (the app opens them); filings store the
 * 人民号 id and the name, and every peopleapp.com link is answered "cannot tell offline" unless it
 * was filed as an exact alias.
 * Sources: public 人民日报客户端 share links (wap.peopleapp.com/article/…).
 */
import { definePlatform, type PlatformCase } from './define.ts';

export default definePlatform({
  id: 'renmin',
  label: '人民号',
  keys: [{ id: 'rmh', label: '人民号ID', pattern: /^\d{3,12}$/ }],
  visibleId: { kinds: ['rmh'], label: '人民号ID' },
  hosts: ['peopleapp.com', 'people.cn'],
  links: [{ hosts: ['peopleapp.com', 'wap.peopleapp.com', 'rmh.people.cn'], unresolvable: true }],
  share: [{ re: /人民号[:：]\s*(?<name>[^\s，。,\d][^\s，。,]{1,29})/ }],
  idLabels: [{ label: /^人民号(?:id)?$/i, kinds: ['rmh'] }],
  bare: { digits: ['rmh'] },
  advice: '人民日报客户端的文章链接不包含人民号编号。请在客户端点人民号名称进入主页，核对名称和人民号ID。',
});

export const cases = (): PlatformCase[] => [
  { why: 'names a peopleapp article unresolvable', input: 'https://wap.peopleapp.com/article/7193445/7033219', unresolvable: 'renmin', platform: 'renmin' },
  { why: 'names an rmh article unresolvable', input: '【人民日报客户端】青川理工学院：科技小院里的青春 https://wap.peopleapp.com/article/rmh31768337/rmh31768337', unresolvable: 'renmin' },
  { why: 'reads a labelled 人民号ID', input: '人民号ID：31768337', keys: ['renmin:rmh:31768337'] },
  { why: 'reads a bare 人民号ID among the digit platforms', input: '31768337', platform: null },
  { why: 'reads the name in 人民号：X', input: '人民号：青川理工学院 https://wap.peopleapp.com/article/rmh31768337/rmh31768337', unresolvable: 'renmin', name: '青川理工学院' },
  { why: 'refuses a look-alike host', input: 'https://wap.peopleapp.com.evil.example/article/1/2', notPlatform: 'renmin' },
  { why: 'names a people.cn rmh page unresolvable', input: 'https://rmh.people.cn/article/31768337', unresolvable: 'renmin' },
];
