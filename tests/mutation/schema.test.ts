// The schemas are the forms of the five seeds: each building block accepts what the form allows
// and refuses the rest, and each cross-field rule of a filing names its rule code.
import { describe, expect, test } from 'vitest';
import * as z from 'zod';
import {
  DateSchema,
  DurationSchema,
  EmailSchema,
  HttpsUrlSchema,
  IdSchema,
  LongTextSchema,
  MobileSchema,
  OfficePhoneSchema,
  OwnerSchema,
  PersonSchema,
  TextSchema,
  titled,
} from '../../src/domain/schema/common.ts';
import { AccountSchema } from '../../src/domain/schema/account.ts';
import { ReviewSchema } from '../../src/domain/schema/review.ts';
import { UnitSchema } from '../../src/domain/schema/unit.ts';
import { fieldInfo, schemaAt } from '../../src/domain/schema-info.ts';

const ok = (s: z.ZodType, v: unknown) => s.safeParse(v).success;
const rules = (s: z.ZodType, v: unknown) => {
  const r = s.safeParse(v);
  return r.success ? [] : r.error.issues.map((i) => ((i as { params?: { rule?: string } }).params?.rule ?? i.message) + '@' + i.path.join('.'));
};

describe('building blocks', () => {
  test.each([
    [IdSchema, 'jwc-wechat', true], [IdSchema, 'a1', true], [IdSchema, 'Jwc', false], [IdSchema, 'a--b', false], [IdSchema, '-a', false], [IdSchema, 'a-', false], [IdSchema, 'a_b', false], [IdSchema, '', false],
    [TextSchema, ' 教务处 ', true], [TextSchema, '   ', false], [TextSchema, 'a\nb', false], [TextSchema, 'a\rb', false],
    [LongTextSchema, 'a\nb', true], [LongTextSchema, ' ', false], [LongTextSchema, 'x'.repeat(2000), true], [LongTextSchema, 'x'.repeat(2001), false],
    [DateSchema, '2024-02-29', true], [DateSchema, '2023-02-29', false], [DateSchema, '2024-2-29', false], [DateSchema, ' 2024-02-29', false],
    [MobileSchema, '13800000000', true], [MobileSchema, '19912345678', true], [MobileSchema, '12800000000', false], [MobileSchema, '1380000000', false], [MobileSchema, '138000000001', false], [MobileSchema, '+8613800000000', false],
    [OfficePhoneSchema, '0571-88880000', true], [OfficePhoneSchema, '010-1234567', true], [OfficePhoneSchema, '88880000', true], [OfficePhoneSchema, '0571-88880000-123', true], [OfficePhoneSchema, '6123', true], [OfficePhoneSchema, '123', false], [OfficePhoneSchema, '0571 88880000', false], [OfficePhoneSchema, '57-88880000', false],
    [EmailSchema, 'office@qclg.edu.cn', true], [EmailSchema, 'office@', false],
    [HttpsUrlSchema, 'https://www.qclg.edu.cn/a?b=1', true], [HttpsUrlSchema, 'http://www.qclg.edu.cn/', false], [HttpsUrlSchema, 'https://', false], [HttpsUrlSchema, 'https:// x', false], [HttpsUrlSchema, 'https://a b', false], [HttpsUrlSchema, 'xhttps://a.cn', false], [HttpsUrlSchema, 'https://[::1', false],
    [OwnerSchema, '@alice', true], [OwnerSchema, '@qclg/xcb-team', true], [OwnerSchema, 'alice', false], [OwnerSchema, '@-alice', false], [OwnerSchema, '@a/b/c', false], [OwnerSchema, `@${'a'.repeat(40)}`, false], [OwnerSchema, `@${'a'.repeat(39)}`, true],
    [DurationSchema, { days: 7 }, true], [DurationSchema, { months: 1 }, true], [DurationSchema, { days: 0 }, true], [DurationSchema, { days: 366 }, true], [DurationSchema, { days: 367 }, false], [DurationSchema, { months: 0 }, false], [DurationSchema, { months: 25 }, false], [DurationSchema, { days: 1, months: 1 }, false], [DurationSchema, {}, false], [DurationSchema, { days: 1.5 }, false], [DurationSchema, { weeks: 1 }, false],
  ] as Array<[z.ZodType, unknown, boolean]>)('%#: %j accepted: %s', (schema, value, accepted) => expect(ok(schema, value)).toBe(accepted));

  test.each([
    [{ name: '张三', mobile: '13800000000' }, []],
    [{ name: '张三', officePhone: '6123' }, []],
    [{ name: '张三' }, ['至少填写手机号码或办公电话之一@mobile']],
    [{ name: '张三', mobile: '13800000000', wechat: 'x' }, ['Unrecognized key: "wechat"@']],
  ])('a person %j → %j', (p, out) => expect(rules(PersonSchema, p).map((r) => r.replace(/^Unrecognized key.*?@/, 'Unrecognized key: "wechat"@'))).toEqual(out));

  test('titled() attaches the form\'s name, found again by fieldInfo()', () => {
    const s = z.strictObject({ a: titled(z.string().optional(), '甲'), b: z.array(z.strictObject({ c: titled(DateSchema, '丙') })) });
    expect(fieldInfo(s, ['a'])).toEqual({ title: '甲' });
    expect(fieldInfo(s, ['b', 0, 'c'])).toEqual({ title: '丙', format: 'date' });
    expect(fieldInfo(s, ['b', 0])).toEqual({});
    expect(fieldInfo(s, ['nope'])).toEqual({});
    expect(fieldInfo(s, ['b', 'x'])).toEqual({});
    expect(fieldInfo(s, ['a', 'deeper'])).toEqual({});
    expect(schemaAt(s, [])).toBe(s);
    expect(schemaAt(s, ['b', 0, 'c', 'd'])).toBeUndefined();
    expect(schemaAt(s, ['nope', 'deeper', 'still'])).toBeUndefined();
    expect(fieldInfo(s, ['nope', 'deeper'])).toEqual({});
  });

  test('fieldInfo() reads titles through optional, default and pipe wrappers, the innermost title winning', () => {
    expect(fieldInfo(UnitSchema, ['owners'])).toEqual({ title: '负责维护的 GitHub 账号' });
    expect(fieldInfo(AccountSchema, ['dates', 'applied'])).toEqual({ title: '申请时间', format: 'date' });
    expect(fieldInfo(AccountSchema, ['contacts', 'admins', 0, 'mobile'])).toEqual({ title: '手机号码' });
    expect(fieldInfo(AccountSchema, ['history', 0, 'reported'])).toEqual({ title: '报备日期', format: 'date' });
    const inner = z.string().meta({ title: '内' });
    expect(fieldInfo(z.strictObject({ x: titled(inner.optional(), '外') }), ['x'])).toEqual({ title: '外' });
    expect(fieldInfo(z.strictObject({ x: inner.optional() }), ['x'])).toEqual({ title: '内' });
    expect(fieldInfo(z.strictObject({ x: z.string().transform((s) => s.length).pipe(z.number()).meta({ title: '管' }) }), ['x'])).toEqual({ title: '管' });
    expect(fieldInfo(z.strictObject({ x: z.strictObject({ y: titled(z.string(), '乙') }).optional() }), ['x', 'y'])).toEqual({ title: '乙' });
    // A pipe's title may sit on its input schema.
    expect(fieldInfo(z.strictObject({ x: titled(z.string(), '入').pipe(z.string()) }), ['x'])).toEqual({ title: '入' });
  });
});

describe('cross-field rules of a filing', () => {
  const person = { name: '张三', mobile: '13800000000' };
  const acct = (over: Record<string, unknown>) => ({
    id: 'a', name: '账号', platform: 'weibo', unit: 'jwc', tier: 2, status: 'active', filing: 'new', purpose: '发布信息',
    contacts: { head: person, admins: [person] }, dates: { applied: '2026-01-01', opened: '2026-01-20' }, ...over,
  });
  test.each([
    [acct({}), [], 'a complete active account'],
    [acct({ platform: 'other' }), ['account/platform-other@platformOther'], 'platform other without its name'],
    [acct({ platform: 'other', platformOther: '知乎' }), [], 'platform other with its name'],
    [acct({ dates: { opened: '2026-01-20' } }), ['account/date-required@dates.applied'], 'a new account without its application date'],
    [acct({ filing: 'backfill', dates: { opened: '2020-01-20' } }), [], 'a backfill needs no application date'],
    [acct({ status: 'applied', dates: { applied: '2026-01-01' } }), ['account/date-required@dates.plannedOpening'], 'an application without a planned opening'],
    [acct({ status: 'approved', dates: { applied: '2026-01-01', plannedOpening: '2026-02-01' } }), ['account/approval-missing@approval'], 'approved without approval'],
    [acct({ dates: { applied: '2026-01-01' } }), ['account/date-required@dates.opened'], 'active without an opening date'],
    [acct({ status: 'closed', closure: { reason: '停用' } }), ['account/date-required@dates.closed'], 'closed without a closing date'],
    [acct({ status: 'closed', dates: { applied: '2026-01-01', opened: '2026-01-20', closed: '2026-03-01' } }), ['account/closure-reason@closure'], 'closed without a reason'],
    [acct({ dates: { applied: '2026-01-01', opened: '2026-01-20', closed: '2026-03-01' } }), ['account/revived@dates.closed'], 'a closing date on a live account'],
    [acct({ history: [{ date: '2026-03-01', kind: 'closure', summary: '停办' }] }), ['account/revived@status'], 'a live account with a closure in its history'],
    [acct({ status: 'applied', dates: { applied: '2026-01-01', plannedOpening: '2026-02-01', opened: '2026-02-01' } }), ['account/status-dates@dates.opened'], 'an opening date before approval'],
    [acct({ verification: { status: 'verified' } }), ['已认证或认证中的账号须填写认证主体 subject@verification.subject'], 'verified without a subject'],
    [acct({ verification: { status: 'none' } }), [], 'not verified needs no subject'],
    [acct({ tier: 4 }), ['Too big: expected number to be <=3@tier'], 'tier 4'],
    [acct({ name: '名'.repeat(61) }), ['名称不能超过 60 字@name'], 'a name longer than 60'],
  ])('%#: → %j (%s)', (a, out) => expect(rules(AccountSchema, a)).toEqual(out));

  const u = (over: Record<string, unknown>) => ({ id: 'u', name: '单位', kind: 'college', status: 'active', headTitle: '书记', ...over });
  test.each([
    [u({}), []],
    [u({ status: 'merged', statusDate: '2026-01-01' }), ['unit/successor-missing@successor']],
    [u({ status: 'renamed', statusDate: '2026-01-01' }), ['unit/successor-missing@successor']],
    [u({ status: 'merged', statusDate: '2026-01-01', successor: 'v' }), []],
    [u({ successor: 'v' }), ['unit/successor-unexpected@successor']],
    [u({ status: 'dissolved' }), ['unit/status-date-missing@statusDate']],
    [u({ status: 'dissolved', statusDate: '2026-01-01' }), []],
  ])('unit %j → %j', (x, out) => expect(rules(UnitSchema, x)).toEqual(out));

  test('a unit\'s owners default to none', () => expect(UnitSchema.parse(u({})).owners).toEqual([]));

  const r = (over: Record<string, unknown>) => ({ account: 'a', year: 2026, submitted: '2026-12-15', pushes: 1, followers: 1, violations: { any: false }, head: person, result: { outcome: 'pending' }, ...over });
  test.each([
    [r({}), []],
    [r({ result: { outcome: 'pass' } }), ['review/result-date@result.date']],
    [r({ result: { outcome: 'fail', date: '2026-12-25' } }), []],
    [r({ violations: { any: true } }), ['有违规发布时须填写说明 details@violations.details']],
    [r({ violations: { any: true, details: '一次' } }), []],
    [r({ year: 1999 }), ['Too small: expected number to be >=2000@year']],
    [r({ pushList: 'a.pushes.csv' }), []],
    [r({ pushList: 'a.csv' }), ['推送清单文件名应为 <账号编号>.pushes.csv@pushList']],
  ])('review %j → %j', (x, out) => expect(rules(ReviewSchema, x)).toEqual(out));
});
