// The optional group-robot notifier against a local HTTP server that checks each payload the way
// 企业微信 and 钉钉 document it: JSON markdown messages, WeCom's 4096-byte content limit, DingTalk's
// 加签 (HMAC-SHA256 of timestamp + "\n" + secret, Base64, URL-encoded); no phone or email in any
// message; a re-run with nothing new posts nothing.
import { createHmac } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { ObligationLike } from '../src/domain/deadline-issues.ts';
import { renderDeadlineIssues } from '../src/domain/deadline-issues.ts';
import { WECOM_MAX_BYTES, fitBytes, maskContacts, renderUnitNotices, robotPayload } from '../src/domain/notify.ts';
import { createClient } from '../scripts/github/client.ts';
import { syncDeadlineIssues } from '../scripts/github/deadlines.ts';
import { postNotices, signedUrl } from '../scripts/github/notify.ts';
import { startFakeGitHub, type FakeGitHub } from './helpers/fake-github.ts';

const SECRET = 'SECtest-secret';
let server: Server;
let base = '';
const received: Array<{ path: string; query: URLSearchParams; body: any }> = [];
const problems: string[] = [];

beforeAll(async () => {
  server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const c of req) chunks.push(c as Buffer);
    const url = new URL(req.url ?? '/', 'http://x');
    let body: any;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      problems.push('not JSON');
    }
    received.push({ path: url.pathname, query: url.searchParams, body });
    const ok = (cond: boolean, what: string) => (cond ? true : (problems.push(what), false));
    let valid = ok(req.method === 'POST', 'method') && ok(/^application\/json/.test(req.headers['content-type'] ?? ''), 'content-type') && ok(body?.msgtype === 'markdown', 'msgtype');
    if (url.pathname === '/cgi-bin/webhook/send') {
      valid &&= ok(!!url.searchParams.get('key'), 'wecom key') && ok(typeof body.markdown?.content === 'string', 'wecom content') && ok(Buffer.byteLength(body.markdown.content) <= 4096, 'wecom 4096 bytes') && ok(Object.keys(body.markdown).length === 1, 'wecom fields');
    } else if (url.pathname === '/robot/send') {
      valid &&= ok(typeof body.markdown?.title === 'string' && typeof body.markdown?.text === 'string', 'dingtalk title/text');
      const ts = url.searchParams.get('timestamp');
      const sign = url.searchParams.get('sign');
      if (ts || sign) {
        const expected = createHmac('sha256', SECRET).update(`${ts}\n${SECRET}`).digest('base64');
        valid &&= ok(sign === expected, 'dingtalk sign') && ok(Math.abs(Date.now() - Number(ts)) < 3_600_000, 'dingtalk timestamp');
      }
    } else valid = false;
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(valid ? { errcode: 0, errmsg: 'ok' } : { errcode: 40008, errmsg: 'invalid message type' }));
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((r) => server.close(() => r())));

const ob = (o: Partial<ObligationLike> & Pick<ObligationLike, 'kind' | 'unit' | 'due'>): ObligationLike => ({ account: null, group: null, state: 'overdue', rule: '第四条', filed: null, ...o });
const OBS = [ob({ kind: 'change', unit: 'jwc', account: 'jwc-wechat', due: '2026-11-10' }), ob({ kind: 'review', unit: 'tw', account: 'tw-weibo', due: '2025-12-15' })];
const names: Record<string, string> = { jwc: '教务处', tw: '校团委' };
// A name a unit typed badly: a phone and an email inside it must never reach the robot.
const accountName = (a: string) => (a === 'jwc-wechat' ? '教务处 13912345678 li@example.edu.cn [链接](http://x)' : undefined);

describe('group-robot notices', () => {
  test('企业微信 and 钉钉 (signed) accept the payloads; no phone or email is ever sent', async () => {
    const notices = renderUnitNotices(OBS, (u) => names[u]!, accountName, '党委宣传部');
    const wecom = await postNotices({ kind: 'wecom', url: `${base}/cgi-bin/webhook/send?key=k-1` }, notices);
    const ding = await postNotices({ kind: 'dingtalk', url: `${base}/robot/send?access_token=t-1`, signSecret: SECRET }, notices);
    expect(problems).toEqual([]);
    expect(wecom).toEqual({ sent: ['jwc', 'tw'], failed: [] });
    expect(ding).toEqual({ sent: ['jwc', 'tw'], failed: [] });
    const all = JSON.stringify(received.map((r) => r.body));
    expect(all).not.toMatch(/13912345678|li@example|\]\(http/);
    expect(received[0]!.body.markdown.content).toContain('- 账号 jwc-wechat（教务处 （已隐去） （已隐去） 链接 http://x）：信息变更报备，截止 2026-11-10');
  });

  test('a wrong signature or an unknown format is reported without the webhook address', async () => {
    problems.length = 0;
    const r = await postNotices({ kind: 'dingtalk', url: `${base}/robot/send?access_token=secret-token`, signSecret: 'SECwrong' }, renderUnitNotices(OBS, (u) => names[u]!, () => undefined, '党委宣传部'));
    expect(r.sent).toEqual([]);
    expect(r.failed[0]).toBe('jwc：群机器人返回 200，errcode 40008（invalid message type）');
    expect(r.failed.join('')).not.toContain('secret-token');
    expect(new URL(signedUrl({ kind: 'dingtalk', url: 'https://oapi.dingtalk.com/robot/send?access_token=a', signSecret: 's' }, 1700000000000)).searchParams.get('timestamp')).toBe('1700000000000');
  });

  test('WeCom content stays within 4096 UTF-8 bytes, replacing the overflow with a count', () => {
    const many = Array.from({ length: 300 }, (_, i) => ob({ kind: 'change', unit: 'jwc', account: `jwc-a${i}`, due: '2026-11-10' }));
    const [n] = renderUnitNotices(many, () => '教务处', () => '很长的账号名称'.repeat(3), '党委宣传部');
    const content = (robotPayload('wecom', n!).markdown as { content: string }).content;
    expect(Buffer.byteLength(content)).toBeLessThanOrEqual(WECOM_MAX_BYTES);
    expect(content).toMatch(/……另有 \d+ 行/);
    expect(fitBytes(['一二三'], 6)).toBe('一二');
    expect(maskContacts('电话 0571-86660001，手机 +86 139 1234 5678')).toBe('电话 （已隐去），手机 （已隐去）');
  });

  test('idempotent like the issues: only units whose issue was created or updated are notified', async () => {
    const fake: FakeGitHub = await startFakeGitHub();
    try {
      const client = createClient({ token: 'test-token', baseUrl: fake.url, retryBaseMs: 1 });
      const repo = { owner: fake.owner, repo: fake.repo };
      const desired = renderDeadlineIssues(OBS, (u) => names[u]!, () => undefined, '党委宣传部');
      const changedUnits = async () => new Set((await syncDeadlineIssues(client, repo, desired)).filter((a) => a.type !== 'close').map((a) => a.unit));
      const first = await changedUnits();
      const second = await changedUnits();
      const notices = renderUnitNotices(OBS, (u) => names[u]!, () => undefined, '党委宣传部');
      expect(notices.filter((n) => first.has(n.unit)).map((n) => n.unit)).toEqual(['jwc', 'tw']);
      expect(notices.filter((n) => second.has(n.unit))).toEqual([]);
    } finally {
      await fake.stop();
    }
  });
});
