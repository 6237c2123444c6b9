/**
 * The PR bot's work: find the PR by head SHA, read the validate job's report as untrusted data,
 * keep one summary comment, set labels, request the unit owners' reviews. Who approves and which
 * units a PR touches come from trusted sources (the default branch's content and the PR's file
 * list from the API), never from the report.
 */
import { reviewersOfUnit, officeOwners } from '../../src/domain/codeowners.ts';
import { decideOfficeApproval } from '../../src/domain/office-approval.ts';
import type { Registry } from '../../src/domain/registry.ts';
import {
  CHANGE_KIND_LABELS,
  PR_COMMENT_MARKER,
  PrReportSchema,
  labelsFor,
  owningUnit,
  renderPrComment,
  type Approver,
  type PrReport,
} from '../../src/domain/pr-report.ts';
import {
  findPullRequestByHeadSha,
  listPullRequestFiles,
  listReviewers,
  requestOwnerReviews,
  syncLabels,
  upsertMarkedComment,
} from './api.ts';
import type { GitHubClient, RepoRef } from './client.ts';

/** Label prefixes the bot manages (others are left alone). */
export const MANAGED_LABEL_PREFIXES = ['备案:', '级别:', '单位:'];

export interface PrBotInput {
  headSha: string;
  /** The artifact's text, or undefined when the validate run produced none. */
  reportText: string | undefined;
  /** The registry on the default branch (trusted). */
  registry: Registry;
  runUrl?: string;
  /** Folder of the content inside the repository. */
  contentPrefix?: string;
}

export interface PrBotResult {
  pr?: number;
  comment?: 'created' | 'updated' | 'unchanged';
  labels?: { added: string[]; removed: string[] };
  reviewers?: { users: string[]; teams: string[]; refused: string[] };
  reportAccepted: boolean;
}

/** Reads the report: JSON with the strict schema, else undefined (treated as "no usable report"). */
export function readReport(text: string | undefined, headSha: string): PrReport | undefined {
  if (!text || text.length > 1_000_000) return undefined;
  try {
    const parsed = PrReportSchema.safeParse(JSON.parse(text));
    if (!parsed.success) return undefined;
    if (parsed.data.headSha && parsed.data.headSha !== headSha) return undefined;
    return parsed.data;
  } catch {
    return undefined;
  }
}

/** Runs the bot for the validate run of `headSha`. */
export async function runPrBot(client: GitHubClient, repo: RepoRef, input: PrBotInput): Promise<PrBotResult> {
  const pr = await findPullRequestByHeadSha(client, repo, input.headSha);
  if (!pr) return { reportAccepted: false };
  const prefix = `${input.contentPrefix ?? 'content'}/`;
  const files = (await listPullRequestFiles(client, repo, pr.number)).filter((f) => f.path.startsWith(prefix)).map((f) => f.path.slice(prefix.length));
  const reg = input.registry;
  const policy = reg.policy?.data;
  const tierName = (level: number) => policy?.tiers.find((t) => t.level === level)?.name ?? `${level}级平台`;

  const report = readReport(input.reportText, input.headSha);
  const fileSet = new Set(files);
  // Only report entries about files the PR really changes count.
  const changes = (report?.changes ?? []).filter((c) => fileSet.has(c.file));
  const units = [...new Set(files.map((f) => owningUnit(f, [reg])).filter((u): u is string => !!u && reg.units.some((x) => x.data.id === u)))].sort();
  const office = officeOwners(reg);
  // Who must approve: the same decision the required check makes (tier's approvers: the unit, or
  // for tier 3 its supervising unit), so the comment never promises an approval that does not count.
  const tierOf = (f: string) => changes.find((c) => c.file === f)?.tier ?? reg.accounts.find((a) => a.file === f)?.data.tier;
  const decision = decideOfficeApproval({
    registry: reg,
    files: files.map((f) => ({ path: prefix + f, ...(tierOf(f) ? { tiers: [tierOf(f)!] } : {}) })),
    author: pr.author,
    headSha: pr.headSha,
    reviews: [],
    isOwner: () => false,
    contentPrefix: input.contentPrefix,
  });
  const approvers: Approver[] = decision.required
    .filter((r) => r.role !== 'office')
    .map((r) => ({ unit: '', unitName: /（([^（）]+)）$/.exec(r.label)?.[1] ?? r.label, owners: r.owners, role: r.role === 'parent' ? 'parent' : 'unit' }));
  const chainOwners = units.flatMap((u) => reviewersOfUnit(reg, u));

  const body = report
    ? renderPrComment({ ...report, changes }, { officeName: policy?.office.name ?? '归口管理部门', officeOwners: office, approvers, tierName, runUrl: input.runUrl })
    : [
        PR_COMMENT_MARKER,
        '### ⚠️ 没有拿到本次提交的检查结果',
        '',
        '“检查备案”没有生成可读取的报告（可能是检查过程出错）。请打开该检查的运行记录查看原因，修改后重新提交。' + (input.runUrl ? `[查看检查记录](${input.runUrl})` : ''),
      ].join('\n');
  const comment = await upsertMarkedComment(client, repo, pr.number, PR_COMMENT_MARKER, body);

  // Labels: kinds from the report (checked against the real file list), units from the paths.
  const desired = new Set(labelsFor(changes, tierName).filter((l) => !l.startsWith('单位:')));
  for (const u of units) desired.add(`单位:${u}`);
  if (!report) for (const l of pr.labels) if (l.startsWith('备案:') || l.startsWith('级别:')) desired.add(l);
  if (files.length && report && changes.length === 0) desired.add(CHANGE_KIND_LABELS.other);
  const labels = await syncLabels(client, repo, pr.number, pr.labels, [...desired].sort(), MANAGED_LABEL_PREFIXES);

  // Reviews: the unit owners (and supervising units) who are users; teams, and the office, are
  // requested by CODEOWNERS (a workflow token cannot request teams).
  const officeSet = new Set(office.map((o) => o.toLowerCase()));
  let owners = chainOwners.filter((o) => !officeSet.has(o.toLowerCase()));
  if (owners.length === 0) owners = office;
  const reviewers = await requestOwnerReviews(client, repo, pr, [...new Set(owners)], await listReviewers(client, repo, pr.number));
  return { pr: pr.number, comment, labels, reviewers, reportAccepted: !!report };
}
