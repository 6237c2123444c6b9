/**
 * Base-aware links. Every internal link on the site goes through `url()`, so the same build works
 * at the domain root and under a sub-path (SITE_BASE, e.g. /media/ on a campus web server).
 */

/** The configured base path, always ending in `/` (`/` or `/media/`). */
export const BASE: string = (() => {
  const b = import.meta.env.BASE_URL || '/';
  return b.endsWith('/') ? b : `${b}/`;
})();

/** An internal link: `url('accounts/jwc-wechat/')` → `/media/accounts/jwc-wechat/` under base `/media/`. */
export function url(path = ''): string {
  return BASE + path.replace(/^\/+/, '');
}

/** True when `href` (already base-prefixed) is the current page or one of its ancestors in the nav. */
export function isCurrent(href: string, pathname: string): boolean {
  if (href === BASE) return pathname === BASE || pathname === BASE.replace(/\/$/, '');
  return pathname.startsWith(href);
}
