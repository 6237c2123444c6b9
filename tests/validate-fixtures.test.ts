// One broken fixture registry per rule (tests/fixtures/broken/*): each must fail `validate` with
// its exact rule code at its file and line; the base registry they are laid over must be clean.
import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, test } from 'vitest';
import { brokenFixtures, materialize, runScript } from './helpers/registry.ts';

const fixtures = await brokenFixtures();
const made: string[] = [];
afterAll(() => Promise.all(made.map((d) => rm(d, { recursive: true, force: true }))));

interface Report {
  ok: boolean;
  errors: Array<{ file: string; line: number; column: number; field: string; code: string; message: string }>;
  warnings: Report['errors'];
}

async function validate(dir: string): Promise<{ code: number; report: Report }> {
  made.push(dir);
  const r = await runScript('validate.ts', ['--content', dir, '--json', '--today', '2026-11-21']);
  return { code: r.code, report: JSON.parse(r.stdout) as Report };
}

describe('validate on the fixture registries', () => {
  test('the base registry is clean', async () => {
    const { code, report } = await validate(await materialize());
    expect(report.errors).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(code).toBe(0);
  });

  test('there is a broken fixture for every rule family', () => {
    const codes = new Set(fixtures.map((f) => f.code));
    expect(fixtures.length).toBeGreaterThanOrEqual(80);
    for (const c of ['file/name', 'yaml/alias', 'date/invalid', 'field/unknown', 'body/esm', 'key/duplicate', 'ref/unit', 'tier/unit-kind', 'approval/duplicate', 'unit/dissolved-active'])
      expect(codes).toContain(c);
  });

  test.concurrent.each(fixtures.map((f) => [f.name, f] as const))('%s fails with its rule code at file:line', async (_name, fixture) => {
    const { code, report } = await validate(await materialize(fixture));
    const list = fixture.severity === 'error' ? report.errors : report.warnings;
    const hit = list.find((f) => f.code === fixture.code && f.file === fixture.file);
    expect(hit, `${fixture.code} in ${fixture.file}; got ${JSON.stringify([...report.errors, ...report.warnings].map((f) => `${f.file}:${f.line} ${f.code}`))}`).toBeDefined();
    expect(hit!.line).toBe(fixture.line);
    expect(hit!.message).toMatch(/[\u4e00-\u9fff]/);
    expect(code).toBe(fixture.severity === 'error' ? 1 : 0);
    expect(report.ok).toBe(fixture.severity !== 'error');
  });
});
