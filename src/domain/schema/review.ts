/** The annual review (年审表, seed 002 附件二): `content/reviews/<year>/<account>.yaml`. */
import * as z from 'zod';
import { DateSchema, HttpsUrlSchema, IdSchema, LongTextSchema, PersonSchema, TextSchema, titled } from './common.ts';

export const REVIEW_OUTCOMES = ['pending', 'pass', 'fail'] as const;

export const ReviewSchema = z
  .strictObject({
    /** 账号编号 = file name. */
    account: titled(IdSchema, '账号编号'),
    /** （ ）年度 = folder name. */
    year: titled(z.number().int().min(2000).max(2100), '年度'),
    /** 提交日期 */
    submitted: titled(DateSchema, '提交日期'),
    /** 全年推送条数 */
    pushes: titled(z.number().int().min(0), '全年推送条数'),
    /** 总粉丝数 */
    followers: titled(z.number().int().min(0), '总粉丝数'),
    /** 全年最佳图文及点击量和转发量 */
    bestPost: titled(
      z
        .strictObject({
          title: titled(TextSchema, '最佳图文标题'),
          url: titled(HttpsUrlSchema.optional(), '最佳图文链接'),
          views: titled(z.number().int().min(0), '点击量'),
          shares: titled(z.number().int().min(0), '转发量'),
        })
        .optional(),
      '全年最佳图文',
    ),
    /** 有无违规发布, with details when yes. */
    violations: titled(
      z
        .strictObject({
          any: titled(z.boolean(), '有无违规发布'),
          details: titled(LongTextSchema.optional(), '违规情况说明'),
        })
        .refine((v) => !v.any || v.details !== undefined, { message: '有违规发布时须填写说明 details', path: ['details'] }),
      '有无违规发布',
    ),
    /** 年度推送内容清单 (电子文档): a CSV file next to this one, `<account>.pushes.csv`. */
    pushList: titled(z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*\.pushes\.csv$/, { message: '推送清单文件名应为 <账号编号>.pushes.csv' }).optional(), '推送清单'),
    /** Private: 负责人 (手机, 邮箱). */
    head: titled(PersonSchema, '负责人'),
    /** 所在部门意见 */
    unitOpinion: titled(TextSchema.optional(), '所在部门意见'),
    /**
     * 年审主体 (unit id) when the tier's review is delegated (002 第八条: 三级平台由相关系部和团委
     * 负责): the 系部 or 团委 that reviewed it.
     */
    reviewedBy: titled(IdSchema.optional(), '年审主体'),
    /** 向办公室报备日期 (002 第八条: 并向办公室报备) of a delegated review. */
    reportedToOffice: titled(DateSchema.optional(), '报备日期'),
    /** 校办公室 / 宣传部意见: the office's result. */
    result: titled(
      z.strictObject({
        outcome: titled(z.enum(REVIEW_OUTCOMES, { message: '年审结果应为 pending、pass 或 fail' }), '年审结果'),
        date: titled(DateSchema.optional(), '审核日期'),
        note: titled(TextSchema.optional(), '审核意见'),
      }),
      '审核结果',
    ),
  })
  .superRefine((r, ctx) => {
    if (r.result.outcome !== 'pending' && !r.result.date)
      ctx.addIssue({ code: 'custom', path: ['result', 'date'], message: '已审核的年审须填写审核日期', params: { rule: 'review/result-date', at: ['result'] } });
  });
export type Review = z.infer<typeof ReviewSchema>;

/** The push list's header row (年度推送内容清单). */
export const PUSH_LIST_COLUMNS = ['date', 'title', 'url'] as const;
