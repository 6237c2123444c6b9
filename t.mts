process.env = { ...process.env };
import { loadRegistry } from './src/registry/load.ts';
for (const workers of [false, true, true]) {
  const t = performance.now();
  const r = await loadRegistry('/tmp/syn10k', { today: '2026-11-21', workers });
  console.log('workers', workers, (performance.now() - t).toFixed(0), r.findings.length, process.memoryUsage().rss >> 20);
}
