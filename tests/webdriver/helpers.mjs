// What the cross-engine tests share: the corpus as the CLI sees it (the expected answers), a
// polling wait, and finding elements as a person would, by accessible role and name, asked of
// the engine itself (WebDriver's "computed role" and "computed label").
import { execFileSync } from 'node:child_process';
import { By, Key } from 'selenium-webdriver';
import { mostQuoted } from '../e2e/helpers/corpus.mjs';

export { By, Key };

export const cli = (...args) => execFileSync('target/release/dispatches', args, { encoding: 'utf8' })
  .trim().split('\n').filter(Boolean).map((l) => JSON.parse(l));
export const articles = cli('list', '--json');
export const byId = Object.fromEntries(articles.map((a) => [a.id, a]));
export const quotes = cli('quotes', '--json');
export const searchIds = (q) => cli('search', '--json', '--', q).map((h) => h.article);
export const newest = articles[0];
export const matching = (n, q) => `${n} ${n === 1 ? 'report matches' : 'reports match'} “${q}”`;

// The speaker quoted in the most outlets (then the most often), as explorer.spec.mjs picks.
export const star = mostQuoted(quotes, byId);

// First loads compile the wasm, on a busy 2-core machine: waits allow 20 s.
export const WAIT = 20_000;

/** Polls fn() until it returns a truthy value; throws with the last value seen. */
export async function until(fn, what, timeout = WAIT) {
  const end = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      last = await fn();
      if (last) return last;
    } catch (e) {
      last = e;
    }
    if (Date.now() > end) throw new Error(`timed out waiting for ${what} (last: ${last instanceof Error ? last.message : JSON.stringify(last)})`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Waits until fn() returns exactly `expected` (compared as JSON). */
export async function untilEqual(fn, expected, what, timeout = WAIT) {
  let last;
  try {
    await until(async () => { last = await fn(); return JSON.stringify(last) === JSON.stringify(expected); }, what, timeout);
  } catch {
    throw new Error(`${what}: expected ${JSON.stringify(expected)}, got ${JSON.stringify(last)}`);
  }
}

// Candidates for each role: the elements that can have it (native or by attribute).
const CANDIDATES = {
  searchbox: 'input[type=search], [role=searchbox]',
  checkbox: 'input[type=checkbox], [role=checkbox]',
  radio: 'input[type=radio], [role=radio]',
  button: 'button, [role=button], input[type=button]',
  link: 'a[href], [role=link]',
  heading: 'h1, h2, h3, h4, h5, h6, [role=heading]',
  navigation: 'nav, [role=navigation]',
  status: '[role=status], output',
  alert: '[role=alert]',
  note: '[role=note]',
};

// Both engines give an accessible name with the label's CSS text-transform applied ("SEARCH"
// for the label "Search" shown in capitals); Chromium does not. Names are compared without case.
const nameMatches = (name, want) => (want instanceof RegExp ? want.test(name) : name.toLowerCase() === want.toLowerCase());

/**
 * The elements in scope (a driver, an element or a shadow root) that the engine gives `role`
 * and, if given, an accessible name equal to `name` (string, any case) or matching it (RegExp).
 */
export async function allByRole(scope, role, name) {
  const found = [];
  for (const el of await scope.findElements(By.css(CANDIDATES[role]))) {
    if ((await el.getAriaRole()) !== role) continue;
    if (name !== undefined && !nameMatches(await el.getAccessibleName(), name)) continue;
    found.push(el);
  }
  return found;
}

/** The one element with `role` and `name` in scope, waiting for it to be there. */
export async function byRole(scope, role, name, timeout = WAIT) {
  return until(async () => {
    const all = await allByRole(scope, role, name);
    if (all.length > 1) throw new Error(`${all.length} elements with role ${role} and name ${name}`);
    return all[0];
  }, `role ${role} named ${name}`, timeout);
}

// The text in the DOM, as Playwright's toHaveText reads it. WebDriver's "Get Element Text" is
// the rendered text instead, with CSS text-transform applied ("MIDDLE EAST EYE" for an outlet
// name shown in capitals), in every engine.
export const text = async (el) => String(await el.getProperty('textContent')).replace(/\s+/g, ' ').trim();
export const css = (scope, selector) => scope.findElements(By.css(selector));
export const one = (scope, selector) => until(async () => (await scope.findElements(By.css(selector)))[0], selector);
export const count = async (scope, selector) => (await scope.findElements(By.css(selector))).length;

/** The element that has focus, as a WebElement (compared with equals). */
export const focused = (driver) => driver.switchTo().activeElement();
export async function isFocused(driver, el) {
  return driver.executeScript('const a = arguments[0]; const r = a.getRootNode(); return (r.activeElement ?? document.activeElement) === a;', el);
}

/** The search page's live count (not the other live regions). */
export const status = (scope) => one(scope, '.status[role="status"]');
export const resultIds = (scope) => scope.findElements(By.css('.results .hit__link'))
  .then((ls) => Promise.all(ls.map((l) => l.getAttribute('data-focus').then((f) => f.slice(2)))));

/**
 * The app's search box, once the app has mounted (its live count is there): before that the
 * page may show a static search box of its own, which the app removes when it starts.
 */
export async function searchBox(scope) {
  await status(scope);
  return byRole(scope, 'searchbox', 'Search');
}

/** On narrow screens the filters are a closed disclosure: open it. */
export async function openFilters(driver, scope = driver) {
  const details = await one(scope, 'details.filters');
  if (!(await driver.executeScript('return arguments[0].open', details))) await (await one(scope, '.filters__summary')).click();
  await until(() => driver.executeScript('return arguments[0].open', details), 'filters open');
}

/** Waits until the page is controlled by the app's service worker (reloading once if the
 * worker's clients.claim() missed this page, as tests/e2e/helpers/worker.mjs does). */
export async function controlled(driver) {
  await driver.executeAsyncScript('const done = arguments[arguments.length - 1]; navigator.serviceWorker.ready.then(() => done(true), (e) => done(String(e)));');
  const claimed = await until(() => driver.executeScript('return !!navigator.serviceWorker.controller'), 'controller', 5_000).then(() => true, () => false);
  if (!claimed) {
    await driver.navigate().refresh();
    await until(() => driver.executeScript('return !!navigator.serviceWorker.controller'), 'the service worker in control');
  }
}

/**
 * Reloads the page as its reload button does. Not WebDriver's Refresh: in Firefox that reload
 * bypasses the service worker (offline it shows the network error page where a reader's
 * reload gets the worker's cached page). Waits for the new document.
 */
export async function reload(driver) {
  await driver.executeScript('window.__beforeReload = true; location.reload();');
  await until(() => driver.executeScript('return document.readyState === "complete" && !window.__beforeReload'), 'the reloaded page');
}

/** fetch(url) from the page: 'fetched' or 'failed'. */
export const tryFetch = (driver, url) => driver.executeAsyncScript(
  'const done = arguments[arguments.length - 1]; fetch(arguments[0]).then(() => done("fetched"), () => done("failed"));', url);
