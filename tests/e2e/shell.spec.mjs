// index.html's search box works before the app has loaded: typed words become the app's first
// query, in the same element, which keeps focus and caret. (The release build, inline layout;
// the wasm is held back so the test types while the app is still loading.)
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';

const cli = (...args) => execFileSync('target/release/dispatches', args, { encoding: 'utf8' })
  .trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
const QUERY = 'Egeland';
const hits = cli('search', '--json', '--', QUERY).map((h) => h.article);

test('typing before the app has loaded: the same box becomes the app\'s, with the query run', async ({ page }) => {
  let release;
  const held = new Promise((resolve) => { release = resolve; });
  await page.route(/_bg\.wasm$/, async (route) => { await held; await route.continue(); });
  await page.goto('/');
  const box = page.getByRole('searchbox', { name: 'Search', exact: true });
  await expect(box).toBeEditable();
  // The app has not started: no results list yet.
  await expect(page.locator('ol[aria-label="Results"]')).toHaveCount(0);
  await box.click();
  await box.pressSequentially(QUERY, { delay: 20 });
  const element = await box.elementHandle();
  await element.evaluate((el) => el.setSelectionRange(2, 2));
  release();

  await expect(page.getByRole('status')).toHaveText(`${hits.length} ${hits.length === 1 ? 'report matches' : 'reports match'} “${QUERY}”`);
  await expect(page.locator('.results .hit__link')).toHaveCount(hits.length);
  // One box, the very element typed into, still focused with the caret where it was.
  await expect(page.getByRole('searchbox', { name: 'Search', exact: true })).toHaveCount(1);
  expect(await element.evaluate((el) => el.isConnected && el.id === 'dx-q' && document.activeElement === el)).toBe(true);
  expect(await element.evaluate((el) => [el.value, el.selectionStart])).toEqual([QUERY, 2]);
  // Typing on goes to the app.
  await page.keyboard.press('End');
  await page.keyboard.type(' zzzzqx');
  await expect(page.getByText('Nothing matches.')).toBeVisible();
  await expect(page).toHaveURL(/[?&]q=Egeland(\+|%20)zzzzqx/);
});

test('without a query typed early, the box is the app\'s and follows the URL', async ({ page }) => {
  await page.goto(`/?q=${QUERY}`);
  const box = page.getByRole('searchbox', { name: 'Search', exact: true });
  await expect(box).toHaveValue(QUERY);
  await expect(page.locator('.results .hit__link')).toHaveCount(hits.length);
  await expect(box).toHaveCount(1);
});

test('a single letter being typed is no query yet: the newest reports stay, and the status says so', async ({ page }) => {
  const articles = cli('list', '--json');
  await page.goto('/');
  const box = page.getByRole('searchbox', { name: 'Search', exact: true });
  await expect(page.locator('.results .hit__link')).toHaveCount(articles.length);
  await box.fill('E');
  await expect(page.getByRole('status')).toHaveText(`${articles.length} reports, newest first`);
  await expect(page.locator('.results .hit__link')).toHaveCount(articles.length);
  const eg = cli('search', '--json', '--', 'Eg').length;
  await box.fill('Eg');
  await expect(page.getByRole('status')).toHaveText(`${eg} ${eg === 1 ? 'report matches' : 'reports match'} “Eg”`);
  // Typed and finished, a letter is a word like any other.
  await box.fill('Egeland q ');
  await expect(page.getByRole('status')).toHaveText('No reports match “Egeland q”');
});
