/** Worker thread: reads and parses a share of the registry's files (see parse-pool.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { readAndParse } from './read.ts';

// The yaml library reads process.env.LOG_TOKENS for every token; a plain-object copy of the
// environment makes that lookup cheap (it is a slow native getter otherwise).
process.env = { ...process.env };

const { root, rels, linkHosts } = workerData as { root: string; rels: string[]; linkHosts: string[] };
const t0 = performance.now();
const results = [];
for (const rel of rels) {
  const { text: _text, ...result } = readAndParse(root, rel, linkHosts);
  results.push(result);
}
const t1 = performance.now();
parentPort!.postMessage(results);
if (process.env.PARSE_DEBUG) console.error('worker parse', Math.round(t1 - t0), 'post', Math.round(performance.now() - t1));
