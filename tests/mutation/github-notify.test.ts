// Group-robot posting: the 钉钉 signature only for a signed 钉钉 robot, appended with `?` or `&`;
// every failure reported as one Chinese line naming the unit (never the webhook address).
import { createHmac } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { postNotices, signedUrl } from '../../scripts/github/notify.ts';

const NOW = 1_764_550_000_000;
const sign = (secret: string) => encodeURIComponent(createHmac('sha256', secret).update(`${NOW}\n${secret}`, 'utf8').digest('base64'));
const HOOK = 'https://oapi.dingtalk.com/robot/send?access_token=abc';

describe('signedUrl()', () => {
  test('a 企业微信 robot is never signed, even with a secret', () => {
    expect(signedUrl({ kind: 'wecom', url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k', signSecret: 'SECx' }, NOW)).toBe('https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=k');
  });
  test('a 钉钉 robot without a secret is posted to as is', () => {
    expect(signedUrl({ kind: 'dingtalk', url: HOOK }, NOW)).toBe(HOOK);
  });
  test('a signed 钉钉 robot gets timestamp and sign after `&` when the address has a query', () => {
    expect(signedUrl({ kind: 'dingtalk', url: HOOK, signSecret: 'SEC密钥' }, NOW)).toBe(`${HOOK}&timestamp=${NOW}&sign=${sign('SEC密钥')}`);
  });
  test('… and after `?` when it has none', () => {
    expect(signedUrl({ kind: 'dingtalk', url: 'https://robot.example.edu.cn/send', signSecret: 'SECabc' }, NOW)).toBe(`https://robot.example.edu.cn/send?timestamp=${NOW}&sign=${sign('SECabc')}`);
  });
});

describe('postNotices(): failures', () => {
  const notice = (unit: string) => ({ unit, title: `${unit} 提醒`, lines: ['有逾期事项'] });
  const answer = (status: number, body: string) => (async () => new Response(body, { status })) as unknown as typeof fetch;
  const target = { kind: 'wecom' as const, url: 'https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=secret-key' };

  test.each([
    ['errcode 0 is a success', answer(200, '{"errcode":0,"errmsg":"ok"}'), { sent: ['jwc'], failed: [] }],
    ['a non-JSON error page reports only the status', answer(502, '<html>Bad Gateway</html>'), { sent: [], failed: ['jwc：群机器人返回 502'] }],
    ['an errcode without a message reports empty brackets', answer(200, '{"errcode":40001}'), { sent: [], failed: ['jwc：群机器人返回 200，errcode 40001（）'] }],
    ['the robot\'s message is cut to 100 characters', answer(200, JSON.stringify({ errcode: 310000, errmsg: 'x'.repeat(150) })), { sent: [], failed: [`jwc：群机器人返回 200，errcode 310000（${'x'.repeat(100)}）`] }],
    ['a connection failure names its code', (async () => { throw Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' }); }) as unknown as typeof fetch, { sent: [], failed: ['jwc：无法连接群机器人（ECONNREFUSED）'] }],
    // Node's fetch rejects with TypeError('fetch failed') and puts the system error in `cause`.
    ['Node\'s fetch failure names the code of its cause', (async () => { throw Object.assign(new TypeError('fetch failed'), { cause: Object.assign(new Error('getaddrinfo ENOTFOUND oapi.dingtalk.com'), { code: 'ENOTFOUND' }) }); }) as unknown as typeof fetch, { sent: [], failed: ['jwc：无法连接群机器人（ENOTFOUND）'] }],
    ['a failure without a code is a network error', (async () => { throw new TypeError('fetch failed'); }) as unknown as typeof fetch, { sent: [], failed: ['jwc：无法连接群机器人（网络错误）'] }],
  ] as Array<[string, typeof fetch, { sent: string[]; failed: string[] }]>)('%s', async (_what, fetchImpl, out) => {
    const r = await postNotices(target, [notice('jwc')], fetchImpl);
    expect(r).toEqual(out);
    expect(JSON.stringify(r)).not.toContain('secret-key');
  });
});
