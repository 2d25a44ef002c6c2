// The two engines of the cross-engine suite, driven over W3C WebDriver with selenium-webdriver:
//   webkit  — WebKitGTK's MiniBrowser through WebKitWebDriver (Debian's webkit2gtk-driver),
//             in an Xvfb display of its own (MiniBrowser has no headless mode);
//   firefox — Firefox ESR through geckodriver (cargo install geckodriver), headless.
// Each engine's driver is started once per run on a free 127.0.0.1 port and stopped at the end;
// every test opens its own browser session (a fresh profile: no service worker, cache or
// storage left by the test before). The drivers' and browsers' own output is not kept (a pipe
// nobody reads would stop them once full).
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Builder } from 'selenium-webdriver';
import zip from 'selenium-webdriver/io/zip.js';
import { freePort } from '../e2e/helpers/server.mjs';

export const ENGINES = (process.env.WEBDRIVER_ENGINES || 'webkit,firefox').split(',').map((e) => e.trim()).filter(Boolean);

// Ports the Fetch standard calls "bad" (WebKit refuses to load them, silently leaving
// about:blank; 4190 was the first one met). freePort() picks ephemeral ports far above them,
// but a fixed port chosen by hand must avoid this list.
export const BAD_PORTS = new Set([1, 7, 9, 11, 13, 15, 17, 19, 20, 21, 22, 23, 25, 37, 42, 43, 53, 69, 77, 79, 87, 95, 101, 102, 103, 104, 109, 110, 111, 113, 115, 117, 119, 123, 135, 137, 139, 143, 161, 179, 389, 427, 465, 512, 513, 514, 515, 526, 530, 531, 532, 540, 548, 554, 556, 563, 587, 601, 636, 989, 990, 993, 995, 1719, 1720, 1723, 2049, 3659, 4045, 4190, 5060, 5061, 6000, 6566, 6665, 6666, 6667, 6668, 6669, 6679, 6697, 10080]);

function stopper(child) {
  return () => new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) return resolve();
    child.once('exit', () => resolve());
    child.kill();
  });
}

// MiniBrowser's window cannot be narrower than its toolbar (about 447 px wide), so a 360 px
// viewport needs a GTK style sheet that shrinks the browser's own widgets (not the page).
function gtkConfigHome() {
  const home = mkdtempSync(join(tmpdir(), 'dispatches-webkit-'));
  mkdirSync(join(home, 'gtk-3.0'));
  writeFileSync(join(home, 'gtk-3.0', 'gtk.css'),
    'headerbar, headerbar *, toolbar, toolbar *, entry, button, box { min-width: 0; min-height: 0; padding: 0; margin: 0; font-size: 1px; border-width: 0; }\n');
  return home;
}

async function startWebKit() {
  // An X display of its own: Xvfb picks a free display number and writes it to fd 3.
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1400x1000x24', '-nolisten', 'tcp'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
  const display = await new Promise((resolve, reject) => {
    xvfb.stdio[3].once('data', (d) => resolve(`:${String(d).trim()}`));
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code})`)));
  });
  const port = await freePort();
  const driver = spawn('WebKitWebDriver', [`--port=${port}`, '--host=127.0.0.1'], {
    stdio: 'ignore',
    env: { ...process.env, DISPLAY: display, XDG_CONFIG_HOME: gtkConfigHome() },
  });
  await waitForPort(port, driver, 'WebKitWebDriver');
  const stopDriver = stopper(driver);
  const stopX = stopper(xvfb);
  return {
    url: `http://127.0.0.1:${port}`,
    capabilities: () => ({ browserName: 'MiniBrowser', 'webkitgtk:browserOptions': { args: ['--automation'] } }),
    stop: async () => { await stopDriver(); await stopX(); },
  };
}

async function narrowProfile() {
  const dir = mkdtempSync(join(tmpdir(), 'dispatches-firefox-'));
  mkdirSync(join(dir, 'chrome'));
  writeFileSync(join(dir, 'chrome', 'userChrome.css'), ':root, #main-window, #navigator-toolbox, #nav-bar, toolbar { min-width: 0 !important; }\n');
  const archive = new zip.Zip();
  await archive.addDir(dir);
  return (await archive.toBuffer()).toString('base64');
}

async function startFirefox() {
  const port = await freePort();
  const driver = spawn(process.env.GECKODRIVER || 'geckodriver', ['--port', String(port), '--host', '127.0.0.1', '--log', 'warn'], { stdio: 'ignore' });
  await waitForPort(port, driver, 'geckodriver');
  return {
    url: `http://127.0.0.1:${port}`,
    capabilities: async ({ narrow, prefs = {} } = {}) => ({
      browserName: 'firefox',
      'moz:firefoxOptions': {
        binary: process.env.FIREFOX || '/usr/bin/firefox-esr',
        args: ['-headless'],
        // A Firefox window is at least 500 px wide (its own toolbars' min-width, headless too):
        // a narrower viewport needs a profile whose userChrome.css lifts that minimum.
        ...(narrow ? { profile: await narrowProfile() } : {}),
        prefs: { ...(narrow ? { 'toolkit.legacyUserProfileCustomizations.stylesheets': true } : {}), ...prefs },
      },
    }),
    stop: stopper(driver),
  };
}

async function waitForPort(port, child, what) {
  let exited = null;
  child.once('exit', (code) => { exited = code; });
  for (let i = 0; i < 300; i++) {
    if (exited !== null) throw new Error(`${what} exited (${exited})`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/status`);
      if (res.ok) return;
    } catch { /* not listening yet */ }
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`${what}: not listening on ${port} after 30 s`);
}

// Chromium too, for the screenshots to compare with (tests/webdriver/screenshots.mjs); the
// Chromium tests themselves are tests/e2e (Playwright).
async function startChromium() {
  const port = await freePort();
  const driver = spawn(process.env.CHROMEDRIVER || '/usr/bin/chromedriver', [`--port=${port}`], { stdio: 'ignore' });
  await waitForPort(port, driver, 'chromedriver');
  return {
    url: `http://127.0.0.1:${port}`,
    capabilities: () => ({
      browserName: 'chrome',
      'goog:chromeOptions': { binary: process.env.CHROMIUM || '/usr/bin/chromium', args: ['--headless=new', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--hide-scrollbars'] },
    }),
    stop: stopper(driver),
  };
}

export async function startEngine(name) {
  if (name === 'webkit') return startWebKit();
  if (name === 'firefox') return startFirefox();
  if (name === 'chromium') return startChromium();
  throw new Error(`unknown engine ${name} (webkit, firefox, chromium)`);
}

// A new browser session. Now and then (from none in 20 to 2 in 11 sessions here, and not tied to
// one test) WebKitWebDriver never answers a new-session request that follows a closed session;
// a session otherwise starts within 2 s. After 15 s the request is given up (its session is
// closed if it comes after all) and made again, up to 4 times.
async function newSession(engine, capabilities) {
  for (let attempt = 1; ; attempt++) {
    const build = new Builder().usingServer(engine.url).withCapabilities(capabilities).build();
    let timer;
    const late = new Promise((resolve) => { timer = setTimeout(() => resolve(null), 15_000); });
    const driver = await Promise.race([build, late]).finally(() => clearTimeout(timer)).catch((e) => {
      // The unanswered request's session came after all and is still open: try again.
      if (attempt < 4 && /Maximum number of active sessions/.test(e.message)) return new Promise((r) => setTimeout(() => r(null), 2_000));
      throw e;
    });
    if (driver) return driver;
    build.then((d) => d.quit(), () => {});
    if (attempt === 4) throw new Error(`${engine.name}: no browser session after ${attempt} tries of 15 s`);
  }
}

// A browser session with a viewport of width × height CSS pixels (the window is resized until
// the page's innerWidth/innerHeight match, as the browser's own chrome takes some room).
// prefs: Firefox preferences (e.g. service workers off), ignored by the other engines.
export async function session(engine, { width = 1280, height = 900, prefs } = {}) {
  const driver = await newSession(engine, await engine.capabilities({ narrow: width < 500, prefs }));
  await driver.manage().setTimeouts({ script: 20_000, pageLoad: 30_000 });
  let [w, h] = [width, height];
  for (let i = 0; i < 3; i++) {
    await driver.manage().window().setRect({ x: 0, y: 0, width: w, height: h });
    const [iw, ih] = await driver.executeScript('return [innerWidth, innerHeight]');
    if (iw === width && ih === height) break;
    w += width - iw;
    h += height - ih;
  }
  return driver;
}

export async function startEngines() {
  const started = [];
  for (const name of ENGINES) started.push({ name, ...(await startEngine(name)) });
  return started;
}
