#!/usr/bin/env bash
# Trunk post-build hook: the PDF reader (crates/pdf-web) as a wasm module of its own, written to
# pdf/ beside the page. The page loads it in a worker only when a PDF is opened or dropped, so
# the first load carries none of it (see crates/web/src/pdf.rs).
set -euo pipefail
cd "$(dirname "$0")/.."
out="${TRUNK_STAGING_DIR:-${1:?usage: pdf-module.sh DIST}}/pdf"
mkdir -p "$out"
# The web profile (Cargo.toml): built for size, as the page's own module.
cargo build --profile web --locked --target wasm32-unknown-unknown -p yusuan-pdf-web
wasm-bindgen --target web --no-typescript --out-dir "$out" \
  target/wasm32-unknown-unknown/web/yusuan_pdf_web.wasm
# The features rustc's wasm32 target enables by default (binaryen 132 from npm, as Trunk uses).
wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
  --enable-reference-types --enable-multivalue --enable-mutable-globals \
  "$out/yusuan_pdf_web_bg.wasm" -o "$out/yusuan_pdf_web_bg.wasm"
echo "pdf-module: $(du -h "$out/yusuan_pdf_web_bg.wasm" | cut -f1) wasm, $(gzip -9c "$out/yusuan_pdf_web_bg.wasm" | wc -c) bytes gzip"
