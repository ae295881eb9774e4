#!/usr/bin/env bash
# The shipped app is built without the test seams: no normal (non-dev) dependency path may
# enable keel-core's `fixed-clock` or the app's `e2e-seams` feature.
set -euo pipefail
cd "$(dirname "$0")/.."
shipped=$(cargo tree -p keel -e features,normal --prefix none)
for seam in 'keel-core feature "fixed-clock"' 'keel feature "e2e-seams"'; do
  if grep -qF "$seam" <<<"$shipped"; then
    echo "the shipped build enables a test seam: ${seam}" >&2
    exit 1
  fi
done
echo "no test seam in the shipped build"
