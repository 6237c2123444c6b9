/**
 * Printable forms for each of the five presets: every form a preset defines is written by the real
 * `forms` command, printed to an A4 PDF by Chromium (one browser for the whole file), and the PDF's
 * text holds the account's 审批号, every field title of that rulebook's form, and one opinion row
 * per approval the tier needs. A blank form prints too; filled forms never go into dist/.
 */
import { cp, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { FORM_KINDS, FORM_TABLES, formFor, type FormDef, type FormKind } from '../src/domain/forms/tables.ts';
import { opinionRows, renderForm } from '../src/domain/forms/render.ts';
import { loadRegistry } from '../src/registry/load.ts';
import { printPdfs } from '../scripts/forms.ts';
import { ROOT, runScript } from './helpers/registry.ts';

const PRESETS = ['000', '001', '002', '003', '004'] as const;
const ACCOUNT = 'jwc-mini'; // 教务处, tier 2, 审批号 2024-0053, a 2025 review on file
const GROUP = 'jwc-jiaomi';
let tmp: string;
/** preset → kind → the PDF's text with all whitespace removed. */
const texts = new Map<string, string>();
const htmls = new Map<string, string>();

const squash = (s: string) => s.replace(/\s+/g, '');

/** The demo registry under preset `p` (policy: just `extends`). */
async function registryFor(p: string): Promise<string> {
  const dir = path.join(tmp, `reg-${p}`);
  await cp(path.join(ROOT, 'content'), dir, { recursive: true });
  // 002 gives no date of its own (第二十条 “自公布之日起执行”): a school must supply one (policy/published-missing).
  const document = p === '002' ? "document:\n  title: 《上海海关学院校园新媒体管理办法》\n  published: '2015-09-01'\n" : '';
  await writeFile(path.join(dir, 'policy.yaml'), `extends: '${p}'\n${document}`);
  return dir;
}

function definedKinds(p: string): FormKind[] {
  return FORM_KINDS.filter((k) => !('none' in formFor(p, k)));
}

beforeAll(async () => {
  tmp = await mkdtemp(path.join(os.tmpdir(), 'forms-'));
  const jobs: Array<{ html: string; pdf: string; key: string }> = [];
  // Presets in parallel (each its own registry copy), kinds one after another.
  await Promise.all(PRESETS.map(async (p) => {
    const content = await registryFor(p);
    for (const kind of definedKinds(p)) {
      const out = path.join(tmp, `out-${p}`);
      const args = ['--content', content, '--kind', kind, '--out', out, '--html-only', '--year', '2025', '--today', '2026-11-21'];
      const r = await runScript('forms.ts', [...args, '--account', kind === 'group' ? GROUP : ACCOUNT]);
      expect(r.code, `${p} ${kind}: ${r.stderr}`).toBe(0);
      const file = path.join(out, `${kind}-${kind === 'group' ? GROUP : ACCOUNT}.html`);
      expect(r.stdout).toContain(`${kind}-${kind === 'group' ? GROUP : ACCOUNT}.html`);
      const html = await readFile(file, 'utf8');
      htmls.set(`${p}/${kind}`, html);
      jobs.push({ html, pdf: file.replace(/\.html$/, '.pdf'), key: `${p}/${kind}` });
    }
  }));
  // One Chromium for every PDF of the file.
  await printPdfs(jobs);
  for (const j of jobs) {
    const pdf = await getDocumentProxy(new Uint8Array(await readFile(j.pdf)));
    expect(pdf.numPages, j.key).toBeGreaterThanOrEqual(1);
    const { text } = await extractText(pdf, { mergePages: true });
    texts.set(j.key, squash(text));
  }
}, 900_000);
afterAll(async () => {
  await rm(tmp, { recursive: true, force: true });
});

describe('forms for each preset', () => {
  test('each preset defines its rulebook\'s forms, and says why where it has none', () => {
    expect(definedKinds('000')).toEqual(['approval', 'change', 'closure', 'review']);
    expect(definedKinds('001')).toEqual(['approval', 'change', 'group']);
    expect(definedKinds('002')).toEqual(['approval', 'change', 'closure', 'review']);
    expect(definedKinds('003')).toEqual(['approval', 'change', 'closure', 'review', 'group']);
    expect(definedKinds('004')).toEqual(['approval', 'change', 'review']);
    expect((formFor('000', 'group') as { none: string }).none).toContain('第七条');
    for (const p of PRESETS) for (const def of Object.values(FORM_TABLES[p]!)) if (!('none' in def!)) expect((def as FormDef).source).toMatch(/附|第.+条|登记系统默认/);
  });

  for (const p of PRESETS)
    test(`preset ${p}: every form's PDF holds the 审批号 and every field title of the form`, async () => {
      const { registry } = await loadRegistry(path.join(tmp, `reg-${p}`), { today: '2026-11-21' });
      const policy = registry.policy!.data;
      for (const kind of definedKinds(p)) {
        const text = texts.get(`${p}/${kind}`)!;
        expect(text, `${p}/${kind}`).toBeTruthy();
        const def = formFor(p, kind) as FormDef;
        const rendered = renderForm(def, kind, {}, policy);
        for (const t of rendered.titles.filter((x) => !x.endsWith('意见'))) expect(text, `${p}/${kind}: ${t}`).toContain(squash(t));
        expect(text).toContain(squash(rendered.title));
        if (kind === 'group') {
          expect(text).toContain('教务处教学秘书工作群');
          continue;
        }
        if (def.number === 'year-number') expect(text, `${p}/${kind}`).toContain('2024年第0053号');
        else expect(text, `${p}/${kind}`).toContain('审批号：2024-0053');
        expect(text).toContain('青川理工教务');
        // Signature rows: the host unit, then each approver of tier 2 (the office's own name).
        for (const label of opinionRows(def, policy, 2)) expect(text, `${p}/${kind}: ${label}`).toContain(squash(label));
        expect(text).toContain('负责人签字（加盖公章）');
      }
    });

  test('000: the 审批（备案）表 ticks the filing type and lists the head and admins; the 年审表 is filled from the 2025 review', async () => {
    const html = htmls.get('000/approval')!;
    expect(html).toContain('☑ 申请开通');
    expect(html).toContain('☐ 已开通备案');
    expect(texts.get('000/approval')).toContain('13800005412');
    expect(htmls.get('000/change')).toContain('☑ 变更/停办');
    const review = texts.get('000/review')!;
    expect(review).toContain('（2025）年度');
    expect(review).toContain('有无违规发布');
  });

  test('the tier decides the signature rows (tier 1: the office only; tier 3: the tier\'s approvers too)', async () => {
    const { registry } = await loadRegistry(path.join(tmp, 'reg-000'), { today: '2026-11-21' });
    const policy = registry.policy!.data;
    const def = formFor('000', 'approval') as FormDef;
    expect(opinionRows(def, policy, 1)).toEqual(['主办单位意见', '党委宣传部意见']);
    expect(opinionRows(def, policy, 3)).toEqual(['主办单位意见', '学生工作部、团委或所在系部意见', '党委宣传部意见']);
    // 003: the unit head's signature is the host unit's own row, not a second one.
    const { registry: r3 } = await loadRegistry(path.join(tmp, 'reg-003'), { today: '2026-11-21' });
    expect(opinionRows(formFor('003', 'approval') as FormDef, r3.policy!.data, 2)).toEqual(['申请单位意见', '党委宣传统战部意见']);
    expect(opinionRows(formFor('003', 'approval') as FormDef, r3.policy!.data, 3)).toEqual(['申请单位意见', '校团委或学生工作部意见', '党委宣传统战部（备案）意见']);
  });

  test('a blank form prints for signatures before filing, with empty number and no private value', async () => {
    const out = path.join(tmp, 'blank');
    const r = await runScript('forms.ts', ['--content', path.join(tmp, 'reg-002'), '--kind', 'review', '--blank', '--out', out, '--html-only']);
    expect(r.code, r.stderr).toBe(0);
    const html = await readFile(path.join(out, 'review-blank.html'), 'utf8');
    expect(html).toContain('上海海关学院校园新媒体年审表');
    expect(html).toContain('全年最佳图文及点击量和转发量');
    expect(html).not.toMatch(/1[3-9]\d{9}/);
    expect(await readdir(out)).toEqual(['review-blank.html']);
  });

  test('asks for one of --account/--unit/--all/--blank, refuses dist/ and explains a form the rulebook lacks', async () => {
    const content = path.join(tmp, 'reg-000');
    expect((await runScript('forms.ts', ['--content', content, '--kind', 'approval', '--out', path.join(tmp, 'x')])).stderr).toContain('--blank 中选一个');
    const dist = await runScript('forms.ts', ['--content', content, '--kind', 'approval', '--all', '--out', path.join(ROOT, 'dist', 'forms')]);
    expect(dist.code).toBe(2);
    expect(dist.stderr).toContain('公开网站');
    const none = await runScript('forms.ts', ['--content', content, '--kind', 'group', '--all', '--out', path.join(tmp, 'x')]);
    expect(none.code).toBe(2);
    expect(none.stderr).toContain('第七条');
  });
});
