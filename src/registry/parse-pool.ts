/**
 * Parses many files on several cores: the YAML parser dominates a large registry's validation.
 * The calling thread parses one share itself while worker threads parse the others.
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ParseResult } from '../domain/index.ts';
import { readAndParse } from './read.ts';

function parseInWorker(root: string, rels: string[], linkHosts: readonly string[]): Promise<ParseResult[]> {
  return new Promise((resolve, reject) => {
    // Node 24 strips the types of the .ts core itself, so the worker needs no loader (execArgv: []);
    // a larger young generation suits the YAML parser's many short-lived objects.
    const worker = new Worker(new URL('./parse-worker.ts', import.meta.url), {
      workerData: { root, rels, linkHosts: [...linkHosts] },
      execArgv: [],
      resourceLimits: { maxYoungGenerationSizeMb: 64 },
    });
    worker.once('message', (m: ParseResult[]) => resolve(m));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`解析线程异常退出（${code}）`)));
  });
}

/** Parses `rels` on `threads` threads (this one included); results come back in the order of `rels`. */
export async function parseInParallel(root: string, rels: string[], linkHosts: readonly string[], threads = Math.min(availableParallelism(), 4)): Promise<ParseResult[]> {
  const shares: string[][] = Array.from({ length: threads }, () => []);
  rels.forEach((rel, i) => shares[i % threads]!.push(rel));
  const workers = shares.slice(1).map((share) => parseInWorker(root, share, linkHosts));
  const mine = shares[0]!.map((rel) => {
    const { text: _text, ...result } = readAndParse(root, rel, linkHosts);
    return result;
  });
  const parts = [mine, ...(await Promise.all(workers))];
  return rels.map((_, i) => parts[i % threads]![Math.floor(i / threads)]!);
}
