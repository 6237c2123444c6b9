/**
 * The paper forms of each preset (the rulebooks' appendices), as data: which form serves which
 * kind of paperwork (approval, change, closure, annual review, work group) and the rows of each
 * form in the appendix's order, every definition citing the appendix or article it comes from.
 * Where a rulebook asks for paperwork but attaches no form, the registry's default layout is used
 * and the form says so (登记系统默认格式). Signature and seal rows are not listed here: they come
 * from the policy's tiers (tiers[].approvers), see src/domain/forms/render.ts.
 */

/** The kinds of paperwork `npm run forms` prints. */
export const FORM_KINDS = ['approval', 'change', 'closure', 'review', 'group'] as const;
export type FormKind = (typeof FORM_KINDS)[number];

export const FORM_KIND_LABELS: Record<FormKind, string> = {
  approval: '开通申请（审批、备案）',
  change: '信息变更',
  closure: '停办',
  review: '年审',
  group: '网络工作群备案',
};

/**
 * A cell of the form's grid (4 columns: label, value, label, value):
 * - `l`: a label (the field's title on the paper form);
 * - `f`: a value, the key of a filled field (see FormValues in render.ts);
 * - `checks`: check boxes, ticked when the field `f` equals the option;
 * - `text`: fixed text printed on the form.
 */
export type FormCell =
  | { l: string; span?: number; rows?: number }
  | { f: string; span?: number; tall?: boolean }
  | { checks: string[]; f: string; span?: number }
  | { text: string; span?: number };

/** A row of the grid, or the list of administrators (姓名, 办公电话 …) as a sub-table. */
export type FormRow = FormCell[] | { admins: Array<[string, string]>; label: string; min: number };

export interface FormDef {
  /** Stable id, e.g. `000-approval`. */
  id: string;
  /** Title with `{school}` for the school's name, e.g. `{school}校园新媒体审批（备案）表`. */
  title: string;
  /** Where it comes from: the appendix and article, e.g. `附件一（第八条）`, or 登记系统默认格式. */
  source: string;
  /** The number line: 审批号：…, or 年 第 号 (seed 001), or none. */
  number: 'approval' | 'year-number' | 'none';
  /** Year line under the title (年审表: （ ）年度). */
  yearLine?: boolean;
  rows: FormRow[];
  /** The label of the host unit's opinion row (主办单位意见, 所在部门意见 …) and its printed pledge. */
  unitOpinion: { label: string; text?: string };
  /** The label suffix of the office's and other approvers' rows (意见). */
  notes: string[];
  /** For the annual review: print the push-list line (the rulebook asks for it). */
  pushList?: boolean;
}

/** Where a kind of paperwork has no form in a preset: the reason, shown to the user. */
export interface NoForm {
  none: string;
}

// Shared rows -----------------------------------------------------------------------------------

const PERSON_MOBILE_EMAIL = (label: string, key: string): FormRow[] => [
  [{ l: label, rows: 2 }, { f: `${key}.name`, span: 1 }, { l: '手机' }, { f: `${key}.mobile` }],
  [{ text: '', span: 1 }, { l: '邮箱' }, { f: `${key}.email` }],
];

const REVIEW_ROWS = (dept: string): FormRow[] => [
  [{ l: '新媒体名称' }, { f: 'name' }, { l: dept }, { f: 'unit' }],
  [{ l: '全年推送条数' }, { f: 'review.pushes', span: 3 }],
  [{ l: '总粉丝数' }, { f: 'review.followers', span: 3 }],
  [{ l: '全年最佳图文及点击量和转发量' }, { f: 'review.bestPost', span: 3 }],
  [{ l: '有无违规发布' }, { f: 'review.violations', span: 3 }],
  [{ l: '年度推送内容清单' }, { f: 'review.pushList', span: 3 }],
  ...PERSON_MOBILE_EMAIL('负责人', 'head'),
];

/** The registry's default 年审表 (a rulebook with an annual review and no form), modelled on 002 附件二. */
const defaultReview = (preset: string, article: string, dept: string, office: string): FormDef => ({
  id: `${preset}-review`,
  title: '{school}校园新媒体年审表',
  source: `登记系统默认格式（${article}规定年审，办法未附表样；栏目参照上海海关学院年审表）`,
  number: 'approval',
  yearLine: true,
  rows: REVIEW_ROWS(dept),
  unitOpinion: { label: `${dept.replace(/名称$/, '')}意见` },
  notes: [`此表一式两份，${office}、${dept.replace(/名称$/, '')}各一份。`],
  pushList: true,
});

// Seed 000: 菏泽职业学院 — one 审批（备案）表 for opening, backfill, change and closure (第四条).

const F000: FormDef = {
  id: '000-approval',
  title: '{school}校园新媒体审批（备案）表',
  source: '附表《校园新媒体审批（备案）表》（第四条）',
  number: 'approval',
  rows: [
    [{ l: '审批类型' }, { checks: ['申请开通', '已开通备案', '变更/停办'], f: 'filingType', span: 3 }],
    [{ l: '主办单位' }, { f: 'unit', span: 3 }],
    [{ l: '媒体类型' }, { f: 'platform', span: 3 }],
    [{ l: '拟用名称' }, { f: 'proposedName' }, { l: '拟开通时间' }, { f: 'plannedOpening' }],
    [{ l: '认证说明' }, { f: 'verification', span: 3 }],
    [{ l: '媒体名称' }, { f: 'name' }, { l: '账号ID' }, { f: 'keys' }],
    [{ l: '开通时间' }, { f: 'opened' }, { l: '粉丝量' }, { f: 'followers' }],
    [{ l: '变更/停办' }, { f: 'changeOrClosure', span: 3, tall: true }],
    [{ l: '主要负责人' }, { f: 'head.name' }, { l: '办公电话' }, { f: 'head.officePhone' }],
    [{ l: '手机号码' }, { f: 'head.mobile', span: 3 }],
    { label: '管理员信息', admins: [['姓名', 'name'], ['办公电话', 'officePhone'], ['手机号码', 'mobile'], ['电子邮箱', 'email']], min: 2 },
  ],
  unitOpinion: { label: '主办单位意见', text: '我单位将认真遵守国家互联网有关法律法规和学校规章制度，承诺加强管理，切实保障该新媒体的网络信息安全，同意本新媒体开通运营。' },
  notes: ['开办2个或2个以上新媒体，应分别填写表格。', '本表一式两份，{office}和主办单位各存一份。'],
};

// Seed 001: 曲靖师范学院 — 备案登记表 (existing accounts) and 备案申请表 (new), identical fields (第七条).

const F001 = (id: string, title: string, source: string): FormDef => ({
  id,
  title,
  source,
  number: 'year-number',
  rows: [
    [{ l: '媒体名称' }, { f: 'name', span: 3 }],
    [{ l: '所属单位' }, { f: 'unit', span: 3 }],
    [{ l: '媒体链接地址或账号' }, { f: 'linkOrKeys', span: 3 }],
    [{ l: '负责人及联系方式' }, { f: 'head.contact', span: 3 }],
    [{ l: '分管领导及联系方式' }, { f: 'leader.contact', span: 3 }],
    [{ l: '备注' }, { f: 'note001', span: 3, tall: true }],
  ],
  unitOpinion: { label: '所在单位意见' },
  notes: ['媒体名称指微博、微信等新媒体名称，QQ群群名及群号，请将所属单位、负责人及联系电话、分管领导信息填完整。'],
});

// Seed 002: 上海海关学院 — 附件一 开设申请表, 附件二 年审表, 附件三 备案登记表 (第八条、第九条).

const F002_APPLY: FormDef = {
  id: '002-approval',
  title: '{school}校园新媒体开设申请表',
  source: '附件一（第八条）',
  number: 'approval',
  rows: [
    [{ l: '新媒体名称' }, { f: 'name' }, { l: '所属部门' }, { f: 'unit' }],
    [{ l: '新媒体类型' }, { f: 'platform', span: 3 }],
    [{ l: '账号名称或链接地址' }, { f: 'linkOrKeys', span: 3 }],
    [{ l: '发布内容范围' }, { f: 'contentScope', span: 3, tall: true }],
    ...PERSON_MOBILE_EMAIL('负责人', 'head'),
  ],
  unitOpinion: { label: '所在部门意见' },
  notes: ['此表一式两份，校办公室、所在部门各一份。'],
};

const F002_REVIEW: FormDef = {
  id: '002-review',
  title: '{school}校园新媒体年审表',
  source: '附件二（第八条）',
  number: 'approval',
  yearLine: true,
  rows: REVIEW_ROWS('所属部门'),
  unitOpinion: { label: '所在部门意见' },
  notes: ['此表一式两份，校办公室、所在部门各一份。', '年审清单具体内容请以电子文档形式报送办公室。'],
  pushList: true,
};

const F002_CHANGE: FormDef = {
  id: '002-change',
  title: '{school}校园新媒体备案登记表',
  source: '附件三（第九条）',
  number: 'approval',
  rows: [
    [{ l: '新媒体名称' }, { f: 'name' }, { l: '所属部门' }, { f: 'unit' }],
    [{ l: '新媒体类型' }, { f: 'platform' }, { l: '开通时间' }, { f: 'opened' }],
    [{ l: '备案类型' }, { checks: ['信息变更', '停办'], f: 'changeType', span: 3 }],
    [{ l: '信息变更/停办原因' }, { f: 'changeReason', span: 3, tall: true }],
    [{ l: '信息变更内容' }, { f: 'changeContent', span: 3, tall: true }],
    ...PERSON_MOBILE_EMAIL('负责人', 'head'),
  ],
  unitOpinion: { label: '所在部门意见' },
  notes: ['此表一式两份，校办公室、所在部门各一份。'],
};

// Seed 003: 宁夏职业技术学院 — 附件2 信息登记表, 附件3 申请表, 附件4 网络工作群备案登记表 (第七条).

const PERSON_003 = (label: string, key: string): FormRow[] => [
  [{ l: label, rows: 2 }, { l: '姓名' }, { f: `${key}.name` }, { l: '职务' }, { f: `${key}.title` }],
  [{ l: '联系电话' }, { f: `${key}.phone` }, { l: '邮箱' }, { f: `${key}.email` }],
];

const F003_REGISTER = (id: string, extra: FormRow[], source: string): FormDef => ({
  id,
  title: '{school}新媒体平台信息登记表',
  source,
  number: 'approval',
  rows: [
    [{ l: '新媒体平台基本信息' }, { text: '名称：' }, { f: 'name' }, { text: '账号：' }, { f: 'linkOrKeys' }],
    [{ l: '主办单位' }, { f: 'unit', span: 4 }],
    [{ l: '功能定位' }, { f: 'purpose', span: 4, tall: true }],
    ...PERSON_003('管理员', 'admin1'),
    ...PERSON_003('负责人', 'head'),
    ...extra,
  ],
  unitOpinion: { label: '主办单位意见' },
  notes: [],
});

const F003_APPLY: FormDef = {
  id: '003-approval',
  title: '{school}新媒体平台申请表',
  source: '附件3（第七条）',
  number: 'approval',
  rows: [
    [{ l: '名称' }, { f: 'name', span: 2 }, { l: '平台' }, { f: 'platform' }],
    [{ l: '申请单位' }, { f: 'unit', span: 2 }, { l: '申请时间' }, { f: 'applied' }],
    ...PERSON_003('管理员', 'admin1'),
    ...PERSON_003('负责人', 'head'),
    [{ l: '申请理由' }, { f: 'reason', span: 4, tall: true }],
    [{ l: '功能定位' }, { f: 'purpose', span: 4, tall: true }],
  ],
  unitOpinion: { label: '申请单位意见' },
  notes: [],
};

const F003_GROUP: FormDef = {
  id: '003-group',
  title: '{school}网络工作群备案登记表',
  source: '附件4（第七条）',
  number: 'none',
  rows: [
    [{ l: '群二维码(号)' }, { f: 'group.number' }, { l: '群名称' }, { f: 'group.name' }],
    [{ l: '建群范围' }, { f: 'group.scope', span: 3 }],
    [{ l: '管理员姓名1' }, { f: 'group.admin1.name' }, { l: '手机' }, { f: 'group.admin1.mobile' }],
    [{ l: '管理员姓名2' }, { f: 'group.admin2.name' }, { l: '手机' }, { f: 'group.admin2.mobile' }],
    [{ l: 'Email' }, { f: 'group.email' }, { l: '群成员数量' }, { f: 'group.members' }],
    [{ l: '覆盖人员类型' }, { f: 'group.memberTypes', span: 3 }],
    [{ l: '所属部门名称(盖章)' }, { f: 'unit', span: 3, tall: true }],
    [{ l: '部门负责人' }, { f: 'head.name' }, { l: '职务' }, { f: 'head.title' }],
    [{ l: '办公电话' }, { f: 'head.officePhone' }, { l: '手机' }, { f: 'head.mobile' }],
  ],
  unitOpinion: { label: '所属部门意见' },
  notes: ['一个群填写一张。'],
};

// Seed 004: 永职 — 附件1 备案及审批表, 附件2 管理员变更登记表 (第七条); the seed names them but the
// copy lost their layout, so the registry lays them out with the fields 第七条 asks about.

const F004_APPLY: FormDef = {
  id: '004-approval',
  title: '{school}新媒体平台备案及审批表',
  source: '附件1（第七条；原件表样缺失，栏目按第七条和登记系统默认格式）',
  number: 'approval',
  rows: [
    [{ l: '平台名称' }, { f: 'name' }, { l: '平台类型' }, { f: 'platform' }],
    [{ l: '主办部门' }, { f: 'unit' }, { l: '平台级别' }, { f: 'tier' }],
    [{ l: '账号或链接' }, { f: 'linkOrKeys', span: 3 }],
    [{ l: '功能定位' }, { f: 'purpose', span: 3, tall: true }],
    [{ l: '第一责任人' }, { f: 'head.name' }, { l: '联系电话' }, { f: 'head.phone' }],
    { label: '后台管理人员', admins: [['姓名', 'name'], ['职务', 'title'], ['联系电话', 'phone'], ['邮箱', 'email']], min: 2 },
    [{ l: '维护方式' }, { f: 'maintenance', span: 3 }],
  ],
  unitOpinion: { label: '主办部门意见', text: '部门主要负责人签字并加盖部门公章。' },
  notes: [],
};

const F004_CHANGE: FormDef = {
  id: '004-change',
  title: '{school}新媒体平台管理员变更登记表',
  source: '附件2（第七条；原件表样缺失，栏目按第七条和登记系统默认格式）',
  number: 'approval',
  rows: [
    [{ l: '平台名称' }, { f: 'name' }, { l: '主办部门' }, { f: 'unit' }],
    [{ l: '变更日期' }, { f: 'changeDate' }, { l: '变更类型' }, { f: 'changeKind' }],
    [{ l: '变更原因' }, { f: 'changeReason', span: 3, tall: true }],
    [{ l: '变更内容' }, { f: 'changeContent', span: 3, tall: true }],
    { label: '变更后管理人员', admins: [['姓名', 'name'], ['职务', 'title'], ['联系电话', 'phone'], ['邮箱', 'email']], min: 2 },
  ],
  unitOpinion: { label: '主办部门意见' },
  notes: [],
};

/** Form per preset and kind; `backfill` overrides `approval` for already-running accounts (001, 003). */
export const FORM_TABLES: Record<string, Partial<Record<FormKind | 'backfill', FormDef | NoForm>>> = {
  '000': {
    approval: F000,
    change: { ...F000, id: '000-change' },
    closure: { ...F000, id: '000-closure' },
    review: defaultReview('000', '第五条', '主办单位', '党委宣传部'),
    group: { none: '第七条：工作群实行创建人负责制，纳入创建人所在单位自主管理，办法未设备案表' },
  },
  '001': {
    approval: F001('001-approval', '{school}新媒体备案申请表', '附表《新媒体备案申请表》（第七条）'),
    backfill: F001('001-backfill', '{school}新媒体备案登记表', '附表《新媒体备案登记表》（第七条）'),
    change: F001('001-change', '{school}新媒体备案登记表', '附表《新媒体备案登记表》（第七条：变更应在一周内以书面形式报备，变更内容填入备注）'),
    closure: { none: '办法未规定停办报备的表格（第七条只规定变更书面报备）' },
    review: { none: '办法未规定年审' },
    group: { ...F001('001-group', '{school}新媒体备案登记表', '附表《新媒体备案登记表》（第六条；说明：媒体名称含QQ群群名及群号）'), rows: [
      [{ l: '媒体名称' }, { f: 'group.nameAndNumber', span: 3 }],
      [{ l: '所属单位' }, { f: 'unit', span: 3 }],
      [{ l: '媒体链接地址或账号' }, { f: 'group.number', span: 3 }],
      [{ l: '负责人及联系方式' }, { f: 'group.admin1.contact', span: 3 }],
      [{ l: '分管领导及联系方式' }, { f: 'head.contact', span: 3 }],
      [{ l: '备注' }, { f: 'group.note', span: 3, tall: true }],
    ] },
  },
  '002': {
    approval: F002_APPLY,
    change: F002_CHANGE,
    closure: { ...F002_CHANGE, id: '002-closure' },
    review: F002_REVIEW,
    group: { none: '办法未规定网络工作群' },
  },
  '003': {
    approval: F003_APPLY,
    backfill: F003_REGISTER('003-backfill', [], '附件2（第七条）'),
    change: F003_REGISTER('003-change', [[{ l: '变更事项' }, { f: 'changeContent', span: 4, tall: true }]], '附件2（第七条：分管领导或管理员变更的，7日内报备；以登记表报备变更后的信息）'),
    closure: F003_REGISTER('003-closure', [[{ l: '解散日期' }, { f: 'closed' }, { l: '解散原因' }, { f: 'closureReason', span: 2 }]], '附件2（第十三条：平台解散时，3日内到党委宣传统战部备案；以登记表报备）'),
    review: defaultReview('003', '第八条', '主办单位', '党委宣传统战部'),
    group: F003_GROUP,
  },
  '004': {
    approval: F004_APPLY,
    change: F004_CHANGE,
    closure: { none: '办法未规定停办报备' },
    review: defaultReview('004', '第七条', '主办部门', '宣传统战部'),
    group: { none: '办法把QQ群、微信群列为新媒体，但未设工作群备案表；请按账号开通申请填报' },
  },
};

/** The form for `kind` under `preset` (the account's filing picks 登记表 over 申请表 where the preset has both). */
export function formFor(preset: string, kind: FormKind, backfill = false): FormDef | NoForm {
  const t = FORM_TABLES[preset] ?? FORM_TABLES['000']!;
  if (kind === 'approval' && backfill && t.backfill) return t.backfill;
  return t[kind] ?? { none: '该管理办法未规定此表' };
}

/** Every label printed on a form (its field titles), for checks and tests. */
export function formTitles(def: FormDef): string[] {
  const out: string[] = [];
  for (const row of def.rows) {
    if (!Array.isArray(row)) {
      out.push(row.label, ...row.admins.map(([h]) => h));
      continue;
    }
    for (const c of row) if ('l' in c) out.push(c.l);
    for (const c of row) if ('checks' in c) out.push(...c.checks);
  }
  return [...new Set(out)];
}
