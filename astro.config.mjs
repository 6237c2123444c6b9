// Astro configuration. SITE_URL and SITE_BASE let the same build serve GitHub Pages or a sub-path
// on a campus web server; REGISTRY_CONTENT picks the registry folder (default content/).
// SITE_OUT_DIR and ASTRO_CACHE_DIR let tests and benchmarks build side by side without clashing.
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: process.env.SITE_URL || 'https://registry.example.edu.cn',
  base: process.env.SITE_BASE || '/',
  trailingSlash: 'ignore',
  output: 'static',
  outDir: process.env.SITE_OUT_DIR || './dist',
  cacheDir: process.env.ASTRO_CACHE_DIR || './node_modules/.astro',
  integrations: [mdx()],
  build: { format: 'directory' },
});
