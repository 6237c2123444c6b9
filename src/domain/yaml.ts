/**
 * Strict YAML: the 1.2 core schema, one document, no anchors, aliases, tags or merge keys, no
 * duplicate keys, and dates quoted. One walk over the document checks every node, builds the
 * plain value and records where each field starts, so any finding can name its line.
 */
import { isAlias, isMap, isPair, isScalar, isSeq, parseDocument, type Document } from 'yaml';

export interface YamlProblem {
  code: string;
  message: string;
  offset: number;
  /** Field path of the node, where known. */
  path?: Array<string | number>;
}

export interface StrictYaml {
  value: unknown;
  problems: YamlProblem[];
  /** Offsets of every field: the key's offset for map entries, the item's for list items. */
  offsets(): Map<string, number>;
  /** Offset of the field at `path`, or of its nearest existing ancestor. */
  locate(path: ReadonlyArray<string | number>, preferKey?: boolean): number;
}

/**
 * Keys that name a JavaScript object's prototype machinery. Assigning `__proto__` on a plain object
 * sets its prototype, so a filing could make zod read an inherited `approval` it never wrote;
 * `constructor` and `prototype` are refused alongside it (no filing field has these names).
 */
export const FORBIDDEN_KEYS: ReadonlySet<string> = new Set(['__proto__', 'constructor', 'prototype']);

/** No filing nests deeper than a few levels (account → contacts → admins → item → field). */
const MAX_DEPTH = 16;

const DATE_LIKE = /^\d{4}-\d{1,2}-\d{1,2}(?:[T ]|$)/;
type Ranged = { range?: [number, number, number] | null; anchor?: string; tag?: string };

function offsetOf(node: unknown, fallback: number): number {
  const range = (node as Ranged | null)?.range;
  return range ? range[0] : fallback;
}

function fieldKey(prefix: string, part: string | number): string {
  return typeof part === 'number' ? `${prefix}[${part}]` : prefix ? `${prefix}.${part}` : part;
}

/** Parses `text` strictly; never throws. */
export function parseStrictYaml(text: string): StrictYaml {
  const doc = parseDocument(text, {
    version: '1.2',
    schema: 'core',
    merge: false,
    uniqueKeys: true,
    strict: true,
    prettyErrors: false,
  }) as Document.Parsed;
  const problems: YamlProblem[] = [];
  const offsets = new Map<string, number>();
  const none: StrictYaml = { value: undefined, problems, offsets: () => offsets, locate: () => 0 };
  for (const e of doc.errors) {
    const code = e.code === 'DUPLICATE_KEY' ? 'yaml/duplicate-key' : e.code === 'MULTIPLE_DOCS' ? 'yaml/multiple-documents' : 'yaml/syntax';
    const message =
      code === 'yaml/duplicate-key'
        ? '同一层级出现了重复的字段名'
        : code === 'yaml/multiple-documents'
          ? '一个文件只能有一份数据（不要使用第二个 ---）'
          : `YAML 格式错误：${yamlErrorHint(e.code)}`;
    problems.push({ code, message, offset: e.pos[0] });
  }
  if (problems.length > 0) return none;
  if (!isMap(doc.contents)) {
    problems.push({ code: 'yaml/not-mapping', message: '文件内容应为“字段: 值”形式的列表', offset: 0 });
    return none;
  }

  let fatal = false;
  const walk = (node: unknown, path: Array<string | number>, key: string): unknown => {
    const at = offsetOf(node, 0);
    const n = node as Ranged | null;
    if (n?.anchor) problems.push({ code: 'yaml/anchor', message: '不允许使用 YAML 锚点（&name）', offset: at, path });
    if (n?.tag) problems.push({ code: 'yaml/tag', message: '不允许使用 YAML 标签（!tag）', offset: at, path });
    if (path.length > MAX_DEPTH) {
      if (!fatal) problems.push({ code: 'yaml/too-deep', message: `层级过深（超过 ${MAX_DEPTH} 层），备案信息不需要这么多层缩进或括号`, offset: at, path: path.slice(0, MAX_DEPTH) });
      fatal = true;
      return undefined;
    }
    if (isAlias(node)) {
      problems.push({ code: 'yaml/alias', message: '不允许使用 YAML 别名（*name）', offset: at, path });
      fatal = true;
      return undefined;
    }
    if (isMap(node)) {
      const out: Record<string, unknown> = {};
      for (const pair of node.items) {
        const k = pair.key;
        if (!isScalar(k) || typeof k.value !== 'string') {
          problems.push({ code: 'yaml/key', message: '字段名必须是文字', offset: offsetOf(k, at), path });
          fatal = true;
          continue;
        }
        if (FORBIDDEN_KEYS.has(k.value)) {
          // Never assigned: reported, and the key with its value is left out of the data.
          problems.push({ code: 'yaml/forbidden-key', message: `不能使用保留字「${k.value}」作字段名（它会改变程序读取数据的方式），请删除这一项`, offset: offsetOf(k, at), path: [...path, k.value] });
          continue;
        }
        if (k.value === '<<' && k.type === 'PLAIN')
          problems.push({ code: 'yaml/merge-key', message: '不允许使用 YAML 合并键（<<）', offset: offsetOf(k, at), path });
        const childKey = fieldKey(key, k.value);
        offsets.set(childKey, offsetOf(k, at));
        // Plain assignment is safe: the one key with a setter on the prototype chain (__proto__)
        // was refused above.
        out[k.value] = pair.value === null ? null : walk(pair.value, [...path, k.value], childKey);
      }
      return out;
    }
    if (isSeq(node)) {
      return node.items.map((item, i) => {
        const childKey = fieldKey(key, i);
        offsets.set(childKey, offsetOf(item, at));
        return walk(item, [...path, i], childKey);
      });
    }
    if (isScalar(node)) {
      if (node.type === 'PLAIN' && typeof node.value === 'string' && DATE_LIKE.test(node.value))
        problems.push({ code: 'date/unquoted', message: '日期须用引号括起来，写成 \'YYYY-MM-DD\'', offset: at, path });
      return node.value;
    }
    return null;
  };
  const value = walk(doc.contents, [], '');
  // Anchors, tags, merge keys and unquoted dates are reported but still let the schema be checked,
  // so every problem shows at once; aliases and non-text keys stop here.
  if (fatal) return none;

  function locate(path: ReadonlyArray<string | number>, preferKey = false): number {
    void preferKey;
    for (let len = path.length; len > 0; len--) {
      let k = '';
      for (const part of path.slice(0, len)) k = fieldKey(k, part);
      const o = offsets.get(k);
      if (o !== undefined) return o;
    }
    return offsetOf(doc.contents, 0);
  }
  return { value, problems, offsets: () => offsets, locate };
}

function yamlErrorHint(code: string): string {
  switch (code) {
    case 'BAD_INDENT':
      return '缩进有误，请检查这一行的空格（不能用 Tab）';
    case 'TAB_AS_INDENT':
      return '不能用 Tab 缩进，请改用空格';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return '字段名写法有误，冒号后要有一个空格';
    case 'UNEXPECTED_TOKEN':
      return '出现了意外的符号；含有冒号、# 等符号的文字请用引号括起来';
    case 'MISSING_CHAR':
      return '缺少引号、括号或冒号';
    default:
      return '无法读取这一行，请检查缩进、冒号和引号';
  }
}
