/**
 * The office dashboard on the demo: one self-contained page (inline SVG charts, no script, no
 * external resource) with every section, figures that match the deadlines, print CSS, and no
 * contact details; written only where asked, never into dist/.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { findObligations } from '../src/domain/obligations.ts';
import { reportData } from '../src/domain/report.ts';
import { loadRegistry } from '../src/registry/load.ts';
import { ROOT, runScript } from './helpers/registry.ts';

const TODAY = '2026-12-15';
let tmp: string;
let html: string;
beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'report-'));
  const r = await runScript('report.ts', ['--today', TODAY, '--out', path.join(tmp, 'report')]);
  expect(r.code, r.stderr).toBe(0);
  expect(r.stdout).toContain('已写出报告');
  html = await readFile(path.join(tmp, 'report', 'index.html'), 'utf8');
}, 60_000);
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('npm run report', () => {
  test('has every section, with SVG charts and print CSS, and loads nothing from outside', () => {
    for (const h of ['各单位逾期事项', '待处理的申请', '年审进度', '各单位 × 平台的账号数', '各级别账号数', '近 24 个月的审批、停办与变更']) expect(html).toContain(h);
    expect((html.match(/<svg /g) ?? []).length).toBeGreaterThanOrEqual(4);
    expect(html).toContain('@media print');
    expect(html).not.toMatch(/<script|<link |<img |<iframe|url\(/i);
    expect(html).not.toMatch(/(?:src|href)="https?:/);
    expect(html).toContain('noindex');
  });

  test('its figures are the deadlines\' figures: overdue per unit, pending applications, the 2026 campaign', async () => {
    const { registry } = await loadRegistry(path.join(ROOT, 'content'), { today: TODAY });
    const d = reportData(registry, TODAY);
    const overdue = findObligations(registry, registry.policy!.data, TODAY).filter((o) => o.state === 'overdue' && o.filed === null);
    expect(d.overdueByUnit.reduce((n, u) => n + u.overdue, 0)).toBe(overdue.length);
    expect(d.pending.map((p) => p.account).sort()).toEqual(registry.accounts.filter((a) => a.data.status === 'applied' || a.data.status === 'approved').map((a) => a.data.id).sort());
    expect(d.campaign).toMatchObject({ year: 2026, phase: '即将截止', due: '2026-12-20' });
    expect(d.unitPlatform.rows.reduce((n, r) => n + r.total, 0)).toBe(registry.accounts.filter((a) => a.data.status !== 'closed').length);
    expect(d.tiers.reduce((n, t) => n + t.count, 0)).toBe(registry.accounts.filter((a) => a.data.status !== 'closed').length);
    expect(d.changes.approvals.reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
  });

  test('names no staff member, phone or email', async () => {
    const { registry } = await loadRegistry(path.join(ROOT, 'content'), { today: TODAY });
    const values = registry.accounts.flatMap((a) => [a.data.contacts.head, ...a.data.contacts.admins]).flatMap((p) => [p.name, p.mobile, p.email, p.officePhone]).filter((x): x is string => !!x);
    expect(values.length).toBeGreaterThan(100);
    expect(values.filter((v) => html.includes(v))).toEqual([]);
  });

  test('refuses to write into dist/ or public/', async () => {
    for (const dir of ['dist/report', 'public/report']) {
      const r = await runScript('report.ts', ['--out', path.join(ROOT, dir)]);
      expect(r.code).toBe(2);
      expect(r.stderr).toContain('公开网站');
    }
  });
});
