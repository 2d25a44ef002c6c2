// Trunk post_build hook (Trunk.toml [[hooks]]): runs in Trunk's staging folder before it
// becomes dist/. It makes the build work under a strict CSP, offline and embedded:
//
// 1. Trunk writes its wasm loader as an INLINE <script type="module"> into index.html, which
//    `script-src 'self'` forbids. The loader is moved into an external file, boot-<hash>.js,
//    together with static/boot.js (service worker registration, "updated" notice).
// 2. `__PUBLIC_URL__` in index.html becomes Trunk's public URL (manifest and icon links).
// 3. static/embed.js (the <dispatches-explorer> loader) is written with the names of this
//    build's hashed JS and wasm and of embed-<hash>.css: style.css rewritten for a shadow root
//    (:root/html/body → the app's root element, theme attribute) plus static/shell.css.
// 4. static/sw.js (the service worker) is written with this build's id and the list of every
//    file to precache; a new build therefore has a new sw.js, which the browser installs on
//    the next visit, and a new cache name.
//
// Before all that (so the build id covers the corpus), `dispatches publish` writes the corpus's
// shards into the staging folder's corpus/ when the corpus has the split layout (the same
// choice as build.rs: DISPATCHES_CORPUS, DISPATCHES_LAYOUT); for the inline layout it writes
// nothing. The shards are not precached: the service worker caches them as they are fetched.
//
// Fails (and so fails `trunk build`) if `dispatches publish` fails or if an inline script is
// left in index.html.
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

const staging = process.env.TRUNK_STAGING_DIR;
const source = process.env.TRUNK_SOURCE_DIR || process.cwd();
if (!staging) {
  console.error('postbuild.mjs: TRUNK_STAGING_DIR is not set (run by trunk build)');
  process.exit(1);
}
let publicUrl = process.env.TRUNK_PUBLIC_URL || '/';
if (!publicUrl.endsWith('/')) publicUrl += '/';

const read = (p) => readFileSync(p, 'utf8');
const hash = (data, n = 16) => createHash('sha256').update(data).digest('hex').slice(0, n);
const sri = (data) => `sha384-${createHash('sha384').update(data).digest('base64')}`;
const files = (dir) => readdirSync(dir).flatMap((name) => {
  const p = join(dir, name);
  return statSync(p).isDirectory() ? files(p) : [relative(staging, p).split(sep).join('/')];
}).sort();

// ---- 0. the corpus's shards (split layout) → corpus/ -----------------------------------
const repo = fileURLToPath(new URL('..', import.meta.url));
const corpusDir = resolve(repo, process.env.DISPATCHES_CORPUS || 'seeds');
const SHARDS = 'corpus/';
{
  const args = ['run', '--release', '--quiet', '-p', 'dispatches-cli', '--bin', 'dispatches', '--', 'publish', corpusDir, staging];
  const run = spawnSync('cargo', args, { cwd: repo, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  if (run.stdout) process.stdout.write(run.stdout);
  if (run.stderr) process.stderr.write(run.stderr);
  if (run.error || run.status !== 0) {
    const why = run.error ? run.error.message : run.signal ? `killed by ${run.signal}` : `exit code ${run.status}`;
    console.error(`postbuild.mjs: \`cargo ${args.join(' ')}\` failed (${why})`);
    process.exit(1);
  }
}
const layout = existsSync(join(staging, SHARDS, 'manifest.bin')) ? 'split' : 'inline';

// The build id: everything Trunk produced (and the shards) plus our templates.
const templates = ['boot.js', 'embed.js', 'sw.js', 'shell.css'].map((f) => read(join(source, 'static', f)));
const buildHash = createHash('sha256');
for (const f of files(staging)) buildHash.update(f).update(readFileSync(join(staging, f)));
for (const t of templates) buildHash.update(t);
const BUILD = buildHash.digest('hex').slice(0, 16);

const find = (re, what) => {
  const hits = files(staging).filter((f) => re.test(f));
  if (hits.length !== 1) {
    console.error(`postbuild.mjs: expected one ${what} in ${staging}, found ${JSON.stringify(hits)}`);
    process.exit(1);
  }
  return hits[0];
};
const appJs = find(/^dispatches-app-[0-9a-f]+\.js$/, 'app JS');
const appWasm = find(/^dispatches-app-[0-9a-f]+_bg\.wasm$/, 'app wasm');
const styleCss = find(/^style-[0-9a-f]+\.css$/, 'style.css output');

// ---- 1. index.html: the inline loader → boot-<hash>.js ------------------------------------
const indexPath = join(staging, 'index.html');
let html = read(indexPath);
// `trunk serve` adds its live-reload script, inline, with placeholders it fills in per
// request: it stays (development only; `trunk build` never adds it).
const isAutoreload = (m) => m[2].includes('{{__TRUNK_ADDRESS__}}');
const autoreload = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter(isAutoreload);
if (autoreload.length) console.warn('postbuild.mjs: trunk serve: its live-reload script stays inline (not allowed by the strict CSP; release builds have none)');
const inline = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => !/\bsrc\s*=/.test(m[1]) && !isAutoreload(m));
if (inline.length !== 1 || !/type\s*=\s*"module"/.test(inline[0][1])) {
  console.error(`postbuild.mjs: expected exactly one inline module script (Trunk's loader) in index.html, found ${inline.length}:\n${inline.map((m) => m[0]).join('\n')}`);
  process.exit(1);
}
const loader = inline[0][2].trim();
// Imports first (they are hoisted anyway), then our prelude (listeners that must exist before
// the wasm starts), then the rest of Trunk's loader, then our epilogue.
const importLines = loader.split('\n').filter((l) => /^\s*import\b/.test(l));
const restLines = loader.split('\n').filter((l) => !/^\s*import\b/.test(l));
const bootTemplate = templates[0].replaceAll('__DISPATCHES_BUILD__', BUILD);
const [prelude, epilogue = ''] = bootTemplate.split('/* __TRUNK_LOADER__ */');
if (!bootTemplate.includes('/* __TRUNK_LOADER__ */')) {
  console.error('postbuild.mjs: static/boot.js lacks the /* __TRUNK_LOADER__ */ marker');
  process.exit(1);
}
const boot = [
  '// Generated by scripts/postbuild.mjs: Trunk\'s wasm loader plus static/boot.js.',
  ...importLines, prelude.trim(), '// Trunk\'s loader', ...restLines.filter((l) => l.trim()), epilogue.trim(), '',
].join('\n');
const bootName = `boot-${hash(boot)}.js`;
writeFileSync(join(staging, bootName), boot);
html = html.replace(inline[0][0], `<script type="module" src="${publicUrl}${bootName}" integrity="${sri(boot)}" crossorigin="anonymous"></script>`);
html = html.replaceAll('__PUBLIC_URL__', publicUrl);

// ---- 2. embed-<hash>.css: style.css for a shadow root, plus shell.css -------------------
const embedCss = [
  '/* Generated by scripts/postbuild.mjs for <dispatches-explorer>: style.css scoped to the shadow root\'s .dx-root, then shell.css. */',
  ':host { display: block; }',
  ':host([hidden]) { display: none; }',
  // The host page's inherited properties (font, colour, line height, letter spacing…) stop here.
  '.dx-root { all: initial; display: block; }',
  '.dx-root[data-theme="dark"] { color-scheme: dark; }',
  '.dx-root[data-theme="light"] { color-scheme: light; }',
  scopeCss(read(join(staging, styleCss)), '.dx-root'),
  scopeCss(templates[3], '.dx-root'),
].join('\n');
const embedCssName = `embed-${hash(embedCss)}.css`;
writeFileSync(join(staging, embedCssName), embedCss);

// ---- 3. embed.js ----------------------------------------------------------------------
const assets = { build: BUILD, js: appJs, wasm: appWasm, css: [embedCssName] };
const embedJs = templates[1].replace(/\/\* __DISPATCHES_ASSETS__ \*\/[^\n]*/, `${JSON.stringify(assets)};`);
if (embedJs === templates[1]) {
  console.error('postbuild.mjs: static/embed.js lacks the /* __DISPATCHES_ASSETS__ */ marker');
  process.exit(1);
}
writeFileSync(join(staging, 'embed.js'), embedJs);

// ---- 4. index.html checks, then sw.js with the precache list -----------------------------
const left = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)].filter((m) => (!/\bsrc\s*=/.test(m[1]) || m[2].trim()) && !isAutoreload(m));
if (left.length) {
  console.error('postbuild.mjs: inline script left in index.html:\n' + left.map((m) => m[0]).join('\n'));
  process.exit(1);
}
const markup = autoreload.reduce((h, m) => h.replace(m[0], ''), html);
if (/<[^>]+\sstyle\s*=/.test(markup) || /<style\b/.test(markup)) {
  console.error('postbuild.mjs: inline style in index.html (style-src \'self\' forbids it)');
  process.exit(1);
}
writeFileSync(indexPath, html);

// Everything the page itself uses; not sw.js, nor the custom element's loader and CSS (host
// pages are not controlled by this worker, so caching those here would only cost bytes), nor
// the shards in corpus/ (a large corpus's shards are cached as they are fetched, or all at
// once by the page's "Make available offline").
const precache = files(staging)
  .filter((f) => f !== 'sw.js' && f !== 'embed.js' && f !== embedCssName && !f.startsWith(SHARDS))
  .map((f) => (f === 'index.html' ? './' : f));
const shards = files(staging).filter((f) => f.startsWith(SHARDS));
// The worker stores a fresh corpus/manifest.bin only if it is this build's (a newer deploy's
// manifest names shards this build's cache will never hold).
const manifestHash = layout === 'split' ? createHash('sha256').update(readFileSync(join(staging, SHARDS, 'manifest.bin'))).digest('hex') : null;
const sw = templates[2]
  .replace(/\/\* __DISPATCHES_BUILD__ \*\/[^\n]*/, `${JSON.stringify(BUILD)};`)
  .replace(/\/\* __DISPATCHES_PRECACHE__ \*\/[^\n]*/, `${JSON.stringify(precache)};`)
  .replace(/\/\* __DISPATCHES_MANIFEST__ \*\/[^\n]*/, `${JSON.stringify(manifestHash)};`);
if (!sw.includes(BUILD) || sw.includes('__DISPATCHES_PRECACHE__') || sw.includes('__DISPATCHES_MANIFEST__')) {
  console.error('postbuild.mjs: static/sw.js lacks its markers');
  process.exit(1);
}
writeFileSync(join(staging, 'sw.js'), sw);
writeFileSync(join(staging, 'dispatches-build.json'), JSON.stringify({ ...assets, boot: bootName, publicUrl, layout, precache, shards }, null, 2) + '\n');
console.log(`postbuild.mjs: build ${BUILD}: ${bootName}, ${embedCssName}, embed.js, sw.js (${precache.length} files to precache), ${layout} layout${layout === 'split' ? ` (${shards.length} files in ${SHARDS}, cached when fetched)` : ''}, public URL ${publicUrl}`);

// ---- CSS scoping ----------------------------------------------------------------------
// A small CSS reader: enough for our own style.css (rules, @media/@supports groups, other
// at-rules kept verbatim). Comments are dropped.
function parse(text) {
  const nodes = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    let start = i;
    let depth = 0;
    let quote = null;
    // Read a prelude up to '{' or ';' at depth 0.
    while (i < n) {
      const c = text[i];
      if (quote) { if (c === '\\') i++; else if (c === quote) quote = null; }
      else if (c === '"' || c === "'") quote = c;
      else if (c === '(') depth++;
      else if (c === ')') depth--;
      else if ((c === '{' || c === ';') && depth === 0) break;
      i++;
    }
    const prelude = text.slice(start, i).trim();
    if (i >= n) { if (prelude) nodes.push({ type: 'raw', text: prelude }); break; }
    if (text[i] === ';') { nodes.push({ type: 'raw', text: prelude + ';' }); i++; continue; }
    // Block: find the matching '}'.
    const open = ++i;
    depth = 1;
    quote = null;
    while (i < n && depth > 0) {
      const c = text[i];
      if (quote) { if (c === '\\') i++; else if (c === quote) quote = null; }
      else if (c === '"' || c === "'") quote = c;
      else if (c === '{') depth++;
      else if (c === '}') depth--;
      i++;
    }
    const body = text.slice(open, i - 1);
    if (/^@(media|supports|layer|container|document)\b/i.test(prelude)) nodes.push({ type: 'group', prelude, children: parse(body) });
    else if (prelude.startsWith('@')) nodes.push({ type: 'raw', text: `${prelude} {${body}}` });
    else nodes.push({ type: 'rule', selector: prelude, body: body.trim() });
  }
  return nodes;
}

function splitSelectors(sel) {
  const out = [];
  let depth = 0, cur = '';
  for (const c of sel) {
    if (c === '(' || c === '[') depth++;
    if (c === ')' || c === ']') depth--;
    if (c === ',' && depth === 0) { out.push(cur.trim()); cur = ''; } else cur += c;
  }
  if (cur.trim()) out.push(cur.trim());
  return out;
}

// `:root`, `html` and `body` become `scope`; with `prefix`, every other selector is put
// under it (`.card` → `prefix .card`) and the root ones become the prefix itself.
function scopeSelector(selector, scope, prefix) {
  return splitSelectors(selector).map((s) => {
    const ROOT = '\u0000';
    let t = s.replace(/(^|[\s>+~(])(:root|html|body)(?![\w-])/g, `$1${ROOT}`);
    t = t.replace(/\u0000(?:\s*>?\s*\u0000)+/g, ROOT); // `html body` → one root
    const target = prefix || scope;
    if (t.startsWith(ROOT)) return target + t.slice(1).replaceAll(ROOT, target);
    return (prefix ? `${prefix} ` : '') + t.replaceAll(ROOT, target);
  }).join(', ');
}

// In a shadow root, `rem` is the HOST page's root font size (news sites often set
// html { font-size: 62.5% }): lengths in rem become multiples of 16px (media queries keep rem,
// which there means the browser's default size anyway).
function remToPx(body) {
  return body.replace(/(^|[^\w.-])(\d*\.?\d+)rem\b/g, (_, before, n) => `${before}calc(${n} * 16px)`);
}

function serialize(nodes, scope, prefix, indent = '') {
  return nodes.map((node) => {
    if (node.type === 'raw') return indent + node.text;
    if (node.type === 'rule') return `${indent}${scopeSelector(node.selector, scope, prefix)} { ${remToPx(node.body)} }`;
    return `${indent}${node.prelude} {\n${serialize(node.children, scope, prefix, indent + '  ')}\n${indent}}`;
  }).join('\n');
}

// The whole stylesheet scoped; the colour-scheme media blocks also obey the theme attribute:
// `@media (prefers-color-scheme: dark)` applies unless data-theme="light", and a copy outside
// the media query applies with data-theme="dark" (and the same for light).
function scopeCss(text, scope) {
  const nodes = parse(text.replace(/\/\*[\s\S]*?\*\//g, ''));
  const out = [];
  for (const node of nodes) {
    const scheme = node.type === 'group' && /^@media\s*\(\s*prefers-color-scheme\s*:\s*(dark|light)\s*\)$/i.exec(node.prelude);
    if (!scheme) { out.push(serialize([node], scope, null)); continue; }
    const [mode, other] = scheme[1].toLowerCase() === 'dark' ? ['dark', 'light'] : ['light', 'dark'];
    out.push(serialize([{ ...node }], scope, `${scope}:not([data-theme="${other}"])`));
    out.push(serialize(node.children, scope, `${scope}[data-theme="${mode}"]`));
  }
  return out.join('\n');
}
