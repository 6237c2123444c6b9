/**
 * Platforms and their account keys (shared/PLATFORMS.md). A key is `(platform, kind, value)` in
 * canonical form; an account stores several keys (aliases), and the verifier matches keys exactly.
 * Each platform is one file under src/domain/platforms/ (keys, hosts, link and share-text rules).
 */

import type { KeyKind, PlatformDef } from './platforms/define.ts';
import { PLATFORM_DEFS } from './platforms/index.ts';

export type { KeyKind } from './platforms/define.ts';

/** A platform: its definition file (src/domain/platforms/<id>.ts). */
export type Platform = PlatformDef;

/** Every platform of PLATFORMS.md, plus `other` (with a description on the filing). */
export const PLATFORMS: readonly Platform[] = PLATFORM_DEFS;

const byId = new Map(PLATFORMS.map((p) => [p.id, p]));

/** The platform with this id, or undefined. */
export function findPlatform(id: string): Platform | undefined {
  return byId.get(id);
}

/** Platform ids, for the schema's enum. */
export const PLATFORM_IDS = PLATFORMS.map((p) => p.id) as [string, ...string[]];

/** Group platforms (QQ群, 微信群, 企业微信群, 钉钉群) plus `other`, for work-group filings. */
export const GROUP_PLATFORM_IDS: [string, ...string[]] = ['other', ...PLATFORMS.filter((p) => p.group).map((p) => p.id)];

/** The canonical form of a key value (trimmed, lower-cased where the platform ignores case). */
export function canonicalKeyValue(kind: KeyKind, value: string): string {
  const v = value.trim();
  return kind.lowerCase ? v.toLowerCase() : v;
}

/** A key as one string, `platform:kind:value`, for maps and uniqueness checks. */
export function keyString(platform: string, kind: string, value: string): string {
  return `${platform}:${kind}:${value}`;
}

/**
 * True when `host` belongs to one of `domains` (exact, or a sub-domain at a dot boundary):
 * `news.qq.com` belongs to `qq.com`, `evilqq.com` does not.
 */
export function hostIn(host: string, domains: readonly string[]): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return domains.some((d) => {
    const x = d.toLowerCase().replace(/^\*\./, '').replace(/\.$/, '');
    return h === x || h.endsWith(`.${x}`);
  });
}

/**
 * Why a filed link cannot be this platform's, in Chinese; null when it can. `domains` are the
 * policy's school domains; when undefined (the schema, which has no policy) the checks that need
 * them (网站, APP download pages off the stores) are left to the validator's rules.
 */
export function linkProblem(platform: string, link: string, domains?: readonly string[]): string | null {
  let u: URL;
  try {
    u = new URL(link);
  } catch {
    return '不是有效的网址';
  }
  if (u.protocol !== 'https:') return '链接必须以 https:// 开头';
  // The authority must be a plain host: `https://mp.weixin.qq.com@evil.example/` goes to evil.example.
  if (u.username || u.password || /^https:\/\/[^/?#]*@/i.test(link)) return `链接中含有“@”（用户信息），实际打开的是 ${u.hostname}，不是平台的网址`;
  const p = findPlatform(platform);
  if (!p || p.id === 'other') return null;
  const host = u.hostname;
  if (p.id === 'website') {
    if (!domains?.length) return null;
    return hostIn(host, domains) ? null : `网站的链接必须在学校域名（${domains.join('、')}）之下，${host} 不是`;
  }
  if (hostIn(host, p.hosts)) return null;
  if (p.id === 'app' && (!domains || hostIn(host, domains))) return null;
  const school = p.id === 'app' && domains?.length ? `，或学校域名 ${domains.join('、')} 下的下载页` : '';
  return `链接的域名 ${host} 不属于${p.label}（应为 ${p.hosts.join('、')}${school}）`;
}
