// Issue 11, item 4: the timeline. Its bars are days, weeks, months or years, whichever is the
// finest that fits the chart's width; a date range is chosen on them by dragging (mouse on the
// desktop, touch on the phone), by clicking or tapping one period, and from the keyboard
// (Enter, Shift with the arrows, Escape). Runs at 1280 px and 360 px, with axe-core. The
// expected dates and counts come from the CLI's list of the same corpus (the seeds).
import { test, expect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { axe, openFilters } from './helpers/page.mjs';

const articles = execFileSync('target/release/dispatches', ['list', '--json'], { encoding: 'utf8' })
  .trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
const dayOf = (a) => a.published.slice(0, 10);
const days = [...new Set(articles.map(dayOf))].sort();
const [first, last] = [days[0], days.at(-1)];
const inRange = (from, to) => articles.filter((a) => dayOf(a) >= from && dayOf(a) <= to).length;

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];
/** "2016-12-07" → "7 December 2016", as a day bar is named. */
const longDate = (iso) => {
  const [y, m, d] = iso.split('-').map(Number);
  return `${d} ${MONTHS[m - 1]} ${y}`;
};
/** "7 to 12 December 2016": the range as the line under the chart says it. */
const rangeWords = (from, to) => {
  if (from === to) return longDate(from);
  const start = from.slice(0, 4) !== to.slice(0, 4) ? longDate(from)
    : from.slice(0, 7) !== to.slice(0, 7) ? longDate(from).replace(/ \d+$/, '') : String(Number(from.slice(8)));
  return `${start} to ${longDate(to)}`;
};
/** The ISO day `n` days after `iso`. */
const addDays = (iso, n) => new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
/** The number of days (of day bars) from `from` through `to`. */
const inDays = (from, to) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000) + 1;
const spanDays = inDays(first, last);
const plural = (n) => `${n} report${n === 1 ? '' : 's'}`;

const chart = (page) => page.getByRole('group', { name: /^Reports by / });
const dayBar = (page, iso) => chart(page).getByRole('button', { name: new RegExp(`^${longDate(iso)}: \\d+ reports?$`) });
const pressed = (page) => chart(page).locator('[aria-pressed="true"]');
const results = (page) => page.locator('.results .hit__link');
const chosen = (page) => page.locator('.tl__chosen');

/** Expects the range `from..to` chosen: the date fields, the URL, the pressed bars, the results. */
async function expectRange(page, from, to) {
  await expect(page.getByLabel('From', { exact: true })).toHaveValue(from);
  await expect(page.getByLabel('To', { exact: true })).toHaveValue(to);
  await expect(page).toHaveURL(new RegExp(`from=${from}&to=${to}`));
  await expect(pressed(page)).toHaveCount(inDays(from, to));
  await expect(pressed(page).first()).toHaveAccessibleName(new RegExp(`^${longDate(from)}: `));
  await expect(results(page)).toHaveCount(inRange(from, to));
  await expect(chosen(page)).toHaveText(`Chosen: ${rangeWords(from, to)}`);
}

async function expectNoRange(page) {
  await expect(pressed(page)).toHaveCount(0);
  await expect(page.getByLabel('From', { exact: true })).toHaveValue('');
  await expect(page).not.toHaveURL(/from=/);
  await expect(results(page)).toHaveCount(articles.length);
  await expect(chosen(page)).toHaveText('');
}

/** The centre of a bar, in page coordinates. */
async function centre(locator) {
  const box = await locator.boundingBox();
  return { x: box.x + box.width / 2, y: box.y + box.height / 2 };
}

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => { throw new Error(`page error: ${e.message}`); });
  await page.goto('./');
  await openFilters(page);
});

test('one bar per day with its count when the days fit; a click or tap chooses a day, a second one clears', async ({ page }, testInfo) => {
  // The seeds span under two weeks: days fit at 1280 px (the sidebar) and at 360 px.
  await expect(chart(page)).toHaveAccessibleName('Reports by day');
  await expect(chart(page)).toHaveAccessibleDescription(/Drag across the bars to choose a range, or choose one day\. Keys: arrows move, Enter chooses, Shift with an arrow widens, Escape clears\./);
  const bars = chart(page).getByRole('button');
  await expect(bars).toHaveCount(spanDays);
  for (let i = 0; i < spanDays; i++) {
    const day = addDays(first, i);
    await expect(bars.nth(i)).toHaveAccessibleName(`${longDate(day)}: ${plural(inRange(day, day))}`);
  }
  await expect(chart(page).locator('[tabindex="0"]')).toHaveCount(1);
  await expect(page.locator('.tl__axis')).toHaveText(new RegExp(`^${Number(first.slice(8))} Dec 2016.*${Number(last.slice(8))} Dec 2016$`));

  // A click (a tap on the phone: its pointer events and its click choose once, not twice).
  const activate = (l) => (testInfo.project.name === 'phone' ? l.tap() : l.click());
  // The tap's click comes after its touch events: choosing on the click (not on the touch's
  // release) keeps the Sources list, which shrinks with the range, from moving "Clear filters"
  // under the finger before that click.
  await chart(page).scrollIntoViewIfNeeded();
  await activate(dayBar(page, last));
  await expect(dayBar(page, last)).toHaveAttribute('aria-pressed', 'true');
  await expectRange(page, last, last);
  await axe(page);
  // Another day replaces it (no more "then a second day widens").
  await activate(dayBar(page, first));
  await expectRange(page, first, first);
  // The only chosen day again: cleared.
  await activate(dayBar(page, first));
  await expectNoRange(page);
});

test('pressing on a bar and dragging to another chooses the range, shown while dragging; Escape cancels a drag', async ({ page }, testInfo) => {
  const from = days[1];
  const to = days.at(-2);
  await chart(page).scrollIntoViewIfNeeded();
  const a = await centre(dayBar(page, to));
  const b = await centre(dayBar(page, from));
  if (testInfo.project.name === 'phone') {
    // A finger: touch events (the page's touch-action keeps horizontal drags for the chart).
    const cdp = await page.context().newCDPSession(page);
    const touch = (type, p) => cdp.send('Input.dispatchTouchEvent', { type, touchPoints: p ? [{ x: p.x, y: p.y }] : [] });
    await touch('touchStart', a);
    for (let i = 1; i <= 8; i++) await touch('touchMove', { x: a.x + ((b.x - a.x) * i) / 8, y: a.y });
    await expect(chart(page).locator('.is-selected')).toHaveCount(inDays(from, to));
    await expect(pressed(page)).toHaveCount(0);
    await touch('touchEnd');
  } else {
    // Right to left, from the later day to the earlier one.
    await page.mouse.move(a.x, a.y);
    await page.mouse.down();
    await page.mouse.move(b.x, b.y, { steps: 8 });
    // The selection follows the pointer before anything is chosen.
    await expect(chart(page).locator('.is-selected')).toHaveCount(inDays(from, to));
    await expect(pressed(page)).toHaveCount(0);
    await expect(page).not.toHaveURL(/from=/);
    // Beyond the chart's left edge and back: the pointer is the chart's until it is released.
    await page.mouse.move(1, b.y + 200, { steps: 4 });
    await expect(chart(page).locator('.is-selected')).toHaveCount(inDays(first, to));
    await page.mouse.move(b.x, b.y, { steps: 4 });
    await page.mouse.up();
  }
  await expectRange(page, from, to);
  await axe(page);

  // Escape during a drag: nothing changes.
  if (testInfo.project.name !== 'phone') {
    const c = await centre(dayBar(page, first));
    await page.mouse.move(c.x, c.y);
    await page.mouse.down();
    await page.mouse.move(a.x, a.y, { steps: 6 });
    await expect(chart(page).locator('.is-selected')).toHaveCount(inDays(first, to));
    await page.keyboard.press('Escape');
    await expect(chart(page).locator('.is-selected')).toHaveCount(inDays(from, to));
    await page.mouse.up();
    await expectRange(page, from, to);
  }
});

test('keyboard: one tab stop, arrows move, Enter and Space choose, Shift with an arrow widens, Escape clears', async ({ page }) => {
  const stop = chart(page).locator('[tabindex="0"]');
  await expect(stop).toHaveAccessibleName(new RegExp(`^${longDate(first)}: `));
  // (Tab into it is checked at the end: from the To field, Tab first walks the date's parts.)
  await stop.focus();
  await expect(dayBar(page, first)).toBeFocused();
  await page.keyboard.press('ArrowRight');
  await expect(dayBar(page, addDays(first, 1))).toBeFocused();
  await expect(chart(page).locator('[tabindex="0"]')).toHaveCount(1);
  await page.keyboard.press('End');
  await expect(dayBar(page, last)).toBeFocused();
  await page.keyboard.press('Home');
  await expect(dayBar(page, first)).toBeFocused();

  // Enter chooses the focused day; Shift+ArrowRight twice widens to three days.
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('ArrowRight');
  const start = addDays(first, 2);
  await page.keyboard.press('Enter');
  await expectRange(page, start, start);
  await page.keyboard.press('Shift+ArrowRight');
  await page.keyboard.press('Shift+ArrowRight');
  await expectRange(page, start, addDays(start, 2));
  await expect(dayBar(page, addDays(start, 2))).toBeFocused();
  // Back past the anchor: the range turns round it.
  for (let i = 0; i < 4; i++) await page.keyboard.press('Shift+ArrowLeft');
  await expectRange(page, addDays(start, -2), start);
  await page.keyboard.press('Shift+End');
  await expectRange(page, start, last);
  await expect(dayBar(page, last)).toBeFocused();
  await axe(page);

  // Escape clears the range; the focus stays on the bar (the page does not act on it too).
  await page.keyboard.press('Escape');
  await expectNoRange(page);
  await expect(dayBar(page, last)).toBeFocused();
  // Space chooses too, and again clears.
  await page.keyboard.press('Space');
  await expectRange(page, last, last);
  await page.keyboard.press('Space');
  await expectNoRange(page);
  // Shift with an arrow and no range: from the focused day.
  await page.keyboard.press('Shift+ArrowLeft');
  await expectRange(page, addDays(last, -1), last);
  // The tab stop stays where the keyboard left it after leaving and coming back.
  await page.keyboard.press('Shift+Tab');
  await page.keyboard.press('Tab');
  await expect(dayBar(page, addDays(last, -1))).toBeFocused();
});

test('a narrower chart gets coarser bars: weeks, months, then days again when it widens', async ({ page }) => {
  // The chart measures itself: squeeze it below 6 px per day.
  const squeeze = await page.addStyleTag({ content: '.tl__bars, .tl__axis { width: 70px; }' });
  await expect(chart(page)).toHaveAccessibleName('Reports by week');
  const weeks = chart(page).getByRole('button');
  // 2016-12-01 was a Thursday: the weeks of 28 November, 5 and 12 December.
  await expect(weeks).toHaveCount(3);
  const names = ['Week of 28 November 2016', 'Week of 5 December 2016', 'Week of 12 December 2016'];
  const counts = [inRange(first, '2016-12-04'), inRange('2016-12-05', '2016-12-11'), inRange('2016-12-12', last)];
  for (let i = 0; i < 3; i++) await expect(weeks.nth(i)).toHaveAccessibleName(`${names[i]}: ${plural(counts[i])}`);
  // A week clipped to the corpus: its range starts on the first day there is.
  await weeks.nth(0).click();
  await expect(page.getByLabel('From', { exact: true })).toHaveValue(first);
  await expect(page.getByLabel('To', { exact: true })).toHaveValue('2016-12-04');
  await expect(results(page)).toHaveCount(counts[0]);
  await expect(weeks.nth(0)).toHaveAttribute('aria-pressed', 'true');
  await axe(page);

  await squeeze.evaluate((s) => { s.textContent = '.tl__bars, .tl__axis { width: 12px; }'; });
  await expect(chart(page)).toHaveAccessibleName('Reports by month');
  await expect(chart(page).getByRole('button')).toHaveCount(1);
  await expect(chart(page).getByRole('button')).toHaveAccessibleName(`Dec 2016: ${plural(articles.length)}`);
  // The range typed or chosen before still shows on the coarser bar.
  await expect(chart(page).getByRole('button')).toHaveAttribute('aria-pressed', 'true');

  await squeeze.evaluate((s) => s.remove());
  await expect(chart(page)).toHaveAccessibleName('Reports by day');
  await expect(chart(page).getByRole('button')).toHaveCount(spanDays);
});
