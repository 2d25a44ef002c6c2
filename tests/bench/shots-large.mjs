// Screenshots of the page on a large corpus (issue 11): the search page with a query and its
// filters open, and who said what, at 360 px and 1280 px. Not a test: it writes PNGs to look at.
//
//   node tests/bench/shots-large.mjs BASE_URL OUT_DIR [QUERY] [NAME]
import { chromium } from '@playwright/test';

const [base, out, query = 'president', speaker = 'oba'] = process.argv.slice(2);
if (!base || !out) {
  console.error('usage: node tests/bench/shots-large.mjs BASE_URL OUT_DIR [QUERY] [NAME]');
  process.exit(2);
}
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--no-sandbox', '--disable-gpu'] });
for (const [name, viewport] of [['360', { width: 360, height: 780 }], ['1280', { width: 1280, height: 1000 }]]) {
  const page = await browser.newPage({ viewport });
  await page.goto(`${base}/?q=${encodeURIComponent(query)}`);
  await page.locator('.results .hit__link').first().waitFor();
  if (name === '360') {
    await page.screenshot({ path: `${out}/search-${name}.png` });
    await page.locator('.filters__summary').click();
    await page.locator('details.filters').scrollIntoViewIfNeeded();
  }
  await page.locator('details.people summary').click();
  await page.locator('details.people li').first().waitFor();
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${out}/search-${name}${name === '360' ? '-filters' : ''}.png`, fullPage: name === '1280' });
  await page.goto(`${base}/?view=speakers`);
  await page.locator('ol.speakers li').first().waitFor();
  await page.waitForTimeout(400);
  await page.screenshot({ path: `${out}/who-${name}.png` });
  await page.getByRole('searchbox', { name: 'Find a speaker' }).fill(speaker);
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${out}/who-${name}-search.png` });
  await page.close();
}
await browser.close();
