#!/usr/bin/env bash
# Startup time and memory of the release app, beside a bare Tauri 2 window built with the same
# toolchain, measured in the same run under Xvfb (make bench-startup; see BENCHMARKS.md).
#   time:   from process start to the first rendered plan (Keel logs it when the UI reports
#           ready) or to the bare page's load;
#   memory: resident set of the app plus its WebKit processes once it is ready.
set -euo pipefail
cd "$(dirname "$0")/.."

# Everything below runs on one virtual display.
if [ -z "${KEEL_BENCH_DISPLAY:-}" ]; then
  exec xvfb-run -a -s "-screen 0 1280x800x24" env KEEL_BENCH_DISPLAY=1 "$0" "$@"
fi

RUNS=${RUNS:-5}
KEEL=target/release/keel
BARE=bench/bare-window/target/release/bare-window
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT

[ -x "$KEEL" ] || { echo "build first: make package (or ui/node_modules/.bin/tauri build --no-bundle)" >&2; exit 1; }
[ -x "$BARE" ] || { echo "build first: cargo build --release --manifest-path bench/bare-window/Cargo.toml" >&2; exit 1; }

"$KEEL" new --sample "$WORK/sample.keel" >/dev/null
cargo run --quiet -p keel-core --example large_plan -- "$WORK/big.keel" 10000 >/dev/null

# The memory (kB) of a process and all its descendants: field is VmRSS (resident, counting
# shared libraries once per process) or Pss (each shared page divided among its users).
tree_mem() {
  local field=$1 pids=("$2") all=() next
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
    if [ "$field" = Pss ]; then
      kb=$(awk '/^Pss:/ { print $2 }' /proc/"$p"/smaps_rollup 2>/dev/null || echo 0)
    else
      kb=$(awk '/^VmRSS:/ { print $2 }' /proc/"$p"/status 2>/dev/null || echo 0)
    fi
    total=$((total + ${kb:-0}))
  done
  echo "$total"
}

# One run: starts the program, waits for its "ready after N ms" line, lets it settle, then
# prints "ready_ms page_loaded_ms pss_kb rss_kb read_ms render_ms" (the last two are Keel's own
# breakdown of the time after the page loaded, 0 for the bare window).
measure() {
  local log="$WORK/log" pid ms="" loaded=""
  : >"$log"
  XDG_DATA_HOME="$WORK/data" "$@" 2>"$log" >/dev/null &
  pid=$!
  for _ in $(seq 1 300); do
    ms=$(sed -n 's/.*ready after \([0-9.]*\) ms.*/\1/p' "$log" | head -1)
    [ -n "$ms" ] && break
    sleep 0.1
  done
  loaded=$(sed -n 's/.*page loaded after \([0-9.]*\) ms.*/\1/p' "$log" | head -1)
  local read render
  read=$(sed -n 's/.*read \([0-9.]*\) ms.*/\1/p' "$log" | head -1)
  render=$(sed -n 's/.*render \([0-9.]*\) ms.*/\1/p' "$log" | head -1)
  sleep 1
  local pss rss
  pss=$(tree_mem Pss "$pid")
  rss=$(tree_mem VmRSS "$pid")
  kill "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  [ -n "$ms" ] || { echo "no ready line from $*:" >&2; cat "$log" >&2; exit 1; }
  echo "$ms ${loaded:-$ms} $pss $rss ${read:-0} ${render:-0}"
}

median() { sort -n | awk '{ a[NR] = $1 } END { print (NR % 2) ? a[(NR + 1) / 2] : (a[NR / 2] + a[NR / 2 + 1]) / 2 }'; }

run_all() {
  local name=$1; shift
  local out="$WORK/$name" col
  : >"$out"
  for _ in $(seq 1 "$RUNS"); do measure "$@" >>"$out"; done
  printf "%s" "$name"
  for col in 1 2 3 4 5 6; do printf " %s" "$(cut -d' ' -f"$col" "$out" | median)"; done
  echo
}

results=$(
  run_all bare "$BARE"
  run_all sample "$KEEL" "$WORK/sample.keel"
  run_all big "$KEEL" "$WORK/big.keel"
)

div() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
read -r _ bare_ms _ bare_pss bare_rss _ _ <<<"$(grep '^bare ' <<<"$results")"
printf "%-28s %14s %9s %13s %9s %11s %11s\n" "median of $RUNS runs" "first plan" "vs bare" "page loaded" "vs bare" "memory PSS" "(RSS sum)"
printf "%-28s %11.0f ms %9s %10.0f ms %9s %8.0f MB %8.0f MB\n" "bare Tauri 2 window" "$bare_ms" "—" "$bare_ms" "1.00×" \
  "$(div "$bare_pss" 1024)" "$(div "$bare_rss" 1024)"
for name in sample big; do
  read -r _ ms loaded pss rss _ _ <<<"$(grep "^$name " <<<"$results")"
  label=$([ "$name" = sample ] && echo "Keel, sample plan" || echo "Keel, 10,000 features")
  printf "%-28s %11.0f ms %8s× %10.0f ms %8s× %8.0f MB %8.0f MB\n" "$label" "$ms" "$(div "$ms" "$bare_ms")" \
    "$loaded" "$(div "$loaded" "$bare_ms")" "$(div "$pss" 1024)" "$(div "$rss" 1024)"
done
echo "targets: startup within 1.5× the bare window; memory under 250 MB with 10,000 features"
echo
echo "Keel after the page loaded (medians, as the UI measures them):"
for name in sample big; do
  read -r _ _ _ _ _ read render <<<"$(grep "^$name " <<<"$results")"
  label=$([ "$name" = sample ] && echo "sample plan" || echo "10,000 features")
  printf "  %-16s reading the plan (load_plan) %6.0f ms, first render %6.0f ms\n" "$label" "$read" "$render"
done
