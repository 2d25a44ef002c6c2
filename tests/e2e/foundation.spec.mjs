// Issue 2: the release build lists every article and opens each in a clean reader.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';

// The corpus as the CLI sees it: the page must show the same articles, newest first.
const articles = execFileSync('target/release/dispatches', ['list', '--json'], { encoding: 'utf8' })
  .trim().split('\n').map((l) => JSON.parse(l));

async function axe(page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

test('lists every article newest first, then opens one in the reader', async ({ page }) => {
  await page.goto('./');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const headlines = page.getByRole('heading', { level: 2 });
  await expect(page.locator('.cards > li')).toHaveCount(articles.length);
  const shown = await page.locator('.cards > li h2').allInnerTexts();
  expect(shown).toEqual(articles.map((a) => a.headline));
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await axe(page);

  const target = articles.find((a) => a.outlet === 'Middle East Eye') ?? articles[0];
  await page.getByRole('link', { name: target.headline }).click();
  await expect(page.getByRole('heading', { level: 1, name: target.headline })).toBeVisible();
  await expect(page.getByRole('link', { name: /Read the original/ })).toHaveAttribute('href', /^https:\/\//);
  // Boilerplate is hidden; captions are styled as captions.
  await expect(page.getByText('Skip to main content', { exact: true })).toHaveCount(0);
  await expect(page.locator('.caption').first()).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toHaveCount(1);
  await axe(page);
  void headlines;
});

test('the reader is reachable and left by keyboard alone', async ({ page }) => {
  await page.goto('./');
  const first = page.getByRole('link', { name: articles[0].headline });
  await first.focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: articles[0].headline })).toBeVisible();
  await page.getByRole('link', { name: /All reports/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('link', { name: articles[0].headline })).toBeFocused();
});
