/**
 * 网站 (a website of the school or of a unit: a host, the school's sub-domains included).
 *
 * | form | example | keys |
 * |---|---|---|
 * | host | `news.qclg.edu.cn` (one `www.` removed) | domain (lower-case) |
 * | any page | `https://www.qclg.edu.cn/info/1001/2345.htm` | domain of its host |
 * | ICP备案号 | `青ICP备00000012号-1` (page footers) | icp |
 *
 * A filed website's link must be on the policy's domains (`school.domains`, sub-domains included):
 * checked by the validator (rules.ts). A pasted page under the school's domains whose host is not
 * filed is `unresolvable` when the caller passes the domains (normalizeInput's `domains` option).
 */
import { definePlatform, type PlatformCase } from './define.ts';

export default definePlatform({
  id: 'website',
  label: '网站',
  keys: [
    { id: 'domain', label: '域名', pattern: /^(?:[a-z0-9](?:[a-z0-9-]*[a-z0-9])?\.)+[a-z]{2,}$/, lowerCase: true },
    { id: 'icp', label: 'ICP备案号', pattern: /^[\u4e00-\u9fa5]ICP备\d{6,10}号(?:-\d+)?$/ },
  ],
  visibleId: { kinds: ['domain'], label: '域名' },
  hosts: [],
  links: [],
  bare: { domain: ['domain'] },
  advice: '该网址属于学校域名，但这个网站没有单独备案，无法确认由哪个单位主办。请到学校官网的“网站导航”或向主办单位核实。',
});

export const cases = (): PlatformCase[] => [
  { why: 'reads a website domain, www. stripped', input: 'https://www.qclg.edu.cn/info/1001/2345.htm', platform: 'website', notPlatform: 'weibo' },
  { why: 'reads a bare sub-domain', input: 'news.qclg.edu.cn', keys: ['website:domain:news.qclg.edu.cn', 'app:package:news.qclg.edu.cn'] },
  { why: 'reads a bare www. domain as its host without www.', input: 'www.qclg.edu.cn', keys: ['website:domain:qclg.edu.cn', 'app:package:www.qclg.edu.cn'] },
  { why: 'reads a labelled 域名', input: '域名：news.qclg.edu.cn', keys: ['website:domain:news.qclg.edu.cn'], platform: 'website' },
  { why: 'reads an ICP备案号 in a page footer', input: '版权所有 青川理工学院 青ICP备00000012号-1 技术支持', keys: ['website:icp:青ICP备00000012号-1'], platform: 'website' },
  { why: 'reads a page of another school as that school\'s host, not ours', input: 'https://www.other-univ.edu.cn/news/1.htm', keys: ['website:domain:other-univ.edu.cn', 'app:url:https://other-univ.edu.cn/news/1.htm', 'other:url:https://other-univ.edu.cn/news/1.htm', 'other:short:https://other-univ.edu.cn/news/1.htm'] },
  { why: 'keeps a publisher-identifying query parameter on an unknown host', input: 'https://news.example.com/author?uid=42&utm_source=x', keys: ['website:domain:news.example.com', 'app:url:https://news.example.com/author?uid=42', 'other:url:https://news.example.com/author?uid=42', 'other:short:https://news.example.com/author?uid=42'] },
];
