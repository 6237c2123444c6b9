// The validator's look-alike name rule (src/domain/verify/name-rules.ts) on small in-memory
// registries: which account is flagged (the newer name), how findings are grouped, ordered and
// capped per file, the bounds that keep a flood of look-alikes cheap, and the changed-files mode.
import { describe, expect, test } from 'vitest';
import type { AccountFiling } from '../../src/domain/filing.ts';
import type { Finding } from '../../src/domain/findings.ts';
import { emptyRegistry, type Registry } from '../../src/domain/registry.ts';
import type { Account } from '../../src/domain/schema/account.ts';
import { checkAccountNames } from '../../src/domain/verify/name-rules.ts';
import { nameForm, type NameForm } from '../../src/domain/verify/names.ts';

function acc(id: string, unit: string, name: string, over: Record<string, unknown> = {}): AccountFiling {
  return {
    file: `accounts/${unit}/${id}.mdx`,
    id,
    scope: unit,
    html: '',
    data: { id, name, formerNames: [], platform: 'weibo', keys: [], unit, units: [], tier: 2, status: 'active', filing: 'new', purpose: '用途', dates: { opened: '2020-01-01' }, history: [], orders: [], exemptions: [], ...over } as unknown as Account,
    pos: { id: [2, 3], name: [3, 5] },
  };
}
const reg = (...accounts: AccountFiling[]): Registry => ({ ...emptyRegistry(), accounts });
const opened = (d: string) => ({ dates: { opened: d } });

const LOOK = '名称去掉形近字、繁简、全角、零宽字符、表情和“官方/发布”等字样后相同';
const lookMsg = (newer: string, other: string, older: string, more = '') =>
  `名称“${newer}”与 ${other} 的“${older}”${LOOK}，公众无法区分，也会被当成仿冒账号；请改用能区分的名称${more}`;
const simMsg = (newer: string, other: string, older: string, label: string, more = '') => `名称“${newer}”与 ${other} 的“${older}”相似（${label}），请确认不会混淆${more}`;
const brief = (fs: Finding[]) => fs.map((f) => `${f.file} ${f.code} ${f.message.includes('至少') ? 'cut' : ''}`.trim());

const A = '青川理工计算机学院';
const A_TRAD = '靑川理工计算机学院';

describe('checkAccountNames(): what is flagged', () => {
  test('a look-alike of another unit\'s account is an error on the newer name, pointing at its name field', () => {
    const a = acc('a', 'jsj', A, opened('2020-03-01'));
    const b = acc('b', 'xcb', A_TRAD, opened('2021-03-01'));
    const expected: Finding = {
      file: 'accounts/xcb/b.mdx',
      line: 3,
      column: 5,
      field: 'name',
      code: 'name/look-alike',
      message: '名称“靑川理工计算机学院”与 accounts/jsj/a.mdx 的“青川理工计算机学院”名称去掉形近字、繁简、全角、零宽字符、表情和“官方/发布”等字样后相同，公众无法区分，也会被当成仿冒账号；请改用能区分的名称',
      severity: 'error',
    };
    expect(checkAccountNames(reg(a, b))).toEqual([expected]);
    expect(checkAccountNames(reg(b, a))).toEqual([expected]);
    expect(checkAccountNames(reg(a, b), new Set([b.file]))).toEqual([expected]);
    expect(checkAccountNames(reg(a, b), new Set([a.file]))).toEqual([expected]);
  });

  test('traditional characters fold with the tables built for the names', () => {
    const a = acc('a', 'jsj', '青川理工学院', opened('2020-03-01'));
    const b = acc('b', 'xcb', '青川理工學院', opened('2021-03-01'));
    expect(brief(checkAccountNames(reg(a, b)))).toEqual(['accounts/xcb/b.mdx name/look-alike']);
  });

  test('a homophone or one substituted character is a warning', () => {
    const a = acc('a', 'jsj', A, opened('2020-03-01'));
    const h = acc('h', 'xcb', '清川理工计算机学院', opened('2021-03-01'));
    const e = acc('e', 'tw', '青川理工计算器学院', opened('2022-03-01'));
    const out = checkAccountNames(reg(a, h, e));
    expect(out).toEqual([
      { file: h.file, line: 3, column: 5, field: 'name', code: 'name/similar', message: `名称“清川理工计算机学院”与 accounts/jsj/a.mdx 的“${A}”相似（名称读音（拼音）相同），请确认不会混淆`, severity: 'warning' },
      { file: e.file, line: 3, column: 5, field: 'name', code: 'name/similar', message: simMsg('青川理工计算器学院', 'accounts/jsj/a.mdx', A, '名称只差一两个字'), severity: 'warning' },
    ]);
    for (const f of [a, h, e]) expect(checkAccountNames(reg(a, h, e), new Set([f.file]))).toEqual(out.filter((x) => x.file === f.file || x.message.includes(f.file)));
  });

  test('one substituted character at the start, in the middle or at the end of a name of five', () => {
    const five = ['中川理工院', '青中理工院', '青川中工院', '青川理中院', '青川理工中'];
    for (const n of five) {
      const a = acc('a', 'jsj', '青川理工院', opened('2020-01-01'));
      const b = acc('b', 'xcb', n, opened('2021-01-01'));
      const expected = [{ file: b.file, line: 3, column: 5, field: 'name', code: 'name/similar', message: simMsg(n, a.file, '青川理工院', '名称只差一两个字'), severity: 'warning' }];
      expect(checkAccountNames(reg(a, b)), n).toEqual(expected);
      expect(checkAccountNames(reg(a, b), new Set([b.file])), n).toEqual(expected);
      expect(checkAccountNames(reg(b, a), new Set([b.file])), n).toEqual(expected);
    }
  });

  test('two substitutions, an added character or a name of four are not flagged', () => {
    for (const [x, y] of [['青川理工院', '中川理工学'], ['青川理工院', '青川理工院团'], ['青川理工', '中川理工']]) {
      const r = reg(acc('a', 'jsj', x!), acc('b', 'xcb', y!, opened('2021-01-01')));
      expect(checkAccountNames(r)).toEqual([]);
      expect(checkAccountNames(r, new Set(['accounts/xcb/b.mdx']))).toEqual([]);
    }
  });

  test('fewer than two accounts, or changed files with no account, give nothing', () => {
    expect(checkAccountNames(reg(acc('a', 'jsj', A)))).toEqual([]);
    expect(checkAccountNames(reg())).toEqual([]);
    expect(checkAccountNames(reg(acc('a', 'jsj', A), acc('b', 'xcb', A_TRAD)), new Set(['units/jsj.yaml']))).toEqual([]);
  });

  test('a unit may name its own accounts alike', () => {
    const r = reg(acc('a', 'jsj', A), acc('b', 'jsj', A_TRAD, opened('2021-01-01')));
    expect(checkAccountNames(r)).toEqual([]);
    expect(checkAccountNames(r, new Set(['accounts/jsj/b.mdx']))).toEqual([]);
  });

  test('two closed accounts are not compared; a closed and a live one are', () => {
    const closed = { status: 'closed', dates: { opened: '2020-01-01', closed: '2021-01-01' } };
    expect(checkAccountNames(reg(acc('a', 'jsj', A, closed), acc('b', 'xcb', A_TRAD, closed)))).toEqual([]);
    expect(brief(checkAccountNames(reg(acc('a', 'jsj', A, closed), acc('b', 'xcb', A_TRAD, opened('2022-01-01')))))).toEqual(['accounts/xcb/b.mdx name/look-alike']);
    expect(brief(checkAccountNames(reg(acc('a', 'jsj', A, opened('2023-01-01')), acc('b', 'xcb', A_TRAD, closed))))).toEqual(['accounts/jsj/a.mdx name/look-alike']);
  });

  test('the same name on the same platform among live accounts is left to the duplicate rule', () => {
    const spaced = '青川理工 计算机学院';
    expect(checkAccountNames(reg(acc('a', 'jsj', A), acc('b', 'xcb', spaced, opened('2021-01-01'))))).toEqual([]);
    expect(checkAccountNames(reg(acc('a', 'jsj', A), acc('b', 'xcb', A, opened('2021-01-01'))))).toEqual([]);
    // Another platform, or one account not live: the look-alike rule speaks.
    expect(brief(checkAccountNames(reg(acc('a', 'jsj', A), acc('b', 'xcb', spaced, { ...opened('2021-01-01'), platform: 'douyin' }))))).toEqual(['accounts/xcb/b.mdx name/look-alike']);
    expect(brief(checkAccountNames(reg(acc('a', 'jsj', A), acc('b', 'xcb', A, { status: 'applied', dates: { applied: '2021-01-01' } }))))).toEqual(['accounts/xcb/b.mdx name/look-alike']);
    expect(brief(checkAccountNames(reg(acc('a', 'jsj', A, { status: 'approved', dates: { applied: '2021-01-01' } }), acc('b', 'xcb', A))))).toEqual(['accounts/xcb/b.mdx name/look-alike']);
  });

  test('without a position for the name the finding points at line 1', () => {
    const b = acc('b', 'xcb', A_TRAD, opened('2021-01-01'));
    b.pos = {};
    expect(checkAccountNames(reg(acc('a', 'jsj', A), b)).map((f) => [f.line, f.column])).toEqual([[1, 1]]);
  });
});

describe('checkAccountNames(): which name is newer', () => {
  const flagged = (...accts: AccountFiling[]) => checkAccountNames(reg(...accts)).map((f) => f.file);

  test('the later opening date; on the same date the later file name', () => {
    expect(flagged(acc('a', 'jsj', A, opened('2021-01-02')), acc('b', 'xcb', A_TRAD, opened('2021-01-01')))).toEqual(['accounts/jsj/a.mdx']);
    expect(flagged(acc('a', 'jsj', A, opened('2021-01-01')), acc('b', 'xcb', A_TRAD, opened('2021-01-02')))).toEqual(['accounts/xcb/b.mdx']);
    expect(flagged(acc('a', 'jsj', A), acc('b', 'xcb', A_TRAD))).toEqual(['accounts/xcb/b.mdx']);
    expect(flagged(acc('b', 'xcb', A), acc('a', 'jsj', A_TRAD))).toEqual(['accounts/xcb/b.mdx']);
  });

  test('a rename dates the name: the latest rename, whatever the order of the history', () => {
    const renamed = {
      ...opened('2019-01-01'),
      history: [
        { date: '2022-05-01', kind: 'rename', summary: '改名' },
        { date: '2024-05-01', kind: 'rename', summary: '改名' },
        { date: '2023-05-01', kind: 'rename', summary: '改名' },
        { date: '2025-05-01', kind: 'admins', summary: '换管理员' },
      ],
    };
    expect(flagged(acc('a', 'jsj', A, renamed), acc('b', 'xcb', A_TRAD, opened('2024-04-30')))).toEqual(['accounts/jsj/a.mdx']);
    expect(flagged(acc('a', 'jsj', A, renamed), acc('b', 'xcb', A_TRAD, opened('2024-05-02')))).toEqual(['accounts/xcb/b.mdx']);
    // A change that is not a rename does not date the name.
    const admins = { ...opened('2019-01-01'), history: [{ date: '2025-05-01', kind: 'admins', summary: '换管理员' }] };
    expect(flagged(acc('a', 'jsj', A, admins), acc('b', 'xcb', A_TRAD, opened('2020-01-01')))).toEqual(['accounts/xcb/b.mdx']);
  });

  test('without an opening date: the application date, then the approval date, then none (the oldest)', () => {
    const applied = { dates: { applied: '2022-01-01' }, status: 'applied' };
    expect(flagged(acc('a', 'jsj', A, applied), acc('b', 'xcb', A_TRAD, opened('2021-12-31')))).toEqual(['accounts/jsj/a.mdx']);
    expect(flagged(acc('a', 'jsj', A, applied), acc('b', 'xcb', A_TRAD, opened('2022-01-02')))).toEqual(['accounts/xcb/b.mdx']);
    const approved = { dates: {}, status: 'approved', approval: { number: '1', date: '2022-01-01' } };
    expect(flagged(acc('a', 'jsj', A, approved), acc('b', 'xcb', A_TRAD, opened('2021-12-31')))).toEqual(['accounts/jsj/a.mdx']);
    expect(flagged(acc('a', 'jsj', A, approved), acc('b', 'xcb', A_TRAD, opened('2022-01-02')))).toEqual(['accounts/xcb/b.mdx']);
    const both = { dates: { opened: '2023-01-01', applied: '2020-01-01' }, approval: { number: '1', date: '2020-06-01' } };
    expect(flagged(acc('a', 'jsj', A, both), acc('b', 'xcb', A_TRAD, opened('2022-01-01')))).toEqual(['accounts/jsj/a.mdx']);
    expect(flagged(acc('z', 'tw', A, { dates: {}, status: 'applied' }), acc('b', 'xcb', A_TRAD, opened('2022-01-01')))).toEqual(['accounts/xcb/b.mdx']);
  });

  test('a name is as old as the first account that took it, in any spacing or case', () => {
    const first = acc('a', 'jsj', 'Qclg 计算机学院', opened('2019-01-01'));
    const look = acc('b', 'xcb', 'Qclh计算机学院', opened('2021-01-01'));
    const again = acc('c', 'tw', 'qclg计算机学院', opened('2023-01-01'));
    // b's name is newer than a's, so also newer than c's name (a's name, respelt).
    expect(checkAccountNames(reg(first, look, again)).filter((f) => f.file === look.file).map((f) => f.message)).toEqual([
      simMsg('Qclh计算机学院', first.file, 'Qclg 计算机学院', '名称只差一两个字'),
      simMsg('Qclh计算机学院', again.file, 'qclg计算机学院', '名称只差一两个字'),
    ]);
  });
});

describe('checkAccountNames(): grouping and listing', () => {
  test('the accounts of one other name make one finding that counts them', () => {
    const n = acc('n', 'jsj', A, opened('2024-01-01'));
    const o1 = acc('o1', 'xcb', A_TRAD, opened('2020-01-01'));
    const o2 = acc('o2', 'tw', A_TRAD, opened('2021-01-01'));
    const expected = [lookMsg(A, 'accounts/tw/o2.mdx 等 2 个账号', A_TRAD)];
    expect(checkAccountNames(reg(o1, o2, n)).map((f) => f.message)).toEqual(expected);
    expect(checkAccountNames(reg(n, o1, o2)).map((f) => f.message)).toEqual(expected);
    expect(checkAccountNames(reg(o1, o2, n), new Set([n.file])).map((f) => f.message)).toEqual(expected);
    expect(checkAccountNames(reg(o1, o2, n), new Set([n.file, o1.file, o2.file])).map((f) => f.message)).toEqual(expected);
  });

  test('one finding per other name, for each newer account', () => {
    const o1 = acc('o1', 'xcb', A_TRAD, opened('2020-01-01'));
    const o2 = acc('o2', 'xcb', '青川理工计算机学院官方', opened('2020-01-01'));
    const n1 = acc('n1', 'jsj', A, opened('2024-01-01'));
    const n2 = acc('n2', 'jsj', A, { ...opened('2024-01-01'), platform: 'douyin' });
    expect(checkAccountNames(reg(o1, o2, n1, n2)).map((f) => `${f.file} ${f.message}`)).toEqual([
      `${n1.file} ${lookMsg(A, o1.file, A_TRAD)}`,
      `${n1.file} ${lookMsg(A, o2.file, '青川理工计算机学院官方')}`,
      `${n2.file} ${lookMsg(A, o1.file, A_TRAD)}`,
      `${n2.file} ${lookMsg(A, o2.file, '青川理工计算机学院官方')}`,
    ]);
  });

  test('look-alikes come first, at most five per file, the last says how many more', () => {
    const older = ['清川理工计算机学院', '青川理工计算机学苑', '青川理工计算器学院', A_TRAD, '青川理工计算机学院官方', '青川理工计算机学院发布', '青川理工计算机學院'];
    const olds = older.map((name, i) => acc(`o${i}`, 'xcb', name, opened('2020-01-01')));
    const n = acc('n', 'jsj', A, opened('2024-01-01'));
    const expected = [
      lookMsg(A, 'accounts/xcb/o3.mdx', A_TRAD),
      lookMsg(A, 'accounts/xcb/o4.mdx', '青川理工计算机学院官方'),
      lookMsg(A, 'accounts/xcb/o5.mdx', '青川理工计算机学院发布'),
      lookMsg(A, 'accounts/xcb/o6.mdx', '青川理工计算机學院'),
      simMsg(A, 'accounts/xcb/o0.mdx', '清川理工计算机学院', '名称读音（拼音）相同', '（另有至少 2 个相近名称未逐一列出）'),
    ];
    const out = checkAccountNames(reg(...olds, n));
    expect(out.map((f) => f.message)).toEqual(expected);
    expect(out.map((f) => f.severity)).toEqual(['error', 'error', 'error', 'error', 'warning']);
    expect(checkAccountNames(reg(...olds, n), new Set([n.file])).map((f) => f.message)).toEqual(expected);
    // Five or fewer: all listed, none says more.
    const five = checkAccountNames(reg(...olds.slice(2), n)).map((f) => f.message);
    expect(five).toHaveLength(5);
    expect(five.filter((m) => m.includes('另有'))).toEqual([]);
    const six = checkAccountNames(reg(...olds.slice(1), n)).map((f) => f.message);
    expect(six.map((m) => m.includes('另有至少 1 个'))).toEqual([false, false, false, false, true]);
  });
});

describe('checkAccountNames(): names\' forms from the cache', () => {
  test('computes the forms it lacks and keeps them; uses the ones it has', () => {
    const memo = new Map<string, NameForm>();
    const r = reg(acc('a', 'jsj', A), acc('b', 'xcb', A_TRAD, opened('2021-01-01')));
    const first = checkAccountNames(r, undefined, memo);
    expect([...memo.keys()]).toEqual([A, A_TRAD]);
    expect(memo.get(A_TRAD)!.skeleton).toBe(A);
    expect(memo.get(A)!.pinyin).toBe('qing chuan li gong ji suan ji xue yuan');
    expect(checkAccountNames(r, undefined, memo)).toEqual(first);
    // A cached form is taken as it is.
    const x = acc('x', 'jsj', '甲乙丙丁戊');
    const y = acc('y', 'xcb', '子丑寅卯辰', opened('2021-01-01'));
    const cache = new Map([['甲乙丙丁戊', nameForm('同')], ['子丑寅卯辰', nameForm('同')]]);
    expect(brief(checkAccountNames(reg(x, y), undefined, cache))).toEqual(['accounts/xcb/y.mdx name/look-alike']);
    expect(brief(checkAccountNames(reg(x, y), new Set([y.file]), new Map(cache)))).toEqual(['accounts/xcb/y.mdx name/look-alike']);
    expect(checkAccountNames(reg(x, y))).toEqual([]);
  });
});

describe('checkAccountNames(): bounds on a flood of look-alikes', () => {
  const flood = (n: number, unit = 'fl', from = 0) => Array.from({ length: n }, (_, i) => acc(`f${from + i}`, unit, A_TRAD, opened('2025-01-01')));

  test('an older account filed first: every flooding account is flagged; past 16 of one unit the block is full', () => {
    const o = acc('o', 'jsj', A, opened('2020-01-01'));
    const out = checkAccountNames(reg(o, ...flood(20)));
    expect(brief(out)).toEqual(Array.from({ length: 20 }, (_, i) => `accounts/fl/f${i}.mdx name/look-alike${i >= 17 ? ' cut' : ''}`));
    expect(out[19]!.message).toBe(lookMsg(A_TRAD, 'accounts/jsj/o.mdx 等至少 1 个账号', A));
    expect(out[16]!.message).toBe(lookMsg(A_TRAD, 'accounts/jsj/o.mdx', A));
  });

  test('an older account filed after the flood meets only 16 of one unit, and says "至少"', () => {
    const o = acc('o', 'jsj', A, opened('2020-01-01'));
    const out = checkAccountNames(reg(...flood(17), o));
    expect(brief(out)).toEqual(Array.from({ length: 16 }, (_, i) => `accounts/fl/f${i}.mdx name/look-alike cut`));
    const sixteen = checkAccountNames(reg(...flood(16), o));
    expect(brief(sixteen)).toEqual(Array.from({ length: 16 }, (_, i) => `accounts/fl/f${i}.mdx name/look-alike`));
  });

  test('each account meets at most 64 accounts of other units', () => {
    const o = acc('o', 'jsj', A, opened('2020-01-01'));
    const many = [...flood(13, 'u1', 0), ...flood(13, 'u2', 13), ...flood(13, 'u3', 26), ...flood(13, 'u4', 39), ...flood(13, 'u5', 52)];
    const out = checkAccountNames(reg(...many, o));
    expect(out).toHaveLength(64);
    expect(out.every((f) => f.message.includes('等至少 1 个账号'))).toBe(true);
    const exact = checkAccountNames(reg(...many.slice(0, 64), o));
    expect(exact).toHaveLength(64);
    expect(exact.some((f) => f.message.includes('至少'))).toBe(false);
  });

  test('a group says "至少" when any of its pairs was cut short, not only the first', () => {
    const o1 = acc('o1', 'jsj', A_TRAD, opened('2020-01-01'));
    const n = acc('n', 'xcb', A, opened('2025-01-01'));
    const o2 = acc('o2', 'tw', A_TRAD, opened('2020-01-01'));
    const out = checkAccountNames(reg(o1, n, ...flood(17).map((f) => ({ ...f, data: { ...f.data, dates: { opened: '2020-01-01' } } })), o2));
    expect(out.map((f) => f.message)).toEqual([lookMsg(A, 'accounts/fl/f0.mdx 等至少 19 个账号', A_TRAD)]);
    const whole = checkAccountNames(reg(o1, n, o2));
    expect(whole.map((f) => f.message)).toEqual([lookMsg(A, 'accounts/jsj/o1.mdx 等 2 个账号', A_TRAD)]);
  });
});

describe('checkAccountNames(): blocking keys and order', () => {
  /** Unrelated three-character names of one unit: they share no blocking key with anything. */
  const fillers = (n: number, unit = 'zz') => Array.from({ length: n }, (_, k) => acc(`z${k}`, unit, String.fromCodePoint(0x5000 + k * 3, 0x6000 + k * 5, 0x7000 + k * 7), opened('2020-01-01')));

  test('two-character homophones meet under their reading, in a full run and for a changed file', () => {
    const a = acc('a', 'jsj', '清川', opened('2020-01-01'));
    const b = acc('b', 'xcb', '青川', opened('2021-01-01'));
    const expected = [{ file: b.file, line: 3, column: 5, field: 'name', code: 'name/similar', message: simMsg('青川', a.file, '清川', '名称读音（拼音）相同'), severity: 'warning' }];
    expect(checkAccountNames(reg(a, b))).toEqual(expected);
    expect(checkAccountNames(reg(a, b), new Set([b.file]))).toEqual(expected);
    // Many unrelated names of another unit fill no block these names use: nothing is cut short.
    expect(checkAccountNames(reg(...fillers(17), a, b))).toEqual(expected);
    expect(checkAccountNames(reg(...fillers(17), acc('c', 'tw', A, opened('2020-01-01')), acc('d', 'sx', A_TRAD, opened('2021-01-01')))).map((f) => f.message)).toEqual([
      lookMsg(A_TRAD, 'accounts/tw/c.mdx', A),
    ]);
  });

  test('a changed file is compared with every account, without the caps of the blocks', () => {
    const o = acc('o', 'jsj', A, opened('2020-01-01'));
    const fl = Array.from({ length: 17 }, (_, i) => acc(`f${i}`, 'fl', A_TRAD, opened('2025-01-01')));
    const out = checkAccountNames(reg(...fl, o), new Set([o.file]));
    expect(brief(out)).toEqual(Array.from({ length: 17 }, (_, i) => `accounts/fl/f${i}.mdx name/look-alike`));
  });

  test('a name keeps the earliest date of its spellings, whichever is filed first', () => {
    const again = acc('c', 'tw', 'qclg计算机学院', opened('2023-01-01'));
    const first = acc('a', 'jsj', 'Qclg 计算机学院', opened('2019-01-01'));
    const look = acc('b', 'xcb', 'Qclh计算机学院', opened('2021-01-01'));
    expect(checkAccountNames(reg(again, first, look)).map((f) => f.file)).toEqual([look.file, look.file]);
  });

  test('findings follow the accounts\' order of filing: the pair with the earlier account first', () => {
    const f = fillers(14, 'zz');
    const x = acc('x', 'ua', A, opened('2020-01-01'));
    const x2 = acc('x2', 'ub', A_TRAD, opened('2021-01-01'));
    const y = acc('y', 'uc', '清川', opened('2020-01-01'));
    const y2 = acc('y2', 'ud', '青川', opened('2021-01-01'));
    // Indices: x 2, y 10, y2 12, x2 13.
    const accts = [f[0]!, f[1]!, x, ...f.slice(2, 9), y, f[9]!, y2, x2];
    expect(checkAccountNames(reg(...accts)).map((g) => g.file)).toEqual([x2.file, y2.file]);
  });

  test('each newer account gets its own finding per other name, whatever the indices', () => {
    // All filed the same day: the later file name is the newer. X = A, Y = A_TRAD.
    const forward = [acc('p', 'd', A), acc('q', 'a', A_TRAD), acc('r', 'c', A_TRAD), acc('s', 'b', A)];
    const lines = (accts: AccountFiling[]) => checkAccountNames(reg(...accts)).map((f) => `${f.file} ${f.message}`);
    expect(lines(forward)).toEqual([
      `accounts/d/p.mdx ${lookMsg(A, 'accounts/a/q.mdx 等 2 个账号', A_TRAD)}`,
      `accounts/b/s.mdx ${lookMsg(A, 'accounts/a/q.mdx', A_TRAD)}`,
      `accounts/c/r.mdx ${lookMsg(A_TRAD, 'accounts/b/s.mdx', A)}`,
    ]);
    const backward = [acc('p', 'a', A), acc('q', 'd', A_TRAD), acc('r', 'b', A_TRAD), acc('s', 'c', A)];
    expect(lines(backward)).toEqual([
      `accounts/d/q.mdx ${lookMsg(A_TRAD, 'accounts/a/p.mdx 等 2 个账号', A)}`,
      `accounts/b/r.mdx ${lookMsg(A_TRAD, 'accounts/a/p.mdx', A)}`,
      `accounts/c/s.mdx ${lookMsg(A, 'accounts/b/r.mdx', A_TRAD)}`,
    ]);
  });
});
