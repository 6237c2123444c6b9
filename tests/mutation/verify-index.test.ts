// The verifier's index and its tables called in process: the index format helpers (hash, slices,
// sources), the impostor report links, the index builder on a small hand-made public site, and the
// name tables. The tables module caches its OpenCC map, its GB 2312 list and its readings for the
// whole process, so the tests of those caches load a fresh copy of the module (a `?fresh=` import).
import * as OpenCC from 'opencc-js/t2cn';
import { describe, expect, test, vi } from 'vitest';
import type { PublicAccount, PublicImpostor, PublicPolicy, PublicSite, PublicUnit } from '../../src/domain/public.ts';
import { emptyRegistry } from '../../src/domain/registry.ts';
import { buildVerifyIndex, displayIds, protectedSchoolNames, recordKeys, verifyIndexFiles } from '../../src/domain/verify/build-index.ts';
import { publicSiteOf, verifyIndexFromRegistry } from '../../src/domain/verify/from-registry.ts';
import { STUFFING_WORDS, loosen, nameSkeleton } from '../../src/domain/verify/names.ts';
import { normalizeInput } from '../../src/domain/verify/normalize.ts';
import { REPORT_LABEL, REPORT_TEMPLATE, reportFieldsFor, reportIssueUrl, reportMailto, reportTitle } from '../../src/domain/verify/report.ts';
import { buildNameTables } from '../../src/domain/verify/tables.ts';
import type { VerifyResult } from '../../src/domain/verify/verdict.ts';
import { ImpostorSchema } from '../../src/domain/schema/impostor.ts';
import { buildPublicSiteOn } from '../../src/domain/public.ts';
import { account as filedAccount, presetPolicy, registry as filedRegistry, review as filedReview } from '../obligations-fixtures.ts';
import {
  VERIFY_INDEX_VERSION,
  fetchSource,
  hashKey,
  memorySource,
  sliceOf,
  type KeySlice,
  type VerifyIndex,
  type VerifyManifest,
} from '../../src/domain/verify/verify-index.ts';

type TablesModule = typeof import('../../src/domain/verify/tables.ts');
let freshCount = 0;
/** A copy of tables.ts with empty caches. */
async function freshTables(): Promise<TablesModule> {
  return (await import(/* @vite-ignore */ `../../src/domain/verify/tables.ts?fresh=${freshCount++}`)) as TablesModule;
}

// ---------------------------------------------------------------------------------------------
describe('verify-index: hashing, slices and sources', () => {
  test('the index format version is 1', () => {
    expect(VERIFY_INDEX_VERSION).toBe(1);
  });

  test('hashKey is FNV-1a 32-bit as 8 lower-case hex digits, zero-padded', () => {
    expect(hashKey('')).toBe('811c9dc5');
    expect(hashKey('a')).toBe('e40c292c');
    expect(hashKey('k113547')).toBe('0000f1e5');
    expect(hashKey('weibo:uid:1234567890')).toMatch(/^[0-9a-f]{8}$/);
  });

  test('sliceOf takes the first `prefix` hex digits of the hash', () => {
    expect(sliceOf('a', 1)).toBe('e');
    expect(sliceOf('a', 2)).toBe('e4');
    expect(sliceOf('k113547', 2)).toBe('00');
  });

  const manifest = (): VerifyManifest => ({
    version: 1, asOf: '2026-11-21', prefix: 1, slices: ['e'], school: { name: '青川理工学院', shortNames: ['青川理工'] },
    report: { repo: null, email: null, office: null }, counts: { accounts: 1, impostors: 0 },
  });
  const slice = (): KeySlice => ({ entries: [{ t: 'a', id: 'x', name: '甲', platform: 'weibo', platformLabel: '微博', status: 'active' }], keys: { a: [0] } });

  test('memorySource serves the manifest, the slices, an empty slice for an unknown id, and the names', async () => {
    const names = { entries: [], former: [], protected: [], tables: { t2s: '', py: {} } };
    const index: VerifyIndex = { manifest: manifest(), slices: { e: slice() }, names };
    const src = memorySource(index);
    expect(src.manifest).toBe(index.manifest);
    expect(await src.slice('e')).toBe(index.slices.e);
    expect(await src.slice('0')).toEqual({ entries: [], keys: {} });
    expect(await src.names()).toBe(names);
  });

  test('fetchSource fetches each file at most once and never a slice the manifest does not list', async () => {
    const asked: string[] = [];
    const files: Record<string, unknown> = { 'e.json': slice(), 'names.json': { entries: [], former: [], protected: [], tables: { t2s: '', py: {} } } };
    const src = fetchSource(manifest(), async (f) => {
      asked.push(f);
      return files[f];
    });
    expect(src.manifest).toEqual(manifest());
    expect(await src.slice('e')).toEqual(slice());
    expect(await src.slice('e')).toEqual(slice());
    expect(await src.slice('3')).toEqual({ entries: [], keys: {} });
    expect(await src.names()).toEqual(files['names.json']);
    expect(await src.names()).toBe(files['names.json']);
    expect(asked).toEqual(['e.json', 'names.json']);
  });
});

// ---------------------------------------------------------------------------------------------
describe('report: the impostor report links', () => {
  test('the template and the label are the issue form’s', () => {
    expect(REPORT_TEMPLATE).toBe('report-impersonation.yml');
    expect(REPORT_LABEL).toBe('冒用举报');
  });

  test('the title names the account, else its link, else says it is unknown; at most 80 characters', () => {
    expect(reportTitle({ name: '青川理工官方', link: 'https://weibo.com/u/1' })).toBe('[冒用举报] 青川理工官方');
    expect(reportTitle({ name: '', link: 'https://weibo.com/u/1' })).toBe('[冒用举报] https://weibo.com/u/1');
    expect(reportTitle({})).toBe('[冒用举报] 未知账号');
    expect(reportTitle({ name: '甲'.repeat(100) })).toBe(`[冒用举报] ${'甲'.repeat(80)}`);
    expect(reportTitle({ name: '乙'.repeat(600) })).toBe(`[冒用举报] ${'乙'.repeat(80)}`);
  });

  test('the issue URL carries the template, label, title and every non-empty trimmed field, spaces as %20', () => {
    const url = reportIssueUrl('https://github.com/org/repo//', { platform: '微博', link: '  https://weibo.com/u/1  ', name: 'a b', seen: '   ' });
    const q = new URLSearchParams();
    q.set('template', 'report-impersonation.yml');
    q.set('labels', '冒用举报');
    q.set('title', '[冒用举报] a b');
    q.set('platform', '微博');
    q.set('link', 'https://weibo.com/u/1');
    q.set('name', 'a b');
    expect(url).toBe(`https://github.com/org/repo/issues/new?${q.toString().replace(/\+/g, '%20')}`);
    expect(url).toContain('name=a%20b');
    expect(url).not.toContain('seen=');
    expect(reportIssueUrl('https://github.com/org/repo', {})).toBe(
      `https://github.com/org/repo/issues/new?template=report-impersonation.yml&labels=${encodeURIComponent('冒用举报')}&title=${encodeURIComponent('[冒用举报] 未知账号')}`,
    );
  });

  test('a field is cut at 500 characters with an ellipsis; 500 characters stay whole', () => {
    const at = (url: string, k: string) => new URL(url).searchParams.get(k);
    expect(at(reportIssueUrl('https://github.com/o/r', { seen: 'x'.repeat(500) }), 'seen')).toBe('x'.repeat(500));
    expect(at(reportIssueUrl('https://github.com/o/r', { seen: 'x'.repeat(501) }), 'seen')).toBe(`${'x'.repeat(500)}…`);
  });

  test('the mailto link has the title as subject and one line per field, empty fields left blank', () => {
    const m = reportMailto('report@qclg.edu.cn', { platform: '微博', link: 'https://weibo.com/u/1', name: '青川理工官方', seen: '朋友圈' });
    const body = ['举报冒用学校名义的新媒体账号', '平台：微博', '链接或账号ID：https://weibo.com/u/1', '账号名称：青川理工官方', '在哪里看到：朋友圈', '截图：请作为附件添加'].join('\n');
    expect(m).toBe(`mailto:report@qclg.edu.cn?subject=${encodeURIComponent('[冒用举报] 青川理工官方')}&body=${encodeURIComponent(body)}`);
    const empty = reportMailto('r@x.cn', {});
    const emptyBody = ['举报冒用学校名义的新媒体账号', '平台：', '链接或账号ID：', '账号名称：', '在哪里看到：', '截图：请作为附件添加'].join('\n');
    expect(empty).toBe(`mailto:r@x.cn?subject=${encodeURIComponent('[冒用举报] 未知账号')}&body=${encodeURIComponent(emptyBody)}`);
    const long = reportMailto('r@x.cn', { seen: 'y'.repeat(501) });
    expect(decodeURIComponent(long.split('&body=')[1]!).split('\n')[4]).toBe(`在哪里看到：${'y'.repeat(494)}…`);
  });

  const result = (input: string, platform: string | null): VerifyResult => ({ normalized: normalizeInput(input), platform }) as unknown as VerifyResult;

  test('a verdict on a link suggests the platform’s Chinese name and the link', () => {
    expect(reportFieldsFor(result('https://weibo.com/u/1234567890', 'weibo'))).toStrictEqual({ platform: '微博', link: 'https://weibo.com/u/1234567890' });
  });

  test('an unknown platform id is reported as written; an ID is reported as the link', () => {
    expect(reportFieldsFor(result('gh_0123456789ab', 'no-such-platform'))).toStrictEqual({ platform: 'no-such-platform', link: 'gh_0123456789ab' });
  });

  test('a link inside share text is reported as the link alone', () => {
    expect(reportFieldsFor(result('看看 https://weibo.com/u/1234567890', 'weibo'))).toStrictEqual({ platform: '微博', link: 'https://weibo.com/u/1234567890' });
  });

  test('a name is reported as the name only, and an empty input suggests nothing', () => {
    expect(reportFieldsFor(result('青川理工学院', null))).toStrictEqual({ name: '青川理工学院' });
    expect(reportFieldsFor(result('', null))).toStrictEqual({});
  });
});

// ---------------------------------------------------------------------------------------------
function policy(over: Partial<PublicPolicy['school']> = {}): PublicPolicy {
  return {
    school: { name: '青川理工学院', shortNames: ['青川理工'], englishName: null, protectedNames: [], domains: [], ...over },
    office: { name: '党委宣传部', reportEmail: 'report@qclg.edu.cn' },
    document: { title: '办法', number: null, published: null },
    tiers: [],
    annualReview: { required: true, due: '03-31' },
    personalAccounts: '',
    platforms: [],
    specialRules: [],
  };
}

function account(over: Partial<PublicAccount> & { id: string }): PublicAccount {
  return {
    name: '甲', formerNames: [], platform: 'weibo', platformLabel: '微博', keys: [], link: null, unit: 'xb', unitName: '党委宣传部', coUnits: [],
    operator: null, dormant: null, tier: 2, tierName: '二级平台', status: 'active', state: 'active', stateLabel: '正常运营', stateReason: null, filing: 'new',
    purpose: '', contentScope: null, verification: null, approval: null, dates: { applied: null, plannedOpening: null, opened: null, closed: null },
    closureReason: null, lastReview: null, history: [], descriptionHtml: '',
    ...over,
  };
}

function impostor(over: Partial<PublicImpostor> & { id: string }): PublicImpostor {
  return { name: '乙', platform: 'weibo', platformLabel: '微博', keys: [], link: null, imitates: null, reported: '2026-02-01', confirmed: '2026-03-01', description: '', action: null, ...over };
}

function unit(id: string, name: string, shortName: string | null = null): PublicUnit {
  return { id, name, shortName, kind: 'office', kindLabel: '机关部门', parent: null, status: 'active', statusLabel: '正常', statusDate: null, successor: null };
}

const UID = (v: string) => ({ kind: 'uid', label: '微博UID', value: v });

function site(): PublicSite {
  return {
    asOf: '2026-11-21',
    policy: policy({ englishName: 'Qingchuan Institute of Science and Technology', domains: ['www.qclg.edu.cn'] }),
    accounts: [
      account({
        id: 'main', name: '青川理工学院', formerNames: ['川工之声'], keys: [UID('1234567890'), { kind: 'url', label: '主页链接', value: 'https://weibo.com/qclg' }],
        link: 'https://weibo.com/u/1234567890', coUnits: [{ id: 'jsj', name: '计算机学院' }], operator: '青川传媒公司', stateReason: '不显示',
      }),
      account({ id: 'closed', name: '青川团委', status: 'closed', state: 'overdue', stateLabel: '年审逾期', stateReason: '未年审', keys: [UID('222')], dates: { applied: null, plannedOpening: null, opened: null, closed: '2025-12-31' } }),
      account({ id: 'closed2', name: '青川图书馆', status: 'closed', state: 'dormant', dormant: { since: '2025-01-01', reason: '无人' }, keys: [UID('333')] }),
      account({ id: 'susp', name: '青川学工', state: 'suspended', stateLabel: '暂停运行', stateReason: '年审不合格', keys: [UID('444')], dates: { applied: null, plannedOpening: null, opened: null, closed: '2026-01-01' } }),
      account({ id: 'dorm', name: '青川后勤', state: 'dormant', dormant: { since: '2025-09-01', reason: '人员调整' }, keys: [UID('555')] }),
      account({ id: 'dorm2', name: '青川校医', state: 'dormant', dormant: { since: '2025-10-01', reason: null }, stateReason: '不显示', keys: [UID('666')] }),
      account({ id: 'over', name: '青川招生', state: 'overdue', stateLabel: '年审逾期', stateReason: '2025 年度年审未提交', keys: [UID('777')] }),
      account({ id: 'over2', name: '青川就业', state: 'overdue', stateLabel: '年审逾期', stateReason: null, keys: [UID('888')] }),
      account({ id: 'applied', name: '青川新闻', status: 'applied', state: 'applied', dormant: { since: '2025-01-01', reason: '无' } }),
    ],
    units: [unit('xb', '党委宣传部', '宣传部'), unit('jsj', '计算机学院'), unit('dup', '青川理工'), unit('odd', '※')],
    impostors: [
      impostor({ id: 'imp-1', name: '青川理工学院官方', keys: [UID('999')], imitates: { id: 'main', name: '青川理工学院' } }),
      impostor({ id: 'imp-2', name: '青川理工发布', link: 'https://weibo.com/u/1234567890' }),
    ],
  };
}

describe('build-index: the verify index of a public site', () => {
  test('displayIds shows at most three IDs a person can read, never the addresses', () => {
    expect(displayIds([])).toEqual([]);
    expect(
      displayIds([
        { kind: 'url', label: '链接', value: 'https://x' },
        { kind: 'uid', label: '微博UID', value: '1' },
        { kind: 'short', label: '短链接', value: 'https://y' },
        { kind: 'a', label: 'A', value: '2' },
        { kind: 'b', label: 'B', value: '3' },
        { kind: 'c', label: 'C', value: '4' },
      ]),
    ).toEqual(['微博UID：1', 'A：2', 'B：3']);
  });

  test('recordKeys: canonical filed keys, the link keys of addresses, and the link’s keys on the same platform', () => {
    expect(recordKeys('weibo', [UID('1234567890'), { kind: 'url', value: 'https://weibo.com/QCLG/' }], 'https://weibo.com/u/1234567890')).toEqual([
      'weibo:uid:1234567890',
      'weibo:url:https://weibo.com/QCLG',
      'link:url:https://weibo.com/QCLG',
      'link:url:https://weibo.com/u/1234567890',
    ]);
    expect(recordKeys('douyin', [{ kind: 'short', value: 'https://v.douyin.com/AbC123/' }], null)).toEqual(['douyin:short:https://v.douyin.com/AbC123', 'link:url:https://v.douyin.com/AbC123']);
    expect(recordKeys('wechat-mp', [{ kind: 'gh', value: 'gh_0123456789ab' }], 'https://weibo.com/u/5555555555')).toEqual(['wechat-mp:gh:gh_0123456789ab', 'link:url:https://weibo.com/u/5555555555']);
    expect(recordKeys('weibo', [UID('1'), UID('1')], '')).toEqual(['weibo:uid:1']);
  });

  test('protectedSchoolNames lists the full names, short and protected names, variants and Latin abbreviations', () => {
    const out = protectedSchoolNames({
      name: '青川理工学院', shortNames: ['青川理工'], englishName: 'The Qingchuan Berlin Institute OF Science and Technology', protectedNames: ['青理'], protectedPrefixes: ['青理'],
      domains: ['www.qclg.edu.cn', 'qc.edu.cn', 'my-school.cn', 'abcd', 'qclg2.edu.cn', 'abcdwww.cn'],
    });
    expect(out).toStrictEqual([
      { name: '青川理工学院', kind: 'school' },
      { name: '青川理工', kind: 'short' },
      { name: '青理', kind: 'short', prefix: true },
      { name: '青川理工大学', kind: 'variant', note: '把“学院”换成了“大学”，学校全称“青川理工学院”' },
      { name: '青川理工学校', kind: 'variant', note: '把“学院”换成了“学校”，学校全称“青川理工学院”' },
      { name: '青川理工学', kind: 'variant', note: '截去了“院”，学校全称“青川理工学院”' },
      { name: 'qclg', kind: 'latin' },
      { name: 'abcd', kind: 'latin' },
      { name: 'abcdwww', kind: 'latin' },
      { name: 'qbist', kind: 'latin' },
    ]);
  });

  test('a name of two schools is split; without the optional lists nothing else is added; three initials are too few', () => {
    const out = protectedSchoolNames({ name: ' 宁夏职业技术学院  宁夏开放大学 ', shortNames: ['Stryker was here'], englishName: 'Jia Yi University', protectedNames: undefined as unknown as string[], domains: undefined as unknown as string[] });
    expect(out.filter((p) => p.kind !== 'variant')).toStrictEqual([
      { name: '宁夏职业技术学院', kind: 'school' },
      { name: '宁夏开放大学', kind: 'school' },
      { name: 'Stryker was here', kind: 'short' },
    ]);
    const whose = out.filter((p) => p.kind === 'variant').map((p) => p.note!.split('，')[1]);
    expect(whose).toContain('学校全称“宁夏职业技术学院”');
    expect(whose).toContain('学校全称“宁夏开放大学”');
    expect(protectedSchoolNames({ name: '甲乙学院', shortNames: [], englishName: 'A B C D', protectedNames: [], domains: ['abc.cn'] }).filter((p) => p.kind === 'latin')).toEqual([{ name: 'abcd', kind: 'latin' }]);
  });

  test('every record becomes one entry with the state the site shows', () => {
    const idx = buildVerifyIndex(site(), { prefix: 0 });
    const common = { t: 'a', platform: 'weibo', platformLabel: '微博', unit: 'xb', unitName: '党委宣传部' } as const;
    expect(idx.names.entries).toStrictEqual([
      { ...common, id: 'main', name: '青川理工学院', status: 'active', coUnits: [{ id: 'jsj', name: '计算机学院' }], operator: '青川传媒公司', ids: ['微博UID：1234567890'] },
      { ...common, id: 'closed', name: '青川团委', status: 'closed', ids: ['微博UID：222'], closed: '2025-12-31' },
      { ...common, id: 'closed2', name: '青川图书馆', status: 'closed', ids: ['微博UID：333'] },
      { ...common, id: 'susp', name: '青川学工', status: 'suspended', ids: ['微博UID：444'], reason: '年审不合格' },
      { ...common, id: 'dorm', name: '青川后勤', status: 'dormant', dormantSince: '2025-09-01', reason: '人员调整', ids: ['微博UID：555'] },
      { ...common, id: 'dorm2', name: '青川校医', status: 'dormant', dormantSince: '2025-10-01', ids: ['微博UID：666'] },
      { ...common, id: 'over', name: '青川招生', status: 'active', ids: ['微博UID：777'], label: '年审逾期', reason: '2025 年度年审未提交' },
      { ...common, id: 'over2', name: '青川就业', status: 'active', ids: ['微博UID：888'], label: '年审逾期' },
      { ...common, id: 'applied', name: '青川新闻', status: 'applied' },
      { t: 'i', id: 'imp-1', name: '青川理工学院官方', platform: 'weibo', platformLabel: '微博', status: 'impostor', confirmed: '2026-03-01', imitates: 'main' },
      { t: 'i', id: 'imp-2', name: '青川理工发布', platform: 'weibo', platformLabel: '微博', status: 'impostor', confirmed: '2026-03-01' },
    ]);
  });

  test('key slices hold each entry once and list, per key, every entry holding it', () => {
    const idx = buildVerifyIndex(site(), { prefix: 0 });
    const e = idx.names.entries;
    expect(Object.keys(idx.slices)).toEqual(['']);
    const s = idx.slices['']!;
    expect(s.entries).toEqual([e[0], e[1], e[2], e[3], e[4], e[5], e[6], e[7], e[9], e[10]]);
    expect(s.entries[0]).toBe(e[0]);
    expect(s.keys).toStrictEqual({
      'weibo:uid:1234567890': [0, 9],
      'weibo:url:https://weibo.com/qclg': [0],
      'link:url:https://weibo.com/qclg': [0],
      'link:url:https://weibo.com/u/1234567890': [0, 9],
      'weibo:uid:222': [1],
      'weibo:uid:333': [2],
      'weibo:uid:444': [3],
      'weibo:uid:555': [4],
      'weibo:uid:666': [5],
      'weibo:uid:777': [6],
      'weibo:uid:888': [7],
      'weibo:uid:999': [8],
    });
    expect(idx.manifest.slices).toEqual(['']);
  });

  test('with the default prefix, keys go to the slice of their hash’s first digit, listed in order', () => {
    const idx = buildVerifyIndex(site());
    expect(idx.manifest.prefix).toBe(1);
    const expected: Record<string, KeySlice> = {};
    const zero = buildVerifyIndex(site(), { prefix: 0 }).slices['']!;
    zero.entries.forEach((entry, i) => {
      for (const [key, at] of Object.entries(zero.keys)) {
        if (!at.includes(i)) continue;
        const s = (expected[sliceOf(key, 1)] ??= { entries: [], keys: {} });
        let j = s.entries.findIndex((x) => x.id === entry.id && x.t === entry.t);
        if (j < 0) j = s.entries.push(entry) - 1;
        (s.keys[key] ??= []).push(j);
      }
    });
    expect(idx.slices).toEqual(expected);
    expect(idx.manifest.slices).toEqual(Object.keys(expected).sort());
    expect(idx.manifest.slices.length).toBeGreaterThan(3);
  });

  test('the manifest carries the day, the school, the report settings (repo without trailing slash) and the counts', () => {
    expect(buildVerifyIndex(site(), { prefix: 0, reportRepo: 'https://github.com/org/repo//' }).manifest).toStrictEqual({
      version: 1,
      asOf: '2026-11-21',
      prefix: 0,
      slices: [''],
      school: { name: '青川理工学院', shortNames: ['青川理工'] },
      report: { repo: 'https://github.com/org/repo', email: 'report@qclg.edu.cn', office: '党委宣传部' },
      counts: { accounts: 9, impostors: 2 },
    });
    expect(buildVerifyIndex(site(), { prefix: 0, reportRepo: null }).manifest.report.repo).toBeNull();
    expect(buildVerifyIndex(site(), { prefix: 0 }).manifest.report.repo).toBeNull();
  });

  test('the names slice has former names, protected names one per skeleton, and the tables of every name', () => {
    const s = site();
    const idx = buildVerifyIndex(s, { prefix: 0 });
    expect(idx.names.former).toEqual([[0, '川工之声']]);
    expect(idx.names.protected).toStrictEqual([
      { name: '青川理工学院', kind: 'school' },
      { name: '青川理工', kind: 'short' },
      { name: '青川理工大学', kind: 'variant', note: '把“学院”换成了“大学”，学校全称“青川理工学院”' },
      { name: '青川理工学校', kind: 'variant', note: '把“学院”换成了“学校”，学校全称“青川理工学院”' },
      { name: '青川理工学', kind: 'variant', note: '截去了“院”，学校全称“青川理工学院”' },
      { name: 'qclg', kind: 'latin' },
      { name: 'qist', kind: 'latin' },
      { name: 'qclgxy', kind: 'latin' },
      { name: '党委宣传部', kind: 'unit', unit: 'xb' },
      { name: '宣传部', kind: 'unit', unit: 'xb' },
      { name: '计算机学院', kind: 'unit', unit: 'jsj' },
    ]);
    const names = [
      '青川理工学院', '川工之声', '青川团委', '青川图书馆', '青川学工', '青川后勤', '青川校医', '青川招生', '青川就业', '青川新闻', '青川理工学院官方', '青川理工发布',
      '青川理工学院', '青川理工', '青川理工大学', '青川理工学校', '青川理工学', 'qclg', 'qist',
      '党委宣传部', '宣传部', '计算机学院', '青川理工', '※',
    ];
    expect(idx.names.tables).toEqual(buildNameTables(names));
    expect(nameSkeleton('青川理工學院', idx.names.tables)).toBe('青川理工学院');
  });

  test('initials of the full and short Chinese names are protected from four letters on', () => {
    const s: PublicSite = { ...site(), policy: policy({ name: '青川学院', shortNames: ['青川', '青川理工'] }), accounts: [], impostors: [], units: [] };
    expect(buildVerifyIndex(s).names.protected.filter((p) => p.kind === 'latin')).toEqual([{ name: 'qcxy', kind: 'latin' }, { name: 'qclg', kind: 'latin' }]);
    expect(buildVerifyIndex(s).manifest.slices).toEqual([]);
  });

  test('up to 4,000 keys one hex digit names a slice, above that two', () => {
    const many = (n: number): PublicSite => ({ ...site(), impostors: [], accounts: [account({ id: 'm', keys: Array.from({ length: n }, (_, i) => UID(String(i))) })] });
    expect(buildVerifyIndex(many(4000)).manifest.prefix).toBe(1);
    expect(buildVerifyIndex(many(4001)).manifest.prefix).toBe(2);
    expect(buildVerifyIndex(many(4001), { prefix: 1 }).manifest.prefix).toBe(1);
  });

  test('verifyIndexFiles writes the manifest, the names and one file per slice', () => {
    const idx = buildVerifyIndex(site());
    const files = verifyIndexFiles(idx);
    expect(Object.keys(files).sort()).toEqual(['manifest.json', 'names.json', ...idx.manifest.slices.map((id) => `${id}.json`)].sort());
    expect(files['manifest.json']).toBe(idx.manifest);
    expect(files['names.json']).toBe(idx.names);
    for (const id of idx.manifest.slices) expect(files[`${id}.json`]).toBe(idx.slices[id]);
  });
});

// ---------------------------------------------------------------------------------------------
describe('tables: readings and name tables', () => {
  test('readingOf gives the toneless primary reading with ü kept, and nothing for a character without one', async () => {
    const t = await freshTables();
    expect(t.readingOf('青')).toBe('qing');
    expect(t.readingOf('绿')).toBe('lü');
    expect(t.readingOf('〇')).toBe('ling');
    expect(t.readingOf('𠀀')).toBe('');
    expect(t.readingOf('1')).toBe('');
    expect(t.readingOf('')).toBe('');
    expect(t.readingOf('青')).toBe('qing');
  });

  test('readingOf asks pinyin-pro once per character', async () => {
    const asked: string[] = [];
    vi.doMock('pinyin-pro', async (orig) => {
      const real = (await orig()) as typeof import('pinyin-pro');
      return { ...real, pinyin: ((s: string, o: unknown) => (asked.push(s), (real.pinyin as (a: string, b: unknown) => unknown)(s, o))) as typeof real.pinyin };
    });
    try {
      const t = await freshTables();
      expect([t.readingOf('川'), t.readingOf('川'), t.readingOf('𠀀'), t.readingOf('𠀀')]).toEqual(['chuan', 'chuan', '', '']);
      expect(asked).toEqual(['川', '𠀀']);
    } finally {
      vi.doUnmock('pinyin-pro');
    }
  });

  test('buildNameTables maps every traditional form of the names’ characters and lists their common homophones', async () => {
    const t = await freshTables();
    // 學 → 学 (BMP), 䊷 → 䌶 (Extension A), 痺 → 痹 (only the Taiwan variant converts), 衞 → 卫 (only
    // the Hong Kong variant), 奥/儿: homophones from GB 2312's last row (鳌) and last column (二),
    // 汨 folds to 汩 (gu) before its reading is taken.
    const names = ['青川學院', '䌶', '痹', '卫', '奥儿', '汨', '犇'];
    const tables = t.buildNameTables(names);
    const cps = Array.from(tables.t2s);
    expect(cps.length % 2).toBe(0);
    const pairs: Array<[string, string]> = [];
    for (let i = 0; i < cps.length; i += 2) pairs.push([cps[i]!, cps[i + 1]!]);
    const joined = pairs.map(([a, b]) => a + b);
    for (const p of ['學学', '䊷䌶', '痺痹', '衞卫', '發发', '網网']) expect(joined).toContain(p);
    // Every pair is what OpenCC says (t, then tw, then hk: the first that changes the character).
    const convs = (['t', 'tw', 'hk'] as const).map((from) => OpenCC.Converter({ from, to: 'cn' }));
    const wrong = pairs.filter(([tc, sc]) => tc === sc || convs.map((c) => c(tc)).find((x) => x !== tc) !== sc);
    expect(wrong).toEqual([]);
    // Sorted by the traditional character, each once.
    const trad = pairs.map(([a]) => a);
    expect(trad.every((c, i) => i === 0 || trad[i - 1]! < c)).toBe(true);
    // Readings: sorted syllables, each listing distinct characters read that way.
    expect(Object.keys(tables.py)).toEqual(Object.keys(tables.py).sort());
    for (const [r, chars] of Object.entries(tables.py)) {
      expect(new Set(Array.from(chars)).size).toBe(Array.from(chars).length);
      for (const ch of chars) expect(t.readingOf(ch)).toBe(r);
    }
    expect(tables.py.ao).toContain('鳌');
    expect(tables.py.er).toContain('二');
    expect(tables.py.gu).toContain('汩');
    expect(tables.py.qing).toContain('青');
    expect(tables.py.qin).toContain('秦');
    expect(tables.py.xue).toContain('学');
    expect(tables.py.wei).toContain('卫');
    // Only syllables (near-)read in the names or the stuffing words.
    const syllables = new Set([...names, ...STUFFING_WORDS].flatMap((n) => Array.from(nameSkeleton(n, tables)).concat(Array.from(n))).map((c) => loosen(t.readingOf(c))));
    expect(Object.keys(tables.py).filter((r) => !syllables.has(loosen(r)))).toEqual([]);
    expect(tables.py.kuo).toBeUndefined();
    // Only Han characters, simplified: 學 is read through 学; a name's character outside GB 2312 (犇) is listed too.
    expect(Object.values(tables.py).join('')).toMatch(/^\p{Script=Han}+$/u);
    expect(tables.py.xue).not.toContain('學');
    expect(tables.py.ben).toContain('犇');
    // Traditional forms of the homophones too (鰲 → 鳌), and only of characters that matter (no 東 → 东).
    expect(joined).toContain('鰲鳌');
    expect(joined).not.toContain('東东');
    const listed = new Set([...Object.values(tables.py).join(''), ...names.join('')]);
    expect(pairs.filter(([, sc]) => !listed.has(sc))).toEqual([]);
    // A second build on the same module gives the same tables.
    expect(t.buildNameTables(names)).toEqual(tables);
  });
});

// ---------------------------------------------------------------------------------------------
describe('from-registry: the index of a loaded registry', () => {
  const TODAY = '2026-11-21';

  test('a registry without a policy has no public site and no index', () => {
    expect(publicSiteOf(emptyRegistry(), TODAY)).toBeNull();
    expect(verifyIndexFromRegistry(emptyRegistry(), TODAY)).toBeNull();
  });

  test('the registry goes through the public projection with the deadline rules, then the builder', () => {
    const pol = presetPolicy('003');
    const a = filedAccount({ id: 'jwc-mp', name: '青川教务', dates: { applied: '2025-01-01', opened: '2025-01-20' } });
    const b = filedAccount({ id: 'jsj-mp', name: '青川计算机', unit: 'jsj', keys: [{ kind: 'gh', value: 'gh_0123456789ac' }], dates: { applied: '2025-01-01', opened: '2025-01-20' } });
    a.html = '<p>教务</p>';
    const rv = filedReview('jwc-mp', 2025, '2025-12-15');
    const reg = filedRegistry({ accounts: [a, b], reviews: [rv] });
    reg.policy = { file: 'policy.yaml', id: 'policy', data: pol, pos: {} } as NonNullable<typeof reg.policy>;
    const imp = ImpostorSchema.parse({ id: 'fake-1', name: '青川教务处', platform: 'weibo', keys: [{ kind: 'uid', value: '7654321' }], imitates: 'jwc-mp', reported: '2026-01-02', confirmed: '2026-01-05', description: '冒用' });
    reg.impostors = [{ file: 'impostors/fake-1.yaml', id: 'fake-1', data: imp, pos: {} }];
    const expected = buildPublicSiteOn(
      { policy: pol, units: reg.units.map((u) => u.data), accounts: [{ data: a.data, html: '<p>教务</p>' }, { data: b.data, html: '' }], reviews: [{ account: 'jwc-mp', year: 2025, submitted: rv.data.submitted, result: rv.data.result }], impostors: [imp] },
      TODAY,
    );
    const got = publicSiteOf(reg, TODAY)!;
    expect(got).toEqual(expected);
    // The review on file is what keeps one account out of the overdue state the other is in.
    expect(got.accounts.find((x) => x.id === 'jwc-mp')!.state).not.toBe(got.accounts.find((x) => x.id === 'jsj-mp')!.state);
    expect(got.accounts.find((x) => x.id === 'jwc-mp')!.descriptionHtml).toBe('<p>教务</p>');
    expect(got.impostors.map((i) => i.id)).toEqual(['fake-1']);
    expect(verifyIndexFromRegistry(reg, TODAY, { reportRepo: 'https://github.com/o/r/' })).toEqual(buildVerifyIndex(expected, { reportRepo: 'https://github.com/o/r/' }));
    expect(verifyIndexFromRegistry(reg, TODAY)!.manifest.report.repo).toBeNull();
  });
});
