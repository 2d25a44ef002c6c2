// Issue 5: the explorer page — search, filters, reader with attributed quotes, who said what,
// URL state, keyboard, hostile input, themes. Runs at 1280 px (desktop) and 360 px (phone),
// with axe-core on every state visited. The expected answers come from the CLI, which runs
// the same engine over the same corpus.
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { axe, openFilters } from './helpers/page.mjs';
import { mostQuoted } from './helpers/corpus.mjs';

const cli = (...args) => execFileSync('target/release/dispatches', args, { encoding: 'utf8' })
  .trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
const articles = cli('list', '--json');
const byId = Object.fromEntries(articles.map((a) => [a.id, a]));
const quotes = cli('quotes', '--json');
const searchIds = (q) => cli('search', '--json', '--', q).map((h) => h.article);

const star = mostQuoted(quotes, byId);
const surname = star.name.split(' ').at(-1);



const search = (page) => page.getByRole('searchbox', { name: 'Search' });
const status = (page) => page.getByRole('status');
const resultLinks = (page) => page.locator('.results .hit__link');

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => { throw new Error(`page error: ${e.message}`); });
  page.on('dialog', (d) => { throw new Error(`unexpected dialog: ${d.message()}`); });
});

test('search as you type: labelled box, "/" shortcut, live count, results with marks and quotes', async ({ page }) => {
  await page.goto('./');
  const box = search(page);
  await expect(box).toHaveAttribute('type', 'search');
  await expect(status(page)).toHaveText(`${articles.length} reports, newest first`);
  await page.locator('body').click({ position: { x: 2, y: 2 } });
  await page.keyboard.press('/');
  await expect(box).toBeFocused();
  await expect(box).toHaveValue('');

  await page.keyboard.type(surname.toLowerCase());
  const expected = searchIds(surname.toLowerCase());
  await expect(status(page)).toHaveText(new RegExp(`^${expected.length} reports? match`));
  await expect(resultLinks(page)).toHaveCount(expected.length);
  expect(await page.locator('.results .hit__link').evaluateAll((ls) => ls.map((l) => l.dataset.focus.slice(2)))).toEqual(expected);
  await expect(page).toHaveURL(new RegExp(`\\?q=${surname.toLowerCase()}$`));

  const first = page.locator('.results .hit').first();
  await expect(first.locator('.card__outlet')).toHaveText(byId[expected[0]].outlet);
  await expect(first.locator('time')).toHaveAttribute('datetime', byId[expected[0]].published.slice(0, 10));
  await expect(first.locator('.hit__snippet mark').first()).toHaveText(new RegExp(surname, 'i'));
  // The matching quotations, with their speaker.
  const q = first.locator(`.hit__quotes q[data-speaker="${star.name}"]`).first();
  await expect(q).toBeVisible();
  await expect(first.locator('.hit__speaker').first()).toHaveText(star.name);
  await axe(page);

  // Results update on every keystroke, without a button: narrowing to nothing and back.
  await box.press('End');
  await page.keyboard.type('zzqx');
  await expect(status(page)).toHaveText(/^No reports match/);
  await expect(page.getByText('Nothing matches.')).toBeVisible();
  await axe(page);
  for (let i = 0; i < 4; i++) await box.press('Backspace');
  await expect(resultLinks(page)).toHaveCount(expected.length);
});

test('searching a speaker\'s name surfaces them and their quotes', async ({ page }) => {
  await page.goto(`./?q=${encodeURIComponent(star.name)}`);
  const card = page.locator('.who-card').filter({ hasText: star.name });
  await expect(card).toBeVisible();
  await expect(card).toContainText(`${star.quotes.length} quote`);
  await expect(page.locator(`.hit__quotes q[data-speaker="${star.name}"]`).first()).toBeVisible();
  await axe(page);
  await card.getByRole('link', { name: `All quotes from ${star.name}` }).click();
  await expect(page.getByRole('heading', { level: 1, name: star.name })).toBeVisible();
  await expect(page).toHaveURL(/view=speakers&speaker=/);
});

test('sort: relevance, newest, oldest, kept in the URL', async ({ page }) => {
  await page.goto('./?q=aleppo');
  const dates = async () => page.locator('.results .hit time').evaluateAll((ts) => ts.map((t) => t.getAttribute('datetime')));
  await expect(page.getByRole('radio', { name: 'Relevance' })).toBeChecked();
  const relevance = await page.locator('.results .hit__link').evaluateAll((ls) => ls.map((l) => l.dataset.focus.slice(2)));
  expect(relevance).toEqual(searchIds('aleppo'));
  await page.getByRole('radio', { name: 'Oldest' }).check();
  await expect(page).toHaveURL(/sort=oldest/);
  const oldest = await dates();
  expect(oldest).toEqual([...oldest].sort());
  await page.getByRole('radio', { name: 'Newest' }).check();
  await expect(page).toHaveURL(/sort=newest/);
  const newest = await dates();
  expect(newest).toEqual([...newest].sort().reverse());
  await page.reload();
  await expect(page.getByRole('radio', { name: 'Newest' })).toBeChecked();
  await axe(page);
});

test('filters: outlets with counts, From/To dates, timeline, clear', async ({ page }) => {
  await page.goto('./?q=aleppo');
  await openFilters(page);
  const outlets = [...new Set(articles.map((a) => a.outlet))].sort();
  for (const o of outlets) {
    await expect(page.getByRole('checkbox', { name: new RegExp(`^${o} \\d+$`) })).toBeVisible();
  }
  const target = articles.find((a) => a.outlet === 'TIME') ?? articles[0];
  const others = outlets.filter((o) => o !== target.outlet);
  const countOf = async (o) => Number((await page.getByRole('checkbox', { name: new RegExp(`^${o} \\d+$`) }).locator('xpath=..').locator('.facet__count').innerText()));
  const before = await Promise.all(others.map(countOf));
  await page.getByRole('checkbox', { name: new RegExp(`^${target.outlet} `) }).check();
  await expect(page).toHaveURL(new RegExp(`source=${encodeURIComponent(target.outlet).replace(/%20/g, '\\+')}`));
  await expect(page.locator('.results .card__outlet')).toHaveText(articles.filter((a) => a.outlet === target.outlet).map((a) => a.outlet));
  // The other outlets still show what they would give.
  expect(await Promise.all(others.map(countOf))).toEqual(before);
  await expect(page.locator('.filters__active')).toHaveText('1 active');
  await axe(page);
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(resultLinks(page)).toHaveCount(searchIds('aleppo').length);

  // Dates: From / To inputs.
  const days = articles.map((a) => a.published.slice(0, 10)).sort();
  const from = page.getByLabel('From', { exact: true });
  const to = page.getByLabel('To', { exact: true });
  await expect(from).toHaveAttribute('type', 'date');
  await expect(to).toHaveAttribute('type', 'date');
  await from.fill(days[1]);
  await to.fill(days[days.length - 2]);
  const inRange = articles.filter((a) => a.published.slice(0, 10) >= days[1] && a.published.slice(0, 10) <= days[days.length - 2]);
  await expect(resultLinks(page)).toHaveCount(inRange.length);
  await expect(page).toHaveURL(new RegExp(`from=${days[1]}&to=${days[days.length - 2]}`));
  await axe(page);
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(from).toHaveValue('');

  // Timeline: one bar per day with its count; choosing a day, then Shift+click on another,
  // sets the range (dragging and the keyboard: tests/e2e/timeline.spec.mjs).
  const last = articles[0].published.slice(0, 10);
  const [y, m, d] = last.split('-').map(Number);
  const months = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
  const bar = page.getByRole('button', { name: new RegExp(`^${d} ${months[m - 1]} ${y}: 1 report$`) });
  await bar.click();
  await expect(bar).toHaveAttribute('aria-pressed', 'true');
  await expect(from).toHaveValue(last);
  await expect(to).toHaveValue(last);
  await expect(resultLinks(page)).toHaveCount(articles.filter((a) => a.published.startsWith(last)).length);
  const firstDay = days[0];
  const [y0, m0, d0] = firstDay.split('-').map(Number);
  await page.getByRole('button', { name: new RegExp(`^${d0} ${months[m0 - 1]} ${y0}: `) }).click({ modifiers: ['Shift'] });
  await expect(from).toHaveValue(firstDay);
  await expect(to).toHaveValue(last);
  await expect(resultLinks(page)).toHaveCount(searchIds('aleppo').length);
  await axe(page);
  await page.getByRole('button', { name: 'Clear filters' }).first().click();
  await expect(page.locator('.tl__bar[aria-pressed="true"]')).toHaveCount(0);
});

test('reader: attributed quotes, marks, captions, jump to the match, Escape restores focus', async ({ page }) => {
  // A word from a quotation in a paragraph after the first.
  const q = quotes.find((x) => x.speaker && x.kind === 'speech' && x.paragraph > 3 && x.role);
  const word = q.text.split(/\s+/).filter((w) => /^[A-Za-z]{7,}$/.test(w))[0];
  await page.goto(`./?q=${word}`);
  const link = page.locator(`.hit__link[data-focus="a:${q.article}"]`);
  await link.click();
  const a = byId[q.article];
  await expect(page.getByRole('heading', { level: 1, name: a.headline })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`article=${q.article}`));
  await expect(page.locator('.reader__kicker')).toHaveText(a.outlet);
  await expect(page.locator('.reader__byline time')).toBeVisible();
  await expect(page.getByRole('link', { name: /Read the original/ })).toHaveAttribute('href', /^https:\/\//);
  // Jumped to the first matching paragraph, with the term marked.
  const match = page.locator('.reader__body .is-match').first();
  await expect(match).toBeFocused();
  await expect(match.locator('mark').first()).toHaveText(new RegExp(word, 'i'));
  await expect(match).toBeInViewport();
  // Every quotation is a <q data-speaker>; the speaker shows on focus, and for screen readers.
  const el = page.locator(`.reader__body q[data-speaker="${q.speaker}"]`).filter({ hasText: q.text.slice(0, 30) }).first();
  await expect(el).toBeVisible();
  await el.focus();
  const label = await el.evaluate((e) => getComputedStyle(e, '::after').content);
  expect(label).toContain(q.speaker);
  const sr = await el.evaluate((e) => e.nextElementSibling.textContent);
  expect(sr).toContain(q.speaker);
  await axe(page);

  await page.keyboard.press('Escape');
  await expect(page.locator(`.hit__link[data-focus="a:${q.article}"]`)).toBeFocused();
  await expect(page).toHaveURL(new RegExp(`\\?q=${word}$`));
  await axe(page);
});

test('reader: captions and pull quotes are styled as such', async ({ page }) => {
  const time = articles.find((a) => a.outlet === 'TIME') ?? articles[0];
  await page.goto(`./?article=${time.id}`);
  await expect(page.locator('.reader__body .caption').first()).toBeVisible();
  const style = await page.locator('.reader__body .caption').first().evaluate((e) => getComputedStyle(e).fontFamily);
  expect(style).not.toContain('Georgia');
  const pull = page.locator('.reader__body .pullquote');
  if (await pull.count()) expect(await pull.first().evaluate((e) => getComputedStyle(e).fontStyle)).toBe('italic');
  await expect(page.locator('.reader__body q[data-speaker]').first()).toBeVisible();
  await axe(page);
});

test('reader: a quotation\'s speaker label stays on the screen wherever the quotation starts', async ({ page }) => {
  // Every quotation of every report, focused: its label (the `.rq::after` tooltip) lies inside
  // the viewport (at 360 px a quotation starting near the right edge cut its label off).
  for (const a of articles) {
    await page.goto(`./?article=${a.id}`);
    await expect(page.getByRole('heading', { level: 1, name: a.headline })).toBeVisible();
    const outside = await page.evaluate(() => {
      const out = [];
      const quotes = [...document.querySelectorAll('.reader__body q.rq')];
      for (const q of quotes) {
        q.focus();
        const tip = getComputedStyle(q, '::after');
        const shift = tip.transform === 'none' ? 0 : new DOMMatrixReadOnly(tip.transform).m41;
        const left = q.getClientRects()[0].left + shift;
        const right = left + parseFloat(tip.width);
        if (!(parseFloat(tip.width) > 0)) out.push(`${q.dataset.label}: no label shown`);
        else if (left < 0 || right > document.documentElement.clientWidth + 0.5) out.push(`${q.dataset.label}: ${Math.round(left)} to ${Math.round(right)}`);
      }
      return [quotes.length, out];
    });
    expect(outside[0], `${a.id} has quotations`).toBeGreaterThan(0);
    expect(outside[1], a.id).toEqual([]);
  }
});

test('back and forward, reload and copied links restore the exact screen', async ({ page, context }) => {
  const target = articles[1];
  await page.goto('./');
  await search(page).fill('aleppo');
  await page.getByRole('radio', { name: 'Oldest' }).check();
  await openFilters(page);
  await page.getByRole('checkbox', { name: new RegExp(`^${target.outlet} `) }).check();
  const listUrl = page.url();
  expect(listUrl).toMatch(/\?q=aleppo&source=.+&sort=oldest$/);
  await page.locator(`.hit__link[data-focus="a:${target.id}"]`).click();
  await expect(page.getByRole('heading', { level: 1, name: target.headline })).toBeVisible();
  const readerUrl = page.url();
  expect(readerUrl).toBe(`${listUrl}&article=${target.id}`);

  await page.goBack();
  await expect(page).toHaveURL(listUrl);
  await expect(page.locator(`.hit__link[data-focus="a:${target.id}"]`)).toBeFocused();
  await expect(search(page)).toHaveValue('aleppo');
  await expect(page.getByRole('radio', { name: 'Oldest' })).toBeChecked();
  await page.goForward();
  await expect(page.getByRole('heading', { level: 1, name: target.headline })).toBeVisible();
  await page.reload();
  await expect(page.getByRole('heading', { level: 1, name: target.headline })).toBeVisible();
  await page.getByRole('link', { name: /back to results/ }).click();
  await expect(page).toHaveURL(listUrl);
  await expect(page.locator(`.hit__link[data-focus="a:${target.id}"]`)).toBeFocused();

  // A copied link in a fresh tab opens the same screen.
  const other = await context.newPage();
  await other.goto(readerUrl);
  await expect(other.getByRole('heading', { level: 1, name: target.headline })).toBeVisible();
  await other.getByRole('link', { name: /back to results/ }).click();
  await expect(other.getByRole('searchbox', { name: 'Search' })).toHaveValue('aleppo');
  await expect(other.getByRole('radio', { name: 'Oldest' })).toBeChecked();
  await openFilters(other);
  await expect(other.getByRole('checkbox', { name: new RegExp(`^${target.outlet} `) })).toBeChecked();
  await other.close();
});

test('typing reaches the address bar once it pauses; opening a result at once still keeps it for back', async ({ page }) => {
  await page.goto('./');
  const box = search(page);
  await box.focus();
  // Key by key, as a reader types: the URL follows after the pause, with the whole query.
  await page.keyboard.type('aleppo', { delay: 40 });
  await expect(page).toHaveURL(/\?q=aleppo$/);
  // Typing and opening a result before the pause: back returns to the typed query.
  await box.fill('');
  await page.keyboard.type(surname.toLowerCase(), { delay: 20 });
  const first = searchIds(surname.toLowerCase())[0];
  await page.locator(`.hit__link[data-focus="a:${first}"]`).click();
  await expect(page.getByRole('heading', { level: 1, name: byId[first].headline })).toBeVisible();
  await expect(page).toHaveURL(new RegExp(`\\?q=${surname.toLowerCase()}&article=${first}$`));
  await page.goBack();
  await expect(page).toHaveURL(new RegExp(`\\?q=${surname.toLowerCase()}$`));
  await expect(box).toHaveValue(surname.toLowerCase());
});

test('who said what: speakers, one speaker\'s quotes across outlets, into the reader at the quote', async ({ page }) => {
  await page.goto('./');
  await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Who said what' }).click();
  await expect(page.getByRole('heading', { level: 1, name: 'Who said what' })).toBeVisible();
  await expect(page).toHaveURL(/\?view=speakers$/);
  const row = page.locator('.speaker').filter({ has: page.getByRole('link', { name: star.name, exact: true }) });
  await expect(row.locator('.speaker__count')).toHaveText(`${star.quotes.length} quotes`);
  await expect(row.locator('.speaker__outlets')).toHaveText(`${star.outlets.size} outlets`);
  await axe(page);

  await row.getByRole('link', { name: star.name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: star.name })).toBeVisible();
  await expect(page.locator('.said')).toHaveCount(new Set(star.quotes.map((q) => q.article)).size);
  await expect(page.locator('.said__item')).toHaveCount(star.quotes.length);
  // Grouped by outlet: one level-2 heading each, with its count of quotations.
  for (const o of star.outlets) {
    const n = star.quotes.filter((q) => byId[q.article].outlet === o).length;
    await expect(page.getByRole('heading', { level: 2, name: `${o} · ${n} quote${n === 1 ? '' : 's'}` })).toBeVisible();
  }
  await axe(page);

  const links = page.getByRole('link', { name: /Read it in context/ });
  const second = links.nth(1);
  const key = await second.getAttribute('data-focus');
  await second.click();
  await expect(page).toHaveURL(/view=speakers&speaker=.+&article=.+&quote=\d+$/);
  const selected = page.locator('.reader__body q.is-selected');
  await expect(selected).toBeFocused();
  await expect(selected).toHaveAttribute('data-speaker', star.name);
  await expect(selected).toBeInViewport();
  await axe(page);
  await page.reload();
  await expect(page.locator('.reader__body q.is-selected')).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.locator(`[data-focus="${key}"]`)).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(page.getByRole('heading', { level: 1, name: 'Who said what' })).toBeVisible();
  await expect(page.getByRole('link', { name: star.name, exact: true })).toBeFocused();
  await page.goBack();
  await expect(page.getByRole('heading', { level: 1, name: star.name })).toBeVisible();
});

test('keyboard alone: arrows through results, Enter opens, visible focus', async ({ page }) => {
  await page.goto('./');
  await expect(resultLinks(page)).toHaveCount(articles.length); // the app is running
  await page.keyboard.press('/');
  await page.keyboard.type('aleppo');
  const ids = searchIds('aleppo');
  await page.keyboard.press('ArrowDown');
  await expect(resultLinks(page).nth(0)).toBeFocused();
  const outline = await resultLinks(page).nth(0).evaluate((e) => getComputedStyle(e).outlineStyle);
  expect(outline).not.toBe('none');
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await expect(resultLinks(page).nth(2)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await expect(resultLinks(page).nth(1)).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { level: 1, name: byId[ids[1]].headline })).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(resultLinks(page).nth(1)).toBeFocused();
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('ArrowUp');
  await expect(search(page)).toBeFocused();
  // Tab from the search box reaches the sort, then the filters, then the results.
  await page.keyboard.press('Tab');
  await expect(page.getByRole('radio', { name: 'Relevance' })).toBeFocused();
  // "/" from the reader comes back to the search box.
  await resultLinks(page).first().press('Enter');
  await expect(page.locator('.reader')).toBeVisible();
  await page.keyboard.press('/');
  await expect(search(page)).toBeFocused();
  await expect(search(page)).toHaveValue('aleppo');
});

test('links with unknown or bad parameters, and unknown articles, give a friendly state', async ({ page }) => {
  await page.goto('./?utm_source=news&sort=weird&from=yesterday&source=Nowhere+Times&view=x');
  await expect(page.getByRole('note')).toBeVisible();
  await expect(page.getByRole('note').locator('li')).toHaveCount(4);
  await expect(status(page)).toHaveText(`${articles.length} reports, newest first`);
  await axe(page);
  await page.getByRole('button', { name: 'Dismiss' }).click();
  await expect(page.getByRole('note')).toHaveCount(0);

  await page.goto('./?article=no-such-report&quote=99');
  await expect(page.getByRole('heading', { level: 1, name: 'This report is not here' })).toBeVisible();
  await axe(page);
  await page.getByRole('link', { name: 'See all reports' }).click();
  await expect(resultLinks(page)).toHaveCount(articles.length);

  await page.goto('./?view=speakers&speaker=Nobody+At+All');
  await expect(page.getByRole('note')).toContainText('Nobody At All');
  await expect(page.getByRole('heading', { level: 1, name: 'Who said what' })).toBeVisible();
});

test('hostile input is shown as text; a 10,000-character query stays responsive', async ({ page }) => {
  await page.goto('./');
  for (const evil of ['<img src=x onerror=alert(1)>', '"><script>alert(1)</script>']) {
    await search(page).fill(evil);
    await expect(status(page)).toContainText(evil.slice(0, 20));
    await expect(page.locator('img[src="x"], .dx script')).toHaveCount(0);
  }
  await page.goto(`./?q=${encodeURIComponent('<img src=x onerror=alert(1)>')}&article=${encodeURIComponent('<b>x</b>')}`);
  await expect(page.getByText('No report in this collection has the id “<b>x</b>”')).toBeVisible();
  await expect(page.locator('.dx b')).toHaveCount(0);

  await page.goto('./');
  const long = 'Aleppo civilians "evacuation corridor" -ceasefire OR '.repeat(200).slice(0, 10000);
  await search(page).fill(long);
  await expect(status(page)).toHaveText(/reports? match|No reports match/);
  await search(page).press('End');
  await page.keyboard.type(' x');
  await expect(search(page)).toHaveValue(`${long} x`);
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Backspace');
  await expect(status(page)).toHaveText(`${articles.length} reports, newest first`);
});

test('light and dark themes, reduced motion, no sideways scrolling', async ({ page }) => {
  for (const scheme of ['light', 'dark']) {
    await page.emulateMedia({ colorScheme: scheme, reducedMotion: 'reduce' });
    await page.goto(`./?q=${surname}`);
    const bg = await page.locator('.dx').evaluate((e) => getComputedStyle(e).backgroundColor);
    const [r] = bg.match(/\d+/g).map(Number);
    expect(scheme === 'dark' ? r < 60 : r > 200).toBe(true);
    const transition = await page.locator('.tabs__link').first().evaluate((e) => getComputedStyle(e).transitionDuration);
    expect(transition).toBe('0s');
    for (const path of [`./?q=${surname}`, `./?article=${articles[2].id}`, './?view=speakers']) {
      await page.goto(path);
      await expect(page.locator('h1')).toBeVisible();
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await axe(page);
    }
  }
});
