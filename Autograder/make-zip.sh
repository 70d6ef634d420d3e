#!/usr/bin/env bash
# Makes Gradescope's autograder zip from the package (run it in a clean checkout): setup.sh and
# run_autograder at its root, the package beside them in package/.
#   Autograder/make-zip.sh [OUT.zip]       (default: autograder.zip)
#   Autograder/make-zip.sh --folder DIR    the same files in a folder instead (for tests)
set -euo pipefail
top="$(cd "$(dirname "$0")/.." && pwd)"
if [ "${1:-}" = "--folder" ]; then
  out="$2"
else
  zip="$(cd "$(dirname "${1:-autograder.zip}")" && pwd)/$(basename "${1:-autograder.zip}")"
  out="$(mktemp -d)/autograder"
fi
mkdir -p "$out/package"
cp "$top/Autograder/setup.sh" "$top/Autograder/run_autograder" "$out/"
# Exercises/ must be what Solutions/ generates: stubs only, or students would be given answers.
if [ -d "$top/.build/debug" ] && [ -x "$top/.build/debug/exercises" ]; then
  (cd "$top" && .build/debug/exercises check) >&2
fi
for item in Package.swift README.md Sources Tests Solutions Exercises Guides Mistakes; do
  cp -R "$top/$item" "$out/package/$item"
done
if [ "${1:-}" != "--folder" ]; then
  rm -f "$zip"
  (cd "$out" && zip -qr "$zip" .)
  echo "$zip"
fi
