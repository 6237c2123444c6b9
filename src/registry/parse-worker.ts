/** Worker thread: parses chunks of the registry's files claimed from a shared counter (see parse-pool.ts). */
import { parentPort, workerData } from 'node:worker_threads';
import { parseChunks } from './read.ts';

// The yaml library reads process.env.LOG_TOKENS for every token; a plain-object copy of the
// environment makes that lookup cheap (it is a slow native getter otherwise).
process.env = { ...process.env };

const { root, rels, linkHosts, counter, chunk } = workerData as { root: string; rels: string[]; linkHosts: string[]; counter: Int32Array; chunk: number };
parentPort!.postMessage(parseChunks(root, rels, linkHosts, counter, chunk));
