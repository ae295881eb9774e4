#!/usr/bin/env bash
# The repository holds sources only: no tracked file may sit under a build-output or cache
# folder (node_modules/, .vite/, target/, ui/dist/), however deep.
set -euo pipefail
cd "$(dirname "$0")/.."
tracked=$(git ls-files | grep -E '(^|/)(node_modules|\.vite|target)/|^ui/dist/' || true)
if [[ -n "$tracked" ]]; then
  echo "git tracks build output or caches; remove them (git rm -r --cached) and keep them ignored:" >&2
  echo "$tracked" | head -20 >&2
  exit 1
fi
