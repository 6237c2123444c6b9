// Validating a few changed files takes shortcuts in the name check (only pairs with those files,
// names' forms from the cache): they must give exactly the findings a full run gives those files.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Registry } from '../src/domain/index.ts';
import type { NameForm } from '../src/domain/verify/names.ts';
import { checkAccountNames } from '../src/domain/verify/name-rules.ts';
import { loadRegistry } from '../src/registry/load.ts';
import { ROOT } from './helpers/registry.ts';

/** The demo plus look-alikes planted across units: traditional, homophone, one character off. */
async function registryWithLookAlikes(): Promise<Registry> {
  const { registry } = await loadRegistry(path.join(ROOT, 'content'), { today: '2026-11-21' });
  const donor = registry.accounts.find((a) => a.data.status === 'active' && a.data.unit !== 'jsj')!;
  const planted = ['青川理工計算機學院', '青川理工计算机学苑', '青川理工计算机学院团', '青川理工计算鸡学院'].map((name, i) => ({
    ...donor,
    file: `accounts/${donor.data.unit}/planted-${i}.mdx`,
    id: `planted-${i}`,
    data: { ...donor.data, id: `planted-${i}`, name, keys: [], link: undefined },
  }));
  return { ...registry, accounts: [...registry.accounts, ...planted] };
}

describe('checkAccountNames() with only some files', () => {
  test('gives each file exactly the findings of a full run, with and without cached forms', async () => {
    const reg = await registryWithLookAlikes();
    const full = checkAccountNames(reg);
    expect(full.filter((f) => f.file.includes('planted-')).length).toBeGreaterThanOrEqual(3);
    const memo = new Map<string, NameForm>();
    checkAccountNames(reg, undefined, memo);
    for (const a of reg.accounts) {
      const expected = full.filter((f) => f.file === a.file);
      expect(checkAccountNames(reg, new Set([a.file])).filter((f) => f.file === a.file), a.file).toEqual(expected);
      expect(checkAccountNames(reg, new Set([a.file]), memo).filter((f) => f.file === a.file), a.file).toEqual(expected);
    }
  });
});
