// CODEOWNERS decides who must review a unit's filings: each unit, its supervising chain and the
// office. An owner list that drops a supervisor or duplicates a differently-cased login is a
// review that GitHub routes wrongly.
import { describe, expect, test } from 'vitest';
import { CONTENT_PREFIX, officeOwners, renderCodeowners, reviewersOfUnit } from '../../src/domain/codeowners.ts';
import type { Registry } from '../../src/domain/registry.ts';

type Reg = Pick<Registry, 'policy' | 'units'>;
const unit = (id: string, owners: string[], parent?: string, name = `单位${id}`) =>
  ({ file: `units/${id}.yaml`, id, pos: {}, data: { id, name, kind: 'college', status: 'active', headTitle: '书记', owners, ...(parent ? { parent } : {}) } }) as unknown as Registry['units'][number];
const policy = (office: string) => ({ file: 'policy.yaml', id: 'policy', pos: {}, data: { office: { unit: office } } }) as unknown as Registry['policy'];

const reg: Reg = {
  policy: policy('xcb'),
  units: [
    unit('xcb', ['@school/xcb', '@Alice', '@alice']),
    unit('tw', ['@tw-lead'], 'xcb'),
    unit('club', ['@club-head', '@TW-LEAD'], 'tw'),
    unit('jsj', ['@jsj']),
    unit('empty', []),
  ],
};

describe('officeOwners()', () => {
  test('gives the office unit\'s owners, dropping case-insensitive repeats (first spelling kept)', () => {
    expect(officeOwners(reg)).toEqual(['@school/xcb', '@Alice']);
  });
  test.each([
    [{ units: reg.units } as Reg, 'no policy'],
    [{ policy: policy('missing'), units: reg.units }, 'an office unit that does not exist'],
  ])('is empty with %s', (r) => expect(officeOwners(r)).toEqual([]));
});

describe('reviewersOfUnit()', () => {
  test.each([
    ['jsj', ['@jsj', '@school/xcb', '@Alice'], 'a unit\'s own owners, then the office'],
    ['tw', ['@tw-lead', '@school/xcb', '@Alice'], 'a unit whose parent is the office'],
    ['club', ['@club-head', '@TW-LEAD', '@school/xcb', '@Alice'], 'a club: its owners, its parent chain, the office, each once'],
    ['empty', ['@school/xcb', '@Alice'], 'a unit without owners: the office only'],
    ['nowhere', ['@school/xcb', '@Alice'], 'an unknown unit: the office only'],
  ])('%s → %j (%s)', (id, owners) => expect(reviewersOfUnit(reg, id)).toEqual(owners));

  test('stops at a parent cycle instead of looping', () => {
    const cyc: Reg = { policy: policy('x'), units: [unit('a', ['@a'], 'b'), unit('b', ['@b'], 'a'), unit('x', ['@x'])] };
    expect(reviewersOfUnit(cyc, 'a')).toEqual(['@a', '@b', '@x']);
  });
});

describe('renderCodeowners()', () => {
  // Rendered inside each test (not at collection time), so a mutant active during the test is seen.
  const text = () => renderCodeowners(reg);
  const lines = () => text().split('\n');

  test('the header says the file is generated, then a blank line, then the catch-all', () => {
    expect(lines().slice(0, 5)).toEqual([
      '# 由 npm run setup:repo 根据 content/units/*.yaml 的 owners 自动生成，请勿手工修改。',
      "# Generated from the units' owners by `npm run setup:repo -- --write-codeowners`; a test fails when it is stale.",
      '# 归口管理部门审核全部文件；各单位（及其上级单位）审核本单位的备案。',
      '',
      '* @school/xcb @Alice',
    ]);
    expect(lines()[8]).toBe('');
  });

  test('unit sections are sorted by unit id whatever the file order', () => {
    const shuffled: Reg = { policy: reg.policy, units: [...reg.units].reverse() };
    expect(renderCodeowners(shuffled)).toBe(text());
  });

  test('an owner listed twice in different case is listed once', () => {
    const r: Reg = { policy: policy('xcb'), units: [unit('xcb', ['@x']), unit('a', ['@Dup', '@DUP', '@dup'])] };
    expect(renderCodeowners(r)).toContain('/content/accounts/a/ @Dup @x\n');
  });

  test('the office owns everything, .github, the policy and the units folder', () => {
    expect(lines()).toContain('* @school/xcb @Alice');
    expect(lines()).toContain('/.github/ @school/xcb @Alice');
    expect(lines()).toContain(`/${CONTENT_PREFIX}/policy.yaml @school/xcb @Alice`);
    expect(lines()).toContain('/content/units/ @school/xcb @Alice');
    expect(lines()[0]).toMatch(/^# 由 npm run setup:repo/);
  });

  test('each unit with owners beyond the office gets its accounts and groups folders, sorted by id', () => {
    const unitLines = lines().filter((l) => l.startsWith('/content/accounts/') || l.startsWith('/content/groups/'));
    expect(unitLines).toEqual([
      '/content/accounts/club/ @club-head @TW-LEAD @school/xcb @Alice',
      '/content/groups/club/ @club-head @TW-LEAD @school/xcb @Alice',
      '/content/accounts/jsj/ @jsj @school/xcb @Alice',
      '/content/groups/jsj/ @jsj @school/xcb @Alice',
      '/content/accounts/tw/ @tw-lead @school/xcb @Alice',
      '/content/groups/tw/ @tw-lead @school/xcb @Alice',
    ]);
    const all = lines();
    expect(all[all.indexOf('/content/accounts/jsj/ @jsj @school/xcb @Alice') - 1]).toBe('# 单位jsj');
    expect(all[all.indexOf('/content/groups/jsj/ @jsj @school/xcb @Alice') + 1]).toBe('');
  });

  test('units with no owners beyond the office (the office itself, ownerless units) get no lines', () => {
    expect(text()).not.toContain('/content/accounts/xcb/');
    expect(text()).not.toContain('/content/accounts/empty/');
  });

  test('ends with exactly one newline and has no trailing blank lines', () => {
    expect(text().endsWith('@Alice\n')).toBe(true);
    expect(text().endsWith('\n\n')).toBe(false);
  });

  test('without an office team it writes a placeholder that GitHub rejects rather than an empty owner list', () => {
    const out = renderCodeowners({ units: [unit('jsj', ['@jsj'])] });
    expect(out.split('\n')).toContain('* @OFFICE-TEAM-NOT-SET');
    expect(out.split('\n')).toContain('/content/accounts/jsj/ @jsj');
  });
});
