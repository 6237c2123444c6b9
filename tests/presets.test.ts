/**
 * The five presets: each is a valid policy on its own, every value cites its article, the knobs
 * match shared/POLICIES.md, and the demo switches between them with one line (real temp folders,
 * the real loader and the real validate command on Node 24).
 */
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { SHARED } from './helpers/registry.ts';
import { afterAll, describe, expect, test } from 'vitest';
import { PRESET_IDS, parseFile, resolvePolicyValue, type Policy } from '../src/domain/index.ts';
import { loadRegistry } from '../src/registry/load.ts';
import { PRESETS_DIR, loadPresets } from '../src/registry/presets.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const NODE = path.join(ROOT, 'node_modules/.bin/node');
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');
const SEEDS = path.join(SHARED, 'seeds');
const presets = await loadPresets();

/** 002 states no publication date; a school adopting it writes one (here the tests' 2024-09-01). */
const DATED_002 = "document:\n  title: 《上海海关学院校园新媒体管理办法》\n  published: '2024-09-01'\n";

function policyOf(id: string): Policy {
  const r = parseFile('policy.yaml', id === '002' ? `extends: '002'\n${DATED_002}` : presets[id]!, { presets });
  expect(r.findings.filter((f) => f.severity === 'error')).toEqual([]);
  if (r.parsed?.kind !== 'policy') throw new Error(`preset ${id} did not parse`);
  return r.parsed.filing.data;
}

const temps: string[] = [];
function tempCopyOfDemo(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'presets-'));
  temps.push(dir);
  cpSync(path.join(ROOT, 'content'), dir, { recursive: true });
  return dir;
}
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

describe('presets/', () => {
  test('ships exactly one preset per seed rulebook', () => {
    expect(Object.keys(presets).sort()).toEqual([...PRESET_IDS]);
  });

  test.each(PRESET_IDS.filter((id) => id !== '002').map((id) => ({ id })))('preset $id is a complete, valid policy file on its own', ({ id }) => {
    const p = policyOf(id);
    expect(p.preset).toBe(id);
  });

  test('002 第二十条: preset 002 alone is refused until the school gives the publication date the rulebook lacks', () => {
    const alone = parseFile('policy.yaml', presets['002']!);
    expect(alone.findings).toEqual([expect.objectContaining({ field: 'document.published', code: 'policy/published-missing', severity: 'error' })]);
    expect(alone.findings[0]!.message).toContain('document.published');
    const extended = parseFile('policy.yaml', "extends: '002'\n", { presets });
    expect(extended.findings.map((f) => f.code)).toEqual(['policy/published-missing']);
    expect(policyOf('002').document.published).toBe('2024-09-01');
  });

  test.each(PRESET_IDS.map((id) => ({ id })))('every value in preset $id carries a comment citing its article or the registry default', ({ id }) => {
    const lines = presets[id]!.split('\n');
    const bare = lines
      .map((line, i) => ({ line, n: i + 1 }))
      .filter(({ line }) => line.trim() !== '' && !line.trim().startsWith('#'))
      // A key that only opens a nested block has no value of its own.
      .filter(({ line }) => !/^\s*(?:- )?[A-Za-z]+:\s*$/.test(line))
      .filter(({ line }) => !/#\s*\S/.test(line));
    expect(bare.map(({ n, line }) => `${n}: ${line}`)).toEqual([]);
    // The comment (or, in `articles`, the value itself) names the article or says the rulebook is silent.
    const valued = lines.filter((l) => /:\s*\S/.test(l) && !l.trim().startsWith('#'));
    for (const c of valued) expect(c).toMatch(/第[一二三四五六七八九十]+条|办法未|登记系统默认|未规定|未列出|未要求|落款|文号|标题|印发|附件|审批表|种子文件|原文/);
  });

  test.each(PRESET_IDS.map((id) => ({ id })))('every article preset $id cites exists in its seed rulebook', ({ id }) => {
    // The seeds are the spec: without ../shared this test fails instead of passing hollow.
    expect(existsSync(SEEDS), `${SEEDS} is missing: the seed rulebooks (../shared/seeds) are required`).toBe(true);
    const seedFile = readFileSync(path.join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith(`${id}_`))!), 'utf8');
    const cited = new Set(presets[id]!.match(/第[一二三四五六七八九十]+条/g) ?? []);
    expect(cited.size).toBeGreaterThan(3);
    for (const article of cited) expect(seedFile, `${id} cites ${article}`).toContain(article);
  });

  test('never uses the spam text that replaced seed 004’s school name', () => {
    for (const text of Object.values(presets)) expect(text).not.toContain('太平洋');
    expect(readFileSync(path.join(ROOT, 'content/policy.yaml'), 'utf8')).not.toContain('太平洋');
  });

  // One row per knob of shared/POLICIES.md.
  test.each([
    { id: '000', office: '党委宣传部', lead: 7, backfill: { days: 7 }, change: { days: 7 }, closure: { days: 7 }, review: [true, '12-20', true], groups: false, apps: true },
    { id: '001', office: '党委宣传部', lead: 0, backfill: null, change: { days: 7 }, closure: null, review: [false, '12-31', false], groups: false, apps: true },
    { id: '002', office: '办公室', lead: 0, backfill: { months: 1 }, change: { days: 7 }, closure: { days: 7 }, review: [true, '12-29', true], groups: false, apps: true },
    { id: '003', office: '党委宣传统战部', lead: 0, backfill: null, change: { days: 7 }, closure: { days: 3 }, review: [true, '12-31', true], groups: true, apps: false },
    { id: '004', office: '宣传统战部', lead: 0, backfill: null, change: { days: 7 }, closure: null, review: [true, '12-31', true], groups: true, apps: true },
  ])('preset $id sets the knobs POLICIES.md gives seed $id', ({ id, office, lead, backfill, change, closure, review, groups, apps }) => {
    const p = policyOf(id);
    expect(p.office.name).toBe(office);
    expect(p.deadlines).toMatchObject({ applyLeadDays: lead, backfill, change, closure });
    expect([p.annualReview.required, p.annualReview.due, p.annualReview.failureSuspends]).toEqual(review);
    expect(p.groups.mustFile).toBe(groups);
    expect(p.apps.departmentsMayOpenNew).toBe(apps);
  });

  test('002 reviews tiers 1–2 only and requires the push list (第八条)', () => {
    expect(policyOf('002').annualReview).toMatchObject({ tiers: [1, 2], pushListRequired: true });
  });

  test('003 dissolves groups within 3 days and 004 lists individual students under tier 3', () => {
    expect(policyOf('003').groups.dissolution).toEqual({ days: 3 });
    expect(policyOf('004').tiers.find((t) => t.level === 3)!.unitKinds).toContain('individual');
  });
});

describe('extends', () => {
  test('merges a school’s own parts over the preset: objects by key, lists replaced', () => {
    const r = resolvePolicyValue({ extends: '003', office: { unit: 'xcb' }, platforms: ['weibo'] }, presets);
    expect(r.ok).toBe(true);
    const v = (r as { value: Policy }).value;
    expect(v.office).toEqual({ name: '党委宣传统战部', unit: 'xcb' });
    expect(v.platforms).toEqual(['weibo']);
    expect(v.deadlines.closure).toEqual({ days: 3 });
  });

  test('replaces the preset’s school and document blocks outright, so the seed school’s names never leak', () => {
    const r = resolvePolicyValue({ extends: '003', school: { name: '某某学院' }, document: { title: '《某某学院办法》', published: '2025-01-01' } }, presets);
    const v = (r as { value: Policy }).value;
    expect(v.school).toEqual({ name: '某某学院' });
    expect(v.document).toEqual({ title: '《某某学院办法》', published: '2025-01-01' });
  });

  test('reports an unknown preset on the policy file with its line and field', () => {
    const r = parseFile('policy.yaml', "school:\n  name: 某某学院\nextends: '009'\n", { presets });
    expect(r.parsed).toBeUndefined();
    expect(r.findings).toEqual([
      expect.objectContaining({ file: 'policy.yaml', line: 3, field: 'extends', code: 'policy/preset-unknown', severity: 'error' }),
    ]);
    expect(r.findings[0]!.message).toContain('000、001、002、003、004');
  });

  test('reports a value a school overrides wrongly at its own line', () => {
    const r = parseFile('policy.yaml', "extends: '000'\ndeadlines:\n  change: { weeks: 1 }\n", { presets });
    expect(r.findings.map((f) => [f.line, f.field, f.code])).toContainEqual([3, 'deadlines.change.weeks', 'field/unknown']);
  });

  test('reports a preset line that contradicts extends', () => {
    const r = parseFile('policy.yaml', "extends: '003'\npreset: '000'\n", { presets });
    expect(r.findings).toEqual([expect.objectContaining({ line: 2, field: 'preset', code: 'policy/preset-mismatch' })]);
  });
});

describe('switching the demo to another preset', () => {
  test('the demo extends preset 000 and validates with no errors', async () => {
    const text = readFileSync(path.join(ROOT, 'content/policy.yaml'), 'utf8');
    expect(text).toMatch(/^extends: '000'$/m);
    const { findings, registry } = await loadRegistry(path.join(ROOT, 'content'), { today: '2026-11-21' });
    expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(registry.policy!.data.deadlines.applyLeadDays).toBe(7);
  });

  test.each(PRESET_IDS.map((id) => ({ id })))('one changed line switches the demo to preset $id and it stays valid', async ({ id }) => {
    const dir = tempCopyOfDemo();
    const file = path.join(dir, 'policy.yaml');
    const before = readFileSync(file, 'utf8');
    const after = before.replace(/^extends: '000'$/m, `extends: '${id}'`);
    const changed = before.split('\n').filter((l, i) => l !== after.split('\n')[i]);
    expect(changed.length).toBe(id === '000' ? 0 : 1);
    writeFileSync(file, after);
    const { findings, registry } = await loadRegistry(dir, { today: '2026-11-21' });
    // 002 第八条 requires each review's push list: the demo's reviews without one are incomplete.
    const errors = findings.filter((f) => f.severity === 'error');
    expect(errors.filter((f) => !(id === '002' && f.code === 'review/pushlist-missing'))).toEqual([]);
    expect(registry.policy!.data.preset).toBe(id);
    expect(registry.policy!.data.school.name).toBe('青川理工学院');
  });

  test('without the demo’s own tier table, preset 003 gives clear findings for the students’ individual accounts', async () => {
    const dir = tempCopyOfDemo();
    const file = path.join(dir, 'policy.yaml');
    const text = readFileSync(file, 'utf8').replace(/^extends: '000'$/m, "extends: '003'");
    writeFileSync(file, text.slice(0, text.indexOf('\n# The demo school\'s own tier table')) + '\n');
    const { findings } = await loadRegistry(dir, { today: '2026-11-21' });
    const errors = findings.filter((f) => f.severity === 'error');
    expect(errors.length).toBeGreaterThan(0);
    for (const f of errors) {
      expect(f).toMatchObject({ code: 'tier/unit-kind', field: 'tier' });
      expect(f.file).toMatch(/^accounts\/stu-[a-z-]+\/[a-z0-9-]+\.mdx$/);
      expect(f.line).toBeGreaterThan(1);
      expect(f.message).toContain('三级平台只适用于');
    }
  });

  test('the validate command reports an unknown preset with file, line and field, and exits 1', () => {
    const dir = tempCopyOfDemo();
    const file = path.join(dir, 'policy.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace(/^extends: '000'$/m, "extends: '042'"));
    const r = spawnSync(NODE, [TSX, 'scripts/validate.ts', '--content', dir, '--json'], { cwd: ROOT, encoding: 'utf8' });
    expect(r.status).toBe(1);
    const out = JSON.parse(r.stdout) as { errors: Array<{ file: string; line: number; field: string; code: string }> };
    expect(out.errors).toContainEqual(expect.objectContaining({ file: 'policy.yaml', line: 5, field: 'extends', code: 'policy/preset-unknown' }));
  });
});

describe('PolicySchema', () => {
  test.each([
    { due: '02-29', why: 'a leap day' },
    { due: '04-31', why: 'a day April lacks' },
  ])('rejects a yearly review due on $why, which not every year has', ({ due }) => {
    const r = parseFile('policy.yaml', `extends: '000'\nannualReview:\n  due: '${due}'\n`, { presets });
    expect(r.findings).toEqual([expect.objectContaining({ line: 3, field: 'annualReview.due', severity: 'error' })]);
  });
});
