// A corpus larger than the seeds (tests/fixtures/newsroom.mjs: 14 invented outlets, 70 reports,
// 64 speakers; split layout, built by scripts/test.sh into target/e2e/dist-newsroom):
// - the Sources facet as a refinement list: by count for the query, selected first, zero
//   counts hidden, the top 8 with "Show all", a box that filters it by name;
// - who said what: a speaker box over names, order by quotes or by name, a screen of 50 with
//   "Show more", the outlet and date filters applied to the counts; a speaker's page grouped
//   by outlet.
// Expected values come from the CLI over the same folder.
import { test, expect as baseExpect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { axe, openFilters } from './helpers/page.mjs';
import { CORPUS_NEWSROOM, DIST_NEWSROOM, missing, serve } from './helpers/server.mjs';

const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 60_000 });

const cli = (...args) => execFileSync('target/release/dispatches', args, { encoding: 'utf8' })
  .trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));

let server;
let articles, byId, speakers, quotes;
test.beforeAll(async () => {
  test.skip(missing(DIST_NEWSROOM), `${DIST_NEWSROOM} is built by scripts/test.sh (tests/fixtures/newsroom.mjs, split layout)`);
  articles = cli('list', CORPUS_NEWSROOM, '--json');
  byId = Object.fromEntries(articles.map((a) => [a.id, a]));
  speakers = cli('speakers', CORPUS_NEWSROOM, '--json');
  quotes = cli('quotes', '--corpus', CORPUS_NEWSROOM, '--json').filter((q) => q.speaker && q.repeat_of === null && q.kind !== 'scare');
  server = await serve({ root: DIST_NEWSROOM, site: false });
});
test.afterAll(async () => { await server?.stop(); });

test.beforeEach(async ({ page }) => {
  page.on('pageerror', (e) => { throw new Error(`page error: ${e.message}`); });
});



const sources = (page) => page.getByRole('group', { name: 'Sources' });
// The checkboxes' names are "<outlet> <count>".
async function shownSources(page) {
  const names = await sources(page).getByRole('checkbox').evaluateAll((els) => els.map((e) => e.labels[0].innerText.replace(/\s+/g, ' ').trim()));
  return names.map((n) => {
    const m = n.match(/^(.*) ([\d,]+)$/);
    return { name: m[1], count: Number(m[2].replaceAll(',', '')) };
  });
}

function countsBy(list) {
  const out = {};
  for (const x of list) out[x] = (out[x] ?? 0) + 1;
  return out;
}

test('the Sources facet: by count, top 8 then "Show all", a name box, selected first, zero hidden', async ({ page }) => {
  await page.goto(`${server.origin}/?q=council`);
  await openFilters(page);
  const expected = Object.entries(countsBy(articles.map((a) => a.outlet))).sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
  expect(expected.length).toBeGreaterThan(8);
  await expect(sources(page).getByRole('checkbox')).toHaveCount(8);
  expect(await shownSources(page)).toEqual(expected.slice(0, 8).map(([name, count]) => ({ name, count })));
  const more = sources(page).getByRole('button', { name: `Show all ${expected.length} sources` });
  await expect(more).toHaveAttribute('aria-expanded', 'false');
  await more.click();
  await expect(sources(page).getByRole('checkbox')).toHaveCount(expected.length);
  expect(await shownSources(page)).toEqual(expected.map(([name, count]) => ({ name, count })));
  await axe(page);
  await sources(page).getByRole('button', { name: 'Show fewer' }).click();
  await expect(sources(page).getByRole('checkbox')).toHaveCount(8);

  // The name box: any value it matches, however far down the list.
  const rare = expected.at(-1)[0];
  const box = sources(page).getByRole('searchbox', { name: 'Filter sources by name' });
  await box.fill(rare.split(' ')[0].toLowerCase());
  await expect(sources(page).getByRole('checkbox')).toHaveCount(expected.filter(([n]) => n.toLowerCase().includes(rare.split(' ')[0].toLowerCase())).length);
  await sources(page).getByRole('checkbox', { name: new RegExp(`^${rare} `) }).check();
  await expect(page).toHaveURL(new RegExp(`source=${encodeURIComponent(rare).replace(/%20/g, '\\+')}`));
  await box.fill('');
  await expect(sources(page).getByRole('checkbox')).toHaveCount(8);
  // Selected first, then the top of the others, eight in all; the others keep their counts
  // (disjunctive).
  const shown = await shownSources(page);
  expect(shown[0]).toEqual({ name: rare, count: expected.at(-1)[1] });
  expect(shown.slice(1)).toEqual(expected.slice(0, 7).map(([name, count]) => ({ name, count })));
  await expect(sources(page).getByRole('checkbox', { name: new RegExp(`^${rare} `) })).toBeChecked();
  await box.fill('no such outlet');
  await expect(sources(page)).toContainText('No sources match “no such outlet”.');
  await axe(page);

  // A query some outlets have no report for: those are not listed.
  await page.goto(`${server.origin}/?q=${encodeURIComponent('"report number 70"')}`);
  await openFilters(page);
  await expect(sources(page).getByRole('checkbox')).toHaveCount(1);
  expect(await shownSources(page)).toEqual([{ name: byId['report-070'].outlet, count: 1 }]);
});

test('People quoted: who is quoted in the most of the matching reports, into their page', async ({ page }) => {
  const query = 'bridge';
  const hits = cli('search', '--corpus', CORPUS_NEWSROOM, '--json', '--limit', '1000', '--', query).map((h) => h.article);
  const perSpeaker = {};
  for (const q of quotes.filter((x) => hits.includes(x.article) && x.speaker_kind !== 'unnamed')) (perSpeaker[q.speaker] ??= new Set()).add(q.article);
  const ranked = Object.entries(perSpeaker).map(([name, set]) => [name, set.size]).sort((a, b) => b[1] - a[1]);
  await page.goto(`${server.origin}/?q=${query}`);
  await openFilters(page);
  const facet = page.locator('details.people');
  await facet.getByText('People quoted').click();
  const items = facet.getByRole('listitem');
  await expect(items).toHaveCount(Math.min(8, ranked.length));
  // Counts by the CLI's quotations; ties in any order.
  const counts = (await facet.locator('.facet__count').allInnerTexts()).map((t) => Number(t.replace(/\D+/g, '')));
  expect(counts).toEqual(ranked.slice(0, counts.length).map((r) => r[1]));
  const first = await facet.getByRole('link').first().innerText();
  expect(perSpeaker[first].size).toBe(ranked[0][1]);
  await axe(page);
  await facet.getByRole('link').first().click();
  await expect(page.getByRole('heading', { level: 1, name: first })).toBeVisible();
});

const who = (page) => page.getByRole('searchbox', { name: 'Find a speaker' });
const rows = (page) => page.getByRole('list', { name: 'Speakers' }).getByRole('listitem');

test('who said what: a screen at a time, found by name, ordered by quotes or name, filtered', async ({ page }) => {
  await page.goto(`${server.origin}/?view=speakers`);
  await expect(page.getByRole('heading', { level: 1, name: 'Who said what' })).toBeVisible();
  const quoted = speakers.filter((s) => s.quotes > 0);
  expect(quoted.length).toBeGreaterThan(50);
  await expect(rows(page)).toHaveCount(50);
  // Most quoted first, as the CLI ranks them.
  await expect(rows(page).locator('.speaker__name')).toHaveText(quoted.slice(0, 50).map((s) => s.name));
  await page.getByRole('button', { name: /^Show more/ }).click();
  await expect(rows(page)).toHaveCount(quoted.length);
  await expect(page.getByRole('button', { name: /^Show more/ })).toHaveCount(0);
  await axe(page);

  // By name.
  await page.getByRole('radio', { name: 'Name A–Z' }).check();
  const byName = [...quoted].map((s) => s.name).sort((a, b) => a.localeCompare(b, 'en'));
  await expect(rows(page).locator('.speaker__name')).toHaveText(byName.slice(0, 50));

  // A name typed: any word of it, its first letters.
  const star = quoted[0];
  const surname = star.name.split(' ').at(-1);
  const prefix = surname.slice(0, 3).toLowerCase();
  await page.getByRole('radio', { name: 'Most quoted' }).check();
  await who(page).fill(prefix);
  const matching = quoted.filter((s) => [s.name, ...(s.aliases ?? [])].some((n) => n.split(/[\s-]+/).some((w) => w.toLowerCase().startsWith(prefix))));
  await expect(rows(page).locator('.speaker__name')).toHaveText(matching.map((s) => s.name));
  await who(page).fill('zzzq');
  await expect(page.locator('#dx-who-status')).toHaveText('No one quoted matches “zzzq”');
  await who(page).fill(star.name);
  await expect(rows(page)).toHaveCount(1);
  await expect(page.locator('#dx-who-status')).toHaveText(`1 speaker matches “${star.name}”`);
  // One letter names nobody yet: the list stays.
  await who(page).fill(prefix[0]);
  await expect(rows(page)).toHaveCount(50);

  // The box and the order are in the address: back from a speaker's page, or a reload, finds
  // the list as it was left.
  await page.getByRole('radio', { name: 'Name A–Z' }).check();
  await who(page).fill(prefix);
  await expect(page).toHaveURL(new RegExp(`who=${prefix}.*order=name|order=name.*who=${prefix}`));
  const byNameMatching = matching.map((s) => s.name).sort((a, b) => a.localeCompare(b, 'en'));
  await expect(rows(page).locator('.speaker__name')).toHaveText(byNameMatching);
  await rows(page).getByRole('link', { name: byNameMatching[0], exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name: byNameMatching[0] })).toBeVisible();
  await page.goBack();
  await expect(who(page)).toHaveValue(prefix);
  await expect(page.getByRole('radio', { name: 'Name A–Z' })).toBeChecked();
  await expect(rows(page).locator('.speaker__name')).toHaveText(byNameMatching);
  await page.reload();
  await expect(who(page)).toHaveValue(prefix);
  await expect(rows(page).locator('.speaker__name')).toHaveText(byNameMatching);
  await page.getByRole('radio', { name: 'Most quoted' }).check();

  // The outlet filter applies: counts over that outlet's reports only.
  await who(page).fill('');
  const outlet = articles[articles.length - 1].outlet; // the outlet of the oldest report
  await openFilters(page);
  await page.getByRole('group', { name: 'Sources' }).getByRole('checkbox', { name: new RegExp(`^${outlet} `) }).check();
  const inOutlet = countsBy(quotes.filter((q) => byId[q.article].outlet === outlet).map((q) => q.speaker));
  await expect(rows(page)).toHaveCount(Object.keys(inOutlet).length);
  for (const [name, n] of Object.entries(inOutlet)) {
    const row = rows(page).filter({ has: page.getByRole('link', { name, exact: true }) });
    await expect(row.locator('.speaker__count')).toHaveText(`${n} quote${n === 1 ? '' : 's'}`);
    await expect(row.locator('.speaker__outlets')).toHaveText('1 outlet');
  }
  await axe(page);
  // Into one speaker's page: their quotations in that outlet only, grouped under it.
  const [name, n] = Object.entries(inOutlet)[0];
  await rows(page).getByRole('link', { name, exact: true }).click();
  await expect(page.getByRole('heading', { level: 1, name })).toBeVisible();
  // One section per outlet, headed by its name and count (beside "Quoted most widely", the
  // speaker's quote trails: this newsroom's quotations travel).
  const outletHeads = page.locator('section.said-outlet').getByRole('heading', { level: 2 });
  await expect(outletHeads).toHaveText([`${outlet} · ${n} quote${n === 1 ? '' : 's'}`]);
  await expect(page.locator('.said__item')).toHaveCount(n);
  await page.getByRole('button', { name: 'Clear filters' }).click();
  const all = quotes.filter((q) => q.speaker === name);
  await expect(page.locator('.said__item')).toHaveCount(all.length);
  const outlets = countsBy(all.map((q) => byId[q.article].outlet));
  await expect(outletHeads).toHaveCount(Object.keys(outlets).length);
  await axe(page);
});

test('who said what under a filter: most quoted in the reports it keeps', async ({ page }) => {
  // Named speakers first, then by quotations in the kept reports, then as ranked over the
  // whole corpus; an outlet whose order differs from the corpus-wide one shows the difference.
  const rank = Object.fromEntries(speakers.map((s, i) => [s.name, i]));
  const unnamed = (name) => speakers[rank[name]].kind === 'unnamed';
  const orders = [...new Set(articles.map((a) => a.outlet))].map((outlet) => {
    const n = countsBy(quotes.filter((q) => byId[q.article].outlet === outlet).map((q) => q.speaker));
    const names = Object.keys(n).sort((a, b) => rank[a] - rank[b]);
    const filtered = [...names].sort((a, b) => (unnamed(a) - unnamed(b)) || (n[b] - n[a]) || (rank[a] - rank[b]));
    return { outlet, n, names, filtered };
  });
  const differs = orders.filter((o) => o.filtered.join('|') !== o.names.join('|') && o.filtered.length <= 50);
  expect(differs.length, 'an outlet of the newsroom ranks its speakers differently').toBeGreaterThan(0);
  for (const { outlet, n, filtered } of differs.slice(0, 2)) {
    await page.goto(`${server.origin}/?view=speakers&source=${encodeURIComponent(outlet)}`);
    await expect(rows(page).locator('.speaker__name')).toHaveText(filtered);
    await expect(rows(page).locator('.speaker__count')).toHaveText(filtered.map((name) => `${n[name]} quote${n[name] === 1 ? '' : 's'}`));
  }
});

test('who said what stays small: one screen of rows, few DOM nodes', async ({ page }) => {
  await page.goto(`${server.origin}/?view=speakers`);
  await expect(rows(page)).toHaveCount(50);
  const nodes = await page.evaluate(() => document.querySelectorAll('*').length);
  expect(nodes).toBeLessThan(3000);
});
