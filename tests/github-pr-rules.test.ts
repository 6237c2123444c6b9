// PR-time rules for the evidence of timeliness and the office's verdicts (issue 13.7): a unit
// cannot backdate a report (history[].reported) or its application (dates.applied), nor write a
// review's result; the office can. Also the rule no longer trusts the bot: ownership is deferred
// to the required check that judges the author.
import { cp, mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { checkPrRules } from '../src/domain/pr-report.ts';
import type { Registry } from '../src/domain/registry.ts';
import { loadRegistry } from '../src/registry/load.ts';
import { accountText, put, writeFixtureRegistry } from './helpers/github-fixture.ts';

const TODAY = '2026-11-21';
const REVIEW = (outcome: string) =>
  `account: jwc-wechat\nyear: 2025\nsubmitted: '2025-12-12'\npushes: 10\nfollowers: 100\nviolations:\n  any: false\nhead:\n  name: 王主任\n  mobile: '13800000009'\nresult:\n  outcome: ${outcome}\n${outcome === 'pending' ? '' : "  date: '2025-12-18'\n"}`;
let baseDir: string;
let base: Registry;
beforeAll(async () => {
  baseDir = await writeFixtureRegistry();
  await put(baseDir, 'reviews/2025/jwc-wechat.yaml', REVIEW('fail'));
  base = (await loadRegistry(baseDir, { today: TODAY })).registry;
});

async function headWith(files: Record<string, string>): Promise<Registry> {
  const dir = await mkdtemp(path.join(tmpdir(), 'rules-'));
  await cp(baseDir, dir, { recursive: true });
  for (const [rel, text] of Object.entries(files)) await put(dir, rel, text);
  const r = await loadRegistry(dir, { today: TODAY });
  return r.registry;
}
const jwc = { login: 'jwc-admin' };
const office = { login: 'office-1', office: true };
const codes = (r: ReturnType<typeof checkPrRules>) => r.violations.map((v) => `${v.file} ${v.code}`);

describe('checkPrRules(): evidence the unit may not write', () => {
  test('a history entry reported "earlier" than the PR is refused; one without reported (the PR date counts) passes', async () => {
    const file = 'accounts/jwc/jwc-wechat.mdx';
    const withEntry = (extra: string) => accountText({ id: 'jwc-wechat', unit: 'jwc', name: '青川理工学院教务处', approval: '2024-0001' }).replace('contacts:', `history:\n  - date: '2026-01-05'\n    kind: admins\n    summary: 更换管理员${extra}\ncontacts:`);
    const backdated = await headWith({ [file]: withEntry("\n    reported: '2026-01-06'") });
    expect(codes(checkPrRules([{ path: file, status: 'modified' }], base, backdated, jwc, undefined, TODAY))).toEqual([`${file} pr/backdated-report`]);
    const honest = await headWith({ [file]: withEntry('') });
    expect(codes(checkPrRules([{ path: file, status: 'modified' }], base, honest, jwc, undefined, TODAY))).toEqual([]);
    expect(codes(checkPrRules([{ path: file, status: 'modified' }], base, backdated, office, undefined, TODAY))).toEqual([]);
    const sameDay = await headWith({ [file]: withEntry(`\n    reported: '${TODAY}'`) });
    expect(codes(checkPrRules([{ path: file, status: 'modified' }], base, sameDay, jwc, undefined, TODAY))).toEqual([]);
  });

  test('a new filing applied "before" the PR is refused; applied on the PR\'s day passes', async () => {
    const file = 'accounts/jwc/jwc-news.mdx';
    const text = accountText({ id: 'jwc-news', unit: 'jwc', name: '教务新闻', status: 'applied' }); // applied 2026-11-20
    const head = await headWith({ [file]: text });
    expect(codes(checkPrRules([{ path: file, status: 'added' }], base, head, jwc, undefined, TODAY))).toEqual([`${file} pr/backdated-applied`]);
    expect(codes(checkPrRules([{ path: file, status: 'added' }], base, head, jwc, undefined, '2026-11-20'))).toEqual([]);
  });

  test('a unit flipping its failed review to pass is refused; the office may', async () => {
    const file = 'reviews/2025/jwc-wechat.yaml';
    const head = await headWith({ [file]: REVIEW('pass') });
    expect(codes(checkPrRules([{ path: file, status: 'modified' }], base, head, jwc, undefined, TODAY))).toEqual([`${file} pr/review-result`]);
    expect(codes(checkPrRules([{ path: file, status: 'modified' }], base, head, office, undefined, TODAY))).toEqual([]);
  });

  test('the bot is not trusted: its PR gets a notice that the required check judges the issue\'s author', async () => {
    const file = 'accounts/tw/tw-x.mdx';
    const head = await headWith({ [file]: accountText({ id: 'tw-x', unit: 'tw', name: '团委', status: 'applied', tier: 3 }) });
    const r = checkPrRules([{ path: file, status: 'added' }], base, head, { login: 'registry-bot[bot]', trusted: true }, undefined, '2026-11-20');
    expect(r.notices.map((n) => n.code)).toEqual(['pr/owner-deferred']);
  });
});
