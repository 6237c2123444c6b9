/**
 * A small registry for the GitHub tests, written to a temp folder: the demo policy, the office
 * (team owners), 教务处 (a user owner), 校团委 and a club under it, and one approved account.
 */
import { mkdir, mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { FORM_LABELS } from '../../src/domain/issue-form.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export const UNITS: Record<string, string> = {
  xcb: "id: xcb\nname: 党委宣传部\nkind: office\nstatus: active\nheadTitle: 部长\nowners: ['@qclg/xcb']\n",
  jwc: "id: jwc\nname: 教务处\nkind: office\nstatus: active\nheadTitle: 处长\nowners: ['@jwc-admin']\n",
  tw: "id: tw\nname: 校团委\nkind: student-org\nstatus: active\nheadTitle: 书记\nowners: ['@tw-admin']\n",
  'robot-club': "id: robot-club\nname: 机器人协会\nkind: club\nparent: tw\nstatus: active\nheadTitle: 指导教师\nowners: ['@robot-admin']\n",
};

/** Canary contact values: tests assert they never reach GitHub. */
export const CANARY = { mobile: '13912345678', office: '0571-86660001', email: 'canary-admin@example.edu.cn' };

/** An account filing's text. */
export function accountText(o: { id: string; unit: string; name: string; status?: string; approval?: string; tier?: number; extra?: string }): string {
  const status = o.status ?? 'active';
  const dates = status === 'applied' ? "dates:\n  applied: '2026-11-20'\n  plannedOpening: '2026-12-20'\n" : `link: https://mp.weixin.qq.com/s/${o.id}\ndates:\n  opened: '2020-03-01'\n`;
  return [
    '---',
    `id: ${o.id}`,
    `name: ${o.name}`,
    'platform: wechat-mp',
    `unit: ${o.unit}`,
    `tier: ${o.tier ?? 2}`,
    `status: ${status}`,
    `filing: ${status === 'applied' ? 'new' : 'backfill'}`,
    'purpose: 发布通知',
    dates.trimEnd(),
    ...(o.approval ? ['approval:', `  number: '${o.approval}'`, "  date: '2024-06-01'", '  pr: 3'] : []),
    'contacts:',
    '  head:',
    '    name: 王主任',
    `    mobile: '${CANARY.mobile}'`,
    '  admins:',
    '    - name: 李老师',
    `      officePhone: '${CANARY.office}'`,
    `      email: ${CANARY.email}`,
    '    - name: 赵老师',
    "      mobile: '13800000002'",
    ...(o.extra ? [o.extra.trimEnd()] : []),
    '---',
    '',
  ].join('\n');
}

/** Writes the fixture registry into `dir` (created when missing); returns `dir`. */
export async function writeFixtureRegistry(dir?: string): Promise<string> {
  const root = dir ?? (await mkdtemp(path.join(tmpdir(), 'gh-registry-')));
  await mkdir(path.join(root, 'units'), { recursive: true });
  await mkdir(path.join(root, 'accounts', 'jwc'), { recursive: true });
  await writeFile(path.join(root, 'policy.yaml'), await readFile(path.join(ROOT, 'content/policy.yaml')));
  for (const [id, text] of Object.entries(UNITS)) await writeFile(path.join(root, 'units', `${id}.yaml`), text);
  await writeFile(path.join(root, 'accounts/jwc/jwc-wechat.mdx'), accountText({ id: 'jwc-wechat', unit: 'jwc', name: '青川理工学院教务处', approval: '2024-0001' }));
  return root;
}

/** Writes `text` at `rel` under `root`, creating folders. */
export async function put(root: string, rel: string, text: string): Promise<void> {
  await mkdir(path.dirname(path.join(root, rel)), { recursive: true });
  await writeFile(path.join(root, rel), text);
}

/** The issue body GitHub renders from the filing form (unanswered fields: `_No response_`). */
export function formBody(answers: Partial<Record<keyof typeof FORM_LABELS, string>>): string {
  return Object.entries(FORM_LABELS)
    .map(([k, label]) => `### ${label}\n\n${answers[k as keyof typeof FORM_LABELS] ?? '_No response_'}`)
    .join('\n\n');
}

/** A complete, valid answer to the filing form (a new 抖音 account of 教务处). */
export const GOOD_FORM = {
  unit: 'jwc',
  id: 'jwc-douyin',
  name: '青川理工教务处',
  platform: '抖音（douyin）',
  filing: '申请开通（new）',
  tier: '二级平台（2）',
  plannedOpening: '2026-12-31',
  purpose: '发布教学活动短视频',
  headName: '王主任',
  headTitle: '处长',
  headOffice: '0571-86660002',
  adminName: '李老师',
  adminMobile: '13912340000',
  adminEmail: 'li-canary@example.edu.cn',
};

export { ROOT };
