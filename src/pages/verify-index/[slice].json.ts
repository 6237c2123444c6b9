/**
 * The verify index, written at build time in slices: `verify-index/manifest.json`,
 * `verify-index/names.json` and one `verify-index/<hash prefix>.json` per key slice. Built from the
 * public projection only (src/domain/verify/build-index.ts); the verify page fetches what it needs.
 */
import type { APIRoute, GetStaticPaths } from 'astro';
import { getSite } from '../../components/site-data.ts';
import { buildVerifyIndex, verifyIndexFiles } from '../../domain/verify/build-index.ts';

/** The repository that takes impostor reports: $REPORT_REPO, else $GITHUB_REPOSITORY on GitHub. */
function reportRepo(): string | null {
  if (process.env.REPORT_REPO) return process.env.REPORT_REPO;
  if (process.env.GITHUB_REPOSITORY) return `${process.env.GITHUB_SERVER_URL ?? 'https://github.com'}/${process.env.GITHUB_REPOSITORY}`;
  return null;
}

let files: Promise<Record<string, unknown>> | undefined;

/** The index files, built once per build. */
function indexFiles(): Promise<Record<string, unknown>> {
  files ??= getSite().then((site) => verifyIndexFiles(buildVerifyIndex(site, { reportRepo: reportRepo() })));
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
