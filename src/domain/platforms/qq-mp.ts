/**
 * QQ公众号 (QQ official account, legacy).
 *
 * | form | example | keys |
 * |---|---|---|
 * | 号码 | 5–12 digits | uin |
 * | page | `mp.qq.com/…?uin=<n>` | uin |
 */
import { definePlatform, type PlatformCase } from './define.ts';

export default definePlatform({
  id: 'qq-mp',
  label: 'QQ公众号',
  keys: [{ id: 'uin', label: 'QQ公众号号码', pattern: /^[1-9]\d{4,11}$/ }],
  visibleId: { kinds: ['uin'], label: 'QQ公众号号码' },
  hosts: ['mp.qq.com', 'post.mp.qq.com'],
  idParams: ['uin', 'puin'],
  links: [{ hosts: ['mp.qq.com', 'post.mp.qq.com'], query: { uin: 'uin', puin: 'uin' } }, { hosts: ['mp.qq.com', 'post.mp.qq.com'], unresolvable: true }],
  idLabels: [{ label: /^qq公众号$/i, kinds: ['uin'] }],
  bare: { digits: ['uin'] },
});

export const cases = (): PlatformCase[] => [
  { why: 'reads a labelled QQ公众号 number', input: 'QQ公众号：2852199999', keys: ['qq-mp:uin:2852199999'], platform: 'qq-mp' },
  { why: 'reads puin from a post.mp.qq.com article', input: 'https://post.mp.qq.com/kan/article/2852199999-123.html?_wv=2147483777&puin=2852199999', keys: ['qq-mp:uin:2852199999'] },
  { why: 'names an article without puin unresolvable', input: 'https://post.mp.qq.com/kan/article/123.html', unresolvable: 'qq-mp' },
  { why: 'refuses a post.mp.qq.com look-alike host', input: 'https://post.mp.qq.com.evil.example/kan/article/1.html?puin=2852199999', notPlatform: 'qq-mp' },
];
