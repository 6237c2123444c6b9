// Who may change what in a pull request: the author must be an owner of the unit (or the office),
// compared as whole logins and team slugs, never by prefix; filings are never deleted; approval
// fields belong to the approval job; a closed account stays closed.
import { describe, expect, test } from 'vitest';
import { checkPrRules, owningUnit, type FileChange, type PrAuthor } from '../../src/domain/pr-report.ts';
import type { Registry } from '../../src/domain/registry.ts';
import { account, registry, unit } from '../obligations-fixtures.ts';

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
