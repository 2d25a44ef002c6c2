// Screenshots to look at (issue 13): the search page and the reader at 360 px and 1280 px in
// WebKit, Firefox and Chromium, side by side in target/webdriver/screens/. Not a test: run by
// hand after a change to the page's look (scripts/test.sh builds dist/ first).
//
//   node tests/webdriver/screenshots.mjs [webkit,firefox,chromium]
import { mkdirSync, writeFileSync } from 'node:fs';
import { serve } from '../e2e/helpers/server.mjs';
import { session, startEngine } from './engines.mjs';
import { byId, byRole, resultIds, searchIds, until } from './helpers.mjs';

const OUT = 'target/webdriver/screens';
const engines = (process.argv[2] || 'webkit,firefox,chromium').split(',');
const QUERY = 'Egeland';
const article = searchIds(QUERY)[0];
mkdirSync(OUT, { recursive: true });
const app = await serve({ root: 'dist', site: false });
try {
  for (const name of engines) {
    const engine = { name, ...(await startEngine(name)) };
    try {
      for (const [width, height] of [[360, 740], [1280, 900]]) {
        const d = await session(engine, { width, height });
        try {
          const shot = async (page) => {
            // Past the fonts and the first paint of the new state.
            await d.executeAsyncScript('const done = arguments[arguments.length - 1]; document.fonts.ready.then(() => requestAnimationFrame(() => requestAnimationFrame(() => done())));');
            writeFileSync(`${OUT}/${page}-${width}-${name}.png`, Buffer.from(await d.takeScreenshot(), 'base64'));
          };
          // With a date range, to see the date inputs filled in.
          await d.get(`${app.origin}/?q=${QUERY}&from=2016-12-01&to=2016-12-12`);
          await until(async () => (await resultIds(d)).length > 0, 'the results');
          await shot('search');
          await d.get(`${app.origin}/?q=${QUERY}&article=${article}`);
          await byRole(d, 'heading', byId[article].headline);
          await shot('reader');
          const facts = await d.executeScript('return { innerWidth, devicePixelRatio, ancestorOrigins: "ancestorOrigins" in location, focused: document.activeElement.className, focusVisible: document.activeElement.matches(":focus-visible"), ua: navigator.userAgent }');
          console.log(name, width, JSON.stringify(facts));
        } finally {
          await d.quit();
        }
      }
    } finally {
      await engine.stop();
    }
  }
} finally {
  await app.stop();
}
