/**
 * Reporting an impostor: the pre-filled "new issue" URL for the issue form
 * `.github/ISSUE_TEMPLATE/report-impersonation.yml` (field ids as query parameters), and the email
 * fallback (policy.office.reportEmail) for people without a GitHub account. Pure.
 */
import { findPlatform } from '../platforms.ts';
import type { VerifyResult } from './verdict.ts';

/** The issue form's file name under .github/ISSUE_TEMPLATE/. */
export const REPORT_TEMPLATE = 'report-impersonation.yml';

/** The label the form sets (`labels:` in the template). */
export const REPORT_LABEL = '冒用举报';

/** The report's fields: the issue form's ids (`platform`, `link`, `name`, `seen`). */
export interface ReportFields {
  /** 平台 (Chinese name). */
  platform?: string;
  /** 链接或账号ID */
  link?: string;
  /** 账号名称 */
  name?: string;
  /** 在哪里看到 */
  seen?: string;
}

const MAX_FIELD = 500;
const clip = (s: string) => (s.length > MAX_FIELD ? `${s.slice(0, MAX_FIELD)}…` : s);

/** The issue title for a report. */
export function reportTitle(f: ReportFields): string {
  return `[冒用举报] ${clip(f.name || f.link || '未知账号').slice(0, 80)}`;
}

/**
 * The "new issue" URL that opens the report form pre-filled: `repo` is the repository URL
 * (https://github.com/org/repo); every non-empty field becomes a query parameter named after the
 * form field's id, plus `template`, `title` and `labels`.
 */
export function reportIssueUrl(repo: string, f: ReportFields): string {
  const q = new URLSearchParams();
  q.set('template', REPORT_TEMPLATE);
  q.set('labels', REPORT_LABEL);
  q.set('title', reportTitle(f));
  for (const k of ['platform', 'link', 'name', 'seen'] as const) {
    const v = f[k]?.trim();
    if (v) q.set(k, clip(v));
  }
  return `${repo.replace(/\/+$/, '')}/issues/new?${q.toString().replace(/\+/g, '%20')}`;
}

/** The email fallback: a `mailto:` link to 举报邮箱 with the same fields in the body. */
export function reportMailto(email: string, f: ReportFields): string {
  const lines = [
    '举报冒用学校名义的新媒体账号',
    `平台：${f.platform ?? ''}`,
    `链接或账号ID：${f.link ?? ''}`,
    `账号名称：${f.name ?? ''}`,
    `在哪里看到：${f.seen ?? ''}`,
    '截图：请作为附件添加',
  ];
  return `mailto:${email}?subject=${encodeURIComponent(reportTitle(f))}&body=${encodeURIComponent(lines.map(clip).join('\n'))}`;
}

/** The report fields a verdict suggests: the platform, the link or ID pasted, and the name. */
export function reportFieldsFor(r: VerifyResult): ReportFields {
  const n = r.normalized;
  const platform = r.platform ? (findPlatform(r.platform)?.label ?? r.platform) : undefined;
  const f: ReportFields = {};
  if (platform) f.platform = platform;
  if (n.url) f.link = n.url;
  else if (n.kind !== 'name' && n.kind !== 'empty') f.link = n.text;
  if (n.name) f.name = n.name;
  return f;
}
