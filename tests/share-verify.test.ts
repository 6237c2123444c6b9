// The demo registry through the verifier: every filed account's own link and key values, and share
// texts carrying its user-visible ID, come back as that account (never "not official"); share
// texts give the verifier a name or an ID before it falls back to "short link cannot be expanded".
import path from 'node:path';
import { beforeAll, describe, expect, test } from 'vitest';
import { findPlatform } from '../src/domain/platforms.ts';
import { verifyIndexFromRegistry } from '../src/domain/verify/from-registry.ts';
import { verifyInput } from '../src/domain/verify/verdict.ts';
import { memorySource, type VerifyIndex } from '../src/domain/verify/verify-index.ts';
import type { Registry } from '../src/domain/registry.ts';
import { loadRegistry } from '../src/registry/load.ts';
import { ROOT } from './helpers/registry.ts';

const TODAY = '2026-11-21';
let reg: Registry;
let index: VerifyIndex;

beforeAll(async () => {
  ({ registry: reg } = await loadRegistry(path.join(ROOT, 'content'), { today: TODAY }));
  index = verifyIndexFromRegistry(reg, TODAY)!;
}, 120_000);

const live = () => reg.accounts.filter((a) => a.data.status === 'active');

describe('the demo’s own accounts are recognised', () => {
  test('every active account’s link comes back as that account', async () => {
    const wrong: string[] = [];
    for (const a of live()) {
      if (!a.data.link) continue;
      const r = await verifyInput(a.data.link, memorySource(index));
      if (r.account?.id !== a.data.id) wrong.push(`${a.data.id}: ${r.verdict} ${r.account?.id ?? ''}`);
    }
    expect(wrong).toEqual([]);
  });

  test('every key value of every active account finds that account (alone or among the candidates)', async () => {
    const wrong: string[] = [];
    for (const a of live())
      for (const k of a.data.keys.filter((x) => x.kind !== 'kw')) {
        const r = await verifyInput(k.value, memorySource(index));
        const ids = [r.account?.id, ...r.similar.map((s) => s.id)];
        if (!ids.includes(a.data.id)) wrong.push(`${a.data.id} ${k.kind}=${k.value}: ${r.verdict}`);
      }
    expect(wrong).toEqual([]);
  });

  test('every active account’s user-visible ID, labelled as its platform labels it, is that account', async () => {
    const wrong: string[] = [];
    for (const a of live()) {
      const p = findPlatform(a.data.platform)!;
      const key = a.data.keys.find((k) => p.visibleId?.kinds.includes(k.kind));
      if (!key) continue;
      const label = p.visibleId!.label.replace(/（.*$/, '').replace(/或.*$/, '');
      const r = await verifyInput(`${label}：${key.value}`, memorySource(index));
      if (r.account?.id !== a.data.id) wrong.push(`${a.data.id} ${label}：${key.value}: ${r.verdict} ${r.account?.id ?? ''}`);
    }
    expect(wrong).toEqual([]);
  });

  test('the 抖音号 of 青川理工青年 (qclgqn) is no longer an impostor', async () => {
    const r = await verifyInput('qclgqn', memorySource(index));
    expect(r.account?.id).toBe('tw-douyin');
  });
});

describe('share texts give the verifier names and IDs', () => {
  test('a 抖音 profile share with its 抖音号 is the account, though the short link cannot be expanded', async () => {
    const r = await verifyInput('青川理工青年 抖音号：qclgqn 长按复制此条消息，打开抖音搜索，查看TA的更多作品。 https://v.douyin.com/iAbCdEf/ 5@1.com', memorySource(index));
    expect(r.verdict).not.toBe('unresolvable');
    expect(r.account?.id).toBe('tw-douyin');
  });

  test('a 小红书 share with 小红书号 is the account', async () => {
    const r = await verifyInput('【青川理工摄影协会的个人主页】 小红书号：95270418 http://xhslink.com/m/XyZ123 复制本条信息，打开【小红书】App查看精彩内容！', memorySource(index));
    expect(r.account?.id).toBe('sy-xiaohongshu');
  });

  test('a 快手 share with 快手号 is the account', async () => {
    const r = await verifyInput('快手号：qclgzcgzd https://v.kuaishou.com/AbCdEf 复制此链接，打开【快手】直接观看！', memorySource(index));
    expect(r.account?.id).toBe('xczx-kuaishou');
  });

  test('a share with only a short link and an author name is checked by that name on the platform (同名，请核对账号ID), never called official', async () => {
    const r = await verifyInput('7.43 复制打开抖音，看看【青川理工学院的作品】开学典礼 https://v.douyin.com/iRNBho6u/ MWz:/', memorySource(index));
    expect(r.verdict).toBe('same-name');
    expect(r.normalized.share?.names).toEqual(['青川理工学院']);
    expect(r.normalized.name).toBe('青川理工学院');
  });

  test('another publisher’s 百家号 author page is not the school’s (app_id kept)', async () => {
    const own = await verifyInput('https://author.baidu.com/home?app_id=1703986521457836&from=bjh_article', memorySource(index));
    expect(own.account?.id).toBe('qclg-baijiahao');
    const other = await verifyInput('https://author.baidu.com/home?app_id=1699999999999999', memorySource(index));
    expect(other.account).toBeNull();
  });

  test('another creator’s 央视频 page is not the school’s (cpid kept)', async () => {
    const other = await verifyInput('https://w.yangshipin.cn/user?cpid=99999999999999999', memorySource(index));
    expect(other.account).toBeNull();
  });

  test('a userinfo link dressed as the school’s 公众号 is never official', async () => {
    const r = await verifyInput('https://mp.weixin.qq.com@evil.example/mp/profile_ext?action=home&__biz=MzA3MDM3NjE5NQ==', memorySource(index));
    expect(r.account).toBeNull();
    expect(r.normalized.refused?.host).toBe('evil.example');
  });
});
