// Issue 13 item 6: a filed link (and a url/short key) must be on its platform's hosts (exact or a
// sub-domain at a dot boundary), https, without userinfo; a website's on the policy's domains. The
// schema and the validator say so in Chinese at the file, line and field; the normaliser refuses
// userinfo links and never reads a look-alike host as the platform.
import { describe, expect, test } from 'vitest';
import { hostIn, linkProblem } from '../src/domain/platforms.ts';
import { AccountSchema } from '../src/domain/schema/account.ts';
import { normalizeInput } from '../src/domain/verify/normalize.ts';
import { toPublicAccount } from '../src/domain/public.ts';

const base = {
  id: 'jsj-weibo',
  name: '青川理工计算机学院',
  platform: 'weibo',
  keys: [{ kind: 'uid', value: '5123456789' }],
  unit: 'jsj',
  tier: 2,
  status: 'active',
  filing: 'backfill',
  purpose: '计算机学院官方微博。',
  dates: { opened: '2024-09-16' },
  contacts: { head: { name: '李强', mobile: '13800000011' }, admins: [{ name: '吴敏', mobile: '13800000012' }] },
};

function issues(over: Record<string, unknown>): Array<{ path: string; message: string }> {
  const r = AccountSchema.safeParse({ ...base, ...over });
  return r.success ? [] : r.error.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
}

describe('filed links belong to their platform (attacks first)', () => {
  test.each([
    ['userinfo before the real host', 'wechat-mp', 'https://mp.weixin.qq.com@evil.example/s?__biz=MzA3MDM3NjE5NQ=='],
    ['userinfo with a password', 'weibo', 'https://weibo.com:pw@evil.example/u/5123456789'],
    ['a platform path on another host', 'weibo', 'https://evil.example/weibo/u/5123456789'],
    ['a host ending in the platform without a dot', 'qq-group', 'https://evilqq.com/cgi-bin/qm/qr?group_code=87654321'],
    ['the platform host as a sub-domain of another', 'douyin', 'https://www.douyin.com.evil.example/user/MS4wLjABAAAAx'],
    ['a look-alike digit host', 'bilibili', 'https://space.bi1ibili.com/1234567890'],
    ['another platform’s host', 'weibo', 'https://space.bilibili.com/1234567890'],
  ])('%s is refused on link', (_l, platform, link) => {
    const list = issues({ platform, link, keys: [] });
    const hit = list.find((i) => i.path === 'link');
    expect(hit, JSON.stringify(list)).toBeDefined();
    expect(hit!.message).toMatch(/[\u4e00-\u9fff]/);
  });

  test('a url or short key on a foreign host is refused at its value', () => {
    const list = issues({ platform: 'weibo', keys: [{ kind: 'uid', value: '5123456789' }, { kind: 'short', value: 'https://evil.example/x' }] });
    expect(list.map((i) => i.path)).toContain('keys.1.value');
  });

  test('http is refused', () => {
    expect(linkProblem('weibo', 'http://weibo.com/u/5123456789')).toMatch(/https/);
  });

  test.each([
    ['weibo', 'https://weibo.com/u/5123456789'],
    ['weibo', 'https://m.weibo.cn/u/5123456789'],
    ['qq-group', 'https://qm.qq.com/cgi-bin/qm/qr?k=x&group_code=87654321'],
    ['baijiahao', 'https://author.baidu.com/home?app_id=1612345678901234'],
    ['yangshipin', 'https://w.yangshipin.cn/user?cpid=28131498540720002'],
    ['other', 'https://www.example.org/page'],
  ])('%s accepts its own host %s', (platform, link) => {
    expect(issues({ platform, link, keys: [], ...(platform === 'other' ? { platformOther: '某平台' } : {}) }).filter((i) => i.path === 'link')).toEqual([]);
  });

  test('a website must be on the school domains (sub-domains included), an app page on a store or the school domains', () => {
    const d = ['qclg.edu.cn'];
    expect(linkProblem('website', 'https://news.qclg.edu.cn/', d)).toBeNull();
    expect(linkProblem('website', 'https://qclg.edu.cn.evil.example/', d)).toMatch(/学校域名/);
    expect(linkProblem('website', 'https://fakeqclg.edu.cn/', d)).toMatch(/学校域名/);
    expect(linkProblem('app', 'https://app.qclg.edu.cn/download', d)).toBeNull();
    expect(linkProblem('app', 'https://apps.apple.com/cn/app/x/id1234567', d)).toBeNull();
    expect(linkProblem('app', 'https://evil.example/app.apk', d)).toMatch(/不属于/);
  });

  test('hostIn matches at a dot boundary only', () => {
    expect(hostIn('qm.qq.com', ['qq.com'])).toBe(true);
    expect(hostIn('qq.com', ['qq.com'])).toBe(true);
    expect(hostIn('evilqq.com', ['qq.com'])).toBe(false);
    expect(hostIn('qq.com.evil.example', ['qq.com'])).toBe(false);
  });
});

describe('the normaliser never reads an off-platform link as the platform', () => {
  test('a userinfo link is refused with no keys, naming the real host', () => {
    const n = normalizeInput('https://mp.weixin.qq.com@evil.example/s?__biz=MzA3MDM3NjE5NQ==');
    expect(n.keys).toEqual([]);
    expect(n.refused?.host).toBe('evil.example');
    expect(n.refused?.reason).toContain('evil.example');
  });

  test('a backslash trick opens the host before it, and is read as that host', () => {
    const n = normalizeInput('https://evil.example\\@weibo.com/u/5123456789');
    expect(n.keys.filter((k) => k.platform === 'weibo')).toEqual([]);
  });

  test('a platform path on another host gives no key of the platform', () => {
    const n = normalizeInput('https://evil.example/weibo/u/5123456789');
    expect(n.keys.filter((k) => k.platform === 'weibo')).toEqual([]);
    expect(n.platform).toBe('website');
  });
});

describe('the public projection never publishes an off-platform link (no QR code to it)', () => {
  const ctx = { unitNames: new Map([['jsj', '计算机学院']]), tierNames: new Map([[2, '二级平台']]) };
  const parsed = AccountSchema.parse({ ...base, link: 'https://weibo.com/u/5123456789' });

  test('a link that slipped past the schema is dropped', () => {
    for (const link of ['https://weibo.com@evil.example/u/5123456789', 'https://evil.example/weibo/u/5123456789'])
      expect(toPublicAccount({ ...parsed, link }, '', ctx).link).toBeNull();
  });

  test('the platform’s own link is published', () => {
    expect(toPublicAccount(parsed, '', ctx).link).toBe('https://weibo.com/u/5123456789');
  });
});

describe('the school’s own sub-domain sites (normalizeInput domains option)', () => {
  test('an unfiled page under the school domains is "cannot tell", keeping its keys for a filed sub-site', () => {
    const n = normalizeInput('https://lib.qclg.edu.cn/info/1.htm', { domains: ['qclg.edu.cn'] });
    expect(n.unresolvable?.platform).toBe('website');
    expect(n.keys.map((k) => k.key)).toContain('website:domain:lib.qclg.edu.cn');
  });

  test('a look-alike of the school domain is not the school’s', () => {
    expect(normalizeInput('https://lib.qclg.edu.cn.evil.example/', { domains: ['qclg.edu.cn'] }).unresolvable).toBeNull();
    expect(normalizeInput('https://fakeqclg.edu.cn/', { domains: ['qclg.edu.cn'] }).unresolvable).toBeNull();
  });

  test('without the option nothing changes (backward compatible)', () => {
    expect(normalizeInput('https://lib.qclg.edu.cn/info/1.htm').unresolvable).toBeNull();
  });
});
