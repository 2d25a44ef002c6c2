// Issue 11, ranking and snippets: the page ranks a query exactly as `dispatches search` does
// (the same engine through the same reader over the same build's corpus), and an acronym
// typed in capitals finds and marks its name ("UN" marks "United Nations" in a report that
// only spells it out). The seeds, inline build; both viewports.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';

const cli = (...args) => execFileSync('target/release/dispatches', args, { encoding: 'utf8' })
  .trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
const search = (page) => page.getByRole('searchbox', { name: 'Search' });
const hitIds = (page) => page.locator('.results .hit__link').evaluateAll((ls) => ls.map((l) => l.dataset.focus.slice(2)));

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => { throw new Error(`page error: ${e.message}`); });
});

for (const query of ['UN ', 'aleppo', 'civilians fled', 'united nations ', 'the']) {
  test(`"${query}": the page lists the CLI's hits in the CLI's order`, async ({ page }) => {
    const expected = cli('search', '--json', '--', query).map((h) => h.article);
    expect(expected.length).toBeGreaterThan(0);
    await page.goto('./');
    await search(page).fill(query);
    await expect(page.locator('.results .hit__link')).toHaveCount(expected.length);
    expect(await hitIds(page)).toEqual(expected);
  });
}

test('an acronym in capitals marks its spelled-out name; in lower case it stays the word', async ({ page }) => {
  const spelled = cli('search', '--json', '--', 'UN ').find((h) => /United Nations/.test(h.snippet) && !/\bU\.?N\.?\b/.test(h.snippet));
  expect(spelled, 'a seed report that only spells the name out').toBeTruthy();
  await page.goto('./');
  await search(page).fill('UN ');
  const hit = page.locator('.results .hit').filter({ has: page.locator(`.hit__link[data-focus="a:${spelled.article}"]`) });
  await expect(hit.locator('.hit__snippet mark').first()).toBeVisible();
  const marks = await hit.locator('.hit__snippet mark').allTextContents();
  expect(marks.join(' ')).toMatch(/United Nations|United.*Nations/);
  // Lower case: "un" is the word typed (it still finds "U.N.", folded), never the name.
  await search(page).fill('un ');
  const lower = cli('search', '--json', '--', 'un ').map((h) => h.article);
  await expect(page.locator('.results .hit__link')).toHaveCount(lower.length);
  expect(lower).not.toContain(spelled.article);
});
