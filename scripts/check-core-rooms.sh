#!/usr/bin/env bash
# The core's rooms depend one way: domain <- compute <- store <- ops <- sync <- io, samples.
# The plan's types and rules (domain) and the pure computations (compute) never reach the
# file, its history, the operations, sync or import/export; nor do they touch SQLite or Loro.
# A module's tests (from its first `#[cfg(test)]` on) may use the samples.
set -euo pipefail
cd "$(dirname "$0")/../src-tauri/core/src"
status=0
check() {
  local room=$1 forbidden=$2
  while IFS= read -r file; do
    if hits=$(awk '/^#\[cfg\(test\)\]/ { exit } { print FILENAME ":" FNR ": " $0 }' "$file" |
      grep -E "$forbidden"); then
      echo "$hits" >&2
      status=1
    fi
  done < <(find "$room" -name '*.rs' | sort)
}
check domain 'crate::(compute|store|ops|sync|io|samples)\b|\b(rusqlite|loro)::'
check compute 'crate::(store|ops|sync|io|samples)\b|\b(rusqlite|loro)::|PlanFile'
check store 'crate::(ops|sync|io|samples)\b'
check ops 'crate::(sync|io|samples)\b'
if [ "$status" -ne 0 ]; then
  echo "The lines above import a room above their own (see the README's layout section)." >&2
  exit 1
fi
echo "The core's rooms depend one way: domain, compute, store, ops, sync, io."
