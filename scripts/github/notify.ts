/**
 * Posts unit notices to a 企业微信 or 钉钉 group robot (formats in src/domain/notify.ts). 钉钉's
 * 加签: sign = urlEncode(base64(HmacSHA256(secret, timestamp + "\n" + secret))), appended with the
 * millisecond timestamp. Both robots answer HTTP 200 with {"errcode":0} on success; anything else
 * is reported (never with the webhook address, which is a credential).
 */
import { createHmac } from 'node:crypto';
import { robotPayload, type UnitNotice } from '../../src/domain/notify.ts';
import { systemErrorCode } from '../lib/system-error.ts';

export interface RobotTarget {
  kind: 'wecom' | 'dingtalk';
  url: string;
  /** 钉钉 加签 secret (SEC…), optional. */
  signSecret?: string;
}

/** The address to post to: the webhook, plus `timestamp` and `sign` for a signed 钉钉 robot. */
export function signedUrl(target: RobotTarget, now = Date.now()): string {
  if (target.kind !== 'dingtalk' || !target.signSecret) return target.url;
  const sign = encodeURIComponent(createHmac('sha256', target.signSecret).update(`${now}\n${target.signSecret}`, 'utf8').digest('base64'));
  return `${target.url}${target.url.includes('?') ? '&' : '?'}timestamp=${now}&sign=${sign}`;
}

/** Posts each notice; returns the units posted and the failures (as Chinese lines without the address). */
export async function postNotices(target: RobotTarget, notices: UnitNotice[], fetchImpl: typeof fetch = fetch): Promise<{ sent: string[]; failed: string[] }> {
  const sent: string[] = [];
  const failed: string[] = [];
  for (const n of notices) {
    try {
      const res = await fetchImpl(signedUrl(target), { method: 'POST', headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(robotPayload(target.kind, n)) });
      const body = (await res.json().catch(() => ({}))) as { errcode?: number; errmsg?: string };
      if (res.ok && body.errcode === 0) sent.push(n.unit);
      else failed.push(`${n.unit}：群机器人返回 ${res.status}${body.errcode !== undefined ? `，errcode ${body.errcode}（${String(body.errmsg ?? '').slice(0, 100)}）` : ''}`);
    } catch (err) {
      failed.push(`${n.unit}：无法连接群机器人（${systemErrorCode(err, 1) ?? '网络错误'}）`);
    }
  }
  return { sent, failed };
}
