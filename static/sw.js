// Dispatches' service worker: the app keeps working offline after the first visit.
// scripts/postbuild.mjs fills in this build's id and the list of its files, so every build
// has a different sw.js; the browser installs it on the next visit (checked on every
// navigation), and its cache replaces the older ones.
//
// - install: precache every file of the build (index.html as "./"), then take over at once;
// - activate: delete the caches of other builds, claim open pages, tell them if an older
//   build was replaced (the page shows "updated");
// - navigations: network first (a new deploy shows at once), the cached page when offline
//   or when the network is slower than NAV_TIMEOUT_MS;
// - everything else in scope: cache first (file names are hashed), network otherwise.
//
// All URLs are relative to this file, so the app works from any sub-path (/explorer/).
const BUILD = /* __DISPATCHES_BUILD__ */ 'dev';
const PRECACHE = /* __DISPATCHES_PRECACHE__ */ [];
const PREFIX = 'dispatches-';
const CACHE = `${PREFIX}${BUILD}`;
const NAV_TIMEOUT_MS = 4000;
const SCOPE = new URL('./', self.location.href).href;
const SHELL = SCOPE; // index.html is cached as "./"

self.addEventListener('install', (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // Hashed names may come from the HTTP cache; the others must be fresh.
    await cache.addAll(PRECACHE.map((f) => new Request(new URL(f, SCOPE), { cache: /-[0-9a-f]{8,16}(_bg)?\.\w+$/.test(f) ? 'default' : 'no-cache' })));
    await self.skipWaiting();
  })());
});

self.addEventListener('activate', (event) => {
  event.waitUntil((async () => {
    const names = await caches.keys();
    const old = names.filter((n) => n.startsWith(PREFIX) && n !== CACHE);
    await Promise.all(old.map((n) => caches.delete(n)));
    await self.clients.claim();
    const pages = await self.clients.matchAll({ type: 'window', includeUncontrolled: true });
    for (const page of pages) page.postMessage({ type: 'dispatches:activated', build: BUILD, replaced: old.length > 0 });
  })());
});

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

self.addEventListener('fetch', (event) => {
  const { request } = event;
  if (request.method !== 'GET' || !request.url.startsWith(SCOPE)) return;
  if (request.mode === 'navigate') {
    event.respondWith(navigation(request));
    return;
  }
  event.respondWith((async () => {
    const hit = await fromCache(request);
    if (hit) return hit;
    return fetch(request);
  })());
});
