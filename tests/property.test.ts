// Property tests: (1) any description the validator accepts carries no code-carrying MDX node and
// renders to whitelisted HTML only; (2) no private value ever appears in any validator message.
import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { checkBody, DEFAULT_LINK_HOSTS, isAllowedHost, parseFile } from '../src/domain/index.ts';

const HOSTS = [...DEFAULT_LINK_HOSTS, 'qclg.edu.cn'];
const PIECES = [
  'import x from "y"\n', 'export const a = 1\n', 'export default {}\n', '{', '}', '{/* 注释 */}', '{1+1}', '<', '>', '<div>', '</div>', '<Foo />',
  '<script>alert(1)</script>', '<!-- c -->', '<img src=x onerror=alert(1)>', '![图](https://qclg.edu.cn/a.png)', '[链接](https://weibo.com/qclg)',
  '[坏](javascript:alert(1))', '[旧](http://qclg.edu.cn)', '[外](https://evil.example)', '[ref]', '\n[ref]: https://qclg.edu.cn/x\n',
  '*', '**', '`', '`{code}`', '```\n{not code}\n```\n', '\n', '\n\n', '- ', '1. ', '# ', '> ', '文字', 'text', ' ', '&', '"', "'", '\\{', '\\<',
  'on', 'onclick=', 'data:', '=', '\\', 'import', 'export', '---',
];
const bodyArb = fc.oneof(
  fc.array(fc.constantFrom(...PIECES), { maxLength: 25 }).map((a) => a.join('')),
  fc.string({ maxLength: 80 }),
);

/** Text outside fenced blocks (a fence closes only with at least as many backticks; an unclosed
 * one runs to the end) and code spans, with backslash escapes removed. */
function outsideCode(body: string): string {
  const kept: string[] = [];
  let fence = 0;
  for (const line of body.split('\n')) {
    const m = /^ {0,3}(`{3,})/.exec(line);
    if (fence === 0 && m) fence = m[1]!.length;
    else if (fence > 0 && m && m[1]!.length >= fence && /^ {0,3}`+\s*$/.test(line)) fence = 0;
    else if (fence === 0) kept.push(line);
  }
  return kept.join('\n').replace(/(`+)[^`]*?\1/g, '').replace(/\\[{}<>\\]/g, '');
}

const ALLOWED_TAGS = new Set(['p', 'em', 'strong', 'code', 'pre', 'h3', 'h4', 'h5', 'h6', 'ul', 'ol', 'li', 'blockquote', 'hr', 'br', 'a']);

describe('checkBody()', () => {
  test('accepts only bodies with no ESM, expression or JSX syntax, and renders only whitelisted HTML', () => {
    let accepted = 0;
    fc.assert(
      fc.property(bodyArb, (body) => {
        const { problems, html } = checkBody(body, HOSTS);
        if (problems.length > 0) return;
        accepted++;
        const text = outsideCode(body);
        expect(text).not.toMatch(/{/);
        expect(text).not.toMatch(/<[A-Za-z/!>]/);
        // ESM starts a block: at the start, after a blank line, or after a one-line block (heading).
        expect(text).not.toMatch(/(?:^|\n[ \t]*\n|^#[^\n]*\n|\n#[^\n]*\n)(?:import|export)[ \t]/);
        for (const m of html.matchAll(/<\/?([a-z0-9]+)/g)) expect(ALLOWED_TAGS).toContain(m[1]);
        expect(html).not.toMatch(/<[^>]*\son[a-z]+=/i);
        for (const m of html.matchAll(/href="([^"]*)"/g)) {
          const url = new URL(m[1]!.replace(/&amp;/g, '&'));
          expect(url.protocol).toBe('https:');
          expect(isAllowedHost(url.hostname, HOSTS)).toBe(true);
        }
      }),
      { numRuns: 1500, seed: 20261121 },
    );
    expect(accepted).toBeGreaterThan(100);
  });
});

// A filing whose private fields hold unique marker values, some valid, some not, some of the wrong
// type; every message of every finding must be free of them.
const privateArb = fc.record({
  name: fc.oneof(fc.constant('甲'), fc.string({ minLength: 1, maxLength: 12 })),
  mobile: fc.oneof(fc.integer({ min: 13_000_000_000, max: 13_999_999_999 }), fc.stringMatching(/^1[0-9]{6,12}$/), fc.string({ maxLength: 15 })),
  officePhone: fc.oneof(fc.stringMatching(/^0[0-9]{2,3}-[0-9]{5,9}$/), fc.integer({ min: 1000, max: 99_999_999 })),
  email: fc.oneof(fc.emailAddress(), fc.string({ maxLength: 20 })),
  title: fc.oneof(fc.string({ maxLength: 10 }), fc.integer()),
});

function yamlScalar(v: string | number): string {
  return typeof v === 'number' ? String(v) : JSON.stringify(v);
}

describe('validator messages', () => {
  test('never contain the value of a private field', () => {
    fc.assert(
      fc.property(privateArb, privateArb, fc.boolean(), (head, admin, extraKey) => {
        const person = (p: typeof head) =>
          `{ name: ${yamlScalar(p.name)}, title: ${yamlScalar(p.title)}, officePhone: ${yamlScalar(p.officePhone)}, mobile: ${yamlScalar(p.mobile)}, email: ${yamlScalar(p.email)}${extraKey ? ', wechat: x' : ''} }`;
        const text = `---
id: acct
name: 测试账号
platform: weibo
keys: [{ kind: uid, value: '5123456789' }]
unit: u
tier: 2
status: active
filing: backfill
purpose: 测试
dates: { opened: '2020-01-01' }
contacts:
  head: ${person(head)}
  leader: ${person(admin)}
  admins:
    - ${person(admin)}
---
`;
        const { findings } = parseFile('accounts/u/acct.mdx', text);
        const secrets = [head, admin]
          .flatMap((p) => [p.name, p.mobile, p.officePhone, p.email, p.title])
          .map(String)
          .filter((s) => s.trim().length >= 4);
        for (const f of findings) for (const s of secrets) expect(`${f.message} ${f.field}`).not.toContain(s.trim());
      }),
      { numRuns: 800, seed: 7 },
    );
  });
});
