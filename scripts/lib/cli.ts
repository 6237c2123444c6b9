/** Shared plumbing for the command-line tools: arguments, the content folder, today, exit codes. */
import { stat } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { beijingDate, isRealDate } from '../../src/domain/dates.ts';

/** Exit codes promised to users' scripts. */
export const EXIT = { ok: 0, findings: 1, usage: 2 } as const;

export class UsageError extends Error {}

/** The options every registry command takes: --content DIR, --today YYYY-MM-DD, --json. */
export const REGISTRY_OPTIONS = {
  content: { type: 'string' },
  today: { type: 'string' },
  json: { type: 'boolean', default: false },
} as const;

/** Thrown by parseCli for -h/--help: run() prints the usage and exits 0. */
export class HelpRequested extends Error {}

/** Parses argv with node:util (plus -h/--help for every command), turning its errors into a Chinese usage error. */
export function parseCli<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, usage: string) {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options: { ...options, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    const name = /'([^']+)'/.exec(e.message)?.[1] ?? '';
    const said =
      e.code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION'
        ? `不认识的选项 ${name}`
        : e.code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE'
          ? `选项 ${name.split(' ')[0]} 的值不正确（是否漏写了值？）`
          : e.code === 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL'
            ? `多余的参数 ${name}`
            : e.message;
    throw new UsageError(`${said}\n\n${usage}`);
  }
  if ((parsed.values as { help?: boolean }).help) throw new HelpRequested(usage);
  return parsed as unknown as ReturnType<typeof parseArgs<{ options: T; allowPositionals: true; strict: true }>>;
}

/** The registry folder: `--content`, else $REGISTRY_CONTENT, else ./content. */
export async function resolveContentDir(flag: string | undefined): Promise<string> {
  const dir = path.resolve(flag ?? process.env.REGISTRY_CONTENT ?? 'content');
  const s = await stat(dir).catch(() => undefined);
  if (!s?.isDirectory()) throw new UsageError(`找不到登记数据文件夹：${dir}`);
  return dir;
}

/** `--today` or today's date in Beijing. */
export function resolveToday(flag: string | undefined): string {
  if (flag === undefined) return beijingDate(new Date());
  if (!isRealDate(flag)) throw new UsageError(`--today 应为 YYYY-MM-DD 格式的真实日期`);
  return flag;
}

/** Runs `main`, mapping usage and I/O errors to exit 2 with a one-line message (no stack trace). */
export async function run(main: () => Promise<number>): Promise<void> {
  // The yaml library reads process.env.LOG_TOKENS for every token; a plain-object copy of the
  // environment makes that lookup cheap (the native getter costs seconds on a large registry).
  process.env = { ...process.env };
  try {
    process.exitCode = await main();
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (err instanceof HelpRequested) {
      console.log(e.message);
      process.exitCode = EXIT.ok;
      return;
    }
    if (err instanceof UsageError) console.error(`用法错误：${e.message}`);
    else if (e.code) console.error(`读写文件出错（${e.code}）：${e.path ?? e.message}`);
    else console.error(`内部错误：${e.message}`);
    process.exitCode = EXIT.usage;
  }
}

/** Escapes a GitHub Actions workflow-command value. */
export function escapeAnnotation(s: string, property = false): string {
  let out = s.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
  if (property) out = out.replace(/:/g, '%3A').replace(/,/g, '%2C');
  return out;
}
