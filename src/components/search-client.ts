/**
 * The search page's client: runs Pagefind queries (loaded from <base>pagefind/ on the first
 * search) with the four filters, renders results with snippets, and keeps query and filters in
 * the address. Started by SearchUI.astro; no inline handlers.
 */
type PagefindResult = { id: string; data: () => Promise<{ url: string; excerpt: string; meta: Record<string, string> }> };
type Pagefind = {
  options: (o: Record<string, unknown>) => Promise<void>;
  init: () => Promise<void>;
  debouncedSearch: (q: string | null, o?: Record<string, unknown>, ms?: number) => Promise<{ results: PagefindResult[] } | null>;
  search: (q: string | null, o?: Record<string, unknown>) => Promise<{ results: PagefindResult[] } | null>;
};

/**
 * Whether a query is a link, share text or an account ID rather than words to search: the
 * verifier answers those. IDs: 5 or more ASCII letters, digits, `_ . -` with a digit or `_` in
 * them (gh_…, qclg_jsj, 1234567890), or an @handle.
 */
export function looksLikeLinkOrId(q: string): 'link' | 'id' | null {
  const s = q.trim();
  if (/(?:https?:\/\/|weixin:\/\/)|(?:^|[^A-Za-z0-9])[a-z0-9-]+\.(?:com|cn|tv|net|qq\.com)\/\S*/i.test(s)) return 'link';
  if (/^(?:[@＠]\S{2,}|(?=[A-Za-z0-9_.-]*[\d_])[A-Za-z0-9_.-]{5,})$/.test(s)) return 'id';
  if (/(?:抖音号|微信号|小红书号|快手号|B站UID|UID)[:：]\s*\S+/i.test(s)) return 'id';
  return null;
}

/** Wires up the search UI in #search-ui. */
export function startSearch(): void {
  const FILTERS = ['platform', 'unit', 'tier', 'status'] as const;
  const PAGE = 20;

  const root = document.getElementById('search-ui')!;
  const base = root.dataset.base ?? '/';
  const form = document.getElementById('search-form') as HTMLFormElement;
  const input = document.getElementById('search-q') as HTMLInputElement;
  const status = document.getElementById('search-status')!;
  const list = document.getElementById('search-results')!;
  const more = document.getElementById('search-more') as HTMLButtonElement;
  const verifyBox = document.getElementById('search-verify');
  const verifyLink = document.getElementById('search-verify-link') as HTMLAnchorElement | null;
  const verifyUrl = root.dataset.verify ?? `${base}verify/`;
  const lowRank: string[] = JSON.parse(root.dataset.lowRank ?? '[]');
  const selects = new Map(FILTERS.map((f) => [f, root.querySelector<HTMLSelectElement>(`select[data-filter="${f}"]`)!]));

  let pagefind: Pagefind | undefined;
  let results: PagefindResult[] = [];
  let shown = 0;
  let run = 0;

  const params = new URLSearchParams(location.search);
  input.value = params.get('q') ?? '';

  function escapeText(s: string): string {
    return s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
  }

  async function load(): Promise<Pagefind> {
    const mod = (await import(/* @vite-ignore */ `${base}pagefind/pagefind.js`)) as Pagefind;
    await mod.options({ baseUrl: base, excerptLength: 24 });
    await mod.init();
    return mod;
  }

  function activeFilters(): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [f, el] of selects) if (el.value) out[f] = el.value;
    return out;
  }

  function syncUrl(): void {
    const p = new URLSearchParams();
    if (input.value.trim()) p.set('q', input.value.trim());
    for (const [f, v] of Object.entries(activeFilters())) p.set(f, v);
    const qs = p.toString();
    history.replaceState(null, '', qs ? `?${qs}` : location.pathname);
  }

  async function showMore(): Promise<void> {
    const slice = results.slice(shown, shown + PAGE);
    const items = await Promise.all(slice.map((r) => r.data()));
    for (const d of items) {
      const li = document.createElement('li');
      const meta = [d.meta.platform, d.meta.unit, d.meta.status].filter((x): x is string => Boolean(x)).map(escapeText).join(' · ');
      // The excerpt is Pagefind's own HTML-escaped text with <mark> around hits.
      li.innerHTML = `<a href="${escapeText(d.url)}"><strong>${escapeText(d.meta.title ?? d.url)}</strong></a>` +
        (meta ? `<div class="muted">${meta}</div>` : '') + `<p class="excerpt">${d.excerpt}</p>`;
      list.append(li);
    }
    shown += slice.length;
    more.hidden = shown >= results.length;
  }

  async function search(): Promise<void> {
    const id = ++run;
    const q = input.value.trim();
    const filters = activeFilters();
    syncUrl();
    if (!q && Object.keys(filters).length === 0) {
      list.replaceChildren();
      results = [];
      more.hidden = true;
      status.textContent = '输入关键词开始搜索，或选择筛选条件。';
      return;
    }
    const shape = q ? looksLikeLinkOrId(q) : null;
    if (verifyBox && verifyLink) {
      verifyBox.hidden = !shape;
      verifyLink.href = `${verifyUrl}?q=${encodeURIComponent(q)}`;
    }
    status.textContent = '正在搜索…';
    pagefind ??= await load();
    // Accounts that are closed or suspended rank after live ones: the live ones first (excluding
    // those states), then the rest, each in Pagefind's relevance order.
    const split = lowRank.length > 0 && !filters.status;
    const res = await pagefind.debouncedSearch(q || null, { filters: split ? { ...filters, status: { none: lowRank } } : filters }, 150);
    if (res === null || id !== run) return;
    let found = res.results;
    if (split) {
      const rest = await pagefind.search(q || null, { filters: { ...filters, status: { any: lowRank } } });
      if (id !== run) return;
      found = [...found, ...(rest?.results ?? [])];
    }
    results = found;
    shown = 0;
    list.replaceChildren();
    // A miss never says "not official": search covers names, units and descriptions only.
    status.textContent =
      results.length === 0
        ? `没有找到匹配的账号。搜索只查账号名称、单位和简介，搜不到不能说明账号是否官方${shape ? '' : '：请到“账号核验”粘贴账号链接或账号ID核对'}。`
        : `找到 ${results.length} 个结果`;
    await showMore();
  }

  // The options are rendered at build time: no Pagefind filter file is fetched until a filter is used.
  function setupFilters(): void {
    for (const [f, el] of selects) {
      const wanted = params.get(f);
      if (wanted && [...el.options].some((o) => o.value === wanted)) el.value = wanted;
      el.addEventListener('change', () => void search());
    }
    document.getElementById('search-filters')!.hidden = false;
  }

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    // A pasted link or share text is a question for the verifier, not for full-text search.
    const q = input.value.trim();
    if (looksLikeLinkOrId(q) === 'link') {
      location.assign(`${verifyUrl}?q=${encodeURIComponent(q)}`);
      return;
    }
    void search();
  });
  input.addEventListener('input', () => void search());
  more.addEventListener('click', () => void showMore());

  setupFilters();
  search().catch((err: unknown) => {
    status.textContent = '搜索索引加载失败，请稍后再试，或使用账号名录浏览。';
    console.error(err);
  });
}
