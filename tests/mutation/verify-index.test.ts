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
import { nameSkeleton } from '../../src/domain/verify/names.ts';
import { normalizeInput } from '../../src/domain/verify/normalize.ts';
import { REPORT_LABEL, REPORT_TEMPLATE, reportFieldsFor, reportIssueUrl, reportMailto, reportTitle } from '../../src/domain/verify/report.ts';
import { buildNameTables } from '../../src/domain/verify/tables.ts';
import type { VerifyResult } from '../../src/domain/verify/verdict.ts';
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

  test('a name is reported as the name only, and an empty input suggests nothing', () => {
    expect(reportFieldsFor(result('青川理工学院', null))).toStrictEqual({ name: '青川理工学院' });
    expect(reportFieldsFor(result('', null))).toStrictEqual({});
  });
});
