// The search box hands links, share texts and account IDs to the verifier: looksLikeLinkOrId()
// must catch those and leave words (names, units, topics) to full-text search.
import { describe, expect, test } from 'vitest';
import { looksLikeLinkOrId } from '../src/components/search-client.ts';

describe('looksLikeLinkOrId()', () => {
  test.each([
    ['https://weibo.com/u/1234567890', 'link'],
    ['7.43 复制打开抖音，看看【青川理工学院的作品】 https://v.douyin.com/iRNBho6u/', 'link'],
    ['weibo.com/u/1234567890', 'link'],
    ['b23.tv/AbCdEfG', 'link'],
    ['gh_3a1b2c3d4e5f', 'id'],
    ['qclg_jsj', 'id'],
    ['1234567890', 'id'],
    ['@青川理工学院', 'id'],
    ['抖音号：qclgqn', 'id'],
    ['计算机', null],
    ['青川理工学院', null],
    ['图书馆 开放时间', null],
    ['news', null],
    ['2026', null],
  ] as const)('%s → %s', (q, shape) => {
    expect(looksLikeLinkOrId(q)).toBe(shape);
  });
});
