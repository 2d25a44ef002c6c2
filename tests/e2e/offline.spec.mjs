// Issue 6: offline after the first visit (service worker), from a sub-path, installable, and a
// rebuilt corpus replacing the cached one. Chromium only, desktop project only (the service
// worker does not depend on the viewport).
import { test, expect as baseExpect } from '@playwright/test';
import AxeBuilder from '@axe-core/playwright';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { DIST_CORPUS_B, DIST_EXPLORER, freePort, missing, serve } from './helpers/server.mjs';
import { controlled } from './helpers/worker.mjs';

// First loads compile the wasm (twice on pages with a frame and an element): allow for a busy
// 2-core CI.
const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 60_000 });

const list = (dir) => execFileSync('target/release/dispatches', ['list', ...(dir ? [dir] : []), '--json'], { encoding: 'utf8' })
  .trim().split('\n').map((l) => JSON.parse(l));
const articles = list();
const newest = articles[0];
const corpusB = list('tests/fixtures/corpus-b');

test.beforeEach(({}, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'the service worker does not depend on the viewport: desktop only');
});

// Where the UI has them (issue 5): search and an outlet filter, offline too.
async function searchAndFilter(page) {
  const box = page.getByRole('searchbox', { name: 'Search', exact: true });
  if (await box.count()) {
    await box.fill('qqxjzvnothing');
    await expect(page.getByText(newest.headline, { exact: true })).toHaveCount(0);
    await box.fill('');
    await expect(page.getByText(newest.headline, { exact: true }).first()).toBeVisible();
  }
  const outlet = page.getByRole('checkbox', { name: new RegExp(`^${newest.outlet.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}`) });
  if (await outlet.count()) {
    const other = articles.find((a) => a.outlet !== newest.outlet);
    await outlet.first().check();
    await expect(page.getByText(other.headline, { exact: true })).toHaveCount(0);
    await outlet.first().uncheck();
    await expect(page.getByText(other.headline, { exact: true }).first()).toBeVisible();
  }
}

test('after one visit the app reloads and works with the network off', async ({ page, context }) => {
  const server = await serve({ root: 'dist', site: false });
  try {
    await page.goto(`${server.origin}/`);
    await expect(page.getByText(newest.headline, { exact: true }).first()).toBeVisible();
    await controlled(page);

    await context.setOffline(true);
    // Really offline: what the worker has not cached fails.
    expect(await page.evaluate(() => fetch('/not-cached.txt').then(() => 'fetched', () => 'failed'))).toBe('failed');
    await page.reload();
    await expect(page.getByText(newest.headline, { exact: true }).first()).toBeVisible();
    await searchAndFilter(page);
    await page.getByText(newest.headline, { exact: true }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: newest.headline })).toBeVisible();
    // A shared link (any query string) opens offline too.
    await page.goto(`${server.origin}/?q=Aleppo&from=offline`);
    await expect(page.locator('main')).toBeVisible();
    await expect(page.locator('.update-notice')).toBeEmpty();
  } finally {
    await context.setOffline(false);
    await server.stop();
  }
});

test('installable: manifest and icons; the service worker is versioned by build', async ({ page, request }) => {
  const server = await serve({ root: 'dist', site: false });
  try {
    await page.goto(`${server.origin}/`);
    const href = await page.locator('link[rel=manifest]').getAttribute('href');
    const manifestUrl = new URL(href, page.url());
    const manifest = await (await request.get(manifestUrl.href)).json();
    expect(manifest).toMatchObject({ name: expect.stringContaining('Dispatches'), short_name: 'Dispatches', start_url: './', scope: './', display: 'standalone' });
    const sizes = manifest.icons.map((i) => i.sizes);
    expect(sizes).toEqual(expect.arrayContaining(['192x192', '512x512']));
    for (const icon of manifest.icons) {
      const res = await request.get(new URL(icon.src, manifestUrl).href);
      expect(res.status(), icon.src).toBe(200);
      expect(res.headers()['content-type']).toBe(icon.type);
      if (icon.type === 'image/png') {
        const png = await res.body();
        const [w, h] = [png.readUInt32BE(16), png.readUInt32BE(20)];
        expect(`${w}x${h}`).toBe(icon.sizes);
      }
    }
    const build = JSON.parse(readFileSync('dist/dispatches-build.json', 'utf8'));
    await controlled(page);
    await expect(page.locator('html')).toHaveAttribute('data-build', build.build);
    expect(await page.evaluate(() => caches.keys())).toEqual([`dispatches-${build.build}`]);
    const cached = await page.evaluate(async (name) => (await (await caches.open(name)).keys()).map((r) => new URL(r.url).pathname), `dispatches-${build.build}`);
    expect(cached.sort()).toEqual(build.precache.map((f) => (f === './' ? '/' : `/${f}`)).sort());
  } finally {
    await server.stop();
  }
});

test('served from a sub-path (/explorer/): offline, manifest, embed', async ({ page, context }) => {
  test.skip(missing(DIST_EXPLORER), `${DIST_EXPLORER} is built by scripts/test.sh (trunk build --release --public-url /explorer/)`);
  const server = await serve({ root: DIST_EXPLORER, base: '/explorer/' });
  try {
    // The custom element and the frame, loaded from /explorer/ into a host page.
    await page.goto(`${server.origin}/site/explorer.html`);
    await expect(page.locator('dispatches-explorer').getByText(newest.headline, { exact: true }).first()).toBeVisible();
    await expect(page.frameLocator('iframe[data-dispatches]').getByText(newest.headline, { exact: true }).first()).toBeVisible();

    await page.goto(`${server.origin}/explorer/`);
    await expect(page.getByText(newest.headline, { exact: true }).first()).toBeVisible();
    await expect(page.locator('link[rel=manifest]')).toHaveAttribute('href', '/explorer/manifest.webmanifest');
    await controlled(page);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).scope)).toBe(`${server.origin}/explorer/`);
    await context.setOffline(true);
    await page.reload();
    await page.getByText(newest.headline, { exact: true }).first().click();
    await expect(page.getByRole('heading', { level: 1, name: newest.headline })).toBeVisible();
  } finally {
    await context.setOffline(false);
    await server.stop();
  }
});

test('a rebuilt corpus replaces the cached one, and the page says it was updated', async ({ page, context }) => {
  test.skip(missing(DIST_CORPUS_B), `${DIST_CORPUS_B} is built by scripts/test.sh (DISPATCHES_CORPUS=tests/fixtures/corpus-b)`);
  const port = await freePort();
  const buildB = JSON.parse(readFileSync(`${DIST_CORPUS_B}/dispatches-build.json`, 'utf8')).build;
  await page.addInitScript(() => addEventListener('dispatches:updated', (e) => { window.__updated = e.detail; }));

  // Build A (the seeds) on the first visit, cached by the service worker…
  let server = await serve({ root: 'dist', port, site: false });
  await page.goto(`${server.origin}/`);
  await expect(page.getByText(newest.headline, { exact: true }).first()).toBeVisible();
  await controlled(page);
  await server.stop();

  // …then build B (another corpus) deployed at the same address.
  server = await serve({ root: DIST_CORPUS_B, port, site: false });
  try {
    await page.reload();
    for (const a of corpusB) await expect(page.getByText(a.headline, { exact: true }).first()).toBeVisible();
    await expect(page.getByText(newest.headline, { exact: true })).toHaveCount(0);
    const notice = page.getByRole('status').filter({ hasText: 'updated' });
    await expect(notice).toBeVisible();
    expect(await page.evaluate(() => window.__updated)).toMatchObject({ build: buildB, current: true });
    const axe = await new AxeBuilder({ page }).include('.update-notice').analyze();
    expect(axe.violations.map((v) => v.id)).toEqual([]);
    // The old build's cache is gone once the new worker is active.
    await expect.poll(() => page.evaluate(() => caches.keys())).toEqual([`dispatches-${buildB}`]);

    // Offline, the new corpus is what is cached.
    await context.setOffline(true);
    await page.reload();
    for (const a of corpusB) await expect(page.getByText(a.headline, { exact: true }).first()).toBeVisible();
    await expect(page.getByText(newest.headline, { exact: true })).toHaveCount(0);
    await expect(page.locator('.update-notice')).toBeEmpty();
  } finally {
    await context.setOffline(false);
    await server.stop();
  }
});
