/**
 * Parses one file of the registry from its text: classifies the path, reads the YAML frontmatter
 * strictly, validates it with the zod schema, checks the body, and returns data plus findings with
 * file, line, column and field. Pure: the caller reads the file.
 */
import * as z from 'zod';
import { DEFAULT_LINK_HOSTS, checkBody } from './body.ts';
import { parseLooseDate } from './excel-values.ts';
import { formatPath, type Finding, type Severity } from './findings.ts';
import { canonicalKeyValue, findPlatform } from './platforms.ts';
import { AccountSchema, type Account } from './schema/account.ts';
import { GroupSchema, type Group } from './schema/group.ts';
import { ImpostorSchema, type Impostor } from './schema/impostor.ts';
import { PageSchema, type Page } from './schema/page.ts';
import { PolicySchema, type Policy } from './schema/policy.ts';
import { PUSH_LIST_COLUMNS, ReviewSchema, type Review } from './schema/review.ts';
import { UnitSchema, type Unit } from './schema/unit.ts';
import { resolvePolicyValue, type PresetTexts } from './presets.ts';
import { fieldInfo } from './schema-info.ts';
import { contactMessage, findContactLines, findContactsInPublicFields } from './privacy.ts';
import { findInvisibleChars, findOddSpaces, lineStarts, positionAt } from './text.ts';
import { parseStrictYaml } from './yaml.ts';

export type FilingKind = 'policy' | 'unit' | 'account' | 'review' | 'pushList' | 'group' | 'impostor' | 'page';

/** Where a file sits and what it is, read from its path relative to the content folder. */
export interface FileRole {
  kind: FilingKind;
  /** The id the file name gives (account id for reviews and push lists). */
  id: string;
  /** The folder that scopes it: the unit for accounts and groups, the year for reviews. */
  scope?: string;
}

/** Positions of fields: `field path → [line, column]`. */
export type Positions = Record<string, [number, number]>;

export interface Filing<T> {
  file: string;
  id: string;
  scope?: string;
  data: T;
  pos: Positions;
}

export interface AccountFiling extends Filing<Account> {
  /** The sanitised public description (HTML), empty when there is none. */
  html: string;
}

export interface PushList {
  file: string;
  account: string;
  year: number;
  rows: number;
}

export type ParsedFile =
  | { kind: 'policy'; filing: Filing<Policy> }
  | { kind: 'unit'; filing: Filing<Unit> }
  | { kind: 'account'; filing: AccountFiling }
  | { kind: 'review'; filing: Filing<Review> }
  | { kind: 'pushList'; filing: PushList }
  | { kind: 'group'; filing: Filing<Group> }
  | { kind: 'impostor'; filing: Filing<Impostor> }
  | { kind: 'page'; filing: Filing<Page> & { body: string } };

export interface ParseResult {
  role?: FileRole;
  /** Undefined when the file has errors: it is then reported, never used half-read. */
  parsed?: ParsedFile;
  findings: Finding[];
}

const ID = '[a-z0-9]+(?:-[a-z0-9]+)*';
const ROLES: Array<[RegExp, FilingKind]> = [
  [new RegExp(`^policy\\.yaml$`), 'policy'],
  [new RegExp(`^units/(${ID})\\.yaml$`), 'unit'],
  [new RegExp(`^accounts/(${ID})/(${ID})\\.mdx$`), 'account'],
  [new RegExp(`^reviews/(\\d{4})/(${ID})\\.yaml$`), 'review'],
  [new RegExp(`^reviews/(\\d{4})/(${ID})\\.pushes\\.csv$`), 'pushList'],
  [new RegExp(`^groups/(${ID})/(${ID})\\.yaml$`), 'group'],
  [new RegExp(`^impostors/(${ID})\\.yaml$`), 'impostor'],
  [new RegExp(`^pages/(${ID})\\.mdx$`), 'page'],
];

/**
 * Files that may be skipped as not filings: `README.md` at the top of the content folder and
 * `.gitkeep` files (the loader skips a .gitkeep only when it is empty). A README.md anywhere else
 * is checked like any file, so a filing renamed README.md is reported, never skipped.
 */
export function isIgnoredPath(rel: string): boolean {
  return rel === 'README.md' || (rel.split('/').pop() ?? '') === '.gitkeep';
}

/** What the file at `rel` is, or a finding saying why that path is not allowed. */
export function classifyPath(rel: string): FileRole | Finding {
  const fail = (code: string, message: string): Finding => ({ file: rel, line: 1, column: 1, field: '', code, message, severity: 'error' });
  if (!/^[a-z0-9./-]+$/.test(rel))
    return fail('file/name', '文件名和文件夹名只能使用小写英文字母、数字和连字符 -（不能有中文、大写字母、空格）');
  if (/\.yml$/.test(rel)) return fail('file/extension', '扩展名请用 .yaml（不是 .yml）');
  if (/^accounts\/.*\.md$/.test(rel)) return fail('file/extension', '账号备案文件的扩展名应为 .mdx');
  for (const [re, kind] of ROLES) {
    const m = re.exec(rel);
    if (!m) continue;
    if (kind === 'policy') return { kind, id: 'policy' };
    if (m.length === 3) return { kind, scope: m[1]!, id: m[2]! };
    return { kind, id: m[1]! };
  }
  return fail('file/unexpected', '这个位置不应有此文件：账号放在 accounts/<单位编号>/<账号编号>.mdx，单位放在 units/<单位编号>.yaml（详见填报指南）');
}

export interface ParseContext {
  /** Hosts links in descriptions may point to (the policy's domains and extra hosts); defaults are always allowed. */
  linkHosts?: readonly string[];
  /** Preset texts (presets/<id>.yaml) that a policy file may `extends`. */
  presets?: PresetTexts;
}

const SCHEMAS = {
  policy: PolicySchema,
  unit: UnitSchema,
  account: AccountSchema,
  review: ReviewSchema,
  group: GroupSchema,
  impostor: ImpostorSchema,
  page: PageSchema,
} satisfies Record<Exclude<FilingKind, 'pushList'>, z.ZodType>;

/**
 * Parses the file at `rel` (relative to the content folder) with contents `text`. Never throws:
 * anything unexpected while reading it becomes a finding on the file, never a crash of the tool.
 */
export function parseFile(rel: string, text: string, ctx: ParseContext = {}): ParseResult {
  try {
    return parseFileUnguarded(rel, text, ctx);
  } catch (err) {
    const why = err instanceof RangeError ? '内容嵌套过深或过于复杂' : '内容无法处理';
    return { findings: [{ file: rel, line: 1, column: 1, field: '', code: 'file/internal', message: `无法读取这个文件（${why}），请简化内容后重试；如仍有问题请联系管理部门`, severity: 'error' }] };
  }
}

/** Fields that identify or name something: odd spaces (NBSP, U+3000 …) never belong in them. */
const NAME_FIELDS = new Set(['id', 'name', 'shortName', 'formerNames', 'englishName', 'shortNames', 'unit', 'parent', 'successor', 'account', 'imitates', 'platform', 'platformOther', 'kind', 'value', 'number', 'pushList']);

function parseFileUnguarded(rel: string, text: string, ctx: ParseContext): ParseResult {
  const role = classifyPath(rel);
  if ('code' in role) return { findings: [role] };
  const findings: Finding[] = [];
  const src = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const starts = lineStarts(src);
  const at = (offset: number) => positionAt(starts, offset);
  const add = (code: string, message: string, offset: number, field = '', severity: Severity = 'error') =>
    findings.push({ file: rel, ...at(offset), field, code, message, severity });

  for (const hit of findInvisibleChars(src))
    add('text/invisible', `含有不可见字符或方向控制字符（${hit.codePoint}），请删除后重新输入`, hit.index);

  if (role.kind === 'pushList') {
    const list = parsePushList(rel, src, role, add);
    return { role, findings, parsed: findings.some((f) => f.severity === 'error') ? undefined : { kind: 'pushList', filing: list } };
  }

  // Split MDX frontmatter from the body.
  let yamlText = src;
  let yamlOffset = 0;
  let body = '';
  let bodyLine = 0;
  if (role.kind === 'account' || role.kind === 'page') {
    const m = /^---[ \t]*\r?\n([\s\S]*?\r?\n)?---[ \t]*(?:\r?\n|$)/.exec(src);
    if (!m) {
      add('frontmatter/missing', '文件开头应为 --- 包围的备案信息（YAML），正文写在第二个 --- 之后', 0);
      return { role, findings };
    }
    yamlText = m[1] ?? '';
    yamlOffset = src.indexOf('\n') + 1;
    body = src.slice(m[0].length);
    bodyLine = at(m[0].length).line;
  }

  const yaml = parseStrictYaml(yamlText);
  for (const p of yaml.problems) add(p.code, p.message, yamlOffset + p.offset, p.path ? formatPath(p.path) : '');
  if (yaml.value === undefined) return { role, findings };

  // Odd spaces in field names, ids, names and keys: a name that looks registered but is not.
  for (const [field, o] of findOddSpaces(yamlText).length > 0 ? yaml.offsets() : []) {
    const parts = field.split(/[.[\]]+/).filter(Boolean);
    const leaf = parts.filter((x) => !/^\d+$/.test(x)).pop() ?? '';
    const hitKey = findOddSpaces(leaf)[0];
    if (hitKey) {
      add('text/odd-space', `字段名中有特殊空格（${hitKey.codePoint}），请删除后用普通字符重新输入`, yamlOffset + o, field);
      continue;
    }
    if (!NAME_FIELDS.has(leaf)) continue;
    const v = valueAtKey(yaml.value, field);
    if (typeof v !== 'string') continue;
    const hit = findOddSpaces(v)[0];
    if (hit) add('text/odd-space', `编号、名称和账号标识中不能有特殊空格（${hit.codePoint}，看起来像空格但与普通空格不同），请删除后重新输入`, yamlOffset + o, field);
  }

  // A policy may extend a preset: validate the merged rulebook, report against this file.
  let value: unknown = yaml.value;
  if (role.kind === 'policy') {
    const resolved = resolvePolicyValue(value, ctx.presets);
    if (!resolved.ok) {
      add(resolved.code, resolved.message, yamlOffset + yaml.locate(['extends'], true), 'extends');
      return { role, findings };
    }
    const own = value as Record<string, unknown>;
    if (resolved.preset && typeof own.preset === 'string' && own.preset !== resolved.preset)
      add('policy/preset-mismatch', `preset（${own.preset}）与继承的预设 extends（${resolved.preset}）不一致，请删除 preset 或改为一致`, yamlOffset + yaml.locate(['preset'], true), 'preset');
    value = resolved.value;
  }

  const schema = SCHEMAS[role.kind];
  const result = schema.safeParse(value);
  const data = value as Record<string, unknown>;
  if (!result.success) {
    for (const issue of result.error.issues) {
      for (const f of issueFindings(issue, schema, data)) {
        add(f.code, f.message, yamlOffset + yaml.locate(f.at ?? f.path, true), formatPath(f.path));
      }
    }
  }
  const pos = positionsOf(yaml, yamlOffset, at);
  const fieldAt = (path: (string | number)[]) => yamlOffset + yaml.locate(path, true);

  // The file name is the id.
  const idField = role.kind === 'review' ? 'account' : role.kind === 'policy' || role.kind === 'page' ? undefined : 'id';
  if (idField && typeof data[idField] === 'string' && data[idField] !== role.id)
    add('file/id-mismatch', `${idField} 应与文件名一致（${role.id}）`, fieldAt([idField]), idField);
  if ((role.kind === 'account' || role.kind === 'group') && typeof data.unit === 'string' && data.unit !== role.scope)
    add('file/unit-folder', `文件所在文件夹（${role.scope}）应与主办单位 unit 一致`, fieldAt(['unit']), 'unit');
  if (role.kind === 'review' && typeof data.year === 'number' && String(data.year) !== role.scope)
    add('file/year-folder', `年度 year 应与所在文件夹（${role.scope}）一致`, fieldAt(['year']), 'year');

  let html = '';
  if (role.kind === 'account') {
    if (result.success) checkAccountKeys(result.data as Account, fieldAt, add);
    const admins = (data.contacts as { admins?: unknown } | undefined)?.admins;
    if (Array.isArray(admins) && admins.length === 1)
      add('contacts/admins-few', '只登记了一名管理员，建议至少两名，以便人员变动时有人接替', fieldAt(['contacts', 'admins']), 'contacts.admins', 'warning');
    const checked = checkBody(body, [...DEFAULT_LINK_HOSTS, ...(ctx.linkHosts ?? [])]);
    for (const p of checked.problems)
      findings.push({ file: rel, line: bodyLine + p.line - 1, column: p.column, field: '(正文)', code: p.code, message: p.message, severity: 'error' });
    html = checked.html;
    for (const c of findContactLines(body))
      findings.push({ file: rel, line: bodyLine + c.line, column: c.column, field: '(正文)', code: 'privacy/contact', message: contactMessage(c.kind, '公开简介'), severity: 'error' });
  }

  // Phones and emails in public fields (the public projection's fields, see privacy.ts).
  if (result.success)
    for (const c of findContactsInPublicFields(role.kind, result.data)) {
      const info = fieldInfo(schema, c.path);
      add('privacy/contact', contactMessage(c.kind, info.title ? `「${info.title}」` : `「${formatPath(c.path)}」`), fieldAt(c.path), formatPath(c.path));
    }

  if (!result.success || findings.some((f) => f.severity === 'error')) return { role, findings };
  const base = { file: rel, id: role.id, ...(role.scope ? { scope: role.scope } : {}), pos };
  const parsed = (
    role.kind === 'account'
      ? { kind: 'account', filing: { ...base, data: result.data, html } }
      : role.kind === 'page'
        ? { kind: 'page', filing: { ...base, data: result.data, body } }
        : { kind: role.kind, filing: { ...base, data: result.data } }
  ) as ParsedFile;
  return { role, findings, parsed };
}

interface IssueFinding {
  code: string;
  message: string;
  path: (string | number)[];
  /** Where to point when the field itself is absent (e.g. the `status` that requires it). */
  at?: (string | number)[];
}

const CJK = /[\u3400-\u9fff]/;

/** Turns one zod issue into findings with Chinese messages that never quote the input. */
function issueFindings(issue: z.core.$ZodIssue, schema: z.ZodType, data: unknown): IssueFinding[] {
  const path = issue.path.filter((p): p is string | number => typeof p !== 'symbol');
  const info = fieldInfo(schema, path);
  const name = info.title ? `「${info.title}」` : path.length ? `「${formatPath(path)}」` : '';
  const own = CJK.test(issue.message) ? issue.message : undefined;
  // Prefix the field's title unless the message already names it.
  const name2 = own && info.title && own.includes(info.title) ? '' : name;
  if (issue.code !== 'unrecognized_keys' && issue.code !== 'custom' && path.length > 0 && valueAt(data, path) === undefined && valueAt(data, path.slice(0, -1)) !== undefined)
    return [{ code: 'field/required', message: `缺少必填项${name}`, path }];
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((k) => ({
        code: 'field/unknown',
        message: `不认识的字段「${k}」：请检查拼写（区分大小写），或删除该字段`,
        path: [...path, k],
      }));
    case 'invalid_type': {
      if (valueAt(data, path) === undefined) return [{ code: 'field/required', message: `缺少必填项${name}`, path }];
      const expected: Record<string, string> = {
        string: '应为文字（数字、电话号码、日期请用引号括起来）',
        number: '应为数字（不加引号）',
        boolean: '应为 true 或 false',
        array: '应为列表（每一项以“- ”开头）',
        object: '应为包含子字段的一组内容',
      };
      return [{ code: 'field/type', message: `${name}${expected[issue.expected] ?? '类型不正确'}`, path }];
    }
    case 'invalid_value':
      return [{ code: 'field/value', message: `${name2}${own ?? '的取值不在允许范围内'}`, path }];
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const fallback =
        issue.origin === 'array'
          ? issue.code === 'too_small' ? `至少需要 ${bound} 项` : `最多 ${bound} 项`
          : issue.origin === 'string'
            ? issue.code === 'too_small' ? '不能为空' : `不能超过 ${bound} 字`
            : issue.code === 'too_small' ? `不能小于 ${bound}` : `不能大于 ${bound}`;
      return [{ code: 'field/range', message: `${name2}${own ?? fallback}`, path }];
    }
    case 'invalid_format':
      return [{ code: info.format === 'date' ? 'date/format' : 'field/format', message: `${name2}${own ?? '格式不正确'}`, path }];
    case 'custom': {
      const { rule, at } = (issue.params ?? {}) as { rule?: string; at?: (string | number)[] };
      if (info.format === 'date' && !rule) return [{ code: 'date/invalid', message: `${name2}${own ?? '不是真实存在的日期'}`, path }];
      return [{ code: rule ?? 'field/invalid', message: own ? (rule ? own : `${name2}${own}`) : `${name}不符合要求`, path, ...(at && valueAt(data, path) === undefined ? { at } : {}) }];
    }
    default:
      return [{ code: 'field/invalid', message: `${name2}${own ?? '不符合要求'}`, path }];
  }
}

/** The value at a `yaml.offsets()` key such as `keys[0].value`. */
function valueAtKey(data: unknown, key: string): unknown {
  const path: Array<string | number> = key.split(/\.|(?=\[)/).map((part) => (part.startsWith('[') ? Number(part.slice(1, -1)) : part));
  return valueAt(data, path);
}

function valueAt(data: unknown, path: ReadonlyArray<string | number>): unknown {
  let v = data;
  for (const p of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<string | number, unknown>)[p];
  }
  return v;
}

/** Positions of every field, keyed by field path. */
function positionsOf(
  yaml: ReturnType<typeof parseStrictYaml>,
  offset: number,
  at: (o: number) => { line: number; column: number },
): Positions {
  const pos: Positions = {};
  for (const [path, o] of yaml.offsets()) {
    const p = at(offset + o);
    pos[path] = [p.line, p.column];
  }
  return pos;
}

/** Keys must be kinds the platform has, in canonical form and format. */
function checkAccountKeys(
  a: Account,
  fieldAt: (path: (string | number)[]) => number,
  add: (code: string, message: string, offset: number, field?: string, severity?: Severity) => void,
): void {
  const platform = findPlatform(a.platform);
  if (!platform) return;
  a.keys.forEach((key, i) => {
    const kind = platform.keys.find((k) => k.id === key.kind);
    const field = `keys[${i}]`;
    if (!kind) {
      const allowed = platform.keys.map((k) => `${k.id}（${k.label}）`).join('、') || '无（该平台没有可登记的账号标识）';
      add('key/kind', `${platform.label}的账号标识类型只能是：${allowed}`, fieldAt(['keys', i, 'kind']), `${field}.kind`);
      return;
    }
    const canonical = canonicalKeyValue(kind, key.value);
    if (canonical !== key.value) {
      add('key/not-canonical', `${kind.label}请写成规范形式：${canonical}`, fieldAt(['keys', i, 'value']), `${field}.value`);
      return;
    }
    if (!kind.pattern.test(key.value))
      add(
        'key/format',
        `${kind.label}的格式不正确，请对照填报指南中的账号标识说明`,
        fieldAt(['keys', i, 'value']),
        `${field}.value`,
        kind.strict === false ? 'warning' : 'error',
      );
  });
}

/** Header names Excel users write for the push list's columns (Chinese or English, any case). */
const PUSH_LIST_HEADERS: Record<(typeof PUSH_LIST_COLUMNS)[number], readonly string[]> = {
  date: ['date', '日期', '推送日期', '发布日期'],
  title: ['title', '标题', '推送标题', '文章标题'],
  url: ['url', '链接', '推送链接', '文章链接', '网址'],
};

/**
 * Reads a push list (年度推送内容清单): CSV with header `date,title,url` (or 日期,标题,链接), as a
 * zh-CN Excel saves it: a BOM, CRLF line ends, `2025/1/14` dates (any year-first form
 * parseLooseDate reads), trailing empty columns and empty rows. Each problem names its line.
 */
function parsePushList(
  rel: string,
  src: string,
  role: FileRole,
  add: (code: string, message: string, offset: number, field?: string, severity?: Severity) => void,
): PushList {
  let rows = 0;
  let headerSeen = false;
  // Line starts measured on the text itself, so CRLF files report the right line.
  const re = /([^\r\n]*)(\r\n|\r|\n|$)/g;
  let lineNo = 0;
  for (let m = re.exec(src); m && m.index < src.length; m = re.exec(src)) {
    lineNo++;
    const here = m.index;
    const line = m[1]!;
    if (m[0] === '') break;
    const cells = splitCsvLine(line).map((c) => c.trim());
    while (cells.length > PUSH_LIST_COLUMNS.length && cells[cells.length - 1] === '') cells.pop();
    if (cells.every((c) => c === '')) continue;
    const where = `第 ${lineNo} 行`;
    if (!headerSeen) {
      headerSeen = true;
      const ok = cells.length === PUSH_LIST_COLUMNS.length && PUSH_LIST_COLUMNS.every((col, i) => PUSH_LIST_HEADERS[col].includes(cells[i]!.toLowerCase()));
      if (!ok) add('pushlist/header', `推送清单第一行应为表头：${PUSH_LIST_COLUMNS.join(',')}（或 日期,标题,链接）`, here, 'header');
      continue;
    }
    if (cells.length !== PUSH_LIST_COLUMNS.length) {
      add('pushlist/row', `${where}应有 3 列：日期,标题,链接（含逗号的标题请用双引号括起来；在 Excel 中每项各占一格即可）`, here, `row ${lineNo}`);
      continue;
    }
    const date = parseLooseDate(cells[0]!);
    if (!date) add('pushlist/date', `${where}的推送日期不是真实日期，请写成 2025-01-14 或 2025/1/14 这样的格式`, here, `row ${lineNo}`);
    else if (!date.startsWith(role.scope!)) add('pushlist/year', `${where}的推送日期 ${date} 不在 ${role.scope} 年度内，请核对或移到对应年度的清单`, here, `row ${lineNo}`);
    if (cells[2] !== '' && !/^https:\/\/\S+$/.test(cells[2]!)) add('pushlist/url', `${where}的链接应以 https:// 开头（可留空）`, here, `row ${lineNo}`);
    rows++;
  }
  return { file: rel, account: role.id, year: Number(role.scope), rows };
}

/** Splits one CSV line (RFC 4180 quoting, no embedded newlines). */
function splitCsvLine(line: string): string[] {
  const cells: string[] = [];
  let cur = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"' && line[i + 1] === '"') (cur += '"'), i++;
      else if (c === '"') quoted = false;
      else cur += c;
    } else if (c === '"' && cur === '') quoted = true;
    else if (c === ',') cells.push(cur), (cur = '');
    else cur += c;
  }
  cells.push(cur);
  return cells;
}
