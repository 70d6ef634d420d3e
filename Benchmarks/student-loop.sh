#!/usr/bin/env bash
# Times the student's loop as the README shows it: after an edit to one exercise file, the two
# commands alternate, `companion test CHAPTER` and `companion check CHAPTER`, each once built.
#   Benchmarks/student-loop.sh [CHAPTER] [ROUNDS]     (default: Convolution, 3)
# It appends comment lines to a file of Exercises/CHAPTER and takes them out again at the end.
set -euo pipefail
cd "$(dirname "$0")/.."
chapter="${1:-Convolution}"
rounds="${2:-3}"
unset COMPANION_TRACK
file="$(ls Exercises/"$chapter"/*.swift | head -n 1)"
cp "$file" "$file.loop-backup"
trap 'mv "$file.loop-backup" "$file"' EXIT

step() {
  local start end
  start=$(date +%s.%N)
  swift run companion "$@" >/dev/null 2>&1 || true
  end=$(date +%s.%N)
  printf '%-34s %5.2f s\n' "$*" "$(echo "$end - $start" | bc)"
}

echo "warming up: each command once"
step test "$chapter"
step check "$chapter"
for round in $(seq 1 "$rounds"); do
  echo "// an edit, round $round" >> "$file"
  printf 'edit %s, then\n' "$file"
  step test "$chapter"
  step check "$chapter"
  echo "// another edit, round $round" >> "$file"
  printf 'edit %s, then\n' "$file"
  step check "$chapter"
  step test "$chapter"
done
