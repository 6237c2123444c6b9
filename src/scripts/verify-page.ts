/**
 * The verify page's script: reads the input (or ?q=), runs the core's `verifyInput` on the verify
 * index fetched in slices, and renders the verdict card with links to the official account pages,
 * the report button (pre-filled issue form, email fallback) and a shareable link. Imports only the
 * dependency-free core modules: no zod, no pinyin, no OpenCC.
 */
import { findPlatform } from '../domain/platforms.ts';
import { reportFieldsFor, reportIssueUrl, reportMailto } from '../domain/verify/report.ts';
import { ENTRY_STATUS_LABELS, VERDICT_LABELS, toVerifyJson, verifyInput, type Verdict, type VerifyResult } from '../domain/verify/verdict.ts';
import { fetchSource, type IndexEntry, type IndexSource, type VerifyManifest } from '../domain/verify/verify-index.ts';

const root = document.getElementById('verify-ui');
if (root) init(root);

const TONES: Record<Verdict, string> = {
  official: 'ok',
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
    if (e.unitName) row('主办单位', e.unitName);
    row('状态', `${ENTRY_STATUS_LABELS[e.status]}${e.closed ? `（${e.closed} 停办）` : ''}${e.reason ? `（${e.reason}）` : ''}`);
    if (e.confirmed) row('确认日期', e.confirmed);
    parts.push(dl);
  } else if (r.platform) {
    parts.push(el('p', {}, `平台：${findPlatform(r.platform)?.label ?? r.platform}`));
  }
  parts.push(el('p', { id: 'verify-advice' }, r.advice));
  const related = r.related.filter((x) => x.entry.t === 'a');
  if (related.length) {
    const title = r.verdict === 'ambiguous' ? '可能的账号：' : r.verdict === 'impostor' ? '被仿冒的官方账号：' : '相似的官方账号：';
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
  if (r.verdict === 'risky' || r.verdict === 'unregistered') {
    const fields = reportFieldsFor(r);
    if (manifest.report.repo)
      actions.append(el('a', { class: 'button', id: 'report-issue', href: reportIssueUrl(manifest.report.repo, fields), target: '_blank', rel: 'noopener' }, '举报冒用账号'));
    if (manifest.report.email)
      actions.append(el('a', { id: 'report-email', href: reportMailto(manifest.report.email, fields) }, manifest.report.repo ? '没有 GitHub 账号？发邮件举报' : `发邮件举报（${manifest.report.email}）`));
    if (!manifest.report.repo && !manifest.report.email) actions.append(el('span', {}, `如确认冒用，请向${manifest.report.office ?? '学校新媒体归口管理部门'}举报。`));
  }
  actions.append(el('span', { class: 'share' }, '分享核验结果：', el('a', { id: 'verify-share', href: shareUrl }, '本页链接')));
  parts.push(actions);
  card.replaceChildren(...parts);
}
