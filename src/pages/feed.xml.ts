/** The Atom feed of approvals and closures. */
import type { APIRoute } from 'astro';
import { absoluteUrl, getSite, paths } from '../components/site-data.ts';
import { atomFeed } from '../domain/public.ts';

/** Serves feed.xml. */
export const GET: APIRoute = async ({ site: siteUrl }) => {
  const site = await getSite();
  const xml = atomFeed(site, {
    feedUrl: absoluteUrl(siteUrl, 'feed.xml'),
    siteUrl: absoluteUrl(siteUrl, ''),
    pageUrl: (a) => absoluteUrl(siteUrl, paths.account(a.id)),
  });
  return new Response(xml, { headers: { 'Content-Type': 'application/atom+xml; charset=utf-8' } });
};
