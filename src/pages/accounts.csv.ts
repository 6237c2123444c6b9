/** Open data: accounts.csv (UTF-8 with BOM so Excel reads the Chinese; same public fields as accounts.json). */
import type { APIRoute } from 'astro';
import { absoluteUrl, getSite, paths } from '../components/site-data.ts';
import { openDataCsv } from '../domain/public.ts';

/** Serves accounts.csv. */
export const GET: APIRoute = async ({ site: siteUrl }) => {
  const site = await getSite();
  const csv = openDataCsv(site.accounts, (a) => absoluteUrl(siteUrl, paths.account(a.id)));
  return new Response(csv, { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
};
