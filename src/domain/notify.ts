/**
 * Overdue lists for a unit's work group, as 企业微信 (WeCom) and 钉钉 (DingTalk) group-robot
 * messages in their documented JSON formats:
 * - WeCom: POST {"msgtype":"markdown","markdown":{"content":…}} to
 *   https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…; content at most 4096 bytes (UTF-8).
 * - DingTalk: POST {"msgtype":"markdown","markdown":{"title":…,"text":…}} to
 *   https://oapi.dingtalk.com/robot/send?access_token=…, optionally signed (加签): timestamp (ms) +
 *   "\n" + secret, HMAC-SHA256, Base64, URL-encoded, as `&timestamp=…&sign=…` (the adapter signs).
 * The text names accounts and deadlines only: never a phone number or email (any that slipped
 * into a name is masked). Pure: obligations in, messages out.
 */
import type { ObligationLike } from './deadline-issues.ts';
import { isOverdue } from './deadline-issues.ts';
import { OBLIGATION_KIND_LABELS } from './obligations.ts';

/** WeCom's limit on markdown.content, in UTF-8 bytes. */
export const WECOM_MAX_BYTES = 4096;
/** DingTalk's markdown text is kept to the same size (its documented limit is larger). */
export const DINGTALK_MAX_BYTES = 4096;

export interface UnitNotice {
  unit: string;
  title: string;
  /** Markdown lines (no tables: neither robot renders them). */
  lines: string[];
}

const PHONE_OR_EMAIL = /(?:\+?86[\s-]?)?1[3-9]\d(?:[\s-]?\d){8}|0\d{2,3}[\s-]?\d{7,8}|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;

/** Masks anything shaped like a phone number or email (defence in depth: names should hold none). */
export function maskContacts(text: string): string {
  return text.replace(PHONE_OR_EMAIL, '（已隐去）');
}

/** Robot markdown is plain text for our purposes: no links, mentions or markup from unit-written names. */
function plain(text: string): string {
  return maskContacts(text).replace(/[\r\n]+/g, ' ').replace(/[<>[\]()`*_#@|\\]/g, ' ').replace(/\s{2,}/g, ' ').trim();
}

/** One notice per unit with overdue obligations, sorted by unit. */
export function renderUnitNotices(obligations: ObligationLike[], unitName: (unit: string) => string, accountName: (account: string) => string | undefined, officeName: string): UnitNotice[] {
  const byUnit = new Map<string, ObligationLike[]>();
  for (const o of obligations.filter(isOverdue)) byUnit.set(o.unit, [...(byUnit.get(o.unit) ?? []), o]);
  return [...byUnit.keys()].sort().map((unit) => {
    const items = byUnit.get(unit)!.sort((a, b) => a.due.localeCompare(b.due) || String(a.account ?? a.group ?? '').localeCompare(String(b.account ?? b.group ?? '')));
    const title = `【逾期提醒】${plain(unitName(unit))}：${items.length} 项备案事项逾期`;
    const lines = [
      `### ${title}`,
      ...items.map((o) => {
        const name = o.account ? accountName(o.account) : undefined;
        const what = o.account ? `账号 ${o.account}${name ? `（${plain(name)}）` : ''}` : o.group ? `工作群 ${o.group}` : '本单位';
        return `- ${what}：${OBLIGATION_KIND_LABELS[o.kind]}，截止 ${o.due}`;
      }),
      '',
      `请尽快通过合并请求补报；详情见仓库中的“逾期提醒” Issue。如有疑问请联系${plain(officeName)}。`,
    ];
    return { unit, title, lines };
  });
}

/** Joins lines into at most `maxBytes` UTF-8 bytes, replacing what does not fit with a count. */
export function fitBytes(lines: string[], maxBytes: number): string {
  const bytes = (s: string) => new TextEncoder().encode(s).length;
  const full = lines.join('\n');
  if (bytes(full) <= maxBytes) return full;
  for (let keep = lines.length - 1; keep >= 1; keep--) {
    const text = [...lines.slice(0, keep), `……另有 ${lines.length - keep} 行，请查看仓库中的“逾期提醒” Issue。`].join('\n');
    if (bytes(text) <= maxBytes) return text;
  }
  let out = '';
  for (const ch of full) {
    if (bytes(out + ch) > maxBytes) break;
    out += ch;
  }
  return out;
}

/** The robot's JSON body for a notice. */
export function robotPayload(kind: 'wecom' | 'dingtalk', n: UnitNotice): Record<string, unknown> {
  if (kind === 'wecom') return { msgtype: 'markdown', markdown: { content: fitBytes(n.lines, WECOM_MAX_BYTES) } };
  return { msgtype: 'markdown', markdown: { title: n.title, text: fitBytes(n.lines, DINGTALK_MAX_BYTES) } };
}
