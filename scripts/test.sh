#!/usr/bin/env bash
# Sets everything up (scripts/setup.sh), then runs every test:
#   1. native engine, CLI and app unit/integration tests (cargo test --workspace)
#   2. the app's wasm-bindgen tests in headless Chromium
#   3. the release build (trunk build --release), two extra builds for the offline and embedding
#      tests, two split-layout builds (corpus fetched as shards), and the Playwright end-to-end
#      tests against them
#   4. the cross-engine suite: the same builds in WebKitGTK and Firefox ESR over WebDriver
#      (tests/webdriver, one viewport)
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh

step() { printf '\n== %s\n' "$*"; }

step "native tests"
cargo test --workspace

step "wasm tests in headless Chromium"
cargo test --target wasm32-unknown-unknown -p dispatches

step "release build"
cargo build --release -p dispatches-cli
trunk build --release --offline

step "extra builds for the offline and embedding tests (sub-path /explorer/, second corpus)"
# Same wasm as dist/ (only wasm-bindgen and wasm-opt run again), served under /explorer/.
trunk build --release --offline --public-url /explorer/ --dist target/e2e/dist-explorer
# A tiny other corpus: the test deploys it over dist/ and checks the cached copy is replaced.
DISPATCHES_CORPUS=tests/fixtures/corpus-b trunk build --release --offline --dist target/e2e/dist-corpus-b
# A tiny corpus whose quotations travel between outlets (tests/e2e/trails.spec.mjs).
DISPATCHES_CORPUS=tests/fixtures/corpus-trails trunk build --release --offline --dist target/e2e/dist-trails

step "split-layout builds (the corpus as shards in corpus/, fetched on demand)"
# The seeds forced into the split layout (tests/e2e/split.spec.mjs), and the second corpus, whose
# corpus/manifest.bin the test serves as a deploy in the middle of a session.
DISPATCHES_LAYOUT=split trunk build --release --offline --dist target/e2e/dist-split
DISPATCHES_LAYOUT=split DISPATCHES_CORPUS=tests/fixtures/corpus-b trunk build --release --offline --dist target/e2e/dist-split-b
# The travelling quotations again, split: the reader reads its report's range of trails.
DISPATCHES_LAYOUT=split DISPATCHES_CORPUS=tests/fixtures/corpus-trails trunk build --release --offline --dist target/e2e/dist-trails-split
# An invented newsroom of 14 outlets, 70 reports and 64 speakers (tests/e2e/newsroom.spec.mjs:
# facets with "Show all", who said what over several screens), written by a script.
node tests/fixtures/newsroom.mjs target/e2e/corpus-newsroom
DISPATCHES_LAYOUT=split DISPATCHES_CORPUS=target/e2e/corpus-newsroom trunk build --release --offline --dist target/e2e/dist-newsroom
# The same newsroom a day later (one report more): a deploy of it keeps the shards the two
# builds share in a visitor's offline cache (tests/e2e/split.spec.mjs).
node tests/fixtures/newsroom.mjs target/e2e/corpus-newsroom-next --a-day-later
DISPATCHES_LAYOUT=split DISPATCHES_CORPUS=target/e2e/corpus-newsroom-next trunk build --release --offline --dist target/e2e/dist-newsroom-next

step "end-to-end tests (Playwright, Chromium)"
npx playwright test

step "cross-engine tests (WebDriver: WebKitGTK, Firefox ESR)"
node --test --test-reporter=spec tests/webdriver/engines.test.mjs
