# Sourced by the scripts: puts the project's tools on PATH (cargo's bin, npm binaryen's wasm-opt).
export PATH="$HOME/.cargo/bin:$PWD/node_modules/.bin:$PATH"
export CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
