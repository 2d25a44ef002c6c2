// Issue 12: the quote-trails view. On the seeds (dist/) it says plainly that no quotation was
// carried by two outlets; on an invented corpus whose statements travel (tests/fixtures/
// corpus-trails, built by scripts/test.sh into target/e2e/dist-trails) it lists the trails
// widest first, narrows them by the current search, outlets and dates, shows each one's timeline
// and variants with the changed words marked, and links each appearance to the reader. The
// expected answers come from `dispatches trails --json` over the same corpus. Desktop and phone,
// axe-core on every state.
import { test, expect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { missing, serve } from './helpers/server.mjs';

const DIST_TRAILS = 'target/e2e/dist-trails';
const DIST_TRAILS_SPLIT = 'target/e2e/dist-trails-split';
const FIXTURE = 'tests/fixtures/corpus-trails';
const trails = execFileSync('target/release/dispatches', ['trails', FIXTURE, '--json'], { encoding: 'utf8' })
  .trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));

async function axe(page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(' ')})`)).toEqual([]);
}

const tab = (page) => page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Quote trails' });
const heading = (page) => page.getByRole('heading', { level: 1, name: 'Quote trails' });
const items = (page) => page.getByRole('list', { name: 'Quote trails' }).getByRole('listitem').filter({ has: page.getByRole('article') });

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => { throw new Error(`page error: ${e.message}`); });
});

test('on the seeds the view says that no quotation was carried by two outlets', async ({ page }) => {
  await page.goto('./');
  await tab(page).click();
  await expect(heading(page)).toBeVisible();
  await expect(page).toHaveURL(/view=trails/);
  await expect(page.getByText('No quotation in these reports was carried by two outlets.')).toBeVisible();
  await expect(tab(page)).toHaveAttribute('aria-current', 'page');
  await axe(page);
  // No quotation of the seeds has a trail in the reader.
  const first = execFileSync('target/release/dispatches', ['list', '--json'], { encoding: 'utf8' }).split('\n').filter(Boolean).map((l) => JSON.parse(l))[0];
  await page.goto(`./?article=${first.id}`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('q.rq').first()).toBeVisible();
  await expect(page.locator('details.trail-note')).toHaveCount(0);
});

// Both layouts: inline (every shard in the app) and split (the reader fetches the trails of
// its report's article range, the view every trail).
for (const [layout, dist] of [['inline', DIST_TRAILS], ['split', DIST_TRAILS_SPLIT]]) test.describe(`a corpus whose quotations travel (${layout})`, () => {
  test.skip(missing(dist), `${dist} is built by scripts/test.sh`);
  let server;
  test.beforeAll(async () => { server = await serve({ root: dist, site: false }); });
  test.afterAll(async () => { await server?.stop(); });

  test('trails widest first, with their timeline, variants and links to the reader', async ({ page }) => {
    expect(trails.map((t) => t.outlets)).toEqual([3, 2]);
    await page.goto(`${server.origin}/?view=trails`);
    await expect(heading(page)).toBeVisible();
    await expect(items(page)).toHaveCount(2);
    const widest = items(page).first();
    await expect(widest.getByRole('heading', { level: 2 })).toHaveText(`“${trails[0].text}”`);
    await expect(widest).toContainText('3 outlets · 3 appearances · first in Coast Herald');
    await expect(widest).toContainText('Said by Ann Lee');
    await axe(page);

    // The timeline, keyboard only: the disclosure opens with Enter.
    const summary = widest.getByText('Timeline and variants');
    await summary.focus();
    await page.keyboard.press('Enter');
    const appearances = widest.locator('.trail__appearance');
    await expect(appearances).toHaveCount(3);
    const outlets = trails[0].occurrences.map((o) => o.outlet);
    for (const [i, outlet] of outlets.entries()) await expect(appearances.nth(i).locator('.trail__outlet')).toHaveText(outlet);
    // The altered word is marked where the outlet printed it; the trimmed one lists what it left out.
    const changed = trails[0].occurrences[1].changes[0];
    expect(changed).toMatchObject({ kind: 'changed', text: 'town', longest: 'city' });
    await expect(appearances.nth(1).locator('mark')).toHaveText('town');
    const omitted = trails[0].occurrences[2].changes[0];
    await expect(appearances.nth(2).locator('.trail__omitted')).toContainText(omitted.longest);
    await axe(page);

    // Each appearance opens its report at the quotation; closing comes back to the trails.
    await appearances.nth(1).getByRole('link', { name: /Read in context/ }).click();
    await expect(page).toHaveURL(/article=valley-storm/);
    await expect(page.locator('q.rq.is-selected')).toContainText('this town will not be intimidated');
    await page.goBack();
    await expect(heading(page)).toBeVisible();
  });

  test('the reader marks a quotation other outlets ran and lists them, with links', async ({ page }) => {
    await page.goto(`${server.origin}/?article=valley-storm`);
    const note = page.locator('details.trail-note');
    await expect(note).toHaveCount(1);
    const summary = note.locator('summary');
    await expect(summary).toContainText('Quote trail: 3 outlets ran these words');
    await summary.focus();
    await page.keyboard.press('Enter');
    const others = note.locator('.trail__appearance');
    await expect(others).toHaveCount(2);
    await expect(others.locator('.trail__outlet')).toHaveText(['Coast Herald', 'Bay Times']);
    await axe(page);
    await others.first().getByRole('link', { name: /Read it there/ }).click();
    await expect(page).toHaveURL(/article=coast-storm/);
    await expect(page.locator('q.rq.is-selected')).toContainText('this city will not be intimidated');
    // The other statement's trail: two outlets.
    await page.goto(`${server.origin}/?article=bay-relief`);
    await expect(page.locator('details.trail-note summary')).toContainText('Quote trail: 2 outlets ran these words');
  });

  test('the current search, outlets and dates narrow the trails', async ({ page }) => {
    await page.goto(`${server.origin}/?view=trails&q=relief`);
    await expect(items(page)).toHaveCount(1);
    await expect(items(page).first().getByRole('heading', { level: 2 })).toHaveText(`“${trails[1].text}”`);
    await expect(page.getByText(/1 of the 2 quotations carried by two or more outlets match/)).toBeVisible();
    await axe(page);
    await page.goto(`${server.origin}/?view=trails&source=Coast%20Herald`);
    await expect(items(page)).toHaveCount(1);
    await page.goto(`${server.origin}/?view=trails&from=2020-03-05`);
    await expect(items(page)).toHaveCount(1);
    await page.goto(`${server.origin}/?view=trails&q=zebra`);
    await expect(items(page)).toHaveCount(0);
    await expect(page.getByText('None of the 2 quotations carried by two or more outlets matches the current search, outlets and dates.')).toBeVisible();
  });
});

test.describe('a speaker\'s page', () => {
  test.skip(missing(DIST_TRAILS), `${DIST_TRAILS} is built by scripts/test.sh`);
  let server;
  test.beforeAll(async () => { server = await serve({ root: DIST_TRAILS, site: false }); });
  test.afterAll(async () => { await server?.stop(); });

  test('shows which of their quotations travelled furthest, linking to the first appearance', async ({ page }) => {
    const widest = trails[0];
    await page.goto(`${server.origin}/?view=speakers&speaker=${encodeURIComponent(widest.speakers[0])}`);
    const section = page.getByRole('region', { name: 'Quoted most widely' });
    await expect(section.getByRole('listitem')).toHaveCount(trails.filter((t) => t.speakers.includes(widest.speakers[0])).length);
    await expect(section.getByRole('listitem').first()).toContainText(widest.text);
    await expect(section.getByRole('listitem').first()).toContainText(`Run by ${widest.outlets} outlets; first by ${widest.occurrences[0].outlet}`);
    await axe(page);
    await section.getByRole('link', { name: /^Read the first/ }).first().click();
    await expect(page).toHaveURL(new RegExp(`article=${widest.first}`));
  });
});
