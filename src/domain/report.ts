/**
 * The office dashboard: a private, printable, self-contained HTML report of the registry on a
 * date — overdue obligations by unit, pending applications, the annual-review campaign's progress,
 * accounts per unit × platform and per tier, and changes over time — with hand-made SVG charts (no
 * script, no external service, no web font). Names accounts and units only (no contacts), but it is
 * internal: uploaded as a workflow artifact, never deployed. Pure: registry and date in, HTML out.
 */
import { addMonths, daysBetween } from './dates.ts';
import type { Registry } from './registry.ts';
import { OBLIGATION_KIND_LABELS, findObligations } from './obligations.ts';
import { findPlatform } from './platforms.ts';
import { CAMPAIGN_PHASE_LABELS, REVIEW_ITEM_LABELS, reviewCampaign, type ReviewItemState } from './review-campaign.ts';

const ESC: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const esc = (s: string | number) => String(s).replace(/[&<>"']/g, (c) => ESC[c]!);

export interface BarDatum {
  label: string;
  /** Stacked parts, in legend order. */
  parts: number[];
}

const PALETTE = ['#c62828', '#ef6c00', '#2e7d32', '#1565c0', '#6a1b9a', '#00838f', '#8d6e63'];

/** A horizontal stacked bar chart as inline SVG (title and desc for screen readers). */
export function barChart(title: string, data: BarDatum[], legend: string[], opts: { colors?: string[] } = {}): string {
  const colors = opts.colors ?? PALETTE;
  const rowH = 22;
  const labelW = 200;
  const chartW = 440;
  const max = Math.max(1, ...data.map((d) => d.parts.reduce((a, b) => a + b, 0)));
  const legendH = legend.length > 1 ? 24 : 0;
  const h = legendH + data.length * rowH + 8;
  const rows = data.map((d, i) => {
    const y = legendH + i * rowH;
    let x = labelW;
    const bars = d.parts.map((v, j) => {
      const w = (v / max) * (chartW - 40);
      const r = v > 0 ? `<rect x="${x.toFixed(1)}" y="${y + 4}" width="${w.toFixed(1)}" height="${rowH - 8}" fill="${colors[j % colors.length]}"><title>${esc(`${d.label} ${legend[j] ?? ''}：${v}`)}</title></rect>` : '';
      x += w;
      return r;
    });
    const total = d.parts.reduce((a, b) => a + b, 0);
    return `<text x="${labelW - 6}" y="${y + rowH / 2 + 4}" text-anchor="end">${esc(d.label.length > 14 ? `${d.label.slice(0, 13)}…` : d.label)}</text>${bars.join('')}<text x="${(x + 4).toFixed(1)}" y="${y + rowH / 2 + 4}">${total}</text>`;
  });
  const leg = legend.length > 1 ? legend.map((l, j) => `<rect x="${labelW + j * 100}" y="4" width="12" height="12" fill="${colors[j % colors.length]}"/><text x="${labelW + j * 100 + 16}" y="14">${esc(l)}</text>`).join('') : '';
  return `<svg class="chart" role="img" viewBox="0 0 ${labelW + chartW} ${h}" width="${labelW + chartW}" height="${h}" xmlns="http://www.w3.org/2000/svg"><title>${esc(title)}</title>${leg}${rows.join('')}</svg>`;
}

/** A vertical grouped column chart per month (changes over time) as inline SVG. */
export function columnChart(title: string, months: string[], series: Array<{ name: string; values: number[] }>): string {
  const w = 640;
  const h = 220;
  const left = 30;
  const bottom = 40;
  const max = Math.max(1, ...series.flatMap((s) => s.values));
  const slot = (w - left) / Math.max(1, months.length);
  const bw = Math.max(2, (slot - 4) / series.length);
  const bars: string[] = [];
  months.forEach((m, i) => {
    series.forEach((s, j) => {
      const v = s.values[i] ?? 0;
      const bh = (v / max) * (h - bottom - 30);
      const x = left + i * slot + 2 + j * bw;
      if (v > 0) bars.push(`<rect x="${x.toFixed(1)}" y="${(h - bottom - bh).toFixed(1)}" width="${(bw - 1).toFixed(1)}" height="${bh.toFixed(1)}" fill="${PALETTE[(j + 2) % PALETTE.length]}"><title>${esc(`${m} ${s.name}：${v}`)}</title></rect>`);
    });
    if (i % 3 === 0) bars.push(`<text x="${(left + i * slot).toFixed(1)}" y="${h - bottom + 14}" font-size="10">${esc(m)}</text>`);
  });
  const legend = series.map((s, j) => `<rect x="${left + j * 110}" y="4" width="12" height="12" fill="${PALETTE[(j + 2) % PALETTE.length]}"/><text x="${left + j * 110 + 16}" y="14">${esc(s.name)}</text>`).join('');
  return `<svg class="chart" role="img" viewBox="0 0 ${w} ${h}" width="${w}" height="${h}" xmlns="http://www.w3.org/2000/svg"><title>${esc(title)}</title>${legend}<line x1="${left}" y1="${h - bottom}" x2="${w}" y2="${h - bottom}" stroke="#999"/><text x="2" y="34" font-size="10">${max}</text>${bars.join('')}</svg>`;
}

export interface ReportData {
  asOf: string;
  school: string;
  office: string;
  overdueByUnit: Array<{ unit: string; unitName: string; overdue: number; due: number; upcoming: number; items: string[] }>;
  pending: Array<{ account: string; name: string; unitName: string; status: string; since: string; days: number }>;
  campaign: { year: number; phase: string; due: string; byUnit: Array<{ unitName: string; counts: Record<ReviewItemState, number> }> } | null;
  unitPlatform: { platforms: string[]; rows: Array<{ unitName: string; counts: number[]; total: number }> };
  tiers: Array<{ name: string; count: number }>;
  months: string[];
  changes: { approvals: number[]; closures: number[]; changes: number[] };
}

/** The report's figures on `today` (live accounts only in the unit × platform table). */
export function reportData(registry: Registry, today: string): ReportData {
  const policy = registry.policy!.data;
  const unitName = new Map(registry.units.map((u) => [u.data.id, u.data.name]));
  const accountName = new Map(registry.accounts.map((a) => [a.data.id, a.data.name]));
  const obligations = findObligations(registry, policy, today).filter((o) => o.filed === null);
  const byUnit = new Map<string, ReportData['overdueByUnit'][number]>();
  for (const o of obligations) {
    const u = byUnit.get(o.unit) ?? { unit: o.unit, unitName: unitName.get(o.unit) ?? o.unit, overdue: 0, due: 0, upcoming: 0, items: [] };
    u[o.state]++;
    if (o.state !== 'upcoming') u.items.push(`${o.account ? (accountName.get(o.account) ?? o.account) : (o.group ?? '')}：${OBLIGATION_KIND_LABELS[o.kind]}（${o.due}）`);
    byUnit.set(o.unit, u);
  }
  const pending = registry.accounts
    .filter((a) => a.data.status === 'applied' || a.data.status === 'approved')
    .map(({ data: a }) => {
      const since = (a.status === 'approved' ? a.approval?.date : a.dates.applied) ?? a.dates.applied ?? today;
      return { account: a.id, name: a.name, unitName: unitName.get(a.unit) ?? a.unit, status: a.status === 'applied' ? '申请中（待审批）' : '已批准、待开通', since, days: Math.max(0, daysBetween(since, today)) };
    })
    .sort((a, b) => b.days - a.days);
  const c = reviewCampaign(registry, today);
  const live = registry.accounts.filter((a) => a.data.status !== 'closed').map((a) => a.data);
  const platforms = [...new Set(live.map((a) => a.platform))].sort((a, b) => live.filter((x) => x.platform === b).length - live.filter((x) => x.platform === a).length);
  const units = [...new Set(live.map((a) => a.unit))];
  const rows = units
    .map((u) => {
      const counts = platforms.map((p) => live.filter((a) => a.unit === u && a.platform === p).length);
      return { unitName: unitName.get(u) ?? u, counts, total: counts.reduce((a, b) => a + b, 0) };
    })
    .sort((a, b) => b.total - a.total || a.unitName.localeCompare(b.unitName));
  const months: string[] = [];
  for (let m = addMonths(`${today.slice(0, 7)}-01`, -23); m <= today; m = addMonths(m, 1)) months.push(m.slice(0, 7));
  const idx = (d: string | undefined) => (d ? months.indexOf(d.slice(0, 7)) : -1);
  const approvals = months.map(() => 0);
  const closures = months.map(() => 0);
  const changes = months.map(() => 0);
  for (const { data: a } of registry.accounts) {
    const i = idx(a.approval?.date);
    if (i >= 0) approvals[i]!++;
    const j = idx(a.dates.closed);
    if (j >= 0) closures[j]!++;
    for (const h of a.history) {
      const k = idx(h.date);
      if (k >= 0 && h.kind !== 'closure') changes[k]!++;
    }
  }
  return {
    asOf: today,
    school: policy.school.name,
    office: policy.office.name,
    overdueByUnit: [...byUnit.values()].filter((u) => u.overdue + u.due > 0).sort((a, b) => b.overdue - a.overdue || a.unit.localeCompare(b.unit)),
    pending,
    campaign: c ? { year: c.year, phase: CAMPAIGN_PHASE_LABELS[c.phase], due: c.due, byUnit: c.units.map((u) => ({ unitName: u.unitName, counts: u.counts })) } : null,
    unitPlatform: { platforms: platforms.map((p) => findPlatform(p)?.label ?? p), rows },
    tiers: policy.tiers.map((t) => ({ name: t.name, count: live.filter((a) => a.tier === t.level).length })),
    months,
    changes: { approvals, closures, changes },
  };
}

/** The dashboard as one self-contained HTML page (inline CSS and SVG, no script). */
export function renderReport(d: ReportData): string {
  const campaignStates: ReviewItemState[] = ['pass', 'submitted', 'fail', 'missing'];
  const section = (id: string, title: string, body: string) => `<section id="${id}"><h2>${esc(title)}</h2>${body}</section>`;
  const overdue = d.overdueByUnit.length
    ? barChart('各单位逾期事项', d.overdueByUnit.map((u) => ({ label: u.unitName, parts: [u.overdue, u.due] })), ['已逾期', '今天到期']) +
      `<table><thead><tr><th>单位</th><th>已逾期</th><th>今天到期</th><th>即将到期</th><th>事项</th></tr></thead><tbody>${d.overdueByUnit
        .map((u) => `<tr><td>${esc(u.unitName)}</td><td>${u.overdue}</td><td>${u.due}</td><td>${u.upcoming}</td><td>${u.items.map(esc).join('<br>')}</td></tr>`)
        .join('')}</tbody></table>`
    : '<p>没有逾期事项。</p>';
  const pending = d.pending.length
    ? `<table><thead><tr><th>账号</th><th>主办单位</th><th>状态</th><th>自</th><th>已等待（天）</th></tr></thead><tbody>${d.pending
        .map((p) => `<tr><td>${esc(p.name)}（<code>${esc(p.account)}</code>）</td><td>${esc(p.unitName)}</td><td>${esc(p.status)}</td><td>${esc(p.since)}</td><td>${p.days}</td></tr>`)
        .join('')}</tbody></table>`
    : '<p>没有待处理的申请。</p>';
  const campaign = d.campaign
    ? `<p>${d.campaign.year} 年度年审：${esc(d.campaign.phase)}（截止 ${esc(d.campaign.due)}）。</p>` +
      barChart(`${d.campaign.year} 年度年审进度`, d.campaign.byUnit.map((u) => ({ label: u.unitName, parts: campaignStates.map((s) => u.counts[s]) })), campaignStates.map((s) => REVIEW_ITEM_LABELS[s]), { colors: ['#2e7d32', '#1565c0', '#c62828', '#9e9e9e'] })
    : '<p>管理办法未实行年审。</p>';
  const matrix = `<table class="matrix"><thead><tr><th>单位</th>${d.unitPlatform.platforms.map((p) => `<th>${esc(p)}</th>`).join('')}<th>合计</th></tr></thead><tbody>${d.unitPlatform.rows
    .map((r) => `<tr><td>${esc(r.unitName)}</td>${r.counts.map((n) => `<td class="${n ? 'n' : 'z'}">${n || ''}</td>`).join('')}<td>${r.total}</td></tr>`)
    .join('')}</tbody></table>`;
  const tiers = barChart('各级别账号数', d.tiers.map((t) => ({ label: t.name, parts: [t.count] })), ['账号数'], { colors: ['#1565c0'] });
  const changes = columnChart('近 24 个月的审批、停办与变更', d.months, [
    { name: '审批', values: d.changes.approvals },
    { name: '停办', values: d.changes.closures },
    { name: '信息变更', values: d.changes.changes },
  ]);
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="robots" content="noindex, nofollow">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${esc(d.school)}新媒体备案工作报告（${esc(d.asOf)}）</title>
<style>${REPORT_CSS}</style>
</head>
<body>
<header><h1>${esc(d.school)}新媒体备案工作报告</h1><p>截至 ${esc(d.asOf)}（北京时间）· ${esc(d.office)}内部资料，请勿公开</p></header>
<nav><a href="#overdue">逾期事项</a> <a href="#pending">待处理申请</a> <a href="#review">年审进度</a> <a href="#matrix">账号分布</a> <a href="#tiers">级别</a> <a href="#changes">变化趋势</a></nav>
${section('overdue', '各单位逾期事项', overdue)}
${section('pending', '待处理的申请', pending)}
${section('review', '年审进度', campaign)}
${section('matrix', '各单位 × 平台的账号数（不含已停办）', matrix)}
${section('tiers', '各级别账号数（不含已停办）', tiers)}
${section('changes', '近 24 个月的审批、停办与变更', changes)}
</body>
</html>
`;
}

const REPORT_CSS = `
html { font-family: "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Microsoft YaHei", "PingFang SC", sans-serif; color: #1a1a1a; }
body { max-width: 1100px; margin: 0 auto; padding: 1rem; }
h1 { font-size: 1.5rem; margin: 0; } header p { color: #555; margin: .25rem 0 1rem; }
nav a { margin-right: .75rem; }
section { margin: 1.5rem 0; break-inside: avoid-page; }
h2 { font-size: 1.15rem; border-bottom: 2px solid #1565c0; padding-bottom: .2rem; }
table { border-collapse: collapse; width: 100%; font-size: .9rem; margin: .5rem 0; }
th, td { border: 1px solid #ccc; padding: .25rem .4rem; text-align: left; vertical-align: top; }
th { background: #f2f5f9; }
.matrix td.n { background: #e3f2fd; text-align: center; } .matrix td.z { background: #fff; }
svg.chart { max-width: 100%; height: auto; font-size: 12px; }
svg.chart text { fill: #222; }
@media print {
  @page { size: A4 landscape; margin: 12mm; }
  nav { display: none; }
  body { max-width: none; padding: 0; }
  th { background: #eee !important; -webkit-print-color-adjust: exact; print-color-adjust: exact; }
  svg rect { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}
`;
