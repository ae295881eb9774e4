#!/usr/bin/env bash
# keel-core must not depend on tauri, directly or through any other crate.
set -euo pipefail
if cargo tree -p keel-core --edges normal,build,dev --prefix none | grep -E '^tauri' ; then
  echo "keel-core depends on tauri (listed above); the core must stay free of the shell." >&2
  exit 1
fi
echo "keel-core does not depend on tauri."
