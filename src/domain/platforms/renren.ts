/**
 * 人人网 (Renren, legacy).
 *
 * | form | example | keys |
 * |---|---|---|
 * | id | digits | uid |
 * | profile | `www.renren.com/profile.do?id=<id>`, `www.renren.com/<id>/profile` | uid |
 */
import { URL_KIND, definePlatform, type PlatformCase } from './define.ts';

export default definePlatform({
  id: 'renren',
  label: '人人网',
  keys: [{ id: 'uid', label: '人人ID', pattern: /^\d{5,12}$/ }, URL_KIND],
  hosts: ['renren.com'],
  idParams: ['id'],
  links: [
    { hosts: ['renren.com', 'page.renren.com'], query: { id: 'uid' } },
    { hosts: ['renren.com', 'page.renren.com'], path: /^\/(?<uid>\d{5,12})(?:\/|$)/ },
  ],
  bare: { digits: ['uid'] },
});

export const cases = (): PlatformCase[] => [
  { why: 'reads a profile id', input: 'http://www.renren.com/profile.do?id=234567890', keys: ['renren:uid:234567890'], platform: 'renren' },
  { why: 'reads a path id', input: 'http://www.renren.com/234567890/profile', keys: ['renren:uid:234567890'] },
  { why: 'refuses a renren look-alike host', input: 'http://renren.com.evil.example/profile.do?id=234567890', notPlatform: 'renren' },
];
