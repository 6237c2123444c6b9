/**
 * Printable forms: fills a preset's form (src/domain/forms/tables.ts) from the registry and
 * renders it as one self-contained A4 HTML page (print CSS, CJK font), with the 审批号 and one
 * signature-and-seal row per approval the account's tier needs (policy tiers[].approvers), or blank
 * for units that collect signatures before filing. PRIVATE: filled forms hold staff phones and
 * emails. Pure: data in, HTML out (the script prints it to PDF with Chromium).
 */
import { ACCOUNT_STATUS_LABELS, type Account } from '../schema/account.ts';
import type { Person } from '../schema/common.ts';
import type { Group } from '../schema/group.ts';
import type { Policy } from '../schema/policy.ts';
import type { Review } from '../schema/review.ts';
import type { Unit } from '../schema/unit.ts';
import { findPlatform } from '../platforms.ts';
import { CHANGE_KIND_LABELS, VERIFICATION_LABELS } from '../ledger.ts';
import { formTitles, type FormCell, type FormDef, type FormKind } from './tables.ts';

/** What a form is filled from; every part optional (a blank form has none). */
export interface FormSubject {
  account?: Account;
  unit?: Unit;
  review?: Review;
  /** Rows of the review's push list, when filed. */
  pushListRows?: number;
  group?: Group;
  /** The review year for a 年审表 without a review on file. */
  year?: number;
}

/** Filled values by key (see the `f` keys in tables.ts); missing keys print as empty boxes. */
export type FormValues = Record<string, string>;

const personPhone = (p?: Pick<Person, 'mobile' | 'officePhone'>) => [p?.mobile, p?.officePhone].filter(Boolean).join(' / ');

function personValues(prefix: string, p: Person | undefined, out: FormValues): void {
  if (!p) return;
  out[`${prefix}.name`] = p.name;
  // A later person (the review's 负责人 after the account's head) replaces the earlier one whole:
  // no phone or email of the other person stays beside the new name.
  for (const k of ['title', 'officePhone', 'mobile', 'email'] as const) {
    if (p[k]) out[`${prefix}.${k}`] = p[k];
    else delete out[`${prefix}.${k}`];
  }
  out[`${prefix}.phone`] = personPhone(p);
  out[`${prefix}.contact`] = `姓名：${p.name}　手机：${p.mobile ?? ''}　座机：${p.officePhone ?? ''}`;
}

/** The values of every field a form may ask for, from the subject. */
export function formValues(kind: FormKind, s: FormSubject, policy: Policy): FormValues {
  const v: FormValues = {};
  const a = s.account;
  if (s.unit) v.unit = s.unit.name;
  if (a) {
    const platform = a.platform === 'other' ? (a.platformOther ?? '其他') : (findPlatform(a.platform)?.label ?? a.platform);
    const keys = a.keys.map((k) => `${findPlatform(a.platform)?.keys.find((x) => x.id === k.kind)?.label ?? k.kind}：${k.value}`).join('；');
    Object.assign(v, {
      name: a.name,
      platform,
      keys,
      link: a.link ?? '',
      linkOrKeys: [a.link, keys].filter(Boolean).join('；'),
      tier: policy.tiers.find((t) => t.level === a.tier)?.name ?? `${a.tier}级`,
      purpose: a.purpose,
      contentScope: a.contentScope ?? '',
      reason: a.reason ?? '',
      applied: a.dates.applied ?? '',
      plannedOpening: a.dates.plannedOpening ?? '',
      opened: a.dates.opened ?? '',
      closed: a.dates.closed ?? '',
      closureReason: a.closure?.reason ?? '',
      followers: a.followers ? `${a.followers.count}（${a.followers.asOf}）` : '',
      verification: a.verification ? `${VERIFICATION_LABELS[a.verification.status]}${a.verification.subject ? `，认证主体：${a.verification.subject}` : ''}${a.verification.note ? `；${a.verification.note}` : ''}` : '',
      status: ACCOUNT_STATUS_LABELS[a.status],
    });
    // 拟用名称: the application's name (申请开通 only; 备案/变更不需要填写).
    if (kind === 'approval' && a.filing === 'new') v.proposedName = a.formerNames[0] && a.history.some((h) => h.kind === 'rename') ? a.formerNames[0] : a.name;
    personValues('head', a.contacts.head, v);
    personValues('leader', a.contacts.leader, v);
    personValues('admin1', a.contacts.admins[0], v);
    const change = [...a.history].reverse().find((h) => h.kind !== 'closure');
    if (kind === 'closure') {
      Object.assign(v, { filingType: '变更/停办', changeType: '停办', changeReason: a.closure?.reason ?? '', changeOrClosure: a.closure ? `停办（${a.dates.closed ?? ''}）：${a.closure.reason}` : '' });
      v.note001 = v.changeOrClosure!;
    } else if (kind === 'change') {
      Object.assign(v, { filingType: '变更/停办', changeType: '信息变更' });
      if (change)
        Object.assign(v, {
          changeDate: change.date,
          changeKind: CHANGE_KIND_LABELS[change.kind],
          changeReason: change.summary,
          changeContent: `${CHANGE_KIND_LABELS[change.kind]}：${change.summary}（${change.date}）`,
          changeOrClosure: `${CHANGE_KIND_LABELS[change.kind]}（${change.date}）：${change.summary}`,
        });
      v.note001 = v.changeContent ?? '';
    } else {
      v.filingType = a.filing === 'backfill' ? '已开通备案' : '申请开通';
      v.note001 = a.note ?? '';
    }
  }
  const r = s.review;
  if (r) {
    Object.assign(v, {
      'review.pushes': String(r.pushes),
      'review.followers': String(r.followers),
      'review.bestPost': r.bestPost ? `《${r.bestPost.title}》 点击量 ${r.bestPost.views}，转发量 ${r.bestPost.shares}${r.bestPost.url ? `（${r.bestPost.url}）` : ''}` : '',
      'review.violations': r.violations.any ? `有：${r.violations.details ?? ''}` : '无',
    });
    personValues('head', r.head, v);
  }
  if (kind === 'review') {
    v['review.pushList'] = s.pushListRows !== undefined ? `已以电子文档报送，共 ${s.pushListRows} 条（reviews/${r?.year ?? s.year}/${a?.id ?? ''}.pushes.csv）` : policy.annualReview.pushListRequired ? '须以电子文档形式报送年度推送内容清单（CSV：日期,标题,链接）' : '';
    v.year = String(r?.year ?? s.year ?? '');
  }
  const g = s.group;
  if (g) {
    Object.assign(v, {
      'group.number': g.number ?? '（无群号）',
      'group.name': g.name,
      'group.nameAndNumber': `${g.name}${g.number ? `（群号 ${g.number}）` : ''}`,
      'group.scope': g.scope,
      'group.email': g.email,
      'group.members': String(g.members),
      'group.memberTypes': g.memberTypes.join('、'),
      'group.note': g.note ?? '',
    });
    g.admins.forEach((x, i) => {
      v[`group.admin${i + 1}.name`] = x.name;
      v[`group.admin${i + 1}.mobile`] = x.mobile;
      v[`group.admin${i + 1}.contact`] = `姓名：${x.name}　手机：${x.mobile}`;
    });
    personValues('head', g.head, v);
  }
  return v;
}

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string) => s.replace(/[&<>"']/g, (c) => ESC[c]!);

/**
 * Approvers that are the host unit itself sign in its own opinion row: 主办单位, 所在部门, 所在单位主要
 * 负责人（签字盖章）(003), 所在部门主要负责人 (004), 学院党总支书记或职能部门主要负责人 (001) — but not
 * 所在系部或校团委 (a managing body above a student unit).
 */
const UNIT_APPROVER = /^(?:(?:主办单位|所在单位|所在部门|所属部门|申请单位|主办部门)(?!或)|学院党总支书记或职能部门主要负责人)/;

/** The opinion rows: the host unit's first, then each approver of the tier (归口管理部门 → the office's name). */
export function opinionRows(def: FormDef, policy: Policy, tier: number | undefined): string[] {
  const approvers = (tier !== undefined ? policy.tiers.find((t) => t.level === tier)?.approvers : undefined) ?? [policy.office.name];
  const out = [def.unitOpinion.label];
  for (const a of approvers) {
    const name = a.replace(/归口管理部门/g, policy.office.name);
    if (UNIT_APPROVER.test(name)) continue;
    const label = `${name}意见`;
    if (!out.includes(label)) out.push(label);
  }
  // The office always signs (it approves or files every account).
  if (!out.some((l) => l.startsWith(policy.office.name))) out.push(`${policy.office.name}意见`);
  return out;
}

export interface RenderedForm {
  title: string;
  html: string;
  /** The field titles printed (for checks). */
  titles: string[];
}

/** The number line: 审批号：2026-0012, or （党委宣传部填写）2026 年 第 0012 号. */
function numberLine(def: FormDef, a: Account | undefined, office: string): string {
  if (def.number === 'none') return '';
  const n = a?.approval?.number;
  if (def.number === 'year-number') {
    const [y, k] = n ? n.split('-') : ['', ''];
    return `<p class="number">${esc(y || '　　　')} 年 第 ${esc(k || '　　　')} 号（${esc(office)}填写）</p>`;
  }
  return `<p class="number">审批号：<span class="fill">${esc(n ?? '')}</span></p>`;
}

/** Renders one filled (or blank) form as a complete HTML document. */
export function renderForm(def: FormDef, kind: FormKind, subject: FormSubject, policy: Policy, opts: { blank?: boolean; generated?: string } = {}): RenderedForm {
  const v = opts.blank ? {} : formValues(kind, subject, policy);
  const school = policy.school.name;
  const office = policy.office.name;
  const title = def.title.replace('{school}', school);
  // Grid width: the widest row, counting cells covered by a row-spanning label above.
  let width = 0;
  let covered = 0;
  for (const row of def.rows) {
    if (!Array.isArray(row)) continue;
    const w = row.reduce((s, c) => s + ('span' in c && c.span ? c.span : 1), 0) + covered;
    covered = row.some((c) => 'rows' in c && c.rows === 2) ? 1 : 0;
    width = Math.max(width, w);
  }
  const cell = (c: FormCell, colspan: number): string => {
    const span = colspan > 1 ? ` colspan="${colspan}"` : '';
    if ('l' in c) return `<th${span}${c.rows ? ` rowspan="${c.rows}"` : ''}>${esc(c.l)}</th>`;
    if ('checks' in c) return `<td${span}>${c.checks.map((o) => `<span class="check">${v[c.f] === o ? '☑' : '☐'} ${esc(o)}</span>`).join(' ')}</td>`;
    if ('text' in c) return `<td class="fixed"${span}>${esc(c.text)}</td>`;
    return `<td class="${c.tall ? 'value tall' : 'value'}"${span}>${esc(v[c.f] ?? '')}</td>`;
  };
  const body: string[] = [];
  covered = 0;
  for (const row of def.rows) {
    if (!Array.isArray(row)) {
      const people = opts.blank ? [] : (subject.account?.contacts.admins ?? []);
      const n = Math.max(row.min, people.length);
      const cols = row.admins.length;
      body.push(`<tr><th colspan="${width}" class="sub">${esc(row.label)}</th></tr>`);
      // Sub-table columns spread over the grid: the last column takes what is left.
      const spans = row.admins.map((_, i) => (i < cols - 1 ? Math.max(1, Math.floor(width / cols)) : width - Math.max(1, Math.floor(width / cols)) * (cols - 1)));
      body.push(`<tr>${row.admins.map(([h], i) => `<th${spans[i]! > 1 ? ` colspan="${spans[i]}"` : ''}>${esc(h)}</th>`).join('')}</tr>`);
      for (let i = 0; i < n; i++) {
        const p = people[i] as (Person & { phone?: string }) | undefined;
        const val = (f: string) => (p ? (f === 'phone' ? personPhone(p) : ((p as Record<string, string | undefined>)[f] ?? '')) : '');
        body.push(`<tr>${row.admins.map(([, f], j) => `<td class="value"${spans[j]! > 1 ? ` colspan="${spans[j]}"` : ''}>${esc(val(f))}</td>`).join('')}</tr>`);
      }
      covered = 0;
      continue;
    }
    const used = row.reduce((s, c) => s + ('span' in c && c.span ? c.span : 1), 0) + covered;
    const extra = width - used;
    body.push(`<tr>${row.map((c, i) => cell(c, ('span' in c && c.span ? c.span : 1) + (i === row.length - 1 ? extra : 0))).join('')}</tr>`);
    covered = row.some((c) => 'rows' in c && c.rows === 2) ? 1 : 0;
  }
  const opinions = opinionRows(def, policy, opts.blank ? undefined : (subject.account?.tier ?? undefined));
  for (const [i, label] of opinions.entries()) {
    const pledge = i === 0 && def.unitOpinion.text ? `<p class="pledge">${esc(def.unitOpinion.text)}</p>` : '';
    body.push(
      `<tr class="opinion"><th>${esc(label)}</th><td colspan="${width - 1}">${pledge}<p class="sign">负责人签字（加盖公章）：<span class="blank"></span></p><p class="date">年　　月　　日</p></td></tr>`,
    );
  }
  const notes = def.notes.map((n) => n.replace('{office}', office));
  const year = def.yearLine ? `<p class="year">（${esc(v.year ?? '　　　')}）年度</p>` : '';
  const html = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>${esc(title)}${subject.account && !opts.blank ? `：${esc(subject.account.name)}` : ''}</title>
<meta name="robots" content="noindex">
<style>${FORM_CSS}</style>
</head>
<body>
<main class="form" data-form="${esc(def.id)}">
${numberLine(def, opts.blank ? undefined : subject.account, office)}
<h1>${esc(title)}</h1>
${year}
<table>
<colgroup>${Array.from({ length: width }, (_, i) => `<col class="${i % 2 === 0 ? 'c-label' : 'c-value'}">`).join('')}</colgroup>
${body.join('\n')}
</table>
${notes.length ? `<ol class="notes">${notes.map((n) => `<li>${esc(n)}</li>`).join('')}</ol>` : ''}
<p class="source">表样依据：${esc(policy.document.title)} ${esc(def.source)}${opts.generated ? `　·　${esc(opts.generated)}由登记系统生成` : ''}</p>
</main>
</body>
</html>
`;
  return { title, html, titles: [...formTitles(def), ...opinions] };
}

/** A4 print CSS with a CJK font; the same on screen (a preview) and on paper. */
export const FORM_CSS = `
@page { size: A4; margin: 16mm 15mm 14mm; }
* { box-sizing: border-box; }
html { font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "PingFang SC", sans-serif; font-size: 10.5pt; color: #000; background: #fff; }
body { margin: 0; }
.form { max-width: 180mm; margin: 0 auto; }
h1 { font-size: 16pt; text-align: center; margin: 4mm 0 2mm; letter-spacing: .05em; }
.number { text-align: right; margin: 0; }
.number .fill { display: inline-block; min-width: 32mm; border-bottom: 1px solid #000; text-align: center; }
.year { text-align: right; margin: 0 0 2mm; }
table { width: 100%; border-collapse: collapse; table-layout: fixed; }
th, td { border: 1px solid #000; padding: 2mm 2.5mm; vertical-align: middle; word-break: break-all; overflow-wrap: anywhere; }
th { font-weight: normal; text-align: center; }
th.sub { text-align: left; font-weight: bold; }
col.c-label { width: 18%; }
td.value { min-height: 9mm; height: 9mm; }
td.tall { height: 22mm; vertical-align: top; }
td.fixed { text-align: right; white-space: nowrap; }
.check { margin-right: 4mm; white-space: nowrap; }
tr.opinion td { height: 34mm; vertical-align: top; position: relative; }
tr.opinion p { margin: 0 0 2mm; }
.pledge { text-indent: 2em; }
.sign { margin-top: 10mm !important; padding-left: 40%; }
.sign .blank { display: inline-block; min-width: 28mm; }
.date { padding-left: 60%; }
.notes { margin: 2mm 0 0; padding-left: 5mm; font-size: 9pt; }
.source { font-size: 8pt; color: #444; margin-top: 3mm; }
tr, table { break-inside: avoid; }
`;
