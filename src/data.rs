//! The corpus in the browser: the engine's [`Library`] over the sharded corpus, in either
//! layout (see `dispatches_engine::shards`).
//!
//! - **Inline**: build.rs embedded every shard in this wasm (`corpus.bin`); the library pulls
//!   what it needs from there and every read answers at once.
//! - **Split**: `corpus.bin` is empty and the shards sit in `corpus/` next to the app's JS
//!   module. [`open`] fetches the manifest before the app mounts; after that a read that names
//!   missing shards (`Need::Fetch`) is passed to [`request`], which fetches them in parallel,
//!   hands them to the library and, once that request's shards are all in, tells the app
//!   (through [`subscribe`]) to render again. Shards that fail are kept in [`problem`] until
//!   [`retry`]; a failure when the server's manifest names another build means the explorer
//!   was updated under the page ([`Problem::Updated`]): its shards are never mixed in.
//!
//! One query path either way: the components ask the library, never the layout.

use dispatches_engine::shards::{Library, Need, ShardRef, MANIFEST_FILE, SHARD_DIR};
use std::cell::RefCell;
use std::collections::HashSet;
use wasm_bindgen::prelude::*;
use wasm_bindgen_futures::JsFuture;
use yew::Callback;

static CORPUS_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/corpus.bin"));

#[wasm_bindgen(inline_js = r#"
// This snippet is written by wasm-bindgen to <app folder>/snippets/<crate-hash>/inline0.js,
// so the app's folder (where corpus/ is) is two levels up, under any public URL.
export function corpus_url() { return new URL('../../corpus/', import.meta.url).href; }
// True when our own service worker (sw.js next to the app) controls the page: a host page's
// worker (the <dispatches-explorer> case) keeps none of our files.
export function our_worker() {
  const c = globalThis.navigator?.serviceWorker?.controller;
  return !!c && c.scriptURL === new URL('../../sw.js', import.meta.url).href;
}
// Shards to hand to the worker, once fetching pauses: storing them costs about as much as a
// keystroke's own work (measured at 100,000 articles, 1 to 2 MB a keystroke), so it waits for
// a second without a fetch, or for the page to be hidden, or for 8 MB to be waiting.
const toKeep = [];
let toKeepBytes = 0;
let keepTimer = 0;
function keep(url, bytes) {
  toKeep.push({ url, bytes });
  toKeepBytes += bytes.length;
  clearTimeout(keepTimer);
  if (toKeepBytes > (8 << 20)) handOver();
  else keepTimer = setTimeout(handOver, 1000);
}
function handOver() {
  clearTimeout(keepTimer);
  const worker = globalThis.navigator?.serviceWorker?.controller;
  for (const m of toKeep.splice(0)) {
    try { worker?.postMessage({ type: 'dispatches:keep', url: m.url, bytes: m.bytes }); } catch {}
  }
  toKeepBytes = 0;
}
globalThis.addEventListener?.('pagehide', handOver);
globalThis.document?.addEventListener('visibilitychange', () => { if (document.visibilityState === 'hidden') handOver(); });
export async function fetch_shard(url, fresh) {
  if (typeof DecompressionStream === 'undefined') {
    throw new Error('this browser cannot unpack the reports (no DecompressionStream); a current browser is needed');
  }
  // A connection that stalls becomes a failure the page can retry, never a search busy forever.
  const abort = new AbortController();
  const timer = setTimeout(() => abort.abort(new Error('timed out')), 20000);
  try {
    const response = await fetch(url, { signal: abort.signal, ...(fresh ? { cache: 'no-store' } : {}) });
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}`.trim());
    const bytes = new Uint8Array(await response.arrayBuffer());
    // Shards are gzip-compressed at build time; a server that added its own Content-Encoding
    // has already been undone by the browser, so look at the bytes, not the headers.
    if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b) return bytes;
    // Written straight into the decompressor: a Blob around the bytes (the usual recipe) is
    // registered with the browser process in Chromium, about half a millisecond a shard.
    const gunzip = new DecompressionStream('gzip');
    const writer = gunzip.writable.getWriter();
    // Corrupt bytes fail the read below; these promises fail with it and are not reported twice.
    writer.write(bytes).catch(() => {});
    writer.close().catch(() => {});
    const unpacked = new Uint8Array(await new Response(gunzip.readable).arrayBuffer());
    // Where a static route of our worker fetched the shard past it, the worker keeps it when
    // handed the bytes (it skips what it has; the manifest is its own to check and keep):
    // only bytes that unpacked, so a damaged transfer is fetched again, not kept.
    if (!fresh && !url.includes('?') && our_worker()) keep(url, bytes);
    return unpacked;
  } finally {
    clearTimeout(timer);
  }
}
"#)]
extern "C" {
    fn corpus_url() -> String;
    fn our_worker() -> bool;
    #[wasm_bindgen(catch)]
    fn fetch_shard(url: &str, fresh: bool) -> Result<js_sys::Promise, JsValue>;
}

/// The data's version as a Yew context: components that read the corpus use it (in their
/// memo keys), so they render again when shards arrive.
#[derive(Clone, Copy, Debug, Default, PartialEq)]
pub struct DataVersion(pub u32);

/// What keeps a read from answering, for the page to show.
#[derive(Clone, Debug, PartialEq)]
pub enum Problem {
    /// Shards failed to load (`(count, first reason)`): show a retry.
    Failed(usize, String),
    /// The server now has another build: its shards must not be mixed with ours.
    Updated,
    /// The corpus itself is unusable (a broken build): nothing to retry.
    Broken(String),
}

#[derive(Default)]
struct Store {
    library: Option<Library>,
    /// Where the shards are (a folder URL ending in `/`).
    base: String,
    in_flight: HashSet<String>,
    failed: Vec<(ShardRef, String)>,
    problem: Option<Problem>,
    listeners: Vec<(u32, Callback<()>)>,
    next_listener: u32,
    /// Bumped whenever shards arrive or a problem changes.
    version: u32,
}

thread_local! {
    static STORE: RefCell<Store> = RefCell::new(Store::default());
}

/// Whether this build fetches its corpus.
pub fn is_split() -> bool {
    CORPUS_BYTES.is_empty()
}

/// Opens the corpus: at once for the inline layout, by fetching the manifest for the split
/// one. The app mounts only once this succeeded.
pub async fn open() -> Result<(), String> {
    if STORE.with(|s| s.borrow().library.is_some()) {
        return Ok(());
    }
    if !is_split() {
        open_inline();
        return Ok(());
    }
    // `SHARD_DIR` is the folder name the snippet's URL names.
    debug_assert_eq!(SHARD_DIR, "corpus");
    let base = corpus_url();
    let bytes = fetch(&format!("{base}{MANIFEST_FILE}"), true).await?;
    let library = Library::open(&bytes, None)?;
    STORE.with(|s| {
        let mut s = s.borrow_mut();
        s.base = base;
        s.library = Some(library);
    });
    Ok(())
}

fn open_inline() {
    let library = Library::inline(CORPUS_BYTES).unwrap_or_else(|e| panic!("embedded corpus: {e}"));
    STORE.with(|s| s.borrow_mut().library = Some(library));
}

async fn fetch(url: &str, fresh: bool) -> Result<Vec<u8>, String> {
    let promise = fetch_shard(url, fresh).map_err(describe)?;
    let value = JsFuture::from(promise).await.map_err(describe)?;
    Ok(js_sys::Uint8Array::new(&value).to_vec())
}

fn describe(e: JsValue) -> String {
    e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())).or_else(|| e.as_string()).unwrap_or_else(|| "network error".into())
}

/// Runs `f` on the library. The inline layout opens on first use (so components can be
/// rendered in tests without [`open`]); the split layout must have been opened.
pub fn with<R>(f: impl FnOnce(&mut Library) -> R) -> R {
    STORE.with(|s| {
        if s.borrow().library.is_none() && !is_split() {
            open_inline();
        }
        let mut s = s.borrow_mut();
        let library = s.library.as_mut().expect("the corpus is opened before the app mounts");
        f(library)
    })
}

/// Bumped whenever shards arrive or a problem changes: a key for memoised reads.
pub fn version() -> u32 {
    STORE.with(|s| s.borrow().version)
}

pub fn problem() -> Option<Problem> {
    STORE.with(|s| s.borrow().problem.clone())
}

/// Calls `callback` whenever [`version`] changes; the returned guard unsubscribes.
pub fn subscribe(callback: Callback<()>) -> Subscription {
    STORE.with(|s| {
        let mut s = s.borrow_mut();
        s.next_listener += 1;
        let id = s.next_listener;
        s.listeners.push((id, callback));
        Subscription(id)
    })
}

pub struct Subscription(u32);

impl Drop for Subscription {
    fn drop(&mut self) {
        let id = self.0;
        STORE.with(|s| s.borrow_mut().listeners.retain(|(i, _)| *i != id));
    }
}

fn notify() {
    let listeners: Vec<Callback<()>> = STORE.with(|s| {
        let mut s = s.borrow_mut();
        s.version = s.version.wrapping_add(1);
        s.listeners.iter().map(|(_, c)| c.clone()).collect()
    });
    for l in listeners {
        l.emit(());
    }
}

/// Acts on a read that could not answer: fetches what it needs (shards already in flight or
/// failed are not asked for again), or records a broken corpus.
pub fn request(need: &Need) {
    match need {
        Need::Broken(e) => {
            let changed = STORE.with(|s| {
                let mut s = s.borrow_mut();
                let p = Some(Problem::Broken(e.clone()));
                let changed = s.problem != p;
                s.problem = p;
                changed
            });
            if changed {
                notify();
            }
        }
        Need::Fetch(refs) => {
            let todo: Vec<(String, ShardRef)> = STORE.with(|s| {
                let mut s = s.borrow_mut();
                let base = s.base.clone();
                let mut todo = Vec::new();
                for r in refs {
                    if s.in_flight.contains(&r.name) || s.failed.iter().any(|f| f.0.name == r.name) || s.problem == Some(Problem::Updated) {
                        continue;
                    }
                    s.in_flight.insert(r.name.clone());
                    todo.push((format!("{base}{}", r.name), r.clone()));
                }
                todo
            });
            // One render when this request's shards are all in (not when every fetch in
            // flight is: while the visitor types, something always is).
            let remaining = std::rc::Rc::new(std::cell::Cell::new(todo.len()));
            let failures = std::rc::Rc::new(std::cell::Cell::new(0usize));
            // Dictionaries name what to fetch next: one arriving while other shards of this
            // request (the postings guessed with it) are still on their way renders at once,
            // so the reads' next fetches overlap those. A request of dictionaries alone (a
            // letter's, fetched ahead) waits for all: asking earlier would overlap nothing.
            let opening: Vec<bool> = STORE.with(|s| todo.iter().map(|(_, r)| s.borrow().library.as_ref().is_some_and(|l| l.opens_more_reads(&r.name))).collect());
            let others = std::rc::Rc::new(std::cell::Cell::new(opening.iter().filter(|&&o| !o).count()));
            for ((url, r), opens_more) in todo.into_iter().zip(opening) {
                let (remaining, failures, others) = (remaining.clone(), failures.clone(), others.clone());
                wasm_bindgen_futures::spawn_local(async move {
                    let result = fetch(&url, false).await;
                    let failed = STORE.with(|s| {
                        let mut s = s.borrow_mut();
                        s.in_flight.remove(&r.name);
                        let outcome = match result {
                            Ok(bytes) => s.library.as_mut().map_or(Ok(()), |l| l.provide(&r.name, &bytes)),
                            Err(e) => Err(e),
                        };
                        if !opens_more {
                            others.set(others.get() - 1);
                        }
                        let early = opens_more && outcome.is_ok() && others.get() > 0;
                        if let Err(e) = outcome {
                            s.failed.push((r.clone(), e));
                            failures.set(failures.get() + 1);
                        }
                        remaining.set(remaining.get() - 1);
                        // Only this request's own failures call for a look at the server.
                        let done = (remaining.get() == 0).then(|| (failures.get() > 0).then(|| s.failed.first().map(|f| (s.failed.len(), f.1.clone()))).flatten());
                        (done, early)
                    });
                    let (failed, early) = failed;
                    match failed {
                        // Still waiting for others of this request.
                        None if early => notify(),
                        None => {}
                        Some(None) => notify(),
                        Some(Some((count, reason))) => {
                            check_for_update(count, reason).await;
                            notify();
                        }
                    }
                });
            }
        }
    }
}

/// After a failure: if the server's manifest now names another build, this page's shards
/// may be gone for good (a deploy); otherwise it is a failure worth retrying.
async fn check_for_update(count: usize, reason: String) {
    let base = STORE.with(|s| s.borrow().base.clone());
    let theirs = match fetch(&format!("{base}{MANIFEST_FILE}"), true).await {
        Ok(bytes) => Library::open(&bytes, None).ok().map(|l| l.manifest().build.clone()),
        Err(_) => None,
    };
    STORE.with(|s| {
        let mut s = s.borrow_mut();
        let ours = s.library.as_ref().map(|l| l.manifest().build.clone());
        s.problem = Some(match (theirs, ours) {
            (Some(t), Some(o)) if t != o => Problem::Updated,
            _ => Problem::Failed(count, reason),
        });
    });
}

/// Fetches the failed shards again, and renders again so every read that needed them asks.
pub fn retry() {
    let failed: Vec<ShardRef> = STORE.with(|s| {
        let mut s = s.borrow_mut();
        if matches!(s.problem, Some(Problem::Failed(..))) {
            s.problem = None;
        }
        s.failed.drain(..).map(|f| f.0).collect()
    });
    if !failed.is_empty() {
        request(&Need::Fetch(failed));
    }
    notify();
}

/// Whether our service worker controls the page (so fetched files are kept for offline use).
pub fn kept_offline() -> bool {
    our_worker()
}

/// Every shard of the corpus and their total size on the wire (what "make available offline"
/// downloads).
pub fn all_shards() -> (Vec<ShardRef>, u64) {
    with(|l| (l.manifest().shards().cloned().collect(), l.manifest().total_bytes()))
}

/// The build's id (for remembering that it was made available offline).
pub fn build_id() -> String {
    with(|l| l.manifest().build.clone())
}

/// Downloads `shards` (so the service worker keeps them), six at a time, reporting the bytes
/// done after each batch. Not decoded: the memory stays the library's bounded cache.
pub async fn download(shards: Vec<ShardRef>, progress: Callback<u64>) -> Result<(), String> {
    let base = STORE.with(|s| s.borrow().base.clone());
    let mut done = 0u64;
    for chunk in shards.chunks(6) {
        // Started together (a JS promise runs from its creation), awaited in turn.
        // `?keep`: the service worker answers once its copy is stored (a search's fetch is
        // answered at once and stored meanwhile), so "available offline" is true when said.
        let started: Vec<_> = chunk.iter().map(|r| fetch_shard(&format!("{base}{}?keep", r.name), false)).collect();
        for (r, promise) in chunk.iter().zip(started) {
            let promise = promise.map_err(describe)?;
            JsFuture::from(promise).await.map_err(|e| format!("{}: {}", r.name, describe(e)))?;
            done += r.bytes as u64;
        }
        progress.emit(done);
    }
    Ok(())
}
