// The annual-review campaign (年审) in process: which accounts each unit owes on a given day, the
// phase of the window (the due day is still 即将截止, the day after 已截止), the issue bodies, the
// plan that makes GitHub's open issues match (a second run plans nothing) and the reminder comment.
import { describe, expect, test } from 'vitest';
import { DEFAULT_RULE } from '../../src/domain/obligations.ts';
import type { Registry } from '../../src/domain/registry.ts';
import {
  CAMPAIGN_LABEL,
  CAMPAIGN_PHASE_LABELS,
  REMINDER_DAYS,
  REVIEW_ITEM_LABELS,
  campaignIssueKey,
  planCampaignIssues,
  reminderComment,
  renderCampaignIssues,
  reviewCampaign,
  unitPending,
  type Campaign,
  type CampaignIssue,
  type CampaignLinks,
  type UnitProgress,
} from '../../src/domain/review-campaign.ts';
import { account, group, presetPolicy, registry, review } from '../obligations-fixtures.ts';

const withPolicy = (reg: Registry, data: Registry['policy'] extends infer P ? (P extends { data: infer D } ? D : never) : never): Registry => ({
  ...reg,
  policy: { file: 'policy.yaml', id: 'policy', pos: {}, data } as Registry['policy'],
});

/** Seed 000 (年审 12-11 to 12-20, failures suspend), work groups filed. */
function demo(mustFile = true): Registry {
  const policy = presetPolicy('000', { groups: { mustFile } });
  const otherNoName = account({ id: 'tw-y', unit: 'tw', platform: 'other', platformOther: 'x' });
  otherNoName.data.platformOther = undefined;
  const closed = account({ id: 'jwc-closed' });
  closed.data.status = 'closed';
  const unsubmitted = review('jsj-a', 2026, '2026-12-12', 'pass', '2026-12-12');
  delete (unsubmitted.data as { submitted?: string }).submitted;
  return withPolicy(
    registry({
      accounts: [
        account({ id: 'jwc-b' }),
        account({ id: 'jwc-a' }),
        account({ id: 'jwc-c' }),
        account({ id: 'jwc-d' }),
        account({ id: 'jwc-late' }),
        account({ id: 'tw-x', unit: 'tw', platform: 'other', platformOther: '校园APP' }),
        otherNoName,
        account({ id: 'zz-a', unit: 'zz', platform: 'weibo', keys: [] }),
        closed,
        account({ id: 'jwc-new', dates: { applied: '2026-12-01', opened: '2026-12-11' } }),
        account({ id: 'jsj-a', unit: 'jsj' }),
      ],
      reviews: [
        review('jwc-a', 2026, '2026-12-12', 'pass', '2026-12-15'),
        review('jwc-c', 2026, '2026-12-12', 'fail'),
        review('jwc-d', 2026, '2026-12-12', 'pending'),
        review('jwc-late', 2026, '2026-12-30'),
        review('jwc-b', 2025, '2025-12-12'),
        review('tw-x', 2026, '2026-12-11'),
        unsubmitted,
      ],
      groups: [group('g2'), group('g1'), group('g0', { dissolved: '2026-01-01' }), group('x1', { unit: 'xsh' })],
    }),
    policy,
  );
}

const item = (account: string, state: string, platform = '微信公众号', derived: string | null = null) => ({ account, name: `账号${account}`, platform, state, derived });
const counts = (missing: number, submitted: number, pass: number, fail: number) => ({ missing, submitted, pass, fail });
const LATE = '暂停运行（2026 年度年审材料未按期提交）';
const FAILED = '暂停运行（2026 年度年审不合格）';

describe('reviewCampaign()', () => {
  test('on 12-12: every live account that opened before the window, by unit and id, with its state; groups of listed units only', () => {
    expect(reviewCampaign(demo(), '2026-12-12')).toEqual({
      year: 2026,
      opens: '2026-12-11',
      due: '2026-12-20',
      phase: 'open',
      units: [
        { unit: 'jsj', unitName: '单位jsj', items: [item('jsj-a', 'pass')], groups: [], counts: counts(0, 0, 1, 0) },
        {
          unit: 'jwc',
          unitName: '单位jwc',
          items: [item('jwc-a', 'submitted'), item('jwc-b', 'missing'), item('jwc-c', 'fail', '微信公众号', FAILED), item('jwc-d', 'submitted'), item('jwc-late', 'missing')],
          groups: [
            { id: 'g1', name: '工作群g1' },
            { id: 'g2', name: '工作群g2' },
          ],
          counts: counts(2, 2, 0, 1),
        },
        { unit: 'tw', unitName: '单位tw', items: [item('tw-x', 'pass', '校园APP'), item('tw-y', 'missing', '其他')], groups: [], counts: counts(1, 0, 1, 0) },
        { unit: 'zz', unitName: 'zz', items: [item('zz-a', 'missing', '微博')], groups: [], counts: counts(1, 0, 0, 0) },
      ],
    });
  });

  test('a result dated today is known today; a review submitted after today is not filed yet (passed once it is)', () => {
    const jwc = (today: string) => reviewCampaign(demo(), today)!.units.find((u) => u.unit === 'jwc')!.items.map((i) => `${i.account}:${i.state}`);
    expect(jwc('2026-12-14')).toEqual(['jwc-a:submitted', 'jwc-b:missing', 'jwc-c:fail', 'jwc-d:submitted', 'jwc-late:missing']);
    expect(jwc('2026-12-15')).toEqual(['jwc-a:pass', 'jwc-b:missing', 'jwc-c:fail', 'jwc-d:submitted', 'jwc-late:missing']);
    expect(jwc('2026-12-30')).toEqual(['jwc-a:pass', 'jwc-b:missing', 'jwc-c:fail', 'jwc-d:submitted', 'jwc-late:pass']);
  });

  test('a review submitted on the opening day counts on that day', () => {
    const tw = reviewCampaign(demo(), '2026-12-11')!.units.find((u) => u.unit === 'tw')!;
    expect(tw.items.map((i) => i.state)).toEqual(['pass', 'missing']);
  });

  test('after the deadline each account shows its derived state (none for passed or pending ones)', () => {
    const c = reviewCampaign(demo(), '2026-12-21')!;
    expect(c.phase).toBe('after');
    expect(c.units.map((u) => [u.unit, u.items.map((i) => i.derived), u.counts])).toEqual([
      ['jsj', [null], counts(0, 0, 1, 0)],
      ['jwc', [null, LATE, FAILED, null, LATE], counts(2, 1, 1, 1)],
      ['tw', [null, LATE], counts(1, 0, 1, 0)],
      ['zz', [LATE], counts(1, 0, 0, 0)],
    ]);
  });

  test.each([
    ['2026-12-10', 2025, 'after', 'the day before the window: last year\'s campaign, past its deadline'],
    ['2026-12-11', 2026, 'open', 'the opening day'],
    ['2026-12-12', 2026, 'open', 'the day before the reminder'],
    ['2026-12-13', 2026, 'reminder', 'seven days before the due day'],
    ['2026-12-20', 2026, 'reminder', 'the due day'],
    ['2026-12-21', 2026, 'after', 'the day after the due day'],
    ['2027-06-01', 2026, 'after', 'mid-year'],
  ])('on %s the campaign is %s, %s (%s)', (today, year, phase, _why) => {
    const c = reviewCampaign(demo(), today)!;
    expect([c.year, c.phase, c.opens, c.due]).toEqual([year, phase, `${year}-12-11`, `${year}-12-20`]);
  });

  test('without filed work groups no group is listed', () => {
    expect(reviewCampaign(demo(false), '2026-12-12')!.units.map((u) => u.groups)).toEqual([[], [], [], []]);
  });

  test('no policy, or a policy without annual review: no campaign', () => {
    expect(reviewCampaign({ ...demo(), policy: undefined }, '2026-12-12')).toBeNull();
    expect(reviewCampaign(withPolicy(demo(), presetPolicy('000', { annualReview: { required: false } })), '2026-12-12')).toBeNull();
  });

  test('the constants: label 年审, reminder a week before, Chinese phase and state labels', () => {
    expect(CAMPAIGN_LABEL).toBe('年审');
    expect(REMINDER_DAYS).toBe(7);
    expect(CAMPAIGN_PHASE_LABELS).toEqual({ closed: '未开始', open: '进行中', reminder: '即将截止', after: '已截止' });
    expect(REVIEW_ITEM_LABELS).toEqual({ missing: '未提交', submitted: '已提交，待审核', pass: '合格', fail: '不合格' });
  });
});

const unitP = (unit: string, unitName: string, items: UnitProgress['items'], groups: UnitProgress['groups'] = []): UnitProgress => {
  const c = counts(0, 0, 0, 0);
  for (const i of items) c[i.state]++;
  return { unit, unitName, items, groups, counts: c };
};
const it = (account: string, state: UnitProgress['items'][number]['state'], derived: string | null = null, name = `名${account}`, platform = '微博'): UnitProgress['items'][number] => ({ account, name, platform, state, derived });

describe('unitPending()', () => {
  test.each([
    [counts(0, 0, 0, 0), false],
    [counts(0, 0, 3, 0), false],
    [counts(1, 0, 0, 0), true],
    [counts(0, 1, 0, 0), true],
    [counts(0, 0, 0, 1), true],
  ])('counts %j → %s', (c, out) => expect(unitPending({ unit: 'u', unitName: 'u', items: [], groups: [], counts: c })).toBe(out));
});

describe('campaignIssueKey()', () => {
  test.each([
    ['<!-- campus-registry:review-campaign year=2026 summary -->', { year: 2026, key: 'summary' }],
    ['前文\n<!-- campus-registry:review-campaign year=2026 unit=robot-club -->\n正文', { year: 2026, key: 'robot-club' }],
    ['<!-- campus-registry:review-campaign year=2026 unit=JWC -->', undefined],
    ['<!-- campus-registry:review-campaign year=2026 unit= -->', undefined],
    ['<!-- campus-registry:review-campaign year=226 summary -->', undefined],
    ['<!-- campus-registry:review-campaign reminder year=2026 unit=jwc -->', undefined],
    ['<!-- campus-registry:deadlines unit=jwc -->', undefined],
    ['', undefined],
    [null, undefined],
    [undefined, undefined],
  ])('campaignIssueKey(%j) is %j', (body, out) => expect(campaignIssueKey(body)).toEqual(out));
});

describe('renderCampaignIssues()', () => {
  const LINKS: CampaignLinks = { issueForm: 'https://github.test/o/r/issues/new?template=annual-review.yml', office: '党委宣传部', rule: '第五条', pushList: false };
  const campaign = (phase: Campaign['phase']): Campaign => ({
    year: 2026,
    opens: '2026-12-11',
    due: '2026-12-20',
    phase,
    units: [
      unitP('jwc', '教务处', [it('jwc-a', 'missing', null, '名|称`<b>\r\n', '微信|公众号'), it('jwc-c', 'fail', '暂停运行（2026 年度年审不合格）')], [{ id: 'g1', name: '群|1' }]),
      unitP('jsj', '计算机学院', [it('jsj-a', 'pass')]),
      unitP('tw', '校团委|', [it('tw-x', 'submitted'), it('tw-y', 'submitted')]),
      unitP('zz', '某单位', [it('zz-a', 'pass'), it('zz-b', 'pass'), it('zz-c', 'missing')]),
      unitP('empty', '空单位', []),
    ],
  });
  const HOWTO = (unit: string, links: CampaignLinks) => [
    '',
    '**怎样提交：**',
    `1. 打印年审表：\`npm run forms -- --kind review --unit ${unit} --out 年审表\`（或请${links.office}代为打印），填写后由单位负责人签字并加盖公章。`,
    `2. 在 GitHub 上用“年审”表单提交：${links.issueForm}（每个账号一份），或直接提交合并请求，新增 \`reviews/2026/<账号编号>.yaml\`。`,
    ...(links.pushList ? ['3. 附年度推送内容清单：`reviews/2026/<账号编号>.pushes.csv`（表头 date,title,url；Excel 请另存为“CSV UTF-8”）。'] : []),
    '',
    `提交并经审核后，本 Issue 会自动更新；全部合格后自动关闭。如有疑问请联系${links.office}。`,
    '',
    '<sub>此 Issue 由登记系统自动生成并更新，请勿手工修改正文。</sub>',
  ];

  test('before the window opens: no issue at all', () => {
    expect(renderCampaignIssues(campaign('closed'), LINKS)).toEqual([]);
  });

  test('open: one issue per unit with something pending, then the summary; the whole bodies', () => {
    const issues = renderCampaignIssues(campaign('open'), LINKS);
    expect(issues.map((i) => [i.key, i.title])).toEqual([
      ['jwc', '【2026 年度年审】教务处：2 个账号待提交或整改'],
      ['tw', '【2026 年度年审】校团委|：2 个账号待审核'],
      ['zz', '【2026 年度年审】某单位：1 个账号待提交或整改'],
      ['summary', '【2026 年度年审】进度总览：3/8 合格'],
    ]);
    expect(issues[0]!.body).toBe(
      [
        '<!-- campus-registry:review-campaign year=2026 unit=jwc -->',
        '教务处：2026 年度新媒体年审已开始（2026-12-11 至 2026-12-20，依据第五条）。以下账号须在 2026-12-20（含）前提交年审材料。',
        '',
        '| 账号 | 平台 | 年审情况 | 状态 |',
        '|---|---|---|---|',
        '| `jwc-a` 名 称  b    | 微信 公众号 | 未提交 | — |',
        '| `jwc-c` 名jwc-c | 微博 | 不合格 | 暂停运行（2026 年度年审不合格） |',
        '',
        '本单位登记的网络工作群（请核对是否仍在使用；闲置的群请解散并报备）：',
        '',
        '- `g1` 群 1',
        ...HOWTO('jwc', LINKS),
      ].join('\n'),
    );
    expect(issues[1]!.body).toBe(
      [
        '<!-- campus-registry:review-campaign year=2026 unit=tw -->',
        '校团委|：2026 年度新媒体年审已开始（2026-12-11 至 2026-12-20，依据第五条）。以下账号须在 2026-12-20（含）前提交年审材料。',
        '',
        '| 账号 | 平台 | 年审情况 | 状态 |',
        '|---|---|---|---|',
        '| `tw-x` 名tw-x | 微博 | 已提交，待审核 | — |',
        '| `tw-y` 名tw-y | 微博 | 已提交，待审核 | — |',
        ...HOWTO('tw', LINKS),
      ].join('\n'),
    );
    expect(issues[3]!.body).toBe(
      [
        '<!-- campus-registry:review-campaign year=2026 summary -->',
        '2026 年度新媒体年审进度（进行中；2026-12-11 至 2026-12-20，依据第五条）。',
        '',
        '共 8 个账号须年审：合格 3，待审核 2，不合格 1，未提交 2。',
        '',
        '| 单位 | 须年审 | 合格 | 待审核 | 不合格 | 未提交 | 进度 |',
        '|---|---|---|---|---|---|---|',
        '| 教务处（`jwc`） | 2 | 0 | 0 | 1 | 1 | 0% |',
        '| 计算机学院（`jsj`） | 1 | 1 | 0 | 0 | 0 | 100% |',
        '| 校团委 （`tw`） | 2 | 0 | 2 | 0 | 0 | 0% |',
        '| 某单位（`zz`） | 3 | 2 | 0 | 0 | 1 | 67% |',
        '| 空单位（`empty`） | 0 | 0 | 0 | 0 | 0 | 0% |',
        '',
        '请党委宣传部在 GitHub 上将本 Issue 置顶（Pin issue；置顶只能通过网页或 GraphQL 完成，登记系统不自动置顶）。审核结果以 `reviews/2026/` 中各年审文件的 result 为准。',
        '',
        '<sub>此 Issue 由登记系统自动生成并更新，请勿手工修改正文。</sub>',
      ].join('\n'),
    );
  });

  test('reminder: a reminder block above the table, in every unit issue; the summary says 即将截止', () => {
    const issues = renderCampaignIssues(campaign('reminder'), LINKS);
    expect(issues[2]!.body.split('\n').slice(1, 6)).toEqual([
      '某单位：2026 年度新媒体年审已开始（2026-12-11 至 2026-12-20，依据第五条）。以下账号须在 2026-12-20（含）前提交年审材料。',
      '',
      '> **提醒：年审将于 2026-12-20 截止**，尚未提交的账号请尽快提交；逾期未提交的，按管理办法不得继续运行。',
      '',
      '| 账号 | 平台 | 年审情况 | 状态 |',
    ]);
    expect(issues.filter((i) => i.body.includes('提醒：年审将于')).map((i) => i.key)).toEqual(['jwc', 'tw', 'zz']);
    expect(issues.some((i) => i.body.includes('年审已于'))).toBe(false);
    expect(issues[3]!.body.split('\n')[1]).toBe('2026 年度新媒体年审进度（即将截止；2026-12-11 至 2026-12-20，依据第五条）。');
  });

  test('after: the deadline block instead of the reminder; the summary says 已截止', () => {
    const issues = renderCampaignIssues(campaign('after'), LINKS);
    expect(issues[0]!.body.split('\n').slice(2, 5)).toEqual(['', '> **年审已于 2026-12-20 截止。** 下表“状态”列为截止后的结果；未提交或不合格的账号按管理办法不得继续运行，请尽快补交或整改。', '']);
    expect(issues.filter((i) => i.body.includes('年审已于 2026-12-20 截止。')).map((i) => i.key)).toEqual(['jwc', 'tw', 'zz']);
    expect(issues.some((i) => i.body.includes('提醒：'))).toBe(false);
    expect(issues[3]!.body.split('\n')[1]).toBe('2026 年度新媒体年审进度（已截止；2026-12-11 至 2026-12-20，依据第五条）。');
  });

  test('the default rule reads 登记系统默认; a required push list adds step 3', () => {
    const links = { ...LINKS, rule: DEFAULT_RULE, pushList: true, office: '办公室' };
    const issues = renderCampaignIssues(campaign('open'), links);
    expect(issues[1]!.body).toBe(
      [
        '<!-- campus-registry:review-campaign year=2026 unit=tw -->',
        '校团委|：2026 年度新媒体年审已开始（2026-12-11 至 2026-12-20，依据登记系统默认）。以下账号须在 2026-12-20（含）前提交年审材料。',
        '',
        '| 账号 | 平台 | 年审情况 | 状态 |',
        '|---|---|---|---|',
        '| `tw-x` 名tw-x | 微博 | 已提交，待审核 | — |',
        '| `tw-y` 名tw-y | 微博 | 已提交，待审核 | — |',
        ...HOWTO('tw', links),
      ].join('\n'),
    );
    expect(issues[3]!.body.split('\n')[1]).toBe('2026 年度新媒体年审进度（进行中；2026-12-11 至 2026-12-20，依据登记系统默认）。');
  });

  test('everything passed: only the summary, all accounts counted', () => {
    const c: Campaign = { year: 2027, opens: '2027-12-11', due: '2027-12-20', phase: 'after', units: [unitP('a', '甲', [it('a-1', 'pass'), it('a-2', 'pass')])] };
    const issues = renderCampaignIssues(c, LINKS);
    expect(issues.map((i) => [i.key, i.title])).toEqual([['summary', '【2027 年度年审】进度总览：2/2 合格']]);
    expect(issues[0]!.body.split('\n').slice(0, 8)).toEqual([
      '<!-- campus-registry:review-campaign year=2027 summary -->',
      '2027 年度新媒体年审进度（已截止；2027-12-11 至 2027-12-20，依据第五条）。',
      '',
      '共 2 个账号须年审：合格 2，待审核 0，不合格 0，未提交 0。',
      '',
      '| 单位 | 须年审 | 合格 | 待审核 | 不合格 | 未提交 | 进度 |',
      '|---|---|---|---|---|---|---|',
      '| 甲（`a`） | 2 | 2 | 0 | 0 | 0 | 100% |',
    ]);
  });

  test('one of three passed is 33%; no unit at all is a summary of nothing', () => {
    const c: Campaign = { year: 2026, opens: '2026-12-11', due: '2026-12-20', phase: 'open', units: [unitP('a', '甲', [it('a-1', 'pass'), it('a-2', 'missing'), it('a-3', 'missing')])] };
    expect(renderCampaignIssues(c, LINKS)[1]!.body.split('\n')[7]).toBe('| 甲（`a`） | 3 | 1 | 0 | 0 | 2 | 33% |');
    const none = renderCampaignIssues({ ...c, units: [] }, LINKS);
    expect(none.map((i) => [i.key, i.title])).toEqual([['summary', '【2026 年度年审】进度总览：0/0 合格']]);
    expect(none[0]!.body.split('\n')[3]).toBe('共 0 个账号须年审：合格 0，待审核 0，不合格 0，未提交 0。');
  });
});

describe('planCampaignIssues()', () => {
  const mark = (year: number, key: string) => `<!-- campus-registry:review-campaign year=${year} ${key === 'summary' ? 'summary' : `unit=${key}`} -->`;
  const desired: CampaignIssue[] = [
    { key: 'jwc', title: 'T-jwc', body: `${mark(2026, 'jwc')}\n正文jwc` },
    { key: 'tw', title: 'T-tw', body: `${mark(2026, 'tw')}\n正文tw` },
    { key: 'zz', title: 'T-zz', body: `${mark(2026, 'zz')}\n正文zz` },
    { key: 'summary', title: 'T-s', body: `${mark(2026, 'summary')}\n总览` },
  ];

  test('creates the missing, updates the changed, keeps the identical, closes duplicates, finished units and other years', () => {
    const existing = [
      { number: 9, title: 'T-jwc', body: `${mark(2026, 'jwc')}\n正文jwc` },
      { number: 3, title: 'T-jwc', body: `${mark(2026, 'jwc')}\r\n正文jwc\n\n` },
      { number: 5, title: 'T-tw', body: `${mark(2026, 'tw')}\n旧正文` },
      { number: 6, title: '旧标题', body: `${mark(2026, 'summary')}\n总览` },
      { number: 2, title: 'x', body: `${mark(2025, 'jwc')}\nx` },
      { number: 7, title: 'done', body: `${mark(2026, 'jsj')}\nx` },
      { number: 8, title: 'done', body: `${mark(2026, 'jsj')}\ny` },
      { number: 1, title: 'other', body: '与年审无关' },
      { number: 4, title: 'other', body: '' },
    ];
    expect(planCampaignIssues(existing, desired, 2026)).toEqual([
      { type: 'close', number: 2, key: 'jwc' },
      { type: 'close', number: 9, key: 'jwc' },
      { type: 'update', number: 5, key: 'tw', title: 'T-tw', body: `${mark(2026, 'tw')}\n正文tw` },
      { type: 'create', key: 'zz', title: 'T-zz', body: `${mark(2026, 'zz')}\n正文zz` },
      { type: 'update', number: 6, key: 'summary', title: 'T-s', body: `${mark(2026, 'summary')}\n总览` },
      { type: 'close', number: 7, key: 'jsj' },
      { type: 'close', number: 8, key: 'jsj' },
    ]);
    expect(existing.map((i) => i.number)).toEqual([9, 3, 5, 6, 2, 7, 8, 1, 4]);
  });

  test('identical issues: no action; nothing existing: everything created', () => {
    const existing = desired.map((d, i) => ({ number: i + 1, title: d.title, body: `  ${d.body}\n` }));
    expect(planCampaignIssues(existing, desired, 2026)).toEqual([]);
    expect(planCampaignIssues([], desired.slice(0, 1), 2026)).toEqual([{ type: 'create', key: 'jwc', title: 'T-jwc', body: desired[0]!.body }]);
    expect(planCampaignIssues([], [], 2026)).toEqual([]);
  });

  test('a new year closes every issue of the earlier year and creates the new ones', () => {
    const existing = desired.map((d, i) => ({ number: i + 1, title: d.title, body: d.body }));
    const next = desired.map((d) => ({ ...d, body: d.body.replace('year=2026', 'year=2027') }));
    expect(planCampaignIssues(existing, next, 2027)).toEqual([
      { type: 'close', number: 1, key: 'jwc' },
      { type: 'close', number: 2, key: 'tw' },
      { type: 'close', number: 3, key: 'zz' },
      { type: 'close', number: 4, key: 'summary' },
      ...next.map((d) => ({ type: 'create', key: d.key, title: d.title, body: d.body })),
    ]);
  });
});

describe('reminderComment()', () => {
  const body = '<!-- campus-registry:review-campaign year=2026 unit=jwc -->\n> **提醒：年审将于 2026-12-20 截止**，尚未提交的账号请尽快提交。';

  test('a unit issue in the reminder phase gets one marked comment', () => {
    expect(reminderComment({ key: 'jwc', title: 't', body }, 2026)).toEqual({
      marker: '<!-- campus-registry:review-campaign reminder year=2026 unit=jwc -->',
      body: '<!-- campus-registry:review-campaign reminder year=2026 unit=jwc -->\n提醒：2026 年度年审将于 2026-12-20 截止，本单位还有账号未提交或须整改，请尽快按上方说明提交。',
    });
  });

  test('no comment for the summary or outside the reminder phase', () => {
    expect(reminderComment({ key: 'summary', title: 't', body }, 2026)).toBeUndefined();
    expect(reminderComment({ key: 'jwc', title: 't', body: '年审已于 2026-12-20 截止。' }, 2026)).toBeUndefined();
    expect(reminderComment({ key: 'jwc', title: 't', body: '提醒：年审将于 2026-12 截止' }, 2026)).toBeUndefined();
  });

  test('the rendered reminder-phase issues of units get comments; the summary does not', () => {
    const c: Campaign = { year: 2026, opens: '2026-12-11', due: '2026-12-20', phase: 'reminder', units: [unitP('a', '甲', [it('a-1', 'missing')])] };
    const issues = renderCampaignIssues(c, { issueForm: 'f', office: 'o', rule: 'r', pushList: false });
    expect(issues.map((i) => reminderComment(i, 2026)?.marker)).toEqual(['<!-- campus-registry:review-campaign reminder year=2026 unit=a -->', undefined]);
  });
});
