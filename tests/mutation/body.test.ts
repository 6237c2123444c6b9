// The public description (MDX body) is data, never code: everything MDX would run is rejected,
// links go only to https on allowed hosts, and what remains is rendered by a whitelist.
import { describe, expect, test } from 'vitest';
import { DEFAULT_LINK_HOSTS, checkBody, escapeHtml, isAllowedHost } from '../../src/domain/body.ts';

const HOSTS = [...DEFAULT_LINK_HOSTS, 'qclg.edu.cn'];
const codes = (body: string, hosts: readonly string[] = HOSTS) => checkBody(body, hosts).problems.map((p) => p.code);
const html = (body: string) => {
  const r = checkBody(body, HOSTS);
  expect(r.problems).toEqual([]);
  return r.html;
};

describe('isAllowedHost()', () => {
  test.each([
    ['qq.com', true, 'the host itself'],
    ['weixin.qq.com', true, 'a subdomain'],
    ['mp.weixin.qq.com', true, 'a deeper subdomain'],
    ['QQ.COM', true, 'hosts compare case-insensitively'],
    ['evilqq.com', false, 'REAL BUG: a suffix match without the dot would let evilqq.com pass as qq.com'],
    ['qq.com.evil.cn', false, 'the allowed host as a prefix is not allowed'],
    ['xqq.com', false, 'one letter more is another site'],
    ['q.com', false, 'a shorter host is another site'],
    ['com', false, 'the bare top-level domain is not allowed'],
  ])('%s is allowed under qq.com: %s (%s)', (host, ok) => expect(isAllowedHost(host, ['qq.com'])).toBe(ok));

  test('nothing is allowed when the list is empty', () => expect(isAllowedHost('qq.com', [])).toBe(false));

  test('the default hosts are the platforms\' sites and public education/government domains', () => {
    for (const h of ['weixin.qq.com', 'weibo.com', 'douyin.com', 'bilibili.com', 'edu.cn', 'gov.cn']) expect(DEFAULT_LINK_HOSTS).toContain(h);
    expect(isAllowedHost('www.moe.gov.cn', DEFAULT_LINK_HOSTS)).toBe(true);
    expect(isAllowedHost('example.com', DEFAULT_LINK_HOSTS)).toBe(false);
  });
});

describe('checkBody(): what is rejected', () => {
  test.each([
    ['import x from "y"\n\n正文', 'body/esm', 'an import statement'],
    ['export const a = 1\n', 'body/esm', 'an export statement'],
    ['{1 + 1}\n', 'body/expression', 'a flow expression'],
    ['文字 {a} 文字\n', 'body/expression', 'an inline expression'],
    ['{/* 注释 */}\n', 'body/expression', 'a comment in braces'],
    ['<div>x</div>\n', 'body/html', 'a lower-case HTML tag'],
    ['文字 <span>x</span>\n', 'body/html', 'an inline HTML tag'],
    ['<>x</>\n', 'body/html', 'a fragment'],
    ['<Widget />\n', 'body/jsx', 'a component'],
    ['文字 <Widget /> 文字\n', 'body/jsx', 'an inline component'],
    ['![图](https://weibo.com/a.png)\n', 'body/image', 'an image'],
    ['![图][a]\n\n[a]: https://weibo.com/a.png\n', 'body/image', 'an image reference'],
    ['[链接](http://weibo.com/a)\n', 'body/link', 'a plain http link'],
    ['[链接](https://evilqq.com/a)\n', 'body/link', 'REAL BUG: a host that only ends in an allowed name'],
    ['[链接](https://user:pw@weibo.com/a)\n', 'body/link', 'a link with credentials'],
    ['[链接](https://user@weibo.com/a)\n', 'body/link', 'a link with a user name'],
    ['[链接](javascript:alert(1))\n', 'body/link', 'a javascript: link'],
    ['[链接](/relative)\n', 'body/link', 'a relative link (not a URL)'],
    ['[链接][a]\n\n[a]: https://example.com/\n', 'body/link', 'a reference definition to another host'],
    ['a <b', 'body/syntax', 'a stray < that MDX cannot read'],
    ['[![图](https://weibo.com/a.png)](https://weibo.com/)\n', 'body/image', 'an image inside an allowed link'],
    ['[链接](https://:pw@weibo.com/a)\n', 'body/link', 'a link with a password and no user name'],
  ])('%j → %s (%s)', (body, code) => expect(codes(body)).toContain(code));

  test('a problem inside a rejected node is not reported twice, and the problem has the line and column of the node', () => {
    const r = checkBody('第一行\n\n  <div>{x}</div>\n', HOSTS);
    expect(r.problems).toEqual([{ code: 'body/html', message: expect.stringContaining('HTML'), line: 3, column: 3 }]);
    expect(r.html).toBe('');
  });

  test('every problem is reported, each with its own position, and the HTML is empty', () => {
    const r = checkBody('文字\n\n{x}\n\n![a](https://weibo.com/a.png)\n\n[b](http://weibo.com)\n', HOSTS);
    expect(r.problems.map((p) => [p.code, p.line, p.column])).toEqual([
      ['body/expression', 3, 1],
      ['body/image', 5, 1],
      ['body/link', 7, 1],
    ]);
    expect(r.html).toBe('');
  });

  test('a syntax error names its line and column when MDX gives them, and stops there', () => {
    const r = checkBody('第一行\n\n第三行 <\n', HOSTS);
    expect(r.problems).toHaveLength(1);
    expect(r.problems[0]).toMatchObject({ code: 'body/syntax', line: 3 });
    expect(r.problems[0]!.column).toBeGreaterThan(1);
    expect(r.problems[0]!.message).toContain('全角');
    expect(r.html).toBe('');
  });

  test('bodies longer than 5000 characters are rejected; 5000 is allowed', () => {
    expect(codes('字'.repeat(5000))).toEqual([]);
    expect(checkBody('字'.repeat(5001), HOSTS).problems).toMatchObject([{ code: 'body/too-long', message: expect.stringContaining('公开简介不能超过 5000 字'), line: 1, column: 1 }]);
  });

  test('GFM tables and strike-through are not enabled: they stay plain text', () => {
    expect(html('~~删除~~')).toBe('<p>~~删除~~</p>');
  });

  test('links to the hosts passed in are allowed; the list is the full list (nothing is added)', () => {
    expect(codes('[主页](https://www.qclg.edu.cn/)\n', ['qclg.edu.cn'])).toEqual([]);
    expect(codes('[微博](https://weibo.com/x)\n', ['qclg.edu.cn'])).toEqual(['body/link']);
  });
});

describe('checkBody(): messages say what to do, in Chinese', () => {
  test.each([
    ['import x from "y"\n', '简介中不能使用 import / export 语句（备案文件只能是文字数据）'],
    ['{x}\n', '简介中不能使用花括号 { } 表达式或 {/* 注释 */}；如需写出花括号，请用全角 ｛ ｝'],
    ['<div>x</div>\n', '简介中不能使用 HTML 标签；请只用普通文字和 Markdown'],
    ['<Widget />\n', '简介中不能使用组件（<组件名 />）；请只用普通文字和 Markdown'],
    ['![图](https://weibo.com/a.png)\n', '简介中不能插入图片'],
    ['[链接](http://weibo.com/a)\n', '简介中的链接必须以 https:// 开头，并指向学校网站或所在平台'],
  ])('%j → %s', (body, message) => expect(checkBody(body, HOSTS).problems.map((p) => p.message)).toEqual([message]));
});

describe('checkBody(): what is rendered', () => {
  test.each([
    ['', '', 'an empty body'],
    ['  \n\n', '', 'a blank body'],
    ['文字', '<p>文字</p>', 'a paragraph'],
    ['一\n\n二', '<p>一</p><p>二</p>', 'two paragraphs'],
    ['*斜* **粗**', '<p><em>斜</em> <strong>粗</strong></p>', 'emphasis and strong'],
    ['`a<b`', '<p><code>a&lt;b</code></p>', 'inline code, escaped'],
    ['```\nx < y & z\n```', '<pre><code>x &lt; y &amp; z</code></pre>', 'a code block, escaped'],
    ['# 一级', '<h3>一级</h3>', 'a level-1 heading becomes h3 (the page has h1 and h2)'],
    ['## 二级', '<h4>二级</h4>', 'a level-2 heading becomes h4'],
    ['#### 四级', '<h6>四级</h6>', 'a level-4 heading becomes h6'],
    ['###### 六级', '<h6>六级</h6>', 'deeper headings stay h6'],
    ['- a\n- b', '<ul><li>a</li><li>b</li></ul>', 'a tight bullet list without <p>'],
    ['1. a\n2. b', '<ol><li>a</li><li>b</li></ol>', 'an ordered list'],
    ['- a\n\n  b', '<ul><li><p>a</p><p>b</p></li></ul>', 'an item with two paragraphs keeps <p>'],
    ['- a\n  - b', '<ul><li>a<ul><li>b</li></ul></li></ul>', 'a nested list inside a tight item'],
    ['> 引用', '<blockquote><p>引用</p></blockquote>', 'a quote'],
    ['a\n\n---\n\nb', '<p>a</p><hr><p>b</p>', 'a thematic break'],
    ['a  \nb', '<p>a<br>b</p>', 'a hard line break'],
    ['[主页](https://www.qclg.edu.cn/a?b=1&c="2")', '<p><a href="https://www.qclg.edu.cn/a?b=1&amp;c=&quot;2&quot;" rel="nofollow noopener noreferrer">主页</a></p>', 'a link, escaped, with rel'],
    ['[主页][q]\n\n[q]: https://weibo.com/x', '<p><a href="https://weibo.com/x" rel="nofollow noopener noreferrer">主页</a></p>', 'a reference link resolved from its definition'],
    ['[没有定义][nope]', '<p>[没有定义][nope]</p>', 'an undefined reference stays text'],
    ["Tom & Jerry's \"好\" &lt;", '<p>Tom &amp; Jerry&#39;s &quot;好&quot; &lt;</p>', 'text is escaped; an entity is read, then escaped again'],
  ])('%j → %j (%s)', (body, out) => expect(html(body)).toBe(out));

  test('escapeHtml() escapes the five HTML-special characters and nothing else', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a> 中文`)).toBe('&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt; 中文');
  });
});

describe('checkBody(): how deep a description may nest (12 levels of containers, 32 tree levels)', () => {
  const TOO_DEEP = '简介的层级过深（引用、列表或强调嵌套超过 12 层），请改用普通段落';
  const deep = (line: number, column = 1) => ({ problems: [{ code: 'body/too-deep', message: TOO_DEEP, line, column }], html: '' });
  const nest = (open: string, close: string, n: number, inner: string) => open.repeat(n) + inner + close.repeat(n);

  test('twelve quote levels are allowed, thirteen are not (named on their own line)', () => {
    expect(checkBody('>'.repeat(12) + ' x', HOSTS)).toEqual({ problems: [], html: nest('<blockquote>', '</blockquote>', 12, '<p>x</p>') });
    expect(checkBody('前言\n\n' + '>'.repeat(13) + ' x', HOSTS)).toEqual(deep(3));
    expect(checkBody('> '.repeat(13) + 'x', HOSTS)).toEqual(deep(1));
  });

  test.each([
    ['- ', 'ul'],
    ['* ', 'ul'],
    ['+ ', 'ul'],
    ['1. ', 'ol'],
    ['1) ', 'ol'],
  ])('every list marker counts as a level: %j twelve times is a list, thirteen is too deep', (marker, tag) => {
    expect(checkBody(marker.repeat(12) + 'x', HOSTS)).toEqual({ problems: [], html: nest(`<${tag}><li>`, `</li></${tag}>`, 12, 'x') });
    expect(checkBody('a\n\n' + marker.repeat(13) + 'x', HOSTS)).toEqual(deep(3));
  });

  test('a thematic break of many markers is one line, not nesting; lines after it keep their numbers', () => {
    expect(checkBody('* '.repeat(14).trim(), HOSTS)).toEqual({ problems: [], html: '<hr>' });
    expect(checkBody('   ' + '*  '.repeat(14).trim(), HOSTS)).toEqual({ problems: [], html: '<hr>' });
    expect(checkBody('- - - - - - - - - - - - - - \t', HOSTS)).toEqual({ problems: [], html: '<hr>' });
    expect(checkBody('_ '.repeat(14).trim() + '\n\n' + '>'.repeat(13) + ' x', HOSTS)).toEqual(deep(3));
    // Markers that end in text, or follow quotes, are containers, not a break.
    expect(checkBody('- '.repeat(13) + 'x', HOSTS)).toEqual(deep(1));
    expect(checkBody('> '.repeat(13) + '- - -', HOSTS)).toEqual(deep(1));
  });

  test('more than 48 columns of indentation is too deep; 48 is not', () => {
    expect(checkBody(' '.repeat(48) + 'x', HOSTS)).toEqual({ problems: [], html: '<p>x</p>' });
    expect(checkBody('a\n\n' + ' '.repeat(49) + 'x', HOSTS)).toEqual(deep(3));
    expect(checkBody('\n' + '\t'.repeat(49) + 'x', HOSTS)).toEqual(deep(2));
  });

  test('the parsed tree may be 32 levels deep (12 lists and 6 emphases), not 33; the deep node is named', () => {
    const em = (n: number) => {
      const marks = Array.from({ length: n }, (_, i) => (i % 2 === 0 ? '*' : '_'));
      return marks.map((m, i) => `${m}${String.fromCharCode(97 + i)} `).join('') + 'x' + [...marks].reverse().map((m, i) => `${m} ${String.fromCharCode(96 + n - i)}`).join('');
    };
    const ok = checkBody('- '.repeat(12) + em(6), HOSTS);
    expect(ok.problems).toEqual([]);
    expect(ok.html).toContain('<em>a <em>b <em>c <em>d <em>e <em>f x</em>');
    expect(checkBody('- '.repeat(12) + em(8), HOSTS)).toEqual(deep(1, 51));
    expect(checkBody('x\n\n' + '- '.repeat(12) + em(8), HOSTS)).toEqual(deep(3, 51));
  });

  test('results with a problem carry no HTML, and text that happens to be a marker word renders', () => {
    expect(checkBody('字'.repeat(5001), HOSTS).html).toBe('');
    expect(checkBody('Stryker was here!', HOSTS)).toEqual({ problems: [], html: '<p>Stryker was here!</p>' });
    expect(checkBody(' \n\t\n', HOSTS)).toEqual({ problems: [], html: '' });
  });
});
