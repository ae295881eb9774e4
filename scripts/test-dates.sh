#!/usr/bin/env bash
# Runs the Rust test suite and the UI unit tests with the system date and time zone faked by
# libfaketime, at dates where a clock-dependent test would break (a year's last evening, a
# month's end, a leap day, years ahead) and in three time zones. Every run must pass: no test
# may depend on the day, the time zone or the machine. Not part of `make test` (15 runs).
set -euo pipefail
cd "$(dirname "$0")/.."

dates=("2026-12-31 23:30:00" "2027-02-28 23:30:00" "2028-02-29 23:30:00" "2031-06-15 23:30:00")
zones=(UTC Pacific/Auckland America/Los_Angeles)

# Built once with the real clock; the test binaries then run themselves under each faked date
# (cargo is not run under libfaketime).
binaries=()
while IFS=$'\t' read -r exe dir; do
  binaries+=("$exe|$dir")
done < <(cargo test --workspace --no-run --message-format=json 2>/dev/null | python3 -c '
import json, os, sys
for line in sys.stdin:
    m = json.loads(line)
    if m.get("reason") == "compiler-artifact" and m.get("executable") and m["profile"]["test"]:
        print(m["executable"], os.path.dirname(m["manifest_path"]), sep="\t")
')
if ((${#binaries[@]} == 0)); then
  echo "test-dates: no Rust test binaries were built" >&2
  exit 1
fi

# Each test binary from its package's folder, as cargo runs it.
rust_tests() {
  local ok=0 entry
  for entry in "${binaries[@]}"; do
    (cd "${entry#*|}" && TZ="$1" faketime -m "$2" "${entry%%|*}" -q) || ok=1
  done
  return $ok
}

failed=()
for zone in "${zones[@]}"; do
  for date in "${dates[@]}"; do
    echo "=== ${date} in ${zone}"
    seen=$(TZ="$zone" faketime -m "$date" date '+%Y-%m-%d %H:%M %Z')
    echo "    the tests see: ${seen}"
    if ! rust_tests "$zone" "$date"; then
      failed+=("Rust tests at ${date} in ${zone}")
    fi
    if ! TZ="$zone" faketime -m "$date" npm --prefix ui test --silent; then
      failed+=("UI tests at ${date} in ${zone}")
    fi
  done
done

if ((${#failed[@]})); then
  printf 'failed: %s\n' "${failed[@]}" >&2
  exit 1
fi
echo "test-dates: every run passed at ${#dates[@]} dates in ${#zones[@]} time zones"
