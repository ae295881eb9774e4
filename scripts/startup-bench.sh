#!/usr/bin/env bash
# Startup time and memory of the release app, beside a bare Tauri 2 window built with the same
# toolchain, measured in the same run under Xvfb (make bench-startup; see BENCHMARKS.md).
#   time:   from process start to the first rendered plan (Keel logs it when the UI reports
#           ready) or to the bare page's load;
#   memory: resident set of the app plus its WebKit processes once it is ready.
set -euo pipefail
cd "$(dirname "$0")/.."

RUNS=${RUNS:-5}
KEEL=target/release/keel
BARE=bench/bare-window/target/release/bare-window
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

[ -x "$KEEL" ] || { echo "build first: cargo build --release" >&2; exit 1; }
[ -x "$BARE" ] || { echo "build first: cargo build --release --manifest-path bench/bare-window/Cargo.toml" >&2; exit 1; }

cargo run --quiet --release -p keel-core --example write_sample -- "$WORK/sample.keel" >/dev/null
cargo run --quiet --release -p keel-core --example large_plan -- "$WORK/big.keel" 10000 >/dev/null

# The resident memory (kB) of a process and all its descendants.
tree_rss() {
  local pids=("$1") all=() next
  while [ ${#pids[@]} -gt 0 ]; do
    all+=("${pids[@]}")
    next=()
    for p in "${pids[@]}"; do
      for c in $(cat /proc/"$p"/task/*/children 2>/dev/null); do next+=("$c"); done
    done
    pids=("${next[@]+"${next[@]}"}")
  done
  local total=0 kb
  for p in "${all[@]}"; do
    kb=$(awk '/^VmRSS:/ { print $2 }' /proc/"$p"/status 2>/dev/null || echo 0)
    total=$((total + ${kb:-0}))
  done
  echo "$total"
}

# One run: starts the program, waits for its "ready after N ms" line, lets it settle, then
# prints "milliseconds kilobytes".
measure() {
  local log="$WORK/log.$$" pid ms
  : >"$log"
  XDG_DATA_HOME="$WORK/data" "$@" 2>"$log" >/dev/null &
  pid=$!
  for _ in $(seq 1 300); do
    ms=$(sed -n 's/.*ready after \([0-9.]*\) ms.*/\1/p' "$log" | head -1)
    [ -n "$ms" ] && break
    sleep 0.1
  done
  sleep 1
  local kb
  kb=$(tree_rss "$pid")
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  [ -n "$ms" ] || { echo "no ready line from $*:" >&2; cat "$log" >&2; exit 1; }
  echo "$ms $kb"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

run_all() {
  local name=$1; shift
  local out="$WORK/$name"
  : >"$out"
  for _ in $(seq 1 "$RUNS"); do measure "$@" >>"$out"; done
  local ms kb
  ms=$(cut -d' ' -f1 "$out" | median)
  kb=$(cut -d' ' -f2 "$out" | median)
  echo "$name $ms $kb"
}

export -f measure tree_rss median run_all
export WORK RUNS
results=$(xvfb-run -a -s "-screen 0 1280x800x24" bash -c '
  run_all bare '"$BARE"'
  run_all sample '"$KEEL"' "$WORK/sample.keel"
  run_all big '"$KEEL"' "$WORK/big.keel"
')

read -r _ bare_ms bare_kb <<<"$(grep '^bare ' <<<"$results")"
printf "%-34s %12s %10s %12s\n" "median of $RUNS runs" "startup" "vs bare" "memory"
div() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.4f", a / b }'; }
printf "%-34s %9.0f ms %10s %9.0f MB\n" "bare Tauri 2 window" "$bare_ms" "1.00×" "$(div "$bare_kb" 1024)"
for name in sample big; do
  read -r _ ms kb <<<"$(grep "^$name " <<<"$results")"
  label=$([ "$name" = sample ] && echo "Keel, sample plan" || echo "Keel, 10,000-feature plan")
  printf "%-34s %9.0f ms %9.2f× %9.0f MB\n" "$label" "$ms" "$(div "$ms" "$bare_ms")" "$(div "$kb" 1024)"
done
echo "targets: startup within 1.5× the bare window; memory under 250 MB with 10,000 features"
