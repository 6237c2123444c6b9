/**
 * The hardening policy for GitHub Actions workflows, checked on the YAML text: read-only top-level
 * permissions, actions pinned by full commit SHA with a version comment, checkout without persisted
 * credentials, no untrusted expressions inside `run:`, no PR code checked out by privileged
 * triggers, a timeout on every job and a concurrency group. Pure: text in, problems out.
 */
import { parseDocument, isMap, isSeq, isScalar, type Node } from 'yaml';

export interface WorkflowProblem {
  file: string;
  line: number;
  rule: string;
  message: string;
}

/**
 * Expressions whose values an outsider controls: never expand them inside a shell script. The
 * whole payload counts too (`toJSON(github.event)`, `github.event['…']`).
 */
const UNTRUSTED = /\b(github\.event\b|github\.head_ref\b|inputs\.)/;
const EXPR = /\$\{\{([^}]*)\}\}/g;
/** Refs that point at a pull request's code. */
const PR_CODE_REF = /(pull_request\.head|github\.head_ref|workflow_run\.head|refs\/pull\/|merge_commit_sha|issue\.pull_request)/;
/** Shell commands that fetch a pull request's code. */
const PR_CODE_RUN = /\bgh\s+pr\s+checkout\b|\bgit\s+fetch\b[^\n]*\b(pull\/|refs\/pull)/;

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

/** Checks one workflow file's text against the hardening policy. */
export function checkWorkflowPolicy(file: string, text: string): WorkflowProblem[] {
  const problems: WorkflowProblem[] = [];
  const doc = parseDocument(text, { keepSourceTokens: false });
  const lineOf = (node: Node | null | undefined) => {
    const off = node?.range?.[0] ?? 0;
    return text.slice(0, off).split('\n').length;
  };
  const add = (node: Node | null | undefined, rule: string, message: string) => problems.push({ file, line: lineOf(node), rule, message });
  if (doc.errors.length) {
    add(undefined, 'yaml', `YAML 无法解析：${doc.errors[0]!.message.split('\n')[0]}`);
    return problems;
  }
  const wf = doc.toJS() as { [k: string]: Json } | null;
  if (!wf || typeof wf !== 'object') return [{ file, line: 1, rule: 'yaml', message: '不是工作流文件' }];
  const root = doc.contents;
  const get = (node: unknown, key: string): Node | undefined => (isMap(node) ? (node.get(key, true) as Node | undefined) : undefined);

  // Triggers.
  const on = wf.on ?? wf.true; // YAML 1.1 readers turn `on` into true; the yaml package keeps it.
  const triggers = typeof on === 'string' ? [on] : Array.isArray(on) ? on.map(String) : on && typeof on === 'object' ? Object.keys(on) : [];
  // Triggers that run with the base repository's token and secrets on an outsider's event.
  const privilegedTrigger = ['pull_request_target', 'workflow_run', 'issue_comment', 'pull_request_review_comment'].find((t) => triggers.includes(t));
  const privileged = !!privilegedTrigger;
  // Names of env values that carry an untrusted expression (workflow, job and step level): reading
  // them back as `${{ env.X }}` inside run is the same injection, laundered.
  const taintedEnv = (env: Json | undefined) =>
    env && typeof env === 'object' && !Array.isArray(env) ? Object.entries(env).filter(([, v]) => typeof v === 'string' && [...v.matchAll(EXPR)].some((m) => UNTRUSTED.test(m[1]!))).map(([k]) => k) : [];
  const topTainted = taintedEnv(wf.env);

  // Top-level permissions: {} or read-only.
  const perms = wf.permissions;
  if (perms === undefined) add(root as Node, 'permissions', '顶层必须声明 permissions（{} 或只读），写权限按作业单独授予');
  else if (!isReadOnly(perms)) add(get(root, 'permissions'), 'permissions', '顶层 permissions 只能是 {} 或只读；写权限请在需要的作业中单独授予');

  const topConcurrency = wf.concurrency !== undefined;
  const jobs = (wf.jobs && typeof wf.jobs === 'object' && !Array.isArray(wf.jobs) ? wf.jobs : {}) as Record<string, Json>;
  const jobsNode = get(root, 'jobs');
  for (const [id, job] of Object.entries(jobs)) {
    const jobNode = get(jobsNode, id);
    if (!job || typeof job !== 'object' || Array.isArray(job)) continue;
    const j = job as Record<string, Json>;
    if (j.permissions !== undefined && !(j.permissions && typeof j.permissions === 'object' && !Array.isArray(j.permissions)) && j.permissions !== 'read-all')
      add(get(jobNode, 'permissions'), 'job-permissions', `作业 ${id} 的 permissions 不能是 ${String(j.permissions)}：请逐项列出需要的权限`);
    const jobTainted = [...topTainted, ...taintedEnv(j.env)];
    if (j.uses === undefined && j['timeout-minutes'] === undefined) add(jobNode, 'timeout', `作业 ${id} 必须设置 timeout-minutes`);
    if (!topConcurrency && j.concurrency === undefined) add(jobNode, 'concurrency', `作业 ${id} 必须属于一个 concurrency 组（在工作流或作业上设置）`);
    if (typeof j.uses === 'string') checkUses(j.uses, get(jobNode, 'uses'));
    const stepsNode = get(jobNode, 'steps');
    const steps = Array.isArray(j.steps) ? j.steps : [];
    steps.forEach((step, i) => {
      if (!step || typeof step !== 'object' || Array.isArray(step)) return;
      const s = step as Record<string, Json>;
      const stepNode = isSeq(stepsNode) ? (stepsNode.items[i] as Node) : undefined;
      if (typeof s.run === 'string') {
        const tainted = new Set([...jobTainted, ...taintedEnv(s.env)]);
        const exprs = [...s.run.matchAll(EXPR)].map((m) => m[1]!);
        const laundered = exprs.map((e) => /\benv\.([A-Za-z_][A-Za-z0-9_]*)/.exec(e)?.[1]).find((n) => n && tainted.has(n));
        if (exprs.some((e) => UNTRUSTED.test(e)))
          add(get(stepNode, 'run'), 'run-injection', `作业 ${id} 的 run 脚本中直接展开了外部可控的表达式（github.event 等）；请通过 env 传入，并在脚本中以 "$变量" 读取`);
        else if (laundered)
          add(get(stepNode, 'run'), 'run-injection', `作业 ${id} 的 run 脚本以表达式 \${{ env.${laundered} }} 读回了外部可控的值，等同直接展开；请在脚本中以 "$${laundered}" 读取`);
        if (privileged && PR_CODE_RUN.test(s.run)) add(get(stepNode, 'run'), 'privileged-checkout', `${privilegedTrigger} 工作流不得获取 PR 的代码`);
      }
      if (typeof s.uses === 'string') {
        checkUses(s.uses, get(stepNode, 'uses'));
        const w = (s.with && typeof s.with === 'object' && !Array.isArray(s.with) ? s.with : {}) as Record<string, Json>;
        if (/^actions\/checkout@/.test(s.uses)) {
          if (w['persist-credentials'] !== false && w['persist-credentials'] !== 'false')
            add(get(stepNode, 'uses'), 'persist-credentials', `作业 ${id} 的 actions/checkout 必须设置 persist-credentials: false`);
          if (privileged && (typeof w.ref === 'string' && PR_CODE_REF.test(w.ref) || typeof w.repository === 'string' && /head/.test(w.repository)))
            add(get(stepNode, 'uses'), 'privileged-checkout', `${privilegedTrigger} 工作流不得检出 PR 的代码`);
        }
      }
    });
  }

  function checkUses(uses: string, node: Node | undefined) {
    if (uses.startsWith('./') || uses.startsWith('docker://')) return;
    const m = /@([^\s@]+)$/.exec(uses);
    if (!m || !/^[0-9a-f]{40}$/.test(m[1]!)) {
      add(node, 'pin', `${uses} 必须固定到完整的提交 SHA（40 位），并在行尾注明版本，如 # v4.2.2`);
      return;
    }
    const line = text.split('\n')[lineOf(node) - 1] ?? '';
    if (!/#\s*v\d/.test(line)) add(node, 'pin-comment', `${uses} 行尾须注明对应版本，如 # v4.2.2`);
  }
  return problems;
}

function isReadOnly(perms: Json): boolean {
  if (perms === 'read-all') return true;
  if (perms && typeof perms === 'object' && !Array.isArray(perms)) return Object.values(perms).every((v) => v === 'read' || v === 'none');
  return false;
}

// Keep the scalar helper referenced for readers extending the checks.
void isScalar;
