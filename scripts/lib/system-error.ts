/**
 * The system error code (ECONNREFUSED, ENOTFOUND, ECONNRESET …) of a request that got no answer.
 * Node's fetch rejects with TypeError('fetch failed') and puts the system error in `cause`;
 * octokit wraps that TypeError once more. The code is the first one found along the chain, at most `depth` causes down.
 */
export function systemErrorCode(err: unknown, depth: number): string | undefined {
  let e = err as { code?: unknown; cause?: unknown } | undefined;
  for (let i = 0; i <= depth && e && typeof e === 'object'; i++) {
    if (typeof e.code === 'string' && e.code) return e.code;
    e = e.cause as typeof e;
  }
  return undefined;
}
