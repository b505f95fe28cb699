# The two commands a new user needs:
#   make serve   build the checker page and serve it on http://127.0.0.1:8080
#   make test    run every test (formatting, lints, unit, fixture and property tests, the page
#                built for release and driven in headless Chromium)

export PATH := $(CURDIR)/node_modules/.bin:$(HOME)/.cargo/bin:$(PATH)
export TRUNK_SKIP_VERSION_CHECK := true

.PHONY: setup setup-test serve build test lint unit fuzz-smoke fuzz page browser bench bench-browser bench-memory

setup:
	scripts/setup.sh

setup-test:
	scripts/setup.sh --test

serve: setup
	trunk serve --release

build: setup
	trunk build --release

lint:
	cargo fmt --all -- --check
	cargo clippy --workspace --all-targets --locked -- -D warnings
	cargo clippy -p yusuan-web -p yusuan-check-web -p yusuan-pdf-web --target wasm32-unknown-unknown --locked -- -D warnings
	cd fuzz && RUSTC_BOOTSTRAP=1 cargo check --locked --bins

unit:
	cargo test --workspace --locked
	cargo test --release --locked -p yusuan-core --test mutation -- --nocapture

page: build
	@test -s dist/index.html && test -s dist/yusuan-offline.html && ls dist/*.wasm >/dev/null
	@echo "page built: $$(du -ch dist/*.wasm dist/*.js | tail -1); single file $$(du -h dist/yusuan-offline.html | cut -f1)"

# A short fuzz run of every entry point (part of `make test`); `make fuzz` runs 20 min per target.
fuzz-smoke:
	scripts/fuzz.sh 30

fuzz:
	scripts/fuzz.sh 1200

bench:
	cargo bench --locked -p yusuan-core --bench check

bench-memory:
	bench/memory.sh

bench-browser: page
	node bench/browser.mjs

browser: page
	node --test tests/e2e/

test: setup-test lint unit fuzz-smoke browser
