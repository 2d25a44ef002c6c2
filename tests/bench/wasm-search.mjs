// Search latency in WebAssembly: builds crates/engine/examples/search_latency.rs for
// wasm32-wasip1 and runs it in Node's WASI (V8, the engine Chromium runs the app's wasm with),
// on the same corpus and queries as the native run. Prints one line per corpus.
//   node tests/bench/wasm-search.mjs
import { execFileSync } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { WASI } from 'node:wasi';

const root = new URL('../..', import.meta.url).pathname;
execFileSync('rustup', ['target', 'add', 'wasm32-wasip1'], { stdio: 'ignore' });
execFileSync('cargo', ['build', '--profile', 'bench', '-p', 'dispatches-engine', '--example', 'search_latency', '--target', 'wasm32-wasip1'], { cwd: root, stdio: 'inherit' });
// The bench profile writes into release/.
const wasm = await WebAssembly.compile(await readFile(`${root}target/wasm32-wasip1/release/examples/search_latency.wasm`));
const env = {};
for (const k of ['DISPATCHES_BENCH_CORPUS', 'SEARCH_BENCH_ARTICLES']) if (process.env[k]) env[k] = process.env[k];
const wasi = new WASI({ version: 'preview1', args: ['search_latency'], env, preopens: { '/': '/' } });
const instance = await WebAssembly.instantiate(wasm, wasi.getImportObject());
wasi.start(instance);
