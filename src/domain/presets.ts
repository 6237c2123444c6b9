/**
 * Policy presets: the five seed rulebooks shipped as ready policy files (presets/<id>.yaml). A
 * school's policy.yaml may say `extends: '003'` and override only its own parts. Pure: the shell
 * reads the preset texts and passes them in.
 */
import { parseStrictYaml } from './yaml.ts';

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
