/**
 * Policy presets, function by function: merging a school's file over its preset, resolving
 * `extends`, the schema's knobs, knob values in Chinese and the explained rulebook. Small inline
 * policies only (no presets/ or ../shared reads).
 */
import { describe, expect, test } from 'vitest';
import {
  PRESET_IDS,
  SCHOOL_OWN_BLOCKS,
  explainPolicy,
  formatKnobValue,
  mergePolicyData,
  policyKnobs,
  renderExplanation,
  resolvePolicyValue,
  type KnobExplained,
} from '../../src/domain/presets.ts';

describe('mergePolicyData', () => {
  test('the preset ids and the school-own blocks are the five seed rulebooks and school/document', () => {
    expect(PRESET_IDS).toEqual(['000', '001', '002', '003', '004']);
    expect(SCHOOL_OWN_BLOCKS).toEqual(['school', 'document']);
  });

  test('anything that is not a plain object on either side is replaced by the override', () => {
    expect(mergePolicyData({ a: 1 }, 5)).toBe(5);
    expect(mergePolicyData(5, { a: 1 })).toEqual({ a: 1 });
    expect(mergePolicyData(null, { a: 1 })).toEqual({ a: 1 });
    expect(mergePolicyData({ a: 1 }, null)).toBeNull();
    expect(mergePolicyData([1, 2], { a: 1 })).toEqual({ a: 1 });
    expect(mergePolicyData({ a: 1 }, [3])).toEqual([3]);
    expect(mergePolicyData({ a: 1 }, undefined)).toBeUndefined();
  });

  test('objects merge key by key at every depth, lists and scalars replace, new keys are added', () => {
    const base = { deadlines: { change: { days: 5 }, closure: { days: 7 } }, platforms: ['微信', '微博'], verify: true };
    const over = { deadlines: { change: { months: 1 } }, platforms: ['抖音'], extra: 'x' };
    expect(mergePolicyData(base, over)).toEqual({
      deadlines: { change: { days: 5, months: 1 }, closure: { days: 7 } },
      platforms: ['抖音'],
      verify: true,
      extra: 'x',
    });
    // The inputs are not changed.
    expect(base).toEqual({ deadlines: { change: { days: 5 }, closure: { days: 7 } }, platforms: ['微信', '微博'], verify: true });
  });

  test('a school that writes its own school or document block replaces the preset block outright', () => {
    const base = { school: { name: '甲大学', shortNames: ['甲大'] }, document: { title: '甲办法', number: '甲〔2020〕1号' }, office: { name: '宣传部', unit: 'xcb' } };
    const over = { school: { name: '乙大学' }, document: { title: '乙办法' }, office: { name: '党委宣传部' } };
    expect(mergePolicyData(base, over)).toEqual({
      school: { name: '乙大学' },
      document: { title: '乙办法' },
      office: { name: '党委宣传部', unit: 'xcb' },
    });
  });

  test('school and document nested below the top level merge like any other object', () => {
    const base = { a: { school: { x: 1, y: 2 }, document: { t: 1 } } };
    const over = { a: { school: { x: 3 }, document: { n: 2 } } };
    expect(mergePolicyData(base, over)).toEqual({ a: { school: { x: 3, y: 2 }, document: { t: 1, n: 2 } } });
    // An explicit depth other than 0 merges them too.
    expect(mergePolicyData({ school: { x: 1, y: 2 } }, { school: { x: 3 } }, 1)).toEqual({ school: { x: 3, y: 2 } });
  });
});
