// Who may change what in a pull request: the author must be an owner of the unit (or the office),
// compared as whole logins and team slugs, never by prefix; filings are never deleted; approval
// fields belong to the approval job; a closed account stays closed.
import { describe, expect, test } from 'vitest';
import {
  CHANGE_KIND_LABELS,
  PR_COMMENT_MARKER,
  PrReportSchema,
  checkPrRules,
  describeChanges,
  escapeMarkdown,
  labelsFor,
  owningUnit,
  renderPrComment,
  tierLabel,
  unitLabel,
  type CommentContext,
  type FileChange,
  type PrAuthor,
  type PrReport,
  type Problem,
} from '../../src/domain/pr-report.ts';
import type { Registry } from '../../src/domain/registry.ts';
import type { Review } from '../../src/domain/index.ts';
import { account, group, registry, review, unit } from '../obligations-fixtures.ts';

const office = unit('xcb', 'office', { owners: ['@qclg/xcb', '@office-lead'] });
const jwc = unit('jwc', 'office', { owners: ['@jwc-admin', '@qclg/jwc-team'] });
const policy = { file: 'policy.yaml', id: 'policy', pos: {}, data: { office: { unit: 'xcb' } } } as unknown as Registry['policy'];
const reg = (accounts = [account({ id: 'jwc-wechat' })]): Registry => ({ ...registry({ units: [office, jwc], accounts }), policy });
const edit: FileChange[] = [{ path: 'accounts/jwc/jwc-wechat.mdx', status: 'modified' }];
const codes = (author: PrAuthor, changes = edit, base = reg(), head = reg()) => {
  const r = checkPrRules(changes, base, head, author);
  return [...r.violations.map((v) => v.code), ...r.notices.map((n) => `notice:${n.code}`)];
};

describe('checkPrRules(): ownership', () => {
  test.each([
    [{ login: 'jwc-admin' }, [], 'the unit\'s owner'],
    [{ login: 'JWC-Admin' }, [], 'logins compare case-insensitively'],
    [{ login: 'jwc', teams: [] }, ['pr/not-owner'], 'REAL BUG: a login that is a prefix of the owner\'s is not the owner'],
    [{ login: 'jwc-admin2', teams: [] }, ['pr/not-owner'], 'REAL BUG: a login that starts with the owner\'s is not the owner'],
    [{ login: 'office-lead' }, [], 'an owner of the office may change any unit\'s filings'],
    [{ login: 'someone', teams: ['qclg/jwc-team'] }, [], 'a member of the unit\'s team'],
    [{ login: 'someone', teams: ['qclg/jwc'] }, ['pr/not-owner'], 'REAL BUG: a team whose slug is a prefix of the owner team is not it'],
    [{ login: 'someone', teams: ['qclg/xcb'] }, [], 'a member of the office team'],
    [{ login: 'someone', teams: [] }, ['pr/not-owner'], 'nobody, with known (empty) teams'],
    [{ login: 'someone' }, ['notice:pr/owner-unverified'], 'unknown team membership: a notice; the required check 归口管理部门审核 resolves it and fails closed'],
    [{ login: 'bot', trusted: true }, ['notice:pr/owner-deferred'], 'automation filing for someone: never trusted here, judged by the issue\'s author in the required check'],
    [{ login: 'staff', office: true }, [], 'a member of the office'],
  ])('%j → %j (%s)', (author: PrAuthor, out: string[], _why: string) => expect(codes(author)).toEqual(out));

  test('a unit owned only by users gives no "unverified" notice: the author is simply not an owner', () => {
    const base: Registry = { ...registry({ units: [office, unit('jsj', 'college', { owners: ['@jsj-admin'] })], accounts: [account({ id: 'jsj-x', unit: 'jsj' })] }), policy };
    expect(codes({ login: 'someone' }, [{ path: 'accounts/jsj/jsj-x.mdx', status: 'modified' }], base, base)).toEqual(['pr/not-owner']);
  });

  test.each([
    ['units/jwc.yaml', ['pr/office-only'], 'unit files are the office\'s'],
    ['policy.yaml', ['pr/office-only'], 'the policy is the office\'s'],
    ['accounts/newunit/x.mdx', ['pr/office-only'], 'a unit not yet registered'],
  ])('%s by a unit owner → %j (%s)', (path, out) => expect(codes({ login: 'jwc-admin' }, [{ path, status: 'modified' }])).toEqual(out));
});

describe('owningUnit()', () => {
  test.each([
    ['accounts/jwc/jwc-wechat.mdx', 'jwc'],
    ['groups/jwc-x/g.yaml', 'jwc-x'],
    ['reviews/2026/jwc-wechat.yaml', 'jwc'],
    ['reviews/2026/jwc-wechat.pushes.csv', 'jwc'],
    ['reviews/2026/unknown.yaml', undefined],
    ['reviews/26/jwc-wechat.yaml', undefined],
    ['reviews/2026/jwc-wechat.yaml.bak', undefined],
    ['old/reviews/2026/jwc-wechat.yaml', undefined],
    ['units/jwc.yaml', undefined],
    ['xaccounts/jwc/a.mdx', undefined],
  ])('%s belongs to %s', (path, out) => expect(owningUnit(path, [reg()])).toBe(out));
});

describe('checkPrRules(): filings', () => {
  const approved = (status: 'active' | 'closed', number = '2026-0001') =>
    account({ id: 'jwc-wechat', status, approval: { number, date: '2026-01-01' }, ...(status === 'closed' ? { closure: { reason: '停用' }, dates: { applied: '2026-01-01', opened: '2026-01-20', closed: '2026-03-01' } } : {}) });
  test.each([
    ['accounts/jwc/jwc-wechat.mdx', 'pr/deleted-filing'],
    ['groups/jwc/g.yaml', 'pr/deleted-filing'],
    ['units/jwc.yaml', 'pr/deleted-filing'],
    ['reviews/2026/jwc-wechat.yaml', 'pr/deleted-filing'],
    ['impostors/fake.yaml', 'pr/deleted-filing'],
  ])('deleting %s is refused (%s)', (path, code) => expect(codes({ login: 'staff', office: true }, [{ path, status: 'removed' }])).toEqual([code]));

  test('deleting a page is not a filing deletion', () => expect(codes({ login: 'staff', office: true }, [{ path: 'pages/about.mdx', status: 'removed' }])).toEqual([]));

  test.each([
    [reg(), reg([approved('active')]), ['pr/approval-set'], 'setting an approval in a PR'],
    [reg([approved('active')]), reg([approved('active', '2026-0002')]), ['pr/approval-altered'], 'changing the approval number'],
    [reg([approved('active')]), reg([account({ id: 'jwc-wechat' })]), ['pr/approval-altered'], 'removing the approval'],
    [reg([approved('active')]), reg([approved('active')]), [], 'leaving the approval as it was'],
    [reg([approved('closed')]), reg([approved('active')]), ['pr/revived'], 'reopening a closed account'],
    [reg([approved('closed')]), reg([approved('closed')]), [], 'a closed account staying closed'],
  ])('%#: → %j (%s)', (base, head, out) => expect(codes({ login: 'staff', office: true }, edit, base, head)).toEqual(out));
});

// Exact findings: every rule's message is what the author reads on the PR.
const at = (file: string, code: string, message: string): Problem => ({ file, line: 1, column: 1, field: '', code, message });
const WECHAT = 'accounts/jwc/jwc-wechat.mdx';
const REVIEW = 'reviews/2026/jwc-wechat.yaml';
const MSG = {
  approvalSet: '审批信息 approval（审批号、审批日期）由合并后的自动流程填写，请删除该字段',
  approvalAltered: '不能修改或删除审批信息 approval（审批号、审批日期、审批的合并请求）',
  revived: '已停办的账号不能恢复运营：重新开设请另行提交新的备案文件（新的账号编号），原文件保持“已停办”',
  deletedAccount: '账号备案不能删除：停办请把状态改为 closed，并填写停办时间 dates.closed 和停办理由 closure.reason',
  deletedReview: '年审材料提交后不能删除，如需更正请修改该文件',
  reviewResult: '年审结果 result 由归口管理部门填写：单位提交年审材料时请保持 result 为 outcome: pending',
  order: '责令停止运行记录 orders 只能由归口管理部门填写或修改',
  exemption: '例外批准记录 exemptions 只能由归口管理部门填写或修改',
};
const OFFICE_MEMBER: PrAuthor = { login: 'staff', office: true };
const OFFICE_OWNER: PrAuthor = { login: 'office-lead' };
const UNIT_OWNER: PrAuthor = { login: 'jwc-admin' };
const rules = (changes: FileChange[], base: Registry, head: Registry, author: PrAuthor, prDate?: string, raw?: Parameters<typeof checkPrRules>[4]) =>
  checkPrRules(changes, base, head, author, raw, prDate);
const modified = (path: string): FileChange[] => [{ path, status: 'modified' }];
const closedAccount = (id: string) => account({ id, status: 'closed', closure: { reason: '停用' }, dates: { applied: '2026-01-01', opened: '2026-01-20', closed: '2026-03-01' } });
const approvedAccount = (id: string) => account({ id, approval: { number: '2026-0001', date: '2026-01-01' } });

describe('checkPrRules(): approval fields and closed accounts, exact findings', () => {
  test('setting an approval gives the approval-set finding on line 1 with no field', () => {
    expect(rules(edit, reg(), reg([approvedAccount('jwc-wechat')]), OFFICE_MEMBER)).toEqual({ violations: [at(WECHAT, 'pr/approval-set', MSG.approvalSet)], notices: [] });
  });

  test('removing an approval gives the approval-altered finding', () => {
    expect(rules(edit, reg([approvedAccount('jwc-wechat')]), reg(), OFFICE_MEMBER)).toEqual({ violations: [at(WECHAT, 'pr/approval-altered', MSG.approvalAltered)], notices: [] });
  });

  test('reopening a closed account gives the revived finding', () => {
    expect(rules(edit, reg([closedAccount('jwc-wechat')]), reg(), OFFICE_MEMBER)).toEqual({ violations: [at(WECHAT, 'pr/revived', MSG.revived)], notices: [] });
  });

  test('deleting an approved account is a deletion only, not also an approval change', () => {
    const removed: FileChange[] = [{ path: WECHAT, status: 'removed' }];
    expect(rules(removed, reg([approvedAccount('jwc-wechat')]), reg([]), OFFICE_MEMBER)).toEqual({ violations: [at(WECHAT, 'pr/deleted-filing', MSG.deletedAccount)], notices: [] });
  });

  test('deleting a closed account is a deletion only, even where the head still lists it as active', () => {
    const removed: FileChange[] = [{ path: WECHAT, status: 'removed' }];
    expect(rules(removed, reg([closedAccount('jwc-wechat')]), reg(), OFFICE_MEMBER).violations.map((v) => v.code)).toEqual(['pr/deleted-filing']);
  });

  test('approvals are read from the raw files when given, and only for account files', () => {
    const raw = { base: () => undefined, head: () => ({ number: '2026-0001', date: '2026-01-01' }) };
    const changes: FileChange[] = [{ path: 'groups/jwc/g.yaml', status: 'modified' }, { path: WECHAT, status: 'modified' }];
    expect(rules(changes, reg(), reg(), OFFICE_MEMBER, undefined, raw).violations).toEqual([at(WECHAT, 'pr/approval-set', MSG.approvalSet)]);
  });

  test.each([
    ['an approved account listed first', [approvedAccount('jwc-other'), account({ id: 'jwc-wechat' })]],
    ['a closed account listed first', [closedAccount('jwc-other'), account({ id: 'jwc-wechat' })]],
    ['an active account listed before the closed one changed', [account({ id: 'jwc-other' }), closedAccount('jwc-wechat')]],
  ])('only the changed file\'s own approval and status count (%s)', (_why, accounts) => {
    expect(rules(edit, reg(accounts), reg(accounts), OFFICE_MEMBER)).toEqual({ violations: [], notices: [] });
  });

  test('a closed account whose changed file no longer loads is not called revived (the validator reports the file)', () => {
    expect(rules(edit, reg([closedAccount('jwc-wechat')]), reg([]), OFFICE_MEMBER)).toEqual({ violations: [], notices: [] });
  });
});

describe('checkPrRules(): report and application dates are the office\'s when earlier than the PR', () => {
  const PR_DATE = '2026-05-10';
  const entry = (reported?: string) => ({ date: '2026-05-01', kind: 'rename' as const, summary: '改名', ...(reported ? { reported } : {}) });
  const withHistory = (id: string, ...history: ReturnType<typeof entry>[]) => account({ id, history });
  const backdatedReport = (reported: string) =>
    at(WECHAT, 'pr/backdated-report', `报备日期 reported（${reported}）早于本次提交的日期（${PR_DATE}）：报备日期以提交合并请求的日期为准，请删除 reported 字段`);
  const backdatedApplied = (applied: string) =>
    at(WECHAT, 'pr/backdated-applied', `申请时间 dates.applied（${applied}）早于本次提交的日期（${PR_DATE}）：申请时间以提交合并请求的日期为准，请改为 ${PR_DATE}`);

  test.each([
    ['2026-05-09', [backdatedReport('2026-05-09')], 'the day before the PR'],
    ['2026-05-10', [], 'the PR\'s own day'],
    ['2026-05-11', [], 'the day after the PR'],
    [undefined, [], 'no report date (it defaults to the PR\'s)'],
  ])('a new history entry reported %s → %j (%s)', (reported, out, _why) => {
    expect(rules(edit, reg(), reg([withHistory('jwc-wechat', entry(reported))]), UNIT_OWNER, PR_DATE)).toEqual({ violations: out, notices: [] });
  });

  test('an entry already in the base keeps its earlier report date', () => {
    const accounts = [withHistory('jwc-wechat', entry('2026-02-01'))];
    expect(rules(edit, reg(accounts), reg(accounts), UNIT_OWNER, PR_DATE)).toEqual({ violations: [], notices: [] });
  });

  test('a new entry beside an old one: only the new one is judged', () => {
    const base = reg([withHistory('jwc-wechat', entry('2026-02-01'))]);
    const head = reg([withHistory('jwc-wechat', entry('2026-02-01'), { ...entry('2026-03-01'), summary: '再次改名' })]);
    expect(rules(edit, base, head, UNIT_OWNER, PR_DATE).violations).toEqual([backdatedReport('2026-03-01')]);
  });

  test.each([
    ['the changed account listed second, with the old entry', [account({ id: 'jwc-other' }), withHistory('jwc-wechat', entry('2026-02-01'))]],
    ['another account listed first, with the old entry', [withHistory('jwc-other', entry('2026-02-01')), account({ id: 'jwc-wechat' })]],
  ])('each file is compared with its own base (%s)', (_why, accounts) => {
    expect(rules(edit, reg(accounts), reg(accounts), UNIT_OWNER, PR_DATE)).toEqual({ violations: [], notices: [] });
  });

  test.each([
    [OFFICE_MEMBER, 'a member of the office'],
    [OFFICE_OWNER, 'an owner of the office'],
  ])('%j may write an earlier report date (%s)', (author) => {
    expect(rules(edit, reg(), reg([withHistory('jwc-wechat', entry('2026-05-01'))]), author, PR_DATE)).toEqual({ violations: [], notices: [] });
  });

  test('without a PR date nothing is judged backdated', () => {
    expect(rules(edit, reg(), reg([withHistory('jwc-wechat', entry('2026-05-01'))]), UNIT_OWNER)).toEqual({ violations: [], notices: [] });
  });

  test('a changed account that no longer loads has nothing to judge', () => {
    expect(rules(edit, reg(), reg([]), UNIT_OWNER, PR_DATE)).toEqual({ violations: [], notices: [] });
  });

  const applying = (applied: string) => account({ id: 'jwc-wechat', status: 'applied', dates: { applied, plannedOpening: '2026-06-01' } });
  test.each([
    ['2026-05-09', [backdatedApplied('2026-05-09')]],
    ['2026-05-10', []],
    ['2026-05-11', []],
  ])('a new filing applied %s → %j', (applied, out) => {
    const head = reg([applying(applied)]);
    expect(rules([{ path: WECHAT, status: 'added' }], reg([]), head, UNIT_OWNER, PR_DATE)).toEqual({ violations: out, notices: [] });
  });

  test('a new filing with an earlier report date in its history is backdated too', () => {
    const head = reg([account({ id: 'jwc-wechat', status: 'applied', dates: { applied: PR_DATE, plannedOpening: '2026-06-01' }, history: [entry('2026-05-01')] })]);
    expect(rules([{ path: WECHAT, status: 'added' }], reg([]), head, UNIT_OWNER, PR_DATE).violations).toEqual([backdatedReport('2026-05-01')]);
  });

  test('changing an application date to an earlier one is backdated; leaving it is not', () => {
    const base = reg([applying('2026-05-10')]);
    expect(rules(edit, base, reg([applying('2026-04-01')]), UNIT_OWNER, PR_DATE).violations).toEqual([backdatedApplied('2026-04-01')]);
    expect(rules(edit, reg([applying('2026-04-01')]), reg([applying('2026-04-01')]), UNIT_OWNER, PR_DATE).violations).toEqual([]);
  });
});

describe('checkPrRules(): a review\'s result is the office\'s', () => {
  const withResult = (result: Review['result'], id = 'jwc-wechat'): ReturnType<typeof review> => {
    const r = review(id, 2026, '2026-03-01', 'pending');
    return { ...r, data: { ...r.data, result } };
  };
  const regWith = (reviews: ReturnType<typeof review>[]): Registry => ({ ...registry({ units: [office, jwc], accounts: [account({ id: 'jwc-wechat' }), account({ id: 'jwc-other' })], reviews }), policy });
  const added: FileChange[] = [{ path: REVIEW, status: 'added' }];
  const PASS = { outcome: 'pass' as const, date: '2026-03-20' };

  test.each([
    [{ outcome: 'pending' as const }, [], 'pending, as the unit submits it'],
    [{ outcome: 'pending' as const, date: '2026-03-20' }, [at(REVIEW, 'pr/review-result', MSG.reviewResult)], 'pending with a result date'],
    [{ outcome: 'pending' as const, note: '合格' }, [at(REVIEW, 'pr/review-result', MSG.reviewResult)], 'pending with a note'],
    [PASS, [at(REVIEW, 'pr/review-result', MSG.reviewResult)], 'a pass'],
  ])('a new review with result %j → %j (%s)', (result, out, _why) => {
    expect(rules(added, regWith([]), regWith([withResult(result)]), UNIT_OWNER)).toEqual({ violations: out, notices: [] });
  });

  test('a new review that does not load has no result to judge', () => {
    expect(rules(added, regWith([]), regWith([]), UNIT_OWNER)).toEqual({ violations: [], notices: [] });
  });

  test('an office result left as it was may stay; changed, it is refused', () => {
    expect(rules(modified(REVIEW), regWith([withResult(PASS)]), regWith([withResult(PASS)]), UNIT_OWNER).violations).toEqual([]);
    expect(rules(modified(REVIEW), regWith([withResult(PASS)]), regWith([withResult({ outcome: 'fail', date: '2026-03-20' })]), UNIT_OWNER).violations).toEqual([at(REVIEW, 'pr/review-result', MSG.reviewResult)]);
  });

  test('a review whose head no longer loads cannot show its office result untouched', () => {
    expect(rules(modified(REVIEW), regWith([withResult(PASS)]), regWith([]), UNIT_OWNER).violations).toEqual([at(REVIEW, 'pr/review-result', MSG.reviewResult)]);
  });

  test('each review is compared with its own base, whatever is listed first', () => {
    const reviews = [withResult(PASS, 'jwc-other'), withResult({ outcome: 'pending' })];
    expect(rules(modified(REVIEW), regWith(reviews), regWith(reviews), UNIT_OWNER)).toEqual({ violations: [], notices: [] });
  });

  test('the office may write the result', () => {
    expect(rules(modified(REVIEW), regWith([withResult({ outcome: 'pending' })]), regWith([withResult(PASS)]), OFFICE_MEMBER)).toEqual({ violations: [], notices: [] });
  });

  test('deleting a review with a result is a deletion only', () => {
    const removed: FileChange[] = [{ path: REVIEW, status: 'removed' }];
    expect(rules(removed, regWith([withResult(PASS)]), regWith([]), UNIT_OWNER)).toEqual({ violations: [at(REVIEW, 'pr/deleted-filing', MSG.deletedReview)], notices: [] });
  });

  test('a review\'s push list is the unit\'s to change', () => {
    expect(rules(modified('reviews/2026/jwc-wechat.pushes.csv'), regWith([withResult(PASS)]), regWith([withResult(PASS)]), UNIT_OWNER)).toEqual({ violations: [], notices: [] });
  });
});

describe('checkPrRules(): orders and exemptions are the office\'s', () => {
  const ORDER = { kind: 'suspend' as const, date: '2026-04-01', reason: '长期未更新', reference: '宣传部〔2026〕3号' };
  const EXEMPTION = { rule: 'department-app' as const, date: '2026-04-01', reference: '宣传部〔2026〕4号', reason: '教学需要' };
  const ordered = (id: string) => account({ id, orders: [ORDER] });

  test('a unit adding an order is refused', () => {
    expect(rules(edit, reg(), reg([ordered('jwc-wechat')]), UNIT_OWNER)).toEqual({ violations: [at(WECHAT, 'pr/order-office-only', MSG.order)], notices: [] });
  });

  test('a unit adding an exemption is refused', () => {
    expect(rules(edit, reg(), reg([account({ id: 'jwc-wechat', exemptions: [EXEMPTION] })]), UNIT_OWNER)).toEqual({ violations: [at(WECHAT, 'pr/exemption-office-only', MSG.exemption)], notices: [] });
  });

  test('an order left as it was is no change', () => {
    expect(rules(edit, reg([ordered('jwc-wechat')]), reg([ordered('jwc-wechat')]), UNIT_OWNER)).toEqual({ violations: [], notices: [] });
  });

  test('another account\'s order listed first is not this file\'s', () => {
    const accounts = [ordered('jwc-other'), account({ id: 'jwc-wechat' })];
    expect(rules(edit, reg(accounts), reg(accounts), UNIT_OWNER)).toEqual({ violations: [], notices: [] });
  });

  test('deleting an account with an order is a deletion only', () => {
    const removed: FileChange[] = [{ path: WECHAT, status: 'removed' }];
    expect(rules(removed, reg([ordered('jwc-wechat')]), reg([]), UNIT_OWNER)).toEqual({ violations: [at(WECHAT, 'pr/deleted-filing', MSG.deletedAccount)], notices: [] });
  });

  test('the office may add an order', () => {
    expect(rules(edit, reg(), reg([ordered('jwc-wechat')]), OFFICE_MEMBER)).toEqual({ violations: [], notices: [] });
  });
});

describe('checkPrRules(): ownership findings, exact', () => {
  test('automation filing for someone gets the deferred notice', () => {
    expect(rules(edit, reg(), reg(), { login: 'bot', trusted: true })).toEqual({
      violations: [],
      notices: [{ file: WECHAT, line: 1, column: 1, field: '', code: 'pr/owner-deferred', message: '由登记系统代为提交：提交人是否为本单位登记负责人，由“归口管理部门审核”检查按备案表 Issue 的提交人核实' }],
    });
  });

  test('unknown team membership gets the unverified notice naming the unit', () => {
    expect(rules(edit, reg(), reg(), { login: 'someone' })).toEqual({
      violations: [],
      notices: [{ file: WECHAT, line: 1, column: 1, field: '', code: 'pr/owner-unverified', message: '本检查无法读取团队成员：提交人是否属于单位 jwc 的负责团队，由必需检查“归口管理部门审核”通过 GitHub 接口核实（不属于则不能合并）' }],
    });
  });

  test('a non-owner is told which unit file lists the owners', () => {
    expect(rules(edit, reg(), reg(), { login: 'someone', teams: [] })).toEqual({
      violations: [at(WECHAT, 'pr/not-owner', '提交人不是单位 jwc 的登记负责人（units/jwc.yaml 的 owners），只能为本单位备案')],
      notices: [],
    });
  });

  test.each([
    ['units/jwc.yaml', '该文件只能由归口管理部门修改'],
    ['accounts/newunit/x.mdx', '单位 newunit 尚未登记：新单位须由归口管理部门先登记'],
  ])('%s by a unit owner: %s', (path, message) => {
    expect(rules(modified(path), reg(), reg(), UNIT_OWNER)).toEqual({ violations: [at(path, 'pr/office-only', message)], notices: [] });
  });

  test('a review belongs to its account\'s unit, in the base or new in the PR', () => {
    expect(rules(modified(REVIEW), reg(), reg(), UNIT_OWNER)).toEqual({ violations: [], notices: [] });
    const fresh = account({ id: 'jwc-new', status: 'applied', dates: { applied: '2026-05-10', plannedOpening: '2026-06-01' } });
    const changes: FileChange[] = [{ path: fresh.file, status: 'added' }, { path: 'reviews/2026/jwc-new.pushes.csv', status: 'added' }];
    expect(rules(changes, reg(), reg([account({ id: 'jwc-wechat' }), fresh]), UNIT_OWNER)).toEqual({ violations: [], notices: [] });
  });
});

describe('describeChanges()', () => {
  const named = (id: string, name: string) => account({ id, name });
  const R = (accounts: ReturnType<typeof account>[] = [], groups: ReturnType<typeof group>[] = []): Registry => ({ ...registry({ units: [office, jwc], accounts, groups }), policy });
  const one = (path: string, status: FileChange['status'], base: Registry, head: Registry) => describeChanges([{ path, status }], base, head);
  const wechat = { file: WECHAT, unit: 'jwc', account: 'jwc-wechat', tier: 2, platform: '微信公众号' };

  test('a new account: its unit, id, tier, public name and platform label from the PR', () => {
    expect(one(WECHAT, 'added', R(), R([named('jwc-wechat', '教务处')]))).toStrictEqual([{ ...wechat, kind: 'new', name: '教务处' }]);
  });

  test('a changed account is described by its new name, not by another account listed first', () => {
    const base = R([named('jwc-first', '其他'), named('jwc-wechat', '旧名')]);
    const head = R([named('jwc-first', '其他'), named('jwc-wechat', '新名')]);
    expect(one(WECHAT, 'modified', base, head)).toStrictEqual([{ ...wechat, kind: 'change', name: '新名' }]);
  });

  test('a removed account is described from the base', () => {
    expect(one(WECHAT, 'removed', R([named('jwc-first', '其他'), named('jwc-wechat', '旧名')]), R([named('jwc-first', '其他')]))).toStrictEqual([{ ...wechat, kind: 'change', name: '旧名' }]);
  });

  const closedNamed = closedAccount;
  test.each([
    ['active → closed', [account({ id: 'jwc-wechat' })], [closedNamed('jwc-wechat')], 'closure'],
    ['closed → closed', [closedNamed('jwc-wechat')], [closedNamed('jwc-wechat')], 'change'],
    ['active → active', [account({ id: 'jwc-wechat' })], [account({ id: 'jwc-wechat' })], 'change'],
    ['active → closed, another closed account listed first', [closedNamed('jwc-first'), account({ id: 'jwc-wechat' })], [closedNamed('jwc-first'), closedNamed('jwc-wechat')], 'closure'],
    ['closed → closed, not in the base (it did not load there)', [], [closedNamed('jwc-wechat')], 'closure'],
  ])('%s is a %s', (_why, base, head, kind) => {
    expect(one(WECHAT, 'modified', R(base), R(head))).toStrictEqual([{ ...wechat, kind, name: '账号jwc-wechat' }]);
  });

  test('an account file that loads nowhere keeps its unit and id from the path', () => {
    expect(one('accounts/jwc/broken.mdx', 'modified', R(), R())).toStrictEqual([{ file: 'accounts/jwc/broken.mdx', kind: 'change', unit: 'jwc', account: 'broken' }]);
  });

  test.each(['accounts/jwc/notes.txt', 'accounts/jwc/jwc-wechat.mdx.bak', 'accounts/README.md', 'accounts/jwc/accounts/jwc/jwc-wechat.mdx'])('%s is not an account filing: no unit or id', (path) => {
    expect(one(path, 'modified', R(), R())).toStrictEqual([{ file: path, kind: 'change' }]);
  });

  test('a review names its account, from the PR first, then the base', () => {
    const base = R([named('jwc-wechat', '旧名')]);
    const head = R([named('jwc-first', '其他'), named('jwc-wechat', '新名')]);
    const review = { kind: 'review', unit: 'jwc', account: 'jwc-wechat', tier: 2 };
    expect(describeChanges([{ path: REVIEW, status: 'modified' }, { path: 'reviews/2026/jwc-wechat.pushes.csv', status: 'added' }], base, head)).toStrictEqual([
      { file: REVIEW, ...review, name: '新名' },
      { file: 'reviews/2026/jwc-wechat.pushes.csv', ...review, name: '新名' },
    ]);
    expect(one(REVIEW, 'modified', base, R())).toStrictEqual([{ file: REVIEW, ...review, name: '旧名' }]);
  });

  test.each([
    ['reviews/2026/ghost.yaml', { account: 'ghost' }],
    ['reviews/README.md', {}],
    ['reviews/26/jwc-wechat.yaml', {}],
    ['reviews/old/reviews/2026/jwc-wechat.yaml', {}],
  ])('review path %s → %j', (path, out) => {
    expect(one(path, 'modified', R([account({ id: 'jwc-wechat' })]), R([account({ id: 'jwc-wechat' })]))).toStrictEqual([{ file: path, kind: 'review', ...out }]);
  });

  const g = (id: string, dissolved?: string) => group(id, dissolved ? { dissolved } : {});
  const G = 'groups/jwc/jwc-staff.yaml';
  test.each([
    ['added', [], [g('jwc-staff')], 'new'],
    ['modified', [g('jwc-staff')], [g('jwc-staff')], 'change'],
    ['modified', [g('jwc-staff')], [g('jwc-staff', '2026-04-01')], 'closure'],
    ['modified', [g('jwc-staff', '2026-04-01')], [g('jwc-staff', '2026-04-01')], 'change'],
    ['modified', [g('jwc-first', '2026-04-01'), g('jwc-staff')], [g('jwc-first', '2026-04-01'), g('jwc-staff')], 'change'],
    ['modified', [g('jwc-first', '2026-04-01'), g('jwc-staff')], [g('jwc-first', '2026-04-01'), g('jwc-staff', '2026-04-01')], 'closure'],
    ['modified', [], [g('jwc-staff', '2026-04-01')], 'closure'],
    ['modified', [g('jwc-staff')], [], 'change'],
    ['removed', [g('jwc-staff')], [], 'change'],
  ])('a work group %s (%#) is a %s', (status, base, head, kind) => {
    expect(one(G, status as FileChange['status'], R([], base), R([], head))).toStrictEqual([{ file: G, kind, unit: 'jwc' }]);
  });

  test.each(['groups/README.md', 'groups/Old_Files/groups/jwc/jwc-staff.yaml'])('a group path without a unit folder names no unit: %s', (path) => {
    expect(one(path, 'modified', R(), R())).toStrictEqual([{ file: path, kind: 'change' }]);
  });

  test('units, the policy and pages are "other"; the changes keep their order', () => {
    expect(describeChanges([{ path: 'units/jwc.yaml', status: 'modified' }, { path: 'policy.yaml', status: 'modified' }, { path: G, status: 'added' }], R(), R([], [g('jwc-staff')]))).toStrictEqual([
      { file: 'units/jwc.yaml', kind: 'other' },
      { file: 'policy.yaml', kind: 'other' },
      { file: G, kind: 'new', unit: 'jwc' },
    ]);
  });

  test('no changes, no descriptions', () => expect(describeChanges([], R(), R())).toStrictEqual([]));
});

describe('labels', () => {
  const tierName = (level: number) => ['', '一级平台', '二级平台', '三级平台'][level]!;
  test('kind, tier and unit labels, deduplicated and sorted', () => {
    const changes = [
      { file: 'reviews/2026/tw-x.yaml', kind: 'review' as const, unit: 'tw', tier: 3 },
      { file: WECHAT, kind: 'new' as const, unit: 'jwc', tier: 2 },
      { file: 'accounts/jwc/b.mdx', kind: 'new' as const, unit: 'jwc', tier: 2 },
      { file: 'units/jwc.yaml', kind: 'other' as const },
    ];
    expect(labelsFor(changes, tierName)).toEqual(['单位:jwc', '单位:tw', '备案:其他', '备案:年审', '备案:新开', '级别:三级平台', '级别:二级平台']);
  });
  test('no changes, no labels', () => expect(labelsFor([], tierName)).toEqual([]));
  test('the label texts', () => {
    expect(tierLabel(2, tierName)).toBe('级别:二级平台');
    expect(unitLabel('jwc')).toBe('单位:jwc');
    expect(CHANGE_KIND_LABELS).toEqual({ new: '备案:新开', change: '备案:变更', closure: '备案:停办', review: '备案:年审', other: '备案:其他' });
  });
});

describe('escapeMarkdown()', () => {
  test.each([
    ['a\r\nb\n\nc', 'a b c'],
    ['@admin 和 @qclg/xcb', '@\u200badmin 和 @\u200bqclg/xcb'],
    ['*a* _b_ `c` [d](e) #f +g !h |i <j> ~k {l} \\m', '\\*a\\* \\_b\\_ \\`c\\` \\[d\\]\\(e\\) \\#f \\+g \\!h \\|i \\<j\\> \\~k \\{l\\} \\\\m'],
    ['教务处', '教务处'],
  ])('%j → %j', (s, out) => expect(escapeMarkdown(s)).toBe(out));
});

describe('PrReportSchema: names and platforms are single-line safe text', () => {
  const report = (change: object) => ({ version: 1, ok: true, errors: [], warnings: [], changes: [{ file: WECHAT, kind: 'new', ...change }], violations: [], late: [] });
  test.each([
    [{ name: '教务处', platform: '微信公众号' }, true],
    [{ name: 'a<b' }, false],
    [{ name: 'a\nb' }, false],
    [{ platform: '`x`' }, false],
    [{ platform: 'x>' }, false],
  ])('%j valid: %s', (change, ok) => expect(PrReportSchema.safeParse(report(change)).success).toBe(ok));
});

describe('renderPrComment()', () => {
  const tierName = (level: number) => ['', '一级平台', '二级平台', '三级平台'][level]!;
  const empty = (): PrReport => ({ version: 1, ok: true, errors: [], warnings: [], truncated: 0, changes: [], violations: [], late: [] });
  const ctx = (over: Partial<CommentContext> = {}): CommentContext => ({ officeName: '党委宣传部', officeOwners: [], approvers: [], tierName, ...over });
  const problem = (file: string, line: number, message: string, field = ''): Problem => ({ file, line, column: 1, field, code: 'x/y', message });
  const FOOTER = '以上审核须针对最新提交、且不能由提交人本人批准；齐全后必需检查“归口管理部门审核”通过，方可合并。';
  const SUB = '<sub>此评论由登记系统自动生成并随每次提交更新。联系方式等个人信息不会出现在评论中。';

  test('a clean PR with no content changes and no known owners', () => {
    expect(renderPrComment(empty(), ctx())).toBe([
      PR_COMMENT_MARKER,
      '### ✅ 备案检查通过',
      '',
      '**本次提交**',
      '',
      '- 没有修改登记数据（content/）',
      '',
      '**需要谁审核**',
      '',
      '- 党委宣传部（归口管理部门意见）：见 CODEOWNERS',
      '',
      FOOTER,
      '',
      `${SUB}</sub>`,
    ].join('\n'));
  });

  test('a failing PR: its filings, problems, hints, late filings and approvers, all escaped', () => {
    const report: PrReport = {
      ...empty(),
      ok: false,
      changes: [
        { file: WECHAT, kind: 'new', name: '教务处*', platform: '微信公众号', tier: 2 },
        { file: 'accounts/jwc/jwc-weibo.mdx', kind: 'closure', platform: '微博' },
        { file: REVIEW, kind: 'review', tier: 3 },
        { file: 'units/jwc.yaml', kind: 'other' },
        { file: 'accounts/jwc/x.mdx', kind: 'change' },
      ],
      violations: [at(WECHAT, 'pr/not-owner', '提交人 @jwc 不是负责人')],
      errors: [problem(WECHAT, 12, '日期 *不对*', 'history[0].date'), problem('', 1, '全局问题'), problem('units/jwc.yaml', 0, '第零行')],
      warnings: [problem('', 0, '提示一'), problem('units/jwc.yaml', 3, '提示<二>')],
      late: [{ file: WECHAT, code: 'late/x', message: '逾期 3 天_' }],
    };
    const approvers = [
      { unit: 'jwc', unitName: '教务处', owners: ['@jwc-admin', '@office-lead', '@QCLG/XCB'], role: 'unit' as const },
      { unit: 'jsj', unitName: '计算机[学院]', owners: ['@qclg/xcb'], role: 'parent' as const },
      { unit: 'tw', unitName: '团委', owners: ['@tw-admin', '@qclg/tw'] },
    ];
    expect(renderPrComment(report, ctx({ officeName: '党委_宣传部', officeOwners: ['@qclg/xcb', '@Office-Lead'], approvers, runUrl: 'https://example.org/run/1' }))).toBe([
      PR_COMMENT_MARKER,
      '### ❌ 备案检查未通过：4 个问题需要修改',
      '',
      '**本次提交**',
      '',
      '- 新开备案：`accounts/jwc/jwc-wechat.mdx` — 「教务处\\*」 · 微信公众号 · 二级平台',
      '- 停办报备：`accounts/jwc/jwc-weibo.mdx` — 微博',
      '- 年审材料：`reviews/2026/jwc-wechat.yaml` — 三级平台',
      '- 其他修改：`units/jwc.yaml`',
      '- 信息变更：`accounts/jwc/x.mdx`',
      '',
      '**需要修改的问题**',
      '',
      '| 文件 | 位置 | 问题 |',
      '|---|---|---|',
      '| `accounts/jwc/jwc-wechat.mdx` | 第 1 行 | 提交人 @\u200bjwc 不是负责人 |',
      '| `accounts/jwc/jwc-wechat.mdx` | 第 12 行 history\\[0\\].date | 日期 \\*不对\\* |',
      '| `—` | — | 全局问题 |',
      '| `units/jwc.yaml` | — | 第零行 |',
      '',
      '<details><summary>提示（不影响合并）：2 条</summary>',
      '',
      '- `—`：提示一',
      '- `units/jwc.yaml`：提示\\<二\\>',
      '',
      '</details>',
      '',
      '**逾期报备**（如实记录，不影响合并；逾期情况会计入年审）',
      '',
      '- `accounts/jwc/jwc-wechat.mdx`：逾期 3 天\\_',
      '',
      '**需要谁审核**',
      '',
      '- 教务处（主办单位意见）：`@jwc-admin`',
      '- 计算机\\[学院\\]（上级单位意见）：尚未登记负责账号，由归口管理部门代为审核',
      '- 团委（主办单位意见）：`@tw-admin`、`@qclg/tw`',
      '- 党委\\_宣传部（归口管理部门意见）：`@qclg/xcb`、`@Office-Lead`',
      '',
      FOOTER,
      '',
      `${SUB}[查看检查记录](https://example.org/run/1)</sub>`,
    ].join('\n'));
  });

  const section = (text: string, from: string, to: string) => text.slice(text.indexOf(from), text.indexOf(to)).trimEnd().split('\n');
  const changes = (n: number) => Array.from({ length: n }, (_, i) => ({ file: `units/u${i}.yaml`, kind: 'other' as const }));
  test.each([
    [30, []],
    [31, ['- ……另有 1 个文件']],
  ])('%i changed files: at most 30 listed, then %j', (n, tail) => {
    const lines = section(renderPrComment({ ...empty(), changes: changes(n) }, ctx()), '**本次提交**', '**需要谁审核**');
    expect(lines).toEqual(['**本次提交**', '', ...changes(Math.min(n, 30)).map((c) => `- 其他修改：\`${c.file}\``), ...tail]);
  });

  const problems = (n: number) => Array.from({ length: n }, (_, i) => problem(`units/u${i}.yaml`, 2, `问题${i}`));
  test.each([
    [30, 0, []],
    [31, 0, ['', '……另有 1 个问题，请在“检查备案”运行记录中查看全部。']],
    [2, 5, ['', '……另有 5 个问题，请在“检查备案”运行记录中查看全部。']],
    [30, 3, ['', '……另有 3 个问题，请在“检查备案”运行记录中查看全部。']],
    [31, 7, ['', '……另有 1 个问题，请在“检查备案”运行记录中查看全部。']],
  ])('%i problems listed (30 at most) with %i more found: then %j', (n, truncated, tail) => {
    const text = renderPrComment({ ...empty(), ok: false, errors: problems(n), truncated }, ctx());
    expect(text).toContain(`### ❌ 备案检查未通过：${n} 个问题需要修改\n`);
    expect(section(text, '**需要修改的问题**', '**需要谁审核**')).toEqual([
      '**需要修改的问题**', '', '| 文件 | 位置 | 问题 |', '|---|---|---|',
      ...problems(Math.min(n, 30)).map((p) => `| \`${p.file}\` | 第 2 行 | ${p.message} |`),
      ...tail,
    ]);
  });

  test('violations are counted and listed before the validator\'s errors', () => {
    const text = renderPrComment({ ...empty(), ok: false, violations: [problem('a.yaml', 1, '违规')], errors: [problem('b.yaml', 1, '错误')] }, ctx());
    expect(text).toContain('### ❌ 备案检查未通过：2 个问题需要修改\n');
    expect(text).toContain('| `a.yaml` | 第 1 行 | 违规 |\n| `b.yaml` | 第 1 行 | 错误 |\n');
  });

  test('at most 30 hints and 30 late filings are listed; the hint count is the full one', () => {
    const many = problems(31);
    const text = renderPrComment({ ...empty(), warnings: many, late: many.map((p) => ({ file: p.file, code: 'late/x', message: p.message })) }, ctx());
    expect(section(text, '<details>', '</details>')).toEqual(['<details><summary>提示（不影响合并）：31 条</summary>', '', ...many.slice(0, 30).map((p) => `- \`${p.file}\`：${p.message}`)]);
    expect(section(text, '**逾期报备**', '**需要谁审核**')).toEqual(['**逾期报备**（如实记录，不影响合并；逾期情况会计入年审）', '', ...many.slice(0, 30).map((p) => `- \`${p.file}\`：${p.message}`)]);
  });
});
