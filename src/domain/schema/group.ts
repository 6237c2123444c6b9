/** A work group (网络工作群备案登记表, seed 003 附件4): internal, never published. */
import * as z from 'zod';
import { GROUP_PLATFORM_IDS } from '../platforms.ts';
import { DateSchema, EmailSchema, IdSchema, MobileSchema, PersonSchema, TextSchema, titled } from './common.ts';

export const GroupSchema = z
  .strictObject({
    /** 群编号 = file name. */
    id: titled(IdSchema, '群编号'),
    /** 平台: QQ群, 微信群, 企业微信群, 钉钉群 or other. */
    platform: titled(z.enum(GROUP_PLATFORM_IDS, { message: `群平台应为以下之一：${GROUP_PLATFORM_IDS.join(', ')}` }), '群平台'),
    /** 群号 (null when the platform has none, e.g. 微信群). */
    number: titled(z.string().regex(/^[A-Za-z0-9_-]{4,32}$/, { message: '群号格式不正确（加引号写成文本）' }).nullable(), '群号'),
    /** 群名称 */
    name: titled(TextSchema, '群名称'),
    /** 建群范围 */
    scope: titled(TextSchema, '建群范围'),
    /** 群成员数量 */
    members: titled(z.number().int().min(1), '群成员数量'),
    /** 覆盖人员类型 (学生, 教职工, 校外人员 …). */
    memberTypes: titled(z.array(TextSchema).min(1), '覆盖人员类型'),
    /** 管理员1 / 管理员2 (姓名, 手机). */
    admins: titled(
      z.array(z.strictObject({ name: titled(TextSchema, '管理员姓名'), mobile: titled(MobileSchema, '手机') })).min(1, { message: '至少填写一名管理员' }).max(2, { message: '登记表最多填写两名管理员' }),
      '管理员',
    ),
    /** Email */
    email: titled(EmailSchema, 'Email'),
    /** 所属部门 (unit id). */
    unit: titled(IdSchema, '所属部门'),
    /** 部门负责人 (职务, 办公电话, 手机). */
    head: titled(PersonSchema, '部门负责人'),
    /** 建群日期 */
    created: titled(DateSchema, '建群日期'),
    /** 最近使用日期 (003 第十三条 长期不使用的群应解散): warned when older than groups.idleAfter. */
    lastUsed: titled(DateSchema.optional(), '最近使用日期'),
    /** 解散日期 */
    dissolved: titled(DateSchema.optional(), '解散日期'),
    /** 解散报备日期 */
    dissolutionReported: titled(DateSchema.optional(), '解散报备日期'),
    /** 备注 */
    note: titled(TextSchema.optional(), '备注'),
  });
export type Group = z.infer<typeof GroupSchema>;
