/**
 * Push lists (年度推送内容清单) as zh-CN Excel saves them: `2025/1/14` dates, CRLF line ends, a
 * byte-order mark, Chinese headers, trailing empty columns. Problems are reported on the right line
 * with a Chinese message saying what to fix; a GBK file (Excel's plain "CSV") gets a clear message.
 */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, test } from 'vitest';
import { parseFile } from '../src/domain/filing.ts';
import { readText } from '../src/registry/read.ts';

const FILE = 'reviews/2025/jwc-wechat.pushes.csv';
const parse = (text: string) => parseFile(FILE, text);

describe('push lists saved by Excel', () => {
  test('accepts 2025/1/14, 2025-1-4, 2025.3.5 and 2025年3月5日 dates, CRLF line ends and a BOM', () => {
    const text = '\uFEFFdate,title,url\r\n2025/1/14,寒假通知,https://mp.weixin.qq.com/s/abc\r\n2025-1-4,"标题,含逗号",\r\n2025.3.5,三月,\r\n2025年3月5日,三月二,\r\n2025/12/31 0:00,年末,\r\n';
    const r = parse(text);
    expect(r.findings).toEqual([]);
    expect(r.parsed?.kind === 'pushList' && r.parsed.filing.rows).toBe(5);
  });

  test('accepts the Chinese header 日期,标题,链接 and trailing empty columns Excel adds', () => {
    const r = parse('日期,标题,链接\r\n2025/1/14,寒假通知,,\r\n,,\r\n');
    expect(r.findings).toEqual([]);
  });

  test('reports a bad date in a CRLF file on its own line (4), not one line off, with a Chinese fix', () => {
    const r = parse('\uFEFFdate,title,url\r\n2025/1/14,一,\r\n2025/1/15,二,\r\n2025/13/1,三,\r\n2025/1/16,四,\r\n');
    expect(r.findings.map((f) => [f.code, f.line])).toEqual([['pushlist/date', 4]]);
    expect(r.findings[0]!.message).toMatch(/第 4 行.*2025-01-14/);
  });

  test('reports a bad link on the right line and says what to write', () => {
    const r = parse('date,title,url\r\n2025/1/14,一,\r\n2025/1/15,二,http://x.example.com/a\r\n');
    expect(r.findings.map((f) => [f.code, f.line])).toEqual([['pushlist/url', 3]]);
    expect(r.findings[0]!.message).toContain('https://');
  });

  test('a date outside the review year names the year', () => {
    const r = parse('date,title,url\n2024/12/31,去年,\n');
    expect(r.findings.map((f) => [f.code, f.line])).toEqual([['pushlist/year', 2]]);
    expect(r.findings[0]!.message).toContain('2025');
  });

  test('a GBK-encoded file (Excel "CSV (逗号分隔)") gets a message naming GBK and how to re-save', async () => {
    const dir = await mkdtemp(path.join(os.tmpdir(), 'gbk-'));
    try {
      await mkdir(path.join(dir, 'reviews/2025'), { recursive: true });
      // "date,title,url\r\n2025-01-14,标题一,\r\n" in GBK.
      const gbk = Buffer.from([100, 97, 116, 101, 44, 116, 105, 116, 108, 101, 44, 117, 114, 108, 13, 10, 50, 48, 50, 53, 45, 48, 49, 45, 49, 52, 44, 177, 234, 204, 226, 210, 187, 44, 13, 10]);
      await writeFile(path.join(dir, FILE), gbk);
      const r = readText(dir, FILE);
      expect(r.text).toBeUndefined();
      expect(r.finding?.code).toBe('file/encoding');
      expect(r.finding?.message).toContain('GBK');
      expect(r.finding?.message).toContain('CSV UTF-8');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
