/**
 * Importing a school's existing ledger (台账) into filings: columns matched by their Chinese
 * headers (the ledger's own headers, common variants, or a mapping the office supplies), dates
 * and phones normalised from the forms staff type, platforms recognised from names and links,
 * merged cells and blank rows understood. Every row that cannot become a filing is reported by
 * sheet, row and column with a Chinese reason. Pure: sheets of cells in, planned filings and
 * problems out; the script writes files only after the real validator accepts them.
 */
import { stringify } from 'yaml';
import { ACCOUNT_STATUS_LABELS, ACCOUNT_STATUSES, CHANGE_KINDS, type Account } from './schema/account.ts';
import type { Group } from './schema/group.ts';
import type { Policy } from './schema/policy.ts';
import type { Unit } from './schema/unit.ts';
import { PLATFORMS, canonicalKeyValue, findPlatform } from './platforms.ts';
import { normalizeInput } from './verify/normalize.ts';
import { excelSerialToDate, normalizeMobile, normalizeOfficePhone, parseLooseDate } from './excel-values.ts';
import { CHANGE_KIND_LABELS, FILING_LABELS, GROUP_COLUMNS, LEDGER_SHEETS, LIST_SEPARATOR, VERIFICATION_LABELS, accountColumns, type Cell } from './ledger.ts';

/** One sheet as read from a workbook or CSV: rows of cells, row 1 first (merged cells already filled). */
export interface InputSheet {
  name: string;
  rows: Cell[][];
}

/** A problem with one cell or row, in the spreadsheet's own coordinates. */
export interface ImportProblem {
  sheet: string;
  /** Spreadsheet row number (1 = the first row). */
  row: number;
  /** Column letter and header (`F 开通时间`), or '' for the whole row. */
  column: string;
  message: string;
}

/** A filing the import would write. */
export interface PlannedFiling {
  kind: 'account' | 'group';
  /** Path relative to the content folder. */
  file: string;
  id: string;
  text: string;
  sheet: string;
  row: number;
  /** Field path → column label (`F 开通时间`), to place validator findings. */
  columns: Record<string, string>;
}

export interface ImportInput {
  sheets: InputSheet[];
  policy: Policy;
  units: readonly Unit[];
  /** Ids already used in the registry (accounts and groups), and their files. */
  existing: { accounts: ReadonlyMap<string, string>; groups: ReadonlyMap<string, string> };
  /** Extra header → field mappings (`手机号` → `contacts.head.mobile`), from the office's mapping file. */
  mapping?: Readonly<Record<string, string>>;
}

export interface ImportResult {
  filings: PlannedFiling[];
  problems: ImportProblem[];
  /** Sheets skipped, with why (e.g. 单位 and 年审 sheets of an exported ledger). */
  skipped: Array<{ sheet: string; reason: string }>;
}

/** Common header variants in school ledgers, per field (after normalising the header). */
const ACCOUNT_ALIASES: Record<string, string[]> = {
  id: ['编号', '账号编号', '序号编码'],
  name: ['媒体名称', '账号名称', '名称', '新媒体名称', '平台名称', '拟用名称', '公众号名称', '新媒体平台名称'],
  formerNames: ['曾用名', '原名称'],
  platform: ['媒体类型', '平台', '平台类型', '新媒体类型', '类型', '账号类型', '所在平台'],
  platformOther: ['其他平台名称'],
  keys: ['账号标识', '账号id', '账号', '原始id', '微信号', 'uid', '抖音号', 'b站uid', '账号或id'],
  link: ['媒体链接地址', '链接', '链接地址', '网址', '账号链接', '主页链接', '媒体链接地址或账号', '账号名称或链接地址'],
  unit: ['单位编号'],
  unitName: ['主办单位', '所属单位', '所属部门', '单位', '申请单位', '单位名称', '部门', '主管单位'],
  tier: ['平台级别', '级别', '等级'],
  status: ['备案状态', '状态', '运营状态'],
  filing: ['审批类型', '备案类型'],
  purpose: ['功能定位', '定位', '用途', '账号定位', '简介'],
  contentScope: ['发布内容范围', '内容范围'],
  reason: ['申请理由'],
  'verification.status': ['认证状态', '是否认证'],
  'verification.subject': ['认证主体'],
  'verification.note': ['认证说明'],
  'dates.applied': ['申请时间', '申请日期'],
  'dates.plannedOpening': ['拟开通时间', '拟开通日期'],
  'dates.opened': ['开通时间', '开通日期', '注册时间', '注册日期', '创建时间'],
  'dates.closed': ['停办时间', '停办日期', '注销时间'],
  'closure.reason': ['停办理由', '停办原因'],
  'followers.count': ['粉丝量', '粉丝数', '关注人数', '粉丝数量'],
  'followers.asOf': ['粉丝统计日期', '统计日期'],
  'approval.number': ['审批号', '备案号'],
  'approval.date': ['审批日期', '备案日期'],
  'approval.pr': ['审批合并请求编号'],
  'contacts.head.name': ['主要负责人', '负责人', '负责人姓名', '主要负责人姓名', '第一责任人'],
  'contacts.head.title': ['负责人职务', '主要负责人职务'],
  'contacts.head.officePhone': ['负责人办公电话', '负责人座机', '主要负责人办公电话', '办公电话', '座机'],
  'contacts.head.mobile': ['负责人手机', '负责人手机号码', '负责人手机号', '负责人联系电话', '负责人电话', '主要负责人手机', '主要负责人手机号码', '手机', '手机号码', '联系电话'],
  'contacts.head.email': ['负责人邮箱', '负责人电子邮箱', '主要负责人邮箱', '邮箱', '电子邮箱', 'email'],
  'contacts.leader.name': ['分管领导', '分管领导姓名'],
  'contacts.leader.title': ['分管领导职务'],
  'contacts.leader.officePhone': ['分管领导办公电话', '分管领导座机'],
  'contacts.leader.mobile': ['分管领导手机', '分管领导手机号码', '分管领导电话'],
  'contacts.leader.email': ['分管领导邮箱'],
  'admins.1.name': ['管理员', '管理员姓名', '运营人员', '维护人', '管理员1'],
  'admins.1.mobile': ['管理员手机', '管理员手机号码', '管理员电话', '管理员联系电话'],
  'admins.1.officePhone': ['管理员办公电话'],
  'admins.1.email': ['管理员邮箱'],
  'admins.1.title': ['管理员职务'],
  history: ['变更记录'],
  note: ['备注', '说明'],
};

const GROUP_ALIASES: Record<string, string[]> = {
  id: ['群编号', '编号'],
  platform: ['群平台', '群类型', '平台'],
  number: ['群号', '群二维码(号)', '群二维码号', '群号码'],
  name: ['群名称', '群名'],
  scope: ['建群范围', '范围'],
  members: ['群成员数量', '成员数量', '群人数', '人数'],
  memberTypes: ['覆盖人员类型', '人员类型'],
  'admins.1.name': ['管理员姓名1', '管理员1', '管理员1姓名', '管理员姓名'],
  'admins.1.mobile': ['管理员1手机', '手机1', '管理员手机'],
  'admins.2.name': ['管理员姓名2', '管理员2', '管理员2姓名'],
  'admins.2.mobile': ['管理员2手机', '手机2'],
  email: ['email', '邮箱', '电子邮箱'],
  unit: ['单位编号'],
  unitName: ['所属部门', '所属部门名称', '所属部门名称(盖章)', '所属单位', '单位'],
  'head.name': ['部门负责人', '部门负责人姓名'],
  'head.title': ['部门负责人职务', '职务'],
  'head.officePhone': ['部门负责人办公电话', '办公电话'],
  'head.mobile': ['部门负责人手机', '手机'],
  'head.email': ['部门负责人邮箱'],
  created: ['建群日期', '建群时间'],
  dissolved: ['解散日期'],
  dissolutionReported: ['解散报备日期'],
  note: ['备注'],
};

/** A header as compared: no spaces, line breaks, asterisks or "(必填)" notes; ASCII lower-case; full-width folded. */
export function normalizeHeader(h: string): string {
  return h
    .normalize('NFKC')
    .replace(/[\s*＊:：]/g, '')
    .replace(/[(（][^)）]*(?:必填|选填|可选|如有)[^)）]*[)）]/g, '')
    .toLowerCase();
}

/** Column letter of a 0-based index (A, B … Z, AA …). */
export function columnLetter(i: number): string {
  let s = '';
  for (let n = i + 1; n > 0; n = Math.floor((n - 1) / 26)) s = String.fromCharCode(65 + ((n - 1) % 26)) + s;
  return s;
}

/** The table of header → field for a kind: the ledger's own headers, the variants, then the mapping. */
function headerTable(kind: 'account' | 'group', mapping: Readonly<Record<string, string>>): Map<string, string> {
  const t = new Map<string, string>();
  const own = kind === 'account' ? accountColumns(20) : GROUP_COLUMNS;
  for (const c of own) t.set(normalizeHeader(c.header), c.key);
  for (const [key, aliases] of Object.entries(kind === 'account' ? ACCOUNT_ALIASES : GROUP_ALIASES)) for (const a of aliases) if (!t.has(normalizeHeader(a))) t.set(normalizeHeader(a), key);
  for (const [h, key] of Object.entries(mapping)) t.set(normalizeHeader(h), key);
  return t;
}

/** The fields a mapping file may name (for its own check). */
export function knownFieldKeys(): string[] {
  return [...new Set([...accountColumns(20).map((c) => c.key), ...Object.keys(ACCOUNT_ALIASES), ...GROUP_COLUMNS.map((c) => c.key)])].sort();
}

/** Platform names staff write, beyond the platforms' own labels (lower-case, NFKC). */
const PLATFORM_NAMES: Record<string, string> = {
  微信: 'wechat-mp', 公众号: 'wechat-mp', 微信公众号: 'wechat-mp', 微信公众平台: 'wechat-mp', 微信订阅号: 'wechat-mp', 微信服务号: 'wechat-mp',
  小程序: 'wechat-mini', 微信小程序: 'wechat-mini', 视频号: 'wechat-channels', 微信视频号: 'wechat-channels',
  微博: 'weibo', 新浪微博: 'weibo', 抖音: 'douyin', 抖音号: 'douyin', 快手: 'kuaishou', b站: 'bilibili', 哔哩哔哩: 'bilibili', bilibili: 'bilibili',
  小红书: 'xiaohongshu', 知乎: 'zhihu', 今日头条: 'toutiao', 头条号: 'toutiao', 易班: 'yiban', 贴吧: 'tieba', 百度贴吧: 'tieba',
  app: 'app', 客户端: 'app', 移动客户端: 'app', 网站: 'website', 官网: 'website', qq群: 'qq-group', 微信群: 'wechat-group',
  企业微信群: 'wecom-group', 钉钉群: 'dingtalk-group', 钉钉工作群: 'dingtalk-group',
};

/** The platform id a cell names (its label, id or a common name), else undefined. */
export function platformFromName(text: string): string | undefined {
  const t = text.normalize('NFKC').replace(/\s/g, '').toLowerCase();
  if (!t) return undefined;
  const norm = (x: string) => x.normalize('NFKC').replace(/\s/g, '').toLowerCase();
  for (const p of PLATFORMS) if (p.id === t || norm(p.label) === t) return p.id;
  const hit = PLATFORM_NAMES[t] ?? PLATFORM_NAMES[t.replace(/(?:账号|官方号|平台)$/, '')];
  return hit && findPlatform(hit) ? hit : undefined;
}

interface RowContext {
  sheet: string;
  row: number;
  header: (key: string) => string;
  problem: (key: string, message: string) => void;
}

function cellText(v: Cell | undefined): string {
  if (v === null || v === undefined) return '';
  return typeof v === 'number' ? String(v) : v.trim();
}

/** A YAML text with every string quoted (dates and phone numbers stay strings). */
export function toYaml(value: unknown): string {
  return stringify(value, { defaultStringType: 'QUOTE_SINGLE', defaultKeyType: 'PLAIN', lineWidth: 0 });
}

/** Drops undefined fields and empty objects, so the YAML holds only what was given. */
function prune<T>(v: T): T {
  if (Array.isArray(v)) return v.map(prune) as T;
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const [k, x] of Object.entries(v)) {
      const p = prune(x);
      if (p === undefined) continue;
      if (p && typeof p === 'object' && !Array.isArray(p) && Object.keys(p).length === 0) continue;
      out[k] = p;
    }
    return out as T;
  }
  return v;
}

/** Reads a ledger's sheets into filings (not yet validated) and row problems. */
export function importLedger(input: ImportInput): ImportResult {
  const result: ImportResult = { filings: [], problems: [], skipped: [] };
  const mapping = input.mapping ?? {};
  const accountTable = headerTable('account', mapping);
  const groupTable = headerTable('group', mapping);
  const units = input.units;
  const usedIds = new Set([...input.existing.accounts.keys(), ...input.existing.groups.keys()]);
  const seen = new Set<string>();
  for (const sheet of input.sheets) {
    if (sheet.name === LEDGER_SHEETS.units || sheet.name === LEDGER_SHEETS.reviews || sheet.name === LEDGER_SHEETS.obligations) {
      result.skipped.push({ sheet: sheet.name, reason: '台账的单位、年审和待办事项表只供查阅，导入时不读取（单位请在 units/ 中维护，年审请提交年审表）' });
      continue;
    }
    // The header row: the first row with at least two recognised headers (title rows above it are skipped).
    let headerRow = -1;
    let kind: 'account' | 'group' | undefined;
    for (let r = 0; r < Math.min(sheet.rows.length, 10) && headerRow < 0; r++) {
      const hs = sheet.rows[r]!.map((c) => normalizeHeader(cellText(c)));
      const acc = hs.filter((h) => accountTable.has(h)).length;
      const grp = hs.filter((h) => groupTable.has(h)).length;
      const groupish = hs.some((h) => h === '群名称' || h === '群号' || h === '群编号' || h === '群二维码(号)');
      if (groupish && grp >= 2) (headerRow = r), (kind = 'group');
      else if (acc >= 2 && hs.some((h) => accountTable.get(h) === 'name')) (headerRow = r), (kind = 'account');
    }
    if (headerRow < 0 || !kind) {
      const reason = sheet.name === LEDGER_SHEETS.units || sheet.name === LEDGER_SHEETS.reviews || sheet.name === LEDGER_SHEETS.obligations
        ? '台账的单位、年审和待办事项表只供查阅，导入时不读取（单位请在 units/ 中维护，年审请提交年审表）'
        : '前 10 行中找不到可识别的表头（至少需要“媒体名称”或“群名称”等两列）；如表头不同，请用 --map 提供表头对照文件';
      result.skipped.push({ sheet: sheet.name, reason });
      continue;
    }
    const table = kind === 'account' ? accountTable : groupTable;
    const headers = sheet.rows[headerRow]!.map((c) => cellText(c));
    const colOf = new Map<string, number>();
    headers.forEach((h, i) => {
      const key = table.get(normalizeHeader(h));
      if (key && !colOf.has(key)) colOf.set(key, i);
    });
    for (let r = headerRow + 1; r < sheet.rows.length; r++) {
      const cells = sheet.rows[r]!;
      if (cells.every((c) => cellText(c) === '')) continue; // blank row
      const rowNo = r + 1;
      const label = (key: string) => {
        const i = colOf.get(key);
        return i === undefined ? '' : `${columnLetter(i)} ${headers[i]}`;
      };
      const problemsBefore = result.problems.length;
      const ctx: RowContext = {
        sheet: sheet.name,
        row: rowNo,
        header: label,
        problem: (key, message) => result.problems.push({ sheet: sheet.name, row: rowNo, column: label(key), message }),
      };
      const get = (key: string): Cell => {
        const i = colOf.get(key);
        return i === undefined ? null : (cells[i] ?? null);
      };
      const planned = kind === 'account' ? accountRow(get, ctx, input.policy, units, usedIds) : groupRow(get, ctx, units, usedIds);
      if (planned && seen.has(planned.id)) ctx.problem('id', `编号 ${planned.id} 在本次导入中重复（同一编号只能出现一行）`);
      if (!planned || result.problems.length > problemsBefore) continue;
      seen.add(planned.id);
      const columns: Record<string, string> = {};
      for (const key of colOf.keys()) columns[key] = label(key);
      usedIds.add(planned.id);
      result.filings.push({ ...planned, sheet: sheet.name, row: rowNo, columns });
    }
  }
  return result;
}

/** Date cell: text in any form parseLooseDate reads, or an Excel serial number. */
function dateOf(v: Cell, key: string, ctx: RowContext): string | undefined {
  if (v === null || cellText(v) === '') return undefined;
  const d = typeof v === 'number' ? excelSerialToDate(v) : (parseLooseDate(v) ?? (/^\d{5}(?:\.\d+)?$/.test(v.trim()) ? excelSerialToDate(Number(v)) : undefined));
  if (!d) ctx.problem(key, '日期无法识别或不是真实日期，请写成 2024-03-05、2024/3/5、2024.3.5 或 2024年3月5日');
  return d;
}

function intOf(v: Cell, key: string, ctx: RowContext): number | undefined {
  const t = cellText(v).replace(/[,，\s]/g, '');
  if (!t) return undefined;
  const wan = /^(\d+(?:\.\d+)?)万$/.exec(t);
  const n = wan ? Math.round(Number(wan[1]) * 10000) : Number(t);
  if (!Number.isInteger(n) || n < 0) {
    ctx.problem(key, '应为不小于 0 的整数');
    return undefined;
  }
  return n;
}

function textOf(v: Cell): string | undefined {
  const t = cellText(v);
  return t ? t : undefined;
}

function listOf(v: Cell): string[] {
  return cellText(v).split(/[；;、\n]/).map((s) => s.trim()).filter(Boolean);
}

function mobileOf(v: Cell, key: string, ctx: RowContext): string | undefined {
  const t = cellText(v);
  if (!t) return undefined;
  const m = normalizeMobile(t);
  if (!m) ctx.problem(key, '手机号码应为 11 位数字（可带空格、横线或 +86）');
  return m;
}

function officeOf(v: Cell, key: string, ctx: RowContext): string | undefined {
  const t = cellText(v);
  if (!t) return undefined;
  if (/^(?:(?:0\d{2,3}-)?\d{7,8}(?:-\d{1,6})?|\d{4,6})$/.test(t)) return t;
  const p = normalizeOfficePhone(t);
  if (!p) {
    // A mobile number in an office-phone column is common: keep it as a mobile if the person has none.
    if (normalizeMobile(t)) return undefined;
    ctx.problem(key, '办公电话格式不正确（如 0571-88880000，或校内短号）');
  }
  return p;
}

function personOf(get: (k: string) => Cell, prefix: string, ctx: RowContext): Record<string, string | undefined> | undefined {
  const name = textOf(get(`${prefix}.name`));
  const office = officeOf(get(`${prefix}.officePhone`), `${prefix}.officePhone`, ctx);
  let mobile = mobileOf(get(`${prefix}.mobile`), `${prefix}.mobile`, ctx);
  // A mobile number typed into the office-phone column.
  if (!mobile && !office) mobile = normalizeMobile(cellText(get(`${prefix}.officePhone`)));
  const rest = { title: textOf(get(`${prefix}.title`)), officePhone: office, mobile, email: textOf(get(`${prefix}.email`)) };
  if (!name && Object.values(rest).every((x) => x === undefined)) return undefined;
  return { name, ...rest };
}

function unitOf(get: (k: string) => Cell, units: readonly Unit[], ctx: RowContext): Unit | undefined {
  const id = textOf(get('unit'));
  const name = textOf(get('unitName'));
  if (!id && !name) {
    ctx.problem(ctx.header('unit') ? 'unit' : 'unitName', '缺少主办单位');
    return undefined;
  }
  const byId = id ? units.find((u) => u.id === id) : undefined;
  if (byId) return byId;
  const n = name?.replace(/\s/g, '');
  const byName = n ? units.find((u) => u.name === n || u.shortName === n) ?? units.find((u) => u.name.replace(/^.*?学院(?=.+)/, '') === n) : undefined;
  if (byName) return byName;
  ctx.problem(id ? 'unit' : 'unitName', `找不到单位“${id ?? name}”：请先在 units/ 中登记该单位，或改用已登记单位的名称或编号`);
  return undefined;
}

/** A fresh lower-case id from a base, unique against `used`. */
function freshId(base: string, used: Set<string>): string {
  const b = base.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '') || 'item';
  if (!used.has(b)) return b;
  for (let i = 2; ; i++) if (!used.has(`${b}-${i}`)) return `${b}-${i}`;
}

/** Platform short names for generated ids. */
const ID_SUFFIX: Record<string, string> = { 'wechat-mp': 'wechat', 'wechat-mini': 'mini', 'wechat-channels': 'channels' };

function accountRow(get: (k: string) => Cell, ctx: RowContext, policy: Policy, units: readonly Unit[], used: Set<string>): Omit<PlannedFiling, 'sheet' | 'row' | 'columns'> | undefined {
  const name = textOf(get('name'));
  if (!name) ctx.problem('name', '缺少媒体名称');
  const linkText = textOf(get('link'));
  const keysText = textOf(get('keys'));
  // Platform: the named one, else what the link or ID says.
  const platformText = textOf(get('platform'));
  let platform = platformText ? platformFromName(platformText) : undefined;
  let platformOther = textOf(get('platformOther'));
  const fromLink = linkText ? normalizeInput(linkText) : undefined;
  if (!platform && fromLink?.platform) platform = fromLink.platform;
  if (!platform && platformText) {
    if (platformOther || /^(?:其他|other)$/i.test(platformText)) platform = 'other';
    else ctx.problem('platform', `不认识的平台“${platformText}”：请写成登记系统支持的平台名称（如 微信公众号、微博、抖音、B站、视频号），其他平台请写“其他”并在“其他平台名称”列注明`);
  }
  if (!platform && !platformText) ctx.problem(ctx.header('platform') ? 'platform' : 'link', '缺少媒体类型（平台），也无法从链接识别');
  if (platform === 'other' && !platformOther && platformText && !/^(?:其他|other)$/i.test(platformText)) platformOther = platformText;
  // Keys: `kind:value` pairs (the ledger's form) or a bare ID recognised by the normaliser.
  const keys: Array<{ kind: string; value: string }> = [];
  const p = platform ? findPlatform(platform) : undefined;
  for (const part of keysText ? keysText.split(/[；;\n]/).map((s) => s.trim()).filter(Boolean) : []) {
    const m = /^([a-z_]+):(.+)$/.exec(part);
    const kind = m && p?.keys.find((k) => k.id === m[1]);
    if (kind) {
      keys.push({ kind: kind.id, value: canonicalKeyValue(kind, m![2]!.trim()) });
      continue;
    }
    const found = normalizeInput(part).keys.find((k) => k.platform === platform);
    if (found) keys.push({ kind: found.kind, value: found.value });
    else ctx.problem('keys', `无法识别账号标识“${part.length > 40 ? `${part.slice(0, 40)}…` : part}”为${p?.label ?? '该平台'}的账号ID；请写成“类型:值”（如 gh:gh_0123456789ab）或留空`);
  }
  let link: string | undefined;
  if (linkText) {
    if (/^https:\/\//i.test(linkText)) link = linkText;
    else if (/^http:\/\//i.test(linkText)) link = linkText.replace(/^http:/i, 'https:');
    // An ID of the row's platform becomes a key; other text falls through to the domain check (never dropped).
    else if (fromLink?.keys.some((k) => k.platform === platform)) {
      for (const k of fromLink.keys.filter((k) => k.platform === platform)) if (!keys.some((x) => x.kind === k.kind)) keys.push({ kind: k.kind, value: k.value });
    } else if (/^[\w.-]+\.[a-z]{2,}(?:\/\S*)?$/i.test(linkText)) link = `https://${linkText}`;
    else ctx.problem('link', '链接应以 https:// 开头（或填写账号ID）');
  }
  const unit = unitOf(get, units, ctx);
  // Tier: given, else the policy's tier for the unit's kind.
  const tierText = cellText(get('tier'));
  let tier: number | undefined;
  if (tierText) {
    const m = /^([123])$|^([一二三])级/.exec(tierText);
    tier = m ? (m[1] ? Number(m[1]) : '一二三'.indexOf(m[2]!) + 1) : undefined;
    if (!tier) ctx.problem('tier', '平台级别应为 1、2、3 或 一级、二级、三级');
  } else if (unit) tier = policy.tiers.find((t) => t.unitKinds.includes(unit.kind))?.level;
  if (unit && !tier && !tierText) ctx.problem('unitName', `管理办法没有为“${unit.name}”这类单位规定平台级别，请填写“平台级别”列`);
  const dates = {
    applied: dateOf(get('dates.applied'), 'dates.applied', ctx),
    plannedOpening: dateOf(get('dates.plannedOpening'), 'dates.plannedOpening', ctx),
    opened: dateOf(get('dates.opened'), 'dates.opened', ctx),
    closed: dateOf(get('dates.closed'), 'dates.closed', ctx),
  };
  const statusText = cellText(get('status'));
  let status: Account['status'] | undefined;
  if (statusText) {
    status = (ACCOUNT_STATUSES as readonly string[]).includes(statusText)
      ? (statusText as Account['status'])
      : (Object.entries(ACCOUNT_STATUS_LABELS).find(([, l]) => l === statusText)?.[0] as Account['status'] | undefined) ??
        (/停办|注销|关闭|停用/.test(statusText) ? 'closed' : /正常|运营|运行|在用/.test(statusText) ? 'active' : /申请/.test(statusText) ? 'applied' : /批准|待开通/.test(statusText) ? 'approved' : undefined);
    if (!status) ctx.problem('status', `不认识的状态“${statusText}”：请写 正常运营、已停办、申请中 或 已批准待开通`);
  } else status = dates.closed ? 'closed' : dates.opened ? 'active' : 'applied';
  const filingText = cellText(get('filing'));
  let filing: Account['filing'] | undefined;
  if (filingText) {
    filing = filingText === 'new' || filingText === FILING_LABELS.new || /申请/.test(filingText) ? 'new' : filingText === 'backfill' || /备案|已开通/.test(filingText) ? 'backfill' : undefined;
    if (!filing) ctx.problem('filing', '审批类型应为“申请开通”或“已开通备案”');
  } else filing = dates.applied ? 'new' : 'backfill';
  const vText = cellText(get('verification.status'));
  let verification: Account['verification'];
  if (vText) {
    const vs = (Object.entries(VERIFICATION_LABELS).find(([, l]) => l === vText)?.[0] ?? (/未|否|无/.test(vText) ? 'none' : /中/.test(vText) ? 'pending' : /是|已/.test(vText) ? 'verified' : undefined)) as 'verified' | 'pending' | 'none' | undefined;
    if (!vs) ctx.problem('verification.status', '认证状态应为 已认证、认证中 或 未认证');
    else verification = { status: vs, subject: textOf(get('verification.subject')), note: textOf(get('verification.note')) };
  }
  const followersCount = intOf(get('followers.count'), 'followers.count', ctx);
  const followersAsOf = dateOf(get('followers.asOf'), 'followers.asOf', ctx);
  const approvalNumber = textOf(get('approval.number'));
  const approvalDate = dateOf(get('approval.date'), 'approval.date', ctx);
  const approvalPr = intOf(get('approval.pr'), 'approval.pr', ctx);
  const head = personOf(get, 'contacts.head', ctx);
  if (!head) ctx.problem('contacts.head.name', '缺少主要负责人（姓名和手机或办公电话）');
  const leader = personOf(get, 'contacts.leader', ctx);
  const admins: Array<Record<string, string | undefined>> = [];
  for (let i = 1; i <= 20; i++) {
    const a = personOf(get, `admins.${i}`, ctx);
    if (a) admins.push(a);
  }
  if (admins.length === 0) ctx.problem(ctx.header('admins.1.name') ? 'admins.1.name' : 'name', '缺少管理员（至少一名，含姓名和手机或办公电话）');
  const history: Account['history'] = [];
  for (const line of cellText(get('history')).split('\n').map((s) => s.trim()).filter(Boolean)) {
    const [date, kindText, summary, reported] = line.split('｜').map((s) => s.trim());
    const kind = (Object.entries(CHANGE_KIND_LABELS).find(([, l]) => l === kindText)?.[0] ?? (CHANGE_KINDS as readonly string[]).find((k) => k === kindText)) as Account['history'][number]['kind'] | undefined;
    const d = date ? parseLooseDate(date) : undefined;
    const r = reported ? parseLooseDate(reported) : undefined;
    if (!d || !kind || !summary || (reported && !r)) ctx.problem('history', '变更记录每行应为“日期｜变更类型｜变更内容｜报备日期（可空）”');
    else history.push({ date: d, kind, summary, ...(r ? { reported: r } : {}) });
  }
  if (!name || !unit || !platform || !tier || !status || !filing || !head || admins.length === 0) return undefined;
  const id = textOf(get('id')) ?? freshId(`${unit.id}-${ID_SUFFIX[platform] ?? platform}`, used);
  const closureReason = textOf(get('closure.reason'));
  const data = prune({
    id,
    name,
    formerNames: listOf(get('formerNames')).length ? listOf(get('formerNames')) : undefined,
    platform,
    platformOther: platform === 'other' ? platformOther : undefined,
    keys: keys.length ? keys : undefined,
    link,
    unit: unit.id,
    tier,
    status,
    filing,
    purpose: textOf(get('purpose')),
    contentScope: textOf(get('contentScope')),
    reason: textOf(get('reason')),
    verification,
    dates,
    followers: followersCount !== undefined || followersAsOf ? { count: followersCount, asOf: followersAsOf } : undefined,
    approval: approvalNumber || approvalDate ? { number: approvalNumber, date: approvalDate, pr: approvalPr } : undefined,
    history: history.length ? history : undefined,
    closure: closureReason ? { reason: closureReason } : undefined,
    contacts: { head, leader, admins },
    note: textOf(get('note')),
  });
  return { kind: 'account', file: `accounts/${unit.id}/${id}.mdx`, id, text: `---\n${toYaml(data)}---\n` };
}

function groupRow(get: (k: string) => Cell, ctx: RowContext, units: readonly Unit[], used: Set<string>): Omit<PlannedFiling, 'sheet' | 'row' | 'columns'> | undefined {
  const name = textOf(get('name'));
  if (!name) ctx.problem('name', '缺少群名称');
  const pText = textOf(get('platform'));
  const platform = pText ? platformFromName(pText) : undefined;
  const isGroup = platform ? findPlatform(platform)?.group === true : false;
  if (pText && !isGroup && !/^(?:其他|other)$/i.test(pText)) ctx.problem('platform', `不认识的群平台“${pText}”：请写 QQ群、微信群、企业微信群、钉钉群 或 其他`);
  if (!pText) ctx.problem('platform', '缺少群平台（QQ群、微信群、企业微信群、钉钉群）');
  const unit = unitOf(get, units, ctx);
  const numberText = cellText(get('number')).replace(/\s/g, '');
  const admins: Array<{ name?: string; mobile?: string }> = [];
  for (const i of [1, 2]) {
    const n = textOf(get(`admins.${i}.name`));
    const m = mobileOf(get(`admins.${i}.mobile`), `admins.${i}.mobile`, ctx);
    if (n || m) admins.push({ name: n, mobile: m });
  }
  const head = personOf(get, 'head', ctx);
  if (!head) ctx.problem('head.name', '缺少部门负责人');
  const created = dateOf(get('created'), 'created', ctx);
  if (!created) ctx.problem('created', '缺少建群日期');
  if (!name || !unit || !pText || !head || !created) return undefined;
  const id = textOf(get('id')) ?? freshId(`${unit.id}-group`, used);
  const data = prune({
    id,
    platform: isGroup ? platform : 'other',
    number: numberText || null,
    name,
    scope: textOf(get('scope')),
    members: intOf(get('members'), 'members', ctx),
    memberTypes: listOf(get('memberTypes')),
    admins,
    email: textOf(get('email')),
    unit: unit.id,
    head,
    created,
    dissolved: dateOf(get('dissolved'), 'dissolved', ctx),
    dissolutionReported: dateOf(get('dissolutionReported'), 'dissolutionReported', ctx),
    note: textOf(get('note')),
  }) as Partial<Group>;
  return { kind: 'group', file: `groups/${unit.id}/${id}.yaml`, id, text: toYaml(data) };
}

/** The column label of a validator finding's field in a planned filing (nearest mapped field). */
export function columnForField(p: PlannedFiling, field: string): string {
  let f = field.replace(/^contacts\.admins\[(\d+)\]/, (_m, i: string) => `admins.${Number(i) + 1}`).replace(/^admins\[(\d+)\]/, (_m, i: string) => `admins.${Number(i) + 1}`).replace(/\[\d+\].*$/, '');
  if (f === 'unit') f = p.columns.unit ? 'unit' : 'unitName';
  if (f === 'keys' && !p.columns.keys) f = 'link';
  for (let k = f; k; k = k.includes('.') ? k.slice(0, k.lastIndexOf('.')) : '') {
    if (p.columns[k]) return p.columns[k]!;
    const child = Object.keys(p.columns).find((c) => c.startsWith(`${k}.`));
    if (child) return p.columns[child]!;
  }
  return '';
}
