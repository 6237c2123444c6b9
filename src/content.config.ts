// Content collections: every registry folder is read by the one strict loader (src/registry),
// validated with the core's zod schemas; only content/pages (the office's own pages) go through MDX.
import { defineCollection } from 'astro:content';
import { glob } from 'astro/loaders';
import { z } from 'astro/zod';
import {
  AccountSchema,
  GroupSchema,
  ImpostorSchema,
  PageSchema,
  PolicySchema,
  ReviewSchema,
  UnitSchema,
} from './domain/index.ts';
import { contentDir, registryLoader } from './registry/astro-loader.ts';

const pushListSchema = z.object({ file: z.string(), account: z.string(), year: z.number(), rows: z.number() });

export const collections = {
  policy: defineCollection({ loader: registryLoader('policy'), schema: PolicySchema }),
  units: defineCollection({ loader: registryLoader('units'), schema: UnitSchema }),
  accounts: defineCollection({ loader: registryLoader('accounts'), schema: AccountSchema }),
  reviews: defineCollection({ loader: registryLoader('reviews'), schema: ReviewSchema }),
  pushLists: defineCollection({ loader: registryLoader('pushLists'), schema: pushListSchema }),
  groups: defineCollection({ loader: registryLoader('groups'), schema: GroupSchema }),
  impostors: defineCollection({ loader: registryLoader('impostors'), schema: ImpostorSchema }),
  pages: defineCollection({ loader: glob({ pattern: '*.mdx', base: `${contentDir()}/pages` }), schema: PageSchema }),
};
