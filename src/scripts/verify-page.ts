/**
 * The verify page's script: reads the input (or ?q=), runs the core's `verifyInput` on the verify
 * index fetched in slices, and renders the verdict card with links to the official account pages,
 * the report button (pre-filled issue form, email fallback) and a shareable link. Imports only the
 * dependency-free core modules: no zod, no pinyin, no OpenCC.
 */
import { findPlatform } from '../domain/platforms.ts';
import { reportFieldsFor, reportIssueUrl, reportMailto } from '../domain/verify/report.ts';
import { ENTRY_STATUS_LABELS, VERDICT_LABELS, toVerifyJson, unitsText, verifyInput, type Verdict, type VerifyResult } from '../domain/verify/verdict.ts';
import { fetchSource, type IndexEntry, type IndexSource, type VerifyManifest } from '../domain/verify/verify-index.ts';

const root = document.getElementById('verify-ui');
if (root) init(root);

const TONES: Record<Verdict, string> = {
  official: 'ok',
  dormant: 'warn',
  'same-name': 'warn',
  suspended: 'bad',
  pending: 'warn',
  closed: 'closed',
  impostor: 'bad',
  risky: 'bad',
  unregistered: 'warn',
  unresolvable: 'warn',
  ambiguous: 'warn',
};

function init(root: HTMLElement): void {
  const base = root.dataset.base ?? '/';
  const indexBase = root.dataset.index ?? `${base}verify-index/`;
  const form = document.getElementById('verify-form') as HTMLFormElement;
  const input = document.getElementById('verify-input') as HTMLInputElement;
  const card = document.getElementById('verify-card') as HTMLElement;

  const getJson = async (file: string): Promise<unknown> => {
    const res = await fetch(indexBase + file);
    if (!res.ok) throw new Error(`${file}: HTTP ${res.status}`);
    return res.json();
  };
  let source: Promise<IndexSource> | undefined;
  const getSource = () => (source ??= getJson('manifest.json').then((m) => fetchSource(m as VerifyManifest, getJson)));

  let run = 0;
  const check = async (q: string) => {
    const mine = ++run;
    card.hidden = false;
    card.removeAttribute('data-verdict');
    card.replaceChildren(el('p', {}, '正在核验…'));
    try {
      const src = await getSource();
      const r = await verifyInput(q, src);
      if (mine !== run) return;
      const share = new URL(location.href);
      share.searchParams.set('q', q);
      history.replaceState(null, '', share);
      render(card, r, src.manifest, base, share.href);
      showInTitle(r, q);
    } catch (err) {
      if (mine !== run) return;
      source = undefined;
      card.replaceChildren(el('p', {}, `核验数据加载失败，请稍后重试（${(err as Error).message}）。`));
    }
  };

  form.addEventListener('submit', (e) => {
    e.preventDefault();
    const q = input.value.trim();
    if (q) void check(q);
  });
  const q = new URLSearchParams(location.search).get('q');
  if (q && q.trim()) {
    input.value = q;
    void check(q.trim());
  }
}

/** Creates an element with attributes and text or child nodes (never HTML strings). */
function el(tag: string, attrs: Record<string, string> = {}, ...children: Array<Node | string>): HTMLElement {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) e.setAttribute(k, v);
  e.append(...children);
  return e;
}

function accountLink(base: string, e: IndexEntry): HTMLElement {
  return e.t === 'a' ? el('a', { href: `${base}accounts/${e.id}/` }, e.name) : el('a', { href: `${base}impostors/#${e.id}` }, e.name);
}

function render(card: HTMLElement, r: VerifyResult, manifest: VerifyManifest, base: string, shareUrl: string): void {
  card.dataset.verdict = r.verdict;
  card.dataset.tone = TONES[r.verdict];
  card.dataset.result = JSON.stringify(toVerifyJson(r));
  const parts: Node[] = [el('h2', { id: 'verify-verdict' }, VERDICT_LABELS[r.verdict])];
  const e = r.entry;
  if (e) {
    const dl = el('dl', {});
    const row = (k: string, v: Node | string) => dl.append(el('dt', {}, k), el('dd', {}, v));
    row(e.t === 'a' ? '账号' : '冒用账号', accountLink(base, e));
    row('平台', e.platformLabel);
    if (e.ids?.length) row(r.verdict === 'same-name' ? '请核对账号ID' : '账号ID', el('span', { class: 'ids' }, e.ids.join('，')));
    if (e.unitName) row('主办单位', unitsText(e));
    if (e.operator) row('运营', `由${e.operator}运营（委托第三方运营）`);
    row('状态', `${ENTRY_STATUS_LABELS[e.status]}${e.closed ? `（${e.closed} 停办）` : ''}${e.dormantSince ? `（自 ${e.dormantSince} 起）` : ''}${e.reason ? `（${e.reason}）` : ''}`);
    if (e.confirmed) row('确认日期', e.confirmed);
    parts.push(dl);
  } else if (r.platform) {
    parts.push(el('p', {}, `平台：${findPlatform(r.platform)?.label ?? r.platform}`));
  }
  parts.push(el('p', { id: 'verify-advice' }, r.advice));
  if (r.differences.length) parts.push(el('p', { class: 'differences', id: 'verify-differences' }, `不同之处：${r.differences.join('；')}`));
  const related = r.related.filter((x) => x.entry.t === 'a');
  if (related.length) {
    const title =
      r.verdict === 'ambiguous' ? '可能的账号：' : r.verdict === 'impostor' ? '被仿冒的官方账号：' : r.verdict === 'unregistered' ? '可对照的官方账号（核对账号ID）：' : '相似的官方账号：';
    parts.push(
      el('p', {}, title),
      el(
        'ul',
        { id: 'verify-similar' },
        ...related.map((x) => {
          const where = `（${x.entry.platformLabel}，${ENTRY_STATUS_LABELS[x.entry.status]}）`;
          // Candidates' reasons already name the platform and status.
          return el('li', {}, accountLink(base, x.entry), x.reason.includes(x.entry.platformLabel) || x.reason.includes(ENTRY_STATUS_LABELS[x.entry.status]) ? `：${x.reason}` : `${where}：${x.reason}`);
        }),
      ),
    );
  }
  const actions = el('div', { class: 'actions' });
  // Every verdict but a green one gets the report button: a look-alike, an unknown ID, a name-only
  // match, a closed account someone took over, a link that cannot be read offline.
  if (r.verdict !== 'official') {
    const fields = reportFieldsFor(r);
    if (manifest.report.repo)
      actions.append(el('a', { class: 'button report', id: 'report-issue', href: reportIssueUrl(manifest.report.repo, fields), target: '_blank', rel: 'noopener' }, '举报'));
    if (manifest.report.email)
      actions.append(
        el('a', { id: 'report-email', class: manifest.report.repo ? '' : 'button report', href: reportMailto(manifest.report.email, fields) }, manifest.report.repo ? '没有 GitHub 账号？发邮件举报' : `举报（发邮件至 ${manifest.report.email}）`),
      );
    if (!manifest.report.repo && !manifest.report.email) actions.append(el('span', {}, `如确认冒用，请向${manifest.report.office ?? '学校新媒体归口管理部门'}举报。`));
  }
  actions.append(el('span', { class: 'share' }, '分享核验结果：', el('a', { id: 'verify-share', href: shareUrl }, '本页链接')));
  parts.push(actions);
  card.replaceChildren(...parts);
}

/**
 * Writes the verdict into the page title and og: tags, so a shared ?q= link opened in WeChat and
 * forwarded from its menu carries the verdict. Crawlers that do not run scripts see the generic
 * tags written at build time (a static site cannot have a page per query).
 */
function showInTitle(r: VerifyResult, q: string): void {
  const shown = q.length > 40 ? `${q.slice(0, 40)}…` : q;
  const title = `核验结果：${VERDICT_LABELS[r.verdict]}｜${shown}`;
  document.title = title;
  document.getElementById('og-title')?.setAttribute('content', title);
  document.getElementById('og-description')?.setAttribute('content', r.advice.slice(0, 120));
}
