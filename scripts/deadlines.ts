/**
 * Lists every deadline obligation on a date (apply, backfill, change, closure, annual review …), grouped by unit.
 * Run: npm run deadlines -- [--content DIR] [--today YYYY-MM-DD] [--json] [--unit ID]
 */
import {
  NOTICE_DAYS,
  OBLIGATION_STATE_LABELS,
  describeObligation,
  findObligations,
  toObligationJson,
  type Obligation,
  type Registry,
} from '../src/domain/index.ts';
import { loadRegistry } from '../src/registry/load.ts';
import { EXIT, REGISTRY_OPTIONS, UsageError, parseCli, resolveContentDir, resolveToday, run } from './lib/cli.ts';

const USAGE = `用法：npm run deadlines -- [--content 文件夹] [--today YYYY-MM-DD] [--json] [--unit 单位编号]
  --content   登记数据文件夹（默认 content）
  --today     按该日期计算（默认北京时间今天）
  --json      以 JSON 输出：{"today","obligations":[{"kind","unit","account","group","due","state","daysLate","rule"}]}
  --unit      只列出该单位的事项
退出码：0 正常；1 管理办法配置文件有错误，无法计算；2 用法或读写错误`;

async function main(): Promise<number> {
  const { values } = parseCli(
    process.argv.slice(2),
    {
      ...REGISTRY_OPTIONS,
      unit: { type: 'string' },
    },
    USAGE,
  );
  const root = await resolveContentDir(values.content);
  const today = resolveToday(values.today);
  const { registry, findings } = await loadRegistry(root, { today });
  const errors = findings.filter((f) => f.severity === 'error').length;
  if (!registry.policy) {
    console.error(`无法计算期限：管理办法配置文件 policy.yaml 缺失或有错误。请先运行 npm run validate 查看并修改（共 ${errors} 个错误）。`);
    return EXIT.findings;
  }
  if (values.unit !== undefined && !registry.units.some((u) => u.data.id === values.unit))
    throw new UsageError(`找不到单位 ${values.unit}（units/${values.unit}.yaml）`);
  // The registry may have errors in other files: compute on what reads cleanly, and say so.
  if (errors > 0)
    console.error(`注意：登记数据有 ${errors} 个错误（运行 npm run validate 查看），有错误的文件未计入以下结果。`);

  const all = findObligations(registry, registry.policy.data, today);
  const obligations = values.unit === undefined ? all : all.filter((o) => o.unit === values.unit);
  if (values.json) console.log(JSON.stringify({ today, obligations: obligations.map(toObligationJson) }, null, 2));
  else console.log(renderReport(registry, obligations, today));
  return EXIT.ok;
}

/** The Chinese report: a summary line, then each unit's obligations. */
function renderReport(registry: Registry, obligations: Obligation[], today: string): string {
  const unitName = new Map(registry.units.map((u) => [u.data.id, u.data.name]));
  const accountName = new Map(registry.accounts.map((a) => [a.data.id, a.data.name]));
  const open = (s: Obligation['state']) => obligations.filter((o) => o.state === s && !o.filed).length;
  const lines = [
    `截至 ${today}（北京时间），共 ${obligations.length} 项备案事项：已逾期 ${open('overdue')} 项，今天到期 ${open('due')} 项，即将到期 ${open('upcoming')} 项，近 ${NOTICE_DAYS} 天内逾期办理 ${obligations.filter((o) => o.filed).length} 项。`,
  ];
  if (obligations.length === 0) {
    lines.push('没有需要办理的事项。');
    return lines.join('\n');
  }
  let last = '';
  for (const o of obligations) {
    if (o.unit !== last) {
      lines.push('', `【${unitName.get(o.unit) ?? o.unit}】（${o.unit}）`);
      last = o.unit;
    }
    // A late filing already made reads differently from one still owed.
    const tag = o.filed ? `逾期 ${o.daysLate} 天后已办理` : o.state === 'overdue' ? `${OBLIGATION_STATE_LABELS.overdue} ${o.daysLate} 天` : OBLIGATION_STATE_LABELS[o.state];
    const name = o.account && accountName.get(o.account) ? `「${accountName.get(o.account)}」` : '';
    lines.push(`  [${tag}] ${describeObligation(o)}${name ? ` ${name}` : ''}`);
  }
  return lines.join('\n');
}

await run(main);
