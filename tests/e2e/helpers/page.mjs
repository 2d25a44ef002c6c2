// Steps the explorer's Playwright specs share (tests/e2e/timeline.spec.mjs; explorer.spec.mjs
// still has its own copies of both).
import { expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';

/** No axe-core violations on the page as it is now. */
export async function axe(page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(' ')})`)).toEqual([]);
}

/** On the phone the filters are a closed disclosure: open it. */
export async function openFilters(page) {
  const details = page.locator('details.filters');
  if (!(await details.evaluate((d) => d.open))) await page.locator('.filters__summary').click();
  await expect(details).toHaveJSProperty('open', true);
}
