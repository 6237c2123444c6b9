/**
 * The rulebook's protected forms reach the verifier with their match: 001 第六条 protects “曲师***”
 * (names that START with 曲师), so 歌曲师生合唱团 is clear while 曲师青年 is a high-risk use; 003's
 * 宁职院 is protected anywhere. Core verifier on an index built from a real registry whose policy
 * carries the preset's `protectedNames`.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { verifyIndexFromRegistry } from '../src/domain/verify/from-registry.ts';
import { verifyInput } from '../src/domain/verify/verdict.ts';
import { memorySource } from '../src/domain/verify/verify-index.ts';
import { loadRegistry } from '../src/registry/load.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const TODAY = '2026-11-21';
const dirs: string[] = [];
afterAll(() => dirs.forEach((d) => rmSync(d, { recursive: true, force: true })));

async function verdictsUnder(school: string, inputs: string[]): Promise<Record<string, string>> {
  const dir = mkdtempSync(path.join(tmpdir(), 'protected-'));
  dirs.push(dir);
  cpSync(path.join(ROOT, 'tests/fixtures/verify/registry'), dir, { recursive: true });
  const policy = readFileSync(path.join(dir, 'policy.yaml'), 'utf8').replace(/^school:\n(?:  .*\n)+/m, school);
  writeFileSync(path.join(dir, 'policy.yaml'), policy);
  const { registry, findings } = await loadRegistry(dir, { today: TODAY });
  expect(findings.filter((f) => f.file === 'policy.yaml' && f.severity === 'error')).toEqual([]);
  const index = verifyIndexFromRegistry(registry, TODAY)!;
  const out: Record<string, string> = {};
  for (const q of inputs) out[q] = (await verifyInput(q, memorySource(index))).verdict;
  return out;
}

describe('protected names from the policy (school.protectedNames)', () => {
  test('001 第六条 “曲师***”: a prefix form flags names that start with it and clears 歌曲师生合唱团', async () => {
    const school = [
      'school:',
      '  name: 曲靖师范学院',
      '  shortNames: []',
      '  protectedNames:',
      '    - { name: 曲师, match: prefix, article: 第六条 }',
      '    - { name: 曲靖师院, match: prefix, article: 第六条 }',
      '',
    ].join('\n');
    const v = await verdictsUnder(school, ['歌曲师生合唱团', '曲师青年', '曲靖师院学生会', '曲靖师范学院团委']);
    expect(v).toEqual({ 歌曲师生合唱团: 'unregistered', 曲师青年: 'risky', 曲靖师院学生会: 'risky', 曲靖师范学院团委: 'risky' });
  });

  test('003 宁职院: a form protected anywhere flags it inside a name', async () => {
    const school = ['school:', '  name: 宁夏职业技术学院', '  shortNames: []', '  protectedNames:', '    - { name: 宁职院, match: anywhere, article: 第五条 }', ''].join('\n');
    const v = await verdictsUnder(school, ['宁职院青年', '我爱宁职院', '宁夏大学']);
    expect(v).toEqual({ 宁职院青年: 'risky', 我爱宁职院: 'risky', 宁夏大学: 'unregistered' });
  });
});
