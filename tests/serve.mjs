// A small static server for the end-to-end tests and the browser benchmark.
// Binds 127.0.0.1 only and exits by itself after --ttl seconds (default 45 minutes).
//
//   node tests/serve.mjs --root dist --port 4173 [--base /explorer/] [--csp] [--ttl 2700]
//
// --base serves the root folder under a sub-path (as a news site would host it);
// --csp adds the strict Content-Security-Policy the app must work under; --csp-report adds a
// report-uri to it, and the server keeps the browser's violation reports (POST) and lists
// them at GET /__csp-reports (the WebDriver suite has no console to watch in every engine).
// Extra folders can be mounted with --mount /prefix=folder (the embedding fixture site).
import { createServer } from 'node:http';
import { readFile, stat } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';

const args = process.argv.slice(2);
const opt = (name, fallback) => {
  const i = args.indexOf(`--${name}`);
  return i >= 0 && args[i + 1] && !args[i + 1].startsWith('--') ? args[i + 1] : fallback;
};
const flag = (name) => args.includes(`--${name}`);
const root = resolve(opt('root', 'dist'));
const port = Number(opt('port', '4173'));
const base = opt('base', '/');
const ttl = Number(opt('ttl', '2700'));
const csp = flag('csp');
const cspReport = flag('csp-report');
const reports = [];
const mounts = args.flatMap((a, i) => (a === '--mount' ? [args[i + 1]] : [])).map((m) => {
  const [prefix, dir] = m.split('=');
  return { prefix, dir: resolve(dir) };
});

export const STRICT_CSP = "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'";
const TYPES = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.wasm': 'application/wasm', '.json': 'application/json',
  '.webmanifest': 'application/manifest+json', '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon', '.txt': 'text/plain; charset=utf-8',
};

async function file(dir, rel) {
  const path = normalize(join(dir, rel));
  if (!path.startsWith(dir)) return null;
  try {
    const s = await stat(path);
    if (s.isDirectory()) return file(dir, join(rel, 'index.html'));
    return { path, body: await readFile(path) };
  } catch { return null; }
}

const server = createServer(async (req, res) => {
  const url = new URL(req.url, 'http://127.0.0.1');
  const path = decodeURIComponent(url.pathname);
  if (cspReport && path === '/__csp-reports') {
    if (req.method === 'POST') {
      let body = '';
      req.on('data', (chunk) => { body += chunk; });
      req.on('end', () => {
        try { reports.push(JSON.parse(body)); } catch { reports.push({ unparsed: body }); }
        res.writeHead(204);
        res.end();
      });
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
    res.end(JSON.stringify(reports));
    return;
  }
  let found = null;
  for (const m of mounts) {
    if (path.startsWith(m.prefix)) { found = await file(m.dir, path.slice(m.prefix.length) || '/'); break; }
  }
  if (!found && path.startsWith(base)) found = await file(root, path.slice(base.length) || '/');
  if (!found) {
    res.writeHead(404, { 'content-type': 'text/plain' });
    res.end('not found');
    return;
  }
  const headers = { 'content-type': TYPES[extname(found.path)] || 'application/octet-stream', 'cache-control': 'no-cache' };
  if (csp) headers['content-security-policy'] = cspReport ? `${STRICT_CSP}; report-uri /__csp-reports` : STRICT_CSP;
  res.writeHead(200, headers);
  res.end(req.method === 'HEAD' ? undefined : found.body);
});
server.listen(port, '127.0.0.1', () => console.log(`serving ${root} at http://127.0.0.1:${port}${base}`));
setTimeout(() => { console.log('serve.mjs: time to live over, stopping'); server.close(); process.exit(0); }, ttl * 1000).unref();
