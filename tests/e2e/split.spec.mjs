// The split layout (DISPATCHES_LAYOUT=split, built by scripts/test.sh into target/e2e/dist-split):
// the wasm embeds no corpus and fetches content-named shards from corpus/ as a search needs
// them. Search, the reader and who said what answer as in the inline build; a shard that fails
// to load and a deploy in the middle of a session are said on the page; "Make available
// offline" caches every shard; the embeds work. Chromium, desktop project only (nothing here
// depends on the viewport; explorer.spec.mjs covers the phone).
import { test, expect as baseExpect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { DIST_NEWSROOM, DIST_NEWSROOM_NEXT, DIST_SPLIT, DIST_SPLIT_B, freePort, missing, serve } from './helpers/server.mjs';
import { controlled } from './helpers/worker.mjs';

// First loads compile the wasm and then fetch the shards: allow for a busy 2-core CI.
const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 60_000 });

const cli = (...args) => execFileSync('target/release/dispatches', args, { encoding: 'utf8' })
  .trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
const articles = cli('list', '--json');
const newest = articles[0];
const byId = Object.fromEntries(articles.map((a) => [a.id, a]));
const quotes = cli('quotes', '--json');
const corpusB = cli('list', 'tests/fixtures/corpus-b', '--json');
const QUERY = 'Egeland';
const hits = cli('search', '--json', '--', QUERY).map((h) => h.article);
const SPEAKER = 'Jan Egeland';
const speakerQuotes = quotes.filter((q) => q.speaker === SPEAKER && q.repeat_of === null && q.kind !== 'scare');
const build = () => JSON.parse(readFileSync(`${DIST_SPLIT}/dispatches-build.json`, 'utf8'));

const search = (page) => page.getByRole('searchbox', { name: 'Search', exact: true });
// The search screen's live count (not the other live regions, such as the update notice).
const status = (page) => page.locator('.status[role="status"]');
const resultLinks = (page) => page.locator('.results .hit__link');
const resultsList = (page) => page.locator('ol[aria-label="Results"]');
const matching = (n, q) => `${n} ${n === 1 ? 'report matches' : 'reports match'} “${q}”`;

async function axe(page) {
  const results = await new AxeBuilder({ page }).analyze();
  expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target).join(' ')})`)).toEqual([]);
}

// Every request for a file under corpus/ (from the page and its frames), by URL.
function trackShards(page) {
  const seen = new Map();
  page.on('request', (r) => {
    const url = new URL(r.url());
    if (url.pathname.includes('/corpus/')) seen.set(url.href, (seen.get(url.href) ?? 0) + 1);
  });
  return seen;
}

// The page's own search, the results and the count the CLI gives for QUERY.
async function searchFinds(scope, query = QUERY) {
  await search(scope).fill(query);
  await expect(status(scope)).toHaveText(matching(hits.length, query));
  await expect(scope.locator('.results .hit__link')).toHaveCount(hits.length);
  await expect(scope.locator('.results .hit__snippet mark').first()).toHaveText(new RegExp(query, 'i'));
}

// In an embed: the list, then QUERY, then the best hit in the reader.
async function searchAndOpen(scope) {
  await expect(scope.getByText(newest.headline, { exact: true }).first()).toBeVisible();
  await searchFinds(scope);
  await scope.locator(`.hit__link[data-focus="a:${hits[0]}"]`).click();
  await expect(scope.getByRole('heading', { level: 1, name: byId[hits[0]].headline })).toBeVisible();
}

test.beforeEach(({ page }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'the split layout does not depend on the viewport: desktop only');
  page.on('pageerror', (e) => { throw new Error(`page error: ${e.message}`); });
});

test('the inline build (dist/) fetches no shard and offers no offline download', async ({ page }) => {
  const shards = trackShards(page);
  await page.goto('./');
  await searchFinds(page);
  await expect(page.getByRole('button', { name: /Make available offline/ })).toHaveCount(0);
  expect([...shards.keys()]).toEqual([]);
});

test.describe('split layout', () => {
  // Requests are intercepted here: no service worker in between (it has its own tests below).
  test.use({ serviceWorkers: 'block' });

  let server;
  test.beforeAll(async () => {
    test.skip(missing(DIST_SPLIT), `${DIST_SPLIT} is built by scripts/test.sh (DISPATCHES_LAYOUT=split trunk build)`);
    server = await serve({ root: DIST_SPLIT, site: false });
  });
  test.afterAll(async () => { await server?.stop(); });

  test('search fetches the shards it needs, each once; the list stays while they load', async ({ page }) => {
    const shards = trackShards(page);
    await page.goto(`${server.origin}/`);
    await expect(status(page)).toHaveText(`${articles.length} reports, newest first`);
    await expect(resultLinks(page)).toHaveCount(articles.length);
    await expect(resultsList(page)).toHaveAttribute('aria-busy', 'false');

    // Hold the postings until the query has been typed key by key: the list says it is busy
    // and keeps the previous results meanwhile.
    let release;
    const held = new Promise((resolve) => { release = resolve; });
    await page.route((url) => url.pathname.includes('/corpus/post-'), async (route) => { await held; await route.continue(); });
    await search(page).pressSequentially(QUERY, { delay: 30 });
    await expect(resultsList(page)).toHaveAttribute('aria-busy', 'true');
    await expect(resultLinks(page)).toHaveCount(articles.length);
    // The live count does not announce the previous results as the new query's.
    await expect(status(page)).not.toHaveText(matching(articles.length, QUERY));
    release();

    await expect(status(page)).toHaveText(matching(hits.length, QUERY));
    await expect(resultsList(page)).toHaveAttribute('aria-busy', 'false');
    await expect(resultLinks(page)).toHaveCount(hits.length);
    expect(await resultLinks(page).evaluateAll((ls) => ls.map((l) => l.dataset.focus.slice(2)))).toEqual(hits);
    await expect(page.locator('.results .hit__snippet mark').first()).toHaveText(new RegExp(QUERY, 'i'));
    await expect(page.locator(`.results .hit__quotes q[data-speaker="${SPEAKER}"]`).first()).toBeVisible();
    await axe(page);

    // Shards from this build's corpus/, the manifest among them, each fetched once.
    const names = build().shards;
    const fetched = [...shards.keys()].map((u) => new URL(u).pathname.slice(1));
    expect(fetched).toContain('corpus/manifest.bin');
    expect(fetched.some((f) => /^corpus\/post-[0-9a-f]{16}\.bin$/.test(f))).toBe(true);
    for (const f of fetched) expect(names, f).toContain(f);
    expect(Object.fromEntries([...shards].filter(([, n]) => n !== 1))).toEqual({});
    // The browser agrees: every corpus/ resource entry is a distinct URL.
    const entries = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => e.name).filter((n) => n.includes('/corpus/')));
    expect(entries.length).toBe(new Set(entries).size);
  });

  test('the reader shows a report\'s quotations with their speakers', async ({ page }) => {
    // A word from a quotation in a paragraph after the first (as explorer.spec.mjs's reader test).
    const q = quotes.find((x) => x.speaker && x.kind === 'speech' && x.paragraph > 3 && x.role);
    const word = q.text.split(/\s+/).filter((w) => /^[A-Za-z]{7,}$/.test(w))[0];
    await page.goto(`${server.origin}/?q=${word}`);
    await page.locator(`.hit__link[data-focus="a:${q.article}"]`).click();
    const a = byId[q.article];
    await expect(page.getByRole('heading', { level: 1, name: a.headline })).toBeVisible();
    await expect(page.locator('.reader__kicker')).toHaveText(a.outlet);
    const match = page.locator('.reader__body .is-match').first();
    await expect(match).toBeFocused();
    await expect(match.locator('mark').first()).toHaveText(new RegExp(word, 'i'));
    const el = page.locator(`.reader__body q[data-speaker="${q.speaker}"]`).filter({ hasText: q.text.slice(0, 30) }).first();
    await expect(el).toBeVisible();
    expect(await el.evaluate((e) => e.nextElementSibling.textContent)).toContain(q.speaker);
    await axe(page);
  });

  test('who said what lists the speakers; one speaker\'s quotes across outlets', async ({ page }) => {
    await page.goto(`${server.origin}/`);
    await page.getByRole('navigation', { name: 'Views' }).getByRole('link', { name: 'Who said what' }).click();
    await expect(page.getByRole('heading', { level: 1, name: 'Who said what' })).toBeVisible();
    const row = page.locator('.speaker').filter({ has: page.getByRole('link', { name: SPEAKER, exact: true }) });
    await expect(row.locator('.speaker__count')).toHaveText(`${speakerQuotes.length} quotes`);
    await row.getByRole('link', { name: SPEAKER, exact: true }).click();
    await expect(page.getByRole('heading', { level: 1, name: SPEAKER })).toBeVisible();
    await expect(page.locator('.said__item')).toHaveCount(speakerQuotes.length);
    await axe(page);
  });

  test('a shard that fails to load is said, and "Try again" fetches it', async ({ page }) => {
    const failing = (url) => url.pathname.includes('/corpus/post-');
    await page.route(failing, (route) => route.abort());
    await page.goto(`${server.origin}/`);
    await expect(resultLinks(page)).toHaveCount(articles.length);
    await search(page).fill(QUERY);
    const alert = page.getByRole('alert').filter({ hasText: 'could not be loaded' });
    await expect(alert).toBeVisible();
    const retry = page.getByRole('button', { name: 'Try again' });
    await expect(retry).toBeVisible();
    await expect(status(page)).not.toHaveText(matching(articles.length, QUERY));
    await axe(page);

    await page.unroute(failing);
    await retry.click();
    await expect(status(page)).toHaveText(matching(hits.length, QUERY));
    await expect(resultLinks(page)).toHaveCount(hits.length);
    await expect(alert).toHaveCount(0);
    await expect(resultsList(page)).toHaveAttribute('aria-busy', 'false');
  });

  test('a report whose shard fails to load: "Try again" opens it', async ({ page }) => {
    const failing = (url) => url.pathname.includes('/corpus/articles-');
    await page.route(failing, (route) => route.abort());
    await page.goto(`${server.origin}/?article=${newest.id}`);
    await expect(page.getByRole('alert').filter({ hasText: 'could not be loaded' })).toBeVisible();
    await page.unroute(failing);
    await page.getByRole('button', { name: 'Try again' }).click();
    await expect(page.getByRole('heading', { level: 1, name: newest.headline })).toBeVisible();
    await expect(page.getByRole('alert')).toHaveCount(0);
  });

  test('a deploy in the middle of a session: the page says the explorer was updated', async ({ page }) => {
    const shards = trackShards(page);
    await page.goto(`${server.origin}/`);
    await expect(resultLinks(page)).toHaveCount(articles.length);
    // The other corpus's build is deployed: its manifest, and none of this build's shards
    // that the page has not fetched yet.
    const loaded = new Set(shards.keys());
    const manifestB = readFileSync(`${DIST_SPLIT_B}/corpus/manifest.bin`);
    const deployed = (url) => url.pathname.includes('/corpus/');
    await page.route(deployed, (route) => {
      const url = new URL(route.request().url());
      if (url.pathname.endsWith('/corpus/manifest.bin')) return route.fulfill({ status: 200, contentType: 'application/octet-stream', body: manifestB });
      if (loaded.has(url.href)) return route.continue();
      return route.fulfill({ status: 404, contentType: 'text/plain', body: 'not found' });
    });
    await search(page).fill(QUERY);
    await expect(page.getByRole('alert').filter({ hasText: 'The explorer was updated' })).toBeVisible();
    const reload = page.getByRole('button', { name: 'Reload' });
    await expect(reload).toBeVisible();
    await axe(page);

    // Reload loads the page again (here the same build, the deploy being only simulated).
    await page.unroute(deployed);
    await Promise.all([page.waitForEvent('load'), reload.click()]);
    await searchFinds(page);
    await expect(page.getByRole('alert')).toHaveCount(0);
  });
});

test.describe('split layout with the service worker', () => {
  test.beforeAll(() => {
    test.skip(missing(DIST_SPLIT), `${DIST_SPLIT} is built by scripts/test.sh (DISPATCHES_LAYOUT=split trunk build)`);
  });

  test('"Make available offline" caches every shard; offline, search, the reader and who said what work', async ({ page, context }) => {
    // Whether a progress bar was ever shown (a small corpus downloads in a moment).
    await page.addInitScript(() => {
      new MutationObserver((records) => {
        for (const r of records) {
          for (const n of r.addedNodes) {
            if (n.nodeType === 1 && (n.matches('progress, [role=progressbar]') || n.querySelector('progress, [role=progressbar]'))) window.__progress = true;
          }
        }
      }).observe(document, { childList: true, subtree: true });
    });
    const { build: id, shards } = build();
    const server = await serve({ root: DIST_SPLIT, site: false });
    try {
      await page.goto(`${server.origin}/`);
      await expect(resultLinks(page)).toHaveCount(articles.length);
      await controlled(page);
      const offer = page.getByRole('button', { name: /^Make available offline/ });
      await expect(offer).toHaveAccessibleName(/^Make available offline \(\d+(\.\d+)? [kKM]?B\)$/);
      await axe(page);
      await offer.click();
      await expect(page.getByText(/^Available offline/)).toBeVisible();
      expect(await page.evaluate(() => window.__progress)).toBe(true);
      const cached = await page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname.slice(1)), `dispatches-${id}`);
      expect(cached).toEqual(expect.arrayContaining(shards));

      await context.setOffline(true);
      // Really offline: what the worker has not cached fails.
      expect(await page.evaluate(() => fetch('/not-cached.txt').then(() => 'fetched', () => 'failed'))).toBe('failed');
      await page.reload();
      await expect(resultLinks(page)).toHaveCount(articles.length);
      await searchFinds(page);
      await page.locator(`.hit__link[data-focus="a:${hits[0]}"]`).click();
      await expect(page.getByRole('heading', { level: 1, name: byId[hits[0]].headline })).toBeVisible();
      await expect(page.locator(`.reader__body q[data-speaker="${SPEAKER}"]`).first()).toBeVisible();
      await page.goto(`${server.origin}/?view=speakers`);
      await expect(page.getByRole('link', { name: SPEAKER, exact: true })).toBeVisible();
      await expect(page.getByRole('alert')).toHaveCount(0);
    } finally {
      await context.setOffline(false);
      await server.stop();
    }
  });

  test('the shards a search fetched are kept as it goes: offline, the same search and report open again', async ({ page, context }) => {
    const { build: id } = build();
    const server = await serve({ root: DIST_SPLIT, site: false });
    try {
      await page.goto(`${server.origin}/`);
      await expect(resultLinks(page)).toHaveCount(articles.length);
      await controlled(page);
      // A load the worker controls from its start: every shard it reads is to be kept (in
      // Chromium a static route fetches it past the worker, and the page hands it over).
      await page.reload();
      await expect(resultLinks(page)).toHaveCount(articles.length);
      await searchFinds(page);
      await page.locator(`.hit__link[data-focus="a:${hits[0]}"]`).click();
      await expect(page.getByRole('heading', { level: 1, name: byId[hits[0]].headline })).toBeVisible();
      const fetched = await page.evaluate(() => [...new Set(performance.getEntriesByType('resource')
        .map((e) => new URL(e.name).pathname.slice(1)).filter((p) => /^corpus\/.+-[0-9a-f]{16}\.bin$/.test(p)))]);
      expect(fetched.length).toBeGreaterThan(2);
      const cached = () => page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname.slice(1)), `dispatches-${id}`);
      await expect.poll(cached).toEqual(expect.arrayContaining(fetched));
      // Nothing else: the shards the page did not read stay on the server.
      expect((await cached()).filter((p) => /^corpus\/.+-[0-9a-f]{16}\.bin$/.test(p)).length).toBeLessThan(build().shards.length);

      await context.setOffline(true);
      await page.goto(`${server.origin}/`);
      await expect(resultLinks(page)).toHaveCount(articles.length);
      await searchFinds(page);
      await page.locator(`.hit__link[data-focus="a:${hits[0]}"]`).click();
      await expect(page.getByRole('heading', { level: 1, name: byId[hits[0]].headline })).toBeVisible();
      await expect(page.getByRole('alert')).toHaveCount(0);
    } finally {
      await context.setOffline(false);
      await server.stop();
    }
  });

  test('a deploy while the worker is active: "The explorer was updated", and Reload opens the new build', async ({ page }) => {
    test.skip(missing(DIST_SPLIT_B), `${DIST_SPLIT_B} is built by scripts/test.sh (DISPATCHES_LAYOUT=split DISPATCHES_CORPUS=tests/fixtures/corpus-b)`);
    const port = await freePort();
    const buildB = JSON.parse(readFileSync(`${DIST_SPLIT_B}/dispatches-build.json`, 'utf8')).build;
    let server = await serve({ root: DIST_SPLIT, port, site: false });
    await page.goto(`${server.origin}/`);
    await expect(resultLinks(page)).toHaveCount(articles.length);
    await controlled(page);
    await server.stop();
    server = await serve({ root: DIST_SPLIT_B, port, site: false });
    try {
      await search(page).fill(QUERY);
      await expect(page.getByRole('alert').filter({ hasText: 'The explorer was updated' })).toBeVisible();
      // The search reaches the address once typing pauses, and a reload keeps it: the new
      // build answers it (corpus B has no Egeland), then lists its own reports. (Clicking
      // before the address had it made the reload open the newest reports instead: a race.)
      await expect(page).toHaveURL(new RegExp(`[?&]q=${QUERY}(&|$)`));
      await Promise.all([page.waitForEvent('load'), page.getByRole('button', { name: 'Reload' }).click()]);
      await expect(search(page)).toHaveValue(QUERY);
      await expect(status(page)).toHaveText(/^No reports match/);
      await search(page).fill('');
      for (const a of corpusB) await expect(page.getByText(a.headline, { exact: true }).first()).toBeVisible();
      await expect(page.getByText(newest.headline, { exact: true })).toHaveCount(0);
      await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([`dispatches-${buildB}`]);
    } finally {
      await server.stop();
    }
  });
});

test.describe('split layout: a rebuild after a day\'s news', () => {
  test('a visitor who made the corpus available offline keeps the shards the new build shares', async ({ page }) => {
    test.skip(missing(DIST_NEWSROOM) || missing(DIST_NEWSROOM_NEXT), 'the newsroom builds are made by scripts/test.sh');
    const before = JSON.parse(readFileSync(`${DIST_NEWSROOM}/dispatches-build.json`, 'utf8'));
    const after = JSON.parse(readFileSync(`${DIST_NEWSROOM_NEXT}/dispatches-build.json`, 'utf8'));
    // What the two builds share: the reports' article groups and cards that the new report
    // left as they were (content-named: the same name is the same file).
    const shared = after.shards.filter((f) => f !== 'corpus/manifest.bin' && before.shards.includes(f));
    const sharedGroups = shared.filter((f) => f.startsWith('corpus/articles-'));
    expect(sharedGroups.length).toBeGreaterThan(0);
    const cachedIn = (build) => page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname.slice(1)), `dispatches-${build}`);
    const port = await freePort();
    let server = await serve({ root: DIST_NEWSROOM, port, site: false });
    try {
      await page.goto(`${server.origin}/`);
      await expect(resultLinks(page).first()).toBeVisible();
      await controlled(page);
      await page.getByRole('button', { name: /^Make available offline/ }).click();
      await expect(page.getByText(/^Available offline/)).toBeVisible();
      expect(await cachedIn(before.build)).toEqual(expect.arrayContaining(before.shards));
      await server.stop();

      // The deploy: the next visit installs the new build's worker, which keeps what is shared.
      server = await serve({ root: DIST_NEWSROOM_NEXT, port, site: false });
      await page.reload();
      await expect.poll(() => page.evaluate(() => caches.keys()), { timeout: 20_000 }).toEqual([`dispatches-${after.build}`]);
      const cached = await cachedIn(after.build);
      // The shared article groups too, which the first screen does not read: moved, not fetched.
      expect(cached).toEqual(expect.arrayContaining(shared));
      // Nothing of the old build that the new one does not list.
      expect(cached.filter((f) => f.startsWith('corpus/') && !after.shards.includes(f))).toEqual([]);
      // And the new report is there.
      await expect(page.getByText('Fenwick opens its new library', { exact: true }).first()).toBeVisible();
    } finally {
      await server.stop();
    }
  });
});

test.describe('split layout embedded', () => {
  test.beforeAll(() => {
    test.skip(missing(DIST_SPLIT), `${DIST_SPLIT} is built by scripts/test.sh (DISPATCHES_LAYOUT=split trunk build)`);
  });

  test('in an iframe: lists, searches and opens a report', async ({ page }) => {
    const shards = trackShards(page);
    const server = await serve({ root: DIST_SPLIT });
    try {
      await page.goto(`${server.origin}/site/iframe.html`);
      await searchAndOpen(page.frameLocator('iframe[data-dispatches]'));
      expect([...shards.keys()]).toContain(`${server.origin}/corpus/manifest.bin`);
      expect(page.url()).toBe(`${server.origin}/site/iframe.html`);
    } finally {
      await server.stop();
    }
  });

  test('<dispatches-explorer> from a sub-path (/explorer/): fetches /explorer/corpus/, searches and opens a report', async ({ page }) => {
    const shards = trackShards(page);
    const server = await serve({ root: DIST_SPLIT, base: '/explorer/' });
    try {
      await page.goto(`${server.origin}/site/explorer.html`);
      await searchAndOpen(page.locator('dispatches-explorer#explorer'));
      const paths = [...shards.keys()].map((u) => new URL(u).pathname);
      expect(paths).toContain('/explorer/corpus/manifest.bin');
      expect(paths.filter((p) => !p.startsWith('/explorer/corpus/'))).toEqual([]);
      expect(page.url()).toBe(`${server.origin}/site/explorer.html`);
    } finally {
      await server.stop();
    }
  });
});
