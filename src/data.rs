//! The corpus bundle, compiled into the wasm by build.rs and decoded once on first use.

use dispatches_engine::bundle::Bundle;
use std::sync::OnceLock;

static BUNDLE_BYTES: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/bundle.bin"));

/// The decoded bundle. A blob that fails to decode is a build bug, not user input: panicking
/// (with the reason) is right, as nothing can be shown without it.
pub fn bundle() -> &'static Bundle {
    static BUNDLE: OnceLock<Bundle> = OnceLock::new();
    BUNDLE.get_or_init(|| Bundle::from_bytes(BUNDLE_BYTES).unwrap_or_else(|e| panic!("embedded corpus: {e}")))
}
