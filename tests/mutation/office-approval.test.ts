// The office's approval check in process: which approvals a PR needs (the office always; for a
// filing, the unit or supervising unit its tiers name), which reviews count (latest per person,
// on the head commit, never the author's, one role per person) and the Chinese explanation.
import { describe, expect, test } from 'vitest';
import { OFFICE_APPROVAL_CHECK, decideOfficeApproval, isOfficeApprover, type OfficeApprovalInput, type ReviewInfo } from '../../src/domain/office-approval.ts';

const HEAD = 'h'.repeat(40);
const OLD = 'o'.repeat(40);
const NO_OWNER = '（该单位未登记负责账号，请先在 units/ 中登记）';

type Reg = OfficeApprovalInput['registry'];
const u = (id: string, name: string, kind: string, owners: string[], parent?: string) => ({ file: `units/${id}.yaml`, id, pos: {}, data: { id, name, kind, owners, status: 'active', ...(parent ? { parent } : {}) } });
const POLICY = {
  office: { name: '党委宣传部', unit: 'xcb' },
  tiers: [
    { level: 1, unitKinds: ['school'], approvers: ['归口管理部门'] },
    { level: 2, unitKinds: ['office', 'college', 'department'], approvers: ['主办单位', '归口管理部门'] },
    { level: 3, unitKinds: ['student-org', 'club', 'class'], approvers: ['学生工作部、团委或所在学院', '党委宣传部（备案）'] },
  ],
};
function reg(policy: unknown = POLICY): Reg {
  return {
    policy: policy ? ({ file: 'policy.yaml', id: 'policy', pos: {}, data: policy } as unknown as Reg['policy']) : undefined,
    units: [
      u('xcb', '党委宣传部', 'office', ['@qclg/xcb']),
      u('jwc', '教务处', 'office', ['@jwc-admin']),
      u('tw', '校团委', 'student-org', ['@tw-admin']),
      u('robot-club', '机器人协会', 'club', ['@robot-admin'], 'tw'),
      u('jsj', '计算机学院', 'college', ['@jsj-admin', '@QCLG/XCB', '@jsj-admin']),
      u('class-1', '一班', 'class', [], 'jsj'),
      u('xcb-sub', '宣传部新闻中心', 'club', ['@sub-admin'], 'xcb'),
      u('loop-a', '甲', 'individual', ['@a-admin'], 'loop-b'),
      u('loop-b', '乙', 'individual', ['@b-admin'], 'loop-a'),
    ] as unknown as Reg['units'],
    accounts: [
      { file: 'accounts/jwc/jwc-news.mdx', id: 'jwc-news', pos: {}, data: { id: 'jwc-news', unit: 'jwc' } },
      { file: 'accounts/tw/tw-weibo.mdx', id: 'tw-weibo', pos: {}, data: { id: 'tw-weibo', unit: 'tw' } },
    ] as unknown as Reg['accounts'],
  };
}
// Teams resolved by the adapter: the office team has office-1 and office-2.
const TEAMS: Record<string, string[]> = { '@qclg/xcb': ['office-1', 'office-2'] };
const isOwner = (owner: string, login: string) => owner.toLowerCase() === `@${login}`.toLowerCase() || (TEAMS[owner.toLowerCase()] ?? []).includes(login.toLowerCase());
const approve = (login: string, at = '2026-11-21T01:00:00Z', commitId = HEAD): ReviewInfo => ({ login, state: 'APPROVED', commitId, submittedAt: at });
const review = (login: string, state: string, at: string, commitId = HEAD): ReviewInfo => ({ login, state, commitId, submittedAt: at });
type Files = OfficeApprovalInput['files'];
const decide = (files: Files, reviews: ReviewInfo[] = [], author = 'someone', more: Partial<OfficeApprovalInput> = {}) => decideOfficeApproval({ registry: reg(), files, author, headSha: HEAD, reviews, isOwner, ...more });
const needs = (files: Files, more: Partial<OfficeApprovalInput> = {}) => decide(files, [], 'someone', more).required.map((r) => [r.role, r.label, r.owners, r.files]);

const OFFICE = (files: string[]) => ['office', '党委宣传部意见', ['@qclg/xcb'], files];

test('the check is named 归口管理部门审核', () => expect(OFFICE_APPROVAL_CHECK).toBe('归口管理部门审核'));

describe('isOfficeApprover()', () => {
  test.each([
    ['党委宣传部', true, 'the office by name'],
    ['XYZ处审核', true, 'an entry containing the office name given'],
    ['归口管理部门', true, 'the generic name'],
    ['宣传统战部', true, 'a 宣传 office of another school'],
    ['办公室', true, 'the 办公室 of seed 002'],
    ['办公室（报备）', true, 'reported only'],
    ['党委宣传统战部（备案）', true, 'filed only'],
    ['主办单位', false, 'the unit'],
    ['学生工作部、团委或所在学院', false, 'the supervising units'],
    ['所在部门主要负责人（签字盖章）', false, 'a unit head'],
    ['所在学院（班级）或校团委（团学组织、社团）', false, 'units with remarks'],
    ['主办单位（报宣传部备案）', false, 'a unit that reports to the office: the remark is dropped'],
    ['主办单位(报宣传部备案)', false, 'the same with ASCII brackets'],
    ['主办单位（宣传部审核）', true, 'a remark naming the office without 报备 or 备案 is read'],
    ['主办单位(宣传部审核)', true, 'the same with ASCII brackets'],
    ['主办单位（报备）宣传', true, 'the office outside the remark'],
    ['主办单位（宣传部报备）', false, 'a remark with 报备 only'],
    ['主办单位（宣传部备案）', false, 'a remark with 备案 only'],
    ['（宣传部备案）主办单位（宣传部审核）', true, 'each remark is read on its own'],
  ])('isOfficeApprover(%j) is %s (%s)', (entry, out, _why) => expect(isOfficeApprover(entry, 'XYZ处')).toBe(out));

  test('the office name counts even without the office words', () => {
    expect(isOfficeApprover('教务处', '教务处')).toBe(true);
    expect(isOfficeApprover('教务处', '党委宣传部')).toBe(false);
  });
});

describe('decideOfficeApproval(): what is required', () => {
  test('no file at all still needs the office', () => {
    expect(needs([])).toEqual([OFFICE([''])]);
  });

  test('files outside the units\' filings need only the office, each listed once', () => {
    const files = [
      'content/pages/guide.mdx',
      '.github/workflows/ci.yml',
      'content/units/jwc.yaml',
      'content/policy.yaml',
      'content/accounts/jwc/sub/deep.mdx',
      'content/accounts/JWC/x.mdx',
      'content/accounts/jwc/',
      'content/reviews/26/jwc-news.yaml',
      'content/reviews/2026/jwc-news.txt',
      'content/reviews/2026/nobody.yaml',
      'content/accounts/nobody/x.mdx',
      'xcontent/accounts/jwc/x.mdx',
      'content/pages/accounts/jwc/x.mdx',
      'content/pages/reviews/2026/jwc-news.yaml',
      'content/reviews/2026/jwc-news.yaml.bak',
      'content/reviews/2026/x/jwc-news.yaml',
      'content/pages/guide.mdx',
    ];
    expect(needs(files.map((path) => ({ path })))).toEqual([OFFICE(files.slice(0, -1))]);
  });

  test('a tier-2 filing needs its unit (主办单位) and the office', () => {
    expect(needs([{ path: 'content/accounts/jwc/jwc-news.mdx', tiers: [2] }])).toEqual([
      OFFICE(['content/accounts/jwc/jwc-news.mdx']),
      ['unit', '主办单位意见（教务处）', ['@jwc-admin'], ['content/accounts/jwc/jwc-news.mdx']],
    ]);
  });

  test('a tier-1 filing needs only the office', () => {
    expect(needs([{ path: 'content/accounts/jwc/jwc-main.mdx', tiers: [1] }])).toEqual([OFFICE(['content/accounts/jwc/jwc-main.mdx'])]);
  });

  test('a tier-3 filing needs the supervising unit, not the club itself', () => {
    expect(needs([{ path: 'content/accounts/robot-club/robot-wechat.mdx', tiers: [3] }])).toEqual([
      OFFICE(['content/accounts/robot-club/robot-wechat.mdx']),
      ['parent', '学生工作部、团委或所在学院意见（校团委）', ['@tw-admin'], ['content/accounts/robot-club/robot-wechat.mdx']],
    ]);
  });

  test('a tier-3 unit without a parent approves as the supervising body itself', () => {
    expect(needs([{ path: 'content/groups/tw/g1.yaml', tiers: [3] }])).toEqual([
      OFFICE(['content/groups/tw/g1.yaml']),
      ['parent', '学生工作部、团委或所在学院意见（校团委）', ['@tw-admin'], ['content/groups/tw/g1.yaml']],
    ]);
  });

  test('annual reviews and push lists belong to the account\'s unit', () => {
    const files = ['content/reviews/2026/jwc-news.yaml', 'content/reviews/2026/jwc-news.pushes.csv'];
    expect(needs(files.map((path) => ({ path, tiers: [2] })))).toEqual([OFFICE(files), ['unit', '主办单位意见（教务处）', ['@jwc-admin'], files]]);
  });

  test('the office\'s owners are not unit approvers (case-insensitively); owners are listed once', () => {
    expect(needs([{ path: 'content/accounts/jsj/jsj-news.mdx', tiers: [2] }])[1]).toEqual(['unit', '主办单位意见（计算机学院）', ['@jsj-admin'], ['content/accounts/jsj/jsj-news.mdx']]);
  });

  test('a tier lowered or raised in the PR needs what both tiers need; the unit role names the whole chain', () => {
    const path = 'content/accounts/class-1/c.mdx';
    expect(needs([{ path, tiers: [2, 3] }])).toEqual([
      OFFICE([path]),
      ['unit', '主办单位意见（一班、计算机学院）', ['@jsj-admin'], [path]],
      ['parent', '学生工作部、团委或所在学院意见（计算机学院）', ['@jsj-admin'], [path]],
    ]);
  });

  test('unknown tiers fall back to the tier of the unit\'s kind', () => {
    expect(needs([{ path: 'content/accounts/jwc/x.mdx', tiers: [9] }])).toEqual(needs([{ path: 'content/accounts/jwc/x.mdx', tiers: [2] }]));
    expect(needs([{ path: 'content/accounts/jwc/x.mdx' }])).toEqual(needs([{ path: 'content/accounts/jwc/x.mdx', tiers: [2] }]));
    expect(needs([{ path: 'content/accounts/jwc/x.mdx', tiers: [9, 1] }])).toEqual([OFFICE(['content/accounts/jwc/x.mdx'])]);
  });

  test('a unit kind in no tier needs every tier\'s approvers (fail closed); a parent cycle ends', () => {
    const path = 'content/accounts/loop-a/x.mdx';
    expect(needs([{ path }])).toEqual([
      OFFICE([path]),
      ['unit', '主办单位意见（甲、乙）', ['@a-admin', '@b-admin'], [path]],
      ['parent', '学生工作部、团委或所在学院意见（乙）', ['@b-admin'], [path]],
    ]);
  });

  test('a unit under the office: the office is never its supervising approver, the label falls back to the unit', () => {
    const path = 'content/accounts/xcb-sub/x.mdx';
    expect(needs([{ path, tiers: [3] }])).toEqual([OFFICE([path]), ['parent', '学生工作部、团委或所在学院意见（宣传部新闻中心）', [], [path]]]);
  });

  test('files of two units: one role per label, each with its files', () => {
    const a = 'content/accounts/jwc/a.mdx';
    const b = 'content/accounts/jwc/b.mdx';
    const c = 'content/accounts/robot-club/c.mdx';
    expect(needs([{ path: a, tiers: [2] }, { path: c, tiers: [3] }, { path: b, tiers: [2] }])).toEqual([
      OFFICE([a, c, b]),
      ['unit', '主办单位意见（教务处）', ['@jwc-admin'], [a, b]],
      ['parent', '学生工作部、团委或所在学院意见（校团委）', ['@tw-admin'], [c]],
    ]);
  });

  test('every unit wording (主办单位, 所在单位, 所在部门, 本单位, 职能部门, 主要负责人) asks the unit; other wordings the supervisor', () => {
    const entries = ['所在单位', '所在部门', '本单位', '职能部门', '主要负责人', '学工部', '主办单位'];
    const policy = { office: { name: '党委宣传部', unit: 'xcb' }, tiers: [{ level: 3, unitKinds: ['club'], approvers: entries }] };
    const v = decideOfficeApproval({ registry: reg(policy), files: [{ path: 'content/accounts/robot-club/x.mdx' }], author: 'x', headSha: HEAD, reviews: [], isOwner });
    expect(v.required.map((r) => [r.role, r.label, r.owners])).toEqual([
      ['office', '党委宣传部意见', ['@qclg/xcb']],
      ...entries.map((e) => (e === '学工部' ? ['parent', '学工部意见（校团委）', ['@tw-admin']] : ['unit', `${e}意见（机器人协会、校团委）`, ['@robot-admin', '@tw-admin']])),
    ]);
  });

  test('the tiers a filing has are taken even when its unit\'s kind has another tier', () => {
    expect(needs([{ path: 'content/accounts/jwc/x.mdx', tiers: [3] }])).toEqual([
      OFFICE(['content/accounts/jwc/x.mdx']),
      ['parent', '学生工作部、团委或所在学院意见（教务处）', ['@jwc-admin'], ['content/accounts/jwc/x.mdx']],
    ]);
  });

  test('another content folder', () => {
    expect(needs([{ path: 'registry/accounts/jwc/x.mdx', tiers: [2] }, { path: 'content/accounts/jwc/y.mdx', tiers: [2] }], { contentPrefix: 'registry' })).toEqual([
      OFFICE(['registry/accounts/jwc/x.mdx', 'content/accounts/jwc/y.mdx']),
      ['unit', '主办单位意见（教务处）', ['@jwc-admin'], ['registry/accounts/jwc/x.mdx']],
    ]);
  });

  test('without a policy: the generic office (no owners) and the filing unit', () => {
    const v = decideOfficeApproval({ registry: reg(null), files: [{ path: 'content/accounts/robot-club/x.mdx', tiers: [3] }], author: 'x', headSha: HEAD, reviews: [approve('robot-admin')], isOwner });
    expect(v.required).toEqual([
      { role: 'office', label: '归口管理部门意见', owners: [], files: ['content/accounts/robot-club/x.mdx'] },
      { role: 'unit', label: '主办单位意见（机器人协会、校团委）', owners: ['@robot-admin', '@tw-admin'], files: ['content/accounts/robot-club/x.mdx'], by: 'robot-admin' },
    ]);
    expect(v.ok).toBe(false);
    expect(v.title).toBe('还缺 1 项审核：归口管理部门意见');
  });
});

describe('decideOfficeApproval(): which reviews count', () => {
  const TIER2 = [{ path: 'content/accounts/jwc/jwc-news.mdx', tiers: [2] }];

  test('the unit and the office approving the head commit: complete, with the whole summary', () => {
    const v = decide(TIER2, [approve('office-1', '2026-11-21T02:00:00Z'), approve('jwc-admin', '2026-11-21T01:00:00Z')]);
    expect(v).toEqual({
      ok: true,
      required: [
        { role: 'office', label: '党委宣传部意见', owners: ['@qclg/xcb'], files: ['content/accounts/jwc/jwc-news.mdx'], by: 'office-1' },
        { role: 'unit', label: '主办单位意见（教务处）', owners: ['@jwc-admin'], files: ['content/accounts/jwc/jwc-news.mdx'], by: 'jwc-admin' },
      ],
      ignored: [],
      title: '审核齐全：可以合并',
      summary: [
        '本次修改所需的审核已经齐全（均针对最新提交）。',
        '',
        '| 审核 | 可由谁批准 | 状态 |',
        '|---|---|---|',
        '| 党委宣传部意见 | `@qclg/xcb` | 已批准：`office-1` |',
        '| 主办单位意见（教务处） | `@jwc-admin` | 已批准：`jwc-admin` |',
      ].join('\n'),
    });
  });

  test('the author\'s own, an older commit\'s and a non-owner\'s approvals are ignored, with why', () => {
    const v = decide(TIER2, [approve('JWC-Admin'), approve('office-1', '2026-11-21T00:30:00Z', OLD), approve('stranger', '2026-11-21T02:00:00Z'), approve('office-2', '2026-11-21T03:00:00Z')], 'jwc-admin');
    expect(v.ok).toBe(false);
    expect(v.ignored).toEqual([
      { login: 'office-1', reason: '批准的是较早的提交，最新提交后需要重新批准' },
      { login: 'JWC-Admin', reason: '提交人本人的批准不算数' },
      { login: 'stranger', reason: '不是所需审核单位的登记负责人' },
    ]);
    expect(v.title).toBe('还缺 1 项审核：主办单位意见（教务处）');
    expect(v.summary).toBe(
      [
        '本次修改还不能合并：以下审核尚未完成（只有针对最新提交的批准才算数）。',
        '',
        '| 审核 | 可由谁批准 | 状态 |',
        '|---|---|---|',
        '| 党委宣传部意见 | `@qclg/xcb` | 已批准：`office-2` |',
        '| 主办单位意见（教务处） | `@jwc-admin` | 待批准 |',
        '',
        '不计入的批准：',
        '- `office-1`：批准的是较早的提交，最新提交后需要重新批准',
        '- `JWC-Admin`：提交人本人的批准不算数',
        '- `stranger`：不是所需审核单位的登记负责人',
      ].join('\n'),
    );
  });

  test('no reviews: everything missing, nothing ignored', () => {
    const v = decide(TIER2);
    expect([v.ok, v.ignored, v.required.map((r) => r.by), v.title]).toEqual([false, [], [undefined, undefined], '还缺 2 项审核：党委宣传部意见、主办单位意见（教务处）']);
    expect(v.summary).not.toContain('不计入的批准');
  });

  test('the latest review per person decides, whatever the input order; comments and pending reviews change nothing', () => {
    const base = [approve('jwc-admin', '2026-11-21T01:00:00Z'), approve('office-1', '2026-11-21T01:00:00Z')];
    expect(decide(TIER2, [review('office-1', 'CHANGES_REQUESTED', '2026-11-21T03:00:00Z'), ...base]).ok).toBe(false);
    expect(decide(TIER2, [review('OFFICE-1', 'DISMISSED', '2026-11-21T03:00:00Z'), ...base]).ok).toBe(false);
    expect(decide(TIER2, [review('office-1', 'CHANGES_REQUESTED', '2026-11-21T00:00:00Z'), ...base]).ok).toBe(true);
    expect(decide(TIER2, [review('office-1', 'COMMENTED', '2026-11-21T03:00:00Z'), review('office-1', 'PENDING', '2026-11-21T04:00:00Z'), ...base]).ok).toBe(true);
  });

  test('a later approval of the head replaces an earlier one of an older commit', () => {
    const v = decide(TIER2, [approve('office-1', '2026-11-21T04:00:00Z'), approve('office-1', '2026-11-21T01:00:00Z', OLD), approve('jwc-admin')]);
    expect([v.ok, v.ignored]).toEqual([true, []]);
  });

  test('one person fills one role only; every assignment is tried', () => {
    // `both` owns the unit and is on the office team; office-2 is only on the office team.
    const both = (owner: string, login: string) => isOwner(owner, login) || (login === 'both' && (owner === '@jwc-admin' || owner === '@qclg/xcb'));
    const alone = decide(TIER2, [approve('both')], 'x', { isOwner: both });
    expect([alone.ok, alone.required.map((r) => r.by)]).toEqual([false, ['both', undefined]]);
    // Greedy would give the office role to `both` and leave the unit role open.
    const two = decide(TIER2, [approve('both', '2026-11-21T01:00:00Z'), approve('office-2', '2026-11-21T02:00:00Z')], 'x', { isOwner: both });
    expect([two.ok, two.required.map((r) => r.by), two.ignored]).toEqual([true, ['office-2', 'both'], []]);
  });

  test('a role without registered owners says so; backticks in logins are dropped from code spans', () => {
    const v = decide([{ path: 'content/accounts/xcb-sub/x.mdx', tiers: [3] }], [approve('off`ice-1')], 'x', { isOwner: (o, l) => o === '@qclg/xcb' && l === 'off`ice-1' });
    expect(v.summary.split('\n').slice(4)).toEqual(['| 党委宣传部意见 | `@qclg/xcb` | 已批准：`office-1` |', `| 学生工作部、团委或所在学院意见（宣传部新闻中心） | ${NO_OWNER} | 待批准 |`]);
    expect(v.title).toBe('还缺 1 项审核：学生工作部、团委或所在学院意见（宣传部新闻中心）');
  });

  test('a role that several owners may give lists them all', () => {
    const v = decide([{ path: 'content/accounts/loop-a/x.mdx' }], [approve('b-admin'), approve('a-admin', '2026-11-21T02:00:00Z'), approve('office-1')]);
    expect(v.ok).toBe(true);
    expect(v.required.map((r) => r.by)).toEqual(['office-1', 'a-admin', 'b-admin']);
    expect(v.summary.split('\n')[5]).toBe('| 主办单位意见（甲、乙） | `@a-admin`、`@b-admin` | 已批准：`a-admin` |');
  });
});
