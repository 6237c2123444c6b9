/**
 * The "file an account" issue form (.github/ISSUE_TEMPLATE/file-account.yml) for units that do not
 * use git: reads the submitted issue body (GitHub renders each field as `### 标签` + value) and
 * writes the account filing it describes. Pure: body text and a date in, a filing out; the caller
 * validates the filing with the same loader as every other filing.
 */
import { isMap, isSeq, parseDocument, stringify } from 'yaml';
import { PLATFORMS, findPlatform } from './platforms.ts';

/**
 * The one table of labels the issue forms apply, `setup:repo` creates and the workflows read
 * (a form naming a label setup never created would lose it: GitHub drops unknown form labels).
 */
export const ISSUE_LABELS = {
  /** file-account.yml: becomes a PR (issue-ops workflow). */
  filing: { name: '备案表', color: '0e8a16', description: '通过 Issue 表单提交的新开备案' },
  /** report-change.yml */
  change: { name: '变更停办', color: 'fbca04', description: '通过 Issue 表单报告的变更或停办' },
  /** annual-review.yml: 年审材料 entered by the office (the result is the office's to write). */
  review: { name: '年审材料', color: '5319e7', description: '通过 Issue 表单报送的年审材料' },
  /** report-impersonation.yml (and the verify page's report link: REPORT_LABEL in verify/report.ts) */
  impostor: { name: '冒用举报', color: 'b60205', description: '举报仿冒学校或单位名义的账号' },
} as const;

/** The form's field labels, exactly as the issue template writes them. */
export const FORM_LABELS = {
  unit: '单位编号',
  id: '账号编号',
  name: '媒体名称（拟用名称）',
  platform: '媒体类型',
  filing: '审批类型',
  tier: '平台级别',
  plannedOpening: '拟开通时间',
  opened: '开通时间',
  link: '账号链接',
  accountId: '账号ID',
  purpose: '功能定位',
  headName: '主要负责人姓名',
  headTitle: '主要负责人职务',
  headMobile: '主要负责人手机号码',
  headOffice: '主要负责人办公电话',
  adminName: '管理员姓名',
  adminMobile: '管理员手机号码',
  adminEmail: '管理员电子邮箱',
  admin2Name: '第二管理员姓名',
  admin2Mobile: '第二管理员手机号码',
  admin2Email: '第二管理员电子邮箱',
  contentScope: '发布内容范围',
  reason: '申请理由',
  verification: '认证情况',
  verificationSubject: '认证主体',
  leaderName: '分管领导姓名',
  leaderTitle: '分管领导职务',
  leaderMobile: '分管领导手机号码',
} as const;
export type FormField = keyof typeof FORM_LABELS;

/** Fields that carry private contact details: removed from the issue once filed. */
export const PRIVATE_FIELDS: FormField[] = ['headMobile', 'headOffice', 'adminMobile', 'adminEmail', 'admin2Mobile', 'admin2Email', 'leaderMobile'];

const NO_RESPONSE = '_No response_';

/** The form's answers by field (empty answers omitted). */
export function parseIssueForm(body: string): Partial<Record<FormField, string>> {
  const out: Partial<Record<FormField, string>> = {};
  const byLabel = new Map<string, FormField>(Object.entries(FORM_LABELS).map(([k, v]) => [v, k as FormField]));
  const parts = body.replace(/\r\n/g, '\n').split(/^###[ \t]+/m).slice(1);
  for (const part of parts) {
    const nl = part.indexOf('\n');
    const label = (nl < 0 ? part : part.slice(0, nl)).trim();
    const value = (nl < 0 ? '' : part.slice(nl + 1)).trim();
    const field = byLabel.get(label);
    if (field && value && value !== NO_RESPONSE) out[field] = value;
  }
  return out;
}

export interface FormProblem {
  field: string;
  message: string;
}

export type FormResult =
  | { ok: true; unit: string; id: string; path: string; text: string }
  | { ok: false; problems: FormProblem[] };

/**
 * A date typed the way people type them (2026年12月5日, 2026/12/5, 2026.12.5, 2026-12-5) as
 * YYYY-MM-DD; anything else is returned trimmed for the loader to report.
 */
export function normalizeFormDate(answer: string | undefined): string | undefined {
  if (answer === undefined) return undefined;
  const t = answer.trim().replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const m = /^(\d{4})\s*(?:年|[-/.])\s*(\d{1,2})\s*(?:月|[-/.])\s*(\d{1,2})\s*日?$/.exec(t);
  return m ? `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}` : t;
}

/** A phone typed with spaces, dashes or a +86 prefix: mobiles as 11 digits, landlines as 区号-号码. */
export function normalizeFormPhone(answer: string | undefined): string | undefined {
  if (answer === undefined) return undefined;
  const t = answer.trim().replace(/[\uFF10-\uFF19]/g, (d) => String.fromCharCode(d.charCodeAt(0) - 0xfee0));
  const digits = t.replace(/^\+?86[\s-]*/, '').replace(/[\s\-－—()（）]/g, '');
  if (/^1\d{10}$/.test(digits)) return digits;
  // Landlines: 区号 010 and 02x have three digits, the others four.
  const m = /^(0(?:10|2\d|[3-9]\d{2}))(\d{7,8})$/.exec(digits);
  if (m) return `${m[1]}-${m[2]}`;
  return t;
}

/** The value of a dropdown answer such as `微信公众号（wechat-mp）`: the id in the last brackets. */
export function dropdownValue(answer: string | undefined): string | undefined {
  if (!answer) return undefined;
  const m = /[（(]([a-z0-9-]+)[)）]\s*$/.exec(answer);
  return m ? m[1] : answer.trim();
}

/**
 * The filing `accounts/<unit>/<id>.mdx` the form describes, dated `today` (the issue's date). Only
 * the shape is checked here; the loader checks everything else.
 */
export function filingFromIssueForm(body: string, today: string): FormResult {
  const a = parseIssueForm(body);
  for (const f of ['plannedOpening', 'opened'] as const) if (a[f]) a[f] = normalizeFormDate(a[f]);
  for (const f of ['headMobile', 'headOffice', 'adminMobile', 'admin2Mobile', 'leaderMobile'] as const) if (a[f]) a[f] = normalizeFormPhone(a[f]);
  const problems: FormProblem[] = [];
  const need = (f: FormField) => {
    if (!a[f]) problems.push({ field: FORM_LABELS[f], message: '必填' });
    return a[f] ?? '';
  };
  const unit = (dropdownValue(need('unit')) ?? '').toLowerCase();
  const id = need('id').toLowerCase();
  for (const [f, v] of [['unit', unit], ['id', id]] as const)
    if (v && !/^[a-z0-9]+(?:-[a-z0-9]+)*$/.test(v)) problems.push({ field: FORM_LABELS[f], message: '只能使用小写英文字母、数字和连字符 -' });
  const platform = dropdownValue(need('platform'));
  if (platform && !PLATFORMS.some((p) => p.id === platform)) problems.push({ field: FORM_LABELS.platform, message: '请从列表中选择' });
  const filing = dropdownValue(need('filing'));
  if (filing && filing !== 'new' && filing !== 'backfill') problems.push({ field: FORM_LABELS.filing, message: '请从列表中选择' });
  const tierText = dropdownValue(need('tier'));
  const tier = Number(tierText);
  if (tierText && ![1, 2, 3].includes(tier)) problems.push({ field: FORM_LABELS.tier, message: '请从列表中选择' });
  const name = need('name');
  const purpose = need('purpose');
  const headName = need('headName');
  const adminName = need('adminName');
  if (filing === 'new') need('plannedOpening');
  if (filing === 'backfill') need('opened');
  if (!a.headMobile && !a.headOffice) problems.push({ field: FORM_LABELS.headMobile, message: '手机号码和办公电话至少填写一项' });
  if (!a.adminMobile) problems.push({ field: FORM_LABELS.adminMobile, message: '必填' });
  if (a.admin2Name && !a.admin2Mobile) problems.push({ field: FORM_LABELS.admin2Mobile, message: '填写第二管理员时必填' });
  if (a.leaderName && !a.leaderMobile) problems.push({ field: FORM_LABELS.leaderMobile, message: '填写分管领导时必填' });
  const verification = dropdownValue(a.verification);
  if (verification && !['none', 'pending', 'verified'].includes(verification)) problems.push({ field: FORM_LABELS.verification, message: '请从列表中选择' });
  // 账号ID on the 审批表: the ID a student reads in the app (微信号, 抖音号, B站 UID …), filed as the
  // platform's user-visible key kind: the kind whose pattern it fits, else the first kind
  // (the loader then names the format problem on keys[0].value).
  const visible = platform ? findPlatform(platform)?.visibleId : undefined;
  const accountId = a.accountId?.trim().replace(/^@/, '');
  if (accountId && !visible) problems.push({ field: FORM_LABELS.accountId, message: '该平台没有可填写的账号ID，请填写账号链接' });
  if (problems.length) return { ok: false, problems };
  const fitting = (visible?.kinds ?? [])
    .map((k) => findPlatform(platform!)?.keys.find((x) => x.id === k))
    .filter((k) => k && accountId && k.pattern.test(accountId.toLowerCase()));
  // A strict pattern (原始ID gh_…) says more than a loose one (微信号 fits almost anything).
  const keyKind = accountId && visible ? ((fitting.find((k) => k!.strict !== false) ?? fitting[0])?.id ?? visible.kinds[0]) : undefined;

  const person = (p: Record<string, string | undefined>) => Object.fromEntries(Object.entries(p).filter(([, v]) => v));
  const data: Record<string, unknown> = {
    id,
    name,
    platform,
    ...(a.link ? { link: a.link } : {}),
    ...(accountId && keyKind ? { keys: [{ kind: keyKind, value: accountId }] } : {}),
    unit,
    tier,
    status: filing === 'new' ? 'applied' : 'active',
    filing,
    purpose,
    ...(a.contentScope ? { contentScope: a.contentScope } : {}),
    ...(a.reason ? { reason: a.reason } : {}),
    ...(verification ? { verification: { status: verification, ...(a.verificationSubject ? { subject: a.verificationSubject } : {}) } } : {}),
    dates: filing === 'new' ? { applied: today, plannedOpening: a.plannedOpening } : { opened: a.opened },
    contacts: {
      head: person({ name: headName, title: a.headTitle, officePhone: a.headOffice, mobile: a.headMobile }),
      ...(a.leaderName ? { leader: person({ name: a.leaderName, title: a.leaderTitle, mobile: a.leaderMobile }) } : {}),
      admins: [person({ name: adminName, mobile: a.adminMobile, email: a.adminEmail }), ...(a.admin2Name ? [person({ name: a.admin2Name, mobile: a.admin2Mobile, email: a.admin2Email })] : [])],
    },
  };
  // Dates and phone numbers stay quoted strings, as the strict loader requires.
  const yaml = stringify(data, { defaultStringType: 'QUOTE_SINGLE', defaultKeyType: 'PLAIN', lineWidth: 0 });
  return { ok: true, unit, id, path: `accounts/${unit}/${id}.mdx`, text: `---\n${yaml}---\n` };
}

/** The issue body with the private answers replaced, once they are in the filing. */
export function redactIssueForm(body: string): string {
  const privateLabels = new Set<string>(PRIVATE_FIELDS.map((f) => FORM_LABELS[f]));
  return body.replace(/^###[ \t]+(.+)\r?\n([\s\S]*?)(?=^###[ \t]|(?![\s\S]))/gm, (all, label: string, value: string) =>
    privateLabels.has(label.trim()) && value.trim() && value.trim() !== NO_RESPONSE ? `### ${label.trim()}\n\n（已写入备案文件，已从本 Issue 删除）\n\n` : all,
  );
}

/** The unit dropdown's options: `名称（id）` for every active unit, sorted by id (read back by dropdownValue). */
export function unitOptions(units: ReadonlyArray<{ data: { id: string; name: string; status?: string } }>): string[] {
  return [...units]
    .filter((u) => (u.data.status ?? 'active') === 'active')
    .sort((a, b) => a.data.id.localeCompare(b.data.id))
    .map((u) => `${u.data.name.replace(/[（）()\r\n]/g, ' ').trim()}（${u.data.id}）`);
}

/**
 * The "file an account" template with its unit field as a dropdown of `options` (generated by
 * setup:repo from content/units/; a test and `setup:repo --check` fail when it is stale). Other
 * bytes of the template are kept as the yaml library writes them.
 */
export function withUnitDropdown(template: string, options: string[]): string {
  const doc = parseDocument(template);
  const body = doc.get('body', true);
  if (!isSeq(body)) return template;
  for (const item of body.items) {
    if (!isMap(item) || item.get('id') !== 'unit') continue;
    item.set('type', 'dropdown');
    const attrs = item.get('attributes', true);
    if (isMap(attrs)) {
      attrs.set('description', '请选择本单位（只能为本单位备案）。列表由登记系统根据 content/units/ 自动生成。');
      attrs.delete('placeholder');
      attrs.set('options', doc.createNode(options));
    }
  }
  return doc.toString({ lineWidth: 0 });
}
