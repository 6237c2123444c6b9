// The validator and the user-visible ID: an active account that files no 微信号 / 抖音号 / 小红书号 …
// is a warning (account/no-visible-id), an error when the policy says `missingVisibleId: error`.
// Real loader and rules on a copy of tests/fixtures/base.
import { readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadRegistry } from '../src/registry/load.ts';
import { brokenFixtures, materialize } from './helpers/registry.ts';

const made: string[] = [];
afterAll(() => Promise.all(made.map((d) => rm(d, { recursive: true, force: true }))));

async function withoutWxid(policyTail = ''): Promise<string> {
  const fixture = (await brokenFixtures()).find((f) => f.name === 'account-no-visible-id')!;
  const dir = await materialize(fixture);
  made.push(dir);
  if (policyTail) await writeFile(path.join(dir, 'policy.yaml'), `${await readFile(path.join(dir, 'policy.yaml'), 'utf8')}${policyTail}`);
  return dir;
}

describe('account/no-visible-id', () => {
  test('warns by default and names the ID to file', async () => {
    const { findings } = await loadRegistry(await withoutWxid(), { today: '2026-11-21' });
    const f = findings.find((x) => x.code === 'account/no-visible-id');
    expect(f).toMatchObject({ file: 'accounts/school/qclg-wechat.mdx', severity: 'warning', field: 'keys' });
    expect(f!.message).toContain('微信号');
  });

  test('is an error when the policy requires the ID (missingVisibleId: error)', async () => {
    const { findings } = await loadRegistry(await withoutWxid('missingVisibleId: error\n'), { today: '2026-11-21' });
    expect(findings.find((x) => x.code === 'account/no-visible-id')?.severity).toBe('error');
    expect(findings.filter((x) => x.severity === 'error').map((x) => x.code)).toEqual(['account/no-visible-id']);
  });
});
