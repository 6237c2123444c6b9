// The broken fixture registries (tests/fixtures/broken/*, one per rule) checked in process, so
// mutation testing sees the rules run (the CLI test runs them in a child process, which a mutant
// never reaches): each fixture gives its exact rule code at its file and line, with its severity,
// and the base registry is clean.
import { rm } from 'node:fs/promises';
import { afterAll, describe, expect, test } from 'vitest';
import { loadRegistry } from '../../src/registry/load.ts';
import { brokenFixtures, materialize } from '../helpers/registry.ts';

const fixtures = await brokenFixtures();
const made: string[] = [];
afterAll(() => Promise.all(made.map((d) => rm(d, { recursive: true, force: true }))));
const TODAY = '2026-11-21';

async function check(fixture?: Awaited<ReturnType<typeof brokenFixtures>>[number]) {
  const dir = await materialize(fixture);
  made.push(dir);
  return (await loadRegistry(dir, { today: TODAY, prDate: TODAY, workers: false })).findings;
}

describe('the rules on the fixture registries, in process', () => {
  test('the base registry has no finding at all', async () => {
    expect(await check()).toEqual([]);
  });

  test.each(fixtures.map((f) => [f.name, f] as const))('%s gives its rule code at its file and line', async (_name, fixture) => {
    const findings = await check(fixture);
    const hit = findings.find((f) => f.code === fixture.code && f.file === fixture.file);
    expect(hit, `${fixture.code} in ${fixture.file}; got ${JSON.stringify(findings.map((f) => `${f.file}:${f.line} ${f.code}`))}`).toBeDefined();
    expect(hit!.line).toBe(fixture.line);
    expect(hit!.severity).toBe(fixture.severity);
    expect(hit!.message).toMatch(/[\u4e00-\u9fff]/);
    // A warning-only fixture raises no error anywhere; an error fixture is an error.
    if (fixture.severity === 'warning') expect(findings.filter((f) => f.severity === 'error')).toEqual([]);
  });
});
