#!/usr/bin/env bash
# Installs what building and testing need, only what is missing. Safe to run repeatedly.
#   scripts/setup.sh          build tools: wasm32 target, trunk, wasm-bindgen-cli, wasm-opt (npm)
#   scripts/setup.sh --test   also what the browser tests need (added with the browser tests)
set -euo pipefail
cd "$(dirname "$0")/.."

TRUNK_VERSION=0.21.14
# The wasm-bindgen CLI must match the library version in Cargo.lock exactly.
WASM_BINDGEN_VERSION=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/version = |"/,""); print; exit}' Cargo.lock)

say() { printf '[setup] %s\n' "$*"; }

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  say "adding the wasm32-unknown-unknown target"
  rustup target add wasm32-unknown-unknown
fi

if ! trunk --version 2>/dev/null | grep -q "trunk $TRUNK_VERSION"; then
  say "installing trunk $TRUNK_VERSION (about 11 minutes)"
  cargo install --locked trunk --version "$TRUNK_VERSION"
fi

if ! wasm-bindgen --version 2>/dev/null | grep -q "wasm-bindgen $WASM_BINDGEN_VERSION"; then
  say "installing wasm-bindgen-cli $WASM_BINDGEN_VERSION (about 3 minutes)"
  # Not --locked: the CLI's own lockfile pins crates this toolchain cannot build.
  cargo install wasm-bindgen-cli --version "$WASM_BINDGEN_VERSION"
fi

if ! node_modules/.bin/wasm-opt --version 2>/dev/null | grep -q "version 132"; then
  say "installing npm tools (binaryen 132 for wasm-opt)"
  npm ci --no-audit --no-fund
fi

if [ "${1:-}" = "--test" ]; then
  # Browser tests: Debian's Chromium (never a downloaded browser) and a CJK font, so that
  # screenshots show the Chinese text.
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  fc-list 2>/dev/null | grep -qi "wenquanyi\|noto sans cjk" || missing+=(fonts-wqy-zenhei)
  if [ ${#missing[@]} -gt 0 ]; then
    say "installing ${missing[*]} from Debian"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -qq
    apt-get install -y -qq "${missing[@]}" >/dev/null
  fi
fi

say "fetching crates"
cargo fetch --locked >/dev/null
say "ready"
