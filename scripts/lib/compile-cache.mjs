// Preloaded by `npm run verify` (node --import): turns on Node's compile cache before the entry
// script loads, so even the entry's type stripping and compilation come from the cache.
import { enableCompileCache } from 'node:module';
import { fileURLToPath } from 'node:url';

enableCompileCache?.(fileURLToPath(new URL('../../node_modules/.cache/node-compile', import.meta.url)));
