// Dispatches' service worker: the app keeps working offline after the first visit.
// scripts/postbuild.mjs fills in this build's id and the list of its files, so every build
// has a different sw.js; the browser installs it on the next visit (checked on every
// navigation), and its cache replaces the older ones.
//
// - install: precache every file of the build (index.html as "./"), then take over at once;
// - activate: move the shards this build shares with the builds it replaces into its own
//   cache (see carryShards), delete the caches of other builds, claim open pages, tell them if
//   an older build was replaced (the page shows "updated");
// - navigations: network first (a new deploy shows at once), the cached page when offline
//   or when the network is slower than NAV_TIMEOUT_MS;
// - the split layout's corpus/ (not precached: a corpus can be large):
//   - corpus/manifest.bin: network first (the page checks it for a newer deploy), this build's
//     cached copy when offline; a fresh copy is stored, after the page has it, if it is this
//     build's (MANIFEST), and install stores one (without failing if it cannot);
//   - every other corpus/ file (content-named shards): cache first, otherwise fetched and, if
//     the answer is ok, stored in this build's cache. A search gets the answer at once and the
//     copy is stored meanwhile; the page's "Make available offline" asks with ?keep and gets
//     the answer once the copy is stored, so when it has read every shard, all are cached.
//     Where the browser has static routes (InstallEvent.addRoutes, Chromium), a search's
//     shard does not pass through this worker at all: a route answers it from the cache, or
//     else from the network, and the page hands the bytes here to keep (message
//     `dispatches:keep`) once fetching pauses. Storing each shard as it arrived cost about a
//     third of a keystroke's time at 100,000 articles (20 typing states: 1,176–1,554 ms,
//     against 847–919 ms with no worker; BENCHMARKS.md, "Shards past the service worker");
// - everything else in scope: cache first (file names are hashed), network otherwise.
//
// All URLs are relative to this file, so the app works from any sub-path (/explorer/).
const BUILD = /* __DISPATCHES_BUILD__ */ 'dev';
const PRECACHE = /* __DISPATCHES_PRECACHE__ */ [];
const MANIFEST = /* __DISPATCHES_MANIFEST__ */ null; // SHA-256 (hex) of this build's corpus/manifest.bin
const PREFIX = 'dispatches-';
const CACHE = `${PREFIX}${BUILD}`;
const NAV_TIMEOUT_MS = 4000;
const SCOPE = new URL('./', self.location.href).href;
const SHELL = SCOPE; // index.html is cached as "./"
const CORPUS = new URL('corpus/', SCOPE).href;
const CORPUS_MANIFEST = new URL('manifest.bin', CORPUS).href;

const CORPUS_PATH = new URL(CORPUS).pathname;

self.addEventListener('install', (event) => {
  // Static routes (where the browser has them): the manifest still comes here (network
  // first, with its check); a shard asked for without a query string is read from the cache,
  // else from the network, without starting this worker. `?keep` (the offline download)
  // matches no route and comes here, to be answered once stored.
  if (typeof event.addRoutes === 'function') {
    try {
      event.addRoutes([
        { condition: { urlPattern: { pathname: `${CORPUS_PATH}manifest.bin` } }, source: 'fetch-event' },
        { condition: { urlPattern: { pathname: `${CORPUS_PATH}*`, search: '' }, requestMethod: 'GET' }, source: 'cache' },
      ]);
    } catch (error) {
      console.warn('sw.js: no static routes; shards pass through the worker', error);
    }
  }
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // Hashed names may come from the HTTP cache; the others must be fresh.
    await cache.addAll(PRECACHE.map((f) => new Request(new URL(f, SCOPE), { cache: /-[0-9a-f]{8,16}(_bg)?\.\w+$/.test(f) ? 'default' : 'no-cache' })));
    // The split layout's manifest too (not precached: a failure must not stop the install), so
    // that after one visit the page opens offline even if it fetched the manifest before this
    // worker controlled it.
    if (MANIFEST) await corpusManifest(new Request(CORPUS_MANIFEST, { cache: 'no-cache' }), new Request(CORPUS_MANIFEST), (p) => p).catch(() => {});
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    const old = names.filter((n) => n.startsWith(PREFIX) && n !== CACHE);
    if (MANIFEST && old.length) await carryShards(old).catch((error) => console.warn('sw.js: could not keep the shards of the replaced build', error));
    await Promise.all(old.map((n) => caches.delete(n)));
    await self.clients.claim();
    const pages = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    for (const page of pages) page.postMessage({ type: 'dispatches:activated', build: BUILD, replaced: old.length > 0 });
  })());
});

// A rebuilt corpus keeps most shards' names (a day's new reports rename the term and speaker
// shards, not the other reports' article groups and cards), and a name is its content: the
// shards this build lists that a replaced build's cache holds move to this build's cache, so a
// visitor who made the corpus available offline downloads only what changed. This build's
// list is dispatches-build.json (fetched only here, on an update); if the server has another
// build's by now, nothing moves.
async function carryShards(old) {
  const response = await fetch(new URL('dispatches-build.json', SCOPE), { cache: 'no-cache' });
  if (!response.ok) return;
  const info = await response.json();
  if (!info || info.build !== BUILD || !Array.isArray(info.shards)) return;
  const listed = new Set(info.shards.filter((f) => typeof f === 'string').map((f) => new URL(f, SCOPE).href));
  listed.delete(CORPUS_MANIFEST);
  const cache = await caches.open(CACHE);
  for (const name of old) {
    const from = await caches.open(name);
    const shared = (await from.keys()).filter((r) => listed.delete(r.url));
    // A few at a time: a corpus made available offline is thousands of files.
    for (let i = 0; i < shared.length; i += 16) {
      await Promise.all(shared.slice(i, i + 16).map(async (request) => {
        const copy = await from.match(request);
        if (copy) await store(request, copy);
      }));
    }
  }
}

async function fromCache(request) {
  const cache = await caches.open(CACHE);
  return (await cache.match(request)) || (await caches.match(request));
}

async function navigation(request) {
  const cached = caches.open(CACHE).then((c) => c.match(SHELL));
  const network = fetch(request);
  const timeout = new Promise((resolve) => setTimeout(resolve, NAV_TIMEOUT_MS));
  try {
    // Wait for the network, but not longer than NAV_TIMEOUT_MS if a copy is cached.
    const first = await Promise.race([network, timeout.then(() => cached)]);
    if (first) return first;
    return await network;
  } catch (error) {
    const copy = await cached;
    if (copy) return copy;
    throw error;
  }
}

const hex = (buffer) => [...new Uint8Array(buffer)].map((b) => b.toString(16).padStart(2, '0')).join('');

// Stores a copy of an ok response in this build's cache; a full disk only costs the copy.
async function store(key, response) {
  try {
    await (await caches.open(CACHE)).put(key, response);
  } catch (error) {
    console.warn(`sw.js: could not cache ${key.url}`, error);
  }
}

// Every shard is gzip: what is not (a captive portal's page, a host's fallback index.html
// answered with 200) must not stay cached under a shard's name (the page refuses it, and
// "Try again" would get it back from here forever).
const isGzip = (bytes) => bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;

// Stores the body of `copy` (a clone of an answer) under `key` if `accepts(bytes)` says so.
// `later(promise)` is where that work goes: the fetch event's lifetime (the page gets its
// answer at once, the worker stays alive until the copy is stored), or the promise itself, to
// be awaited before answering.
function keepCopy(key, copy, accepts, later) {
  return later((async () => {
    const bytes = await copy.arrayBuffer();
    if (await accepts(new Uint8Array(bytes))) {
      await store(key, new Response(bytes, { status: copy.status, statusText: copy.statusText, headers: copy.headers }));
    }
  })());
}

async function corpusManifest(request, key, later) {
  let response;
  try {
    response = await fetch(request);
  } catch (error) {
    const copy = await (await caches.open(CACHE)).match(key);
    if (copy) return copy;
    throw error;
  }
  if (response.ok && MANIFEST) {
    await keepCopy(key, response.clone(), async (bytes) => hex(await crypto.subtle.digest('SHA-256', bytes)) === MANIFEST, later);
  }
  return response;
}

async function corpusFile(request, key, later) {
  const hit = await (await caches.open(CACHE)).match(key);
  if (hit) return hit;
  const response = await fetch(request);
  if (response.ok) await keepCopy(key, response.clone(), isGzip, later);
  return response;
}

// The page hands over a shard it fetched (past this worker, by a static route) to be kept:
// `{ type: 'dispatches:keep', url, bytes }`. Only this build's corpus files, only gzip (what
// every shard is), never the manifest (its copy is checked against MANIFEST above).
self.addEventListener('message', (event) => {
  const m = event.data;
  if (!m || typeof m !== 'object' || m.type !== 'dispatches:keep' || typeof m.url !== 'string' || !(m.bytes instanceof Uint8Array)) return;
  let url;
  try {
    url = new URL(m.url, SCOPE);
  } catch {
    return;
  }
  url.search = '';
  url.hash = '';
  if (!url.href.startsWith(CORPUS) || url.href === CORPUS_MANIFEST || !isGzip(m.bytes)) return;
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    if (await cache.match(url.href)) return;
    await store(new Request(url.href), new Response(m.bytes, { headers: { 'Content-Type': 'application/octet-stream' } }));
  })());
});

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  if (request.mode === 'navigate') {
    event.respondWith(navigation(request));
    return;
  }
  if (request.url.startsWith(CORPUS)) {
    // Cached under the address without its query string (the files are named by content).
    const url = new URL(request.url);
    const waitForCopy = url.searchParams.has('keep');
    url.search = '';
    const key = new Request(url.href);
    // The copies to store after answering; waitUntil is called now, while the event is
    // dispatched (some engines refuse it later), with a promise that waits for them.
    const copies = [];
    const later = waitForCopy ? (p) => p : (p) => { copies.push(p); };
    const answer = url.href === CORPUS_MANIFEST ? corpusManifest(request, key, later) : corpusFile(request, key, later);
    event.respondWith(answer);
    event.waitUntil(answer.then(() => Promise.all(copies), () => {}).catch(() => {}));
    return;
  }
  event.respondWith((async () => {
    const hit = await fromCache(request);
    if (hit) return hit;
    return fetch(request);
  })());
});
