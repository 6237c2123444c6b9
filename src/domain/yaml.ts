/**
 * Strict YAML: the 1.2 core schema, one document, no anchors, aliases, tags or merge keys, no
 * duplicate keys, and dates quoted. Returns the plain value and a way to locate any field path.
 */
import { isAlias, isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Node, type Document } from 'yaml';

export interface YamlProblem {
  code: string;
  message: string;
  offset: number;
  /** Field path of the node, where known. */
  path?: Array<string | number>;
}

/** The field path of `node` from the visitor's ancestors. */
function pathOf(ancestors: readonly unknown[], node: unknown): Array<string | number> {
  const out: Array<string | number> = [];
  const chain = [...ancestors, node];
  for (let i = 0; i < chain.length - 1; i++) {
    const a = chain[i];
    if (isPair(a) && isScalar(a.key)) out.push(String(a.key.value));
    else if (isSeq(a)) out.push(a.items.indexOf(chain[i + 1] as never));
  }
  return out;
}

export interface StrictYaml {
  value: unknown;
  problems: YamlProblem[];
  /** Offset of the node at `path` (or of its nearest existing ancestor), and whether it was found. */
  locate(path: ReadonlyArray<string | number>, preferKey?: boolean): number;
}

const DATE_LIKE = /^\d{4}-\d{1,2}-\d{1,2}(?:[T ]|$)/;

/** Parses `text` strictly; never throws. */
export function parseStrictYaml(text: string): StrictYaml {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, {
    version: '1.2',
    schema: 'core',
    merge: false,
    uniqueKeys: true,
    strict: true,
    prettyErrors: false,
    lineCounter,
    keepSourceTokens: false,
  }) as Document.Parsed;
  const problems: YamlProblem[] = [];
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
  if (problems.length > 0) return { value: undefined, problems, locate: () => 0 };

  visit(doc, {
    Node(_key, node, ancestors) {
      const n = node as Node & { anchor?: string; tag?: string; range?: [number, number, number] };
      const at = n.range?.[0] ?? 0;
      if (isAlias(node)) problems.push({ code: 'yaml/alias', message: '不允许使用 YAML 别名（*name）', offset: at });
      if (n.anchor) problems.push({ code: 'yaml/anchor', message: '不允许使用 YAML 锚点（&name）', offset: at });
      if (n.tag) problems.push({ code: 'yaml/tag', message: '不允许使用 YAML 标签（!tag）', offset: at });
      if (isScalar(node) && node.type === 'PLAIN' && typeof node.value === 'string' && DATE_LIKE.test(node.value))
        problems.push({ code: 'date/unquoted', message: '日期须用引号括起来，写成 \'YYYY-MM-DD\'', offset: at, path: pathOf(ancestors, node) });
    },
    Pair(_key, pair) {
      const k = pair.key;
      if (isScalar(k) && k.value === '<<' && k.type === 'PLAIN')
        problems.push({ code: 'yaml/merge-key', message: '不允许使用 YAML 合并键（<<）', offset: k.range?.[0] ?? 0 });
      else if (!isScalar(k) || typeof k.value !== 'string')
        problems.push({ code: 'yaml/key', message: '字段名必须是文字', offset: isNode(k) ? (k.range?.[0] ?? 0) : 0 });
    },
  });
  if (!isMap(doc.contents)) {
    problems.push({ code: 'yaml/not-mapping', message: '文件内容应为“字段: 值”形式的列表', offset: 0 });
  }
  // Anchors, tags, merge keys and unquoted dates are reported but still let the schema be checked,
  // so every problem shows at once; aliases and non-mapping documents stop here.
  const fatal = problems.some((p) => p.code === 'yaml/alias' || p.code === 'yaml/not-mapping' || p.code === 'yaml/key');
  const value = fatal ? undefined : doc.toJS({ maxAliasCount: 0 });

  function locate(path: ReadonlyArray<string | number>, preferKey = false): number {
    let node: unknown = doc.contents;
    let offset = 0;
    for (const part of path) {
      if (isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === part);
        if (!pair) return offsetOf(node, offset);
        offset = offsetOf(pair.key, offset);
        node = pair.value;
        if (node === null || node === undefined) return offset;
      } else if (isSeq(node) && typeof part === 'number') {
        const item = node.items[part];
        if (item === undefined) return offsetOf(node, offset);
        node = item;
        offset = offsetOf(node, offset);
      } else {
        return offsetOf(node, offset);
      }
    }
    return preferKey ? offset : offsetOf(node, offset);
  }
  return { value, problems, locate };
}

function offsetOf(node: unknown, fallback: number): number {
  const range = (node as { range?: [number, number, number] } | null)?.range;
  return range ? range[0] : fallback;
}

function yamlErrorHint(code: string): string {
  switch (code) {
    case 'BAD_INDENT':
    case 'MISSING_CHAR':
      return '缩进或符号有误，请检查这一行的空格（不能用 Tab）和冒号';
    case 'TAB_AS_INDENT':
      return '不能用 Tab 缩进，请改用空格';
    case 'BLOCK_AS_IMPLICIT_KEY':
    case 'MULTILINE_IMPLICIT_KEY':
      return '字段名写法有误，冒号后要有一个空格';
    case 'UNEXPECTED_TOKEN':
      return '出现了意外的符号；含有冒号、# 等符号的文字请用引号括起来';
    case 'MISSING_CHAR':
      return '缺少引号或括号';
    default:
      return '无法读取这一行，请检查缩进、冒号和引号';
  }
}
