// Names the public pastes, screened against the fixture school 青川理工学院 (short names 青川理工,
// 青理工; domain qclg.edu.cn): a precision set of other schools' names and their units (real
// Chinese universities) must never come back red, a recall set of look-alikes of the school's
// names must, and the verdict says what differed. Real loader, real index, real verdict code.
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, test } from 'vitest';
import { verifyIndexFromRegistry } from '../src/domain/verify/from-registry.ts';
import { explainDifference, schoolNameVariants } from '../src/domain/verify/names.ts';
import { buildNameTables } from '../src/domain/verify/tables.ts';
import { verifyInput } from '../src/domain/verify/verdict.ts';
import { memorySource, type VerifyIndex } from '../src/domain/verify/verify-index.ts';
import { protectedSchoolNames } from '../src/domain/verify/build-index.ts';
import { loadRegistry } from '../src/registry/load.ts';

const FIXTURE = fileURLToPath(new URL('./fixtures/verify/registry/', import.meta.url));
const TODAY = '2026-11-21';
let index: VerifyIndex;

beforeAll(async () => {
  const { registry } = await loadRegistry(FIXTURE, { today: TODAY });
  index = verifyIndexFromRegistry(registry, TODAY)!;
});

const RED = new Set(['risky', 'impostor']);

/** Other schools' names and their units: none of them may be red. */
const PRECISION = [
  '清华大学', '北京大学', '浙江大学', '复旦大学', '上海交通大学', '南京大学', '武汉大学', '中山大学', '四川大学', '吉林大学',
  '青岛大学', '青海大学', '青岛理工大学', '青海师范大学', '青岛科技大学', '成都理工大学', '重庆理工大学', '武汉理工大学',
  '北京理工大学', '华南理工大学', '大连理工大学', '昆明理工大学', '兰州理工大学', '河北工业大学', '四川轻化工大学', '西华大学',
  '川北医学院', '西南科技大学', '绵阳师范学院', '内江师范学院', '宜宾学院', '四川理工学院', '青川县融媒体中心', '青川县第一中学',
  '清华大学图书馆', '北京大学计算机学院', '浙江大学学生会', '复旦大学团委', '共青团四川大学委员会', '南京大学软件学院',
  '中国人民大学新闻学院', '武汉理工大学计算机与人工智能学院', '青岛理工大学图书馆', '西南交通大学党委宣传部', '四川大学招生办',
  '图书馆', '计算机学院', '计算机学院学生会', '校团委', '党委宣传部', '学生会', '研究生会', '招生办', '软件工程2201班',
  '软件工程2202班', '外国语学院', '马克思主义学院', '青年志愿者协会', '校医院', '后勤服务中心', '校友会', '就业指导中心',
  '北大青年', '清华小五爷园', '川大招生', '浙大发布', '复旦青年', '武大珞珈', 'PKU Youth', 'THU Library',
  '青春川大', '理工青年', '川理工', '青川', '工学院', '理工学院',
];

/** Look-alikes of the school's names (and of its units' names together with them): all red. */
const RECALL: Array<[string, RegExp?]> = [
  ['青川理工大学', /“学院”换成了“大学”/],
  ['青川理工学校', /换成了“学校”/],
  ['青川理工学', /截去了“院”/],
  ['青川理工學院', /“學”是繁体/],
  ['青川理工學院發佈', /“學”是繁体/],
  ['青川理工学院发布', /多了“发布”/],
  ['青川理工学院官微', /多了“官微”/],
  ['青 川 理 工 学 院', /多了空格/],
  ['青川理工学院\u200b', /不可见字符/],
  ['ＱＣＬＧ表白墙', /全角/],
  ['QCLG二手群', /拼音缩写/],
  ['qclg新闻网', /拼音缩写/],
  ['清川理工学院', /同音/],
  ['青传理工学院', /同音/],
  ['亲川理工学院', /读音相近/],
  ['青川理エ学院', /片假名|假名/],
  ['靑川理工学院', /形近字|繁体/],
  ['青川工学院', /少了“理”/],
  ['青川理工学院院', /多了“院”/],
  ['青川理工', undefined],
  ['青理工表白墙', undefined],
  ['青理工二手交易', undefined],
  ['青川理工新闻', undefined],
  ['青川理工大学招生办', undefined],
  ['青川理工计算机学院学生会', undefined],
  ['青川理工學生會', undefined],
  ['青川理工学院招生就业处', undefined],
  ['青川理工校团委', undefined],
  ['青川理工大学图书馆', undefined],
  ['青川理工学院计算机学院', undefined],
  ['青川理工计算机学院', undefined],
  ['青川理工研究生', undefined],
  ['青川理工学院校友会', undefined],
  ['青川理工学院后勤', undefined],
  ['青川理工2026级新生群', undefined],
  ['青川理工青年官方', undefined],
  ['青川理工计算机官方', undefined],
  ['青川里工', undefined],
  ['轻川理工学院', undefined],
  ['晴川理工学院', undefined],
];

describe('precision: other schools\' names and units are never red', () => {
  test.each(PRECISION)('%s', async (name) => {
    const r = await verifyInput(name, memorySource(index));
    expect(RED.has(r.verdict), `${name} → ${r.verdict}: ${r.advice}`).toBe(false);
    expect(r.advice).not.toMatch(/不是本校备案的官方账号/);
  });
});

describe('recall: look-alikes of the school\'s names are red and say what differed', () => {
  test.each(RECALL)('%s', async (name, differs) => {
    const r = await verifyInput(name, memorySource(index));
    expect(r.verdict, r.advice).toBe('risky');
    if (differs) expect(r.advice).toMatch(differs);
  });
});

describe('protected forms of a school\'s name', () => {
  test('type swaps stay within the family of the school type', () => {
    const names = (full: string) => schoolNameVariants(full).map((v) => v.name);
    expect(names('青川理工学院')).toEqual(expect.arrayContaining(['青川理工大学', '青川理工学校', '青川理工学']));
    expect(names('曲靖师范学院')).toEqual(expect.arrayContaining(['曲靖师院', '曲靖师大', '曲靖师范大学']));
    // 宁夏大学 and 曲靖大学 would be other, real universities.
    expect(names('宁夏职业技术学院')).toEqual(expect.arrayContaining(['宁夏职院', '宁夏职业学院']));
    expect(names('宁夏职业技术学院')).not.toContain('宁夏大学');
    expect(names('曲靖师范学院')).not.toContain('曲靖大学');
    expect(names('北京大学')).not.toContain('北京学院');
  });

  test('the policy\'s names, two-school names, extra protected names, domains and English initials are read in one place', () => {
    const p = protectedSchoolNames({
      name: '宁夏职业技术学院 宁夏开放大学',
      shortNames: ['宁职院'],
      englishName: 'Ningxia Polytechnic Vocational College',
      protectedNames: ['宁职'],
      domains: ['www.nxtc.edu.cn'],
    });
    const by = (k: string) => p.filter((x) => x.kind === k).map((x) => x.name);
    expect(by('school')).toEqual(['宁夏职业技术学院', '宁夏开放大学']);
    expect(by('short')).toEqual(['宁职院', '宁职']);
    expect(by('latin')).toEqual(['nxtc', 'npvc']);
    expect(by('variant')).toContain('宁夏职院');
  });

  test('explains a difference in plain words', () => {
    const t = buildNameTables(['青川理工学院']);
    expect(explainDifference('青川理工學院官方', '青川理工学院', t)).toEqual(expect.arrayContaining(['“學”是繁体（“学”）', '多了“官方”']));
    expect(explainDifference('清川理工学院', '青川理工学院', t)).toContain('“清”与“青”同音');
  });
});

describe('honest verdicts', () => {
  test('an unknown ID is never red, whatever it contains', async () => {
    const ids = ['qclgqn', 'qclg_2026', 'qclgxy', 'qingchuanligong', 'QCLG_news', 'gh_123456789abc', '3456789012', 'wxid_qclg', 'qclg.edu', '抖音号：qclg_fake'];
    for (const id of ids) {
      const r = await verifyInput(id, memorySource(index));
      expect(RED.has(r.verdict), `${id} → ${r.verdict}`).toBe(false);
    }
  });

  test('an unknown 抖音号 says 未找到 and lists the official 抖音 accounts with their IDs', async () => {
    const r = await verifyInput('抖音号：qclgqn', memorySource(index));
    expect(r.verdict).toBe('unregistered');
    expect(r.advice).toMatch(/^未找到/);
    expect(r.similar.map((s) => s.id)).toEqual(['jsj-douyin']);
    expect(r.similar[0]!.reason).toContain('qclg_jsj');
  });

  test('a name-only match is amber and shows the official ID to compare', async () => {
    const r = await verifyInput('青川理工计算机', memorySource(index));
    expect(r.verdict).toBe('same-name');
    expect(r.account?.id).toBe('jsj-douyin');
    expect(r.advice).toContain('qclg_jsj');
    expect(r.advice).toContain('同名');
  });

  test('a share text whose short link cannot be expanded is matched by its name on its platform', async () => {
    const r = await verifyInput('7.43 复制打开抖音，看看【青川理工计算机的作品】 https://v.douyin.com/iRNBho6u/ MWz:/', memorySource(index));
    // The normaliser decides whether it extracts the name; if it does, the name counts on 抖音.
    if (r.normalized.name) {
      expect(r.verdict).toBe('same-name');
      expect(r.account?.id).toBe('jsj-douyin');
    } else expect(r.verdict).toBe('unresolvable');
    expect(r.advice).toMatch(/抖音号|复制/);
  });
});
