// The real content/ tree: it validates clean, and the demo covers what the registry must show.
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { ACCOUNT_STATUSES, PLATFORMS, UNIT_KINDS } from '../src/domain/index.ts';
import { loadRegistry } from '../src/registry/load.ts';
import { ROOT, runScript } from './helpers/registry.ts';

const content = path.join(ROOT, 'content');

describe('content/', () => {
  test('validates with no errors (npm run validate)', async () => {
    const r = await runScript('validate.ts', ['--content', content, '--json', '--today', '2026-11-21']);
    const report = JSON.parse(r.stdout);
    expect(report.errors).toEqual([]);
    expect(r.code).toBe(0);
  });

  test('the demo registry covers every unit kind, platform, tier and status', async () => {
    const { registry: reg } = await loadRegistry(content, { today: '2026-11-21' });
    expect(reg.units.length).toBeGreaterThanOrEqual(12);
    expect(new Set(reg.units.map((u) => u.data.kind))).toEqual(new Set(UNIT_KINDS));
    expect(reg.accounts.length).toBeGreaterThanOrEqual(60);
    expect(new Set(reg.accounts.map((a) => a.data.platform))).toEqual(new Set(PLATFORMS.map((p) => p.id)));
    expect(new Set(reg.accounts.map((a) => a.data.tier))).toEqual(new Set([1, 2, 3]));
    expect(new Set(reg.accounts.map((a) => a.data.status))).toEqual(new Set(ACCOUNT_STATUSES));
    expect(new Set(reg.reviews.map((r) => r.data.year)).size).toBeGreaterThanOrEqual(2);
    expect(reg.groups.length).toBeGreaterThanOrEqual(10);
    expect(reg.impostors.length).toBe(2);
    expect(reg.pages.map((p) => p.id).sort()).toEqual(expect.arrayContaining(['guide', 'policy']));
  });

  test('private contact data is obviously fictitious', async () => {
    const { registry: reg } = await loadRegistry(content, { today: '2026-11-21' });
    const people = [
      ...reg.accounts.flatMap((a) => [a.data.contacts.head, a.data.contacts.leader, ...a.data.contacts.admins]),
      ...reg.reviews.map((r) => r.data.head),
      ...reg.groups.flatMap((g) => [g.data.head, ...g.data.admins]),
    ].filter((p) => p !== undefined);
    for (const p of people) {
      if (p.mobile) expect(p.mobile).toMatch(/^1380000\d{4}$/);
      if ('officePhone' in p && p.officePhone) expect(p.officePhone).toMatch(/^0000-/);
      if ('email' in p && p.email) expect(p.email).toMatch(/@example\.(edu\.cn|com)$/);
    }
  });
});
