/**
 * One truth for statuses: the site's 年审逾期 / 暂停运行 lists and the verifier (both through
 * publicSiteOf / buildPublicSiteOn) agree with `deadlines` (findObligations) on every day, on the
 * demo registry and on the edge cases that made them disagree (a review dated after today, a late
 * review still awaiting its result after the notice period).
 */
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { addDays, findObligations, type Obligation } from '../src/domain/index.ts';
import { publicSiteOf } from '../src/domain/verify/from-registry.ts';
import { loadRegistry } from '../src/registry/load.ts';
import { runScript } from './helpers/registry.ts';

const CONTENT = path.resolve(import.meta.dirname, '../content');

/** What the deadlines say about an account's review: suspended, overdue (late, awaiting result) or nothing. */
function fromDeadlines(obligations: Obligation[], suspends: boolean): Map<string, string> {
  const out = new Map<string, string>();
  for (const o of obligations) {
    if (!o.account) continue;
    const grave = (o.kind === 'review' && o.filed === null && o.state === 'overdue') || (o.kind === 'review-failed' && o.state !== 'upcoming');
    if (grave) out.set(o.account, suspends ? 'suspended' : 'overdue');
    else if (o.kind === 'review' && o.filed !== null && !out.has(o.account)) out.set(o.account, 'late');
  }
  return out;
}

describe('derived statuses and deadlines agree', () => {
  test('on every day from 2024-12-01 to 2027-01-31, the site/verifier states equal what deadlines lists', async () => {
    const { registry } = await loadRegistry(CONTENT, { today: '2026-11-30' });
    const policy = registry.policy!.data;
    const disagreements: string[] = [];
    for (let day = '2024-12-01'; day <= '2027-01-31'; day = addDays(day, 7)) {
      const site = publicSiteOf(registry, day)!;
      const dl = fromDeadlines(findObligations(registry, policy, day), policy.annualReview.failureSuspends);
      for (const a of site.accounts) {
        const want = dl.get(a.id);
        const siteSays = a.state === 'suspended' ? 'suspended' : a.state === 'overdue' ? 'overdue' : undefined;
        // A late review awaiting its result is 年审逾期 on the site and a late filing in deadlines.
        const agrees = siteSays === undefined ? want === undefined || (want === 'late' && a.lastReview?.outcome !== 'pending') : siteSays === 'overdue' && want === 'late' ? true : siteSays === want;
        if (!agrees) disagreements.push(`${day} ${a.id}: site=${siteSays ?? '-'} deadlines=${want ?? '-'}`);
      }
    }
    expect(disagreements).toEqual([]);
  });

  test('a review dated after today does not count yet, for the site as for deadlines (2025-12-15: xsh-tieba is not late yet)', async () => {
    const { registry } = await loadRegistry(CONTENT, { today: '2025-12-15' });
    const site = publicSiteOf(registry, '2025-12-15')!;
    expect(site.accounts.find((a) => a.id === 'xsh-tieba')!.state).toBe('active');
    const site2 = publicSiteOf(registry, '2024-12-21')!;
    // tm-wechat's 2024 review is dated 2024-12-24: on 2024-12-21 it is missing and past due.
    expect(site2.accounts.find((a) => a.id === 'tm-wechat')!.state).toBe('suspended');
  });

  test('the verify CLI and the deadlines CLI agree on one day (the real commands)', async () => {
    const today = '2026-11-21';
    const dl = await runScript('deadlines.ts', ['--today', today, '--json']);
    expect(dl.code).toBe(0);
    const obligations = (JSON.parse(dl.stdout) as { obligations: Obligation[] }).obligations;
    const reviewAccounts = obligations.filter((o) => o.kind === 'review' && o.state === 'overdue').map((o) => o.account!);
    // gbt-ximalaya never submitted: 暂停运行; xsh-tieba submitted late, awaiting its result: 年审逾期.
    expect(reviewAccounts).toEqual(expect.arrayContaining(['gbt-ximalaya', 'xsh-tieba']));
    // By link: a name alone is only a same-name match (issue 12), the link identifies the account.
    const suspended = JSON.parse((await runScript('verify.ts', ['--today', today, '--json', 'https://www.ximalaya.com/zhubo/385117204'])).stdout) as { verdict: string; advice: string };
    expect(suspended.verdict).toBe('suspended');
    const late = JSON.parse((await runScript('verify.ts', ['--today', today, '--json', 'https://tieba.baidu.com/f?kw=青川理工学院'])).stdout) as { verdict: string; advice: string };
    expect(late.verdict).toBe('official');
    expect(late.advice).toContain('年审逾期');
    expect(late.advice).toContain('2025 年度年审材料逾期提交');
  }, 180_000);
});
