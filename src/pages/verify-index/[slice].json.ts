/**
 * The verify index, written at build time in slices: `verify-index/manifest.json`,
 * `verify-index/names.json` and one `verify-index/<hash prefix>.json` per key slice. Built from the
 * public projection only (src/domain/verify/build-index.ts); the verify page fetches what it needs.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../components/site-data.ts';
import { buildVerifyIndex, verifyIndexFiles } from '../../domain/verify/build-index.ts';
import { reportRepoFromEnv } from '../../registry/report-repo.ts';


let files: Promise<Record<string, unknown>> | undefined;

/** The index files, built once per build. */
function indexFiles(): Promise<Record<string, unknown>> {
  files ??= getSite().then((site) => verifyIndexFiles(buildVerifyIndex(site, { reportRepo: reportRepoFromEnv() })));
  return files;
}

export const getStaticPaths = (async () => {
  const f = await indexFiles();
  return Object.keys(f).map((name) => ({ params: { slice: name.replace(/\.json$/, '') } }));
}) satisfies GetStaticPaths;

export const GET: APIRoute = async ({ params }) => {
  const f = await indexFiles();
  return new Response(JSON.stringify(f[`${params.slice}.json`]), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
