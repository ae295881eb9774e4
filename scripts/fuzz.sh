#!/usr/bin/env bash
# Fuzzes each target for SECONDS (the first argument, default 600) on stable Rust (no
# sanitizer: the address sanitizer needs nightly), then minimises the corpus. An input over a
# second is a hang; crash inputs go to fuzz/artifacts/TARGET/. Prints each target's executions.
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-600}
targets=(open_plan import_json change_file change_ops import_csv)
cargo fuzz build --sanitizer none
status=0
for target in "${targets[@]}"; do
  mkdir -p "fuzz/artifacts/$target"
  log="fuzz/target/$target.log"
  mkdir -p fuzz/target
  echo "Fuzzing $target for ${seconds}s"
  if ! cargo fuzz run --sanitizer none "$target" "fuzz/corpus/$target" -- \
      -max_total_time="$seconds" -timeout=1 -rss_limit_mb=2048 \
      -artifact_prefix="fuzz/artifacts/$target/" 2>"$log"; then
    echo "$target: an input failed; it is under fuzz/artifacts/$target/ (see $log)" >&2
    status=1
  fi
  grep -E "^Done [0-9]+ runs" "$log" | sed "s/^/$target: /" || tail -3 "$log"
  cargo fuzz cmin --sanitizer none "$target" "fuzz/corpus/$target" >/dev/null 2>&1 || true
done
exit $status
