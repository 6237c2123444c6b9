/**
 * An account filing (`content/accounts/<unit>/<id>.mdx`): the frontmatter holds every field of the
 * five seeds' application, filing and change forms; the body is an optional public description.
 */
import * as z from 'zod';
import { PLATFORM_IDS, linkProblem } from '../platforms.ts';
import {
  DateSchema,
  HttpsUrlSchema,
  IdSchema,
  LongTextSchema,
  PersonSchema,
  TextSchema,
  titled,
} from './common.ts';

export const ACCOUNT_STATUSES = ['applied', 'approved', 'active', 'closed'] as const;
export type AccountStatus = (typeof ACCOUNT_STATUSES)[number];

export const ACCOUNT_STATUS_LABELS: Record<AccountStatus, string> = {
  applied: '申请中',
  approved: '已批准待开通',
  active: '正常运营',
  closed: '已停办',
};

/** Kinds of change recorded in the history (备案信息变更). */
export const CHANGE_KINDS = [
  'rename', // 账号名称变更
  'admins', // 管理员变更
  'head', // 主要负责人变更
  'leader', // 分管领导变更
  'maintenance', // 维护方式变更
  'handover', // 移交其他单位
  'keys', // 账号ID / 链接补报或变更
  'scope', // 功能定位 / 发布内容范围变更
  'verification', // 认证信息变更
  'closure', // 停办
  'other',
] as const;

/** A canonical account key, `(kind, value)`; the platform is the account's. */
export const AccountKeySchema = z.strictObject({
  /** Key kind, per shared/PLATFORMS.md (gh, biz, wxid, uid, mid, sec_uid …). */
  kind: titled(z.string().min(1), '标识类型'),
  /** 账号ID / 原始ID / UID …, in canonical form. */
  value: titled(z.string().min(1), '标识值'),
});

export const ApprovalSchema = z.strictObject({
  /** 审批号 / 备案号 ("年 第 号"), e.g. 2026-0012; written by the approval job after merge. */
  number: titled(z.string().regex(/^\d{4}-\d{4,5}$/, { message: '审批号格式应为 年份-序号，如 2026-0012' }), '审批号'),
  /** 审批日期 (宣传部意见 的日期). */
  date: titled(DateSchema, '审批日期'),
  /** The merged pull request that approved the filing. */
  pr: titled(z.number().int().min(1).optional(), '审批的合并请求编号'),
});

export const HistoryEntrySchema = z.strictObject({
  /** 变更发生日期: lateness is measured from here. */
  date: titled(DateSchema, '变更日期'),
  /** 变更类型 */
  kind: titled(z.enum(CHANGE_KINDS, { message: `变更类型应为以下之一：${CHANGE_KINDS.join(', ')}` }), '变更类型'),
  /** 变更内容 / 变更原因 (public wording; no phone numbers). */
  summary: titled(TextSchema, '变更内容'),
  /** 报备日期: when the change was reported (defaults to the pull request's date). */
  reported: titled(DateSchema.optional(), '报备日期'),
});

/**
 * An office order to stop a registered account (责令停止运行 / 关停: 000 第十四、十五、十六条;
 * 001 第七条; 002 第十五条). Reversible: `lifted` ends it. Only the office writes it.
 */
export const OrderSchema = z.strictObject({
  /** suspend = 责令暂停运行; shutdown = 责令关停. */
  kind: titled(z.enum(['suspend', 'shutdown'], { message: '处理类型应为 suspend（暂停运行）或 shutdown（关停）' }), '处理类型'),
  /** 决定日期: in force from this day. */
  date: titled(DateSchema, '决定日期'),
  /** 原因 (public wording, no names or phones). */
  reason: titled(TextSchema, '原因'),
  /** 通知文号或编号, e.g. 宣传部〔2026〕3号. */
  reference: titled(TextSchema, '文号'),
  /** 恢复运行日期: the order no longer applies from this day. */
  lifted: titled(DateSchema.optional(), '恢复运行日期'),
});
export type Order = z.infer<typeof OrderSchema>;

/**
 * An exception the office grants to a rule "原则上" (003 第十三条: 原则上不再单独新设移动互联网应用
 * 程序), with its reference. Only the office writes it.
 */
export const ExemptionSchema = z.strictObject({
  /** The rule excepted: department-app. */
  rule: titled(z.enum(['department-app'], { message: '例外的规定应为 department-app' }), '例外的规定'),
  /** 批准日期 */
  date: titled(DateSchema, '批准日期'),
  /** 批复文号或编号 */
  reference: titled(TextSchema, '批复文号'),
  /** 理由 */
  reason: titled(TextSchema, '理由'),
});

/**
 * 校内数据服务 (002 第十八条; 001 第十四条): where the account's servers are and who approved them.
 */
export const CampusDataSchema = z.strictObject({
  /** 服务器位置: campus (校内) or external (校外). */
  servers: titled(z.enum(['campus', 'external'], { message: '服务器位置应为 campus（校内）或 external（校外）' }), '服务器位置'),
  /** 审批部门 (e.g. 科技处), 文号 and 日期; absent while not approved. */
  approval: titled(
    z.strictObject({ by: titled(TextSchema, '审批部门'), reference: titled(TextSchema, '审批文号'), date: titled(DateSchema, '审批日期') }).optional(),
    '服务器审批',
  ),
});

export const AccountSchema = z
  .strictObject({
    /** 账号编号 = file name (lower-case ASCII). */
    id: titled(IdSchema, '账号编号'),
    /** 媒体名称 / 拟用名称 (the proposed name while applied). */
    name: titled(TextSchema.max(60, { message: '名称不能超过 60 字' }), '媒体名称'),
    /** Earlier names (更名前的名称), kept so the verifier knows them. */
    formerNames: titled(z.array(TextSchema).default([]), '曾用名'),
    /** 媒体类型 / 新媒体类型 */
    platform: titled(z.enum(PLATFORM_IDS, { message: '平台类型不在支持列表中；其他平台请写 other 并填写 platformOther' }), '媒体类型'),
    /** 其他（请注明）: the platform's name when `platform` is `other`. */
    platformOther: titled(TextSchema.optional(), '其他平台名称'),
    /** 账号ID and aliases, as canonical keys (shared/PLATFORMS.md). */
    keys: titled(z.array(AccountKeySchema).default([]), '账号标识'),
    /** 媒体链接地址 / 账号链接 (https). */
    link: titled(HttpsUrlSchema.optional(), '媒体链接地址'),
    /** 主办单位 / 所属单位 (unit id). */
    unit: titled(IdSchema, '主办单位'),
    /**
     * 联合主办单位: other units that run the account together with the lead unit `unit` (牵头单位),
     * e.g. a 公众号 co-run by two colleges. Unit ids; the lead stays in `unit`.
     */
    units: titled(z.array(IdSchema).default([]), '联合主办单位'),
    /**
     * 运营方: an outside company the unit entrusts with running the account (委托第三方运营). Its
     * name is public ("由…运营"); the contract stays in the unit's files.
     */
    operator: titled(
      z
        .strictObject({
          /** 运营单位名称, e.g. 某某文化传媒有限公司. */
          name: titled(TextSchema, '运营单位名称'),
          /** 委托起始日期 */
          since: titled(DateSchema.optional(), '委托起始日期'),
        })
        .optional(),
      '委托第三方运营',
    ),
    /**
     * 停更未注销: the account stopped posting but was never deregistered. Distinct from 已停办
     * (closed, deregistered) and from 暂停运行 (suspended by the rules): it is still the school's.
     */
    dormant: titled(
      z
        .strictObject({
          /** 停更日期: the last post, or the day the unit decided to stop. */
          since: titled(DateSchema, '停更日期'),
          /** 停更原因 (public wording). */
          reason: titled(TextSchema.optional(), '停更原因'),
        })
        .optional(),
      '停更未注销',
    ),
    /** 平台级别 (一级 / 二级 / 三级). */
    tier: titled(z.number().int().min(1).max(3), '平台级别'),
    /** 状态: applied, approved, active or closed. */
    status: titled(z.enum(ACCOUNT_STATUSES, { message: '状态应为 applied、approved、active 或 closed' }), '状态'),
    /** 审批类型: 申请开通 (new) or 已开通备案 (backfill of an account that already ran). */
    filing: titled(z.enum(['new', 'backfill'], { message: '审批类型应为 new（申请开通）或 backfill（已开通备案）' }), '审批类型'),
    /** 功能定位 (seed 003). */
    purpose: titled(LongTextSchema, '功能定位'),
    /** 发布内容范围 (seed 002). */
    contentScope: titled(LongTextSchema.optional(), '发布内容范围'),
    /** 申请理由 (seed 003). */
    reason: titled(LongTextSchema.optional(), '申请理由'),
    /** 认证说明 (seed 000) with 认证主体. */
    verification: titled(
      z
        .strictObject({
          /** 认证状态: verified (已认证), pending (认证中), none (未认证). */
          status: titled(z.enum(['verified', 'pending', 'none'], { message: '认证状态应为 verified、pending 或 none' }), '认证状态'),
          /** 认证主体, e.g. 江东理工大学. */
          subject: titled(TextSchema.optional(), '认证主体'),
          /** 认证说明 */
          note: titled(TextSchema.optional(), '认证说明'),
        })
        .refine((v) => v.status === 'none' || v.subject !== undefined, {
          message: '已认证或认证中的账号须填写认证主体 subject',
          path: ['subject'],
        })
        .optional(),
      '认证说明',
    ),
    dates: titled(
      z.strictObject({
        /** 申请时间 */
        applied: titled(DateSchema.optional(), '申请时间'),
        /** 拟开通时间 */
        plannedOpening: titled(DateSchema.optional(), '拟开通时间'),
        /** 开通时间 */
        opened: titled(DateSchema.optional(), '开通时间'),
        /** 停办时间 */
        closed: titled(DateSchema.optional(), '停办时间'),
      }),
      '日期',
    ),
    /** 粉丝量 with the date it was counted. */
    followers: titled(
      z.strictObject({
        count: titled(z.number().int().min(0), '粉丝量'),
        asOf: titled(DateSchema, '统计日期'),
      }).optional(),
      '粉丝量',
    ),
    /** 审批号, date and PR: set only by the approval job after merge. */
    approval: titled(ApprovalSchema.optional(), '审批信息'),
    /** 变更记录 */
    history: titled(z.array(HistoryEntrySchema).default([]), '变更记录'),
    /** 停办理由 */
    closure: titled(
      z.strictObject({ reason: titled(TextSchema, '停办理由') }).optional(),
      '停办信息',
    ),
    /** Private: 管理队伍. Never published. */
    contacts: titled(
      z.strictObject({
        /** 主要负责人 / 第一责任人 / 负责人 */
        head: titled(PersonSchema, '主要负责人'),
        /** 分管领导 (seed 001) */
        leader: titled(PersonSchema.optional(), '分管领导'),
        /** 管理员 (姓名, 职务, 办公电话, 手机号码, 电子邮箱) */
        admins: titled(z.array(PersonSchema).min(1, { message: '至少填写一名管理员' }), '管理员'),
      }),
      '管理队伍',
    ),
    /** 责令停止运行 / 关停 by the office, oldest first (reversible: `lifted`). */
    orders: titled(z.array(OrderSchema).default([]), '责令停止运行'),
    /** Exceptions the office granted (原则上 rules), with their reference. */
    exemptions: titled(z.array(ExemptionSchema).default([]), '批准的例外'),
    /** 涉及校内数据服务: present only when the account serves campus data. */
    campusData: titled(CampusDataSchema.optional(), '校内数据服务'),
    /** 备注 */
    note: titled(TextSchema.optional(), '备注'),
  })
  .superRefine((a, ctx) => {
    // `at`: the field to point at when `path` is absent (the field whose value requires it).
    const rule = (path: (string | number)[], message: string, code: string, at?: (string | number)[]) =>
      ctx.addIssue({ code: 'custom', path, message, params: { rule: code, at } });
    if (a.platform === 'other' && !a.platformOther) rule(['platformOther'], '平台为“其他”时须注明平台名称 platformOther', 'account/platform-other', ['platform']);
    if (a.filing === 'new' && !a.dates.applied) rule(['dates', 'applied'], '申请开通的账号须填写申请时间 dates.applied', 'account/date-required', ['filing']);
    if (a.filing === 'new' && a.status === 'applied' && !a.dates.plannedOpening)
      rule(['dates', 'plannedOpening'], '申请中的账号须填写拟开通时间 dates.plannedOpening', 'account/date-required', ['status']);
    if (a.status === 'approved' && !a.approval) rule(['approval'], '状态为已批准（approved）的账号应有审批信息', 'account/approval-missing', ['status']);
    if (a.status === 'active' && !a.dates.opened) rule(['dates', 'opened'], '正常运营的账号须填写开通时间 dates.opened', 'account/date-required', ['status']);
    if (a.status === 'closed' && !a.dates.closed) rule(['dates', 'closed'], '已停办的账号须填写停办时间 dates.closed', 'account/date-required', ['status']);
    if (a.status === 'closed' && !a.closure) rule(['closure'], '已停办的账号须填写停办理由 closure.reason', 'account/closure-reason', ['status']);
    if (a.status !== 'closed' && a.dates.closed)
      rule(['dates', 'closed'], '只有已停办的账号才有停办时间；停办后重新开设须另行申请新账号', 'account/revived');
    if (a.status !== 'closed' && a.history.some((h) => h.kind === 'closure'))
      rule(['status'], '该账号已有停办记录，不能恢复运营；重新开设须另行申请新账号', 'account/revived');
    if (a.dormant && a.status !== 'active')
      rule(['dormant'], '只有正常运营（active）的账号才能标记为停更未注销；已停办的账号请删去 dormant', 'account/dormant-status', ['status']);
    if (a.units.includes(a.unit)) rule(['units'], `联合主办单位中不应再写牵头单位 ${a.unit}`, 'account/units-lead');
    if (new Set(a.units).size !== a.units.length) rule(['units'], '联合主办单位有重复', 'account/units-duplicate');
    a.orders.forEach((o, i) => {
      if (o.lifted && o.lifted < o.date) rule(['orders', i, 'lifted'], '恢复运行日期不能早于决定日期', 'date/order');
    });
    if ((a.status === 'applied' || a.status === 'approved') && a.dates.opened)
      rule(['dates', 'opened'], '尚未开通的账号不应填写开通时间；开通后请把状态改为 active', 'account/status-dates');
    // Issue 13 item 6: a link is certified official and rendered as a QR code, so its host must be
    // the platform's (dot-boundary suffix), https, without userinfo. Sites and APP download pages
    // are checked against the policy's domains in rules.ts (link/domain).
    if (a.link) {
      const problem = linkProblem(a.platform, a.link);
      if (problem) rule(['link'], problem, 'link/host');
    }
    a.keys.forEach((k, i) => {
      if (k.kind !== 'url' && k.kind !== 'short') return;
      const problem = linkProblem(a.platform, k.value);
      if (problem) rule(['keys', i, 'value'], problem, 'link/host');
    });
  });
export type Account = z.infer<typeof AccountSchema>;
