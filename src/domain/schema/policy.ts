/**
 * The school's rulebook as data (`content/policy.yaml`): every knob of shared/POLICIES.md, so each
 * of the five seed rulebooks runs by configuration alone.
 */
import * as z from 'zod';
import { PLATFORM_IDS } from '../platforms.ts';
import { isRealDate } from '../dates.ts';
import { DateSchema, DurationSchema, EmailSchema, IdSchema, TextSchema, titled } from './common.ts';
import { UNIT_KINDS } from './unit.ts';

/** `MM-DD` day of the year, for yearly deadlines such as the annual review; a day every year has. */
const MonthDaySchema = z
  .string()
  .regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, { message: '格式应为 \'MM-DD\'' })
  .refine((s) => isRealDate(`2023-${s}`), { message: '不是每年都有的日期（如 02-29、04-31），请改用其他日期' });

/** One tier (一级 / 二级 / 三级平台) and who manages and approves it. */
export const TierSchema = z.strictObject({
  /** 级别: 1, 2 or 3. */
  level: titled(z.number().int().min(1).max(3), '级别'),
  /** 名称, e.g. 一级平台. */
  name: titled(TextSchema, '名称'),
  /** 范围: which accounts belong to this tier, as the policy words it. */
  description: titled(TextSchema, '范围'),
  /** Unit kinds whose accounts take this tier. */
  unitKinds: titled(z.array(z.enum(UNIT_KINDS)).min(1), '适用单位类型'),
  /** 管理主体: who manages accounts of this tier (e.g. 党委宣传部, 所在单位, 校团委). */
  manager: titled(TextSchema, '管理主体'),
  /** 审批: who approves, in order (e.g. [所在学院, 党委宣传部]). */
  approvers: titled(z.array(TextSchema).min(1), '审批主体'),
  /** 第一责任人: whose responsibility (e.g. 党总支书记 / 部门正职). */
  responsible: titled(TextSchema.optional(), '第一责任人'),
});
export type Tier = z.infer<typeof TierSchema>;

/** A special rule the registry records but does not compute (with its article). */
export const SpecialRuleSchema = z.strictObject({
  /** 条款, e.g. 第十八条. */
  article: titled(TextSchema, '条款'),
  /** 内容 */
  text: titled(TextSchema, '内容'),
});

/** A preset id: the seed rulebook number, `000`–`004` (presets/<id>.yaml). */
export const PresetIdSchema = z.string().regex(/^\d{3}$/, { message: '预设编号应为三位数字，如 \'000\'' });

/**
 * 条款: which article of the rulebook each computed deadline comes from (e.g. 第四条). Obligations
 * cite it; a knob the rulebook is silent on cites 登记系统默认.
 */
export const ArticlesSchema = z.strictObject({
  /** 开通前申请 (000 第四条). */
  apply: titled(TextSchema.optional(), '开通申请条款'),
  /** 已开通账号补办备案 (000 第四条, 002 第九条). */
  backfill: titled(TextSchema.optional(), '补办备案条款'),
  /** 信息变更报备 (000 第四条, 001 第七条, 002 第九条, 003 第七条, 004 第七条). */
  change: titled(TextSchema.optional(), '变更报备条款'),
  /** 停办 / 解散报备 (000 第四条, 002 第九条, 003 第十三条). */
  closure: titled(TextSchema.optional(), '停办报备条款'),
  /** 批准后开通 (the seeds are silent: 登记系统默认). */
  openAfterApproval: titled(TextSchema.optional(), '批准后开通条款'),
  /** 开通后补报账号标识 (the seeds are silent: 登记系统默认). */
  keysAfterOpening: titled(TextSchema.optional(), '补报账号标识条款'),
  /** 年审 (000 第五条, 002 第八条, 003 第八条, 004 第七条). */
  review: titled(TextSchema.optional(), '年审条款'),
  /** 网络工作群备案与解散 (003 第七条、第十三条). */
  groups: titled(TextSchema.optional(), '工作群条款'),
  /** 部门不再单独新设移动应用 (003 第十三条). */
  apps: titled(TextSchema.optional(), '移动应用条款'),
  /** 撤并单位的账号移交 (a change of 主办单位: the change article). */
  reassign: titled(TextSchema.optional(), '账号移交条款'),
});
export type Articles = z.infer<typeof ArticlesSchema>;

export const PolicySchema = z.strictObject({
  /**
   * 继承预设: build on presets/<id>.yaml and override only what is written here (school, office,
   * document …). Objects merge key by key; lists replace the preset's list.
   */
  extends: titled(PresetIdSchema.optional(), '继承预设'),
  /** Which seed preset this file was made from, if any (000–004). */
  preset: titled(PresetIdSchema.optional(), '预设'),
  school: titled(
    z.strictObject({
      /** 学校全称 */
      name: titled(TextSchema, '学校名称'),
      /** Protected names (简称) that personal accounts may not use (e.g. 曲师); the full name is always protected. */
      shortNames: titled(z.array(TextSchema).default([]), '学校简称'),
      /** English name, for the site footer. */
      englishName: titled(TextSchema.optional(), '英文名称'),
      /** The school's own web domains (links in public descriptions may point there). */
      domains: titled(z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/)).default([]), '学校域名'),
    }),
    '学校',
  ),
  office: titled(
    z.strictObject({
      /** 归口管理部门, e.g. 党委宣传部. */
      name: titled(TextSchema, '归口管理部门'),
      /** The office's own unit id in units/, if it is filed as a unit. */
      unit: titled(IdSchema.optional(), '归口管理部门单位编号'),
      /** Public email for reporting impostor accounts (举报邮箱), for people without GitHub. */
      reportEmail: titled(EmailSchema.optional(), '举报邮箱'),
      /**
       * Optional group-robot notifier for overdue lists (企业微信 or 钉钉 群机器人): the names of the
       * repository secrets holding the webhook address (and 钉钉's 加签 secret), never the values.
       */
      notify: titled(
        z
          .strictObject({
            kind: titled(z.enum(['wecom', 'dingtalk'], { message: '通知渠道应为 wecom（企业微信）或 dingtalk（钉钉）' }), '通知渠道'),
            urlSecret: titled(z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/, { message: '请填写保存机器人地址的仓库机密名称（大写字母、数字、下划线）' }), '机器人地址机密'),
            signSecret: titled(z.string().regex(/^[A-Z][A-Z0-9_]{0,63}$/).optional(), '加签密钥机密'),
          })
          .optional(),
        '群机器人通知',
      ),
    }),
    '归口管理部门',
  ),
  document: titled(
    z.strictObject({
      /** 办法名称, e.g. 《××大学校园新媒体管理办法》. */
      title: titled(TextSchema, '办法名称'),
      /** 文号, e.g. 曲师党字〔2016〕49号. */
      number: titled(TextSchema.optional(), '文号'),
      /** 发布日期: the backfill window runs from here; null when the rulebook does not state it (seed 002). */
      published: titled(DateSchema.nullable(), '发布日期'),
    }),
    '管理办法',
  ),
  /** 分级管理: the tiers and who approves each. */
  tiers: titled(z.array(TierSchema).min(1), '分级管理'),
  deadlines: titled(
    z.strictObject({
      /** 开通前 N 天申请 (seed 000 第四条: 开通前一周). 0 = any time before opening. */
      applyLeadDays: titled(z.number().int().min(0).max(90), '开通前申请天数'),
      /** 已开通账号补办备案的期限，自办法发布之日起 (000: 一周; 002: 一个月); null = not stated. */
      backfill: titled(DurationSchema.nullable(), '补办备案期限'),
      /** 信息变更报备期限 (all five: 一周 / 7日). */
      change: titled(DurationSchema.nullable(), '变更报备期限'),
      /** 停办 / 解散报备期限 (000, 002: 一周; 003: 3日); null = not stated. */
      closure: titled(DurationSchema.nullable(), '停办报备期限'),
      /** 批准后应在此期限内开通 (registry default; the seeds are silent). */
      openAfterApproval: titled(DurationSchema.nullable(), '批准后开通期限'),
      /** 开通后应在此期限内补报账号ID和链接 (registry default; the seeds are silent). */
      keysAfterOpening: titled(DurationSchema.nullable(), '开通后补报账号期限'),
    }),
    '时限',
  ),
  annualReview: titled(
    z.strictObject({
      /** 是否实行年审 */
      required: titled(z.boolean(), '实行年审'),
      /** Tiers reviewed by the office (002: tiers 1–2; tier 3 by 系部/团委). */
      tiers: titled(z.array(z.number().int().min(1).max(3)).default([1, 2, 3]), '年审范围'),
      /** 年审开始 (MM-DD): the window opens; the review shows as upcoming from here. */
      opens: titled(MonthDaySchema, '年审开始'),
      /**
       * 年审截止 (MM-DD), the last day on time: 000 十二月中旬 (12-20); 002 12月30日之前 (12-29);
       * 004 年底 (12-31). A day before `opens` falls in the next year (e.g. opens 12-01, due 01-15).
       */
      due: titled(MonthDaySchema, '年审截止'),
      /** 年审不合格或未年审者不得继续运行. */
      failureSuspends: titled(z.boolean(), '不合格停止运行'),
      /** 须以电子文档报送年度推送内容清单 (002 第八条). */
      pushListRequired: titled(z.boolean(), '须报送推送清单'),
    }),
    '年审',
  ),
  groups: titled(
    z.strictObject({
      /** 网络工作群须备案 (003 第七条). */
      mustFile: titled(z.boolean(), '工作群须备案'),
      /** 群规模上限; null = no limit stated (003 第十二条 asks only to keep groups small). */
      maxMembers: titled(z.number().int().min(2).nullable(), '群人数上限'),
      /** 解散报备期限 (003 第十三条: 3日); null = not stated. */
      dissolution: titled(DurationSchema.nullable(), '解散报备期限'),
      /** 建群后应在此期限内备案 when filing is required; null = not stated (003 第七条 names no window). */
      fileWithin: titled(DurationSchema.nullable().default(null), '建群备案期限'),
      /** 责任人: 创建人 (000) or 管理员 (001). */
      responsible: titled(TextSchema, '群责任人'),
    }),
    '网络工作群',
  ),
  apps: titled(
    z.strictObject({
      /** 各部门可否新设独立APP (003 第十三条: 原则上不再单独新设). */
      departmentsMayOpenNew: titled(z.boolean(), '部门可新设APP'),
    }),
    '移动应用',
  ),
  /** 个人账号不得使用的名称 (with the article), shown on the verify page. */
  personalAccounts: titled(TextSchema, '个人账号规定'),
  /** 办法列举的平台 */
  platforms: titled(z.array(z.enum(PLATFORM_IDS)).min(1), '办法列举的平台'),
  /** 核验: what the public verifier needs from filings. */
  verify: titled(
    z
      .strictObject({
        /**
         * An active account without the ID students see on its page (抖音号, 微信号/原始ID, B站 UID,
         * 小红书号 …): `warn` (default) or `error`. Without it, a student who pastes that ID is told
         * "not found" about the school's own account.
         */
        requireVisibleId: titled(z.enum(['warn', 'error'], { message: 'requireVisibleId 应为 warn 或 error' }).default('warn'), '须登记用户可见ID'),
      })
      .default({ requireVisibleId: 'warn' }),
    '核验',
  ),
  /** Extra hosts that links in public descriptions may point to (besides the school's domains). */
  allowedLinkHosts: titled(z.array(z.string().regex(/^[a-z0-9.-]+\.[a-z]{2,}$/)).default([]), '允许链接的网站'),
  /** 特别规定 */
  specialRules: titled(z.array(SpecialRuleSchema).default([]), '特别规定'),
  /** 条款: the article each computed deadline cites. */
  articles: titled(ArticlesSchema.default({}), '条款'),
});
export type Policy = z.infer<typeof PolicySchema>;
