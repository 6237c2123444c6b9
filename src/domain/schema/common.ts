/**
 * Building blocks shared by every filing schema: ids, dates, phone numbers, emails, people.
 * Each field carries a Chinese title (`.meta({ title })`) so messages can name it as the form does.
 */
import * as z from 'zod';
import { isRealDate } from '../dates.ts';

/** Attaches the field's name on the official form, used by messages. */
export function titled<T extends z.ZodType>(schema: T, title: string): T {
  return schema.meta({ title }) as T;
}

/** Lower-case ASCII id: letters, digits and single hyphens (`jwc-wechat`). Equals the file name. */
export const IdSchema = z
  .string()
  .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, { message: '只能使用小写英文字母、数字和连字符 -（如 jwc-wechat）' });

/** Non-empty single-line text. */
export const TextSchema = z
  .string()
  .trim()
  .min(1, { message: '不能为空' })
  .refine((s) => !/[\r\n]/.test(s), { message: '不能换行' });

/** Free text that may span lines (功能定位, 申请理由 …). */
export const LongTextSchema = z.string().trim().min(1, { message: '不能为空' }).max(2000, { message: '不能超过 2000 字' });

/** A quoted `'YYYY-MM-DD'` civil date (Beijing time) that exists on the calendar. */
export const DateSchema = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { message: '日期格式应为 \'YYYY-MM-DD\'（加引号）' })
  .refine(isRealDate, { message: '不是真实存在的日期' })
  .meta({ format: 'date' });

/** Mobile number: 11 digits starting with 1 (手机号码). A string, never a number. */
export const MobileSchema = z.string().regex(/^1[3-9]\d{9}$/, { message: '手机号码格式不正确（应为 11 位数字，加引号写成文本）' });

/** Office or landline number (办公电话 / 座机): optional area code, optional extension, or a campus short number. */
export const OfficePhoneSchema = z
  .string()
  .regex(/^(?:(?:0\d{2,3}-)?\d{7,8}(?:-\d{1,6})?|\d{4,6})$/, {
    message: '办公电话格式不正确（如 \'0571-88880000\'，或校内短号，加引号写成文本）',
  });

/** Email address (电子邮箱 / Email). */
export const EmailSchema = z.email({ message: '电子邮箱格式不正确' });

/** An https link. */
export const HttpsUrlSchema = z
  .string()
  .regex(/^https:\/\/[^\s/?#]+[^\s]*$/, { message: '链接必须以 https:// 开头' })
  .refine(
    (s) => {
      try {
        return new URL(s).protocol === 'https:';
      } catch {
        return false;
      }
    },
    { message: '不是有效的网址' },
  );

/** GitHub user (`@name`) or team (`@org/team`), as CODEOWNERS writes them. */
export const OwnerSchema = z
  .string()
  .regex(/^@[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})(?:\/[A-Za-z0-9._-]+)?$/, {
    message: 'GitHub 用户写成 @用户名，团队写成 @组织/团队',
  });

/** A duration written as `{ days: N }` or `{ months: N }`. */
export const DurationSchema = z
  .strictObject({
    /** N days. */
    days: titled(z.number().int().min(0).max(366).optional(), '天数'),
    /** N calendar months. */
    months: titled(z.number().int().min(1).max(24).optional(), '月数'),
  })
  .refine((d) => (d.days === undefined) !== (d.months === undefined), {
    message: '应写成 { days: 天数 } 或 { months: 月数 }，二者选一',
  });
export type Duration = z.infer<typeof DurationSchema>;

/** A person on a form: private contact details that never leave the repository. */
export const PersonSchema = z
  .strictObject({
    /** 姓名 */
    name: titled(TextSchema, '姓名'),
    /** 职务 (seed 003) */
    title: titled(TextSchema.optional(), '职务'),
    /** 办公电话 / 座机 */
    officePhone: titled(OfficePhoneSchema.optional(), '办公电话'),
    /** 手机号码 */
    mobile: titled(MobileSchema.optional(), '手机号码'),
    /** 电子邮箱 */
    email: titled(EmailSchema.optional(), '电子邮箱'),
  })
  .refine((p) => p.officePhone !== undefined || p.mobile !== undefined, {
    message: '至少填写手机号码或办公电话之一',
    path: ['mobile'],
  });
export type Person = z.infer<typeof PersonSchema>;
