// The service worker in the end-to-end tests (offline.spec.mjs, split.spec.mjs).

// Waits until the page is controlled by the app's service worker.
export async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready);
  // The worker claims open pages when it activates, but clients.claim() can miss a document
  // whose navigation was still in flight at that moment (seen on a busy 2-core CI). Such a
  // page stays uncontrolled until its next load, which the active worker always controls.
  const claimed = await page.waitForFunction(() => !!navigator.serviceWorker.controller, null, { timeout: 5_000 })
    .then(() => true, () => false);
  if (!claimed) {
    await page.reload();
    await page.waitForFunction(() => !!navigator.serviceWorker.controller);
  }
}
