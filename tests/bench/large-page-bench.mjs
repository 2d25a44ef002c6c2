// Browser benchmark of the page on a large corpus (issue 11, "Goals"): who said what and the
// search page built from a big corpus folder, in Debian's Chromium through Playwright, served on
// 127.0.0.1. Not a test: it prints numbers (nothing is asserted). Medians of RUNS fresh contexts.
//
//   DISPATCHES_CORPUS=DIR trunk build --release --offline --dist D
//   node tests/bench/large-page-bench.mjs D [QUERY] [SPEAKER_PREFIX]
//
// Measures:
//  - who said what, navigated to directly (?view=speakers): navigation → app usable (its
//    heading on screen), usable → first screen of speakers on screen, and the page's DOM nodes;
//  - typing in the speaker box: keydown → the next frame after the list updated, p50/p95, and
//    how often the answer needed a fetch (a shard of names) in between;
//  - a speaker's page (the most quoted): navigation → first quotations, DOM nodes;
//  - the search page with QUERY: navigation → results, DOM nodes.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';

const dist = process.argv[2];
const QUERY = process.argv[3] || 'president';
const PREFIX = process.argv[4] || 'trump';
if (!dist) {
  console.error('usage: node tests/bench/large-page-bench.mjs DIST [QUERY] [SPEAKER_PREFIX]');
  process.exit(2);
}
const RUNS = 5;
const PORT = 4191;
const BASE = `http://127.0.0.1:${PORT}/`;
const server = spawn('node', ['tests/serve.mjs', '--root', dist, '--port', String(PORT), '--ttl', '600'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 700));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); return s[Math.floor(s.length / 2)]; };
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };
const nodes = (page) => page.evaluate(() => document.querySelectorAll('*').length);
// Milliseconds since navigation start at which `selector` is first in the DOM (polled every frame).
const when = (page, selector) => page.evaluate((sel) => new Promise((resolve) => {
  const look = () => (document.querySelector(sel) ? resolve(performance.now()) : requestAnimationFrame(look));
  look();
}), selector);

async function who() {
  const ctx = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(`${BASE}?view=speakers`, { waitUntil: 'commit' });
  const usable = await when(page, 'h1#dx-title');
  const rows = await when(page, 'ol.speakers li.speaker');
  await page.waitForTimeout(200);
  const n = await nodes(page);
  // Typing a name, key by key.
  await page.evaluate(() => {
    window.__lat = [];
    let start = 0;
    document.addEventListener('keydown', (e) => { start = e.timeStamp; }, true);
    // The list answers at once from shards at hand; a name shard to fetch is waited for.
    new MutationObserver(() => {
      const t0 = start;
      if (!t0) return;
      start = 0;
      requestAnimationFrame(() => { const ch = new MessageChannel(); ch.port1.onmessage = () => window.__lat.push(performance.now() - t0); ch.port2.postMessage(0); });
    }).observe(document.querySelector('ol.speakers') ?? document.body, { childList: true, subtree: true, characterData: true });
  });
  const box = page.getByRole('searchbox', { name: 'Find a speaker' });
  await box.focus();
  let fetched = 0;
  page.on('request', (r) => { if (r.url().includes('/corpus/names-')) fetched++; });
  for (const word of [PREFIX, 'ege', 'mar']) {
    await page.keyboard.type(word, { delay: 120 });
    await page.waitForTimeout(300);
    for (let i = 0; i < word.length; i++) await page.keyboard.press('Backspace', { delay: 60 });
    await page.waitForTimeout(300);
  }
  const lat = await page.evaluate(() => window.__lat);
  await ctx.close();
  return { usable, first: rows - usable, nodes: n, lat, fetched };
}

// Navigation straight to `path`: → app usable (`usable` on screen), usable → `ready` on screen,
// and the DOM nodes once settled.
async function visit(path, usable, ready) {
  const ctx = await browser.newContext({ serviceWorkers: 'block', viewport: { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  await page.goto(`${BASE}${path}`, { waitUntil: 'commit' });
  const t0 = await when(page, usable);
  const t1 = await when(page, ready);
  await page.waitForTimeout(300);
  const n = await nodes(page);
  await ctx.close();
  return { usable: t0, first: t1 - t0, nodes: n };
}
const speaker = (name) => visit(`?view=speakers&speaker=${encodeURIComponent(name)}`, 'h1', '.said__item');
const search = () => visit(`?q=${encodeURIComponent(QUERY)}`, 'h1#dx-title', '.results .hit');

// The most quoted speaker's name, from the page itself.
async function topSpeaker() {
  const ctx = await browser.newContext({ serviceWorkers: 'block' });
  const page = await ctx.newPage();
  await page.goto(`${BASE}?view=speakers`);
  const name = await page.locator('ol.speakers .speaker__name').first().innerText();
  await ctx.close();
  return name;
}

const whos = [], speakers = [], searches = [];
const top = await topSpeaker();
for (let i = 0; i < RUNS; i++) {
  whos.push(await who());
  speakers.push(await speaker(top));
  searches.push(await search());
}
await browser.close();
server.kill();

const f = (x) => x.toFixed(0);
const lat = whos.flatMap((w) => w.lat);
console.log(`corpus build: ${dist}; medians of ${RUNS} fresh contexts, desktop viewport`);
console.log(`who said what: navigation → usable ${f(median(whos.map((w) => w.usable)))} ms; usable → first screen ${f(median(whos.map((w) => w.first)))} ms; DOM nodes ${median(whos.map((w) => w.nodes))}`);
console.log(`speaker box: ${lat.length} keys, keydown → list painted p50 ${pct(lat, 50).toFixed(1)} ms, p95 ${pct(lat, 95).toFixed(1)} ms, max ${Math.max(...lat).toFixed(1)} ms; name shards fetched per run ${median(whos.map((w) => w.fetched))}`);
console.log(`speaker page (${top}): navigation → usable ${f(median(speakers.map((s) => s.usable)))} ms; usable → first quotations ${f(median(speakers.map((s) => s.first)))} ms; DOM nodes ${median(speakers.map((s) => s.nodes))}`);
console.log(`search "${QUERY}": navigation → usable ${f(median(searches.map((s) => s.usable)))} ms; usable → results ${f(median(searches.map((s) => s.first)))} ms; DOM nodes ${median(searches.map((s) => s.nodes))}`);
