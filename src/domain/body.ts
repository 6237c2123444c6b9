/**
 * The public description in an account filing's MDX body. It is parsed with MDX's own syntax (so
 * anything the MDX compiler would run is seen), never compiled: ESM, expressions (comments too),
 * JSX, raw HTML and images are rejected, links must be https to an allowed host, and what remains
 * is rendered to HTML by a small whitelist renderer.
 */
import { fromMarkdown } from 'mdast-util-from-markdown';
import { mdxFromMarkdown } from 'mdast-util-mdx';
import { mdxjs } from 'micromark-extension-mdxjs';
import type { Nodes, Root } from 'mdast';

export interface BodyProblem {
  code: string;
  message: string;
  /** 1-based line and column within the body. */
  line: number;
  column: number;
}

export interface BodyResult {
  problems: BodyProblem[];
  /** Sanitised HTML; empty when there are problems or no body. */
  html: string;
}

/** Hosts that public descriptions may always link to: the platforms' own sites. */
export const DEFAULT_LINK_HOSTS = [
  'weixin.qq.com',
  'qq.com',
  'weibo.com',
  'weibo.cn',
  'douyin.com',
  'bilibili.com',
  'kuaishou.com',
  'xiaohongshu.com',
  'zhihu.com',
  'toutiao.com',
  'yiban.cn',
  'baidu.com',
  'gov.cn',
  'edu.cn',
];

/** The description's length limit, in UTF-16 units (a Chinese character is one). */
const MAX_BODY = 5000;
/** MDX's own syntax (ESM, expressions, JSX), built once. */
const MDX_SYNTAX = [mdxjs()];
const MDX_TREE = [mdxFromMarkdown()];

/** True when `host` is one of `allowed` or a subdomain of one. */
export function isAllowedHost(host: string, allowed: readonly string[]): boolean {
  const h = host.toLowerCase();
  return allowed.some((a) => h === a || h.endsWith(`.${a}`));
}

/**
 * How deep the description's structure may nest (blockquote in list in emphasis …). Real
 * descriptions use two or three levels; a cap keeps the parser and renderer bounded (a 3 KB body
 * of nested `>` once overflowed the stack of every tool).
 */
const MAX_DEPTH = 12;
/** The parsed tree's depth limit: each nesting level is two or three nodes (list, item, paragraph). */
const MAX_TREE_DEPTH = 32;

const tooDeep = (line = 1, column = 1): BodyProblem => ({ code: 'body/too-deep', message: `简介的层级过深（引用、列表或强调嵌套超过 ${MAX_DEPTH} 层），请改用普通段落`, line, column });

/** Container markers at a line's start: `>` and list bullets or numbers followed by a space. */
const CONTAINER_PREFIX = /^(?:[ \t]*(?:>|[*+-][ \t]|\d{1,9}[.)][ \t]))*/;

/** Line (1-based) of the first line whose container prefix (`>`, list markers) nests too deep, if any. */
function deepPrefix(body: string): number | undefined {
  let line = 1;
  for (const text of body.split('\n')) {
    // A thematic break (`* * * *`, `- - -`) is one line of markers, not nesting.
    if (/^[ \t]{0,3}([-*_])(?:[ \t]*\1){2,}[ \t]*$/.test(text)) {
      line++;
      continue;
    }
    const prefix = CONTAINER_PREFIX.exec(text)![0];
    let depth = 0;
    for (const c of prefix) if (c === '>' || c === '*' || c === '+' || c === '-' || c === ')' || c === '.') depth++;
    // Indentation nests lists too: more than MAX_DEPTH levels of 2 spaces.
    const indent = /^[ \t]*/.exec(text)![0].length;
    if (depth > MAX_DEPTH || indent > MAX_DEPTH * 4) return line;
    line++;
  }
  return undefined;
}

/** Checks a filing body and renders it. `allowedHosts` adds to nothing: pass the full list. Never throws. */
export function checkBody(body: string, allowedHosts: readonly string[]): BodyResult {
  if (body.trim() === '') return { problems: [], html: '' };
  // Length and nesting are checked before parsing: a long or deep body is never parsed at all.
  if (body.length > MAX_BODY)
    return { problems: [{ code: 'body/too-long', message: `公开简介不能超过 ${MAX_BODY} 字（现有 ${body.length} 字）`, line: 1, column: 1 }], html: '' };
  const deep = deepPrefix(body);
  if (deep !== undefined) return { problems: [tooDeep(deep)], html: '' };
  try {
    return checkParsed(body, allowedHosts);
  } catch (err) {
    // The parser's own limits (a stack overflow on some nesting the prefix scan missed).
    if (err instanceof RangeError) return { problems: [tooDeep()], html: '' };
    throw err;
  }
}

function checkParsed(body: string, allowedHosts: readonly string[]): BodyResult {
  const problems: BodyProblem[] = [];
  let tree: Root;
  try {
    tree = fromMarkdown(body, { extensions: MDX_SYNTAX, mdastExtensions: MDX_TREE });
  } catch (err) {
    if (err instanceof RangeError) throw err;
    const e = err as { line?: number; column?: number; place?: { line?: number; column?: number } };
    const line = e.line ?? e.place?.line ?? 1;
    const column = e.column ?? e.place?.column ?? 1;
    problems.push({
      code: 'body/syntax',
      message: '简介中有无法识别的写法：不能使用 <、{、}、import、export 等代码符号；如需写出这些符号，请用全角字符（＜ ｛ ｝）',
      line,
      column,
    });
    return { problems, html: '' };
  }
  const deepAt = depthOver(tree, MAX_TREE_DEPTH);
  if (deepAt) return { problems: [tooDeep(deepAt.line, deepAt.column)], html: '' };
  walk(tree, (node) => {
    const p = node.position?.start ?? { line: 1, column: 1 };
    const add = (code: string, message: string) => problems.push({ code, message, line: p.line, column: p.column });
    switch (node.type) {
      case 'mdxjsEsm':
        add('body/esm', '简介中不能使用 import / export 语句（备案文件只能是文字数据）');
        return false;
      case 'mdxFlowExpression':
      case 'mdxTextExpression':
        add('body/expression', '简介中不能使用花括号 { } 表达式或 {/* 注释 */}；如需写出花括号，请用全角 ｛ ｝');
        return false;
      case 'mdxJsxFlowElement':
      case 'mdxJsxTextElement': {
        const name = node.name ?? '';
        if (name === '' || /^[a-z]/.test(name)) add('body/html', '简介中不能使用 HTML 标签；请只用普通文字和 Markdown');
        else add('body/jsx', '简介中不能使用组件（<组件名 />）；请只用普通文字和 Markdown');
        return false;
      }
      case 'html':
        add('body/html', '简介中不能使用 HTML 标签；请只用普通文字和 Markdown');
        return false;
      case 'image':
      case 'imageReference':
        add('body/image', '简介中不能插入图片');
        return false;
      case 'link':
      case 'definition':
        if (!isAllowedLink(node.url, allowedHosts))
          add('body/link', '简介中的链接必须以 https:// 开头，并指向学校网站或所在平台');
        return true;
      case 'root':
      case 'paragraph':
      case 'text':
      case 'emphasis':
      case 'strong':
      case 'inlineCode':
      case 'code':
      case 'heading':
      case 'list':
      case 'listItem':
      case 'blockquote':
      case 'thematicBreak':
      case 'break':
      case 'linkReference':
        return true;
      default:
        add('body/unsupported', '简介中使用了不支持的格式；请只用段落、列表、加粗、链接等基本 Markdown');
        return false;
    }
  });
  if (problems.length > 0) return { problems, html: '' };
  const definitions = new Map<string, string>();
  walk(tree, (n) => {
    if (n.type === 'definition') definitions.set(n.identifier, n.url);
    return true;
  });
  return { problems, html: render(tree, definitions) };
}

function isAllowedLink(url: string, allowedHosts: readonly string[]): boolean {
  try {
    const u = new URL(url);
    return u.protocol === 'https:' && u.username === '' && u.password === '' && isAllowedHost(u.hostname, allowedHosts);
  } catch {
    return false;
  }
}

/** Visits nodes depth-first in document order (iteratively); `visit` returning false skips the children. */
function walk(root: Nodes, visit: (n: Nodes) => boolean): void {
  const stack: Nodes[] = [root];
  while (stack.length > 0) {
    const node = stack.pop()!;
    if (!visit(node) || !('children' in node)) continue;
    const kids = node.children as Nodes[];
    for (let i = kids.length - 1; i >= 0; i--) stack.push(kids[i]!);
  }
}

/** Where the tree first nests deeper than `max`, if it does (iterative). */
function depthOver(root: Nodes, max: number): { line: number; column: number } | undefined {
  const stack: Array<[Nodes, number]> = [[root, 0]];
  while (stack.length > 0) {
    const [node, depth] = stack.pop()!;
    if (depth > max) return node.position?.start ?? { line: 1, column: 1 };
    if ('children' in node) for (const c of node.children as Nodes[]) stack.push([c, depth + 1]);
  }
  return undefined;
}

const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/** Escapes text for HTML element content and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]!);
}

// Recursive, but only over trees `depthOver` has bounded to MAX_DEPTH levels.
function render(node: Nodes, defs: Map<string, string>): string {
  const kids = (n: Nodes) => ('children' in n ? (n.children as Nodes[]).map((c) => render(c, defs)).join('') : '');
  switch (node.type) {
    case 'root':
      return kids(node);
    case 'paragraph':
      return `<p>${kids(node)}</p>`;
    case 'text':
      return escapeHtml(node.value);
    case 'emphasis':
      return `<em>${kids(node)}</em>`;
    case 'strong':
      return `<strong>${kids(node)}</strong>`;
    case 'inlineCode':
      return `<code>${escapeHtml(node.value)}</code>`;
    case 'code':
      return `<pre><code>${escapeHtml(node.value)}</code></pre>`;
    case 'heading': {
      const level = Math.min(node.depth + 2, 6);
      return `<h${level}>${kids(node)}</h${level}>`;
    }
    case 'list': {
      const tag = node.ordered ? 'ol' : 'ul';
      return `<${tag}>${kids(node)}</${tag}>`;
    }
    case 'listItem':
      // A tight item (no blank lines) shows its paragraphs without <p>, as CommonMark does.
      return `<li>${node.spread ? kids(node) : node.children.map((c) => (c.type === 'paragraph' ? kids(c) : render(c, defs))).join('')}</li>`;
    case 'blockquote':
      return `<blockquote>${kids(node)}</blockquote>`;
    case 'thematicBreak':
      return '<hr>';
    case 'break':
      return '<br>';
    case 'link':
      return `<a href="${escapeHtml(node.url)}" rel="nofollow noopener noreferrer">${kids(node)}</a>`;
    case 'linkReference': {
      const url = defs.get(node.identifier);
      return url ? `<a href="${escapeHtml(url)}" rel="nofollow noopener noreferrer">${kids(node)}</a>` : kids(node);
    }
    default:
      return '';
  }
}
