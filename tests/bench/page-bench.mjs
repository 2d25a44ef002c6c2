// Browser benchmark of the explorer page (issue 5, "Budgets"), in Debian's Chromium through
// Playwright, against the release build in dist/ served on 127.0.0.1. Not a test: it prints
// numbers and writes them to BENCHMARKS.md, section "## Page" (nothing is asserted).
//
//   trunk build --release --offline && node tests/bench/page-bench.mjs [--no-write]
//
// Measures:
//  - first-load transfer: every html/js/wasm/css response of the first visit, gzip -9 sizes;
//  - keystroke -> results painted: for each key typed into the search box, from the keydown
//    event's timestamp to the first frame after the DOM has updated (requestAnimationFrame,
//    then a message posted from it, which runs after that frame is painted); p50 / p95 / max,
//    at full speed and with the CPU throttled 4x (a mid-range phone);
//  - long tasks (> 50 ms, PerformanceObserver 'longtask') while typing;
//  - a 10,000-character query pasted at once: time to results painted.
import { chromium } from '@playwright/test';
import { spawn } from 'node:child_process';
import { gzipSync } from 'node:zlib';
import { readFileSync, writeFileSync } from 'node:fs';

const PORT = 4179;
const BASE = `http://127.0.0.1:${PORT}/`;
const write = !process.argv.includes('--no-write');
const MARKER = '<!-- page-bench: generated above, written by hand below -->';
const server = spawn('node', ['tests/serve.mjs', '--root', 'dist', '--port', String(PORT), '--ttl', '600'], { stdio: 'ignore' });
await new Promise((r) => setTimeout(r, 600));

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
});

// ---- first-load transfer -------------------------------------------------------------------
async function firstLoad() {
  const ctx = await browser.newContext({ serviceWorkers: 'block' });
  const page = await ctx.newPage();
  const files = [];
  page.on('response', async (res) => {
    const url = new URL(res.url());
    const kind = url.pathname.endsWith('/') || url.pathname.endsWith('.html') ? 'html'
      : url.pathname.endsWith('.wasm') ? 'wasm' : url.pathname.endsWith('.css') ? 'css' : url.pathname.endsWith('.js') ? 'js' : null;
    if (!kind) return;
    try {
      const body = await res.body();
      files.push({ path: url.pathname, kind, raw: body.length, gzip: gzipSync(body, { level: 9 }).length });
    } catch { /* redirected or aborted */ }
  });
  await page.goto(BASE);
  await page.waitForSelector('.results .hit');
  await page.waitForLoadState('networkidle');
  await ctx.close();
  files.sort((a, b) => b.gzip - a.gzip);
  return files;
}

// ---- typing ---------------------------------------------------------------------------------
const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]; };

// `bare`: the same keystrokes into a page holding nothing but a search box, i.e. what the
// browser itself takes from keydown to the next painted frame: the floor under the app's number.
async function typing(throttle, { bare = false } = {}) {
  const ctx = await browser.newContext({ viewport: throttle > 1 ? { width: 360, height: 740 } : { width: 1280, height: 900 } });
  const page = await ctx.newPage();
  const cdp = await ctx.newCDPSession(page);
  if (bare) {
    await page.setContent('<!doctype html><title>bare</title><input type="search" aria-label="Search">');
  } else {
    await page.goto(BASE);
    await page.waitForSelector('.results .hit');
  }
  if (throttle > 1) await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
  await page.evaluate(() => {
    window.__lat = [];
    window.__long = [];
    // Script work per keystroke: the app handles the input event and renders synchronously
    // (Yew's scheduler), so from a capturing listener to a bubbling one on the window is the
    // whole of it (search, render, DOM updates, history.replaceState).
    window.__work = [];
    let w0 = 0;
    window.addEventListener('input', () => { w0 = performance.now(); }, true);
    window.addEventListener('input', () => { window.__work.push(performance.now() - w0); });
    new PerformanceObserver((l) => { for (const e of l.getEntries()) window.__long.push(e.duration); }).observe({ type: 'longtask' });
    let start = 0;
    document.addEventListener('keydown', (e) => { start = e.timeStamp; }, true);
    // After the app's own handlers (bubble phase at the document): the DOM is updated.
    document.addEventListener('input', () => {
      const t0 = start;
      requestAnimationFrame(() => {
        const ch = new MessageChannel();
        ch.port1.onmessage = () => window.__lat.push(performance.now() - t0);
        ch.port2.postMessage(0);
      });
    });
  });
  const box = page.getByRole('searchbox', { name: 'Search' });
  await box.focus();
  const phrases = ['aleppo evacuation corridor', 'Jan Egeland said', '"hellish corner" -russia', 'civilians OR rebels', 'Lavrov'];
  for (const p of phrases) {
    await page.keyboard.type(p, { delay: 60 });
    for (let i = 0; i < p.length; i++) await page.keyboard.press('Backspace', { delay: 30 });
  }
  await page.waitForTimeout(300);
  const { lat, long, work } = await page.evaluate(() => ({ lat: window.__lat, long: window.__long, work: window.__work }));
  // A 10,000-character query pasted at once (one input event).
  const long10k = 'Aleppo civilians "evacuation corridor" -ceasefire OR '.repeat(200).slice(0, 10000);
  const paste = await page.evaluate(async (text) => {
    const input = document.querySelector('input[type=search]');
    const t0 = performance.now();
    input.value = text;
    input.dispatchEvent(new InputEvent('input', { bubbles: true }));
    await new Promise((r) => requestAnimationFrame(() => { const ch = new MessageChannel(); ch.port1.onmessage = r; ch.port2.postMessage(0); }));
    return performance.now() - t0;
  }, long10k);
  await ctx.close();
  return { w50: pct(work, 50), w95: pct(work, 95), wMax: Math.max(...work), keys: lat.length, p50: pct(lat, 50), p95: pct(lat, 95), max: Math.max(...lat), longTasks: long.length, longest: long.length ? Math.max(...long) : 0, paste };
}

const files = await firstLoad();
const fast = await typing(1);
const slow = await typing(4);
const bareFast = await typing(1, { bare: true });
const bareSlow = await typing(4, { bare: true });
await browser.close();
server.kill();

const kb = (n) => (n / 1024).toFixed(1);
const total = files.reduce((s, f) => s + f.gzip, 0);
const totalRaw = files.reduce((s, f) => s + f.raw, 0);
const ms = (x) => x.toFixed(1);
const when = new Date().toISOString().slice(0, 10);
const section = `## Page

Measured by \`node tests/bench/page-bench.mjs\` (Playwright, Debian's Chromium, headless, the
release build from \`trunk build --release\` served on 127.0.0.1), ${when}, on the shared 2-core
build machine. Goals from the explorer issue: first load ≤ 150 KB gzip; keystroke → results
painted p95 ≤ 16 ms; no task over 50 ms while typing.

**First-load transfer** (every html/js/wasm/css response of a first visit, gzip -9):
**${kb(total)} KB** gzip (${kb(totalRaw)} KB raw)${total > 150 * 1024 ? ' — over the 150 KB goal, see the breakdown below' : ''}.

| file | raw KB | gzip KB |
|---|---:|---:|
${files.map((f) => `| \`${f.path.split('/').pop() || 'index.html'}\` (${f.kind}) | ${kb(f.raw)} | ${kb(f.gzip)} |`).join('\n')}

**Typing** (each key typed into the search box at 60 ms intervals, five queries typed and
erased, ${fast.keys} keystrokes; keydown → the frame after the results updated, which includes
waiting for the next frame (up to 16.7 ms at 60 Hz) after the work is done; the *floor* rows
are the same keystrokes into a page with nothing but a search box):

| | keystroke → painted p50 | p95 | max | script work per keystroke p50 / p95 / max | long tasks > 50 ms | 10,000-char query pasted → painted |
|---|---:|---:|---:|---:|---:|---:|
${[['desktop 1280 px, full speed', fast], ['phone 360 px, CPU throttled 4×', slow], ['*floor: a bare search box, no app, desktop*', bareFast], ['*floor: a bare search box, no app, throttled 4×*', bareSlow]].map(([name, r]) => `| ${name} | ${ms(r.p50)} ms | ${ms(r.p95)} ms | ${ms(r.max)} ms | ${ms(r.w50)} / ${ms(r.w95)} / ${ms(r.wMax)} ms | ${r.longTasks}${r.longTasks ? ` (longest ${ms(r.longest)} ms)` : ''} | ${ms(r.paste)} ms |`).join('\n')}
`;
console.log(section);
if (write) {
  let md = readFileSync('BENCHMARKS.md', 'utf8');
  const start = md.indexOf('## Page');
  if (start >= 0) {
    // Replace the generated part only: up to the marker (kept with the notes after it), or
    // up to the next section.
    const marker = md.indexOf(MARKER, start);
    const next = md.indexOf('\n## ', start + 1);
    const end = marker >= 0 && (next < 0 || marker < next) ? marker : next;
    md = md.slice(0, start) + section.trimEnd() + '\n' + (end >= 0 ? md.slice(end) : '');
  } else {
    md = md.trimEnd() + '\n\n' + section;
  }
  writeFileSync('BENCHMARKS.md', md);
  console.log('written to BENCHMARKS.md');
}
