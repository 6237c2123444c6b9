/**
 * Small registries built in code for the deadline tests: real schemas (defaults applied by zod),
 * real presets read from presets/, no mocks.
 */
import {
  AccountSchema,
  GroupSchema,
  ReviewSchema,
  UnitSchema,
  emptyRegistry,
  parseFile,
  type Account,
  type Filing,
  type Group,
  type Obligation,
  type Policy,
  type Registry,
  type Review,
  type Unit,
} from '../src/domain/index.ts';
import { loadPresets } from '../src/registry/presets.ts';

export const PRESETS = await loadPresets();

/**
 * The date a school adopting preset 002 writes in its policy: the rulebook states none, and a
 * policy without one is invalid (policy/published-missing).
 */
export const PUBLISHED_002 = '2024-09-01';

/** The policy of preset `id`, optionally with overrides merged in (objects by key, lists replaced). */
export function presetPolicy(id: string, override: Record<string, unknown> = {}): Policy {
  const dated = id === '002' ? `document:\n  title: 《上海海关学院校园新媒体管理办法》\n  published: '${PUBLISHED_002}'\n` : '';
  const text = `extends: '${id}'\n${dated}`;
  const r = parseFile('policy.yaml', text, { presets: PRESETS });
  if (r.parsed?.kind !== 'policy') throw new Error(`preset ${id}: ${JSON.stringify(r.findings)}`);
  return deepMerge(r.parsed.filing.data, override) as Policy;
}

/** Objects merged key by key (the test's overrides touch single knobs). */
function deepMerge(base: unknown, over: unknown): unknown {
  if (base === null || over === null || typeof base !== 'object' || typeof over !== 'object' || Array.isArray(base) || Array.isArray(over)) return over;
  const out: Record<string, unknown> = { ...(base as Record<string, unknown>) };
  for (const [k, v] of Object.entries(over as Record<string, unknown>)) out[k] = deepMerge(out[k], v);
  return out;
}

const person = { name: '张三', mobile: '13800000000' };

/** A unit of `kind` (active unless overridden). */
export function unit(id: string, kind: Unit['kind'], over: Partial<Unit> = {}): Filing<Unit> {
  const data = UnitSchema.parse({ id, name: `单位${id}`, kind, status: 'active', headTitle: '主要负责人', ...over });
  return { file: `units/${id}.yaml`, id, data, pos: {} };
}

type AccountInput = Partial<Omit<Account, 'dates'>> & { id: string; dates?: Account['dates'] };

/** An account filing: an active 二级 WeChat account of unit jwc, opened 2026-01-20, unless overridden. */
export function account(over: AccountInput): Filing<Account> & { html: string } {
  const data = AccountSchema.parse({
    name: `账号${over.id}`,
    platform: 'wechat-mp',
    unit: 'jwc',
    tier: 2,
    status: 'active',
    filing: 'new',
    purpose: '发布工作信息',
    keys: [{ kind: 'gh', value: 'gh_0123456789ab' }],
    contacts: { head: person, admins: [person] },
    ...over,
    dates: over.dates ?? { applied: '2026-01-01', opened: '2026-01-20' },
  });
  return { file: `accounts/${data.unit}/${data.id}.mdx`, id: data.id, scope: data.unit, data, pos: { 'dates.applied': [12, 3], 'history[0].date': [30, 5] }, html: '' };
}

/** An annual review of `accountId` for `year`. */
export function review(accountId: string, year: number, submitted: string, outcome: Review['result']['outcome'] = 'pass', resultDate?: string): Filing<Review> {
  const data = ReviewSchema.parse({
    account: accountId,
    year,
    submitted,
    pushes: 100,
    followers: 1000,
    violations: { any: false },
    head: person,
    result: outcome === 'pending' ? { outcome } : { outcome, date: resultDate ?? submitted },
  });
  return { file: `reviews/${year}/${accountId}.yaml`, id: accountId, scope: String(year), data, pos: {} };
}

/** A work group of unit `unitId`. */
export function group(id: string, over: Partial<Group> = {}): Filing<Group> {
  const data = GroupSchema.parse({
    id,
    platform: 'wechat-group',
    number: null,
    name: `工作群${id}`,
    scope: '本部门教职工',
    members: 30,
    memberTypes: ['教职工'],
    admins: [{ name: '张三', mobile: '13800000000' }],
    email: 'group@example.edu.cn',
    unit: 'jwc',
    head: person,
    created: '2026-01-05',
    ...over,
  });
  return { file: `groups/${data.unit}/${id}.yaml`, id, scope: data.unit, data, pos: {} };
}

/** A registry with the usual units (jwc 教务处, jsj 学院, tw 团委, xsh 学生会) plus the given filings. */
export function registry(parts: { units?: Filing<Unit>[]; accounts?: Array<Filing<Account> & { html: string }>; reviews?: Filing<Review>[]; groups?: Filing<Group>[] }): Registry {
  const reg = emptyRegistry();
  reg.units = [unit('jwc', 'office'), unit('jsj', 'college'), unit('tw', 'student-org'), unit('xsh', 'student-org'), ...(parts.units ?? [])];
  reg.accounts = parts.accounts ?? [];
  reg.reviews = parts.reviews ?? [];
  reg.groups = parts.groups ?? [];
  return reg;
}

/** The fields a test compares: everything the JSON report prints. */
export function brief(o: Obligation): string {
  return `${o.kind} ${o.unit} ${o.account ?? o.group ?? '-'} due=${o.due} ${o.state} late=${o.daysLate} ${o.rule}`;
}
