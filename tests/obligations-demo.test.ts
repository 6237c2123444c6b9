/**
 * The demo registry (content/, 青川理工学院 on preset 000) produces a known set of obligations and
 * derived statuses at fixed dates: the real loader on the real files.
 */
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { deriveAccountStatuses, findObligations } from '../src/domain/index.ts';
import { loadRegistry } from '../src/registry/load.ts';
import { brief } from './obligations-fixtures.ts';

const CONTENT = path.resolve(import.meta.dirname, '../content');

async function demoAt(today: string) {
  const { registry, findings } = await loadRegistry(CONTENT, { today });
  expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  const policy = registry.policy!.data;
  return {
    obligations: findObligations(registry, policy, today).map(brief),
    derived: [...deriveAccountStatuses(registry.accounts.map((a) => a.data), registry.reviews.map((r) => r.data), policy, today)]
      .filter(([, s]) => s)
      .map(([id, s]) => `${id} ${s!.label} ${s!.reason} since=${s!.since}`)
      .sort(),
  };
}

describe('findObligations() on the demo registry', () => {
  test('lists, on 2026-11-21, the late application, the approvals not yet opened and the outstanding reviews', async () => {
    const { obligations, derived } = await demoAt('2026-11-21');
    expect(obligations).toEqual([
      'review-failed dms dms-bilibili due=2025-12-26 overdue late=330 第五条',
      'keys dwbgs dwbgs-wecom due=2026-12-05 upcoming late=0 登记系统默认',
      'review gbt gbt-ximalaya due=2025-12-20 overdue late=336 第五条',
      'apply hfs hfs-douyin due=2026-11-15 overdue late=3 第四条',
      'keys stu-linxy stu-linxy-xiaohongshu due=2026-12-07 upcoming late=0 登记系统默认',
      'review tsg tsg-weibo due=2025-12-20 overdue late=336 第五条',
      'review xsh xsh-tieba due=2025-12-20 overdue late=17 第五条',
      'keys xyy xyy-wechat due=2026-05-13 overdue late=192 登记系统默认',
      'open xyy xyy-wechat due=2026-07-14 overdue late=130 登记系统默认',
      'review yjsh yjsh-wechat due=2025-12-20 overdue late=336 第五条',
    ]);
    expect(derived).toEqual([
      'dms-bilibili 暂停运行 2025 年度年审不合格 since=2025-12-26',
      'gbt-ximalaya 暂停运行 2025 年度年审材料未按期提交 since=2025-12-21',
      'tsg-weibo 暂停运行 2025 年度年审材料未按期提交 since=2025-12-21',
      'xsh-tieba 年审逾期 2025 年度年审材料逾期提交，等待审核 since=2025-12-21',
      'yjsh-wechat 暂停运行 2025 年度年审材料未按期提交 since=2025-12-21',
    ]);
  });

  test('asks, on 2026-12-21, every live account reviewed under 第五条 for its 2026 review, besides the standing items', async () => {
    const { obligations } = await demoAt('2026-12-21');
    const review2026 = obligations.filter((o) => o.startsWith('review ') && o.includes('due=2026-12-20'));
    for (const o of review2026) expect(o).toMatch(/ due=2026-12-20 overdue late=1 第五条$/);
    expect(review2026.map((o) => o.split(' ')[2]).sort()).toEqual([
      'dag-wechat', 'dms-bilibili', 'gbt-ximalaya', 'gjc-wechat', 'hg-douyin', 'hg-wechat', 'jg-wechat',
      'jqr-bilibili', 'jsj-bilibili', 'jsj-wechat', 'jsj-xsh-wechat', 'jwc-cpdaily', 'jwc-mini', 'jwc-wechat',
      'jx-douyin', 'jx-wechat', 'jx2302-wechat', 'jzt-douyin', 'mks-wechat', 'qclg-baijiahao', 'qclg-bilibili',
      'qclg-channels', 'qclg-douyin', 'qclg-kuaishou', 'qclg-netease', 'qclg-renmin', 'qclg-thepaper',
      'qclg-website', 'qclg-wechat', 'qclg-weibo', 'qclg-xiaohongshu', 'qclg-xuexi', 'qclg-yangshipin', 'qclg-zhihu',
      'stu-zhoumy-bilibili', 'sy-xiaohongshu', 'tm-wechat', 'tsg-wechat', 'tsg-weibo', 'tw-bilibili', 'tw-douyin',
      'tw-qqchannel', 'tw-qzone', 'tw-wechat', 'tw-weibo', 'wgy-wechat', 'wsgzs-channels', 'wsgzs-wechat',
      'xcb-news', 'xczx-kuaishou', 'xgb-dingtalk', 'xgb-wechat', 'xgb-yiban', 'xsh-qq', 'xsh-tieba', 'xsh-wechat',
      'xsh-weibo', 'xxzx-app', 'xxzx-mini', 'xxzx-wechat', 'yjsc-wechat', 'yjsh-wechat', 'ys-wechat',
      'ys-xiaohongshu', 'yy2301-channels', 'zsjyc-channels', 'zsjyc-douyin', 'zsjyc-qqgroup', 'zsjyc-wechat',
      'zyz-wechat',
    ]);
    expect(obligations.filter((o) => !review2026.includes(o))).toEqual([
      'review-failed dms dms-bilibili due=2025-12-26 overdue late=360 第五条',
      'keys dwbgs dwbgs-wecom due=2026-12-05 overdue late=16 登记系统默认',
      'open dwbgs dwbgs-wecom due=2027-01-18 upcoming late=0 登记系统默认',
      'review gbt gbt-ximalaya due=2025-12-20 overdue late=366 第五条',
      'apply hfs hfs-douyin due=2026-11-15 overdue late=3 第四条',
      'keys stu-linxy stu-linxy-xiaohongshu due=2026-12-07 overdue late=14 登记系统默认',
      'review tsg tsg-weibo due=2025-12-20 overdue late=366 第五条',
      'review xsh xsh-tieba due=2025-12-20 overdue late=17 第五条',
      'keys xyy xyy-wechat due=2026-05-13 overdue late=222 登记系统默认',
      'open xyy xyy-wechat due=2026-07-14 overdue late=160 登记系统默认',
      'review yjsh yjsh-wechat due=2025-12-20 overdue late=366 第五条',
    ]);
  });
});
