// Starts tests/serve.mjs on a free 127.0.0.1 port for one spec file (the offline and
// embedding tests need their own servers: a CSP header, a sub-path, a fixture site, a server
// that is stopped and replaced by another build on the same port).
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

export const FIXTURE_SITE = 'tests/fixture-site';
// Extra builds made by scripts/test.sh (see its step "extra builds").
export const DIST_EXPLORER = 'target/e2e/dist-explorer';
export const DIST_CORPUS_B = 'target/e2e/dist-corpus-b';
// The split layout (DISPATCHES_LAYOUT=split): the seeds, and the second corpus.
export const DIST_SPLIT = 'target/e2e/dist-split';
export const DIST_SPLIT_B = 'target/e2e/dist-split-b';
// An invented newsroom (tests/fixtures/newsroom.mjs), split layout.
export const CORPUS_NEWSROOM = 'target/e2e/corpus-newsroom';
export const DIST_NEWSROOM = 'target/e2e/dist-newsroom';
// The same newsroom a day later: one report more.
export const DIST_NEWSROOM_NEXT = 'target/e2e/dist-newsroom-next';

export const missing = (dir) => !existsSync(`${dir}/index.html`);

export function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

// serve({ root: 'dist', base: '/', csp: false, cspReport: false, site: true, port }) → { origin, port, stop() }
export async function serve({ root = 'dist', base = '/', csp = false, cspReport = false, site = true, port } = {}) {
  port ??= await freePort();
  const args = ['tests/serve.mjs', '--root', root, '--port', String(port), '--base', base, '--ttl', '900'];
  if (csp) args.push('--csp');
  if (cspReport) args.push('--csp-report');
  if (site) args.push('--mount', `/site/=${FIXTURE_SITE}`);
  const child = spawn(process.execPath, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`serve.mjs exited (${code})`)));
    child.stdout.on('data', (chunk) => { if (String(chunk).includes('serving')) resolve(); });
  });
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    port,
    stop: () => new Promise((resolve) => {
      // Stopped already (killed by a signal, exitCode stays null): a second stop() resolves too.
      if (child.exitCode !== null || child.signalCode !== null) return resolve();
      child.once('exit', () => resolve());
      child.kill();
    }),
  };
}
