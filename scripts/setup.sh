#!/usr/bin/env bash
# Installs everything Dispatches needs on a fresh Debian machine that has rustup:
# the wasm target, Trunk, wasm-bindgen-cli, npm's binaryen (wasm-opt), Chromium and the node packages,
# and for the cross-engine suite (tests/webdriver) WebKitGTK's WebDriver, Xvfb, Firefox ESR and geckodriver.
# Safe to run again: each step is skipped when its tool is already at the right version.
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
WASM_BINDGEN_VERSION=0.2.130
GECKODRIVER_VERSION=0.37.1

as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }

if ! command -v chromium >/dev/null || ! command -v chromedriver >/dev/null; then
  echo "setup: installing Chromium and ChromeDriver (Debian packages)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver >/dev/null
fi
# The cross-engine suite: WebKitWebDriver drives WebKitGTK's MiniBrowser (in Xvfb: it has no
# headless mode); Firefox ESR runs headless under geckodriver (not a Debian package: crates.io).
if ! command -v WebKitWebDriver >/dev/null || ! command -v Xvfb >/dev/null || ! command -v firefox-esr >/dev/null; then
  echo "setup: installing WebKitGTK's WebDriver, Xvfb and Firefox ESR (Debian packages)"
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq webkit2gtk-driver xvfb firefox-esr >/dev/null
fi
if ! command -v node >/dev/null; then
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs npm >/dev/null
fi

rustup target add wasm32-unknown-unknown >/dev/null 2>&1 || rustup target add wasm32-unknown-unknown

if ! trunk --version 2>/dev/null | grep -q "$TRUNK_VERSION"; then
  echo "setup: installing trunk $TRUNK_VERSION"
  cargo install trunk --version "$TRUNK_VERSION" --locked
fi
if ! wasm-bindgen --version 2>/dev/null | grep -q "$WASM_BINDGEN_VERSION"; then
  echo "setup: installing wasm-bindgen-cli $WASM_BINDGEN_VERSION"
  # Not --locked: one locked dependency of this release is missing from the registry.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if ! geckodriver --version 2>/dev/null | grep -q "$GECKODRIVER_VERSION"; then
  echo "setup: installing geckodriver $GECKODRIVER_VERSION"
  cargo install geckodriver --version "$GECKODRIVER_VERSION" --locked
fi

# binaryen's wasm-opt, Playwright, axe-core and selenium-webdriver come from npm (package.json pins them).
if [ ! -x node_modules/.bin/wasm-opt ] || [ ! -d node_modules/@playwright/test ] || [ ! -d node_modules/selenium-webdriver ] || [ package.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing node packages"
  if [ -f package-lock.json ]; then npm ci --no-audit --no-fund; else npm install --no-audit --no-fund; fi
fi
