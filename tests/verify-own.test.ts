// No verdict calls a filed account's own ID, link or name anything but that account: every key,
// link and name of every account in the demo registry is verified against the demo's own index.
// An ID shared by two platforms may be `ambiguous`, but then the account is among the candidates;
// nothing of a filed account is ever red.
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { verifyIndexFromRegistry } from '../src/domain/verify/from-registry.ts';
import { verifyInput, type VerifyResult } from '../src/domain/verify/verdict.ts';
import { memorySource, type VerifyIndex } from '../src/domain/verify/verify-index.ts';
import type { Registry } from '../src/domain/index.ts';
import { loadRegistry } from '../src/registry/load.ts';
import { ROOT } from './helpers/registry.ts';

const TODAY = '2026-11-21';
let registry: Registry;
let index: VerifyIndex;
beforeAll(async () => {
  registry = (await loadRegistry(path.join(ROOT, 'content'), { today: TODAY })).registry;
  index = verifyIndexFromRegistry(registry, TODAY)!;
});

const points = (r: VerifyResult, id: string) => r.account?.id === id || (r.verdict === 'ambiguous' && r.similar.some((s) => s.id === id));

describe('the demo registry verified against itself', () => {
  test('every filed key and link finds its own account, never a red verdict', async () => {
    let checked = 0;
    for (const a of registry.accounts) {
      // A key typed alone is an ID only when it is ASCII: a 贴吧 吧名 alone is a name (the link form carries it).
      const ids = a.data.keys.map((k) => k.value).filter((v) => /^[\x21-\x7e]+$/.test(v));
      const inputs = [...ids, ...(a.data.link ? [a.data.link] : [])];
      for (const input of inputs) {
        const r = await verifyInput(input, memorySource(index));
        if (r.verdict === 'unresolvable') continue; // a filed short link that is also another's alias form
        expect(['risky', 'impostor'], `${a.data.id}: ${input}`).not.toContain(r.verdict);
        expect(points(r, a.data.id), `${a.data.id}: ${input} → ${r.verdict} ${r.account?.id ?? ''}`).toBe(true);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(100);
  });

  test('every account name is a name-only match (or one of several), never red', async () => {
    for (const a of registry.accounts) {
      const r = await verifyInput(a.data.name, memorySource(index));
      expect(['risky', 'impostor'], `${a.data.id}: ${a.data.name}`).not.toContain(r.verdict);
      expect(['same-name', 'ambiguous'], `${a.data.id}: ${a.data.name} → ${r.verdict}`).toContain(r.verdict);
    }
  });
});
