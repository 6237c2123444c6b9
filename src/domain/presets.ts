/**
 * Policy presets: the five seed rulebooks shipped as ready policy files (presets/<id>.yaml). A
 * school's policy.yaml may say `extends: '003'` and override only its own parts. Pure: the shell
 * reads the preset texts and passes them in.
 */
import { parseStrictYaml } from './yaml.ts';
import { parseDocument, isMap, isPair, isScalar, isSeq, type Node } from 'yaml';
import * as z from 'zod';
import { PolicySchema } from './schema/policy.ts';

/** The preset ids shipped with the product, one per seed rulebook. */
export const PRESET_IDS = ['000', '001', '002', '003', '004'] as const;

/** Preset id → the preset file's YAML text. */
export type PresetTexts = Readonly<Record<string, string>>;

function isPlainObject(v: unknown): v is Record<string, unknown> {
  return v !== null && typeof v === 'object' && !Array.isArray(v);
}

/**
 * Blocks that describe the school itself: a school that writes one replaces the preset's whole
 * block, so the seed school's short names or document number never leak into another school's.
 */
export const SCHOOL_OWN_BLOCKS: readonly string[] = ['school', 'document'];

/**
 * Merges a policy file over its preset: objects merge key by key, anything else (lists included)
 * replaces the preset's value, so a school can override one deadline without repeating the rest;
 * the school's own blocks (SCHOOL_OWN_BLOCKS) replace the preset's outright.
 */
export function mergePolicyData(base: unknown, override: unknown, depth = 0): unknown {
  if (!isPlainObject(base) || !isPlainObject(override)) return override;
  const out: Record<string, unknown> = { ...base };
  for (const [k, v] of Object.entries(override))
    out[k] = k in base && !(depth === 0 && SCHOOL_OWN_BLOCKS.includes(k)) ? mergePolicyData(base[k], v, depth + 1) : v;
  return out;
}

export type ResolvedPolicy =
  | { ok: true; value: unknown; preset?: string }
  | { ok: false; code: 'policy/preset-unknown' | 'policy/preset-invalid'; message: string };

/**
 * Resolves `extends` in a parsed policy value: returns the preset merged with the file, the value
 * unchanged when it extends nothing, or why the preset cannot be used.
 */
export function resolvePolicyValue(value: unknown, presets: PresetTexts = {}): ResolvedPolicy {
  if (!isPlainObject(value) || typeof value.extends !== 'string') return { ok: true, value };
  const id = value.extends;
  const text = presets[id];
  if (text === undefined) {
    const known = Object.keys(presets).sort().join('、') || '无';
    return { ok: false, code: 'policy/preset-unknown', message: `找不到预设 ${id}（presets/${id}.yaml）；可用的预设：${known}` };
  }
  const parsed = parseStrictYaml(text);
  if (parsed.problems.length > 0 || !isPlainObject(parsed.value))
    return { ok: false, code: 'policy/preset-invalid', message: `预设 ${id} 的文件格式有误，请联系系统维护人员` };
  if (typeof parsed.value.extends === 'string')
    return { ok: false, code: 'policy/preset-invalid', message: `预设 ${id} 不能再继承其他预设` };
  return { ok: true, value: mergePolicyData(parsed.value, value), preset: id };
}

// ---------------------------------------------------------------------------------------------
// The effective rulebook explained (npm run policy): every knob of the schema, its value, the
// article and phrase the preset cites beside it, and where the school differs from the preset.


/** Blocks whose fields are knobs of their own; any other field is one knob (lists and small objects whole). */
const KNOB_BLOCKS = new Set(['school', 'office', 'document', 'deadlines', 'annualReview', 'groups', 'apps', 'articles']);

/** One knob: its path in the policy file and its Chinese title (from the schema). */
export interface Knob {
  path: string[];
  title: string;
}

type Def = { type: string; shape?: Record<string, z.ZodType>; innerType?: z.ZodType };
const defOf = (s: z.ZodType) => (s as unknown as { _zod: { def: Def } })._zod.def;
const unwrap = (s: z.ZodType): z.ZodType => {
  let cur = s;
  for (let d = defOf(cur); d.innerType; d = defOf(cur)) cur = d.innerType;
  return cur;
};
const titleOf = (s: z.ZodType): string => {
  for (let cur: z.ZodType | undefined = s; cur; cur = defOf(cur).innerType) {
    const t = (z.globalRegistry.get(cur) as { title?: string } | undefined)?.title;
    if (t) return t;
  }
  return '';
};

/** Every knob of the policy schema, in schema order (the policy command prints each one). */
export function policyKnobs(): Knob[] {
  const out: Knob[] = [];
  const shape = defOf(unwrap(PolicySchema)).shape!;
  for (const [key, schema] of Object.entries(shape)) {
    if (key === 'extends' || key === 'preset') continue;
    const inner = defOf(unwrap(schema));
    if (KNOB_BLOCKS.has(key) && inner.type === 'object' && inner.shape)
      for (const [sub, s] of Object.entries(inner.shape)) out.push({ path: [key, sub], title: titleOf(s) || sub });
    else out.push({ path: [key], title: titleOf(schema) || key });
  }
  return out;
}

function get(v: unknown, path: readonly string[]): unknown {
  let cur = v;
  for (const p of path) cur = cur !== null && typeof cur === 'object' ? (cur as Record<string, unknown>)[p] : undefined;
  return cur;
}

const CHANGE_KIND_TEXT: Record<string, string> = {
  rename: '账号名称', admins: '管理员', head: '主要负责人', leader: '分管领导', maintenance: '维护方式', handover: '移交', keys: '账号标识', scope: '内容范围', verification: '认证信息', closure: '停办', other: '其他',
};

/** Chinese names of the fields inside object-valued knobs. */
const SUB_LABELS: Record<string, string> = {
  tiers: '级别', reviewer: '年审主体', reportWithin: '报备期限', serversOnCampus: '服务器须在校内', approver: '审批部门', article: '条款',
};

/** A knob's value in Chinese. */
export function formatKnobValue(path: readonly string[], v: unknown): string {
  if (v === undefined) return '（未填写）';
  if (v === null) return path[1] === 'changeKinds' ? '全部变更类型' : '未规定';
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (typeof v === 'number' || typeof v === 'string') return String(v);
  if (Array.isArray(v)) {
    if (v.length === 0) return '（无）';
    if (path[0] === 'tiers')
      return v.map((t: Record<string, unknown>) => `\n      ${t.name}（${t.level} 级）：${t.description}；管理：${t.manager}；审批：${(t.approvers as string[]).join(' → ')}；第一责任人：${t.responsible ?? '未规定'}`).join('');
    if (path[0] === 'specialRules') return v.map((r: Record<string, unknown>) => `\n      ${r.article}：${r.text}`).join('');
    if (path[1] === 'protectedNames')
      return v.map((p: Record<string, unknown>) => `${p.name}（${p.match === 'prefix' ? '以其开头' : '任意位置'}，${p.article}）`).join('、');
    if (path[1] === 'changeKinds') return v.map((k) => CHANGE_KIND_TEXT[String(k)] ?? String(k)).join('、');
    return v.map((x) => formatKnobValue([], x)).join('、');
  }
  const o = v as Record<string, unknown>;
  if ('days' in o || 'months' in o) return o.months !== undefined ? `${o.months} 个月` : `${o.days} 天`;
  return Object.entries(o).map(([k, x]) => `${SUB_LABELS[k] ?? k}：${formatKnobValue(['', k], x)}`).join('；');
}

/** The comment written beside `path` in a preset's YAML (the article and quoted phrase), or ''. */
function commentAt(doc: ReturnType<typeof parseDocument> | undefined, path: readonly string[]): string {
  if (!doc) return '';
  let node: unknown = doc.contents;
  let pairComment = '';
  let before = '';
  for (const p of path) {
    if (!isMap(node)) return '';
    const pair = node.items.find((it) => isPair(it) && isScalar(it.key) && it.key.value === p);
    if (!pair) return '';
    pairComment = (pair.key as Node).comment ?? '';
    before = (pair.key as Node).commentBefore ?? '';
    node = pair.value;
  }
  const n = node as Node | null;
  const flat = (t: string) => t.trim().replace(/\s*\n\s*/g, '');
  const withNote = (c: string) => (before.trim() ? `${flat(c)}\n    说明：${flat(before)}` : flat(c));
  // A list of blocks (tiers, special rules): the comments on each item's first field.
  if (isSeq(n) && n.items.every((it) => isMap(it))) {
    const cs = n.items.map((it) => (isMap(it) && isPair(it.items[0]) ? ((it.items[0].value as Node | null)?.comment ?? '') : '').trim()).filter(Boolean);
    if (cs.length > 0) return withNote([...new Set(cs)].join('；'));
  }
  const c = n?.comment ?? (n && 'items' in n ? ((n as unknown as { items: Node[] }).items[0]?.commentBefore ?? '') : '');
  return withNote(c || pairComment || n?.commentBefore || '');
}

/** One knob of the effective rulebook. */
export interface KnobExplained extends Knob {
  /** The value in force, in Chinese. */
  value: string;
  /** What the preset says beside it: article and quoted phrase (or 登记系统默认 …). */
  source: string;
  /** The preset's value when the school's differs; null when it is the preset's. */
  presetValue: string | null;
}

/**
 * Every knob of `effective` (a policy value after `extends` is resolved) with the article and
 * phrase its preset cites, and the preset's value where the school's differs. Pure.
 */
export function explainPolicy(effective: unknown, presetText?: string): KnobExplained[] {
  const doc = presetText ? parseDocument(presetText) : undefined;
  const preset = doc?.toJS() as unknown;
  return policyKnobs().map((k) => {
    const value = formatKnobValue(k.path, get(effective, k.path));
    const presetValue = preset === undefined ? value : formatKnobValue(k.path, get(preset, k.path));
    return { ...k, value, source: commentAt(doc, k.path), presetValue: presetValue === value ? null : presetValue };
  });
}

/** The explanation as Chinese text, one knob a block. */
export function renderExplanation(title: string, knobs: readonly KnobExplained[]): string {
  const lines = [title, ''];
  for (const k of knobs) {
    lines.push(`■ ${k.title}（${k.path.join('.')}）：${k.value}`);
    if (k.source) lines.push(`    依据：${k.source}`);
    if (k.presetValue !== null) lines.push(`    ※ 本校与预设不同，预设为：${k.presetValue}`);
  }
  return lines.join('\n') + '\n';
}
