/**
 * Parses many files on several cores: the YAML parser dominates a large registry's validation.
 * The calling thread and worker threads take chunks of files from one shared counter, so the
 * work balances itself (a worker starts later than this thread, and runs colder).
 */
import { availableParallelism } from 'node:os';
import { Worker } from 'node:worker_threads';
import type { ParseResult } from '../domain/index.ts';
import { parseChunks } from './read.ts';

/** Files a thread takes at a time from the shared counter. */
const CHUNK = 64;

function startWorker(root: string, rels: string[], linkHosts: readonly string[], counter: Int32Array): Promise<Array<[number, ParseResult]>> {
  return new Promise((resolve, reject) => {
    // Node 24 strips the types of the .ts core itself, so the worker needs no loader (execArgv: []);
    // a larger young generation suits the YAML parser's many short-lived objects.
    const worker = new Worker(new URL('./parse-worker.ts', import.meta.url), {
      workerData: { root, rels, linkHosts: [...linkHosts], counter, chunk: CHUNK },
      execArgv: [],
      resourceLimits: { maxYoungGenerationSizeMb: 64 },
    });
    worker.once('message', (m: Array<[number, ParseResult]>) => resolve(m));
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`解析线程异常退出（${code}）`)));
  });
}

/** Parses `rels` on `threads` threads (this one included); results come back in the order of `rels`. */
export async function parseInParallel(root: string, rels: string[], linkHosts: readonly string[], threads = Math.min(availableParallelism(), 4)): Promise<ParseResult[]> {
  const counter = new Int32Array(new SharedArrayBuffer(4));
  const workers = Array.from({ length: Math.max(0, threads - 1) }, () => startWorker(root, rels, linkHosts, counter));
  // Let the workers' start-up begin, then parse here too, one chunk at a time.
  await new Promise((r) => setImmediate(r));
  const mine = parseChunks(root, rels, linkHosts, counter, CHUNK);
  const results: ParseResult[] = new Array(rels.length);
  for (const part of [mine, ...(await Promise.all(workers))]) for (const [i, r] of part) results[i] = r;
  return results;
}
