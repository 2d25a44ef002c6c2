// Search latency in WebAssembly: builds crates/engine/examples/search_latency.rs for
// wasm32-wasip1 and runs it in Node's WASI (V8, the engine Chromium runs the app's wasm with),
// on the same corpus and queries as the native run. Prints one line per corpus.
//   node tests/bench/wasm-search.mjs
// The 10,000 articles are indexed natively (that run also prints the native numbers) and
// written to target/bench/; the wasm run decodes that file and queries it, as the app decodes
// its prebuilt index (building a big index inside WASI is not something the app does).
import { execFileSync, spawnSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { WASI } from 'node:wasi';

const root = new URL('../..', import.meta.url).pathname;
const wasmFile = `${root}target/wasm32-wasip1/release/examples/search_latency.wasm`;

if (process.argv[2] === '--child') {
  // One wasm run per process, with V8's incremental marking off: with it, Node 20 aborts
  // ("unreachable code" in a GC that WasmMemoryObject::Grow starts) or crashes at exit once
  // the wasm memory reaches a few hundred MB. The wasm code runs the same either way.
  const env = {};
  for (const k of ['DISPATCHES_BENCH_CORPUS', 'SEARCH_BENCH_ARTICLES']) if (process.env[k]) env[k] = process.env[k];
  const wasm = await WebAssembly.compile(await readFile(wasmFile));
  const wasi = new WASI({ version: 'preview1', args: ['search_latency', ...process.argv.slice(3)], env, preopens: { '/': '/' } });
  wasi.start(await WebAssembly.instantiate(wasm, wasi.getImportObject()));
  process.exit(0);
}

execFileSync('rustup', ['target', 'add', 'wasm32-wasip1'], { stdio: 'ignore' });
// The bench profile writes into release/.
execFileSync('cargo', ['build', '--profile', 'bench', '-p', 'dispatches-engine', '--example', 'search_latency', '--target', 'wasm32-wasip1'], { cwd: root, stdio: 'inherit' });
const prebuilt = `${root}target/bench/search-prebuilt.postcard`;
execFileSync('mkdir', ['-p', `${root}target/bench`]);
execFileSync('cargo', ['run', '--profile', 'bench', '-p', 'dispatches-engine', '--example', 'search_latency', '--', '--write-prebuilt', prebuilt], { cwd: root, stdio: 'inherit' });

// First: the seeds, indexed in wasm (plus the first $SEARCH_BENCH_ARTICLES articles if set);
// then the natively built big index, decoded and queried in wasm.
for (const args of [[], ['--prebuilt', prebuilt]]) {
  const env = { ...process.env, SEARCH_BENCH_ARTICLES: process.env.SEARCH_BENCH_ARTICLES ?? '0' };
  const run = spawnSync(process.execPath, ['--no-warnings', '--no-incremental-marking', new URL(import.meta.url).pathname, '--child', ...args], { env, stdio: 'inherit' });
  if (run.status !== 0) console.log(`(the Node process running the wasm ended with ${run.signal ?? `exit code ${run.status}`}; lines printed above it are complete measurements)`);
}
