#!/usr/bin/env bash
# Peak memory (maximum resident set size) of the release CLI checking each seed, all seeds ×10
# and ×100 — prints figures, asserts nothing.   make bench-memory
set -euo pipefail
cd "$(dirname "$0")/.."
command -v /usr/bin/time >/dev/null || { echo "needs GNU time (apt-get install -y time)"; exit 1; }
cargo build --release --locked -p yusuan-cli -q
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for i in $(seq 10); do cat tests/fixtures/*.txt; done >"$tmp/x10.txt"
for i in $(seq 10); do cat "$tmp/x10.txt"; done >"$tmp/x100.txt"
for f in tests/fixtures/*.txt "$tmp/x10.txt" "$tmp/x100.txt"; do
  size=$(stat -c %s "$f")
  /usr/bin/time -f "%M %e" -o "$tmp/m" ./target/release/yusuan check -f json --fail-on never "$f" >/dev/null
  read -r kb secs <"$tmp/m"
  awk -v n="$(basename "$f")" -v s="$size" -v k="$kb" -v t="$secs" \
    'BEGIN { printf "%-28s %8.2f MB input  peak RSS %6.1f MB  (%.2f s)\n", n, s / 1e6, k / 1024, t }'
done
