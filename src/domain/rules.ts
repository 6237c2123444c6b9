/**
 * Rules across files: references resolve, keys and names are unique among active accounts, tiers
 * fit the unit and the policy, dates are in order and not in the future, approval numbers are
 * unique, dissolved units hold no active accounts. Pure: registry and date in, findings out.
 */
import { dayNumber } from './dates.ts';
import { addDuration, durationText } from './obligations.ts';
import type { AccountFiling, Filing } from './filing.ts';
import type { Finding, Severity } from './findings.ts';
import { findPlatform, keyString, linkProblem } from './platforms.ts';
import type { Registry } from './registry.ts';
import type { Policy } from './schema/policy.ts';
import type { Unit } from './schema/unit.ts';
import { checkAccountNames } from './verify/name-rules.ts';
import type { NameForm } from './verify/names.ts';

export interface RuleOptions {
  /** Today in Beijing, `YYYY-MM-DD`. */
  today: string;
  /** When set, only findings on these files are wanted: costly pairwise checks skip other pairs. */
  only?: ReadonlySet<string>;
  /** Names' comparable forms kept between runs (see checkAccountNames). */
  nameForms?: Map<string, NameForm>;
}

/** Normalises a name for exact-duplicate checks (width, case, spaces). */
export function normalizeName(name: string): string {
  return name.normalize('NFKC').toLowerCase().replace(/\s+/g, '');
}

/** What every rule below reads: the registry, today, lookups, and where findings go. */
interface RuleContext {
  reg: Registry;
  opts: RuleOptions;
  policy: Policy | undefined;
  /** Today as a day number. */
  today: number;
  out: Finding[];
  emit(f: Filing<unknown> | { file: string; pos?: Record<string, [number, number]> }, field: string, code: string, message: string, severity?: Severity): void;
  /** Whether a file of that kind and id exists but could not be read (its references are not reported again). */
  unreadable(kind: keyof Registry['unreadable'], id: string): boolean;
  units: Map<string, Filing<Unit>>;
  unitKnown(id: string): boolean;
  accounts: Map<string, AccountFiling>;
  accountKnown(id: string): boolean;
  /** `platform:kind:value` → file of the active account holding that key. */
  keyOwner: Map<string, string>;
}

/** Every cross-file finding for `reg`. */
export function checkRegistry(reg: Registry, opts: RuleOptions): Finding[] {
  const out: Finding[] = [];
  const unreadable = (kind: keyof Registry['unreadable'], id: string) => reg.unreadable[kind]?.includes(id) ?? false;
  const units = new Map(reg.units.map((u) => [u.data.id, u]));
  const accounts = new Map(reg.accounts.map((a) => [a.data.id, a]));
  const ctx: RuleContext = {
    reg,
    opts,
    policy: reg.policy?.data,
    today: dayNumber(opts.today),
    out,
    emit(f, field, code, message, severity = 'error') {
      const p = f.pos?.[field] ?? f.pos?.[field.replace(/\.[^.[]+$|\[\d+\]$/, '')] ?? [1, 1];
      out.push({ file: f.file, line: p[0], column: p[1], field, code, message, severity });
    },
    unreadable,
    units,
    unitKnown: (id) => units.has(id) || unreadable('unit', id),
    accounts,
    accountKnown: (id) => accounts.has(id) || unreadable('account', id),
    keyOwner: new Map(),
  };
  if (!reg.policy && !unreadable('policy', 'policy'))
    out.push({ file: 'policy.yaml', line: 1, column: 1, field: '', code: 'policy/missing', message: '缺少管理办法配置文件 policy.yaml', severity: 'error' });
  checkUnits(ctx);
  checkAccounts(ctx);
  checkReviews(ctx);
  checkGroups(ctx);
  // Look-alike names across units (name/look-alike, name/similar): src/domain/verify/name-rules.ts.
  out.push(...checkAccountNames(reg, opts.only, opts.nameForms));
  checkImpostors(ctx);
  return out;
}

/** Units: references to parents and successors resolve, no cycles, no two active units of one name; the office unit exists. */
function checkUnits(ctx: RuleContext): void {
  const { reg, policy, emit, units, unitKnown } = ctx;
  const unitNames = new Map<string, string>();
  for (const u of reg.units) {
    const d = u.data;
    if (d.parent && !unitKnown(d.parent)) emit(u, 'parent', 'ref/parent', `上级单位 ${d.parent} 不存在（units/${d.parent}.yaml）`);
    if (d.successor && !unitKnown(d.successor)) emit(u, 'successor', 'ref/successor', `承继单位 ${d.successor} 不存在（units/${d.successor}.yaml）`);
    if (d.parent) {
      const seen = new Set([d.id]);
      let cur = units.get(d.parent);
      while (cur) {
        if (seen.has(cur.data.id)) {
          emit(u, 'parent', 'unit/cycle', '上级单位形成了循环（A 的上级是 B，B 的上级又是 A）');
          break;
        }
        seen.add(cur.data.id);
        cur = cur.data.parent ? units.get(cur.data.parent) : undefined;
      }
    }
    if (d.status === 'active') {
      const n = normalizeName(d.name);
      const other = unitNames.get(n);
      if (other) emit(u, 'name', 'unit/duplicate-name', `单位名称与 ${other} 重复`);
      else unitNames.set(n, u.file);
    }
  }
  if (policy && reg.policy && policy.office.unit && !unitKnown(policy.office.unit))
    emit(reg.policy, 'office.unit', 'ref/office-unit', `归口管理部门的单位编号 ${policy.office.unit} 不存在`);

}

/** Accounts: unit and tier, dates in order and not in the future, keys, names, links and approval numbers unique. */
function checkAccounts(ctx: RuleContext): void {
  const { reg, opts, policy, today, emit, unreadable, units, keyOwner } = ctx;
  const nameOwner = new Map<string, string>();
  const linkOwner = new Map<string, string>();
  const approvalOwner = new Map<string, string>();
  // The first holder of a duplicated value is told too (once), so whichever file is new, both show.
  const firstHolder = new Map<string, [Filing<unknown>, string]>();
  const alsoTellFirst = (kind: string, value: string, code: string, message: (other: string) => string, current: Filing<unknown>) => {
    const first = firstHolder.get(`${kind}\0${value}`);
    if (!first) return;
    firstHolder.delete(`${kind}\0${value}`);
    emit(first[0], first[1], code, message(current.file));
  };
  const remember = (kind: string, value: string, f: Filing<unknown>, field: string) => firstHolder.set(`${kind}\0${value}`, [f, field]);
  const dupSeen = new Set<string>();
  for (const a of reg.accounts) {
    const d = a.data;
    if (dupSeen.has(d.id)) emit(a, 'id', 'account/duplicate-id', `账号编号 ${d.id} 在其他单位文件夹中已存在`);
    dupSeen.add(d.id);
    const unit = units.get(d.unit);
    if (!unit && !unreadable('unit', d.unit)) emit(a, 'unit', 'ref/unit', `主办单位 ${d.unit} 不存在（units/${d.unit}.yaml）`);
    for (const co of d.units ?? []) if (!units.has(co) && !unreadable('unit', co)) emit(a, 'units', 'ref/unit', `联合主办单位 ${co} 不存在（units/${co}.yaml）`);
    if (d.dormant && dayNumber(d.dormant.since) > today) emit(a, 'dormant.since', 'date/future', `停更日期不能晚于今天（${opts.today}）`);
    if (unit && d.status !== 'closed') {
      if (unit.data.status === 'dissolved')
        emit(a, 'status', 'unit/dissolved-active', `主办单位已撤销，其账号须停办或移交其他单位`);
      else if (unit.data.status !== 'active')
        emit(a, 'unit', 'unit/not-reassigned', `主办单位已${unit.data.status === 'merged' ? '合并' : '更名'}，请把账号移交承继单位 ${unit.data.successor}`, 'warning');
    }
    // 校内数据服务 (002 第十八条; 001 第十四条): servers on campus when required, approved by the named body.
    if (policy?.campusData && d.campusData && d.status !== 'closed') {
      const cd = policy.campusData;
      if (cd.serversOnCampus && d.campusData.servers !== 'campus')
        emit(a, 'campusData.servers', 'account/campus-servers', `涉及校内数据服务的，服务器必须设置在校内（${cd.article}），请改为 campus 或停止校内数据服务`);
      if (d.status !== 'applied' && !d.campusData.approval)
        emit(a, 'campusData', 'account/campus-approval', `涉及校内数据服务的，须报${cd.approver}审批（${cd.article}），请填写 campusData.approval（审批部门、文号、日期）`);
      else if (d.campusData.approval && normalizeName(d.campusData.approval.by) !== normalizeName(cd.approver))
        emit(a, 'campusData.approval.by', 'account/campus-approver', `校内数据服务应由${cd.approver}审批（${cd.article}），不是${d.campusData.approval.by}`);
    }
    if (policy) {
      const tier = policy.tiers.find((t) => t.level === d.tier);
      if (!tier) emit(a, 'tier', 'tier/undefined', `管理办法中没有第 ${d.tier} 级平台`);
      else if (unit && !tier.unitKinds.includes(unit.data.kind))
        emit(a, 'tier', 'tier/unit-kind', `${tier.name}只适用于：${tier.description}；该单位的类型不符，请核对平台级别`);
    }
    // Dates in order.
    const ds = d.dates;
    const order: Array<[string, string | undefined]> =
      d.filing === 'new'
        ? [['dates.applied', ds.applied], ['approval.date', d.approval?.date], ['dates.opened', ds.opened], ['dates.closed', ds.closed]]
        : [['dates.opened', ds.opened], ['dates.closed', ds.closed]];
    if (d.filing === 'backfill') {
      const pairs: Array<[string, string | undefined, string, string | undefined]> = [['dates.applied', ds.applied, 'approval.date', d.approval?.date]];
      for (const [fa, va, fb, vb] of pairs) if (va && vb && va > vb) emit(a, fb, 'date/order', `${label(fb)}不能早于${label(fa)}`);
    }
    let prev: [string, string] | undefined;
    for (const [field, v] of order) {
      if (!v) continue;
      if (prev && v < prev[1]) emit(a, field, 'date/order', `${label(field)}不能早于${label(prev[0])}`);
      prev = [field, v];
    }
    if (d.filing === 'new' && ds.applied && ds.plannedOpening && ds.plannedOpening < ds.applied)
      emit(a, 'dates.plannedOpening', 'date/order', '拟开通时间不能早于申请时间');
    const past: Array<[string, string | undefined]> = [
      ['dates.applied', ds.applied],
      ['dates.opened', ds.opened],
      ['dates.closed', ds.closed],
      ['approval.date', d.approval?.date],
      ...d.history.map((h, i): [string, string] => [`history[${i}].date`, h.date]),
    ];
    for (const [field, v] of past) if (v && dayNumber(v) > today) emit(a, field, 'date/future', `${label(field)}不能晚于今天（${opts.today}）`);
    d.history.forEach((h, i) => {
      if (ds.opened && h.date < ds.opened && h.kind !== 'keys') emit(a, `history[${i}].date`, 'date/order', '变更日期不能早于开通时间', 'warning');
    });
    // Uniqueness among active accounts.
    if (d.status === 'active') {
      d.keys.forEach((k, i) => {
        const ks = keyString(d.platform, k.kind, k.value);
        const other = keyOwner.get(ks);
        if (other) {
          emit(a, `keys[${i}].value`, 'key/duplicate', `该账号标识已被正常运营的账号 ${other} 登记，同一账号只能备案一次`);
          alsoTellFirst('key', ks, 'key/duplicate', (o) => `该账号标识又被 ${o} 登记，同一账号只能备案一次`, a);
        } else {
          keyOwner.set(ks, a.file);
          remember('key', ks, a, `keys[${i}].value`);
        }
      });
      // Duplicate names are per platform (a school's name is the same everywhere); `other` is split by
      // the platform it names (platformOther), so one school on two unlisted platforms is not a duplicate.
      const platformKey = d.platform === 'other' ? `other/${normalizeName(d.platformOther ?? '')}` : d.platform;
      const nk = `${platformKey}:${normalizeName(d.name)}`;
      const otherName = nameOwner.get(nk);
      if (otherName) {
        emit(a, 'name', 'name/duplicate', `同一平台上已有同名的正常运营账号 ${otherName}`);
        alsoTellFirst('name', nk, 'name/duplicate', (o) => `同一平台上的 ${o} 与本账号同名`, a);
      } else {
        nameOwner.set(nk, a.file);
        remember('name', nk, a, 'name');
      }
      if (d.link) {
        const otherLink = linkOwner.get(d.link);
        if (otherLink) {
          emit(a, 'link', 'link/duplicate', `该链接已被账号 ${otherLink} 登记`);
          alsoTellFirst('link', d.link, 'link/duplicate', (o) => `该链接又被账号 ${o} 登记`, a);
        } else {
          linkOwner.set(d.link, a.file);
          remember('link', d.link, a, 'link');
        }
      }
      // The ID a student sees on the account's page and pastes into the verifier (抖音号, 微信号 …).
      const visible = findPlatform(d.platform)?.visibleId;
      if (visible && !d.keys.some((k) => visible.kinds.includes(k.kind))) {
        const severity = policy?.verify?.requireVisibleId === 'error' ? 'error' : 'warning';
        emit(a, 'keys', 'account/visible-id', `正常运营的账号应登记${visible.label}（keys 中 kind 为 ${visible.kinds.join(' 或 ')}）：学生核验时粘贴的是它，未登记会被告知“未找到”`, severity);
      }
      // Platforms with no durable public id (微信群, 企业微信群, 钉钉群: PLATFORMS.md) are known by
      // name, unit and owner instead, so they are exempt.
      const keyless = (findPlatform(d.platform)?.keys.length ?? 1) === 0;
      if (d.keys.length === 0 && !d.link && !keyless)
        emit(a, 'keys', 'account/no-key', '正常运营的账号须至少登记一个账号标识（keys）或链接（link），以便公众核验');
    }
    // 网站 and APP download pages: on the school's domains (issue 13 item 6; the schema checks the
    // other platforms' hosts, it has no policy).
    if (policy && (d.platform === 'website' || d.platform === 'app')) {
      const domains = policy.school.domains;
      const problem = d.link ? linkProblem(d.platform, d.link, domains) : null;
      if (problem) emit(a, 'link', 'link/domain', problem);
      d.keys.forEach((k, i) => {
        const p = k.kind === 'url' || k.kind === 'short' ? linkProblem(d.platform, k.value, domains) : null;
        if (p) emit(a, `keys[${i}].value`, 'link/domain', p);
      });
    }
    if (d.approval) {
      const other = approvalOwner.get(d.approval.number);
      if (other) {
        emit(a, 'approval.number', 'approval/duplicate', `审批号 ${d.approval.number} 已被 ${other} 使用，审批号不能重复`);
        alsoTellFirst('approval', d.approval.number, 'approval/duplicate', (o) => `审批号 ${d.approval!.number} 又被 ${o} 使用，审批号不能重复`, a);
      } else {
        approvalOwner.set(d.approval.number, a.file);
        remember('approval', d.approval.number, a, 'approval.number');
      }
    }
  }

}

/** Annual reviews and push lists: each refers to an account and to each other; dates make sense. */
function checkReviews(ctx: RuleContext): void {
  const { reg, opts, policy, today, out, emit, unreadable, accounts, accountKnown } = ctx;
  const pushLists = new Set(reg.pushLists.map((p) => p.file));
  const reviewed = new Set<string>();
  const latestYear = new Map<string, number>();
  for (const r of reg.reviews) latestYear.set(r.data.account, Math.max(latestYear.get(r.data.account) ?? 0, r.data.year));
  for (const r of reg.reviews) {
    const d = r.data;
    reviewed.add(`reviews/${d.year}/${d.account}.pushes.csv`);
    const acc = accounts.get(d.account);
    if (!acc && !accountKnown(d.account)) emit(r, 'account', 'ref/account', `年审对应的账号 ${d.account} 不存在`);
    if (dayNumber(d.submitted) > today) emit(r, 'submitted', 'date/future', `提交日期不能晚于今天（${opts.today}）`);
    if (Number(d.submitted.slice(0, 4)) < d.year) emit(r, 'submitted', 'date/order', '年审提交日期不能早于所审年度');
    if (d.result.date && d.result.date < d.submitted) emit(r, 'result.date', 'date/order', '审核日期不能早于提交日期');
    if (d.pushList) {
      const path = `reviews/${d.year}/${d.pushList}`;
      if (d.pushList !== `${d.account}.pushes.csv`) emit(r, 'pushList', 'ref/pushlist', `推送清单文件名应为 ${d.account}.pushes.csv`);
      else if (!pushLists.has(path) && !unreadable('pushList', d.account)) emit(r, 'pushList', 'ref/pushlist', `找不到推送清单文件 ${path}`);
    } else if (policy?.annualReview.pushListRequired && acc && policy.annualReview.tiers.includes(acc.data.tier)) {
      // 002 第八条 (年审表 and 以电子文档形式报送年度推送内容清单): without the list the review is incomplete.
      emit(r, 'pushList', 'review/pushlist-missing', '管理办法要求以电子文档报送年度推送内容清单，缺清单的年审材料不完整：请附 <账号编号>.pushes.csv 并填写 pushList');
    }
    // 定期更新 (000 第十二条): an active account whose latest review records no pushes.
    if (policy?.annualReview.warnNoPushes && acc?.data.status === 'active' && d.pushes === 0) {
      if (d.year === latestYear.get(d.account))
        emit(r, 'pushes', 'review/no-pushes', `${d.year} 年度全年推送 0 条：管理办法要求平台信息定期及时更新，不再使用的应及时关闭并报备（${policy.articles?.updates ?? '登记系统默认'}）`, 'warning');
    }
  }
  for (const p of reg.pushLists)
    if (!reviewed.has(p.file) && !unreadable('review', p.account))
      out.push({ file: p.file, line: 1, column: 1, field: '', code: 'pushlist/orphan', message: `没有与该推送清单对应的年审表 reviews/${p.year}/${p.account}.yaml`, severity: 'error' });

}

/** Work groups: unit exists, dates in order, size within the policy. */
function checkGroups(ctx: RuleContext): void {
  const { reg, policy, today, opts, emit, unitKnown } = ctx;
  for (const g of reg.groups) {
    const d = g.data;
    if (!unitKnown(d.unit)) emit(g, 'unit', 'ref/unit', `所属部门 ${d.unit} 不存在（units/${d.unit}.yaml）`);
    if (d.dissolved && d.dissolved < d.created) emit(g, 'dissolved', 'date/order', '解散日期不能早于建群日期');
    if (d.dissolutionReported && (!d.dissolved || d.dissolutionReported < d.dissolved)) emit(g, 'dissolutionReported', 'date/order', '解散报备日期不能早于解散日期');
    for (const field of ['created', 'dissolved', 'dissolutionReported'] as const) {
      const v = d[field];
      if (v && dayNumber(v) > today) emit(g, field, 'date/future', `日期不能晚于今天（${opts.today}）`);
    }
    // 长期不使用的工作群应解散 (003 第十三条).
    if (policy?.groups.idleAfter && !d.dissolved && d.lastUsed && addDuration(d.lastUsed, policy.groups.idleAfter) < opts.today)
      emit(g, 'lastUsed', 'group/idle', `工作群自 ${d.lastUsed} 起未使用，超过 ${durationText(policy.groups.idleAfter)}：长期不使用的工作群应及时解散并报备（${policy.articles?.groups ?? '登记系统默认'}）`, 'warning');
    // A live group of a merged or dissolved unit must be taken over or dissolved.
    const gu = ctx.units.get(d.unit)?.data;
    if (!d.dissolved && gu && gu.status !== 'active')
      emit(g, 'unit', 'unit/group-not-reassigned', gu.successor ? `所属部门已${gu.status === 'merged' ? '合并' : '更名'}，请把工作群移交承继单位 ${gu.successor} 或解散` : '所属部门已撤销，工作群须移交其他部门或解散', 'warning');
    if (policy?.groups.maxMembers && d.members > policy.groups.maxMembers && !d.dissolved)
      emit(g, 'members', 'group/too-large', `群成员数量超过管理办法规定的上限 ${policy.groups.maxMembers} 人`, 'warning');
  }

}

/** Impostors: the imitated account exists; no registered key is listed as an impostor. */
function checkImpostors(ctx: RuleContext): void {
  const { reg, opts, today, emit, accountKnown, keyOwner } = ctx;
  for (const imp of reg.impostors) {
    const d = imp.data;
    if (d.imitates && !accountKnown(d.imitates)) emit(imp, 'imitates', 'ref/account', `仿冒的官方账号 ${d.imitates} 不存在`);
    if (d.confirmed < d.reported) emit(imp, 'confirmed', 'date/order', '确认日期不能早于发现日期');
    if (dayNumber(d.confirmed) > today) emit(imp, 'confirmed', 'date/future', `确认日期不能晚于今天（${opts.today}）`);
    d.keys.forEach((k, i) => {
      const owner = keyOwner.get(keyString(d.platform, k.kind, k.value));
      if (owner) emit(imp, `keys[${i}].value`, 'impostor/registered', `该账号标识属于已备案的正常运营账号 ${owner}，不能同时列为冒用账号`);
    });
  }
}

const LABELS: Record<string, string> = {
  'dates.applied': '申请时间',
  'dates.plannedOpening': '拟开通时间',
  'dates.opened': '开通时间',
  'dates.closed': '停办时间',
  'approval.date': '审批日期',
};
function label(field: string): string {
  return LABELS[field] ?? (field.startsWith('history') ? '变更日期' : field);
}
