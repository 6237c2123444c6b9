import { startServer } from '../scripts/serve-site.ts';
import { launchBrowser, screenshot, seriousViolations, overflowsHorizontally } from './helpers/browser.ts';
const srv = await startServer({ dir: process.argv[2]!, port: 0, base: process.argv[3] ?? '/' });
const b = await launchBrowser();
for (const [name, p] of [['home', ''], ['directory', 'directory/'], ['account', 'accounts/jsj-wechat/'], ['search', 'search/?q=计算机'], ['unit', 'units/jsj/'], ['impostors', 'impostors/'], ['closed', 'directory/status/closed/']] as const) {
  for (const [w, h, tag] of [[360, 740, 'phone'], [1280, 900, 'desktop']] as const) {
    const page = await b.newPage({ width: w, height: h });
    await page.goto(srv.url + p);
    await page.waitForTimeout(name === 'search' ? 1500 : 100);
    console.log(name, tag, 'overflow', await overflowsHorizontally(page));
    if (tag === 'desktop') console.log(JSON.stringify(await seriousViolations(page)));
    await page.screenshot({ path: `test-results/screenshots/tmp-${name}-${tag}.png` });
    await page.close();
  }
}
console.log(b.errors);
await b.close(); await srv.close();
