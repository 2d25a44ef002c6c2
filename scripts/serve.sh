#!/usr/bin/env bash
# Sets everything up (scripts/setup.sh), builds the release app and serves it at
# http://127.0.0.1:8080/ . Set DISPATCHES_CORPUS=/path/to/folder to build another corpus.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
source scripts/env.sh
trunk build --release --offline
echo "Dispatches: open http://127.0.0.1:${PORT:-8080}/ (Ctrl-C stops)"
exec node tests/serve.mjs --root dist --port "${PORT:-8080}" --ttl "${TTL:-86400}"
