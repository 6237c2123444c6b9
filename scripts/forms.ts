/**
 * Prints the rulebook's paper forms (审批表, 登记表, 申请表, 变更/停办, 年审表, 网络工作群备案登记表),
 * filled from the registry or blank, as one HTML and one A4 PDF per form (Chromium's print-to-PDF
 * with a CJK font). PRIVATE: filled forms hold staff phones and emails; never write them into dist/.
 * Run: npm run forms -- [--content DIR] --kind approval|change|closure|review|group
 *        [--account ID | --unit ID | --all | --blank] [--year YYYY] [--html-only] --out DIR
 */
import { pathToFileURL } from 'node:url';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { currentReviewYear } from '../src/domain/obligations.ts';
import { FORM_KINDS, FORM_KIND_LABELS, formFor, type FormKind } from '../src/domain/forms/tables.ts';
import { renderForm, type FormSubject } from '../src/domain/forms/render.ts';
import { EXIT, UsageError, parseCli, run } from './lib/cli.ts';
import { assertPrivateOutput, loadOfficeRegistry } from './lib/private-output.ts';

const USAGE = `用法：npm run forms -- [--content 文件夹] --kind approval|change|closure|review|group [--account 编号 | --unit 单位编号 | --all | --blank] --out 文件夹
  --kind      表格种类：approval 开通申请/备案，change 信息变更，closure 停办，review 年审表，group 网络工作群备案登记表
  --account   只打印该账号（group 时为工作群编号）的表
  --unit      打印该单位全部账号（或工作群）的表
  --all       打印全部账号（或工作群）的表
  --blank     打印一张空白表（先收集签字盖章、再备案时用）
  --year      年审表的年度（默认当前年审年度）
  --today     按该日期确定年审年度（默认北京时间今天）
  --html-only 只写 HTML，不生成 PDF
  --out       输出文件夹（每张表一个 .html 和一个 .pdf）。填好的表含联系人电话和邮箱，仅供内部使用
退出码：0 已写出；1 登记数据有错误，无法生成；2 用法或读写错误`;

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** Prints HTML documents to A4 PDFs with one Chromium. */
export async function printPdfs(jobs: Array<{ html: string; pdf: string }>): Promise<void> {
  if (!existsSync(CHROMIUM)) throw new UsageError(`找不到 Chromium（${CHROMIUM}），无法生成 PDF：请安装 chromium（Debian: apt-get install chromium fonts-wqy-microhei），或加 --html-only`);
  let browser: Browser | undefined;
  try {
    browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'] });
    const page = await browser.newPage();
    for (const j of jobs) {
      await page.setContent(j.html, { waitUntil: 'load' });
      await page.emulateMedia({ media: 'print' });
      await page.pdf({ path: j.pdf, format: 'A4', printBackground: true, preferCSSPageSize: true });
    }
  } finally {
    await browser?.close();
  }
}

async function main(): Promise<number> {
  const { values } = parseCli(
    process.argv.slice(2),
    {
      content: { type: 'string' },
      today: { type: 'string' },
      kind: { type: 'string' },
      account: { type: 'string' },
      unit: { type: 'string' },
      all: { type: 'boolean', default: false },
      blank: { type: 'boolean', default: false },
      year: { type: 'string' },
      'html-only': { type: 'boolean', default: false },
      out: { type: 'string' },
    },
    USAGE,
  );
  const kind = values.kind as FormKind;
  if (!FORM_KINDS.includes(kind)) throw new UsageError(`--kind 应为 ${FORM_KINDS.join('、')} 之一\n\n${USAGE}`);
  const picks = [values.account !== undefined, values.unit !== undefined, values.all, values.blank].filter(Boolean).length;
  if (picks !== 1) throw new UsageError(`请在 --account、--unit、--all、--blank 中选一个\n\n${USAGE}`);
  if (!values.out) throw new UsageError(`请用 --out 指定输出文件夹\n\n${USAGE}`);
  const out = path.resolve(values.out);
  assertPrivateOutput(out);
  if (values.year !== undefined && !/^\d{4}$/.test(values.year)) throw new UsageError('--year 应为四位年份');
  const loaded = await loadOfficeRegistry(values.content, values.today, { task: '生成表格', leftOut: '不会生成表格' });
  if (!loaded) return EXIT.findings;
  const { registry, policy, today } = loaded;
  const preset = policy.preset ?? policy.extends ?? '000';
  const units = new Map(registry.units.map((u) => [u.data.id, u.data]));
  const year = values.year ? Number(values.year) : currentReviewYear(policy, today);

  // Who gets a form.
  const subjects: Array<{ id: string; subject: FormSubject; backfill: boolean }> = [];
  if (values.blank) subjects.push({ id: 'blank', subject: { year }, backfill: false });
  else if (kind === 'group') {
    const groups = registry.groups.filter((g) => (values.account ? g.data.id === values.account : values.unit ? g.data.unit === values.unit : true));
    if (values.account && groups.length === 0) throw new UsageError(`找不到工作群 ${values.account}`);
    for (const g of groups) subjects.push({ id: g.data.id, subject: { group: g.data, unit: units.get(g.data.unit) }, backfill: false });
  } else {
    const accounts = registry.accounts.filter((a) => (values.account ? a.data.id === values.account : values.unit ? a.data.unit === values.unit : true));
    if (values.account && accounts.length === 0) throw new UsageError(`找不到账号 ${values.account}（或其备案文件有错误）`);
    const wanted = values.account
      ? accounts
      : accounts.filter(({ data: a }) =>
          kind === 'change' ? a.status !== 'closed' && a.history.some((h) => h.kind !== 'closure')
          : kind === 'closure' ? a.status === 'closed'
          : kind === 'review' ? a.status === 'active' && policy.annualReview.required && policy.annualReview.tiers.includes(a.tier)
          : true,
        );
    for (const { data: a } of wanted) {
      const review = registry.reviews.find((r) => r.data.account === a.id && r.data.year === year)?.data;
      const pushList = registry.pushLists.find((p) => p.account === a.id && p.year === year);
      subjects.push({ id: a.id, subject: { account: a, unit: units.get(a.unit), review, pushListRows: pushList?.rows, year }, backfill: a.filing === 'backfill' });
    }
  }
  if (values.unit !== undefined && !units.has(values.unit)) throw new UsageError(`找不到单位 ${values.unit}`);
  if (subjects.length === 0) {
    console.log(`没有需要打印${FORM_KIND_LABELS[kind]}表的${kind === 'group' ? '工作群' : '账号'}。`);
    return EXIT.ok;
  }

  await mkdir(out, { recursive: true });
  const jobs: Array<{ html: string; pdf: string }> = [];
  const written: string[] = [];
  for (const s of subjects) {
    const def = formFor(preset, kind, s.backfill);
    if ('none' in def) throw new UsageError(`${policy.document.title}没有${FORM_KIND_LABELS[kind]}的表格：${def.none}`);
    const form = renderForm(def, kind, s.subject, policy, { blank: values.blank, generated: today });
    const base = path.join(out, `${kind}-${s.id}`);
    await writeFile(`${base}.html`, form.html);
    written.push(`${base}.html`);
    if (!values['html-only']) jobs.push({ html: form.html, pdf: `${base}.pdf` });
  }
  await printPdfs(jobs);
  written.push(...jobs.map((j) => j.pdf));
  for (const f of written.sort()) console.log(`已写出 ${path.relative(process.cwd(), f) || f}`);
  console.log(`共 ${subjects.length} 张${FORM_KIND_LABELS[kind]}表（${subjects.length} 个 HTML${values['html-only'] ? '' : `、${jobs.length} 个 PDF`}）。表中含联系人电话和邮箱，仅供内部使用。`);
  return EXIT.ok;
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await run(main);
