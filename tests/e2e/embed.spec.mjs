// Issue 6: Dispatches embedded in a news site (tests/fixture-site: an article page with
// aggressive global CSS and its own scripts), by iframe and as <dispatches-explorer>, and
// under a strict Content-Security-Policy.
import { test, expect as baseExpect } from '@playwright/test';
import { execFileSync } from 'node:child_process';
import { serve } from './helpers/server.mjs';

// First loads compile the wasm (twice on pages with a frame and an element): allow for a busy
// 2-core CI.
const expect = baseExpect.configure({ timeout: 15_000 });
test.describe.configure({ timeout: 60_000 });

const articles = execFileSync('target/release/dispatches', ['list', '--json'], { encoding: 'utf8' })
  .trim().split('\n').map((l) => JSON.parse(l));
const newest = articles[0];
const other = articles[articles.length - 1];

let server;
let cspServer;
test.beforeAll(async () => {
  server = await serve({ root: 'dist' });
  cspServer = await serve({ root: 'dist', csp: true });
});
test.afterAll(async () => {
  await server?.stop();
  await cspServer?.stop();
});

// Computed styles of the host page's own elements: the embed must not change them.
const HOST = ['body', '.site-header a', '.headline', '.byline', '.lede', '.share-toggle', '.after-embed', 'footer p', '.site-search input'];
const PROPS = ['font-family', 'font-size', 'color', 'background-color', 'text-transform', 'line-height', 'letter-spacing', 'border-top-style', 'border-top-color', 'margin-top', 'display'];
const hostStyles = (page) => page.evaluate(([sels, props]) => Object.fromEntries(sels.map((s) => {
  const el = document.querySelector(s);
  const cs = getComputedStyle(el);
  return [s, Object.fromEntries(props.map((p) => [p, cs.getPropertyValue(p)]))];
})), [HOST, PROPS]);

// The search box is the explorer UI's (issue 5); where it exists, searching must work inside
// the embed: a query that matches nothing, then one that matches the newest article.
async function searchWorks(scope) {
  const box = scope.getByRole('searchbox', { name: 'Search', exact: true });
  if ((await box.count()) === 0) return false;
  await box.fill('qqxjzvnothing');
  await expect(scope.getByText(newest.headline, { exact: true })).toHaveCount(0);
  await box.fill(newest.headline.split(/\s+/).filter((w) => w.length > 5).slice(0, 2).join(' '));
  await expect(scope.getByText(newest.headline, { exact: true }).first()).toBeVisible();
  await box.fill('');
  return true;
}

async function listAndReader(scope) {
  await expect(scope.getByText(newest.headline, { exact: true }).first()).toBeVisible();
  await expect(scope.getByText(other.headline, { exact: true }).first()).toBeVisible();
  await scope.getByText(newest.headline, { exact: true }).first().click();
  await expect(scope.getByRole('heading', { level: 1, name: newest.headline })).toBeVisible();
}

test.describe('iframe', () => {
  test('renders without its site chrome, resizes the frame, and searches', async ({ page }) => {
    await page.goto(`${server.origin}/site/iframe.html`);
    const iframe = page.locator('iframe[data-dispatches]');
    const frame = page.frameLocator('iframe[data-dispatches]');
    await expect(frame.getByText(newest.headline, { exact: true }).first()).toBeVisible();
    await expect(frame.locator('html')).toHaveAttribute('data-mount', 'frame');
    // The standalone page's masthead (banner) is dropped inside the frame.
    await expect(frame.getByRole('banner')).toHaveCount(0);

    // The frame takes the height the app reports (the fixture page uses the README's snippet).
    const heights = async () => {
      const outer = await iframe.evaluate((el) => Math.round(el.getBoundingClientRect().height));
      const inner = await frame.locator('body').evaluate((b) => Math.ceil(b.getBoundingClientRect().height));
      return { outer, inner };
    };
    await expect.poll(async () => { const h = await heights(); return h.outer > 300 && Math.abs(h.outer - h.inner) <= 1; }).toBe(true);
    const listHeight = (await heights()).outer;

    await searchWorks(frame);
    await listAndReader(frame);
    await expect.poll(async () => { const h = await heights(); return h.outer !== listHeight && Math.abs(h.outer - h.inner) <= 1; }).toBe(true);
    // The host page's URL is its own.
    expect(page.url()).toBe(`${server.origin}/site/iframe.html`);
  });

  test('talks to the parent origin only and ignores unexpected messages', async ({ page, baseURL }) => {
    // Cross-origin: the page on localhost, the frame on 127.0.0.1.
    void baseURL;
    await page.goto(`${server.origin.replace('127.0.0.1', 'localhost')}/site/iframe.html?app=${encodeURIComponent(`${server.origin}/`)}`);
    const frame = page.frameLocator('iframe[data-dispatches]');
    await expect(frame.getByText(newest.headline, { exact: true }).first()).toBeVisible();
    await page.evaluate(() => {
      window.__got = [];
      addEventListener('message', (e) => window.__got.push({ origin: e.origin, data: e.data }));
    });
    const post = (data) => page.locator('iframe[data-dispatches]').evaluate((el, d) => el.contentWindow.postMessage(d, '*'), data);
    for (const junk of ['dispatches:hello', { type: 'dispatches:height', height: 1 }, { type: 'nonsense' }, null, 42]) await post(junk);
    await page.waitForTimeout(300);
    expect(await page.evaluate(() => window.__got)).toEqual([]);
    await post({ type: 'dispatches:hello' });
    await expect.poll(() => page.evaluate(() => window.__got)).toEqual([
      { origin: server.origin, data: { type: 'dispatches:height', height: expect.any(Number) } },
    ]);
    // The frame was sized from those messages.
    await expect.poll(() => page.locator('iframe[data-dispatches]').evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(300);
  });
});

test.describe('custom element', () => {
  test('renders in its shadow root; host styles and scripts are untouched both ways', async ({ page }) => {
    // The host page as it is without Dispatches…
    await page.route('**/embed.js', (route) => route.abort());
    await page.goto(`${server.origin}/site/element.html`);
    const before = await hostStyles(page);
    const sheetsBefore = await page.evaluate(() => document.styleSheets.length);
    await page.unroute('**/embed.js');

    // …and with it.
    await page.goto(`${server.origin}/site/element.html`);
    const explorer = page.locator('dispatches-explorer#explorer');
    await expect(explorer.getByText(newest.headline, { exact: true }).first()).toBeVisible();
    expect(await explorer.evaluate((el) => !!el.shadowRoot && el.shadowRoot.mode)).toBe('open');
    expect(await hostStyles(page)).toEqual(before);
    expect(await page.evaluate(() => document.styleSheets.length)).toBe(sheetsBefore);

    // The host's CSS does not reach inside: no Comic Sans, no red, no lime borders, no
    // uppercase, and text sized from 16px although the host sets html { font-size: 62.5% }.
    const inside = await explorer.evaluate((el) => {
      const root = el.shadowRoot.querySelector('.dx-root');
      const text = root.querySelector('h2, h3, a');
      const div = root.querySelector('div');
      const cs = (e) => getComputedStyle(e);
      return {
        font: cs(text).fontFamily, color: cs(text).color, transform: cs(root).textTransform,
        letterSpacing: cs(root).letterSpacing, border: div ? cs(div).borderTopStyle : 'none', size: parseFloat(cs(root).fontSize),
      };
    });
    expect(inside.font).not.toMatch(/comic/i);
    expect(inside.color).not.toBe('rgb(255, 0, 0)');
    expect(inside.transform).toBe('none');
    expect(inside.letterSpacing).toBe('normal');
    expect(inside.border).not.toBe('dashed');
    expect(inside.size).toBeGreaterThanOrEqual(16);

    // The host's scripts still work, and its "/" shortcut is still its own.
    await page.getByRole('button', { name: 'Share' }).click();
    await expect(page.getByRole('link', { name: 'Copy link' })).toBeVisible();
    await page.locator('.after-embed').click();
    await page.keyboard.press('/');
    await expect(page.getByRole('searchbox', { name: 'Search the Ledger' })).toBeFocused();

    // Search and the reader work inside the shadow root (Yew's events are delegated there).
    await searchWorks(explorer);
    await listAndReader(explorer);
    // Without url-state the element leaves the host's URL alone.
    expect(page.url()).toBe(`${server.origin}/site/element.html`);
    expect(await hostStyles(page)).toEqual(before);
  });

  test('attributes: query, source, theme, compact', async ({ page }) => {
    await page.goto(`${server.origin}/site/preset.html`);
    const explorer = page.locator('dispatches-explorer#explorer');
    await expect(explorer.locator('.dx-root')).toHaveAttribute('data-theme', 'dark');
    await expect(explorer.locator('main')).toBeVisible();
    // theme="dark": dark paper whatever the system's colour scheme.
    const bg = await explorer.locator('.dx-root').evaluate((el) => getComputedStyle(el).backgroundColor);
    const [r, g, b] = bg.match(/\d+/g).map(Number);
    expect(r + g + b).toBeLessThan(200);
    // theme applies at once when the attribute changes.
    await explorer.evaluate((el) => el.setAttribute('theme', 'light'));
    await expect(explorer.locator('.dx-root')).toHaveAttribute('data-theme', 'light');
    const light = await explorer.locator('.dx-root').evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(light.match(/\d+/g).map(Number).slice(0, 3).reduce((a, v) => a + v, 0)).toBeGreaterThan(600);

    // query="Aleppo" source="TIME": where the UI has its search box, it starts from them.
    const box = explorer.getByRole('searchbox', { name: 'Search', exact: true });
    if (await box.count()) {
      await expect(box).toHaveValue('Aleppo');
      const time = articles.find((a) => a.outlet === 'TIME');
      const notTime = articles.find((a) => a.outlet !== 'TIME');
      await expect(explorer.getByText(time.headline, { exact: true }).first()).toBeVisible();
      await expect(explorer.getByText(notTime.headline, { exact: true })).toHaveCount(0);
    }
  });

  test('two elements on one page both work; the second says why it has no url-state', async ({ page }) => {
    await page.goto(`${server.origin}/site/two.html`);
    const first = page.locator('dispatches-explorer#first');
    const second = page.locator('dispatches-explorer#second');
    await expect(first.getByText(newest.headline, { exact: true }).first()).toBeVisible();
    await expect(second.getByText(newest.headline, { exact: true }).first()).toBeVisible();
    await expect(first.getByRole('note')).toBeHidden();
    await expect(second.getByRole('note')).toContainText('another explorer on this page already does');
    // Independent states: the reader opens in the second only.
    const url = page.url();
    await listAndReader(second);
    await expect(first.getByRole('heading', { level: 1, name: newest.headline })).toHaveCount(0);
    expect(page.url()).toBe(url);
    await searchWorks(first);
  });
});

test.describe('strict Content-Security-Policy', () => {
  // Every violation in every frame, and every console error.
  async function watch(page) {
    const errors = [];
    page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
    page.on('pageerror', (e) => errors.push(e.message));
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => {
        console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`);
      });
    });
    return errors;
  }

  test('the standalone page works with no violation', async ({ page }) => {
    const errors = await watch(page);
    const response = await page.goto(`${cspServer.origin}/`);
    expect(response.headers()['content-security-policy']).toContain("script-src 'self' 'wasm-unsafe-eval'");
    await searchWorks(page);
    await listAndReader(page);
    expect(errors).toEqual([]);
  });

  test('a host page under the policy embeds both ways with no violation', async ({ page }) => {
    const errors = await watch(page);
    await page.goto(`${cspServer.origin}/site/csp.html`);
    const frame = page.frameLocator('iframe[data-dispatches]');
    const explorer = page.locator('dispatches-explorer#explorer');
    await listAndReader(frame);
    await searchWorks(explorer);
    await listAndReader(explorer);
    await expect.poll(() => page.locator('iframe[data-dispatches]').evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(300);
    expect(errors).toEqual([]);
  });
});
