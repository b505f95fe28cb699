#!/usr/bin/env bash
# Trunk post-build hook: the page's two on-demand wasm modules, beside the page.
#  - check/: the checker (crates/check-web), which the page starts in a worker once it is shown,
#    so the first load carries none of the core's parsing and rules (crates/web/src/worker.rs).
#    Its glue is a classic script defining the global `yusuanCheck`, which a worker made from a
#    blob and the page's own thread can both run.
#  - pdf/: the PDF reader (crates/pdf-web), loaded in a worker only when a PDF is opened or
#    dropped (crates/web/src/pdf.rs).
set -euo pipefail
cd "$(dirname "$0")/.."
dist="${TRUNK_STAGING_DIR:-${1:?usage: modules.sh DIST}}"

# wasm-opt with the features rustc's wasm32 target enables by default (binaryen 132 from npm,
# as Trunk uses).
optimise() {
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int --enable-sign-ext \
    --enable-reference-types --enable-multivalue --enable-mutable-globals "$1" -o "$1"
  echo "modules: $1 $(du -h "$1" | cut -f1) wasm, $(gzip -9c "$1" | wc -c) bytes gzip"
}

# The web profile (Cargo.toml): built for size, as the page's own module.
# One build each: built together, the checker would get the core's `pdf` feature (cargo unifies
# features), and with it the PDF reader and the GBK tables.
for module in yusuan-check-web yusuan-pdf-web; do
  cargo build --profile web --locked --target wasm32-unknown-unknown -p "$module"
done
wasm=target/wasm32-unknown-unknown/web

mkdir -p "$dist/check"
wasm-bindgen --target no-modules --no-modules-global yusuanCheck --no-typescript \
  --out-dir "$dist/check" "$wasm/yusuan_check_web.wasm"
# `let` makes no property of the global object: the page finds the checker as one.
echo 'self.yusuanCheck = yusuanCheck;' >> "$dist/check/yusuan_check_web.js"
optimise "$dist/check/yusuan_check_web_bg.wasm"

mkdir -p "$dist/pdf"
wasm-bindgen --target web --no-typescript --out-dir "$dist/pdf" "$wasm/yusuan_pdf_web.wasm"
optimise "$dist/pdf/yusuan_pdf_web_bg.wasm"
