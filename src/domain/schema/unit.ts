/** A unit (单位): the school, an office, a college, a student organisation, a club, a class … */
import * as z from 'zod';
import { DateSchema, IdSchema, OwnerSchema, TextSchema, titled } from './common.ts';

/** Unit kinds. Tiers are assigned to kinds by the policy. */
export const UNIT_KINDS = [
  'school', // 学校（一级平台的主办主体）
  'office', // 党政管理部门 / 职能部门
  'college', // 学院 / 系部 / 院部
  'department', // 直属 / 教辅单位（图书馆、信息中心 …）
  'student-org', // 团学组织（学生会、研究生会 …）
  'club', // 学生社团
  'class', // 班级
  'project', // 工作项目 / 课题组
  'individual', // 学生个人（seed 004 三级平台）
] as const;
export type UnitKind = (typeof UNIT_KINDS)[number];

export const UNIT_KIND_LABELS: Record<UnitKind, string> = {
  school: '学校',
  office: '党政职能部门',
  college: '学院（系部）',
  department: '直属及教辅单位',
  'student-org': '团学组织',
  club: '学生社团',
  class: '班级',
  project: '工作项目',
  individual: '学生个人',
};

export const UNIT_STATUSES = ['active', 'merged', 'renamed', 'dissolved'] as const;

export const UnitSchema = z
  .strictObject({
    /** 单位编号 = file name. */
    id: titled(IdSchema, '单位编号'),
    /** 单位名称 (所属单位 / 主办单位 on the forms). */
    name: titled(TextSchema, '单位名称'),
    /** 简称 */
    shortName: titled(TextSchema.optional(), '简称'),
    /** 单位类型 */
    kind: titled(z.enum(UNIT_KINDS, { message: `单位类型应为以下之一：${UNIT_KINDS.join(', ')}` }), '单位类型'),
    /** 上级单位 (a class's college, a club's 校团委 …). */
    parent: titled(IdSchema.optional(), '上级单位'),
    /** 状态: active, merged, renamed or dissolved. */
    status: titled(z.enum(UNIT_STATUSES, { message: '状态应为 active、merged、renamed 或 dissolved' }), '状态'),
    /** 状态变更日期 (合并 / 更名 / 撤销). */
    statusDate: titled(DateSchema.optional(), '状态变更日期'),
    /** 承继单位 after a merger or rename. */
    successor: titled(IdSchema.optional(), '承继单位'),
    /** 第一责任人职务 (e.g. 党总支书记, 部门正职, 校团委书记, 辅导员). */
    headTitle: titled(TextSchema, '第一责任人职务'),
    /** Owners on GitHub (users or teams) who may file and review for this unit. */
    owners: titled(z.array(OwnerSchema).default([]), '负责维护的 GitHub 账号'),
  })
  .superRefine((u, ctx) => {
    if ((u.status === 'merged' || u.status === 'renamed') && !u.successor)
      ctx.addIssue({ code: 'custom', path: ['successor'], message: '合并或更名的单位必须填写承继单位 successor', params: { rule: 'unit/successor-missing', at: ['status'] } });
    if (u.status === 'active' && u.successor)
      ctx.addIssue({ code: 'custom', path: ['successor'], message: '正常状态的单位不应填写承继单位', params: { rule: 'unit/successor-unexpected' } });
    if (u.status !== 'active' && !u.statusDate)
      ctx.addIssue({ code: 'custom', path: ['statusDate'], message: '合并、更名或撤销的单位必须填写状态变更日期 statusDate', params: { rule: 'unit/status-date-missing', at: ['status'] } });
  });
export type Unit = z.infer<typeof UnitSchema>;
