/**
 * The private outputs (forms, ledger, report, review-campaign issues) and the public site stay
 * apart: on a registry full of canaries, the ledger and filled forms carry the private values
 * (they are the office's internal paperwork) but are written only where asked; the dashboard and
 * the campaign issues carry none; nothing is written into dist/ or public/, and every command
 * refuses those folders.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { renderCampaignIssues, reviewCampaign } from '../src/domain/review-campaign.ts';
import { loadRegistry } from '../src/registry/load.ts';
import { scanForCanaries, snapshotFiles, writeCanaryRegistry } from './helpers/canary.ts';
import { ROOT, runScript } from './helpers/registry.ts';

const TODAY = '2026-12-15';
let tmp: string;
let content: string;
let canaries: string[];
let publicBefore: string[];

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'leak-private-'));
  content = path.join(tmp, 'content');
  canaries = await writeCanaryRegistry(path.join(ROOT, 'content'), content);
  publicBefore = [...(await snapshotFiles(path.join(ROOT, 'dist'))), ...(await snapshotFiles(path.join(ROOT, 'public')))];
  const out = path.join(tmp, 'out');
  const runs = await Promise.all([
    runScript('ledger.ts', ['--content', content, '--today', TODAY, '--out', path.join(out, 'ledger.xlsx')]),
    runScript('forms.ts', ['--content', content, '--today', TODAY, '--kind', 'approval', '--all', '--html-only', '--out', path.join(out, 'forms')]),
    runScript('report.ts', ['--content', content, '--today', TODAY, '--out', path.join(out, 'report')]),
  ]);
  for (const r of runs) expect(r.code, r.stderr).toBe(0);
}, 180_000);
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('private outputs stay where they were asked to go', () => {
  test('the ledger and the filled forms hold the private values (internal paperwork), so the scan is real', async () => {
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.readFile(path.join(tmp, 'out', 'ledger.xlsx'));
    const text: string[] = [];
    wb.eachSheet((ws) => ws.eachRow((row) => row.eachCell((c) => text.push(String(c.value)))));
    const all = text.join('\n');
    const inLedger = canaries.filter((c) => all.includes(c));
    expect(inLedger.some((c) => /^1397731/.test(c))).toBe(true);
    expect(inLedger.some((c) => c.includes('@leak-test.example.com'))).toBe(true);
    const formHits = await scanForCanaries(path.join(tmp, 'out', 'forms'), canaries);
    expect(formHits.length).toBeGreaterThan(0);
  });

  test('the office dashboard and the review-campaign issues carry no private value', async () => {
    expect(await scanForCanaries(path.join(tmp, 'out', 'report'), canaries)).toEqual([]);
    const { registry } = await loadRegistry(content, { today: TODAY });
    const c = reviewCampaign(registry, TODAY)!;
    const issues = renderCampaignIssues(c, { issueForm: 'https://github.test/x/issues/new', office: '党委宣传部', rule: '第五条', pushList: true });
    expect(issues.length).toBeGreaterThan(1);
    const posted = issues.map((i) => `${i.title}\n${i.body}`).join('\n').toLowerCase();
    expect(canaries.filter((v) => posted.includes(v.toLowerCase()))).toEqual([]);
  });

  test('nothing was written into dist/ or public/; the outputs are exactly the files asked for', async () => {
    expect([...(await snapshotFiles(path.join(ROOT, 'dist'))), ...(await snapshotFiles(path.join(ROOT, 'public')))]).toEqual(publicBefore);
    expect((await readdir(path.join(tmp, 'out'))).sort()).toEqual(['forms', 'ledger.xlsx', 'report']);
    expect((await readdir(path.join(tmp, 'out', 'report'))).sort()).toEqual(['index.html', 'report.json']);
    expect((await readdir(path.join(tmp, 'out', 'forms'))).every((f) => /^approval-[a-z0-9-]+\.html$/.test(f))).toBe(true);
  });

  test('ledger, forms and report refuse to write into dist/ and public/', async () => {
    const cases: Array<[string, string[]]> = [
      ['ledger.ts', ['--out', path.join(ROOT, 'dist', 'l.xlsx')]],
      ['ledger.ts', ['--out', path.join(ROOT, 'public', 'l.xlsx')]],
      ['forms.ts', ['--kind', 'approval', '--blank', '--html-only', '--out', path.join(ROOT, 'public', 'forms')]],
      ['report.ts', ['--out', path.join(ROOT, 'dist')]],
    ];
    for (const [script, args] of cases) {
      const r = await runScript(script, ['--content', content, ...args]);
      expect(r.code, `${script} ${args.join(' ')}`).toBe(2);
      expect(r.stderr).toContain('公开网站');
    }
    expect([...(await snapshotFiles(path.join(ROOT, 'dist'))), ...(await snapshotFiles(path.join(ROOT, 'public')))]).toEqual(publicBefore);
  }, 120_000);

  test('the import leaves no temporary copy of the registry behind in dist/ or the content folder', async () => {
    const before = await snapshotFiles(content);
    const r = await runScript('import.ts', ['--content', content, path.join(tmp, 'out', 'ledger.xlsx'), '--dry-run', '--json']);
    expect(r.code, r.stdout + r.stderr).toBe(0);
    expect(JSON.parse(r.stdout).unchanged.length).toBeGreaterThan(70);
    expect(await snapshotFiles(content)).toEqual(before);
  }, 120_000);
});
