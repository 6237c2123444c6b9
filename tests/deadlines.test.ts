/**
 * The deadlines command and the PR-time warnings of the validate command, run for real (Node 24,
 * tsx) against small registries written to temp folders.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '..');
const NODE = path.join(ROOT, 'node_modules/.bin/node');
const TSX = path.join(ROOT, 'node_modules/tsx/dist/cli.mjs');

const temps: string[] = [];
afterAll(() => {
  for (const d of temps) rmSync(d, { recursive: true, force: true });
});

/** Writes `files` (path → text) into a fresh temp folder. */
function writeRegistry(files: Record<string, string>): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'deadlines-'));
  temps.push(dir);
  for (const [rel, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  }
  return dir;
}

function cli(script: string, args: string[]): { status: number | null; stdout: string; stderr: string } {
  const r = spawnSync(NODE, [TSX, `scripts/${script}.ts`, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, GITHUB_ACTIONS: '' } });
  return { status: r.status, stdout: r.stdout, stderr: r.stderr };
}

const POLICY = `extends: '003'
school:
  name: 测试职业学院
document:
  title: 《测试职业学院新媒体平台管理办法》
  published: '2021-04-15'
`;
const unitFile = (id: string, name: string, kind: string) => `id: ${id}\nname: '${name}'\nkind: ${kind}\nstatus: active\nheadTitle: '主要负责人'\n`;
const contacts = `contacts:
  head:
    name: '张三'
    mobile: '13800000001'
  admins:
    - name: '李四'
      mobile: '13800000002'
    - name: '王五'
      mobile: '13800000003'`;

function accountFile(id: string, unit: string, extra: string): string {
  return `---
id: ${id}
name: '${id} 账号'
platform: wechat-mp
unit: ${unit}
tier: 2
status: active
filing: new
purpose: '发布工作信息'
keys:
  - kind: gh
    value: 'gh_${id === 'jwc-wechat' ? '0123456789ab' : 'ba9876543210'}'
${extra}
${contacts}
---
`;
}

/** 003: a change reported 3 days late, a closure reported 1 day late, an unreported group dissolution. */
const FILES: Record<string, string> = {
  'policy.yaml': POLICY,
  'units/jwc.yaml': unitFile('jwc', '教务处', 'office'),
  'units/jsj.yaml': unitFile('jsj', '计算机学院', 'college'),
  'accounts/jwc/jwc-wechat.mdx': accountFile(
    'jwc-wechat',
    'jwc',
    `dates:
  applied: '2026-01-05'
  opened: '2026-01-20'
history:
  - date: '2026-03-01'
    kind: admins
    summary: '更换一名管理员'
    reported: '2026-03-11'
  - date: '2026-03-02'
    kind: leader
    summary: '更换分管领导'`,
  ),
  'accounts/jsj/jsj-wechat.mdx': accountFile(
    'jsj-wechat',
    'jsj',
    `dates:
  applied: '2026-01-05'
  opened: '2026-01-20'
  closed: '2026-03-05'
closure:
  reason: '并入学院公众号'
history:
  - date: '2026-03-05'
    kind: closure
    summary: '停止运行'
    reported: '2026-03-09'`,
  ).replace('status: active', 'status: closed'),
  'groups/jsj/jsj-teachers.yaml': `id: jsj-teachers
platform: wechat-group
number: null
name: '计算机学院教师工作群'
scope: '计算机学院教职工'
members: 40
memberTypes: ['教职工']
admins:
  - name: '李四'
    mobile: '13800000002'
email: 'jsj@example.edu.cn'
unit: jsj
head:
  name: '张三'
  mobile: '13800000001'
created: '2026-01-10'
dissolved: '2026-03-06'
dissolutionReported: '2026-03-11'
`,
};

describe('npm run deadlines', () => {
  const dir = writeRegistry(FILES);

  test('prints exactly {today, obligations[kind, unit, account, group, due, state, daysLate, rule]} with --json', () => {
    const r = cli('deadlines', ['--content', dir, '--today', '2026-03-11', '--json']);
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
    expect(JSON.parse(r.stdout)).toEqual({
      today: '2026-03-11',
      obligations: [
        { kind: 'closure', unit: 'jsj', account: 'jsj-wechat', group: null, due: '2026-03-08', state: 'overdue', daysLate: 1, rule: '第十三条' },
        { kind: 'group-dissolution', unit: 'jsj', account: null, group: 'jsj-teachers', due: '2026-03-09', state: 'overdue', daysLate: 2, rule: '第七条、第十三条' },
        { kind: 'change', unit: 'jwc', account: 'jwc-wechat', group: null, due: '2026-03-08', state: 'overdue', daysLate: 3, rule: '第七条' },
      ],
    });
  });

  test('prints a Chinese report grouped by unit', () => {
    const r = cli('deadlines', ['--content', dir, '--today', '2026-03-11']);
    expect(r.status).toBe(0);
    expect(r.stdout).toMatchInlineSnapshot(`
      "截至 2026-03-11（北京时间），共 3 项备案事项：已逾期 0 项，今天到期 0 项，即将到期 0 项，近 30 天内逾期办理 3 项。

      【计算机学院】（jsj）
        [逾期 1 天后已办理] 账号 jsj-wechat：停办报备，期限为 2026-03-08，实际于 2026-03-09 办理，晚了 1 天（依据：第十三条） 「jsj-wechat 账号」
        [逾期 2 天后已办理] 工作群 jsj-teachers：网络工作群解散报备，期限为 2026-03-09，实际于 2026-03-11 办理，晚了 2 天（依据：第七条、第十三条）

      【教务处】（jwc）
        [逾期 3 天后已办理] 账号 jwc-wechat：信息变更报备，期限为 2026-03-08，实际于 2026-03-11 办理，晚了 3 天（依据：第七条） 「jwc-wechat 账号」
      "
    `);
    // 003 第十三条: a dissolution merged into the registry counts as reported (by today at the latest).
    expect(r.stdout).toContain('已逾期 0 项');
    expect(r.stdout).toMatch(/工作群 jsj-teachers：.*晚了 2 天/);
    expect(r.stdout).toMatch(/账号 jwc-wechat：.*晚了 3 天/);
  });

  test('lists only one unit with --unit', () => {
    const r = cli('deadlines', ['--content', dir, '--today', '2026-03-11', '--json', '--unit', 'jwc']);
    expect((JSON.parse(r.stdout) as { obligations: Array<{ unit: string }> }).obligations.map((o) => o.unit)).toEqual(['jwc']);
  });

  test('shows, on an earlier day, the same obligations as still open and upcoming, and says when there is nothing', () => {
    const upcoming = JSON.parse(cli('deadlines', ['--content', dir, '--today', '2026-03-07', '--json']).stdout) as { obligations: Array<{ kind: string; state: string }> };
    expect(upcoming.obligations.map((o) => `${o.kind} ${o.state}`)).toEqual(['closure upcoming', 'group-dissolution upcoming', 'change upcoming']);
    const none = cli('deadlines', ['--content', dir, '--today', '2026-02-01', '--unit', 'jwc']);
    expect(none.stdout).toContain('没有需要办理的事项');
  });

  test.each([
    { args: ['--today', '2026-02-30'], message: '--today 应为 YYYY-MM-DD 格式的真实日期', why: 'an impossible date' },
    { args: ['--bogus'], message: '用法错误', why: 'an unknown option' },
    { args: ['--unit', 'nope'], message: '找不到单位 nope', why: 'an unknown unit' },
    { args: ['--content', '/nonexistent/registry'], message: '找不到登记数据文件夹', why: 'a missing folder' },
  ])('exits 2 with a usage message for $why', ({ args }) => {
    const r = cli('deadlines', ['--content', dir, ...args]);
    expect(r.status).toBe(2);
    expect(r.stdout).toBe('');
    expect(r.stderr).toMatch(/用法错误|读写文件出错/);
  });

  test('says clearly that the registry has errors, and still lists what it can read', () => {
    const broken = writeRegistry({ ...FILES, 'units/bad.yaml': 'id: bad\nname: 坏单位\nkind: nonsense\n' });
    const r = cli('deadlines', ['--content', broken, '--today', '2026-03-11', '--json']);
    expect(r.status).toBe(0);
    expect(r.stderr).toContain('登记数据有');
    expect(r.stderr).toContain('npm run validate');
    expect((JSON.parse(r.stdout) as { obligations: unknown[] }).obligations).toHaveLength(3);
  });

  test('exits 1 without a crash when the policy file cannot be read', () => {
    const noPolicy = writeRegistry({ ...FILES, 'policy.yaml': "extends: '007'\n" });
    const r = cli('deadlines', ['--content', noPolicy, '--today', '2026-03-11']);
    expect(r.status).toBe(1);
    expect(r.stderr).toContain('管理办法配置文件 policy.yaml 缺失或有错误');
    expect(r.stderr).not.toMatch(/at .*\.ts:\d+/);
  });
});

describe('npm run validate -- --today <PR date>', () => {
  const dir = writeRegistry(FILES);

  test('warns about each late filing with its days late and a stable code, and passes', () => {
    const r = cli('validate', ['--content', dir, '--today', '2026-03-11', '--json']);
    expect(r.status).toBe(0);
    const out = JSON.parse(r.stdout) as { ok: boolean; warnings: Array<{ file: string; line: number; field: string; code: string; message: string }> };
    expect(out.ok).toBe(true);
    expect(out.warnings.filter((w) => w.code.startsWith('late/')).map((w) => [w.file, w.line, w.field, w.code, w.message])).toEqual([
      ['accounts/jsj/jsj-wechat.mdx', 16, 'dates.closed', 'late/closure', '账号 jsj-wechat：停办报备，期限为 2026-03-08，实际于 2026-03-09 办理，晚了 1 天（依据：第十三条）'],
      ['accounts/jwc/jwc-wechat.mdx', 17, 'history[0].date', 'late/change', '账号 jwc-wechat：信息变更报备，期限为 2026-03-08，实际于 2026-03-11 办理，晚了 3 天（依据：第七条）'],
      ['groups/jsj/jsj-teachers.yaml', 17, 'dissolved', 'late/dissolution', '工作群 jsj-teachers：网络工作群解散报备，期限为 2026-03-09，实际于 2026-03-11 办理，晚了 2 天（依据：第七条、第十三条）'],
    ]);
  });

  test('counts a change without a report date in the pull request’s files as reported on the PR date', () => {
    const r = cli('validate', ['--content', dir, '--today', '2026-03-12', '--json', 'accounts/jwc/jwc-wechat.mdx']);
    const out = JSON.parse(r.stdout) as { warnings: Array<{ field: string; code: string; message: string }> };
    expect(out.warnings.filter((w) => w.code === 'late/change').map((w) => `${w.field}: ${w.message}`)).toEqual([
      'history[0].date: 账号 jwc-wechat：信息变更报备，期限为 2026-03-08，实际于 2026-03-11 办理，晚了 3 天（依据：第七条）',
      'history[1].date: 账号 jwc-wechat：信息变更报备，期限为 2026-03-09，实际于 2026-03-12 办理，晚了 3 天（依据：第七条）',
    ]);
  });

  test('warns late/application for an application inside preset 000’s lead time', () => {
    const app = writeRegistry({
      'policy.yaml': "extends: '000'\nschool:\n  name: 测试学院\ndocument:\n  title: 《测试学院校园新媒体管理办法》\n  published: '2024-05-27'\n",
      'units/jwc.yaml': unitFile('jwc', '教务处', 'office'),
      'accounts/jwc/jwc-weibo.mdx': `---
id: jwc-weibo
name: '测试教务'
platform: weibo
unit: jwc
tier: 2
status: applied
filing: new
purpose: '发布教学通知'
dates:
  applied: '2026-03-06'
  plannedOpening: '2026-03-10'
${contacts}
---
`,
    });
    const r = cli('validate', ['--content', app, '--today', '2026-03-06']);
    expect(r.status).toBe(0);
    expect(r.stdout).toContain('警告  账号 jwc-weibo：开通前提出申请，期限为 2026-03-03，实际于 2026-03-06 办理，晚了 3 天（依据：第四条）（dates.applied）  [late/application]');
  });
});
