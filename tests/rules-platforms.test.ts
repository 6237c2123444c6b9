// Cross-file rules about platforms: duplicate names are per platform (`other` per platformOther),
// an active account without its platform's user-visible ID is a warning or, by the policy knob
// verify.requireVisibleId, an error.
import { appendFile, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { loadRegistry } from '../src/registry/load.ts';
import { materialize } from './helpers/registry.ts';

const TODAY = '2026-11-21';
const made: string[] = [];
afterAll(() => Promise.all(made.map((d) => rm(d, { recursive: true, force: true }))));

async function base(): Promise<string> {
  const dir = await materialize();
  made.push(dir);
  return dir;
}

async function findings(dir: string) {
  // loadRegistry runs the cross-file rules (checkRegistry) on what it read.
  return (await loadRegistry(dir, { today: TODAY })).findings;
}

/** An active `other` account of unit jsj named `name` on `platformOther`. */
function otherAccount(id: string, name: string, platformOther: string, url: string): string {
  return `---
id: ${id}
name: ${name}
platform: other
platformOther: ${platformOther}
keys:
  - { kind: url, value: '${url}' }
unit: jsj
tier: 2
status: active
filing: backfill
purpose: 计算机学院在该平台的官方号。
dates:
  applied: '2024-05-29'
  opened: '2020-09-01'
contacts:
  head: { name: 李强, title: 党总支书记, mobile: '13800000011' }
  admins:
    - { name: 吴敏, mobile: '13800000012' }
    - { name: 郑洁, officePhone: '0000-6120012', email: zhengjie@example.edu.cn }
---
`;
}

describe('duplicate names are checked per platform', () => {
  test('one name on two different unlisted platforms is not a duplicate', async () => {
    const dir = await base();
    await writeFile(path.join(dir, 'accounts/jsj/jsj-a.mdx'), otherAccount('jsj-a', 青(), '今日校园', 'https://www.cpdaily.com/qclg/jsj'));
    await writeFile(path.join(dir, 'accounts/jsj/jsj-b.mdx'), otherAccount('jsj-b', 青(), '超星学习通', 'https://mooc1.chaoxing.com/qclg/jsj'));
    const f = await findings(dir);
    expect(f.filter((x) => x.code === 'name/duplicate')).toEqual([]);
    expect(f.filter((x) => x.severity === 'error')).toEqual([]);
  });

  test('one name twice on the same unlisted platform is a duplicate', async () => {
    const dir = await base();
    await writeFile(path.join(dir, 'accounts/jsj/jsj-a.mdx'), otherAccount('jsj-a', 青(), '今日校园', 'https://www.cpdaily.com/qclg/jsj'));
    await writeFile(path.join(dir, 'accounts/jsj/jsj-b.mdx'), otherAccount('jsj-b', 青(), '今日校园', 'https://www.cpdaily.com/qclg/jsj2'));
    const f = await findings(dir);
    expect(f.filter((x) => x.code === 'name/duplicate').map((x) => x.file).sort()).toEqual(['accounts/jsj/jsj-a.mdx', 'accounts/jsj/jsj-b.mdx']);
  });
});

describe('the user-visible ID (verify.requireVisibleId)', () => {
  async function withoutUid(dir: string) {
    const file = path.join(dir, 'accounts/jsj/jsj-weibo.mdx');
    const text = await readFile(file, 'utf8');
    await writeFile(file, text.replace("  - { kind: uid, value: '5123456789' }", "  - { kind: short, value: 'https://t.cn/A6qclgJS' }"));
  }

  test('by default a missing 微博UID is a warning naming the kind', async () => {
    const dir = await base();
    await withoutUid(dir);
    const hit = (await findings(dir)).find((x) => x.code === 'account/visible-id');
    expect(hit).toMatchObject({ file: 'accounts/jsj/jsj-weibo.mdx', field: 'keys', severity: 'warning' });
    expect(hit!.message).toContain('微博UID');
  });

  test('the policy can make it an error', async () => {
    const dir = await base();
    await withoutUid(dir);
    await appendFile(path.join(dir, 'policy.yaml'), '\nverify:\n  requireVisibleId: error\n');
    const hit = (await findings(dir)).find((x) => x.code === 'account/visible-id');
    expect(hit?.severity).toBe('error');
  });

  test('an account with its visible ID has no such finding', async () => {
    const dir = await base();
    expect((await findings(dir)).filter((x) => x.code === 'account/visible-id')).toEqual([]);
  });
});

function 青(): string {
  return '青川理工计算机';
}
