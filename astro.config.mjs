// Astro configuration. SITE_URL and SITE_BASE let the same build serve GitHub Pages or a sub-path
// on a campus web server; REGISTRY_CONTENT picks the registry folder (default content/).
import mdx from '@astrojs/mdx';
import { defineConfig } from 'astro/config';

export default defineConfig({
  site: process.env.SITE_URL || 'https://registry.example.edu.cn',
  base: process.env.SITE_BASE || '/',
  trailingSlash: 'ignore',
  output: 'static',
  integrations: [mdx()],
  build: { format: 'directory' },
});
