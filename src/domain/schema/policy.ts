/**
 * The school's rulebook as data (`content/policy.yaml`): every knob of shared/POLICIES.md, so each
 * of the five seed rulebooks runs by configuration alone.
 */
import * as z from 'zod';
import { PLATFORM_IDS } from '../platforms.ts';
import { isRealDate } from '../dates.ts';
import { DateSchema, DurationSchema, EmailSchema, IdSchema, TextSchema, titled } from './common.ts';
import { UNIT_KINDS } from './unit.ts';
import { CHANGE_KINDS } from './account.ts';

/**
 * A protected form of the school's name (受保护的名称) as the rulebook writes it: 001 第六条
 * "曲师***" is a prefix (歌曲师生合唱团 is not it), 003 第六条 protects the school's name anywhere.
 */
export const ProtectedNameSchema = z.strictObject({
  /** 名称或简称, e.g. 曲师, 宁职院. */
  name: titled(TextSchema, '受保护名称'),
  /** prefix: only a name that starts with it (001 "曲师***", 002 "为前缀"); anywhere: contained anywhere. */
  match: titled(z.enum(['prefix', 'anywhere']).default('anywhere'), '匹配方式'),
  /** Look-alike contexts that are not the protected name (e.g. 歌曲师 in 歌曲师生合唱团). */
  notWithin: titled(z.array(TextSchema).default([]), '不视为冒用的上下文'),
  /** 条款 and why this form is protected (e.g. 第六条：曲师***). */
  article: titled(TextSchema, '条款'),
});
export type ProtectedName = z.infer<typeof ProtectedNameSchema>;

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
  /** 责令停止运行 / 关停 (000 第十四、十五、十六条; 001 第七条; 002 第十五条 …). */
  order: titled(TextSchema.optional(), '责令停止运行条款'),
  /** 定期更新 (000 第十二条). */
  updates: titled(TextSchema.optional(), '定期更新条款'),
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
      /**
       * Protected forms beyond the full name and `shortNames`, as the rulebook lists them, each with
       * its match (prefix / anywhere) and article. Read through `protectedNamesOf`.
       */
      protectedNames: titled(z.array(ProtectedNameSchema).default([]), '受保护名称'),
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
      /**
       * Which kinds of change the window applies to, as the article names them (001, 004 第七条:
       * 账号名、后台管理人员或维护方式; 003 第七条: 分管领导或管理员); null = every kind (000 第四条、
       * 002 第九条 end their lists with 等).
       */
      changeKinds: titled(z.array(z.enum(CHANGE_KINDS)).min(1).nullable().default(null), '变更报备适用的变更类型'),
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
      /**
       * 须以电子文档报送年度推送内容清单 (002 第八条): a review without it is incomplete, does not
       * count as submitted, and validation reports an error.
       */
      pushListRequired: titled(z.boolean(), '须报送推送清单'),
      /**
       * Tiers reviewed by a supervising body instead of the office, which reports (报备) the result
       * to the office (002 第八条: 三级平台的年审由相关系部和团委负责，并向办公室报备); null = none.
       */
      delegated: titled(
        z
          .strictObject({
            /** Tiers reviewed by the supervising body. */
            tiers: titled(z.array(z.number().int().min(1).max(3)).min(1), '下放年审的级别'),
            /** Who reviews (e.g. 所在系部或校团委): the account's unit's parent unit. */
            reviewer: titled(TextSchema, '年审主体'),
            /** 报备 to the office within this time of the review's result; null = no report required. */
            reportWithin: titled(DurationSchema.nullable(), '报备期限'),
          })
          .nullable()
          .default(null),
        '下放年审',
      ),
      /**
       * 定期更新 (000 第十二条): warn when an active account's latest review records no pushes.
       */
      warnNoPushes: titled(z.boolean().default(false), '提示全年无推送'),
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
      /** 责任人: 创建人 (000) or 管理员 (001); shown in the policy and the group's issue. */
      responsible: titled(TextSchema, '群责任人'),
      /**
       * 长期不使用的群应解散 (003 第十三条): warn when a live group's last use (`lastUsed`) is older
       * than this; null = no warning.
       */
      idleAfter: titled(DurationSchema.nullable().default(null), '闲置提示期限'),
    }),
    '网络工作群',
  ),
  apps: titled(
    z.strictObject({
      /** 各部门可否新设独立APP (003 第十三条: 原则上不再单独新设). */
      departmentsMayOpenNew: titled(z.boolean(), '部门可新设APP'),
      /** Platforms the rule covers (003 第十三条 移动互联网应用程序: APP and 小程序). */
      platforms: titled(z.array(z.enum(PLATFORM_IDS)).default(['app']), '适用平台'),
    }),
    '移动应用',
  ),
  /**
   * 涉及校内数据服务 (002 第十八条: 服务器必须设置在校内，报科技处审批; 001 第十四条: 按信息与教育技术中心
   * 有关规定执行): an account that declares `campusData` needs the named body's approval, and, when
   * `serversOnCampus`, its servers on campus. null = the rulebook says nothing.
   */
  campusData: titled(
    z
      .strictObject({
        /** 服务器必须设置在校内. */
        serversOnCampus: titled(z.boolean(), '服务器须在校内'),
        /** 审批部门, e.g. 科技处. */
        approver: titled(TextSchema, '审批部门'),
        /** 条款 */
        article: titled(TextSchema, '条款'),
      })
      .nullable()
      .default(null),
    '校内数据服务',
  ),
  /** 个人账号不得使用的名称 (with the article): public (toPublicPolicy), printed by `npm run policy`. */
  personalAccounts: titled(TextSchema, '个人账号规定'),
  /** 办法列举的平台 (every rulebook's list ends 等 / 包括但不限于: shown, never a limit). */
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
  /** 特别规定 that no rule computes: public (toPublicPolicy), printed by `npm run policy`. */
  specialRules: titled(z.array(SpecialRuleSchema).default([]), '特别规定'),
  /** 条款: the article each computed deadline cites. */
  articles: titled(ArticlesSchema.default({}), '条款'),
}).superRefine((p, ctx) => {
  // A rulebook without a date (seed 002) must be given one by the school: review cycles and the
  // backfill window start from it.
  if (p.document.published === null)
    ctx.addIssue({
      code: 'custom',
      path: ['document', 'published'],
      message: `${p.document.title}原文未写明公布日期：请在 content/policy.yaml 的 document.published 填写本校公布（施行）日期；年审周期和补办备案期限从该日起算`,
      params: { rule: 'policy/published-missing' },
    });
});
export type Policy = z.infer<typeof PolicySchema>;

/** One protected name form with how it matches (the full name, short names and listed forms). */
export interface ProtectedForm {
  name: string;
  match: 'prefix' | 'anywhere';
  notWithin: string[];
  article: string | null;
}

/**
 * The school's protected name forms: the full name and every short name (anywhere), then the
 * rulebook's listed forms (`school.protectedNames`) with their match; a listed form wins over the
 * same name given as a short name. For the name screening (src/domain/verify).
 */
export function protectedNamesOf(policy: Pick<Policy, 'school'>): ProtectedForm[] {
  const out = new Map<string, ProtectedForm>();
  for (const name of [policy.school.name, ...policy.school.shortNames]) out.set(name, { name, match: 'anywhere', notWithin: [], article: null });
  for (const p of policy.school.protectedNames ?? []) out.set(p.name, { name: p.name, match: p.match, notWithin: [...p.notWithin], article: p.article });
  return [...out.values()];
}

/** Whether `text` uses the protected form `p` (a prefix or anywhere, outside its look-alike contexts). */
export function usesProtectedName(text: string, p: ProtectedForm): boolean {
  const t = text.normalize('NFKC').replace(/\s+/g, '');
  if (p.match === 'prefix') return t.startsWith(p.name) && !p.notWithin.some((c) => t.startsWith(c));
  for (let i = t.indexOf(p.name); i >= 0; i = t.indexOf(p.name, i + 1)) {
    const inContext = p.notWithin.some((c) => {
      const at = c.indexOf(p.name);
      return at >= 0 && t.slice(i - at, i - at + c.length) === c;
    });
    if (!inContext) return true;
  }
  return false;
}
