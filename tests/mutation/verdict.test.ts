// verifyInput(): every branch of the verdict on a hand-made index of a few entries (no registry build),
// with exact advice texts, candidate lists and their order. The fixture source counts what it is
// asked for, so "only the slices it needs" is checked too.
import { describe, expect, test } from 'vitest';
import { ENTRY_STATUS_LABELS, VERDICTS, VERDICT_LABELS, toVerifyJson, unitsText, verifyInput, type VerifyResult } from '../../src/domain/verify/verdict.ts';
import { sliceOf, type IndexEntry, type IndexSource, type KeySlice, type NamesSlice, type ProtectedName } from '../../src/domain/verify/verify-index.ts';
import type { NameTables } from '../../src/domain/verify/names.ts';

const TABLES: NameTables = {
  t2s: '學学',
  py: { qing: '青清', qin: '秦', chuan: '川', li: '理', gong: '工', xue: '学', yuan: '院园', da: '大', ji: '计机', suan: '算', tu: '图', shu: '书', guan: '馆', tuan: '团', wei: '委', sheng: '生', hui: '会' },
};

const E = {
  weibo: (): IndexEntry => ({ t: 'a', id: 'qclg-weibo', name: '青川理工学院', platform: 'weibo', platformLabel: '微博', unit: 'xb', unitName: '党委宣传部', status: 'active', ids: ['微博UID：1234567890'] }),
  wechat: (): IndexEntry => ({ t: 'a', id: 'qclg-wechat', name: '青川理工学院', platform: 'wechat-mp', platformLabel: '微信公众号', unit: 'xb', unitName: '党委宣传部', status: 'active', ids: ['原始ID：gh_3a1b2c3d4e5f', '微信号：qclg1958'] }),
  jsj: (): IndexEntry => ({ t: 'a', id: 'jsj-douyin', name: '青川理工计算机', platform: 'douyin', platformLabel: '抖音', unit: 'jsj', unitName: '计算机学院', status: 'active', ids: ['抖音号：qclg_jsj'] }),
  lib: (): IndexEntry => ({ t: 'a', id: 'lib-weibo', name: '图书馆', platform: 'weibo', platformLabel: '微博', unit: 'lib', unitName: '图书馆', status: 'dormant', dormantSince: '2025-09-01' }),
  imp: (): IndexEntry => ({ t: 'i', id: 'imp-1', name: '青川理工学院官方', platform: 'weibo', platformLabel: '微博', status: 'impostor', imitates: 'qclg-weibo', confirmed: '2026-03-01' }),
  closed: (): IndexEntry => ({ t: 'a', id: 'tw-toutiao', name: '青川团委', platform: 'toutiao', platformLabel: '头条号', unit: 'tw', unitName: '校团委', status: 'closed', closed: '2025-12-31' }),
};

const PROTECTED = (): ProtectedName[] => [
  { name: '青川理工学院', kind: 'school' },
  { name: '青川理工', kind: 'short' },
  { name: '青川理工大学', kind: 'variant', note: '把“学院”换成了“大学”' },
  { name: 'qclg', kind: 'latin' },
  { name: '计算机学院', kind: 'unit', unit: 'jsj' },
  { name: '图书馆', kind: 'unit', unit: 'lib' },
];

interface Fixture {
  entries: IndexEntry[];
  keys?: Array<[string, number[]]>;
  former?: Array<[number, string]>;
  protected?: ProtectedName[];
  prefix?: number;
}

function source(f: Fixture): IndexSource & { calls: { names: number; slices: string[] } } {
  const prefix = f.prefix ?? 1;
  const slices: Record<string, KeySlice> = {};
  for (const [key, at] of f.keys ?? []) {
    const s = (slices[sliceOf(key, prefix)] ??= { entries: [], keys: {} });
    s.keys[key] = at.map((i) => {
      const e = f.entries[i]!;
      const j = s.entries.indexOf(e);
      return j >= 0 ? j : s.entries.push(e) - 1;
    });
  }
  const names: NamesSlice = { entries: f.entries, former: f.former ?? [], protected: f.protected ?? PROTECTED(), tables: TABLES };
  const calls = { names: 0, slices: [] as string[] };
  return {
    manifest: { version: 1, asOf: '2026-11-21', prefix, slices: Object.keys(slices).sort(), school: { name: '青川理工学院', shortNames: ['青川理工'] }, report: { repo: null, email: null, office: null }, counts: { accounts: 0, impostors: 0 } },
    calls,
    slice: async (id) => { calls.slices.push(id); return slices[id] ?? { entries: [], keys: {} }; },
    names: async () => { calls.names++; return names; },
  };
}

/** The standard fixture: all six entries, their keys. */
function std(extra: Partial<Fixture> = {}) {
  const entries = [E.weibo(), E.wechat(), E.jsj(), E.lib(), E.imp(), E.closed()];
  return source({
    entries,
    keys: [
      ['weibo:uid:1234567890', [0]],
      ['wechat-mp:gh:gh_3a1b2c3d4e5f', [1]],
      ['wechat-mp:wxid:qclg1958', [1]],
      ['douyin:douyin_id:qclg_jsj', [2]],
      ['weibo:uid:2222222222', [3]],
      ['weibo:uid:7138973247', [4]],
      ['toutiao:uid:555', [5]],
    ],
    ...extra,
  });
}

const LINK = 'https://weibo.com/u/1000000001';
const LINK_KEY = 'weibo:uid:1000000001';

/** A 微博 account of 校办 (overridable), found by LINK. */
const acc = (over: Partial<IndexEntry> = {}): IndexEntry => ({ t: 'a', id: 'acc', name: '青川校办', platform: 'weibo', platformLabel: '微博', unit: 'xb', unitName: '校办', status: 'active', ...over });
const one = (e: IndexEntry, key = LINK_KEY) => source({ entries: [e], keys: [[key, [0]]] });
const adviceOf = async (e: IndexEntry) => (await verifyInput(LINK, one(e))).advice;

/** The public JSON plus what the card shows, with entries as ids. */
const view = (r: VerifyResult) => ({
  ...toVerifyJson(r),
  entry: r.entry?.id ?? null,
  matchedBy: r.matchedBy,
  imitated: r.imitated?.id ?? null,
  related: r.related.map((x) => x.entry.id),
  protectedUses: r.protectedUses,
  differences: r.differences,
});

describe('the verdict tables', () => {
  test('every verdict has a headline and every status a Chinese wording', () => {
    expect(Object.keys(VERDICT_LABELS).sort()).toEqual([...VERDICTS].sort());
    expect(ENTRY_STATUS_LABELS).toEqual({ active: '正常运营', dormant: '停更未注销', suspended: '暂停运行', applied: '申请中', approved: '已批准待开通', closed: '已停办', impostor: '冒用账号' });
  });
});

describe('toVerifyJson() and unitsText()', () => {
  test('the JSON output holds exactly the seven public fields', async () => {
    const r = await verifyInput(LINK, one(acc()));
    expect(toVerifyJson(r)).toEqual({
      input: LINK,
      verdict: 'official',
      platform: 'weibo',
      keys: [LINK_KEY],
      account: { id: 'acc', name: '青川校办', platform: 'weibo', unit: 'xb', status: 'active' },
      similar: [],
      advice: '这是校办备案的微博账号“青川校办”，正常运营。',
    });
  });

  test('the lead unit and the co-running units are named; a missing unit name is left out', () => {
    const co = [{ id: 'tw', name: '校团委' }, { id: 'xsh', name: '学生会' }];
    expect(unitsText(acc({ coUnits: co }))).toBe('校办（牵头）与校团委、学生会联合');
    expect(unitsText(acc({ coUnits: co, unitName: undefined }))).toBe('（牵头）与校团委、学生会联合');
    expect(unitsText(acc({ coUnits: [] }))).toBe('校办');
    expect(unitsText(acc({ unitName: undefined }))).toBe('');
  });

  test('an account without a unit id has an empty unit in the JSON', async () => {
    const r = await verifyInput(LINK, one(acc({ unit: undefined })));
    expect(r.account).toEqual({ id: 'acc', name: '青川校办', platform: 'weibo', unit: '', status: 'active' });
  });
});

describe('a key match: the verdict and advice of each status', () => {
  test.each<[string, Partial<IndexEntry>, string, string]>([
    ['active', {}, 'official', '这是校办备案的微博账号“青川校办”，正常运营。'],
    ['active run by an operator', { operator: '某传媒公司' }, 'official', '这是校办备案的微博账号“青川校办”（由某传媒公司运营），正常运营。'],
    ['active with a badge and its reason', { label: '年审逾期', reason: '2025 年度未年审' }, 'official', '这是校办备案的微博账号“青川校办”，仍是备案账号，但目前年审逾期（2025 年度未年审）。'],
    ['active with a badge only', { label: '年审逾期' }, 'official', '这是校办备案的微博账号“青川校办”，仍是备案账号，但目前年审逾期。'],
    ['active with a reason but no badge', { reason: '无关' }, 'official', '这是校办备案的微博账号“青川校办”，正常运营。'],
    ['dormant with its date and reason', { status: 'dormant', dormantSince: '2025-09-01', reason: '人员调整' }, 'dormant', '这是校办备案的微博账号“青川校办”，自 2025-09-01 起停止更新，但没有注销（人员调整）：它仍是学校的账号，但不再发布新内容。如果它突然发布信息、拉群或要求转账，请先向学校核实。'],
    ['dormant without a date', { status: 'dormant' }, 'dormant', '这是校办备案的微博账号“青川校办”，自 （日期未登记） 起停止更新，但没有注销：它仍是学校的账号，但不再发布新内容。如果它突然发布信息、拉群或要求转账，请先向学校核实。'],
    ['suspended with a reason', { status: 'suspended', reason: '年审不合格' }, 'suspended', '这是校办备案的微博账号“青川校办”，但目前暂停运行（年审不合格）：按管理办法不得继续运行，请暂勿将其发布的内容视为学校的正式信息。'],
    ['suspended without a reason', { status: 'suspended' }, 'suspended', '这是校办备案的微博账号“青川校办”，但目前暂停运行：按管理办法不得继续运行，请暂勿将其发布的内容视为学校的正式信息。'],
    ['applied', { status: 'applied' }, 'pending', '校办申请开通的微博账号“青川校办”，尚在审批中，还没有正式开通；请以已开通的官方账号为准。'],
    ['approved', { status: 'approved' }, 'pending', '校办获批开通的微博账号“青川校办”，尚未正式开通；请以已开通的官方账号为准。'],
    ['closed with its date', { status: 'closed', closed: '2025-12-31' }, 'closed', '这是校办备案的微博账号“青川校办”，已于 2025-12-31 停办，现在不是官方账号。停办的账号可能被他人接手，请勿相信它发布的内容。'],
    ['closed without a date', { status: 'closed' }, 'closed', '这是校办备案的微博账号“青川校办”，已于 （日期未登记） 停办，现在不是官方账号。停办的账号可能被他人接手，请勿相信它发布的内容。'],
  ])('%s', async (_l, over, verdict, advice) => {
    const r = await verifyInput(LINK, one(acc(over)));
    expect(r.verdict).toBe(verdict);
    expect(r.advice).toBe(advice);
    expect(r.matchedBy).toBe('key');
    expect(r.entry?.id).toBe('acc');
    expect(r.account?.status).toBe(over.status ?? 'active');
  });

  test('a confirmed impostor names the official account it imitates, with its IDs', async () => {
    const src = std();
    const r = await verifyInput('https://weibo.com/u/7138973247', src);
    expect(view(r)).toEqual({
      input: 'https://weibo.com/u/7138973247',
      verdict: 'impostor',
      platform: 'weibo',
      keys: ['weibo:uid:7138973247'],
      account: null,
      similar: [{ id: 'qclg-weibo', name: '青川理工学院', reason: '被仿冒的官方账号（微博UID：1234567890）' }],
      advice: '这是已确认的冒用账号“青川理工学院官方”（微博，2026-03-01 确认），仿冒官方账号“青川理工学院”。请勿关注、转账或提供个人信息；如仍在活动，请举报。',
      entry: 'imp-1',
      matchedBy: 'key',
      imitated: 'qclg-weibo',
      related: ['qclg-weibo'],
      protectedUses: [],
      differences: [],
    });
  });

  test('an impostor whose imitated account is unknown, or is itself an impostor, names none', async () => {
    const imp = (over: Partial<IndexEntry>): IndexEntry => ({ t: 'i', id: 'imp-2', name: '假校办', platform: 'weibo', platformLabel: '微博', status: 'impostor', ...over });
    const bare = await verifyInput(LINK, one(imp({})));
    expect([bare.verdict, bare.imitated, bare.similar, bare.advice]).toEqual(['impostor', null, [], '这是已确认的冒用账号“假校办”（微博， 确认）。请勿关注、转账或提供个人信息；如仍在活动，请举报。']);
    // The imitated id belongs to another impostor entry, not to an account.
    const other: IndexEntry = { t: 'i', id: 'acc', name: '另一个冒用号', platform: 'weibo', platformLabel: '微博', status: 'impostor' };
    const r = await verifyInput(LINK, source({ entries: [imp({ imitates: 'acc', confirmed: '2026-01-02' }), other], keys: [[LINK_KEY, [0]]] }));
    expect([r.imitated, r.similar, r.advice]).toEqual([null, [], '这是已确认的冒用账号“假校办”（微博，2026-01-02 确认）。请勿关注、转账或提供个人信息；如仍在活动，请举报。']);
  });

  test('an account entry with an imitates field is not treated as an impostor', async () => {
    const src = source({ entries: [acc({ imitates: 'x' }), acc({ id: 'x', name: '别的号' })], keys: [[LINK_KEY, [0]]] });
    const r = await verifyInput(LINK, src);
    expect([r.verdict, r.imitated, r.related]).toEqual(['official', null, []]);
    expect(src.calls.names).toBe(0);
  });
});

describe('key lookups', () => {
  test('each slice the keys live in is fetched once, in order, and the names slice not at all', async () => {
    const src = one(acc());
    await verifyInput('87654321', src);
    expect(src.calls.slices).toEqual([...src.calls.slices].sort());
    expect(new Set(src.calls.slices).size).toBe(src.calls.slices.length);
    expect(src.calls.slices.length).toBeGreaterThan(4);
    const link = one(acc());
    await verifyInput(LINK, link);
    expect(link.calls.slices).toEqual([...new Set([sliceOf(LINK_KEY, 1), sliceOf('link:url:https://weibo.com/u/1000000001', 1)])].sort());
    expect(link.calls.names).toBe(0);
  });

  test('a bare number says which of its readings matched, each label once', async () => {
    const e = acc({ platform: 'qq-group', platformLabel: 'QQ群', name: '青川新生群' });
    const keys: Array<[string, number[]]> = ['qq-group:group:87654321', 'qq:uin:87654321', 'qzone:uin:87654321'].map((k) => [k, [0]]);
    const r = await verifyInput('87654321', source({ entries: [e], keys }));
    expect(r.verdict).toBe('official');
    expect(r.advice).toBe('输入与QQ号、QQ群号一致。这是校办备案的QQ群账号“青川新生群”，正常运营。');
  });

  test('a handle says which label matched; a link or a 原始ID does not', async () => {
    const src = std();
    expect((await verifyInput('qclg1958', src)).advice).toBe('输入与微信号一致。这是党委宣传部备案的微信公众号账号“青川理工学院”，正常运营。');
    expect((await verifyInput('gh_3a1b2c3d4e5f', src)).advice).toBe('这是党委宣传部备案的微信公众号账号“青川理工学院”，正常运营。');
    expect((await verifyInput('https://weibo.com/u/1234567890', src)).advice).toBe('这是党委宣传部备案的微博账号“青川理工学院”，正常运营。');
  });

  test('a registered link matches as a key', async () => {
    const r = await verifyInput('https://example.com/abc', one(acc({ platform: 'website', platformLabel: '网站' }), 'link:url:https://example.com/abc'));
    expect([r.verdict, r.entry?.id, r.platform, r.keys]).toEqual(['official', 'acc', 'website', ['website:domain:example.com', 'app:url:https://example.com/abc', 'other:url:https://example.com/abc', 'other:short:https://example.com/abc']]);
  });

  test('one identifier filed twice on one platform: the impostor list wins over a closed filing', async () => {
    const closed = acc({ id: 'old', name: '青川理工学院', status: 'closed', closed: '2024-01-01' });
    const src = source({ entries: [E.weibo(), E.imp(), closed], keys: [['weibo:uid:3333333333', [2, 1]]] });
    const r = await verifyInput('https://weibo.com/u/3333333333', src);
    expect(view(r)).toMatchObject({
      verdict: 'impostor',
      entry: 'imp-1',
      matchedBy: 'key',
      imitated: 'qclg-weibo',
      similar: [
        { id: 'qclg-weibo', name: '青川理工学院', reason: '被仿冒的官方账号（微博UID：1234567890）' },
        { id: 'old', name: '青川理工学院', reason: '同一标识的已停办备案' },
      ],
    });
  });

  test('one identifier filed twice on one platform: the live filing wins over the closed one', async () => {
    const src = source({ entries: [acc({ id: 'a-old', status: 'closed' }), acc({ id: 'b-new', status: 'dormant' })], keys: [[LINK_KEY, [0, 1]]] });
    const r = await verifyInput(LINK, src);
    expect([r.verdict, r.entry?.id, r.similar]).toEqual(['dormant', 'b-new', [{ id: 'a-old', name: '青川校办', reason: '同一标识的已停办备案' }]]);
  });

  test('one identifier filed twice on one platform: an impostor wins over a live filing too', async () => {
    const imp: IndexEntry = { t: 'i', id: 'a-imp', name: '假校办', platform: 'weibo', platformLabel: '微博', status: 'impostor' };
    const r = await verifyInput(LINK, source({ entries: [acc({ id: 'b-live' }), imp], keys: [[LINK_KEY, [0, 1]]] }));
    expect([r.verdict, r.entry?.id, r.similar]).toEqual(['impostor', 'a-imp', [{ id: 'b-live', name: '青川校办', reason: '同一标识的正常运营备案' }]]);
  });

  test('two live filings of one identifier on one platform are ambiguous', async () => {
    const r = await verifyInput(LINK, source({ entries: [acc({ id: 'b' }), acc({ id: 'a', status: 'suspended' })], keys: [[LINK_KEY, [0, 1]]] }));
    expect(view(r)).toMatchObject({
      verdict: 'ambiguous',
      entry: null,
      account: null,
      similar: [
        { id: 'b', name: '青川校办', reason: '微博UID一致（正常运营）' },
        { id: 'a', name: '青川校办', reason: '微博UID一致（暂停运行）' },
      ],
      advice: '该标识同时对应多个账号（不同平台的号码可能相同）。请确认你看到的是哪个平台的账号，再对照下面的候选核验；也可以粘贴账号主页链接。',
    });
  });

  test('a number on several platforms lists live accounts first, then accounts before impostors, then by id', async () => {
    const entries: IndexEntry[] = [
      acc({ id: 'a-closed', status: 'closed' }),
      { t: 'i', id: 'a-imp', name: '假号', platform: 'douyin', platformLabel: '抖音', status: 'impostor' },
      acc({ id: 'z-dormant', platform: 'bilibili', platformLabel: 'B站', status: 'dormant' }),
      acc({ id: 'm-live', platform: 'kuaishou', platformLabel: '快手' }),
      acc({ id: 'c-live', platform: 'toutiao', platformLabel: '头条号' }),
    ];
    const keys: Array<[string, number[]]> = [
      ['weibo:uid:1234500000', [0]],
      ['douyin:douyin_id:1234500000', [1]],
      ['bilibili:mid:1234500000', [2]],
      ['kuaishou:kuaishou_id:1234500000', [3]],
      ['kuaishou:principal_id:1234500000', [3]],
      ['toutiao:uid:1234500000', [4]],
    ];
    const r = await verifyInput('1234500000', source({ entries, keys }));
    expect(r.verdict).toBe('ambiguous');
    expect(r.similar).toEqual([
      { id: 'c-live', name: '青川校办', reason: '头条号（今日头条） 数字ID一致（正常运营）' },
      { id: 'm-live', name: '青川校办', reason: '快手 principalId、快手号一致（正常运营）' },
      { id: 'z-dormant', name: '青川校办', reason: '哔哩哔哩（B站） UID（mid）一致（停更未注销）' },
      { id: 'a-imp', name: '假号', reason: '抖音号一致（冒用账号）' },
      { id: 'a-closed', name: '青川校办', reason: '微博UID一致（已停办）' },
    ]);
    expect(r.advice).toBe('该数字同时对应多个账号（不同平台的号码可能相同）。请确认你看到的是哪个平台的账号，再对照下面的候选核验；也可以粘贴账号主页链接。');
    expect([r.entry, r.matchedBy, r.account, r.platform]).toEqual([null, null, null, null]);
  });
});

const share = (name: string) => `7.43 复制打开抖音，看看【${name}的作品】 https://v.douyin.com/iRNBho6u/ MWz:/`;
const DOUYIN_SHORT = '抖音分享短链接无法离线展开。请打开该账号主页，复制头像下方的“抖音号”粘贴到这里；或在电脑浏览器打开主页，复制地址栏中 douyin.com/user/… 的链接。';

describe('links that cannot be read offline', () => {
  test('a short link alone says what to copy instead', async () => {
    const r = await verifyInput('https://b23.tv/AbCdEfG', std());
    expect(view(r)).toEqual({
      input: 'https://b23.tv/AbCdEfG',
      verdict: 'unresolvable',
      platform: 'bilibili',
      keys: ['bilibili:short:https://b23.tv/AbCdEfG'],
      account: null,
      similar: [],
      advice: 'B站短链接（b23.tv）无法离线展开。请打开 UP 主的个人空间 → 复制 UID（或 space.bilibili.com/数字 的链接）。',
      entry: null,
      matchedBy: null,
      imitated: null,
      related: [],
      protectedUses: [],
      differences: [],
    });
  });

  test('a link with neither keys nor a name does not fetch the names slice', async () => {
    const src = std();
    const r = await verifyInput('weixin://abc', src);
    expect([r.verdict, r.platform, r.advice]).toEqual(['unresolvable', 'wechat-mini', '小程序链接无法离线解析。请在小程序右上角“…” → 点小程序名称 → 查看 AppID（wx 开头）后输入；也可以输入小程序名称。']);
    expect(src.calls).toEqual({ names: 0, slices: [] });
  });

  test('the name in share text that one account on that platform has is a name-only match', async () => {
    const r = await verifyInput(share('青川理工计算机'), std());
    expect(view(r)).toMatchObject({
      verdict: 'same-name',
      platform: 'douyin',
      entry: 'jsj-douyin',
      matchedBy: 'name',
      account: { id: 'jsj-douyin', name: '青川理工计算机', platform: 'douyin', unit: 'jsj', status: 'active' },
      advice: `分享文字中的名称与计算机学院备案的抖音账号“青川理工计算机”同名。名称可以被他人照抄，同名不等于就是官方账号：请核对账号ID是否为 抖音号：qclg_jsj，一致才是官方账号；也可以粘贴账号主页链接再核验。（短链接本身无法离线展开：${DOUYIN_SHORT}）`,
    });
  });

  test('a name in share text filed on another platform, or by an impostor, stays unresolvable with look-alikes listed', async () => {
    const r = await verifyInput(share('青川理工学院'), std());
    expect(view(r)).toMatchObject({
      verdict: 'unresolvable',
      platform: 'douyin',
      entry: null,
      advice: DOUYIN_SHORT,
      similar: [{ id: 'imp-1', name: '青川理工学院官方', reason: '名称去掉形近字、繁简、全角、零宽字符、表情和“官方/发布”等字样后相同' }],
      protectedUses: [
        { name: '青川理工学院', kind: 'school', use: 'contains' },
        { name: '青川理工', kind: 'short', use: 'contains' },
      ],
    });
    const imp: IndexEntry = { t: 'i', id: 'imp-dy', name: '青川视界', platform: 'douyin', platformLabel: '抖音', status: 'impostor' };
    const r2 = await verifyInput(share('青川视界'), source({ entries: [imp] }));
    expect([r2.verdict, r2.entry, r2.similar]).toEqual(['unresolvable', null, []]);
  });

  test('a name in share text that two accounts on that platform have is not a match', async () => {
    const two = [acc({ id: 'x1', name: '青川视界', platform: 'douyin', platformLabel: '抖音' }), acc({ id: 'x2', name: '青川视界', platform: 'douyin', platformLabel: '抖音' })];
    const r = await verifyInput(share('青川视界'), source({ entries: two }));
    expect([r.verdict, r.entry, r.similar, r.advice]).toEqual(['unresolvable', null, [], DOUYIN_SHORT]);
  });

  test('look-alikes of a share-text name are listed with their IDs, eight at most, live ones first', async () => {
    const entries = 'jihgfedcba'.split('').map((c, i) => acc({ id: `x-${c}`, name: `青川理工学院${c}`, status: i === 9 ? 'closed' : 'active', ids: [`抖音号：x${c}`] }));
    const r = await verifyInput(share('青川理工学院'), source({ entries }));
    expect(r.verdict).toBe('unresolvable');
    expect(r.similar.map((s) => s.id)).toEqual(['x-b', 'x-c', 'x-d', 'x-e', 'x-f', 'x-g', 'x-h', 'x-i']);
    expect(r.similar[0]).toEqual({ id: 'x-b', name: '青川理工学院b', reason: '名称只差一两个字（抖音号：xb）' });
  });
});

const RISKY_END = '这很可能是仿冒或未经批准的账号：请勿轻信，不要转账或提供个人信息；如确认冒用，请举报。';
const SIMILAR_SKELETON = '名称去掉形近字、繁简、全角、零宽字符、表情和“官方/发布”等字样后相同';

describe('names: exact matches', () => {
  test('a name one account has is a name-only match, with the IDs to check', async () => {
    const r = await verifyInput('青川理工计算机', std());
    expect(view(r)).toEqual({
      input: '青川理工计算机',
      verdict: 'same-name',
      platform: 'douyin',
      keys: [],
      account: { id: 'jsj-douyin', name: '青川理工计算机', platform: 'douyin', unit: 'jsj', status: 'active' },
      similar: [],
      advice: '名称与计算机学院备案的抖音账号“青川理工计算机”同名。名称可以被他人照抄，同名不等于就是官方账号：请核对账号ID是否为 抖音号：qclg_jsj，一致才是官方账号；也可以粘贴账号主页链接再核验。',
      entry: 'jsj-douyin',
      matchedBy: 'name',
      imitated: null,
      related: [],
      protectedUses: [{ name: '青川理工', kind: 'short', use: 'contains' }],
      differences: [],
    });
  });

  test('a name-only match says when the account is not running, and when it has no IDs on file', async () => {
    const src = std();
    expect((await verifyInput('青川团委', src)).advice).toBe('名称与校团委备案的头条号账号“青川团委”同名。该账号已停办（2025-12-31）。名称可以被他人照抄，同名不等于就是官方账号：该账号未登记账号ID，请核对主页链接，一致才是官方账号；也可以粘贴账号主页链接再核验。');
    expect((await verifyInput('图书馆', src)).advice).toBe('名称与图书馆备案的微博账号“图书馆”同名。该账号停更未注销。名称可以被他人照抄，同名不等于就是官方账号：该账号未登记账号ID，请核对主页链接，一致才是官方账号；也可以粘贴账号主页链接再核验。');
    const two = await verifyInput('青川校办', one(acc({ ids: ['微博UID：1000000001', '微博 个性域名：qcxb'] })));
    expect(two.advice).toBe('名称与校办备案的微博账号“青川校办”同名。名称可以被他人照抄，同名不等于就是官方账号：请核对账号ID是否为 微博UID：1000000001，微博 个性域名：qcxb，一致才是官方账号；也可以粘贴账号主页链接再核验。');
  });

  test('an exact name ignores a leading @, surrounding spaces, runs of spaces and ASCII case', async () => {
    const src = std();
    for (const input of ['@图书馆', '＠图书馆', '  图书馆 ', ' @图书馆']) expect([input, (await verifyInput(input, src)).verdict]).toEqual([input, 'same-name']);
    const radio = source({ entries: [acc({ name: 'QCLG Radio' })] });
    const r = await verifyInput(' qclg   radio ', radio);
    expect([r.verdict, r.entry?.id]).toEqual(['same-name', 'acc']);
  });

  test('a hidden character makes a look-alike, not an exact name', async () => {
    const r = await verifyInput('图\u200b书馆', std());
    expect(view(r)).toMatchObject({
      verdict: 'unregistered',
      entry: null,
      similar: [{ id: 'lib-weibo', name: '图书馆', reason: SIMILAR_SKELETON }],
      differences: ['含有不可见字符（零宽空格等）'],
      advice: '未找到使用该名称的备案账号。它与本校官方账号“图书馆”相似（不同之处：含有不可见字符（零宽空格等）），但这类名称其他学校也在用，不能据此判断真假：如果它自称是本校的账号，请核对下面官方账号的ID，或粘贴账号主页链接再核验。',
    });
  });

  test('a name several accounts have is ambiguous: live ones first, then by id', async () => {
    const src = source({ entries: [E.weibo(), acc({ id: 'a-old', name: '青川理工学院', status: 'closed', platform: 'toutiao', platformLabel: '头条号' }), E.wechat()] });
    const r = await verifyInput('青川理工学院', src);
    expect(view(r)).toMatchObject({
      verdict: 'ambiguous',
      entry: null,
      similar: [
        { id: 'qclg-wechat', name: '青川理工学院', reason: '同名（微信公众号，正常运营）（原始ID：gh_3a1b2c3d4e5f，微信号：qclg1958）' },
        { id: 'qclg-weibo', name: '青川理工学院', reason: '同名（微博，正常运营）（微博UID：1234567890）' },
        { id: 'a-old', name: '青川理工学院', reason: '同名（头条号，已停办）' },
      ],
      advice: '有 3 个备案账号使用这个名称（分布在不同平台）。名称可以被他人照抄：请确认账号所在的平台，并核对下面列出的账号ID，或粘贴主页链接核验。',
    });
  });

  test('the exact name of a confirmed impostor is the impostor', async () => {
    const r = await verifyInput('青川理工学院官方', std());
    expect(view(r)).toMatchObject({ verdict: 'impostor', entry: 'imp-1', matchedBy: 'name', imitated: 'qclg-weibo', platform: 'weibo' });
  });

  test('a look-alike of an impostor only (no official account looks the same) is that impostor', async () => {
    const imp: IndexEntry = { t: 'i', id: 'imp', name: '青川表白墙', platform: 'douyin', platformLabel: '抖音', status: 'impostor' };
    const r = await verifyInput('青川表白墙官方', source({ entries: [imp] }));
    expect([r.verdict, r.entry?.id, r.matchedBy, r.advice]).toEqual(['impostor', 'imp', 'name', '这是已确认的冒用账号“青川表白墙”（抖音， 确认）。请勿关注、转账或提供个人信息；如仍在活动，请举报。']);
    // A reading-alike of the impostor is not enough: only the same skeleton.
    const homophone = await verifyInput('清川表白墙', source({ entries: [imp] }));
    expect(homophone.verdict).toBe('unregistered');
  });

  test('a look-alike of both an impostor and an official account is a risky look-alike of the official one', async () => {
    const r = await verifyInput('青川理工学院发布', std());
    expect(view(r)).toMatchObject({
      verdict: 'risky',
      entry: null,
      similar: [
        { id: 'qclg-wechat', name: '青川理工学院', reason: `${SIMILAR_SKELETON}（原始ID：gh_3a1b2c3d4e5f，微信号：qclg1958）` },
        { id: 'qclg-weibo', name: '青川理工学院', reason: `${SIMILAR_SKELETON}（微博UID：1234567890）` },
      ],
      differences: ['多了“发布”'],
      advice: `使用该名称的账号未在备案库中找到，但它与官方账号“青川理工学院”相似（${SIMILAR_SKELETON}）（不同之处：多了“发布”）；名称中含有学校名称“青川理工学院”。${RISKY_END}`,
    });
  });
});

describe('names: look-alikes and protected names', () => {
  test('a homophone of the school name is risky, naming the official account and what differs', async () => {
    const r = await verifyInput('清川理工学院', std());
    expect(view(r)).toEqual({
      input: '清川理工学院',
      verdict: 'risky',
      platform: null,
      keys: [],
      account: null,
      similar: [
        { id: 'qclg-wechat', name: '青川理工学院', reason: '名称读音（拼音）相同（原始ID：gh_3a1b2c3d4e5f，微信号：qclg1958）' },
        { id: 'qclg-weibo', name: '青川理工学院', reason: '名称读音（拼音）相同（微博UID：1234567890）' },
      ],
      advice: `使用该名称的账号未在备案库中找到，但它与官方账号“青川理工学院”相似（名称读音（拼音）相同）（不同之处：“清”与“青”同音）；名称中含有与学校名称“青川理工学院”读音相同或相近的字。${RISKY_END}`,
      entry: null,
      matchedBy: null,
      imitated: null,
      related: ['qclg-wechat', 'qclg-weibo'],
      protectedUses: [
        { name: '青川理工学院', kind: 'school', use: 'contains-homophone' },
        { name: '青川理工', kind: 'short', use: 'contains-homophone' },
      ],
      differences: ['“清”与“青”同音'],
    });
  });

  test('a name with the school short name is risky even without a look-alike account', async () => {
    const r = await verifyInput('青川理工表白墙', std());
    expect(view(r)).toMatchObject({
      verdict: 'risky',
      similar: [],
      differences: ['多了“表白墙”'],
      protectedUses: [{ name: '青川理工', kind: 'short', use: 'contains' }],
      advice: `使用该名称的账号未在备案库中找到，但名称中含有学校简称“青川理工”（不同之处：多了“表白墙”）。${RISKY_END}`,
    });
    const latin = await verifyInput('qclg表白墙', std());
    expect(latin.advice).toBe(`使用该名称的账号未在备案库中找到，但名称中含有学校名称的拼音缩写“qclg”（不同之处：多了“表白墙”）。${RISKY_END}`);
  });

  test('a unit name with the school name is risky and lists the unit\'s live accounts', async () => {
    const r = await verifyInput('青川理工计算机学院学生会', std());
    expect(view(r)).toMatchObject({
      verdict: 'risky',
      similar: [{ id: 'jsj-douyin', name: '青川理工计算机', reason: '名称所指单位“计算机学院”的官方账号（抖音号：qclg_jsj）' }],
      protectedUses: [
        { name: '青川理工', kind: 'short', use: 'contains' },
        { name: '计算机学院', kind: 'unit', use: 'contains', unit: 'jsj' },
      ],
      differences: ['多了“计算机学院学生会”'],
      advice: `使用该名称的账号未在备案库中找到，但名称中含有学校简称“青川理工”，且名称中含有校内单位名称“计算机学院”（不同之处：多了“计算机学院学生会”）。${RISKY_END}`,
    });
  });

  test('a unit name without the school name is not the school\'s', async () => {
    const r = await verifyInput('计算机学院学生会', std());
    expect(view(r)).toMatchObject({
      verdict: 'unregistered',
      similar: [],
      protectedUses: [],
      advice: '未找到使用该名称的备案账号，名称也与学校及校内单位名称不相似。如果它自称是本校的官方账号，请粘贴账号主页链接或账号ID再核验。',
    });
  });

  test('the unit\'s accounts are listed once, without closed ones, with co-running ones', async () => {
    const entries = [
      acc({ id: 'jsj1', name: '青川理工计算机学院', unit: 'jsj', unitName: '计算机学院' }),
      acc({ id: 'jsj0', name: '计算机学院旧号', unit: 'jsj', status: 'closed' }),
      acc({ id: 'jsj2', name: '计算机学院团委', coUnits: [{ id: 'jsj', name: '计算机学院' }] }),
      acc({ id: 'jsj3', name: '计算机新闻', unit: 'jsj', unitName: '计算机学院', ids: ['微博UID：3'] }),
      acc({ id: 'other', name: '另一个号' }),
      { t: 'i', id: 'imp', name: '计算机学院冒用', platform: 'weibo', platformLabel: '微博', status: 'impostor', unit: 'jsj' } as IndexEntry,
    ];
    const r = await verifyInput('青川理工计算机学院官方号', source({ entries }));
    expect(r.similar.map((s) => s.id)).toEqual(['jsj1', 'jsj2', 'jsj3']);
    expect(r.similar[0]).toEqual({ id: 'jsj1', name: '青川理工计算机学院', reason: '名称只差一两个字' });
    expect(r.similar[2]).toEqual({ id: 'jsj3', name: '计算机新闻', reason: '名称所指单位“计算机学院”的官方账号（微博UID：3）' });
    expect(r.advice).toBe(`使用该名称的账号未在备案库中找到，但它与官方账号“青川理工计算机学院”相似（名称只差一两个字）（不同之处：多了“官方”；多了“号”）；名称中含有学校简称“青川理工”，且名称中含有校内单位名称“计算机学院”。${RISKY_END}`);
  });

  test('a former name of an account is risky: someone else may use it now', async () => {
    const r = await verifyInput('青川图书馆', source({ entries: [E.lib()], former: [[0, '青川图书馆']] }));
    expect(view(r)).toMatchObject({
      verdict: 'risky',
      entry: null,
      similar: [{ id: 'lib-weibo', name: '图书馆', reason: '曾用名（该账号现名“图书馆”）' }],
      advice: `使用该名称的账号未在备案库中找到，但这是已更名账号的旧名称，现在可能被他人使用。${RISKY_END}`,
    });
    const withIds = await verifyInput('青川图书馆', source({ entries: [{ ...E.lib(), ids: ['微博UID：2222222222'] }], former: [[0, '青川图书馆']] }));
    expect(withIds.similar).toEqual([{ id: 'lib-weibo', name: '图书馆', reason: '曾用名（该账号现名“图书馆”）（微博UID：2222222222）' }]);
  });

  test('a name that is both an account\'s current and former name is its name', async () => {
    const r = await verifyInput('青川校办', source({ entries: [acc()], former: [[0, '青川校办']] }));
    expect([r.verdict, r.entry?.id, r.similar]).toEqual(['same-name', 'acc', []]);
  });

  test('a look-alike of a former name says so', async () => {
    const entries = [acc({ id: 'x', name: '青川新闻' })];
    const r = await verifyInput('青川校办发布', source({ entries, former: [[0, '青川校办']], protected: [] }));
    expect(r.verdict).toBe('unregistered');
    expect(r.similar).toEqual([{ id: 'x', name: '青川新闻', reason: `${SIMILAR_SKELETON}（与曾用名“青川校办”）` }]);
  });

  test('a look-alike of an account name without the school name is listed, not red', async () => {
    const r = await verifyInput('学生会宣传部门', source({ entries: [acc({ name: '学生会宣传部', ids: ['微博UID：1'] })] }));
    expect(view(r)).toMatchObject({
      verdict: 'unregistered',
      similar: [{ id: 'acc', name: '学生会宣传部', reason: '名称只差一两个字（微博UID：1）' }],
      differences: ['多了“门”'],
      advice: '未找到使用该名称的备案账号。它与本校官方账号“学生会宣传部”相似（不同之处：多了“门”），但这类名称其他学校也在用，不能据此判断真假：如果它自称是本校的账号，请核对下面官方账号的ID，或粘贴账号主页链接再核验。',
    });
  });

  test('an unrelated name is not found, with nothing to compare', async () => {
    const src = std();
    const r = await verifyInput('北京大学', src);
    expect(view(r)).toEqual({
      input: '北京大学',
      verdict: 'unregistered',
      platform: null,
      keys: [],
      account: null,
      similar: [],
      advice: '未找到使用该名称的备案账号，名称也与学校及校内单位名称不相似。如果它自称是本校的官方账号，请粘贴账号主页链接或账号ID再核验。',
      entry: null,
      matchedBy: null,
      imitated: null,
      related: [],
      protectedUses: [],
      differences: [],
    });
    expect(src.calls).toEqual({ names: 1, slices: [] });
  });

  test('an empty input asks for something to check and reads nothing', async () => {
    const src = std();
    const r = await verifyInput('  \u200b ', src);
    expect(view(r)).toEqual({
      input: '  \u200b ',
      verdict: 'unregistered',
      platform: null,
      keys: [],
      account: null,
      similar: [],
      advice: '请输入要核验的账号链接、分享文字、账号ID或名称。',
      entry: null,
      matchedBy: null,
      imitated: null,
      related: [],
      protectedUses: [],
      differences: [],
    });
    expect(src.calls).toEqual({ names: 0, slices: [] });
  });
});

const NOT_FOUND_LIST = '未登记不等于仿冒：请对照下面同平台官方账号的ID；不一致说明不是这些官方账号。如果它以学校或校内单位的名义发布信息，请举报。';
const NOT_FOUND_NONE = '未登记不等于仿冒；如果它以学校或校内单位的名义发布信息，请举报。';

describe('unknown links and IDs: the official accounts to compare', () => {
  test('an unknown 微博 UID lists the live 微博 accounts, not closed ones or impostors', async () => {
    const src = std({ entries: [E.weibo(), E.wechat(), E.jsj(), E.lib(), E.imp(), acc({ id: 'old-weibo', status: 'closed' })] });
    const r = await verifyInput('https://weibo.com/u/5555555555', src);
    expect(view(r)).toEqual({
      input: 'https://weibo.com/u/5555555555',
      verdict: 'unregistered',
      platform: 'weibo',
      keys: ['weibo:uid:5555555555'],
      account: null,
      similar: [
        { id: 'qclg-weibo', name: '青川理工学院', reason: '微博官方账号（微博UID：1234567890）' },
        { id: 'lib-weibo', name: '图书馆', reason: '微博官方账号（未登记账号ID）' },
      ],
      advice: `未找到：该微博账号未在本校新媒体备案库中登记。${NOT_FOUND_LIST}`,
      entry: null,
      matchedBy: null,
      imitated: null,
      related: ['qclg-weibo', 'lib-weibo'],
      protectedUses: [],
      differences: [],
    });
  });

  test('the platform is named as the listed accounts name it, else from the key label', async () => {
    const listed = await verifyInput('https://weibo.com/u/5555555555', one(acc({ platformLabel: '新浪微博' })));
    expect(listed.advice).toBe(`未找到：该新浪微博账号未在本校新媒体备案库中登记。${NOT_FOUND_LIST}`);
    const none = await verifyInput('https://weibo.com/u/5555555555', one(acc({ platform: 'douyin', platformLabel: '抖音' })));
    expect([none.similar, none.advice]).toEqual([[], `未找到：该微博账号未在本校新媒体备案库中登记。${NOT_FOUND_NONE}`]);
    const bare = await verifyInput('https://weibo.com/', one(acc({ platform: 'douyin', platformLabel: '抖音' })));
    expect(bare.advice).toBe(`未找到：该账号未在本校新媒体备案库中登记。${NOT_FOUND_NONE}`);
  });

  test('a refused link and an unknown number are named as such', async () => {
    const src = std();
    const refused = await verifyInput('https://mp.weixin.qq.com@evil.example/', src);
    expect([refused.verdict, refused.platform, refused.similar, refused.advice]).toEqual(['unregistered', null, [], `未找到：该链接未在本校新媒体备案库中登记。${NOT_FOUND_NONE}`]);
    expect(src.calls.names).toBe(0);
    const digits = await verifyInput('5555555555', std());
    expect(digits.similar.map((s) => s.id)).toEqual(['jsj-douyin', 'qclg-weibo', 'lib-weibo']);
    expect(digits.advice).toBe(`未找到：该账号ID未在本校新媒体备案库中登记。${NOT_FOUND_LIST}`);
  });

  test('accounts whose IDs start like the input come first, case aside, eight at most', async () => {
    const ids = ['抖音号：qclg_zzz', '抖音号：QCLG_ABC', 'qclg_abx', '抖音号：qclg_a', undefined, '抖音号：qclg_ab', '抖音号：x', '抖音号：qc', '抖音号：q'];
    const entries = ids.map((id, i) => acc({ id: `e${9 - i}`, platform: 'douyin', platformLabel: '抖音', ids: id ? [id] : undefined }));
    const r = await verifyInput('qclg_abd', source({ entries }));
    expect(r.verdict).toBe('unregistered');
    // 7 characters alike (qclg_ab, QCLG_ABC, a bare qclg_abx), then 6, 5, 2, 1, 0; ties by id.
    expect(r.similar.map((s) => s.id)).toEqual(['e4', 'e7', 'e8', 'e6', 'e9', 'e2', 'e1', 'e3']);
  });
});

describe('unknown handles that use the school\'s names', () => {
  test('an account whose ID on file is the input itself (but not its key) comes first', async () => {
    const entries = [acc({ id: 'a', platform: 'douyin', platformLabel: '抖音', ids: ['抖音号：qclg_ab'] }), acc({ id: 'b', platform: 'douyin', platformLabel: '抖音', ids: ['抖音号：QCLG_ABD'] })];
    const r = await verifyInput('qclg_abd', source({ entries }));
    expect(r.similar.map((s) => s.id)).toEqual(['b', 'a']);
  });

  test('a handle with the school initials and a unit\'s pinyin lists that unit\'s accounts first, and is not red', async () => {
    const entries = [
      acc({ id: 'a-weibo' }),
      acc({ id: 'b-toutiao', platform: 'toutiao', platformLabel: '头条号' }),
      acc({ id: 'z-jsj-toutiao', platform: 'toutiao', platformLabel: '头条号', unit: 'jsj', unitName: '计算机学院' }),
      acc({ id: 'y-jsj-weibo', status: 'dormant', unit: 'jsj', unitName: '计算机学院' }),
      acc({ id: 'x-jsj-co', coUnits: [{ id: 'jsj', name: '计算机学院' }] }),
      acc({ id: 'w-jsj-closed', status: 'closed', unit: 'jsj' }),
    ];
    const r = await verifyInput('qclgjisuanjixueyuan', source({ entries }));
    expect(r.verdict).toBe('unregistered');
    expect(r.protectedUses).toEqual([
      { name: 'qclg', kind: 'latin', use: 'contains' },
      { name: '青川理工', kind: 'short', use: 'initials' },
      { name: '计算机学院', kind: 'unit', use: 'pinyin', unit: 'jsj' },
    ]);
    expect(r.similar).toEqual([
      { id: 'x-jsj-co', name: '青川校办', reason: '微博官方账号（未登记账号ID）' },
      { id: 'y-jsj-weibo', name: '青川校办', reason: '微博官方账号（未登记账号ID）' },
      { id: 'z-jsj-toutiao', name: '青川校办', reason: '头条号官方账号（未登记账号ID）' },
      { id: 'a-weibo', name: '青川校办', reason: '微博官方账号（未登记账号ID）' },
    ]);
    expect(r.advice).toBe(`未找到：该账号ID未在本校新媒体备案库中登记。它含有学校名称的拼音缩写“qclg”，但仅凭账号ID无法判断真假。${NOT_FOUND_LIST}`);
  });

  test('a unit\'s pinyin alone, without the school\'s names, does not point to the unit', async () => {
    const entries = [acc({ id: 'a-weibo' }), acc({ id: 'z-jsj-toutiao', platform: 'toutiao', platformLabel: '头条号', unit: 'jsj' })];
    const r = await verifyInput('jisuanjixueyuan', source({ entries }));
    expect([r.protectedUses, r.similar.map((s) => s.id)]).toEqual([[], ['a-weibo']]);
    expect(r.advice).toBe(`未找到：该账号ID未在本校新媒体备案库中登记。${NOT_FOUND_LIST}`);
  });

  test('a unit\'s initials in a handle are not a use of its name (only the school\'s initials are)', async () => {
    const r = await verifyInput('qclgjsjxy', source({ entries: [acc()] }));
    expect(r.protectedUses).toEqual([
      { name: 'qclg', kind: 'latin', use: 'contains' },
      { name: '青川理工', kind: 'short', use: 'initials' },
    ]);
  });
});

describe('names carried by links (微博 nicknames)', () => {
  test('the nickname of one account on that platform is that account', async () => {
    const r = await verifyInput('https://weibo.com/n/图书馆', std());
    expect(view(r)).toMatchObject({ verdict: 'dormant', entry: 'lib-weibo', matchedBy: 'name', platform: 'weibo', keys: [] });
    expect(r.advice).toBe('这是图书馆备案的微博账号“图书馆”，自 2025-09-01 起停止更新，但没有注销：它仍是学校的账号，但不再发布新内容。如果它突然发布信息、拉群或要求转账，请先向学校核实。');
  });

  test('the nickname of an impostor on that platform is the impostor', async () => {
    const r = await verifyInput('https://weibo.com/n/青川理工学院官方', std());
    expect(view(r)).toMatchObject({ verdict: 'impostor', entry: 'imp-1', matchedBy: 'name', imitated: 'qclg-weibo' });
  });

  test('the name of an account filed on another platform is a red look-alike there', async () => {
    const r = await verifyInput('https://weibo.com/n/青川理工计算机', std());
    expect(view(r)).toMatchObject({
      verdict: 'risky',
      entry: null,
      platform: 'weibo',
      similar: [{ id: 'jsj-douyin', name: '青川理工计算机', reason: '同名，但备案在抖音（抖音号：qclg_jsj）' }],
      differences: [],
      advice: `该账号标识未在备案库中找到，但它与官方账号“青川理工计算机”相似（同名，但备案在抖音）；名称中含有学校简称“青川理工”。${RISKY_END}`,
    });
  });

  test('an account on another platform found by name and by a former name is listed once', async () => {
    const e = acc({ id: 'dy', name: '青川视界', platform: 'douyin', platformLabel: '抖音' });
    const r = await verifyInput('https://weibo.com/n/青川视界', source({ entries: [e], former: [[0, '青川视界官方']], protected: [] }));
    expect(r.similar).toEqual([{ id: 'dy', name: '青川视界', reason: '同名，但备案在抖音' }]);
    expect(r.verdict).toBe('risky');
  });

  test('a nickname that two accounts on that platform have is not a match', async () => {
    const entries = [acc({ id: 'w1', name: '青川视界' }), acc({ id: 'w2', name: '青川视界' })];
    const r = await verifyInput('https://weibo.com/n/青川视界', source({ entries, protected: [] }));
    expect([r.verdict, r.entry]).toEqual(['unregistered', null]);
  });

});

describe('how a name uses the protected names', () => {
  const uses = async (input: string, prot: ProtectedName[]) => (await verifyInput(input, source({ entries: [], protected: prot }))).protectedUses;

  test('a Latin abbreviation counts from 4 letters', async () => {
    expect(await uses('qcl表白墙', [{ name: 'qcl', kind: 'latin' }])).toStrictEqual([]);
    expect(await uses('qclg表白墙', [{ name: 'qclg', kind: 'latin' }])).toStrictEqual([{ name: 'qclg', kind: 'latin', use: 'contains' }]);
    expect(await uses('qcxy表白墙', [{ name: 'qclg', kind: 'latin' }])).toStrictEqual([]);
  });

  test('a short name counts from 2 characters, a unit\'s name from 3', async () => {
    const prot: ProtectedName[] = [{ name: '青川', kind: 'short' }, { name: '团委', kind: 'unit', unit: 'tw' }, { name: '校团委', kind: 'unit', unit: 'xtw' }];
    expect(await uses('青川团委会', prot)).toStrictEqual([{ name: '青川', kind: 'short', use: 'contains' }]);
    expect(await uses('青川校团委', prot)).toStrictEqual([
      { name: '青川', kind: 'short', use: 'contains' },
      { name: '校团委', kind: 'unit', use: 'contains', unit: 'xtw' },
    ]);
  });

  test('a three-syllable short name read inside another name counts only at its start', async () => {
    const prot: ProtectedName[] = [{ name: '青理工', kind: 'short' }];
    expect(await uses('大清理工', prot)).toStrictEqual([]);
    expect(await uses('清理工大', prot)).toStrictEqual([{ name: '青理工', kind: 'short', use: 'contains-homophone' }]);
    expect(await uses('大清川理工', [{ name: '青川理工', kind: 'short' }])).toStrictEqual([{ name: '青川理工', kind: 'short', use: 'contains-homophone' }]);
  });

  test('a name protected as a prefix counts only at the start, by text or by reading', async () => {
    const prot: ProtectedName[] = [{ name: '青川理工', kind: 'short', prefix: true }];
    expect(await uses('青川理工表白墙', prot)).toStrictEqual([{ name: '青川理工', kind: 'short', use: 'contains' }]);
    expect(await uses('清川理工表白墙', prot)).toStrictEqual([{ name: '青川理工', kind: 'short', use: 'contains-homophone' }]);
    expect(await uses('大青川理工', prot)).toStrictEqual([]);
    expect(await uses('大清川理工', prot)).toStrictEqual([]);
  });

  test('the full name and its variants (4 characters or more) also count when a character is added or dropped', async () => {
    expect(await uses('青川理工学', [{ name: '青川理工学院', kind: 'school' }])).toStrictEqual([{ name: '青川理工学院', kind: 'school', use: 'resembles' }]);
    expect(await uses('青川大理工', [{ name: '青川理工', kind: 'variant', note: '截去了“学院”' }])).toStrictEqual([{ name: '青川理工', kind: 'variant', use: 'resembles', note: '截去了“学院”' }]);
    // One character replaced by an unrelated one names another school; short names never resemble.
    expect(await uses('青州理工学院', [{ name: '青川理工学院', kind: 'school' }])).toStrictEqual([]);
    expect(await uses('青川大理工', [{ name: '青川理工', kind: 'short' }])).toStrictEqual([]);
  });

  test('the school\'s names come first, plain uses before readings, longer names first; units after them', async () => {
    expect(await uses('青川理工·清川理工学院', PROTECTED())).toStrictEqual([
      { name: '青川理工', kind: 'short', use: 'contains' },
      { name: '青川理工学院', kind: 'school', use: 'contains-homophone' },
    ]);
    expect(await uses('计算机学院青川理工大学', PROTECTED())).toStrictEqual([
      { name: '青川理工大学', kind: 'variant', use: 'contains', note: '把“学院”换成了“大学”' },
      { name: '青川理工', kind: 'short', use: 'contains' },
      { name: '计算机学院', kind: 'unit', use: 'contains', unit: 'jsj' },
    ]);
  });

  test('the advice names the strongest school name and at most one unit name', async () => {
    const r = await verifyInput('青川理工大学计算机学院图书馆', std());
    expect(r.protectedUses.map((u) => u.name)).toStrictEqual(['青川理工大学', '青川理工', '计算机学院', '图书馆']);
    expect(r.advice).toBe(`使用该名称的账号未在备案库中找到，但名称中含有学校名称的变体“青川理工大学”（把“学院”换成了“大学”），且名称中含有校内单位名称“计算机学院”（不同之处：多了“计算机学院图书馆”）。${RISKY_END}`);
    expect(r.similar.map((s) => s.id)).toStrictEqual(['jsj-douyin', 'lib-weibo']);
  });
});

describe('look-alikes of official accounts', () => {
  test('a look-alike of an account name that carries the school name is red even without the school name itself', async () => {
    const r = await verifyInput('青川理计算机', std());
    expect(view(r)).toMatchObject({
      verdict: 'risky',
      protectedUses: [],
      similar: [{ id: 'jsj-douyin', name: '青川理工计算机', reason: '名称只差一两个字（抖音号：qclg_jsj）' }],
      differences: ['少了“工”'],
      advice: `使用该名称的账号未在备案库中找到，但它与官方账号“青川理工计算机”相似（名称只差一两个字）（不同之处：少了“工”）。${RISKY_END}`,
    });
  });

  test('one character swapped for an unrelated one is listed but not red (another school)', async () => {
    const r = await verifyInput('青州理工学院', std());
    expect(view(r)).toMatchObject({
      verdict: 'unregistered',
      protectedUses: [],
      similar: [
        { id: 'qclg-wechat', name: '青川理工学院', reason: '名称只差一两个字（原始ID：gh_3a1b2c3d4e5f，微信号：qclg1958）' },
        { id: 'qclg-weibo', name: '青川理工学院', reason: '名称只差一两个字（微博UID：1234567890）' },
      ],
      differences: ['“川”换成了“州”'],
      advice: '未找到使用该名称的备案账号。它与本校官方账号“青川理工学院”相似（不同之处：“川”换成了“州”），但这类名称其他学校也在用，不能据此判断真假：如果它自称是本校的账号，请核对下面官方账号的ID，或粘贴账号主页链接再核验。',
    });
  });

  test('look-alikes rank by resemblance, then by edit distance, then live before closed, then by id', async () => {
    const entries = [
      acc({ id: 'a-closed', name: '青川理工学院', status: 'closed' }),
      acc({ id: 'b-homophone2', name: '清川理工学园' }),
      acc({ id: 'c-dist1', name: '青川理工学院x' }),
      acc({ id: 'z-live', name: '青川理工学院' }),
      acc({ id: 'y-homophone', name: '清川理工学院' }),
      acc({ id: 'x-near', name: '秦川理工学院' }),
      acc({ id: 'd-suspended', name: '青川理工学院', status: 'suspended' }),
      acc({ id: 'e-live', name: '青川理工学院' }),
    ];
    const r = await verifyInput('青川理工学院官方', source({ entries }));
    expect(r.similar.map((s) => s.id)).toEqual(['e-live', 'z-live', 'd-suspended', 'a-closed', 'y-homophone', 'b-homophone2', 'x-near', 'c-dist1']);
  });

  test('related accounts of a look-alike name are eight at most', async () => {
    const entries = 'abcdefghij'.split('').map((c) => acc({ id: `x-${c}`, name: `青川理工学院${c}` }));
    const r = await verifyInput('青川理工学院', source({ entries }));
    expect(r.verdict).toBe('risky');
    expect(r.similar.map((s) => s.id)).toEqual(['x-a', 'x-b', 'x-c', 'x-d', 'x-e', 'x-f', 'x-g', 'x-h']);
  });
});

describe('a name shared by an account and a confirmed impostor', () => {
  // Impostors copy official names exactly: the name is registered (never "未找到"), and the
  // impostor using it is worth knowing about.
  const entries = (): IndexEntry[] => [
    acc({ id: 'sj', name: '青川视界', platform: 'douyin', platformLabel: '抖音', ids: ['抖音号：qcsj'] }),
    { t: 'i', id: 'imp-sj', name: '青川视界', platform: 'weibo', platformLabel: '微博', status: 'impostor', imitates: 'sj', confirmed: '2026-05-01' },
  ];

  test('is a name-only match of the account that also names the impostor', async () => {
    const r = await verifyInput('青川视界', source({ entries: entries(), protected: [] }));
    expect(view(r)).toMatchObject({
      verdict: 'same-name',
      entry: 'sj',
      matchedBy: 'name',
      platform: 'douyin',
      similar: [{ id: 'imp-sj', name: '青川视界', reason: '同名的已确认冒用账号（微博）' }],
      advice: '名称与校办备案的抖音账号“青川视界”同名。名称可以被他人照抄，同名不等于就是官方账号：请核对账号ID是否为 抖音号：qcsj，一致才是官方账号；也可以粘贴账号主页链接再核验。注意：已确认的冒用账号“青川视界”（微博）也使用这个名称。',
    });
  });

  test('is not reported as an unregistered or look-alike name', async () => {
    const r = await verifyInput('青川视界', source({ entries: entries() }));
    expect(r.verdict).not.toBe('unregistered');
    expect(r.verdict).not.toBe('risky');
    expect(r.advice).not.toContain('未找到');
  });
});

describe('exact names and branded account names, fine points', () => {
  test('registered names match with spaces around them, and an @ inside a name is kept', async () => {
    const spaced = await verifyInput('青川校办', source({ entries: [acc({ name: ' 青川校办  ' })] }));
    expect([spaced.verdict, spaced.entry?.id]).toEqual(['same-name', 'acc']);
    const at = await verifyInput('QC@Radio', source({ entries: [acc({ name: 'QC@Radio' })] }));
    expect([at.verdict, at.entry?.id]).toEqual(['same-name', 'acc']);
  });

  test('a name two impostors share is the first impostor', async () => {
    const imp = (id: string): IndexEntry => ({ t: 'i', id, name: '青川视界', platform: 'weibo', platformLabel: '微博', status: 'impostor' });
    const r = await verifyInput('青川视界', source({ entries: [imp('i1'), imp('i2')], protected: [] }));
    expect([r.verdict, r.entry?.id]).toEqual(['impostor', 'i1']);
  });

  test('an account name that carries only a unit\'s name is not branded: its look-alikes are not red', async () => {
    const r = await verifyInput('计算机学院新闻网', source({ entries: [acc({ name: '计算机学院新闻' })] }));
    expect([r.verdict, r.similar.map((s) => s.id)]).toEqual(['unregistered', ['acc']]);
  });

  test('an account matched by its name and by a former name is listed once, for its name', async () => {
    const r = await verifyInput('青川理工学院发布', source({ entries: [acc({ id: 'x', name: '青川理工学院' })], former: [[0, '清川理工学院']] }));
    expect(r.similar).toEqual([{ id: 'x', name: '青川理工学院', reason: SIMILAR_SKELETON }]);
  });
});

describe('fine points of ordering and of names in links', () => {
  test('numbers found on several platforms list accounts by id, and an account before an impostor of the same standing', async () => {
    const keys = ['weibo:uid:1234500000', 'douyin:douyin_id:1234500000', 'bilibili:mid:1234500000'];
    // The slices are read in order of their ids: name the entries against that order.
    const order = keys.map((k, i) => ({ k, i, s: sliceOf(k, 1) })).sort((a, b) => (a.s < b.s ? -1 : a.s > b.s ? 1 : a.i - b.i));
    const [first, second, third] = order;
    const entries: IndexEntry[] = [
      { t: 'i', id: 'a-imp', name: '假号', platform: first!.k.split(':')[0]!, platformLabel: 'P1', status: 'impostor' },
      acc({ id: 'z-live', platform: second!.k.split(':')[0]!, platformLabel: 'P2' }),
      acc({ id: 'b-live', platform: third!.k.split(':')[0]!, platformLabel: 'P3' }),
      acc({ id: 'c-dormant', platform: first!.k.split(':')[0]!, platformLabel: 'P1', status: 'dormant' }),
    ];
    const r = await verifyInput('1234500000', source({ entries, keys: [[first!.k, [0, 3]], [second!.k, [1]], [third!.k, [2]]] }));
    expect(r.verdict).toBe('ambiguous');
    expect(r.similar.map((x) => x.id)).toEqual(['b-live', 'z-live', 'c-dormant', 'a-imp']);
  });

  test('an account without IDs on file is not taken for one whose IDs look like the input', async () => {
    const entries = [acc({ id: 'c', platform: 'douyin', platformLabel: '抖音' }), acc({ id: 'b', platform: 'douyin', platformLabel: '抖音', ids: ['抖音号：x'] })];
    const r = await verifyInput('st_unknown', source({ entries }));
    expect(r.similar.map((x) => x.id)).toEqual(['b', 'c']);
  });

  test('a nickname an impostor uses on another platform is not that impostor', async () => {
    const imp: IndexEntry = { t: 'i', id: 'imp', name: '青川视界', platform: 'douyin', platformLabel: '抖音', status: 'impostor' };
    const r = await verifyInput('https://weibo.com/n/青川视界', source({ entries: [imp], protected: [] }));
    expect([r.verdict, r.entry]).toEqual(['unregistered', null]);
  });

  test('a nickname of an account filed elsewhere outweighs an impostor that merely looks like it', async () => {
    const entries: IndexEntry[] = [
      acc({ id: 'dy', name: '青川视界', platform: 'douyin', platformLabel: '抖音' }),
      { t: 'i', id: 'imp', name: '青川视界官方', platform: 'weibo', platformLabel: '微博', status: 'impostor' },
    ];
    const r = await verifyInput('https://weibo.com/n/青川视界', source({ entries, protected: [] }));
    expect([r.verdict, r.entry, r.similar.map((x) => x.id)]).toEqual(['risky', null, ['dy']]);
  });

  test('an impostor look-alike wins over an official account that only sounds alike', async () => {
    const entries: IndexEntry[] = [
      { t: 'i', id: 'imp', name: '青川表白墙', platform: 'douyin', platformLabel: '抖音', status: 'impostor' },
      acc({ id: 'sound', name: '清川表白墙' }),
    ];
    const r = await verifyInput('青川表白墙官方', source({ entries, protected: [] }));
    expect([r.verdict, r.entry?.id]).toEqual(['impostor', 'imp']);
  });

  test('every impostor sharing an account\'s name is named', async () => {
    const entries: IndexEntry[] = [
      acc({ id: 'sj', name: '青川视界', platform: 'douyin', platformLabel: '抖音' }),
      { t: 'i', id: 'i1', name: '青川视界', platform: 'weibo', platformLabel: '微博', status: 'impostor' },
      { t: 'i', id: 'i2', name: '青川视界', platform: 'kuaishou', platformLabel: '快手', status: 'impostor' },
    ];
    const r = await verifyInput('青川视界', source({ entries, protected: [] }));
    expect(r.verdict).toBe('same-name');
    expect(r.advice.endsWith('注意：已确认的冒用账号“青川视界”（微博）、“青川视界”（快手）也使用这个名称。')).toBe(true);
    expect(r.similar.map((x) => x.id)).toEqual(['i1', 'i2']);
  });
});
