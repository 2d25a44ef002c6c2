// Start-up of index.html, around Trunk's wasm loader (scripts/postbuild.mjs writes both into
// one external boot-<hash>.js: a strict CSP allows no inline script).
//
// Offline: registers the service worker (sw.js, next to this file, so it also works from a
// sub-path such as /explorer/). When a newer build's worker takes over and deletes the older
// caches, it tells this page, which dispatches a `dispatches:updated` event on window and
// shows a short notice in a polite live region.
const DISPATCHES_BUILD = '__DISPATCHES_BUILD__';

const dispatchesNotice = (() => {
  // Present from the start (empty), so that filling it is announced.
  const region = document.createElement('div');
  region.className = 'update-notice';
  region.setAttribute('role', 'status');
  region.setAttribute('aria-live', 'polite');
  const show = (text, action) => {
    region.replaceChildren();
    const p = document.createElement('p');
    p.textContent = text;
    region.append(p);
    if (action) {
      const button = document.createElement('button');
      button.type = 'button';
      button.textContent = action.label;
      button.addEventListener('click', action.run);
      region.append(button);
    }
    const close = document.createElement('button');
    close.type = 'button';
    close.className = 'update-notice__close';
    close.setAttribute('aria-label', 'Dismiss');
    close.textContent = '×';
    close.addEventListener('click', () => region.replaceChildren());
    region.append(close);
  };
  return { region, show };
})();

// "Updated" is said once per page: when this page runs a build other than the one this
// browser last ran from this folder, or when the service worker reports that it replaced an
// older build with this one. A worker reporting a build NEWER than this page offers a reload.
let dispatchesSaidUpdated = false;
function dispatchesUpdated(build) {
  if (dispatchesSaidUpdated) return;
  dispatchesSaidUpdated = true;
  window.dispatchEvent(new CustomEvent('dispatches:updated', { detail: { build, current: true } }));
  dispatchesNotice.show('Dispatches has been updated: you are reading the latest version.');
}

if ('serviceWorker' in navigator) {
  // Listen before anything else: the worker may report while the wasm is still starting.
  navigator.serviceWorker.addEventListener('message', (event) => {
    const m = event.data;
    if (!m || typeof m !== 'object' || m.type !== 'dispatches:activated' || !m.replaced) return;
    if (m.build === DISPATCHES_BUILD) {
      dispatchesUpdated(m.build);
    } else {
      window.dispatchEvent(new CustomEvent('dispatches:updated', { detail: { build: m.build, current: false } }));
      dispatchesNotice.show('A new version of Dispatches is ready.', { label: 'Reload', run: () => location.reload() });
    }
  });
}

/* __TRUNK_LOADER__ */

document.body.append(dispatchesNotice.region);
document.documentElement.dataset.build = DISPATCHES_BUILD;
try {
  const key = `dispatches:build:${new URL('.', import.meta.url).pathname}`;
  const previous = localStorage.getItem(key);
  localStorage.setItem(key, DISPATCHES_BUILD);
  if (previous && previous !== DISPATCHES_BUILD) dispatchesUpdated(DISPATCHES_BUILD);
} catch {
  // No storage (blocked third-party frame): the service worker's message still tells.
}

if ('serviceWorker' in navigator && window.isSecureContext) {
  navigator.serviceWorker.register(new URL('sw.js', import.meta.url)).catch((error) => {
    console.warn('Dispatches: no offline copy (service worker not registered):', error);
  });
}
