// The Evening Ledger's own scripts: a share menu, a "/" shortcut for the site search, a
// reading-progress bar, and the iframe resizer from Dispatches' README.
document.querySelector('.share-toggle')?.addEventListener('click', () => {
  const menu = document.querySelector('.share-menu');
  menu.hidden = !menu.hidden;
  document.body.dataset.shareClicks = String(Number(document.body.dataset.shareClicks || 0) + 1);
});
document.addEventListener('keydown', (event) => {
  if (event.key === '/' && !event.composedPath().some((el) => el.matches?.('input, textarea, dispatches-explorer, iframe'))) {
    event.preventDefault();
    document.querySelector('.site-search input')?.focus();
  }
});
const progress = document.querySelector('.progress');
addEventListener('scroll', () => {
  const max = document.documentElement.scrollHeight - innerHeight;
  if (progress && max > 0) progress.style.width = `${(100 * scrollY) / max}%`;
}, { passive: true });

// Test hook of this fixture: ?app=URL points the frame at another origin.
const app = new URLSearchParams(location.search).get('app');
if (app) document.querySelector('iframe[data-dispatches]')?.setAttribute('src', app);

// ---- Dispatches: size the frame to its content (README, "Embed it in your site") ----
for (const frame of document.querySelectorAll('iframe[data-dispatches]')) {
  const origin = new URL(frame.src, location.href).origin;
  addEventListener('message', (event) => {
    if (event.origin !== origin || event.source !== frame.contentWindow) return;
    if (event.data?.type === 'dispatches:height' && Number.isFinite(event.data.height)) {
      frame.style.height = `${event.data.height}px`;
    }
  });
  // Ask again in case the frame loaded before this script ran.
  frame.addEventListener('load', () => frame.contentWindow.postMessage({ type: 'dispatches:hello' }, origin));
}
