#!/usr/bin/env bash
# Startup time and memory of the release app, beside a bare Tauri 2 window built with the same
# toolchain, measured in the same run under Xvfb (make bench-startup; see BENCHMARKS.md).
#   time:   from process start to the first rendered frame: Keel's first plan on screen, the
#           bare window's page (each page reports the second animation frame after its content
#           is in place), and to the page's load;
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

"$KEEL" new "$WORK/sample.keel" --sample >/dev/null
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
# breakdown of its first plan: the read, and the render after it; 0 for the bare window).
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

# The programs, measured in turns (bare, Keel, Keel with 10k, ...) so drift in the machine
# falls on all of them alike. Keel draws without WebKit's GPU compositing (see BENCHMARKS.md);
# "bare-sw" is the bare window drawn the same way.
NAMES=(bare bare-sw sample big)
program() {
  case $1 in
    bare) echo "$BARE" ;;
    bare-sw) echo "env WEBKIT_DISABLE_COMPOSITING_MODE=1 $BARE" ;;
    sample) echo "$KEEL $WORK/sample.keel" ;;
    big) echo "$KEEL $WORK/big.keel" ;;
  esac
}
for _ in $(seq 1 "$RUNS"); do
  for name in "${NAMES[@]}"; do
    # shellcheck disable=SC2046  # the program and its arguments, split on purpose
    measure $(program "$name") >>"$WORK/$name"
  done
done
results=$(
  for name in "${NAMES[@]}"; do
    printf "%s" "$name"
    for col in 1 2 3 4 5 6; do printf " %s" "$(cut -d' ' -f"$col" "$WORK/$name" | median)"; done
    echo
  done
)

div() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.2f", a / b }'; }
read -r _ bare_ms bare_loaded bare_pss bare_rss _ _ <<<"$(grep '^bare ' <<<"$results")"
printf "%-34s %11s %8s %12s %8s %11s %10s\n" "median of $RUNS runs" "first frame" "vs bare" "page loaded" "vs bare" "memory PSS" "(RSS sum)"
for name in "${NAMES[@]}"; do
  read -r _ ms loaded pss rss _ _ <<<"$(grep "^$name " <<<"$results")"
  case $name in
    bare) label="bare Tauri 2 window" ;;
    bare-sw) label="bare window, no GPU compositing" ;;
    sample) label="Keel, sample plan" ;;
    big) label="Keel, 10,000 features" ;;
  esac
  printf "%-34s %8.0f ms %7s× %9.0f ms %7s× %8.0f MB %7.0f MB\n" "$label" "$ms" "$(div "$ms" "$bare_ms")" \
    "$loaded" "$(div "$loaded" "$bare_loaded")" "$(div "$pss" 1024)" "$(div "$rss" 1024)"
done
echo "targets: startup within 1.5× the bare window; memory with 10,000 features at most 20 MB over plan format 1's 258 MB"
echo
echo "Keel's first plan (medians, as the UI measures them):"
for name in sample big; do
  read -r _ _ _ _ _ read render <<<"$(grep "^$name " <<<"$results")"
  label=$([ "$name" = sample ] && echo "sample plan" || echo "10,000 features")
  printf "  %-16s reading the plan (load_plan) %6.0f ms, first render %6.0f ms\n" "$label" "$read" "$render"
done
