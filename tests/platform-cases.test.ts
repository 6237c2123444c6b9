// Every platform file's own cases (src/domain/platforms/<id>.ts `cases`), run through
// normalizeInput(): exact keys, the unresolvable platform, the name carried by share text, refused
// userinfo links and look-alike hosts.
import { readdir } from 'node:fs/promises';
import { describe, expect, test } from 'vitest';
import type { PlatformCase } from '../src/domain/platforms/define.ts';
import { PLATFORMS } from '../src/domain/platforms.ts';
import { normalizeInput } from '../src/domain/verify/normalize.ts';

const DIR = new URL('../src/domain/platforms/', import.meta.url);
const files = (await readdir(DIR)).filter((f) => f.endsWith('.ts')).sort();
const modules = await Promise.all(files.map(async (f) => [f, (await import(new URL(f, DIR).href)) as { cases?: () => PlatformCase[] }] as const));
const CASES: Array<[string, PlatformCase]> = modules.flatMap(([file, m]) =>
  (m.cases?.() ?? []).map((c): [string, PlatformCase] => [`${file.replace(/\.ts$/, '')}: ${c.why}`, c]),
);

describe('platform files: normalizeInput() cases', () => {
  test.each(CASES)('%s', (_title, c) => {
    const n = normalizeInput(c.input);
    const keys = n.keys.filter((k) => k.platform !== 'link').map((k) => k.key);
    if (c.keys) expect(keys).toEqual(c.keys);
    if (c.platform !== undefined) expect(n.platform).toBe(c.platform);
    if (c.unresolvable) expect(n.unresolvable?.platform).toBe(c.unresolvable);
    else if (c.keys?.length) expect(n.unresolvable).toBeNull();
    if (c.name !== undefined) expect(n.name).toBe(c.name);
    if (c.offPlatform) {
      expect(n.refused).not.toBeNull();
      expect(n.keys).toEqual([]);
    } else expect(n.refused).toBeNull();
    // Exact-alias kinds (url, short) of a look-alike host can only match a filing whose own link is
    // that look-alike, which the schema refuses (linkProblem); identifying kinds must never appear.
    if (c.notPlatform) expect(n.keys.filter((k) => k.platform === c.notPlatform && k.kind !== 'url' && k.kind !== 'short')).toEqual([]);
  });

  test('every platform with key kinds has cases in its file, and names each of them', () => {
    const seen = new Map<string, Set<string>>();
    for (const [, c] of CASES) {
      const n = normalizeInput(c.input);
      for (const k of n.keys) (seen.get(k.platform) ?? seen.set(k.platform, new Set()).get(k.platform)!).add(k.kind);
      if (n.unresolvable) seen.get(n.unresolvable.platform) ?? seen.set(n.unresolvable.platform, new Set());
    }
    for (const p of PLATFORMS.filter((x) => x.id !== 'other')) expect(seen.has(p.id), p.id).toBe(true);
  });

  test('has at least 250 cases across the platform files', () => {
    expect(CASES.length).toBeGreaterThanOrEqual(250);
  });
});
