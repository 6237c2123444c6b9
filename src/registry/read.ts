/** Reading one registry file from disk: size limit and strict UTF-8, then the core's parser. */
import { closeSync, constants, fstatSync, openSync, readSync } from 'node:fs';
import path from 'node:path';
// The parse path only (not the whole core): worker threads start faster without the rules'
// pinyin and OpenCC tables.
import { parseFile, type ParseResult } from '../domain/filing.ts';
import type { Finding } from '../domain/findings.ts';
import type { PresetTexts } from '../domain/presets.ts';

const MAX_FILE_BYTES = 256 * 1024;
const decoder = new TextDecoder('utf-8', { fatal: true });

/** Reads `rel` under `root` as strict UTF-8 text, or returns the finding that says why not. Never throws. */
// Synchronous on purpose: for thousands of small files, sync reads are several times faster than
// fs/promises round trips, and nothing else runs meanwhile in a command-line tool or a build.
// The file is opened without following a symlink (O_NOFOLLOW) and without blocking on a FIFO or
// device (O_NONBLOCK), then checked to be a regular file of bounded size before a byte is read:
// a path swapped for a link to /dev/zero or a FIFO after listing is still never read or waited on.
export function readText(root: string, rel: string): { text?: string; finding?: Finding } {
  const fail = (code: string, message: string) => ({ finding: { file: rel, line: 1, column: 1, field: '', code, message, severity: 'error' as const } });
  let fd: number | undefined;
  try {
    fd = openSync(path.join(root, rel), constants.O_RDONLY | constants.O_NOFOLLOW | constants.O_NONBLOCK);
    const st = fstatSync(fd);
    if (!st.isFile()) return fail('file/unexpected', '这里应为普通文件（不能是设备、管道或其他特殊文件）');
    if (st.size > MAX_FILE_BYTES) return fail('file/too-large', `文件超过 ${MAX_FILE_BYTES / 1024} KB，请精简内容`);
    const buf = Buffer.alloc(st.size);
    let got = 0;
    while (got < st.size) {
      const n = readSync(fd, buf, got, st.size - got, got);
      if (n === 0) break;
      got += n;
    }
    try {
      return { text: decoder.decode(buf.subarray(0, got)) };
    } catch {
      const raw = buf.subarray(0, got);
      // zh-CN Excel's plain "CSV (逗号分隔)" and Notepad's "ANSI" write GBK: say so, and how to re-save.
      if (looksLikeGbk(raw))
        return fail(
          'file/encoding',
          rel.endsWith('.csv')
            ? '文件是 GBK 编码（Excel“CSV（逗号分隔）”格式），请在 Excel 中“另存为”并选择“CSV UTF-8（逗号分隔）”后重新提交'
            : '文件是 GBK 编码，请改用 UTF-8 保存（记事本“另存为”时编码选择 UTF-8）',
        );
      return fail('file/encoding', '文件不是 UTF-8 编码，请用 UTF-8 保存（记事本“另存为”时选择 UTF-8；Excel 请选“CSV UTF-8（逗号分隔）”）');
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    if (code === 'ELOOP') return fail('file/symlink', '不允许使用符号链接，请放入真实文件');
    return fail('file/unreadable', `无法读取这个文件${code ? `（${code}）` : ''}，请重新提交`);
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

const gbk = new TextDecoder('gbk', { fatal: true });

/** True when `buf` decodes as GBK and holds Chinese characters (so it is not just broken UTF-8). */
function looksLikeGbk(buf: Buffer): boolean {
  try {
    return /[\u4e00-\u9fff]/.test(gbk.decode(buf));
  } catch {
    return false;
  }
}

/** Reads and parses one file; never throws (unreadable files and bad content are findings). */
export function readAndParse(root: string, rel: string, linkHosts: readonly string[], presets?: PresetTexts): ParseResult & { text?: string } {
  const read = readText(root, rel);
  if (read.finding) return { findings: [read.finding] };
  return { ...parseFile(rel, read.text!, { linkHosts, presets }), text: read.text };
}

/** Parses chunks of `rels`, claiming each chunk from the shared `counter`, until none are left. */
export function parseChunks(root: string, rels: string[], linkHosts: readonly string[], counter: Int32Array, chunk: number): Array<[number, ParseResult]> {
  const out: Array<[number, ParseResult]> = [];
  for (;;) {
    const start = Atomics.add(counter, 0, chunk);
    if (start >= rels.length) return out;
    for (let i = start; i < Math.min(start + chunk, rels.length); i++) {
      const { text: _text, ...result } = readAndParse(root, rels[i]!, linkHosts);
      out.push([i, result]);
    }
  }
}
