/** Open data: accounts.json (version 1, public fields only; the shape is documented on /data/). */
import type { APIRoute } from 'astro';
import { absoluteUrl, getSite, paths } from '../components/site-data.ts';
import { openDataJson } from '../domain/public.ts';

/** Serves accounts.json. */
export const GET: APIRoute = async ({ site: siteUrl }) => {
  const site = await getSite();
  const doc = openDataJson(site, (a) => absoluteUrl(siteUrl, paths.account(a.id)));
  return new Response(JSON.stringify(doc, null, 1), { headers: { 'Content-Type': 'application/json; charset=utf-8' } });
};
