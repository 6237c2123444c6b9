/**
 * `.github/CODEOWNERS` generated from the units' owners: each unit reviews its own filings, a
 * class's or club's parent unit (院系 / 校团委) reviews them too, and the managing office owns
 * everything. Pure: units and policy in, file text out.
 */
import type { Filing } from './filing.ts';
import type { Registry } from './registry.ts';
import type { Unit } from './schema/unit.ts';

/** Where the registry's data sits inside the repository. */
export const CONTENT_PREFIX = 'content';

/** The GitHub owners of the managing office (the policy's `office.unit`), deduplicated. */
export function officeOwners(reg: Pick<Registry, 'policy' | 'units'>): string[] {
  const id = reg.policy?.data.office.unit;
  const office = id ? reg.units.find((u) => u.data.id === id) : undefined;
  return dedupe(office?.data.owners ?? []);
}

/** Owners who review a unit's filings: the unit, its parent chain (the supervising bodies), the office. */
export function reviewersOfUnit(reg: Pick<Registry, 'policy' | 'units'>, unitId: string): string[] {
  const byId = new Map(reg.units.map((u) => [u.data.id, u]));
  const out: string[] = [];
  const seen = new Set<string>();
  let cur: Filing<Unit> | undefined = byId.get(unitId);
  while (cur && !seen.has(cur.data.id)) {
    seen.add(cur.data.id);
    out.push(...cur.data.owners);
    cur = cur.data.parent ? byId.get(cur.data.parent) : undefined;
  }
  return dedupe([...out, ...officeOwners(reg)]);
}

/**
 * The CODEOWNERS text. Later lines win in CODEOWNERS, so every line repeats the office's owners:
 * the office reviews everything, units review only their own folders. It depends on the units
 * alone (annual reviews, filed by account, are the office's: 宣传部 runs the annual review), so
 * it goes stale only when a unit file changes.
 */
export function renderCodeowners(reg: Pick<Registry, 'policy' | 'units'>): string {
  const office = officeOwners(reg);
  const officeList = office.length ? office.join(' ') : '@OFFICE-TEAM-NOT-SET';
  const lines = [
    '# 由 npm run setup:repo 根据 content/units/*.yaml 的 owners 自动生成，请勿手工修改。',
    '# Generated from the units\' owners by `npm run setup:repo -- --write-codeowners`; a test fails when it is stale.',
    '# 归口管理部门审核全部文件；各单位（及其上级单位）审核本单位的备案。',
    '',
    `* ${officeList}`,
    `/.github/ ${officeList}`,
    `/${CONTENT_PREFIX}/policy.yaml ${officeList}`,
    `/${CONTENT_PREFIX}/units/ ${officeList}`,
    '',
  ];
  const units = [...reg.units].sort((a, b) => a.data.id.localeCompare(b.data.id));
  for (const u of units) {
    const owners = reviewersOfUnit(reg, u.data.id);
    if (owners.length === office.length) continue; // no owners beyond the office: the catch-all applies
    const list = owners.join(' ');
    lines.push(`# ${u.data.name}`);
    lines.push(`/${CONTENT_PREFIX}/accounts/${u.data.id}/ ${list}`);
    lines.push(`/${CONTENT_PREFIX}/groups/${u.data.id}/ ${list}`);
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function dedupe(list: readonly string[]): string[] {
  const seen = new Set<string>();
  return list.filter((x) => {
    const k = x.toLowerCase();
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
