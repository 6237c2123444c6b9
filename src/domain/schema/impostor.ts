/** A confirmed impostor account (冒用学校名义的账号), published on the warning list. */
import * as z from 'zod';
import { PLATFORM_IDS } from '../platforms.ts';
import { AccountKeySchema } from './account.ts';
import { DateSchema, HttpsUrlSchema, IdSchema, TextSchema, titled } from './common.ts';

export const ImpostorSchema = z.strictObject({
  /** 编号 = file name. */
  id: titled(IdSchema, '编号'),
  /** 冒用账号的名称 */
  name: titled(TextSchema, '账号名称'),
  /** 平台 */
  platform: titled(z.enum(PLATFORM_IDS, { message: '平台类型不在支持列表中' }), '平台'),
  /** 账号标识 (canonical keys) */
  keys: titled(z.array(AccountKeySchema).default([]), '账号标识'),
  /** 链接 */
  link: titled(HttpsUrlSchema.optional(), '链接'),
  /** 仿冒的官方账号 (account id), if any. */
  imitates: titled(IdSchema.optional(), '仿冒的官方账号'),
  /** 发现日期 */
  reported: titled(DateSchema, '发现日期'),
  /** 确认日期 */
  confirmed: titled(DateSchema, '确认日期'),
  /** 情况说明 (public) */
  description: titled(TextSchema, '情况说明'),
  /** 处置情况 (已向平台举报 / 已责令停止运行 …) */
  action: titled(TextSchema.optional(), '处置情况'),
});
export type Impostor = z.infer<typeof ImpostorSchema>;
