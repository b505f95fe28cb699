#!/usr/bin/env bash
# Fuzzes every entry point of the checker with cargo fuzz (libFuzzer).
#   scripts/fuzz.sh [SECONDS_PER_TARGET] [TARGET...]     default: 60 s each for bytes, html, cli, pdf
# Corpora start from the fixtures (whole files and 8 KB slices of them; for pdf, the small PDFs
# in fuzz/seeds/pdf/) and grow in fuzz/corpus/.
# A crash stops the run and leaves its input in fuzz/artifacts/TARGET/; turn it into a
# regression test in crates/core/tests/robustness.rs.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"

secs="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(bytes html cli pdf)

command -v cargo-fuzz >/dev/null || cargo install cargo-fuzz --locked --version 0.13.2

# cargo fuzz needs nightly-only rustc flags: use the nightly toolchain when the machine has one,
# otherwise let the stable compiler accept them.
if rustup toolchain list 2>/dev/null | grep -q '^nightly'; then
  fuzz=(cargo +nightly fuzz)
else
  export RUSTC_BOOTSTRAP=1
  fuzz=(cargo fuzz)
fi

seed() {
  local dir="fuzz/corpus/$1"
  mkdir -p "$dir"
  [ -n "$(ls -A "$dir")" ] && return
  if [ "$1" = pdf ]; then
    cp fuzz/seeds/pdf/*.pdf "$dir/"
    return
  fi
  for f in tests/fixtures/*.txt; do
    cp "$f" "$dir/"
    split -C 8192 -d -a 3 "$f" "$dir/$(basename "$f" .txt)-slice-"
  done
  printf '<table><tr><td rowspan="2">合计</td><td colspan="2">1.00</td></tr></table>' >"$dir/table.html"
}

(cd fuzz && "${fuzz[@]}" build -s none)
for t in "${targets[@]}"; do
  seed "$t"
  echo "fuzz: $t for ${secs}s"
  (cd fuzz && "${fuzz[@]}" run -s none "$t" "corpus/$t" -- \
    -max_total_time="$secs" -max_len=262144 -timeout=20 -rss_limit_mb=4096 -print_final_stats=1 2>&1 |
    grep -E '^(stat::|Done|INFO: Running|==|SUMMARY|thread|panicked|Test unit)' || true)
  found=$(find "fuzz/artifacts/$t" -type f \( -name 'crash-*' -o -name 'timeout-*' -o -name 'oom-*' \) 2>/dev/null)
  if [ -n "$found" ]; then
    echo "fuzz: $t found a failing input:" $found
    exit 1
  fi
done
echo "fuzz: no crash in ${targets[*]} (${secs}s each)"
