// The name check at scale (issue 13.4): floods of one name, of names one character apart and of
// names that read alike must finish, bounded, with every later account told. These tests bound time,
// so they stay out of mutation runs (vitest.mutate.config.ts): instrumented code is 10–50× slower.
import { describe, expect, test } from 'vitest';
import type { AccountFiling } from '../src/domain/index.ts';
import { emptyRegistry } from '../src/domain/registry.ts';
import { checkAccountNames } from '../src/domain/verify/name-rules.ts';

describe('the name check at scale (13.4)', () => {
  test('6,000 live accounts of one name in different units: a finding per later account, quickly, no Set overflow', () => {
    const reg = emptyRegistry();
    for (let i = 0; i < 6000; i++)
      reg.accounts.push({
        file: `accounts/u${i % 50}/a${String(i).padStart(4, '0')}.mdx`,
        id: `a${i}`,
        pos: { name: [3, 1] },
        html: '',
        data: { id: `a${i}`, name: '青川理工同名账号', platform: i % 2 ? 'weibo' : 'douyin', unit: `u${i % 50}`, status: 'active', filing: 'backfill', dates: { opened: '2024-01-01' }, history: [] },
      } as unknown as AccountFiling);
    const t0 = performance.now();
    const out = checkAccountNames(reg);
    expect(performance.now() - t0).toBeLessThan(20_000);
    const flagged = new Set(out.map((f) => f.file));
    // Every account but the first of the name is told (as look-alike across platforms/units).
    expect(flagged.size).toBeGreaterThanOrEqual(5999 - 120);
    expect(out.every((f) => f.code === 'name/look-alike' || f.code === 'name/similar')).toBe(true);
  }, 60_000);

  const account = (i: number, name: string, unit: string, platform = 'weibo'): AccountFiling =>
    ({
      file: `accounts/${unit}/a${String(i).padStart(5, '0')}.mdx`,
      id: `a${i}`,
      pos: { name: [3, 1] },
      html: '',
      data: { id: `a${i}`, name, platform, unit, status: 'active', filing: 'backfill', dates: { opened: '2024-01-01' }, history: [] },
    }) as unknown as AccountFiling;

  // A unit that files thousands of names that differ in one character (or read alike) puts them all
  // under one blocking key: comparing every pair there is 18 million pairs (a Set overflow, minutes).
  const floods: Array<[string, (i: number) => string]> = [
    ['6,000 different names one character apart (one deletion key)', (i) => `青川理工大学宣传部${String.fromCodePoint(0x4e00 + i)}号`],
    ['6,000 names that read alike (one pinyin key)', (i) => {
      const shi = '是事市式室士世视试示';
      const yi = '一以意亿义益艺易医议';
      const li = '理里李力立利例礼历丽';
      const xue = '学雪穴血靴薛削谑踅噱';
      return `青川${shi[i % 10]}${yi[Math.floor(i / 10) % 10]}${li[Math.floor(i / 100) % 10]}${xue[Math.floor(i / 1000) % 10]}`;
    }],
  ];
  test.each(floods)('%s in 50 units: bounded, no crash, every later account still told, a few findings per file', (_n, nameOf) => {
    const reg = emptyRegistry();
    for (let i = 0; i < 6000; i++) reg.accounts.push(account(i, nameOf(i), `u${i % 50}`));
    const t0 = performance.now();
    const out = checkAccountNames(reg);
    expect(performance.now() - t0).toBeLessThan(20_000);
    const perFile = new Map<string, number>();
    for (const f of out) perFile.set(f.file, (perFile.get(f.file) ?? 0) + 1);
    // Nearly every account is told of a look-alike (the first holders of a key may be the older side).
    expect(perFile.size).toBeGreaterThanOrEqual(5000);
    // A flood does not bury the report: at most five name findings per file, the last one says more were left out.
    expect(Math.max(...perFile.values())).toBeLessThanOrEqual(5);
    const full = [...perFile].find(([, n]) => n === 5);
    expect(full, 'some file reached the per-file limit').toBeDefined();
    expect(out.filter((f) => f.file === full![0]).some((f) => /另有至少 \d+ 个相近名称未逐一列出/.test(f.message))).toBe(true);
    // Validating changed files: every file changed (a PR that rewrites the registry) is bounded too,
    // and one changed file is compared with every account exactly.
    const t1 = performance.now();
    const all = checkAccountNames(reg, new Set(reg.accounts.map((a) => a.file)));
    expect(performance.now() - t1).toBeLessThan(20_000);
    expect(new Set(all.map((f) => f.file)).size).toBeGreaterThanOrEqual(5000);
    const last = reg.accounts.at(-1)!.file;
    const one = checkAccountNames(reg, new Set([last])).filter((f) => f.file === last);
    expect(one.length).toBeGreaterThan(0);
    expect(one.length).toBeLessThanOrEqual(5);
  }, 90_000);

});
